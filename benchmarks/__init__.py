"""Benchmarks and screenshots (scripts, not tests)."""
