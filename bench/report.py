"""The side-by-side table every benchmark prints."""

from __future__ import annotations


def print_rows(rows: list[tuple[str, str, str, str]]) -> None:
    """Print (figure, ours, naive baseline, target) rows as an aligned table."""
    width = max(len(r[0]) for r in rows)
    print(f"{'figure'.ljust(width)}  {'Eco Town Atlas':>16}  {'naive baseline':>16}  target")
    for name, mine, naive, target in rows:
        print(f"{name.ljust(width)}  {mine:>16}  {naive:>16}  {target}")
