"""Matching by meaning: key messages against what the team said (stances: app/analysis)."""

from rapidfuzz import fuzz, process

from app.scoring.core.text import Analysed
from app.scoring.core.tone import cue_matches

FUZZY_WORD = 85  # rapidfuzz ratio at which two stems count as the same word
KEY_MESSAGE_MATCH = 50  # similarity at which a statement carries a key message
KEY_MESSAGE_MATCH_WITH_KIND_CUE = 35  # …or lower, when the statement shows the kind's cues


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
