"""The side-by-side table every benchmark prints."""

from __future__ import annotations


def print_rows(rows: list[tuple[str, str, str, str]],
               heads: tuple[str, str] = ("Eco Town Atlas", "naive baseline")) -> None:
    """Print (figure, left, right, target) rows as an aligned table (by default ours beside
    the naive baseline)."""
    width = max(len(r[0]) for r in rows)
    cols = max(16, *(len(h) for h in heads), *(len(c) for r in rows for c in r[1:3]))
    print(f"{'figure'.ljust(width)}  {heads[0]:>{cols}}  {heads[1]:>{cols}}  target")
    for name, mine, naive, target in rows:
        print(f"{name.ljust(width)}  {mine:>{cols}}  {naive:>{cols}}  {target}")
