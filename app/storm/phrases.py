"""The words of the audience's reactions to the team, in both languages.

Every reaction is a small grammar (`app.scenarios.grammar`: `[a|b]` picks one, alternatives
nest): read many ways per action and per kind of account, so accounts reacting in the same minute
do not share a frame. `{quote}` is a piece of the team's own text (in the language's quotation
marks), `{earlier}` a piece of an earlier one, `{brand}` the drill's brand, `{time}` a clock time
of the drill. Each reaction kind has grammars for a favourable ("good") and a hostile ("bad")
reader; a kind with none for a tone leaves the choice to the next kind that applies. The crowd
writes `REACTIONS`; newsrooms report the words (`PRESS`), experts weigh them (`EXPERT`); no
grammar genders its writer (French agreement stays right whoever posts).
"""

REACTIONS: dict[str, dict[str, dict[str, tuple[str, ...]]]] = {
    "en": {
        "contradiction": {
            "bad": (
                "[Earlier|This morning|First] [it was|they said] {earlier}. [Now|Now it's] "
                "{quote}. [Which is it, {brand}?|Make up your mind.|Pick one.]",
                "{brand} said {earlier}, now {quote}. [Nobody over there knows what's going "
                "on.|Do they even talk to each other?|Who writes these?]",
                "[So|Wait, so|Hang on, so] first {earlier}, and now {quote}? [Make up your "
                "mind.|Which is it?|Brilliant.]",
                "{quote}?? [You literally said|Didn't you say|Weren't you saying] {earlier} "
                "[earlier|before|an hour ago]?",
            ),
        },
        "affirms_rumour": {
            "bad": (
                "{brand} [confirms it|admits it|has just confirmed it]: {quote}. [This is "
                "huge.|So it was true.|Wow.]",
                "[They admit it!|There it is.|Confirmed.|And there we have it.] {quote}",
                "[Straight from {brand}|In {brand}'s own words|From the horse's mouth]: "
                "{quote}. [So it was true.|Told you.|Not a rumour then.]",
                "{quote}. [So the rumour was right all along.|Everyone who called it fake news, "
                "take note.]",
            ),
        },
        "contradicts_fact": {
            "bad": (
                "{quote}? [That's not what the official notice says.|The official notice says "
                "the opposite.|Funny, the notice says otherwise.]",
                "{quote}. [Do they even read their own updates?|Did anyone check that?|That's "
                "just not true.]",
                "{brand} [now says|now claims|is now saying] {quote}. [The facts say otherwise.|"
                "Check the notice.|Not what we were told.]",
                "[Hold on|Er|Sorry but], {quote}? [That's flat wrong.|Since when?]",
            ),
        },
        "contempt": {
            "bad": (
                "Did {brand} [really|actually|seriously] just [write|post] {quote}? [Screenshot "
                "taken.|Screenshotted.|Wow.]",
                "{quote}. That's how {brand} [talks about|speaks to] [the people it hurt|its "
                "own customers|us].",
                "{quote}. [Wow.|Unreal.|Incredible.] [Someone at {brand} should lose their "
                "password.|Who signed that off?|Who runs this account?]",
                "[Imagine|Picture] writing {quote} [in the middle of this|on a day like "
                "today|to people who are scared].",
            ),
        },
        "refusal": {
            "bad": (
                "{quote}. [That's all {brand} has to say?|That's it?|So, nothing.]",
                "{quote}. [Silence with extra steps.|A non-answer.|Translation: no comment.]",
                "People want answers and {brand} [gives us|serves up|offers] {quote}.",
                "[Simple question,|We asked,|Asked straight out,] {brand} [answers|replies] "
                "{quote}. [Brilliant.|Great.|Helpful.]",
            ),
        },
        "victims": {
            "bad": (
                "{quote}. [Blaming your own customers.|Blaming the people who got hurt.|Now it's "
                "the customers' fault.] [Unbelievable.|Wow.|Classy.]",
                "[Wait,|Hang on,|Sorry,] it's OUR fault? {quote}. [Wow, {brand}.|Incredible.|"
                "Right.]",
                "{brand}: {quote}. [Victim-blaming, in writing.|Victim-blaming in black and "
                "white.]",
                "[So|Apparently] we did this to ourselves: {quote}",
            ),
        },
        "third_party": {
            "bad": (
                "[So it's someone else's fault now?|Ah, a partner's fault now?|Blame the "
                "supplier, classic.] {quote}. [You chose your partners, {brand}.|Your name's on "
                "it, {brand}.]",
                "[Blame-shifting 101:|Pass the parcel:|Not us, guv:] {quote}",
                "{quote}. Your name is on the [product|box|logo], {brand}, not theirs.",
                "[Love how|Notice how] {brand} [points at|blames] someone else: {quote}",
            ),
        },
        "denies_responsibility": {
            "bad": (
                "{quote}. [Nobody's fault, then.|So no one is responsible.] [Convenient.|How "
                "handy.|Of course.]",
                "{brand}: {quote}. [Of course it isn't.|Sure.|Right.]",
                "[Nothing to see here, says {brand}:|According to {brand}, nobody did anything "
                "wrong:] {quote}",
                "[So|Right, so] {quote}. [Then who is responsible?|Then whose fault is it?]",
            ),
        },
        "conditional": {
            "bad": (
                "{quote}? That's not an apology, that's a [shrug|PR line|shrug in a suit].",
                "Read it again: {quote}. [Sorry we're upset, not sorry for what they did.|"
                "Sorry we noticed, basically.]",
                "{quote}. [Textbook non-apology.|The classic non-apology.|Non-apology of the "
                "year.]",
                "[Sorry-if energy|Non-apology alert|Spot the apology]: {quote}",
            ),
        },
        "apology": {
            "good": (
                "{brand}: {quote}. [At least they said it.|Good they said it.] [Now show us.|"
                "Now the actions.|Now fix it.]",
                "Credit where it's due, {brand} [wrote|said|put out] {quote}. [That's a start.|"
                "It's a start.|Fair play.]",
                "{quote}, says {brand}. [That's what people needed to hear.|Needed saying.|"
                "About time.]",
                "[Finally|At last|OK], a proper apology: {quote}.",
                "[Not often I say this but|Have to admit,] {quote} is the right [thing to "
                "say|start].",
                "{quote}. [No ifs, no buts.|Plain and simple.] [Good.|Respect.]",
            ),
            "bad": (
                "{quote}. [Sorry doesn't refund anyone, {brand}.|Sorry doesn't fix anything.|"
                "Words are cheap.]",
                "{quote}… and what are you actually doing about it?",
                "[Nice words|Lovely words|Pretty words]: {quote}. [Let's see the actions.|Now "
                "what?|And then?]",
                "[Great,|OK,|Fine,] {quote}. [Where's the plan?|What changes?|Too little, too "
                "late.]",
            ),
        },
        "denial": {
            "good": (
                "{brand} says {quote}. [Good to know, I'd seen that going around.|Glad that's "
                "cleared up.]",
                "[Clear answer|Straight answer|Clear denial] from {brand}: {quote}. [Please stop "
                "sharing the rumour.|Stop sharing that rumour, people.|Let's stop spreading it.]",
                "{quote}. [There you go, straight from {brand}.|Straight from the source.|So "
                "that's false.]",
                "[For everyone sharing it|PSA|To everyone who asked]: {quote}",
            ),
            "bad": (
                "{quote}, they say. [Of course they'd deny it.|Well they would say that.]",
                "{brand}: {quote}. [Then show us the evidence.|Proof?|Show the receipts.]",
                "{quote}. [Not convinced, sorry.|Hmm.|Yeah, right.]",
                "[Denying it doesn't make it false.|A denial isn't proof.] {quote}",
            ),
        },
        "promise": {
            "good": (
                "{brand} promises {quote}. [Holding you to it.|We'll hold you to that.]",
                "{quote}. [Noted, we'll be watching.|Noted.|Screenshot for later.]",
                "[OK,|Right,|Good,] {quote}. [Let's see it happen.|Clock's ticking.]",
                "[Saving this|Bookmarking this]: {quote}",
            ),
            "bad": (
                "{quote}. [We've heard that before.|Heard it all before.|Sure you will.]",
                "{brand}: {quote}. [Believe it when I see it.|We'll see.|Sure.]",
                "[Another promise:|Promises, promises:] {quote}",
            ),
        },
        "said": {
            "good": (
                "{brand} just [posted|put out a statement|said]: {quote}. [Thank you for the "
                "update.|Thanks for the update.|Good to hear from them.]",
                "Finally some words from {brand}: {quote}.",
                "{quote}, says {brand}. [Thanks for keeping us posted.|Keep us posted.]",
                "[Update from|News from|Statement from] {brand}: {quote}. [Helpful.|Thanks.|Good.]",
            ),
            "bad": (
                "{quote}. [That's it?|Is that all?] [That's the statement?|Really?]",
                "{brand}: {quote}. [And still no real answer.|Still no answer.|And?]",
                "{quote}. [Is that supposed to reassure anyone?|Who is that for?|Meaningless.]",
                "[Read the statement.|Just read it.|So] {quote}. [Says nothing.|Empty.]",
            ),
        },
        "missed": {
            "bad": (
                "{brand} promised an update by {time}. It's past {time} and still nothing.",
                "Still waiting for the {time} update {brand} promised. [Anyone?|Hello?]",
                "{time} came and went. [Where's the update, {brand}?|Still nothing.]",
                "[Wasn't there meant to be|Weren't we promised] an update at {time}, {brand}?",
                "[Clock check:|Tick tock.] {time} update from {brand}? [Nothing.|Nada.]",
            ),
        },
    },
    "fr": {
        "contradiction": {
            "bad": (
                "[Avant|Ce matin|D'abord] : {earlier}. [Maintenant|Et là] : {quote}. [Il "
                "faudrait savoir, {brand}.|Faudrait choisir.|On croit qui ?]",
                "{brand} disait {earlier}, et maintenant {quote}. [Plus personne n'y comprend "
                "rien.|Ils se parlent entre eux ?|Qui écrit ces trucs ?]",
                "[Donc|Attendez, donc|Je résume :] d'abord {earlier}, puis {quote} ? [Faudrait "
                "vous mettre d'accord.|Il faut savoir.|Bravo.]",
                "{quote} ?? [Vous disiez pourtant|Vous n'aviez pas dit] {earlier} [tout à "
                "l'heure|ce matin|il y a une heure] ?",
            ),
        },
        "affirms_rumour": {
            "bad": (
                "{brand} [le confirme|l'admet|vient de le confirmer] : {quote}. [C'est énorme.|"
                "Donc c'était vrai.|Waouh.]",
                "[Ils l'avouent !|Et voilà.|Confirmé.|Nous y sommes.] {quote}",
                "[Directement de {brand}|Dans les mots de {brand}|De leur propre bouche] : "
                "{quote}. [Donc c'était vrai.|On vous l'avait dit.|Pas une rumeur, alors.]",
                "{quote}. [Donc la rumeur avait raison.|Ceux qui parlaient de fake news, vous "
                "en dites quoi ?]",
            ),
        },
        "contradicts_fact": {
            "bad": (
                "{quote} ? [Ce n'est pas ce que dit l'avis officiel.|L'avis officiel dit "
                "l'inverse.|Bizarre, l'avis dit le contraire.]",
                "{quote}. [Ils lisent leurs propres communiqués ?|Quelqu'un a vérifié ?|C'est "
                "faux, tout simplement.]",
                "{brand} [affirme maintenant|prétend maintenant|dit désormais] {quote}. [Les "
                "faits disent le contraire.|Relisez l'avis.|Pas ce qu'on nous a dit.]",
                "[Attendez|Euh|Pardon mais], {quote} ? [C'est faux.|Depuis quand ?]",
            ),
        },
        "contempt": {
            "bad": (
                "{brand} a [vraiment|sérieusement|réellement] écrit {quote} ? [Capture d'écran "
                "faite.|Capturé.|Waouh.]",
                "{quote}. Voilà comment {brand} [parle de|traite] [ses propres clients|les gens "
                "touchés|nous].",
                "{quote}. [Sérieusement ?|Incroyable.|Hallucinant.] [Qui tient le compte de "
                "{brand} ?|Qui a validé ça ?]",
                "[Imaginez|Il faut oser] écrire {quote} [en pleine crise|un jour pareil|à des "
                "gens inquiets].",
            ),
        },
        "refusal": {
            "bad": (
                "{quote}. [C'est tout ce que {brand} a à dire ?|C'est tout ?|Donc, rien.]",
                "{quote}. [Le silence, en plus poli.|Une non-réponse.|Traduction : pas de "
                "commentaire.]",
                "On attend des réponses et {brand} nous [sert|offre|répond] {quote}.",
                "[Question simple,|On demande,|Question directe,] {brand} répond {quote}. "
                "[Génial.|Merci bien.|Très utile.]",
            ),
        },
        "victims": {
            "bad": (
                "{quote}. [Ils accusent leurs propres clients.|Ils accusent les victimes.|"
                "Maintenant c'est la faute des clients.] [Incroyable.|Bravo.|La classe.]",
                "[Attendez,|Pardon ?|Quoi ?] C'est NOTRE faute ? {quote}. [Bravo {brand}.|"
                "Incroyable.|D'accord.]",
                "{brand} : {quote}. [Rejeter la faute sur les victimes, noir sur blanc.|"
                "Accuser les victimes, par écrit.]",
                "[Donc|Apparemment] c'est nous qui l'avons cherché : {quote}",
            ),
        },
        "third_party": {
            "bad": (
                "[Donc c'est la faute des autres ?|Ah, c'est la faute du partenaire ?|On accuse "
                "le fournisseur, classique.] {quote}. [C'est vous qui les avez choisis, "
                "{brand}.|C'est votre nom dessus, {brand}.]",
                "[Le grand classique, on rejette la faute :|Pas nous, les autres :|On se "
                "renvoie la balle :] {quote}",
                "{quote}. C'est le nom de {brand} qui est sur [le produit|la boîte|le logo], "
                "pas le leur.",
                "[Admirez comment|Regardez comme] {brand} [accuse|montre du doigt] quelqu'un "
                "d'autre : {quote}",
            ),
        },
        "denies_responsibility": {
            "bad": (
                "{quote}. [Personne n'est responsable, donc.|Donc ce n'est la faute de "
                "personne.] [Pratique.|Comme c'est commode.|Évidemment.]",
                "{brand} : {quote}. [Évidemment.|Bien sûr.|Mais oui.]",
                "[Circulez, il n'y a rien à voir, dit {brand} :|Selon {brand}, personne n'a "
                "rien fait de mal :] {quote}",
                "[Donc|Bon, donc] {quote}. [Alors qui est responsable ?|C'est la faute de qui, "
                "alors ?]",
            ),
        },
        "conditional": {
            "bad": (
                "{quote} ? Ce ne sont pas des excuses, c'est [un haussement d'épaules|de la "
                "com'|une formule].",
                "Relisez bien : {quote}. [Désolés qu'on soit fâchés, pas de ce qu'ils ont fait.|"
                "Désolés qu'on l'ait remarqué, en gros.]",
                "{quote}. [Des excuses qui n'en sont pas.|Les fausses excuses classiques.|Les "
                "non-excuses de l'année.]",
                "[Cherchez les excuses|Excuses au conditionnel|Des excuses avec des si] : {quote}",
            ),
        },
        "apology": {
            "good": (
                "{brand} : {quote}. [Au moins, c'est dit.|Bien de le dire.] [Maintenant, des "
                "actes.|Place aux actes.|Reste à réparer.]",
                "Il faut le reconnaître, {brand} [écrit|dit|a publié] {quote}. [C'est un début.|"
                "C'est déjà ça.|Chapeau.]",
                "{quote}, dit {brand}. [C'est ce qu'on avait besoin d'entendre.|Il fallait le "
                "dire.|Enfin.]",
                "[Enfin|Ah, enfin|Bon], de vraies excuses : {quote}.",
                "[Pour une fois,|Je dois dire que] {quote}, c'est [ce qu'il fallait dire|le bon "
                "début].",
                "{quote}. [Sans détour.|Simple et clair.] [Bien.|Respect.]",
            ),
            "bad": (
                "{quote}. [Les excuses, ça ne rembourse personne.|Les excuses ne réparent "
                "rien.|Les mots ne coûtent rien.]",
                "{quote}… Et concrètement, vous faites quoi ?",
                "[Jolis mots|Belles paroles|Beaux mots] : {quote}. [On attend les actes.|Et "
                "maintenant ?|Et après ?]",
                "[Super,|Bon,|D'accord,] {quote}. [Et le plan ?|Qu'est-ce qui change ?|Trop "
                "peu, trop tard.]",
            ),
        },
        "denial": {
            "good": (
                "{brand} dément : {quote}. [Merci, je l'avais vu passer partout.|Tant mieux, "
                "c'est clair.]",
                "[Réponse claire|Démenti clair|Réponse nette] de {brand} : {quote}. [Arrêtez "
                "de partager la rumeur.|On arrête de partager, svp.|Stop à la rumeur.]",
                "{quote}. [Voilà, c'est {brand} qui le dit.|De la source même.|Donc c'est faux.]",
                "[Pour ceux qui la partagent|Info|Pour ceux qui demandaient] : {quote}",
            ),
            "bad": (
                "{quote}, disent-ils. [Évidemment qu'ils démentent.|Ils allaient pas dire oui.]",
                "{brand} : {quote}. [Alors montrez-nous les preuves.|Des preuves ?|On veut voir.]",
                "{quote}. [Pas très convaincant, tout ça.|Mouais.|C'est ça, oui.]",
                "[Démentir ne prouve rien.|Un démenti n'est pas une preuve.] {quote}",
            ),
        },
        "promise": {
            "good": (
                "{brand} promet : {quote}. [On vous prend au mot.|On s'en souviendra.]",
                "{quote}. [C'est noté, on vérifiera.|Noté.|Capture pour plus tard.]",
                "[Bon,|D'accord,|Très bien,] {quote}. [On verra bien.|Le compteur tourne.]",
                "[Je garde ça|Je note] : {quote}",
            ),
            "bad": (
                "{quote}. [On connaît la chanson.|Déjà entendu.|C'est ça, oui.]",
                "{brand} : {quote}. [J'y croirai quand je le verrai.|On verra.|Mouais.]",
                "[Encore une promesse :|Promesses, promesses :] {quote}",
            ),
        },
        "said": {
            "good": (
                "{brand} vient de [publier|communiquer|réagir] : {quote}. [Merci pour l'info.|"
                "Merci pour le point.|Enfin des nouvelles.]",
                "Enfin un mot de {brand} : {quote}.",
                "{quote}, dit {brand}. [Merci de nous tenir au courant.|Tenez-nous au courant.]",
                "[Le point de|Des nouvelles de|Le communiqué de] {brand} : {quote}. [Utile.|"
                "Merci.|Bien.]",
            ),
            "bad": (
                "{quote}. [C'est tout ?|Rien d'autre ?] [C'est ça, le communiqué ?|Vraiment ?]",
                "{brand} : {quote}. [Et toujours pas de vraie réponse.|Toujours rien.|Et ?]",
                "{quote}. [C'est censé rassurer qui, exactement ?|C'est pour qui, ça ?|Vide.]",
                "[Lisez le communiqué.|Relisez.|Donc] {quote}. [Ça ne dit rien.|Du vent.]",
            ),
        },
        "missed": {
            "bad": (
                "{brand} avait promis un point à {time}. Il est plus de {time} et toujours rien.",
                "Toujours pas de nouvelles du point de {time} promis par {brand}. [Quelqu'un ?|"
                "Allô ?]",
                "{time}, c'est passé. [Il est où, ce point, {brand} ?|Toujours rien.]",
                "[On n'avait pas droit à|Il n'était pas prévu] un point à {time}, {brand} ?",
                "[Il est {time} passé.|Top horloge :] le point de {brand} ? [Rien.|Que dalle.]",
            ),
        },
    },
}
# Newsrooms report the words, whatever they are, and experts weigh them: one voice per tone.
PRESS: dict[str, tuple[str, ...]] = {
    "en": (
        "{brand} [says|writes|tells customers] {quote}.",
        "{brand}, in a statement [just now|posted online|on its account]: {quote}.",
        "[In its statement,|In a post on its account,|In its latest update,] {brand} [says|"
        "writes] {quote}.",
        "{quote}, {brand} [says|writes] in [a statement|its latest statement|an update].",
        "[Statement from|Just in from|Response from] {brand}: {quote}.",
        "[Asked for comment,|Contacted by us,|Reached this morning,] {brand} [said|replied|"
        "pointed to its statement:] {quote}.",
        "[The key line|The line that matters|What stands out] in {brand}'s [statement|update]: "
        "{quote}.",
        "[Quote of the day|On the record] from {brand}: {quote}.",
        "[We have|We now have|We've just received|Just landed:] {brand}'s [statement|response]"
        ". [It reads|It opens with|Key sentence]: {quote}.",
    ),
    "fr": (
        "{brand} [affirme|écrit|indique] {quote}.",
        "{brand}, dans un communiqué [à l'instant|publié en ligne|sur son compte] : {quote}.",
        "Dans [un communiqué|son communiqué|son dernier point], {brand} [écrit|affirme|"
        "indique] {quote}.",
        "{quote}, [écrit|affirme|indique] {brand} dans [un communiqué|sa dernière "
        "déclaration|un point de situation].",
        "[Réaction de|Communiqué de|Réponse de] {brand} : {quote}.",
        "[Sollicitée,|Contactée par nos soins,|Jointe ce matin,] {brand} [répond|renvoie à son "
        "communiqué :|nous indique] {quote}.",
        "[La phrase clé|Ce qu'il faut retenir|La ligne qui compte] du [communiqué|point] de "
        "{brand} : {quote}.",
        "[Citation du jour|Officiellement], {brand} écrit {quote}.",
        "[Nous avons|Nous venons de recevoir|Reçu à l'instant :|Nous avons désormais] [le "
        "communiqué|la réponse] de {brand}. [On y lit|Il commence ainsi|Phrase clé] : {quote}.",
    ),
}
EXPERT: dict[str, dict[str, tuple[str, ...]]] = {
    "en": {
        "good": (
            "[Worth noting|Note the wording|Good line] [in {brand}'s statement|from {brand}]: "
            "{quote}.",
            "{quote}: [clear, direct and early|the right register|plain words, early]. [That's "
            "how it's done.|Good practice.]",
            "[Textbook|Solid] crisis line from {brand}: {quote}.",
        ),
        "bad": (
            "{quote}: [this line will not age well|a textbook example of what not to write|the "
            "wrong register for a crisis].",
            "[From a crisis-comms view,|Professionally speaking,] {quote} [is a mistake|does "
            "more harm than good].",
            "[Case study in the making|One for the training slides]: {brand} writes {quote}.",
        ),
    },
    "fr": {
        "good": (
            "[À noter|Bonne formule|Le bon mot] dans le communiqué de {brand} : {quote}.",
            "{quote} : [clair, direct et rapide|le bon registre|des mots simples, tôt]. [C'est "
            "comme ça qu'on fait.|Bonne pratique.]",
            "[Formule solide|Cas d'école réussi] chez {brand} : {quote}.",
        ),
        "bad": (
            "{quote} : [cette phrase va mal vieillir|exactement ce qu'il ne faut pas écrire|le "
            "mauvais registre en crise].",
            "[En communication de crise,|Professionnellement,] {quote}, c'est [une erreur|"
            "contre-productif].",
            "[Futur cas d'école|Pour les supports de formation] : {brand} écrit {quote}.",
        ),
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
