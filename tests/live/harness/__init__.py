"""A harness that runs the real app: fresh databases, `stormdrill serve` processes, Redis,
browser-like clients. Used by tests/live and by `make bench` (benchmarks/bench_live.py).

`cluster.cluster("sqlite" | "postgres")` sets a deployment up and tears it down;
`services` (ports, databases, Redis), `seed`, `servers` (kill -9, restart) and `clients`
(sign-in, actions, SSE consoles) are its parts; `measure` and `takeover` read what the
consoles received; `loop.run_bounded` runs a scenario from a test, beside any browser test's
event loop.
"""
