"""Benchmark and browser tooling (filled in by the benchmark rewrite)."""
