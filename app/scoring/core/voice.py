"""The tone a statement reads as: the cue lexicon's labels, corrected by the statement analysis.

The lexicon finds empathy, advice, jargon and the like; where a label is a matter of meaning
(is the apology conditional, is anyone else blamed, is it contempt, a refusal) the analysis
adds or removes it. A text with nothing checkable in it earns no tone above neutral.
"""

from app.analysis import Analysis
from app.scoring.core.text import Analysed
from app.scoring.core.tone import (
    LABELS,
    NEUTRAL,
    TONE_POINTS,
    TRANSPARENCY_ASPECT_POINTS,
    ToneAnalysis,
    analyse_tone,
)

NON_APOLOGY_POINTS = -20  # "sorry if anyone was offended": worse than no apology (SCCT)
NON_APOLOGY = "non_apology"


def _labels(lexicon: ToneAnalysis, reading: Analysis) -> tuple[set[str], dict[str, str]]:
    """The lexicon's labels, completed and corrected by the analysis, and the spans behind them.

    The lexicon's wide cue lists keep their recall; the analysis adds what it reads and removes
    what meaning contradicts: no accountability beside blame, no empathy in a non-apology.
    """
    voice = reading.voice
    labels = set(lexicon.labels)
    spans = {name: span.text for name, span in voice.evidence.items()}
    if voice.blames:
        labels.add("blame")
    if voice.accountable or ("accountability" in labels and "blame" not in labels):
        labels.add("accountability")
    else:
        labels.discard("accountability")
    if voice.refusal:
        labels.add("no_comment")
    if "no_comment" in labels:
        labels.discard("transparency")
    if voice.contempt or voice.sarcasm:
        labels.add("disrespect")
    if voice.denies_responsibility:
        labels.add("defensive")
    if voice.apology == "conditional":
        labels.discard("empathy")
        labels.add(NON_APOLOGY)
    return labels, spans


def read_tone(text: Analysed, reading: Analysis) -> ToneAnalysis:
    """Tone labels and a 0..100 score from a neutral 50, meaning read by the analysis."""
    lexicon = analyse_tone(text)
    labels, spans = _labels(lexicon, reading)
    aspects = () if "no_comment" in labels else lexicon.transparency
    score = NEUTRAL + sum(TONE_POINTS[label] for label in labels if label in TONE_POINTS)
    score += NON_APOLOGY_POINTS if NON_APOLOGY in labels else 0
    score += TRANSPARENCY_ASPECT_POINTS * max(0, len(aspects) - 1)
    if not reading.substantive:
        score = min(score, NEUTRAL)  # warm words about nothing: no credit (CERC: be credible)
    ordered = tuple(label for label in (*LABELS, NON_APOLOGY) if label in labels)
    return ToneAnalysis(
        language=lexicon.language,
        labels=ordered,
        cues={label: _cues(label, lexicon, spans) for label in ordered},
        transparency=aspects,
        score=float(max(0, min(100, score))),
    )


# The analysis evidence behind a label the analysis decides.
_EVIDENCE = {
    "no_comment": ("refusal",),
    "disrespect": ("contempt", "sarcasm"),
    "non_apology": ("apology",),
    "blame": ("blame_third_party", "blame_victims"),
    "defensive": ("accountability",),
}


def _cues(label: str, lexicon: ToneAnalysis, spans: dict[str, str]) -> tuple[str, ...]:
    """The lexicon's cues of a label, else the analysis's span that decided it."""
    if lexicon.cues.get(label):
        return lexicon.cues[label]
    names = _EVIDENCE.get(label, (label,))
    return tuple(spans[name] for name in names if name in spans)
