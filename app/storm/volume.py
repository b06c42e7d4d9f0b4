"""The scenario's volume curve: posts per minute at any second, phase by phase."""

import math
from bisect import bisect_right

from app.scenarios.models import Phase, Scenario, Shape


def shape_value(shape: Shape, start: float, end: float, x: float) -> float:
    """Posts per minute at fraction `x` (0–1) of a phase going from `start` to `end`."""
    if shape is Shape.exponential and start > 0 and end > 0:
        return start * (end / start) ** x
    if shape is Shape.plateau:
        # Holds the start rate, then joins the end rate over the last fifth of the phase.
        return start if x < 0.8 else start + (end - start) * (x - 0.8) / 0.2
    if shape is Shape.decay:
        return end + (start - end) * (1 - x) ** 2
    return start + (end - start) * x


class VolumeCurve:
    """Posts per minute as a function of time; zero outside the scenario's phases."""

    def __init__(self, scenario: Scenario) -> None:
        self.phases: list[Phase] = sorted(scenario.phases, key=lambda p: p.start)
        self.starts = [p.start for p in self.phases]

    def phase_at(self, t_s: float) -> Phase | None:
        """The phase running at a time, if any."""
        index = bisect_right(self.starts, t_s) - 1
        if index < 0:
            return None
        phase = self.phases[index]
        return phase if t_s < phase.end else None

    def per_minute(self, t_s: float) -> float:
        """The scenario's volume at a time, before the audience's attention multiplies it."""
        phase = self.phase_at(t_s)
        if phase is None:
            return 0.0
        x = (t_s - phase.start) / (phase.end - phase.start)
        value = shape_value(
            phase.volume.shape, phase.volume.start_per_min, phase.volume.end_per_min, x
        )
        return max(0.0, value) if math.isfinite(value) else 0.0
