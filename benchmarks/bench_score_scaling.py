"""Scoring grows linearly with the record: 5,000 actions cost at most ~6x what 1,000 cost."""

import random
import time

from app.scoring.core import parse_record, score_record
from benchmarks.bench_scoring import _action, _clear_caches, big_record
from benchmarks.table import Result

SIZES = (1_000, 5_000)
GOAL_RATIO = 6.0  # 5x the actions; linear work gives about 5, quadratic about 25


def _timed(size: int, repeated: bool) -> float:
    """Seconds to parse and score a record of `size` actions from cold caches."""
    record = big_record()
    if repeated:
        base = record["actions"]
        actions = [dict(base[n % len(base)], at_s=n * 24.0) for n in range(size)]
    else:
        rng = random.Random(size)
        actions = [_action(rng, n) for n in range(size)]
    record["actions"] = actions
    _clear_caches()
    start = time.perf_counter()
    score_record(parse_record(record))
    return time.perf_counter() - start


def run() -> list[Result]:
    """Scoring time at each size, and the ratio of the largest to the smallest."""
    results = []
    for repeated in (False, True):
        label = "repeated 300 actions" if repeated else "random actions"
        small, large = (_timed(size, repeated) for size in SIZES)
        results.append(
            Result(
                benchmark="score scaling",
                metric=f"{label}: {SIZES[1]:,} vs {SIZES[0]:,} actions ({large:.2f} s)",
                value=large / small,
                unit="x",
                goal=f"<= {GOAL_RATIO:.0f}x",
                ok=large / small <= GOAL_RATIO,
            )
        )
    return results
