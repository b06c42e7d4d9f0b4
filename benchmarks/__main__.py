"""Run the benchmarks named on the command line (default: all) and print their results.

Each `benchmarks/bench_*.py` module defines `run() -> list[Result]`.
"""

import importlib
import pkgutil
import sys
from pathlib import Path

from benchmarks.table import Result, print_table


def discover() -> list[str]:
    folder = Path(__file__).parent
    return sorted(
        m.name for m in pkgutil.iter_modules([str(folder)]) if m.name.startswith("bench_")
    )


def main(names: list[str]) -> int:
    selected = [n if n.startswith("bench_") else f"bench_{n}" for n in names] or discover()
    results: list[Result] = []
    for name in selected:
        module = importlib.import_module(f"benchmarks.{name}")
        print(f"running {name}…", file=sys.stderr, flush=True)
        results.extend(module.run())
    print_table(results)
    return 0 if all(r.ok for r in results) else 1


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
