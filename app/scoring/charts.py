"""Static SVG geometry for the review's charts: printed pages and PDFs run no JavaScript."""

from dataclasses import dataclass
from typing import Any

WIDTH, HEIGHT = 720.0, 220.0
PAD_LEFT, PAD_RIGHT, PAD_TOP, PAD_BOTTOM = 44.0, 44.0, 12.0, 28.0
BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 22.0, 10.0, 170.0


@dataclass(frozen=True)
class Bar:
    """One dimension's bar: its score and, when overridden, where the computed score was."""

    key: str
    y: float
    width: float
    score: float | None
    rating: str | None
    computed_x: float | None


def score_bars(report: dict[str, Any], span: float = WIDTH - LABEL_WIDTH - 60) -> list[Bar]:
    """The dimension bars of the score chart, top to bottom, 0..100 mapped onto `span`."""
    bars = []
    for index, (key, dimension) in enumerate(report["dimensions"].items()):
        score, computed = dimension["score"], dimension.get("computed_score")
        bars.append(
            Bar(
                key=key,
                y=index * (BAR_HEIGHT + BAR_GAP),
                width=span * (score or 0) / 100,
                score=score,
                rating=dimension["rating"],
                computed_x=span * computed / 100 if computed is not None else None,
            )
        )
    return bars


def _points(values: list[float], low: float, high: float, step: float) -> str:
    """An SVG polyline's points for a series on the plot area, `low..high` bottom to top."""
    height = HEIGHT - PAD_TOP - PAD_BOTTOM
    spread = (high - low) or 1.0
    return " ".join(
        f"{PAD_LEFT + i * step:.1f},{PAD_TOP + height * (1 - (v - low) / spread):.1f}"
        for i, v in enumerate(values)
    )


def timeline_geometry(timeline: dict[str, Any], annotations: list[Any]) -> dict[str, Any]:
    """Polylines for volume (left axis) and sentiment/anger (right axis, -1..1), marker x's."""
    minutes = len(timeline["minutes"])
    step = (WIDTH - PAD_LEFT - PAD_RIGHT) / max(1, minutes - 1)
    seconds_span = max(1.0, (minutes - 1) * timeline["step_s"])
    peak = max(timeline["volume"], default=0) or 1

    def x_of(at_s: float) -> float:
        return PAD_LEFT + min(at_s, seconds_span) / seconds_span * (WIDTH - PAD_LEFT - PAD_RIGHT)

    ticks = list(range(0, minutes, max(1, minutes // 8 // 5 * 5 or 1)))
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": PAD_LEFT,
        "right": WIDTH - PAD_RIGHT,
        "top": PAD_TOP,
        "bottom": HEIGHT - PAD_BOTTOM,
        "peak": peak,
        "volume": _points(timeline["volume"], 0, peak, step),
        "sentiment": _points(timeline["sentiment"], -1, 1, step),
        "anger": _points(timeline["anger"], -1, 1, step),
        "zero_y": PAD_TOP + (HEIGHT - PAD_TOP - PAD_BOTTOM) / 2,
        "ticks": [(PAD_LEFT + m * step, m) for m in ticks],
        "actions": [(x_of(a["at_s"]), a) for a in timeline["actions"]],
        "injects": [(x_of(i["at_s"]), i) for i in timeline["injects"]],
        "annotations": [(x_of(a.at_s), a) for a in annotations if a.at_s is not None],
    }
