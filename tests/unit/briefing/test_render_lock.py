"""Issue 26: one lock for everything that touches matplotlib's process-wide settings: a PNG
and a deck rendered at the same moment (threads, as two sessions downloading) come out
byte-identical to the same renders made one after the other."""

from __future__ import annotations

import threading

from ecotown.analysis.urlstate import ViewState
from ecotown.briefing import briefing
from ecotown.briefing.deck_export import deck
from ecotown.cli.view import view_areas
from ecotown.store import load_dataset


def test_a_png_and_a_deck_at_the_same_moment_are_the_serial_bytes(province_polygons):
    dataset = load_dataset("demo")
    from ecotown.analysis.filters import Filters

    # a small view for the deck (fewer slides, the same drawing code and global settings)
    view_th = ViewState("demo", "th")
    view_en = ViewState("demo", "en", year=2023, filters=Filters(regions=("east",)))
    areas_th = view_areas(dataset, province_polygons, view_th)
    areas_en = view_areas(dataset, province_polygons, view_en)
    jobs = {
        "png": lambda: briefing(dataset, areas_th, province_polygons, view_th, "png").data,
        "deck": lambda: deck(dataset, areas_en, province_polygons, view_en, "pdf").data,
        "pdf": lambda: briefing(dataset, areas_en, province_polygons, view_en, "pdf").data,
    }
    serial = {name: job() for name, job in jobs.items()}
    together: dict[str, bytes] = {}
    start = threading.Barrier(len(jobs))

    def run(name):
        start.wait()
        together[name] = jobs[name]()

    threads = [threading.Thread(target=run, args=(name,)) for name in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert together.keys() == serial.keys()
    for name in jobs:
        assert together[name] == serial[name], name


def test_one_render_lock_serves_both_exports():
    import ecotown.briefing as briefing_module
    import ecotown.briefing.deck_export as deck_module
    from ecotown.briefing import fonts

    assert not hasattr(briefing_module, "_RENDER_LOCK") and not hasattr(deck_module, "_LOCK")
    assert fonts.RENDER_LOCK.acquire(timeout=1)
    fonts.RENDER_LOCK.release()
