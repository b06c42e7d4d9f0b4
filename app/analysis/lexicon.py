"""Word lists of the analysis, French and English, written on folded text (no accents, lower case).

Synonym groups make two wordings of one claim meet (« intoxiqués », "poisoned", "ill");
antonym pairs let "safe" answer "contaminated". docs/analysis.md lists them and their limits.
"""

STOPWORDS = {
    "en": frozenset(
        """a an the of to in on at by for from with and or but as is are was were be been being
        it its this that these those there here we our us you your they their them he she his her
        i me my has have had do does did will would shall should can could may might must so such
        than then very also just about into over after before up out what which who whom whose
        when where why how all any each every some no not never none only own same too s t don
        yes oh please now still yet more most other others again further once today""".split()
    ),
    "fr": frozenset(
        """a au aux avec ce ces cet cette dans de des du elle elles en et eu il ils je la le les
        leur leurs lui ma mais me meme mes moi mon nos notre nous on ou par pour qu que qui sa se
        ses son sur ta te tes toi ton tu un une vos votre vous c d j l m n s t y ete etre avoir est
        sont ont avons etes etait etaient sera serons fait faire plus tres tout toute tous toutes
        ici cela ceci ca car donc or comme aussi encore deja bien ainsi si lors vers chez entre
        sous ne pas aucun aucune jamais rien ni oui non peut doit aujourd hui seul seule seuls
        seulement certains certaines quelques plusieurs chaque""".split()
    ),
}
ELISIONS = frozenset({"l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu"})

# Bilingual synonym groups: a word starting with one of the prefixes belongs to the group.
SYNONYMS: dict[str, tuple[str, ...]] = {
    "=die": ("die", "died", "dies", "dead", "death", "kill", "fatal", "decede", "deces", "mort")
    + ("tue", "meurt", "mourir", "succomb"),
    "=ill": ("ill", "illness", "sick", "malad", "intox", "poison", "empoison", "unwell", "symptom")
    + ("hospital", "hopital"),
    "=contaminate": ("contamin", "listeria", "salmonel", "bacteri", "tainted", "infect", "toxi"),
    "=safe": ("safe", "inoffens", "harmless"),
    "=safety": ("safety", "securit"),
    "=danger": ("danger", "unsafe", "hazard", "risk", "risque", "nocif", "harmful"),
    "=child": ("child", "kid", "enfant", "bebe", "baby", "infant", "nourrisson"),
    "=outage": ("outage", "panne", "coupure", "interrupt", "disrupt", "perturb", "unavailab")
    + ("indisponib", "breakdown"),
    "=normal": ("normal", "operational", "fonctionn", "restor", "retabl", "functioning"),
    "=cyberattack": ("cyber", "hack", "pirat", "ransom", "rancon"),
    "=leak": ("leak", "breach", "fuite", "exfiltr", "stolen", "vole"),
    "=data": ("data", "donnee"),
    "=customer": ("customer", "client", "user", "utilisat", "usager", "consumer", "consommat")
    + ("passeng", "passag"),
    "=store": ("store", "shop", "magasin", "boutique", "supermarket", "supermarche"),
    "=recall": ("recall", "rappel", "withdraw", "retrait", "retir"),
    "=water": ("water", "eau"),
    "=fire": ("fire", "blaze", "incend", "flamm", "feu"),
    "=explode": ("explo",),
    "=injure": ("injur", "hurt", "bless", "wound"),
    "=employee": ("employee", "staff", "salari", "personnel", "worker"),
    "=evacuate": ("evacu", "confin", "shelter"),
    "=cancel": ("cancel", "annul"),
    "=refund": ("refund", "rembours", "reimburs", "compens", "indemn"),
    "=closed": ("closed", "ferme", "shut"),
    "=open": ("open", "ouvert"),
}
# (prefix, group) pairs by their first three letters, longest prefix first (every prefix has 3+).
SYNONYM_INDEX: dict[str, tuple[tuple[str, str], ...]] = {}
for _group, _prefixes in SYNONYMS.items():
    for _prefix in _prefixes:
        SYNONYM_INDEX[_prefix[:3]] = (*SYNONYM_INDEX.get(_prefix[:3], ()), (_prefix, _group))
SYNONYM_INDEX = {
    k: tuple(sorted(v, key=lambda p: (-len(p[0]), p))) for k, v in SYNONYM_INDEX.items()
}
# A clause using one side of a pair about a claim using the other says the opposite.
ANTONYMS = frozenset(
    {
        frozenset({"=safe", "=contaminate"}),
        frozenset({"=safe", "=danger"}),
        frozenset({"=safe", "=ill"}),
        frozenset({"=normal", "=outage"}),
        frozenset({"=open", "=closed"}),
    }
)
# Groups that make a fact a safety fact: contradicting one is a critical error.
SAFETY_GROUPS = frozenset(
    {"=die", "=ill", "=contaminate", "=safe", "=danger", "=injure", "=evacuate", "=fire"}
    | {"=explode"}
)

