"""A benchmark result and the table `make bench` prints."""

from dataclasses import dataclass


@dataclass(frozen=True)
class Result:
    """One measured figure against its goal."""

    benchmark: str
    metric: str
    value: float
    unit: str
    goal: str
    ok: bool


def number(value: float) -> str:
    """A figure with one decimal, or three below 10: a ratio of 0.47 must not print as 0.5."""
    return f"{value:,.3f}" if abs(value) < 10 else f"{value:,.1f}"


def print_table(results: list[Result]) -> None:
    """Print results as an aligned table, one row per figure."""
    header = ("benchmark", "metric", "value", "unit", "goal", "met")
    rows = [
        (r.benchmark, r.metric, number(r.value), r.unit, r.goal, "yes" if r.ok else "NO")
        for r in results
    ]
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    for row in (header, tuple("-" * w for w in widths), *rows):
        print("  ".join(str(cell).ljust(width) for cell, width in zip(row, widths, strict=True)))
