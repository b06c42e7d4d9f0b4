"""Words with their place in the text, their normal form and their lemma key, in fr and en."""

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from app.analysis.lexicon import ELISIONS, STOPWORDS, SYNONYM_INDEX

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?")
_SENTENCE_END = re.compile(r"[.!?\n…]+(?=\s|$)")
_CLAUSE_BREAK = re.compile(
    r"[;()—–]|[:,](?!\d)|\s(?:but|however|although|while|whereas|and|mais|cependant|toutefois|"
    r"alors que|tandis que|et|or|car)\s",
    re.IGNORECASE,
)
_FR_SUFFIXES = ("issements", "issement", "ements", "ement", "ations", "ation", "atrices", "atrice")
_FR_SUFFIXES += ("ateurs", "ateur", "euses", "euse", "iques", "ique", "ees", "ee", "es", "er")
_FR_SUFFIXES += ("ez", "ons", "ent", "ait", "e", "s", "x")
_EN_SUFFIXES = ("ations", "ation", "ingly", "ings", "ing", "edly", "ed", "ies", "es", "ly", "s")
_EN_SUFFIXES += ("ous", "ity", "ness", "ment", "e")
PREFIX_MATCH = 5  # two keys sharing this many first letters (and most of the shorter) match


# Cyrillic, Greek and IPA letters drawn like Latin ones: "bl\u0430me" must read as "blame".
_LOOKALIKES = str.maketrans(
    {
        **dict(zip("аеорсухѕіјԁһӏԛԝк", "aeopcyxsijdhlqwk", strict=True)),
        **dict(zip("АВЕКМНОРСТХЅІЈУ", "ABEKMHOPCTXSIJY", strict=True)),
        **dict(zip("οαρικνυχ", "oapikvux", strict=True)),
        **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX", strict=True)),
        "ɡ": "g",
        "ɑ": "a",
    }
)


def clean(text: str) -> str:
    """The text as a reader sees it: invisible format characters (zero-width spaces and
    joiners, soft hyphens, direction marks) removed and Latin lookalikes read as Latin, so
    hidden characters cannot hide a word from the analysis (the texts are French or English).
    `seen_at` maps its offsets back to the text's."""
    if text.isascii():
        return text
    visible = "".join(c for c in text if not _invisible(c))
    return visible.translate(_LOOKALIKES)


def seen_at(text: str) -> list[int]:
    """For each offset of `clean(text)`, and its end, the offset in `text`."""
    return [i for i, c in enumerate(text) if not _invisible(c)] + [len(text)]


def _invisible(char: str) -> bool:
    return unicodedata.category(char) == "Cf"


def fold(text: str) -> str:
    """Lower case, accents removed, straight apostrophes: the form every pattern is written in."""
    text = clean(text).lower().replace("\u0153", "oe").replace("\u00e6", "ae")
    text = unicodedata.normalize("NFKD", text)
    text = "".join(char for char in text if not unicodedata.combining(char))
    return text.replace("\u2019", "'").replace("\u2018", "'")


@lru_cache(maxsize=16384)
def stem(word: str, language: str) -> str:
    """A suffix-stripped stem; French 'qu' spelt 'c' so intoxiqués meets intoxication."""
    for suffix in _FR_SUFFIXES if language == "fr" else _EN_SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word.replace("qu", "c") if language == "fr" else word


@lru_cache(maxsize=16384)
def lemma_key(word: str, language: str) -> str:
    """The word's synonym group (bilingual, `=die`) if it has one, else its stem."""
    for prefix, group in SYNONYM_INDEX.get(word[:3], ()):
        if word.startswith(prefix) and (len(prefix) >= 4 or len(word) <= len(prefix) + 2):
            return group
    return stem(word, language)


@lru_cache(maxsize=65536)
def same_key(a: str, b: str) -> bool:
    """Whether two lemma keys name the same thing: equal, or a long shared beginning."""
    if a == b:
        return True
    if a.startswith("=") or b.startswith("="):
        return False
    shared = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        shared += 1
    return shared >= PREFIX_MATCH and shared >= 0.75 * min(len(a), len(b))


@dataclass(frozen=True)
class Token:
    """One word: where it is, its folded form and its lemma key."""

    start: int
    end: int
    folded: str
    key: str

    @property
    def content(self) -> bool:
        """A word that carries meaning (not a stop word, not a bare number-less particle)."""
        return self.key != ""


def tokens(text: str, language: str) -> tuple[Token, ...]:
    """The words of a text, elisions split (l'usine: l + usine), each with its key."""
    found = []
    stops = STOPWORDS[language]
    for match in _WORD.finditer(text):
        word = fold(match.group(0))
        head, sep, tail = word.partition("'")
        parts = [(head, match.start()), (tail, match.start() + len(head) + 1)]
        if not sep or (head not in ELISIONS and len(head) > 2):
            parts = [(word.replace("'", ""), match.start())]
        for part, start in parts:
            if not part:
                continue
            key = "" if part in stops or len(part) < 2 else lemma_key(part, language)
            found.append(Token(start, start + len(part), part, key))
    return tuple(found)


def spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """The stretches of `text` between the matches of a breaking pattern, trimmed, non-empty."""
    cuts = [(m.start(), m.end()) for m in pattern.finditer(text)] + [(len(text), len(text))]
    found, begin = [], 0
    for cut_start, cut_end in cuts:
        piece = text[begin:cut_start]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            found.append((begin + lead, begin + lead + len(piece.strip())))
        begin = cut_end
    return found


def sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of a text."""
    return spans(text, _SENTENCE_END)


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans within a sentence span: negation and polarity are read per clause."""
    return [(start + a, start + b) for a, b in spans(text[start:end], _CLAUSE_BREAK)] or [
        (start, end)
    ]
