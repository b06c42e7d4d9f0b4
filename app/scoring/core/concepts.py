"""A small bilingual concept map, so a statement matches a key message by meaning across wordings.

Each concept lists English and French word prefixes (normalised, accents removed). A word
belongs to a concept when it starts with one of them. Two texts share meaning when they share
concepts, whatever the language or the exact words.
"""

CONCEPTS: dict[str, tuple[str, ...]] = {
    "apology": ("sorry", "apolog", "regret", "desole", "excus", "navre", "pardon"),
    "aware": ("aware", "inform", "know", "connaiss", "courant", "savons", "sait"),
    "investigate": ("investig", "look", "check", "analy", "enquet", "verif", "examin"),
    "update": ("update", "news", "latest", "point", "jour", "nouvel"),
    "soon": ("soon", "shortly", "hour", "minute", "bientot", "heure", "rapid", "prochain", "next"),
    "safety": ("safe", "secur", "protect", "risk", "danger", "hazard", "risque", "sante", "health"),
    "customer": ("customer", "client", "user", "passeng", "utilisat", "usager", "consumer"),
    "refund": (
        "refund",
        "compens",
        "reimburs",
        "rembours",
        "indemn",
        "dedommag",
        "voucher",
        "avoir",
    ),
    "recall": ("recall", "withdraw", "rappel", "retir", "retrait"),
    "product": ("product", "produit", "batch", "lot", "item", "article"),
    "data": ("data", "donnee", "personal", "personnel", "information", "record", "fichier"),
    "breach": ("breach", "leak", "hack", "attack", "intrus", "fuite", "piratag", "cyber", "attaqu"),
    "password": ("password", "passe", "credential", "identifiant", "login"),
    "outage": ("outage", "down", "disrupt", "interrupt", "panne", "coupure", "perturb", "unavail"),
    "restore": ("restor", "resolv", "fix", "repair", "back", "retabl", "repar", "resolu", "normal"),
    "false": (
        "false",
        "untrue",
        "rumou",
        "fake",
        "myth",
        "hoax",
        "faux",
        "fausse",
        "rumeur",
        "intox",
    ),
    "contaminate": ("contamin", "bacteri", "listeria", "salmonel", "toxic", "pollu", "tainted"),
    "ill": ("ill", "sick", "symptom", "hospital", "malad", "symptom", "hopital", "doctor", "medec"),
    "contact": ("contact", "call", "phone", "dm", "message", "appel", "telephon", "joind", "ecriv"),
    "website": ("website", "site", "page", "faq", "link", "lien", "web"),
    "team": ("team", "equip", "staff", "personnel", "employee", "salari", "collabor"),
    "work": ("work", "effort", "mobilis", "travail", "oeuvr", "engag"),
    "confirm": ("confirm", "verified", "verifie", "establish", "etabli"),
    "affect": ("affect", "impact", "concern", "touch"),
    "authority": ("author", "police", "regulat", "autorit", "gendarm", "prefect", "minist", "cnil"),
    "cooperate": ("cooper", "collabor", "support", "soutien", "accompagn", "aid", "help"),
    "delay": ("delay", "late", "retard", "attente", "wait"),
    "cancel": ("cancel", "annul", "suspend"),
    "injury": ("injur", "hurt", "bless", "victim", "wound"),
    "evacuate": ("evacu", "shelter", "confin", "abri"),
    "water": ("water", "eau", "drink", "potab"),
    "food": ("food", "aliment", "eat", "mange", "consomm", "consum"),
    "fire": ("fire", "blaze", "incend", "feu", "flamm"),
    "change": ("change", "improv", "lesson", "prevent", "chang", "amelior", "lecon", "evit"),
    "patience": ("patien", "understand", "comprehens"),
    "responsibility": ("responsib", "fault", "mistake", "error", "faute", "erreur"),
    "resolution": ("resolv", "over", "end", "termin", "fin", "clos"),
}


def _build_index() -> list[tuple[str, str]]:
    """(prefix, concept) pairs, longest prefix first so specific words win."""
    pairs = [(prefix, concept) for concept, prefixes in CONCEPTS.items() for prefix in prefixes]
    return sorted(pairs, key=lambda pair: (-len(pair[0]), pair[0], pair[1]))


_INDEX = _build_index()


def concepts_of(words: frozenset[str] | set[str]) -> frozenset[str]:
    """The concepts a set of normalised words evokes."""
    found: set[str] = set()
    for word in words:
        for prefix, concept in _INDEX:
            if word.startswith(prefix) and (len(prefix) >= 4 or len(word) <= len(prefix) + 3):
                found.add(concept)
    return frozenset(found)
