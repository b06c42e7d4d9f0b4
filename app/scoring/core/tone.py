"""Tone of a statement, in its own language, from the project's cue lexicon (CERC, SCCT)."""

import re
from dataclasses import dataclass
from functools import lru_cache

from app.scoring.core.text import LEXICONS, Analysed

POSITIVE = ("empathy", "accountability", "transparency", "advice", "respect")
NEGATIVE = ("defensive", "blame", "no_comment", "jargon", "legalese", "disrespect")
LABELS = POSITIVE + NEGATIVE
# Points a label adds to or takes from a neutral 50; documented in docs/scoring.md.
TONE_POINTS: dict[str, int] = {
    "empathy": 20,
    "accountability": 15,
    "transparency": 10,
    "advice": 10,
    "respect": 10,
    "defensive": -25,
    "blame": -30,
    "no_comment": -45,
    "jargon": -10,
    "legalese": -15,
    "disrespect": -30,
}
TRANSPARENCY_ASPECT_POINTS = 5  # each of known / unknown / next update beyond the first
NEUTRAL = 50


@dataclass(frozen=True)
class ToneAnalysis:
    """The tone labels of one statement, the cues that triggered them, and its tone score."""

    language: str
    labels: tuple[str, ...]
    cues: dict[str, tuple[str, ...]]
    transparency: tuple[str, ...]
    score: float


def _compile(patterns: tuple[str, ...]) -> re.Pattern[str] | None:
    """One alternation matching any cue at a word start."""
    if not patterns:
        return None
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(f"(?:{p})" for p in patterns) + ")")


@lru_cache(maxsize=8)
def _patterns(language: str) -> dict[str, re.Pattern[str] | None]:
    """Compiled tone, transparency-aspect and kind cues of one language."""
    lexicon = LEXICONS[language]
    compiled = {label: _compile(lexicon.TONE_CUES[label]) for label in LABELS}
    compiled |= {f"aspect:{k}": _compile(v) for k, v in lexicon.TRANSPARENCY_CUES.items()}
    compiled |= {f"kind:{k}": _compile(v) for k, v in lexicon.KIND_CUES.items()}
    compiled["negated_before"] = re.compile(f"(?:{lexicon.NEGATION_BEFORE})\\s*$")
    return compiled


def _negated(normalised: str, start: int, negation: re.Pattern[str]) -> bool:
    """Whether the clause before a cue ends with a negation ("not the fault of our staff")."""
    clause = re.split(r"[.!?;:,()]", normalised[max(0, start - 80) : start])[-1]
    return bool(negation.search(clause))


def cue_matches(text: Analysed, name: str) -> tuple[str, ...]:
    """The distinct cue phrases of group `name` (a label, `kind:<k>`) found in `text`."""
    patterns = _patterns(text.language)
    pattern = patterns.get(name)
    if pattern is None:
        return ()
    matches = pattern.finditer(text.normalised)
    if name in LEXICONS[text.language].NEGATABLE:
        negation = patterns["negated_before"]
        matches = (m for m in matches if not _negated(text.normalised, m.start(), negation))
    return tuple(sorted({m.group(0).strip() for m in matches}))


@lru_cache(maxsize=4096)
def analyse_tone(text: Analysed) -> ToneAnalysis:
    """Label a statement's tone and score it 0..100 from a neutral 50."""
    cues = {label: found for label in LABELS if (found := cue_matches(text, label))}
    aspects = tuple(
        aspect
        for aspect in ("known", "unknown", "next_update")
        if cue_matches(text, f"aspect:{aspect}")
    )
    if "no_comment" in cues:
        # A refusal to say more is not transparency, "at this stage" or not.
        cues.pop("transparency", None)
        aspects = ()
    score = NEUTRAL + sum(TONE_POINTS[label] for label in cues)
    score += TRANSPARENCY_ASPECT_POINTS * max(0, len(aspects) - 1)
    return ToneAnalysis(
        language=text.language,
        labels=tuple(label for label in LABELS if label in cues),
        cues=cues,
        transparency=aspects,
        score=float(max(0, min(100, score))),
    )
