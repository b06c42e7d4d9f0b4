"""Performance benchmarks: `make bench` runs every `bench_*.py` module and prints one table."""
