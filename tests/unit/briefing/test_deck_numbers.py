"""Issue 28: a filtered deck says exactly what it shows. Every number on every slide of a
filtered deck is the command line's for the same view (``summary``, ``progress``); the map
takes half of its slide; the locator inset never covers a shown province and its caption
stays inside the picture."""

from __future__ import annotations

import io
import re

import pytest
from pptx import Presentation

from ecotown.analysis.summary import dataset_years
from ecotown.analysis.urlstate import fit_years, parse_view
from ecotown.briefing.deck_export import deck
from ecotown.cli.view import view_areas
from ecotown.i18n.labels import t
from ecotown.model.regions import REGIONS
from tests.cli_json import cli_json

VIEWS = [
    {"dataset": "demo", "region": "east", "minlevel": "3", "lang": "en"},
    {"dataset": "demo", "phase": "1", "region": "central", "lang": "en"},
    {"dataset": "demo", "phase": "3", "year": "2023", "lang": "en"},
]


def _args(query: dict) -> list[str]:
    names = {"dataset": "--dataset", "region": "--region", "minlevel": "--min-level",
             "phase": "--phase", "year": "--year", "lang": "--lang"}
    return [part for key, value in query.items() for part in (names[key], value)]


_DECKS: dict[tuple, bytes] = {}  # each view's deck made once for the tests below


def _pptx(query, public, demo, provinces):
    key = tuple(sorted(query.items()))
    if key not in _DECKS:
        dataset = demo if query.get("dataset") == "demo" else public
        view, _ = parse_view(query, ["public", "demo"])
        view, _ = fit_years(view, dataset_years(dataset))
        _DECKS[key] = deck(dataset, view_areas(dataset, provinces, view), provinces, view,
                           "pptx").data
    return Presentation(io.BytesIO(_DECKS[key]))


def _texts(slide) -> dict[str, str]:
    return {shape.name: shape.text_frame.text for shape in slide.shapes
            if shape.has_text_frame}


def _pairs(text: str) -> dict[str, int]:
    """``label: 12`` lines of a text box."""
    return {m.group(1).strip(): int(m.group(2).replace(",", ""))
            for m in re.finditer(r"^(.*?):\s*([\d,]+)$", text, re.M)}


@pytest.mark.parametrize("query", VIEWS, ids=lambda q: "-".join(q.values()))
def test_every_number_on_every_slide_is_the_command_lines(query, public, demo,
                                                          province_polygons):
    prs = _pptx(query, public, demo, province_polygons)
    args = _args(query)
    summary = cli_json("summary", *args)
    progress = cli_json("progress", *args)
    slides = list(prs.slides)
    # the map slide: figures and keys
    texts = _texts(slides[1])
    kpis = _pairs(texts["kpis"])
    assert kpis[t("areas", "en")] == summary["areas"]
    assert kpis[t("provinces", "en")] == summary["provinces"]
    legend = _pairs(texts["legend"])
    for level in "12345":
        assert legend[f"Level {level}"] == summary["by_level"][level], level
    assert legend["No published level"] == summary["by_level"]["none"]
    for phase in "123":
        assert legend[f"Phase {phase}"] == summary["by_phase"][phase], phase
    provinces = _pairs(texts["province legend"])
    assert sum(provinces.values()) == 77
    assert provinces["No area"] == 77 - summary["provinces"]
    # the progress slide: the chart is the view's levels per year
    chart = next(shape.chart for shape in slides[2].shapes if shape.has_chart)
    years = list(chart.plots[0].categories)
    for series in chart.plots[0].series:
        level = re.search(r"\d", series.name).group(0)
        for year, value in zip(years, series.values, strict=True):
            fiscal = next(y for y in progress["by_year"] if y.endswith(str(year)[-2:])
                          or str(int(y) + 543).endswith(str(year)[-2:]))
            assert value == progress["by_year"][fiscal][level], (series.name, year)
    # the region slides: their areas, counted as the command line counts them
    listed = 0
    for slide in slides[3:-1]:
        title = _texts(slide)["title"]
        region = next((code for code, names in REGIONS.items() if names[1] == title), None)
        if region is None:
            continue
        table = next(shape.table for shape in slide.shapes if shape.has_table)
        rows = len(table.rows) - 1
        sentence = _texts(slide)["sentences"]
        stated = int(re.search(r":\s*([\d,]+) areas?", sentence).group(1).replace(",", ""))
        assert stated == summary["by_region"][region], title
        listed += rows
        high = int(re.search(r"([\d,]+) at level 3 or above", sentence).group(1))
        by_region = cli_json("summary", *_args({**query, "region": region}))
        assert high == sum(by_region["by_level"][k] for k in "345") or \
            "region" in query, title
    assert listed == summary["areas"]


