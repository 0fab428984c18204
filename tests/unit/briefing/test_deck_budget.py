"""Issue 25: one request's work is bounded: a deck has at most MAX_SLIDES slides before its
sources, and says how many rows it left out; a dataset has at most MAX_AREAS areas."""

from __future__ import annotations

import pytest

from ecotown.analysis.urlstate import ViewState
from ecotown.briefing import deck_content as content_module
from ecotown.cli.view import view_areas
from ecotown.model import dataset as dataset_module
from ecotown.model.validate import DatasetError
from ecotown.store import BUILTIN, load_dataset


@pytest.mark.parametrize("limit", [3, 5])
@pytest.mark.parametrize("lang", ["th", "en"])
def test_a_deck_stops_at_its_slide_cap_and_says_what_it_left_out(limit, lang,
                                                                  province_polygons,
                                                                  monkeypatch):
    dataset = load_dataset("demo")
    view = ViewState("demo", lang)
    areas = view_areas(dataset, province_polygons, view)
    full = content_module.deck_content(dataset, areas, province_polygons, view)
    assert len(full.slides) > limit + 1  # the demo's deck is longer than the cap
    monkeypatch.setattr(content_module, "MAX_SLIDES", limit)
    capped = content_module.deck_content(dataset, areas, province_polygons, view)
    assert len(capped.slides) == limit
    assert capped.slides[-1].kind == "sources"
    dropped = full.slides[limit - 1:-1]
    rows = sum(len(s.table.rows) for s in dropped if s.table is not None)
    note = capped.slides[-2].sentences[-1]
    assert f"{rows:,}" in note and str(limit) in note


def test_a_deck_under_its_cap_is_unchanged(province_polygons):
    dataset = load_dataset("demo")
    view = ViewState("demo", "en")
    areas = view_areas(dataset, province_polygons, view)
    slides = content_module.deck_content(dataset, areas, province_polygons, view).slides
    assert len(slides) <= content_module.MAX_SLIDES
    assert not any("more rows" in " ".join(s.sentences) for s in slides)


@pytest.mark.parametrize(("limit", "refused"), [(54, False), (53, True)])
def test_a_dataset_over_the_area_cap_is_refused_at_its_edge(limit, refused, monkeypatch):
    monkeypatch.setattr(dataset_module, "MAX_AREAS", limit)
    if not refused:
        assert len(dataset_module.parse_dataset(BUILTIN["demo"], "demo").areas) == 54
        return
    with pytest.raises(DatasetError) as caught:
        dataset_module.parse_dataset(BUILTIN["demo"], "demo")
    assert "54 areas" in caught.value.messages("en")[0]
    assert "53" in caught.value.messages("th")[0]
