"""Precision and recall of the analysis per label (stance, apology, blame) on a labelled set.

Run `python -m app.analysis.evaluate [FILE…]`; FILE defaults to tests/analysis/labelled/*.yaml.
Figures are printed, never asserted: the set is written once and not tuned to.
"""

import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from app.analysis import Claim, Frame, analyse

LABELLED = Path(__file__).resolve().parents[2] / "tests/analysis/labelled"
TASKS = {
    "stance": ("affirms", "denies", "silent"),
    "apology": ("full", "conditional", "none"),
    "blame": ("third_party", "victims", "none"),
}


@dataclass(frozen=True)
class LabelFigures:
    """How well the analysis finds one label of one task."""

    task: str
    label: str
    support: int
    precision: float | None
    recall: float | None


def load(paths: list[Path]) -> list[tuple[Frame, dict]]:
    """Each labelled item with its frame."""
    found = []
    for path in paths:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        frames = {
            name: Frame(f["lang"], f["brand"], tuple(Claim(**c) for c in f["claims"]))
            for name, f in data["frames"].items()
        }
        found += [(frames[item["frame"]], item) for item in data["items"]]
    return found


def pairs(items: list[tuple[Frame, dict]]) -> dict[str, list[tuple[str, str]]]:
    """(expected, predicted) labels per task: a stance pair per claim, a blame pair per target."""
    out: dict[str, list[tuple[str, str]]] = {task: [] for task in TASKS}
    for frame, item in items:
        reading = analyse(item["text"], frame)
        for claim in frame.claims:
            expected = item["stance"].get(claim.id, "silent")
            out["stance"].append((expected, reading.stance_of(claim.id).label))
        out["apology"].append((item["apology"], reading.voice.apology))
        for target in ("third_party", "victims"):
            want = target if target in item["blame"] else "none"
            out["blame"].append((want, target if target in reading.voice.blames else "none"))
    return out


def figures(items: list[tuple[Frame, dict]]) -> list[LabelFigures]:
    """Precision and recall per task and label (None where never predicted or expected)."""
    results = []
    for task, found in pairs(items).items():
        for label in TASKS[task]:
            hit = sum(1 for want, got in found if want == label == got)
            predicted = sum(1 for _want, got in found if got == label)
            expected = sum(1 for want, _got in found if want == label)
            results.append(
                LabelFigures(
                    task,
                    label,
                    expected,
                    round(hit / predicted, 3) if predicted else None,
                    round(hit / expected, 3) if expected else None,
                )
            )
    return results


def render(results: list[LabelFigures]) -> str:
    """The figures as an aligned table."""

    def show(value: float | None) -> str:
        return "-" if value is None else f"{value:.2f}"

    lines = [f"{'task':<9}{'label':<13}{'support':>8}{'precision':>11}{'recall':>8}"]
    lines += [
        f"{r.task:<9}{r.label:<13}{r.support:>8}{show(r.precision):>11}{show(r.recall):>8}"
        for r in results
    ]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    """Print the figures of the given labelled files (default: the project's labelled set)."""
    paths = [Path(a) for a in argv] or sorted(LABELLED.glob("*.yaml"))
    sys.stdout.write(render(figures(load(paths))) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