@pytest.mark.parametrize("query", [*VIEWS[:2], {"lang": "en"}], ids=lambda q: "-".join(
    q.values()))
def test_the_map_takes_half_of_its_slide_and_nothing_covers_it(query, public, demo,
                                                              province_polygons):
    prs = _pptx(query, public, demo, province_polygons)
    slide = list(prs.slides)[1]
    shapes = {shape.name: shape for shape in slide.shapes}
    picture = shapes["map"]
    area = picture.width * picture.height
    assert area >= 0.5 * prs.slide_width * prs.slide_height
    right, bottom = picture.left + picture.width, picture.top + picture.height
    assert right <= prs.slide_width and bottom <= prs.slide_height
    for name, shape in shapes.items():
        if name == "map":
            continue
        apart = (shape.left >= right or shape.left + shape.width <= picture.left
                 or shape.top >= bottom or shape.top + shape.height <= picture.top)
        assert apart, name


NARROW = [{"region": code} for code in ("north", "east", "south")] + [
    {"region": "east", "minlevel": "3"}, {"province": "21"}, {"province": "10"},
    {"phase": "1", "region": "south"}]


# the briefing's map for every narrow view; the deck's (the same drawing in a wider box) for
# two of them
LOCATOR_CASES = [(query, "png") for query in NARROW] + [
    ({"region": "east"}, "deck"), ({"province": "21"}, "deck")]


@pytest.mark.parametrize(("query", "fmt"), LOCATOR_CASES,
                         ids=lambda v: "-".join(v.values()) if isinstance(v, dict) else v)
def test_the_locator_never_covers_a_shown_province_and_its_caption_fits(
        query, fmt, demo, province_polygons):
    from shapely.geometry import box as rectangle

    from ecotown.briefing.deck_content import deck_content
    from ecotown.briefing.deck_pdf import MAP_BOX, _family
    from ecotown.briefing.drawing import briefing_figure, draw_map
    from ecotown.briefing.facts import briefing_facts
    from ecotown.briefing.layout import Page, Sheet
    from ecotown.present.style import NO_AREA_COLOUR

    view, _ = parse_view({"dataset": "demo", **query}, ["public", "demo"])
    areas = view_areas(demo, province_polygons, view)
    if fmt == "png":
        facts = briefing_facts(demo, areas, province_polygons, view, path=False)
        figure = briefing_figure(facts, province_polygons, "png")
    else:
        facts = deck_content(demo, areas, province_polygons, view).facts
        page = Page(Sheet(MAP_BOX[2], MAP_BOX[3], 100, 0.9, 0.05), _family())
        draw_map(page, facts, province_polygons,
                 (0.05, 0.05, MAP_BOX[2] - 0.1, MAP_BOX[3] - 0.1))
        figure = page.fig
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    main = figure.axes[0]
    insets = list(main.child_axes)
    # each of these views is narrow enough to want one on the briefing, and has room; the
    # deck's wider map may show enough of Thailand to need none
    assert len(insets) == (1 if fmt == "png" else len(insets)) and len(insets) <= 1
    shown = province_polygons[province_polygons["province_code"].isin(
        [c for c, colour in facts.province_colours.items() if colour != NO_AREA_COLOUR])]
    for inset in insets:
        box = inset.get_tightbbox(renderer)  # the inset with its caption
        frame = main.get_window_extent(renderer)
        assert frame.x0 - 1 <= box.x0 and box.x1 <= frame.x1 + 1, "caption outside the map"
        assert frame.y0 - 1 <= box.y0 and box.y1 <= frame.y1 + 1, "caption outside the map"
        (x0, y0), (x1, y1) = main.transData.inverted().transform([(box.x0, box.y0),
                                                                  (box.x1, box.y1)])
        covered = shown[shown.geometry.intersects(rectangle(x0, y0, x1, y1))]
        assert covered.empty, list(covered["province_code"])
