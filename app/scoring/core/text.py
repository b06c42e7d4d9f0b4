"""Text normalisation, language detection and content terms, in French and English."""

import re
from dataclasses import dataclass
from functools import lru_cache

from app.analysis.tokens import fold
from app.scoring.core import lexicon_en, lexicon_fr
from app.scoring.core.concepts import concepts_of

LEXICONS = {"en": lexicon_en, "fr": lexicon_fr}
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_THREAD = re.compile(r"(\(?\b\d{1,2}/\d{1,2}\b\)?|🧵|\bthread\b)", re.IGNORECASE)
# Strong single-word hints of a language, beyond stop words.
_FRENCH_HINTS = frozenset({"nous", "vous", "est", "les", "des", "pas", "une", "sont", "avec"})
_ENGLISH_HINTS = frozenset({"we", "you", "is", "the", "are", "not", "with", "our", "have"})
_FR_SUFFIXES = ("ements", "ement", "ations", "ation", "euses", "euse", "ees", "ee", "es", "er")
_FR_SUFFIXES += ("ez", "ons", "e", "s", "x")
_EN_SUFFIXES = ("ations", "ation", "ingly", "ing", "edly", "ed", "ies", "es", "ly", "s")


def normalise(text: str) -> str:
    """The analysis's folded form (lower case, accents and hidden characters removed, straight
    apostrophes), "n't" spelt out, single spaces."""
    text = fold(text).replace("n't", " not")
    return " ".join(text.split())


def fill_placeholders(template: str, brand: str) -> str:
    """A key-message template as it would read: {brand} filled, other placeholders dropped."""
    return _PLACEHOLDER.sub(lambda m: brand if m.group(1) == "brand" else "", template)


def words(normalised: str) -> list[str]:
    """The words of a normalised text, French elisions split off (l'usine -> usine)."""
    found = []
    for word in _WORD.findall(normalised):
        head, _sep, tail = word.partition("'")
        found.extend([head, tail] if tail and len(head) <= 2 else [word.replace("'", "")])
    return found


def stem(word: str, language: str) -> str:
    """A crude suffix-stripping stem, enough for fuzzy matching to do the rest."""
    for suffix in _FR_SUFFIXES if language == "fr" else _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def detect_language(normalised: str, default: str) -> str:
    """French or English, by stop words and hints; `default` when the text does not say."""
    tokens = words(normalised)
    scores = {
        "fr": sum(t in lexicon_fr.STOPWORDS or t in _FRENCH_HINTS for t in tokens),
        "en": sum(t in lexicon_en.STOPWORDS or t in _ENGLISH_HINTS for t in tokens),
    }
    other = "fr" if default == "en" else "en"
    # Only switch when the other language clearly dominates: short or mixed texts keep the default.
    if scores[other] >= 2 and scores[other] > 1.5 * scores[default]:
        return other
    return default


def is_thread_part(text: str) -> bool:
    """Whether a post says it is part of a thread (1/3, 🧵, "thread")."""
    return bool(_THREAD.search(text))


@dataclass(frozen=True)
class Analysed:
    """A text prepared once for key-message and tone checks: language, content stems, concepts."""

    raw: str
    normalised: str
    language: str
    tokens: tuple[str, ...]
    stems: frozenset[str]
    concepts: frozenset[str]


@lru_cache(maxsize=4096)
def analyse_text(text: str, default_language: str) -> Analysed:
    """Normalise, detect the language and extract content stems and concepts of `text`."""
    normalised = normalise(text)
    language = detect_language(normalised, default_language)
    tokens = words(normalised)
    lexicon = LEXICONS[language]
    content = {
        t
        for t in tokens
        if t not in lexicon.STOPWORDS and t not in lexicon.NEGATIONS and len(t) > 1
    }
    stems = frozenset(stem(t, language) for t in content if not t.isdigit())
    return Analysed(
        raw=text,
        normalised=normalised,
        language=language,
        tokens=tuple(tokens),
        stems=stems,
        concepts=concepts_of(content),
    )
