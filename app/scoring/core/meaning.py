"""Matching by meaning: key messages, rumours and facts against what the team said."""

import re
from functools import lru_cache

from rapidfuzz import fuzz, process

from app.scoring.core.text import Analysed, analyse_text
from app.scoring.core.tone import cue_matches

FUZZY_WORD = 85  # rapidfuzz ratio at which two stems count as the same word
KEY_MESSAGE_MATCH = 50  # similarity at which a statement carries a key message
KEY_MESSAGE_MATCH_WITH_KIND_CUE = 35  # …or lower, when the statement shows the kind's cues
ADDRESSES_SHARE = 0.5  # share of a claim's key terms a clause must carry to be about it
_CLAUSE_SPLIT = re.compile(r"[.;:!?\n]+|\s(?:but|however|mais|cependant|toutefois)\s")


def stem_hits(text: Analysed, target: Analysed) -> int:
    """How many of `target`'s content stems `text` has, exactly or as a close fuzzy match."""
    return sum(
        1
        for wanted in target.stems
        if wanted in text.stems
        or process.extractOne(wanted, text.stems, scorer=fuzz.ratio, score_cutoff=FUZZY_WORD)
    )


def stem_coverage(text: Analysed, target: Analysed) -> float:
    """Share of `target`'s content stems found in `text`."""
    return stem_hits(text, target) / len(target.stems) if target.stems else 0.0


def concept_coverage(text: Analysed, target: Analysed) -> float:
    """Share of `target`'s concepts that `text` evokes too."""
    if not target.concepts:
        return 0.0
    return len(text.concepts & target.concepts) / len(target.concepts)


def similarity(text: Analysed, target: Analysed) -> float:
    """0..100: how much of `target`'s meaning `text` carries (words and bilingual concepts)."""
    return round(50 * stem_coverage(text, target) + 50 * concept_coverage(text, target), 1)


def carries_key_message(text: Analysed, key_message: Analysed, kind: str) -> float | None:
    """The similarity if `text` carries the key message by meaning, else None."""
    score = similarity(text, key_message)
    if score >= KEY_MESSAGE_MATCH:
        return score
    if score >= KEY_MESSAGE_MATCH_WITH_KIND_CUE and cue_matches(text, f"kind:{kind}"):
        return score
    return None


@lru_cache(maxsize=4096)
def clauses(text: Analysed) -> tuple[Analysed, ...]:
    """The clauses of a statement, each analysed in the statement's language."""
    parts = [p.strip() for p in _CLAUSE_SPLIT.split(text.raw) if p and len(p.strip()) > 2]
    return tuple(analyse_text(part, text.language) for part in parts) or (text,)


def is_about(clause: Analysed, claim: Analysed) -> bool:
    """Whether a clause speaks about what a claim says: half its key terms, two at least."""
    if not claim.stems:
        return False
    hits = stem_hits(clause, claim)
    return hits / len(claim.stems) >= ADDRESSES_SHARE and hits >= min(2, len(claim.stems))


def denies(text: Analysed) -> bool:
    """Whether the text denies something: a denial cue or a negation word."""
    return text.negated or bool(cue_matches(text, "denial"))


def addresses(text: Analysed, claim: Analysed) -> bool:
    """Whether a statement addresses a claim's key terms, in one clause or as a whole."""
    return is_about(text, claim) or any(is_about(c, claim) for c in clauses(text))


def corrects(text: Analysed, rumour: Analysed, *, declared: bool) -> bool:
    """Whether a public text is a correct correction of the rumour.

    It must address the rumour's key terms; a text not declared as a correction must also deny.
    """
    return addresses(text, rumour) and (declared or denies(text))


def repeats_as_true(text: Analysed, rumour: Analysed) -> bool:
    """Whether a statement repeats a rumour without denying it anywhere."""
    return addresses(text, rumour) and not denies(text)


def conflicting(a: Analysed, b: Analysed) -> bool:
    """Whether two clauses about the same thing disagree: opposite polarity or other numbers."""
    if a.negated != b.negated:
        return True
    return bool(a.numbers and b.numbers and not (a.numbers & b.numbers))


def contradicts(text: Analysed, fact: Analysed) -> bool:
    """Whether some clause of a statement speaks about a fact and disagrees with it."""
    return any(is_about(c, fact) and conflicting(c, fact) for c in clauses(text))
