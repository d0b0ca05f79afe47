"""Benchmarks of the pipeline on generated corpora (`python3 -m coalition_bench.build` and siblings)."""
