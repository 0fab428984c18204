"""Rebuild geodata/ from public sources: run as `python -m scripts.NAME`."""
