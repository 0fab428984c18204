"""Issue 28: a filtered deck never charts more than it says. The levels-per-year chart
names the areas it counts (a level filter chooses by one year, so it names that too), the
published figures beside it say they are the whole programme's, the count axis has whole
numbers and the legend its own room."""

from __future__ import annotations

import io

import pytest
from pptx import Presentation

from ecotown.analysis.summary import dataset_years
from ecotown.analysis.urlstate import fit_years, parse_view
from ecotown.briefing.deck_content import chart_scope, deck_content, published_heading
from ecotown.cli.view import view_areas


def _deck(query, public, demo, provinces):
    dataset = demo if query.get("dataset") == "demo" else public
    view, _ = parse_view(query, ["public", "demo"])
    view, _ = fit_years(view, dataset_years(dataset))
    return dataset, view, deck_content(dataset, view_areas(dataset, provinces, view),
                                       provinces, view)


@pytest.mark.parametrize(("query", "lang_words"), [
    ({"dataset": "demo", "region": "east", "minlevel": "3", "lang": "en"},
     "areas of this view's filters, every level"),
    ({"dataset": "demo", "phase": "2", "lang": "en"}, "the view's"),
])
def test_the_chart_names_the_areas_it_counts(query, lang_words, public, demo,
                                             province_polygons):
    _, _, deck = _deck(query, public, demo, province_polygons)
    report = deck.report
    counted = report["by_year_detail"][str(report["year"])]["areas"]
    title = chart_scope(deck)
    assert f"{counted:,}" in title and lang_words in title
    assert published_heading(deck).startswith("Published for the whole programme")


def test_an_unfiltered_deck_says_published_plainly(public, demo, province_polygons):
    _, _, deck = _deck({"dataset": "demo", "lang": "en"}, public, demo, province_polygons)
    assert published_heading(deck) == "Published"
    assert "54" in chart_scope(deck)


@pytest.mark.parametrize("query", [{"lang": "en"},
                                   {"dataset": "demo", "region": "east", "minlevel": "3"}])
def test_the_powerpoint_chart_has_whole_numbers_and_a_legend_beside_the_plot(
        query, public, demo, province_polygons):
    from ecotown.briefing.deck_export import deck

    dataset, view, _ = _deck(query, public, demo, province_polygons)
    data = deck(dataset, view_areas(dataset, province_polygons, view), province_polygons,
                view, "pptx").data
    charts = [shape.chart for slide in Presentation(io.BytesIO(data)).slides
              for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 1
    chart = charts[0]
    from pptx.enum.chart import XL_LEGEND_POSITION

    assert chart.has_legend and chart.legend.include_in_layout is False  # outside the plot
    assert chart.legend.position == XL_LEGEND_POSITION.RIGHT
    axis = chart.value_axis
    assert axis.minimum_scale == 0 and axis.major_unit >= 1
    assert float(axis.major_unit).is_integer()
    assert axis.tick_labels.number_format == "0"
