"""A small bilingual cue-word classifier: what the audience hears in a statement.

Each category is a list of cue prefixes per language, matched accent- and case-insensitively at
the start of a word. A category's score is 0.6 for one distinct cue and 1.0 for two or more.
"""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Cue prefixes per category and language, separated by "|", matched at the start of a word.
_CUE_TEXT = {
    "empathy": {
        "en": (
            "sorry|apologi|we understand|understand your|concern|worried|frustrat|"
            "we hear you|deeply|regret|our thoughts|we care"
        ),
        "fr": (
            "desole|excus|nous comprenons|comprenons votre|inquiet|regrett|nos pensees|"
            "sincerement|profondement|colere legitime"
        ),
    },
    "accountability": {
        "en": (
            "our responsibility|we take responsibility|we take full responsibility|our fault|"
            "we made a mistake|our mistake|we failed|we are accountable|we own|"
            "we got this wrong"
        ),
        "fr": (
            "notre responsabilite|nous assumons|notre faute|nous avons failli|"
            "erreur de notre part|nous nous sommes trompes|notre erreur|nous reconnaissons"
        ),
    },
    "transparency": {
        "en": (
            "what we know|we don't know yet|we do not yet know|we don't yet know|next update|"
            "we will update|investigating|as soon as we know|at this stage|we are still|"
            "update at|here is what"
        ),
        "fr": (
            "ce que nous savons|nous ne savons pas encore|prochain point|"
            "prochaine mise a jour|nous enquetons|enquete en cours|des que nous|a ce stade|"
            "nous reviendrons vers vous|voici ce que|point a"
        ),
    },
    "advice": {
        "en": (
            "do not consume|don't consume|return it|refund|contact us|call|hotline|"
            "check your|change your password|visit|stop using|bring it back|you can"
        ),
        "fr": (
            "ne consommez pas|rapportez|rembourse|contactez|appelez|numero vert|verifiez|"
            "changez votre mot de passe|rendez-vous sur|cessez|vous pouvez"
        ),
    },
    "defensive": {
        "en": (
            "not our fault|we did nothing wrong|overreact|misinformed|isolated incident|"
            "we stand by|complies with all|fully compliant|exaggerat|out of context|"
            "nothing to apologi"
        ),
        "fr": (
            "pas de notre faute|nous n'avons rien fait de mal|exager|incident isole|"
            "sorti de son contexte|conforme a|polemique|nous maintenons|"
            "rien a nous reprocher"
        ),
    },
    "blame": {
        "en": (
            "supplier|third party|third-party|subcontractor|customers' fault|users' fault|"
            "blame|their fault|not responsible|human error by"
        ),
        "fr": (
            "fournisseur|sous-traitant|prestataire|la faute de|la faute des|pas responsables|"
            "n'est pas responsable|imputable a"
        ),
    },
    "no_comment": {
        "en": (
            "no comment|we do not comment|we don't comment|we won't comment|"
            "decline to comment|will not comment"
        ),
        "fr": (
            "pas de commentaire|aucun commentaire|ne commentons pas|sans commentaire|"
            "ne ferons pas de commentaire|ne souhaitons pas commenter"
        ),
    },
    "negation": {
        "en": (
            "not |no |false|untrue|fake|rumour|rumor|incorrect|misleading|never|deny|denies|"
            "isn't|aren't|wasn't|don't"
        ),
        "fr": ("faux|fausse|pas |aucun|rumeur|infonde|dementi|jamais|errone|intox|n'est|ne sont"),
    },
}
CUES: dict[str, dict[str, tuple[str, ...]]] = {
    category: {language: tuple(text.split("|")) for language, text in by_language.items()}
    for category, by_language in _CUE_TEXT.items()
}
CATEGORIES = (
    "empathy",
    "accountability",
    "transparency",
    "advice",
    "defensive",
    "blame",
    "no_comment",
)
_STOPWORDS = frozenset(
    "the and that this with from have been were they their there about which will would "
    "dans pour avec sont nous vous mais plus leur leurs cette ces elle elles etre avoir "
    "tous tout toutes chez comme".split()
)
_WORD = re.compile(r"[a-z0-9]{4,}")
_SENTENCE = re.compile(r"[.!?;\n]+")


def normalise(text: str) -> str:
    """Lower-case, accents removed, apostrophes unified: what cues are matched against."""
    decomposed = unicodedata.normalize("NFKD", text.lower().replace("’", "'"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=64)
def _pattern(category: str, language: str) -> re.Pattern[str]:
    cues = CUES[category]["fr" if language == "fr" else "en"]
    return re.compile(r"(?<![a-z0-9])(" + "|".join(re.escape(c) for c in cues) + ")")


def cue_hits(text: str, category: str, language: str) -> set[str]:
    """The distinct cues of one category found in a text."""
    return set(_pattern(category, language).findall(normalise(text) + " "))


def score(text: str, category: str, language: str) -> float:
    """0 without a cue, 0.6 with one distinct cue, 1.0 with two or more."""
    hits = len(cue_hits(text, category, language))
    return 0.0 if hits == 0 else 0.6 if hits == 1 else 1.0


def content_words(text: str) -> set[str]:
    """The words of four letters or more that are not common function words."""
    return set(_WORD.findall(normalise(text))) - _STOPWORDS


def terms_addressed(text: str, terms: list[str]) -> int:
    """How many of a rumour's key terms a text mentions."""
    plain = normalise(text)
    return sum(1 for term in terms if normalise(term) in plain)


def contradicts(text: str, language: str, fact: str, excused_terms: list[str]) -> bool:
    """Whether a sentence negates or minimises a fact (and is not correcting a rumour about it).

    A heuristic: one sentence carries a negation cue and shares at least two content words and
    40% of the fact's content words, without naming a key term of a rumour that denies the fact.
    """
    fact_words = content_words(fact)
    if not fact_words:
        return False
    for sentence in _SENTENCE.split(text):
        if not cue_hits(sentence, "negation", language):
            continue
        shared = content_words(sentence) & fact_words
        if len(shared) >= 2 and len(shared) >= 0.4 * len(fact_words):
            if not terms_addressed(sentence, excused_terms):
                return True
    return False


@dataclass(frozen=True)
class Analysis:
    """What a statement says, as the audience model weighs it (each score 0–1)."""

    empathy: float = 0.0
    accountability: float = 0.0
    transparency: float = 0.0
    advice: float = 0.0
    defensive: float = 0.0
    blame: float = 0.0
    no_comment: float = 0.0
    contradiction: float = 0.0
    negation: bool = False


def analyse(text: str, language: str, facts: list[tuple[str, list[str]]]) -> Analysis:
    """Score a statement; `facts` pairs each fact's text with key terms of rumours denying it."""
    scores = {category: score(text, category, language) for category in CATEGORIES}
    contradiction = any(contradicts(text, language, fact, terms) for fact, terms in facts)
    return Analysis(
        **scores,
        contradiction=1.0 if contradiction else 0.0,
        negation=bool(cue_hits(text, "negation", language)),
    )
