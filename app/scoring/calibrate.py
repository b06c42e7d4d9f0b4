"""Tone calibration: precision and recall of the tone labels against labelled statements.

The labels are the ones the score uses: the cue lexicon's, corrected by the statement analysis
(app/scoring/core/voice.py); a non-apology is reported as such, not as a label of the sets.

Run `python -m app.scoring.calibrate [FILE]`; FILE defaults to the project's training sets.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from app.analysis import Frame, analyse
from app.scoring.core.text import analyse_text
from app.scoring.core.tone import LABELS
from app.scoring.core.voice import read_tone

CALIBRATION = Path(__file__).resolve().parents[2] / "tests/scoring/calibration"
# The in-sample (training) sets the lexicon was written against; held-out sets are passed by path.
TRAINING_SETS = (CALIBRATION / "statements.yaml", CALIBRATION / "statements2.yaml")


@dataclass(frozen=True)
class LabelFigures:
    """How well the tone analysis finds one label."""

    label: str
    support: int
    precision: float | None
    recall: float | None


def load_statements(path: Path | None = None) -> list[dict]:
    """The labelled statements of `path`, or of every training set: `lang`, `text`, `labels`."""
    paths = (path,) if path else TRAINING_SETS
    return [s for p in paths for s in yaml.safe_load(p.read_text(encoding="utf-8"))]


def predicted_labels(text: str, language: str) -> set[str]:
    """The labels the score's tone reading gives a statement (no scenario: an empty frame)."""
    return set(read_tone(analyse_text(text, language), analyse(text, Frame(language))).labels)


def figures(statements: list[dict]) -> list[LabelFigures]:
    """Precision and recall per label (None where the label was never predicted or expected)."""
    results = []
    predictions = [(set(s["labels"]), predicted_labels(s["text"], s["lang"])) for s in statements]
    for label in LABELS:
        true_pos = sum(1 for want, got in predictions if label in want and label in got)
        predicted = sum(1 for _want, got in predictions if label in got)
        expected = sum(1 for want, _got in predictions if label in want)
        results.append(
            LabelFigures(
                label=label,
                support=expected,
                precision=round(true_pos / predicted, 3) if predicted else None,
                recall=round(true_pos / expected, 3) if expected else None,
            )
        )
    return results


def render(results: list[LabelFigures]) -> str:
    """The figures as an aligned table."""

    def show(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [f"{'label':<16}{'support':>8}{'precision':>11}{'recall':>8}"]
    lines += [
        f"{r.label:<16}{r.support:>8}{show(r.precision):>11}{show(r.recall):>8}" for r in results
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the calibration figures of the given statement set (default: the training sets)."""
    path = Path(argv[0]) if argv else None
    sys.stdout.write(render(figures(load_statements(path))) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
