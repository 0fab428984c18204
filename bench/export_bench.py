"""Briefing export times beside a naive baseline, in one run.

    python -m bench.export_bench [--runs 5]

Prints the warm time (median of ``--runs``, after one warm-up) of a PNG slide and an A4
PDF of the demo dataset, phase 3, in Thai, through :func:`ecotown.briefing.briefing` (the
function behind the web button and the command line), and their sizes. The naive baseline
is GeoPandas ``.plot()`` of the raw Natural Earth admin-1 file (1.3 MB, not simplified;
read once, outside the timing), no legend or text, saved at the same size: 16 × 9 in at
120 dpi, and A4 landscape.

The briefing deck (PowerPoint and PDF pack, demo, whole programme, Thai:
:func:`ecotown.briefing.deck_export.deck`) is timed the same way and printed beside the
single PNG slide of the same view (target: a full deck in at most 3 s warm).
"""

from __future__ import annotations

import argparse
import io
import os
import statistics
import time
from pathlib import Path

from bench.report import print_rows

ROOT = Path(__file__).resolve().parent.parent

NE_FILE = Path(os.environ.get("ECOTOWN_NE_ADMIN1",
                              ROOT.parent / "shared" / "reference" /
                              "ne_10m_admin1_thailand.geojson"))


def median_time(make, runs: int) -> tuple[float, int]:
    size = len(make())  # warm-up: imports, font registration, caches
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        make()
        times.append(time.perf_counter() - start)
    return statistics.median(times), size


def ours(fmt: str):
    """A callable that exports the demo, phase 3, Thai, as ``fmt``."""
    from ecotown.analysis.filters import Filters
    from ecotown.analysis.summary import area_table
    from ecotown.analysis.urlstate import ViewState
    from ecotown.briefing import briefing
    from ecotown.model.geography import load_provinces
    from ecotown.store import load_dataset

    provinces = load_provinces()
    dataset = load_dataset("demo")
    areas = area_table(dataset, provinces)
    view = ViewState(dataset="demo", lang="th", filters=Filters(phases=(3,)))
    return lambda: briefing(dataset, areas, provinces, view, fmt).data


def ours_deck(fmt: str):
    """A callable that exports the demo's whole-programme view, Thai: the deck as ``fmt``
    (``pptx``, ``pdf``) or the single briefing picture (``png``) of the same view."""
    from ecotown.analysis.summary import area_table
    from ecotown.analysis.urlstate import ViewState
    from ecotown.briefing import briefing
    from ecotown.briefing.deck_export import deck
    from ecotown.model.geography import load_provinces
    from ecotown.store import load_dataset

    provinces = load_provinces()
    dataset = load_dataset("demo")
    areas = area_table(dataset, provinces)
    view = ViewState(dataset="demo", lang="th")
    if fmt == "png":
        return lambda: briefing(dataset, areas, provinces, view, "png").data
    return lambda: deck(dataset, areas, provinces, view, fmt).data


def naive(fmt: str):
    """A callable that plots the raw Natural Earth provinces with GeoPandas' defaults."""
    import geopandas as gpd
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    raw = gpd.read_file(NE_FILE)  # read once: both sides start from loaded geometry

    def make() -> bytes:
        size = (16, 9) if fmt == "png" else (297 / 25.4, 210 / 25.4)
        figure, ax = plt.subplots(figsize=size, dpi=120 if fmt == "png" else 72)
        raw.plot(ax=ax, column=raw.columns[0], cmap="viridis", edgecolor="white")
        buffer = io.BytesIO()
        figure.savefig(buffer, format=fmt)
        plt.close(figure)
        return buffer.getvalue()

    return make


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5, help="timed runs after a warm-up")
    args = parser.parse_args()
    rows = []
    for fmt in ("png", "pdf"):
        mine, mine_size = median_time(ours(fmt), args.runs)
        theirs, their_size = median_time(naive(fmt), args.runs)
        rows.append((f"{fmt.upper()} warm, median of {args.runs}", f"{mine:.2f} s",
                     f"{theirs:.2f} s", "≤ 2 s"))
        rows.append((f"{fmt.upper()} size", f"{mine_size / 1000:,.0f} KB",
                     f"{their_size / 1000:,.0f} KB", ""))
    single, _ = median_time(ours_deck("png"), args.runs)
    for fmt in ("pptx", "pdf"):
        whole, size = median_time(ours_deck(fmt), args.runs)
        rows.append((f"Deck {fmt.upper()} warm (vs one PNG slide), median of {args.runs}",
                     f"{whole:.2f} s", f"{single:.2f} s", "≤ 3 s"))
        rows.append((f"Deck {fmt.upper()} size", f"{size / 1000:,.0f} KB", "", ""))
    print_rows(rows)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
