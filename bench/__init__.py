"""Benchmarks of xxgk-lint: a deterministic report generator and the measurement runner."""
