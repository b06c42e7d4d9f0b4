"""Statement analysis: what one public text of the team says, read against the plan and scenario.

Pure and bilingual (French, English): plain dataclasses in, plain dataclasses out, every answer
with the span of text that decided it. The scorer reads the team's words through it, and the
storm's audience model can too (`analyse(text, frame)` is cached per text and frame).
"""

from app.analysis.commitments import CommitmentCheck, check_commitments
from app.analysis.form import near_duplicate, spam_bursts
from app.analysis.frame import Claim, Frame
from app.analysis.reading import Analysis, analyse
from app.analysis.types import Commitment, Span, Stance

__all__ = [
    "Analysis",
    "Claim",
    "Commitment",
    "CommitmentCheck",
    "Frame",
    "Span",
    "Stance",
    "analyse",
    "check_commitments",
    "near_duplicate",
    "spam_bursts",
]
