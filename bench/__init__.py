"""Benchmarks, run from the repository root as modules.

`python -m bench.run`, `python -m bench.load`, `python -m bench.export_bench`.
"""
