"""A harness that runs the real app: fresh databases, `stormdrill serve` processes, Redis,
browser-like clients. Used by tests/live and by `make bench`."""
