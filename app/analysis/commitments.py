"""Commitments: a promised update or action, by a clock time or within a delay, and if kept."""

import re
from dataclasses import dataclass
from functools import lru_cache

from app.analysis.tokens import fold
from app.analysis.types import Commitment, Span

CUE = {
    "en": r"\b(next update|(we will|we'll|we shall|we are going to|i will) (update|post|share|"
    r"publish|report|confirm|provide|give|come back|be back|keep you (posted|updated|informed)|get"
    r" back|announce)|(update|more information|details|news) (to follow|will follow|coming))\b",
    "fr": r"\b(prochain point|prochaine (mise a jour|communication|information)|nous (reviendrons|"
    r"publierons|partagerons|communiquerons|vous tiendrons|ferons un (nouveau )?point|donnerons|"
    r"preciserons|informerons)|(nouveau )?point (sera fait|a suivre)|mise a jour (a suivre|"
    r"suivra))\b",
}
ACTION_CUE = {
    "en": r"\b(we will|we'll|we are going to) (refund|replace|contact|compensate|reimburse|repair"
    r"|restore|fix|recall|review|investigate)\b",
    "fr": r"\bnous (rembourserons|remplacerons|contacterons|indemniserons|reparerons|retablirons|"
    r"rappellerons|allons (rembourser|remplacer|contacter|indemniser|reparer|retablir))\b",
}
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "ten": 10, "fifteen": 15}
_NUMBER_WORDS |= {"twenty": 20, "thirty": 30, "forty-five": 45, "a": 1, "an": 1, "une": 1}
_NUMBER_WORDS |= {"un": 1, "deux": 2, "trois": 3, "dix": 10, "quinze": 15, "vingt": 20}
_NUMBER_WORDS |= {"trente": 30}
_UNIT = r"(hours?|heures?|h|minutes?|mins?|min)"
RELATIVE = {
    "en": rf"\b(within|in|over) (the (next )?|(\d+|{'|'.join(_NUMBER_WORDS)}) )?{_UNIT}\b"
    r"|\bwithin (the|an|the next) (hour|half hour)\b|\bin half an hour\b",
    "fr": rf"\b(dans|sous) (l'|les |la |(\d+|{'|'.join(_NUMBER_WORDS)}) )?{_UNIT}\b"
    rf"|\bd'ici (\d+|{'|'.join(_NUMBER_WORDS)}) (minutes?|min)\b|\bd'ici (une|l') ?heure\b"
    r"|\bdans (la|une) demi-heure\b|\bdans l'heure\b",
}
CLOCK = {
    "en": r"\b(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)\b|\b(\d{1,2})[:.](\d{2})\b|\b(noon|midday)\b",
    "fr": r"\b(\d{1,2})\s*h\s*(\d{2})?\b|\b(\d{1,2})[:](\d{2})\b|\b(midi)\b",
}
GRACE_S = 300.0  # a promised update this late still counts as kept
# A clock time or an untimed promise is judged only if the drill went on this long after it:
# the record has no wall clock, so "at 3pm" may fall after the drill ended.
UNTIMED_HORIZON_S = 3600.0
_LATER_DAY = re.compile(r"\b(tomorrow|demain|lundi|mardi|mercredi|jeudi|vendredi|monday|tuesday)\b")


@lru_cache(maxsize=2)
def _compiled(language: str) -> tuple[re.Pattern[str], ...]:
    """The cue, action, relative-delay and clock patterns of one language."""
    return tuple(re.compile(table[language]) for table in (CUE, ACTION_CUE, RELATIVE, CLOCK))


def _delay_s(match: re.Match[str]) -> float:
    """Seconds of a relative delay: "within the hour" 3600, « dans 30 minutes » 1800."""
    text = match.group(0)
    if "demi" in text or "half" in text:
        return 1800.0
    number = re.search(r"\d+", text)
    count = float(number.group(0)) if number else 1.0
    for word, value in _NUMBER_WORDS.items():
        if re.search(rf"\b{word}\b", text) and not number and len(word) > 2:
            count = float(value)
    return count * (3600.0 if re.search(r"\b(hours?|heures?|h|heure)\b", text) else 60.0)


