"""The plain data the analysis answers with: spans of the text, stances, commitments."""

from dataclasses import dataclass
from typing import Literal

StanceLabel = Literal["affirms", "denies", "silent"]
ApologyKind = Literal["full", "conditional", "none"]
BlameTarget = Literal["third_party", "victims"]


@dataclass(frozen=True)
class Span:
    """A piece of the analysed text: character offsets into it, the words, and why it matters."""

    start: int
    end: int
    text: str
    reason: str = ""


@dataclass(frozen=True)
class Stance:
    """What the text says about one fact or rumour, and the clause that decided it."""

    claim_id: str
    label: StanceLabel
    hedged: bool = False
    evidence: Span | None = None


@dataclass(frozen=True)
class Commitment:
    """A promise in the text: an update (or action) by a time, absolute or relative."""

    kind: Literal["update", "action"]
    within_s: float | None
    clock: str | None
    evidence: Span
