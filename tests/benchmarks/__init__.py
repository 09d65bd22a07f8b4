"""Benchmarks: run with ``make bench`` (``python -m tests.benchmarks``)."""