def find_commitments(folded: str, raw: str, sentences: list[tuple[int, int]], language: str):
    """The commitments of a text, one per sentence that promises something."""
    cue, action, relative, clock = _compiled(language)
    found: list[Commitment] = []
    for start, end in sentences:
        promised = cue.search(folded, start, end)
        kind = "update"
        if promised is None:
            promised, kind = action.search(folded, start, end), "action"
        if promised is None:
            continue
        delay = relative.search(folded, start, end)
        hour = clock.search(folded, start, end)
        found.append(
            Commitment(
                kind=kind,  # type: ignore[arg-type]
                within_s=_delay_s(delay) if delay else None,
                clock=clock_key(hour.group(0)) if hour and not delay else None,
                evidence=Span(start, end, raw[start:end], "commitment"),
            )
        )
    return tuple(found)


def clock_key(text: str) -> str:
    """A clock time written one way: "3pm", "15 h", "15:00" all give "15:00"."""
    text = text.strip()
    if text in ("noon", "midday", "midi"):
        return "12:00"
    hour_text, minutes = re.match(r"(\d{1,2})\D*(\d{2})?", text).groups()  # type: ignore[union-attr]
    hour = int(hour_text)
    if text.endswith("pm") and hour < 12:
        hour += 12
    if text.endswith("am") and hour == 12:
        hour = 0
    return f"{hour:02d}:{minutes or '00'}"


def clocks_in(folded: str, language: str) -> frozenset[str]:
    """Every clock time a text names, written as clock_key does."""
    return frozenset(clock_key(m.group(0)) for m in _compiled(language)[3].finditer(folded))


@dataclass(frozen=True)
class CommitmentCheck:
    """A commitment and whether a later public text kept it (None: cannot tell yet)."""

    at_s: float
    source: str
    commitment: Commitment
    kept: bool | None
    kept_by: str | None


def check_commitments(timeline, end_s: float) -> list[CommitmentCheck]:
    """Judge each update promised in `timeline` ([(at_s, id, Analysis)] in time order).

    A delay is kept by a later text within it (plus a grace); a clock time by a later text naming
    that time, or any later text when none names it (the record has no wall clock); an update
    promised without a time, by any later text. Not judged (None): promised actions, and promises
    the drill ended before (a later day, a delay running past the end, a clock time or untimed
    promise less than an hour before the end).
    """
    checks = []
    for index, (at_s, source, analysis) in enumerate(timeline):
        later = timeline[index + 1 :]
        for commitment in analysis.commitments:
            kept_by = _keeper(commitment, at_s, later)
            kept = None if commitment.kind == "action" else kept_by is not None
            if kept is False and _due_s(commitment, at_s) > end_s:
                kept = None  # the drill ended before the promise fell due
            checks.append(CommitmentCheck(at_s, source, commitment, kept, kept_by))
    return checks


def _due_s(commitment: Commitment, at_s: float) -> float:
    """When a promised update falls due; infinite when it names a later day."""
    if _LATER_DAY.search(fold(commitment.evidence.text)):
        return float("inf")
    if commitment.within_s is not None:
        return at_s + commitment.within_s + GRACE_S
    return at_s + UNTIMED_HORIZON_S


def _keeper(commitment: Commitment, at_s: float, later) -> str | None:
    """The id of the later text that keeps an update commitment, if any."""
    if commitment.within_s is not None:
        limit = at_s + commitment.within_s + GRACE_S
        return next((i for t, i, _a in later if t <= limit), None)
    if commitment.clock is not None:
        naming = next((i for _t, i, a in later if commitment.clock in a.clocks), None)
        return naming or next((i for _t, i, _a in later), None)
    return next((i for _t, i, _a in later), None)