NEGATION = {
    "en": r"\b(not|no|never|none|nobody|nothing|neither|nor|without|cannot|no one|no longer)\b"
    r"|n't\b|\b(refus(e|es|ed|ing)|bans?|banned|forbids?|forbidden|prohibit(s|ed)?)\b",
    "fr": r"(?<![a-z])(ne|n')\s?\w*\s?(pas|plus|jamais|rien|aucune?|personne|ni|guere|nullement)\b"
    r"|\b(pas|jamais|aucune?|sans|nullement)\b|\bnon\b(?! seulement)"
    r"|\b(refus\w*|interdi\w*)\b",
}
NOT_NEGATION = {
    "en": r"\bnot only\b|\bno later than\b|\bno doubt\b",
    "fr": r"\bnon seulement\b|\bpas plus tard\b|\bsans doute\b|\bsans delai\b",
}
DENIAL = {
    "en": r"\b(false|untrue|not true|incorrect|inaccurate|fake|a hoax|a myth|baseless|unfounded"
    r"|misinformation|disinformation|no truth|deny|denies|denied|ruled out|rule out|debunk\w*"
    r"|not the case|not linked|unrelated|no link|no connection|nothing to do with)\b",
    "fr": r"\b(faux|fausses?|inexacte?s?|pas vrai|infonde\w*|dement\w*|aucun fondement|intox"
    r"|fake news|ecarte\w*|exclue?s?|pas le cas|aucun lien|sans lien|sans rapport|rien a voir)\b",
}
# A negated denial affirms: "it is not false that X", « il n'est pas faux que X » assert X.
NEGATED_DENIAL = {
    "en": r"(\b(not|never|hardly)|n't)\s+(false|untrue|incorrect|inaccurate|baseless|unfounded)\b",
    "fr": r"\b(pas|jamais|guere|nullement)\s+(faux|fausses?|inexacte?s?|infonde\w*)\b",
}
# A denial that takes the clause after it: "it is not true that X" denies X, whatever X's polarity.
DENIAL_OF_CLAUSE = {
    "en": r"\b(false|untrue|not true|incorrect|inaccurate|not the case|no truth in (the claim )?)"
    r"\s+that\b",
    "fr": r"\b(faux|inexact|pas vrai|pas exact|pas le cas)\s+(que|qu')",
}
HEDGE = {
    "en": r"\b(may|might|could|possibly|perhaps|potentially|likely|unlikely|if|unless|whether"
    r"|appears?|seems?|suspect\w*|not yet (know|confirmed|clear)|(do|does) not (yet )?know"
    r"|unclear|unknown|cannot (yet )?(confirm|rule out)|investigating whether)\b",
    "fr": r"\b(peut|peuvent|pourrai\w*|peut-etre|eventuel\w*|possibl\w*|probabl\w*|si|sauf si"
    r"|sembl\w*|il se peut|ne savons pas|ignorons|pas encore|inconnu\w*|soupcon\w*|hypothese)\b",
}
UNIVERSAL = {
    "en": r"\b(all|every|everything|each|entire|whole|any of)\b",
    "fr": r"\b(tous|toutes|tout|chaque|l'ensemble|ensemble des|100 ?%)\b",
}
PARTIAL = {
    "en": r"\b(only|some|a few|several|certain|one|single|limited|just)\b",
    "fr": r"\b(seule?s?|seulement|uniquement|certaine?s|quelques|plusieurs|un seul|une seule)\b"
    r"|(?<![a-z])(ne|n')\s?\w+\s(\w+\s)?que\b",
}
ATTRIBUTION = {
    "en": r"\b(claims?|claiming|claimed|rumou?rs?|reports?|posts?|allegations?|alleg\w+|says?"
    r"|saying|said|suggest\w*|circulating)\s+(that|of)\b|\b(according to|reportedly|allegedly)\b"
    r"|\b(posts?|messages?|tweets?|videos?|people|some|reports?|accounts?)\s+(claim\w*|say\w*"
    r"|suggest\w*|alleg\w*)\b|\b(seen|heard|aware of)\s+(the\s+)?(posts?|rumou?rs?|claims?"
    r"|reports?|messages?)\b|^\W*(rumou?r|myth|claim)\s*:",
    "fr": r"\b(pretend\w*|affirment|rumeurs?|disent|racont\w*|allegu\w*|circul\w*|publications?"
    r"|messages?)\s+(que|qu'|selon lesquel\w*)|\b(selon (certains|des|les rumeurs|plusieurs)"
    r"|soi-disant|pretendument)\b|\b(publications?|messages?|videos?|certains|internautes"
    r"|comptes?)\s+(qui\s+)?(affirment|pretendent|disent|circulent)\b|^\W*(rumeur|mythe)\s*:",
}
ABSOLUTE = {
    "en": r"\b(100 ?%|perfectly|totally|completely|absolutely|zero risk|no risk|never|always)\b",
    "fr": r"\b(100 ?%|parfaitement|totalement|completement|absolument|aucun risque|risque zero"
    r"|jamais|toujours)\b",
}
ADVICE = {
    "en": r"\b(please |do not |don't )(eat|drink|use|consume|open|click|travel|go|share|buy|call"
    r"|contact|check|visit|return|change|reset|avoid|stay|dispose|bring)\b|\b(return it|call your"
    r" doctor|see our faq|change your password|bring it back)\b",
    "fr": r"\bne (consommez|mangez|buvez|utilisez|ouvrez|cliquez|partagez) pas\b|\b(merci de"
    r"|veuillez|nous vous invitons a|nous vous demandons de)\b|\b(rapportez|appelez|contactez"
    r"|consultez|changez|evitez|restez|rendez-vous|jetez|rapprochez-vous)\b",
}
COMPLEMENT = {
    "en": r"\b(other|others|remaining|rest of)\b",
    "fr": r"\b(autres?|reste|restante?s?)\b",
}
