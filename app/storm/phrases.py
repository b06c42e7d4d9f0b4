"""The words of the audience's reactions to the team, in both languages.

`{quote}` is a piece of the team's own text (in the language's quotation marks), `{earlier}` a
piece of an earlier one, `{brand}` the drill's brand, `{time}` a clock time of the drill. Each
reaction kind has templates for a favourable ("good") and a hostile ("bad") reader; a kind with
none for a tone leaves the choice to the next kind that applies.
"""

REACTIONS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "contradiction": {
            "bad": (
                "Earlier: {earlier}. Now: {quote}. Which is it, {brand}?",
                "{brand} said {earlier}, now {quote}. Nobody over there knows what's going on.",
                "So first {earlier}, and now {quote}? Make up your mind.",
            ),
        },
        "affirms_rumour": {
            "bad": (
                "{brand} confirms it: {quote}. This is huge.",
                "They admit it! {quote}",
                "Straight from {brand}: {quote}. So it was true.",
            ),
        },
        "contradicts_fact": {
            "bad": (
                "{quote}? That's not what the official notice says.",
                "{quote}. Do they even read their own updates?",
                "{brand} now says {quote}. The facts say otherwise.",
            ),
        },
        "contempt": {
            "bad": (
                "Did {brand} really just write {quote}? Screenshot taken.",
                "{quote}. That's how {brand} talks about the people it hurt.",
                "{quote}. Wow. Someone at {brand} should lose their password.",
            ),
        },
        "refusal": {
            "bad": (
                "{quote}. That's all {brand} has to say?",
                "{quote}. Silence with extra steps.",
                "People want answers and {brand} gives us {quote}.",
            ),
        },
        "victims": {
            "bad": (
                "{quote}. Blaming your own customers. Unbelievable.",
                "Wait, it's OUR fault? {quote}. Wow, {brand}.",
                "{brand}: {quote}. Victim-blaming, in writing.",
            ),
        },
        "third_party": {
            "bad": (
                "So it's someone else's fault now? {quote}. You chose your partners, {brand}.",
                "Blame-shifting 101: {quote}",
                "{quote}. Your name is on the product, {brand}, not theirs.",
            ),
        },
        "denies_responsibility": {
            "bad": (
                "{quote}. Nobody's fault, then. Convenient.",
                "{brand}: {quote}. Of course it isn't.",
            ),
        },
        "conditional": {
            "bad": (
                "{quote}? That's not an apology, that's a shrug.",
                "Read it again: {quote}. Sorry we're upset, not sorry for what they did.",
                "{quote}. Textbook non-apology.",
            ),
        },
        "apology": {
            "good": (
                "{brand}: {quote}. At least they said it. Now show us.",
                "Credit where it's due, {brand} wrote {quote}. That's a start.",
                "{quote}, says {brand}. That's what people needed to hear.",
            ),
            "bad": (
                "{quote}. Sorry doesn't refund anyone, {brand}.",
                "{quote}… and what are you actually doing about it?",
                "Nice words: {quote}. Let's see the actions.",
            ),
        },
        "denial": {
            "good": (
                "{brand} says {quote}. Good to know, I'd seen that going around.",
                "Clear answer from {brand}: {quote}. Please stop sharing the rumour.",
                "{quote}. There you go, straight from {brand}.",
            ),
            "bad": (
                "{quote}, they say. Of course they'd deny it.",
                "{brand}: {quote}. Then show us the evidence.",
                "{quote}. Not convinced, sorry.",
            ),
        },
        "promise": {
            "good": (
                "{brand} promises {quote}. Holding you to it.",
                "{quote}. Noted, we'll be watching.",
            ),
            "bad": (
                "{quote}. We've heard that before.",
                "{brand}: {quote}. Believe it when I see it.",
            ),
        },
        "said": {
            "good": (
                "{brand} just posted: {quote}. Thank you for the update.",
                "Finally some words from {brand}: {quote}.",
                "{quote}, says {brand}. Thanks for keeping us posted.",
            ),
            "bad": (
                "{quote}. That's it? That's the statement?",
                "{brand}: {quote}. And still no real answer.",
                "{quote}. Is that supposed to reassure anyone?",
            ),
        },
        "missed": {
            "bad": (
                "{brand} promised an update by {time}. It's past {time} and still nothing.",
                "Still waiting for the {time} update {brand} promised. Anyone?",
                "{time} came and went. Where's the update, {brand}?",
            ),
        },
    },
    "fr": {
        "contradiction": {
            "bad": (
                "Avant : {earlier}. Maintenant : {quote}. Il faudrait savoir, {brand}.",
                "{brand} disait {earlier}, et maintenant {quote}. Plus personne n'y comprend rien.",
                "D'abord {earlier}, puis {quote} ? Faudrait vous mettre d'accord.",
            ),
        },
        "affirms_rumour": {
            "bad": (
                "{brand} le confirme : {quote}. C'est énorme.",
                "Ils l'avouent ! {quote}",
                "Directement de {brand} : {quote}. Donc c'était vrai.",
            ),
        },
        "contradicts_fact": {
            "bad": (
                "{quote} ? Ce n'est pas ce que dit l'avis officiel.",
                "{quote}. Ils lisent leurs propres communiqués ?",
                "{brand} affirme maintenant {quote}. Les faits disent le contraire.",
            ),
        },
        "contempt": {
            "bad": (
                "{brand} a vraiment écrit {quote} ? Capture d'écran faite.",
                "{quote}. Voilà comment {brand} parle de ses propres clients.",
                "{quote}. Sérieusement ? Qui tient le compte de {brand} ?",
            ),
        },
        "refusal": {
            "bad": (
                "{quote}. C'est tout ce que {brand} a à dire ?",
                "{quote}. Le silence, en plus poli.",
                "On attend des réponses et {brand} nous sert {quote}.",
            ),
        },
        "victims": {
            "bad": (
                "{quote}. Ils accusent leurs propres clients. Incroyable.",
                "Attendez, c'est NOTRE faute ? {quote}. Bravo {brand}.",
                "{brand} : {quote}. Rejeter la faute sur les victimes, noir sur blanc.",
            ),
        },
        "third_party": {
            "bad": (
                "Donc c'est la faute des autres ? {quote}. C'est vous qui les avez choisis, "
                "{brand}.",
                "Le grand classique, on rejette la faute : {quote}",
                "{quote}. C'est le nom de {brand} qui est sur le produit, pas le leur.",
            ),
        },
        "denies_responsibility": {
            "bad": (
                "{quote}. Personne n'est responsable, donc. Pratique.",
                "{brand} : {quote}. Évidemment.",
            ),
        },
        "conditional": {
            "bad": (
                "{quote} ? Ce ne sont pas des excuses, c'est un haussement d'épaules.",
                "Relisez bien : {quote}. Désolés qu'on soit fâchés, pas de ce qu'ils ont fait.",
                "{quote}. Des excuses qui n'en sont pas.",
            ),
        },
        "apology": {
            "good": (
                "{brand} : {quote}. Au moins, c'est dit. Maintenant, des actes.",
                "Il faut le reconnaître, {brand} écrit {quote}. C'est un début.",
                "{quote}, dit {brand}. C'est ce qu'on avait besoin d'entendre.",
            ),
            "bad": (
                "{quote}. Les excuses, ça ne rembourse personne.",
                "{quote}… Et concrètement, vous faites quoi ?",
                "Jolis mots : {quote}. On attend les actes.",
            ),
        },
        "denial": {
            "good": (
                "{brand} dément : {quote}. Merci, je l'avais vu passer partout.",
                "Réponse claire de {brand} : {quote}. Arrêtez de partager la rumeur.",
                "{quote}. Voilà, c'est {brand} qui le dit.",
            ),
            "bad": (
                "{quote}, disent-ils. Évidemment qu'ils démentent.",
                "{brand} : {quote}. Alors montrez-nous les preuves.",
                "{quote}. Pas très convaincant, tout ça.",
            ),
        },
        "promise": {
            "good": (
                "{brand} promet : {quote}. On vous prend au mot.",
                "{quote}. C'est noté, on vérifiera.",
            ),
            "bad": (
                "{quote}. On connaît la chanson.",
                "{brand} : {quote}. J'y croirai quand je le verrai.",
            ),
        },
        "said": {
            "good": (
                "{brand} vient de publier : {quote}. Merci pour l'info.",
                "Enfin un mot de {brand} : {quote}.",
                "{quote}, dit {brand}. Merci de nous tenir au courant.",
            ),
            "bad": (
                "{quote}. C'est tout ? C'est ça, le communiqué ?",
                "{brand} : {quote}. Et toujours pas de vraie réponse.",
                "{quote}. C'est censé rassurer qui, exactement ?",
            ),
        },
        "missed": {
            "bad": (
                "{brand} avait promis un point à {time}. Il est plus de {time} et toujours rien.",
                "Toujours pas de nouvelles du point de {time} promis par {brand}. Quelqu'un ?",
                "{time}, c'est passé. Il est où, ce point, {brand} ?",
            ),
        },
    },
}
# What journalists ask about a statement, by what it says.
QUESTIONS: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "contradiction": (
            "You said {earlier}, and now {quote}. Which is right, and why did it change?",
        ),
        "affirms_rumour": ("You write {quote}. Can you confirm that on the record, with figures?",),
        "contradicts_fact": ("Your statement says {quote}. What is that based on?",),
        "contempt": ("Your post says {quote}. Do you stand by those words?",),
        "refusal": ("You replied {quote}. Why won't you answer, and when will you?",),
        "victims": ("You write {quote}. Are you saying customers are responsible?",),
        "third_party": ("You say {quote}. Which company, and what checks did you run on it?",),
        "denies_responsibility": ("You say {quote}. Then who is responsible?",),
        "conditional": ("You write {quote}. Are you apologising or not?",),
        "apology": ("You say {quote}. What will you do for the people affected?",),
        "denial": ("You say {quote}. What evidence can you share?",),
        "promise": ("You promise {quote}. What exactly will it cover, and when?",),
        "said": ("Following your statement ({quote}): can you give us more detail?",),
    },
    "fr": {
        "contradiction": (
            "Vous disiez {earlier}, et maintenant {quote}. Qu'est-ce qui est juste, et pourquoi ce "
            "changement ?",
        ),
        "affirms_rumour": (
            "Vous écrivez {quote}. Pouvez-vous le confirmer officiellement, chiffres à l'appui ?",
        ),
        "contradicts_fact": ("Votre communiqué dit {quote}. Sur quoi vous fondez-vous ?",),
        "contempt": ("Votre message dit {quote}. Maintenez-vous ces mots ?",),
        "refusal": ("Vous répondez {quote}. Pourquoi ne pas répondre, et quand le ferez-vous ?",),
        "victims": ("Vous écrivez {quote}. Les clients seraient donc responsables ?",),
        "third_party": (
            "Vous dites {quote}. De quelle entreprise s'agit-il, et quels contrôles "
            "aviez-vous faits ?",
        ),
        "denies_responsibility": ("Vous dites {quote}. Qui est responsable, alors ?",),
        "conditional": ("Vous écrivez {quote}. Présentez-vous des excuses, oui ou non ?",),
        "apology": ("Vous dites {quote}. Que ferez-vous pour les personnes touchées ?",),
        "denial": ("Vous affirmez {quote}. Quels éléments pouvez-vous nous transmettre ?",),
        "promise": ("Vous annoncez {quote}. Que contiendra ce point, et à quelle heure ?",),
        "said": ("Suite à votre communiqué ({quote}) : pouvez-vous nous en dire plus ?",),
    },
}
QUOTE_MARKS = {"en": ("“", "”"), "fr": ("«\u00a0", "\u00a0»")}
