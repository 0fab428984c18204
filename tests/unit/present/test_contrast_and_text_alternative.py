"""Contrast of every chip and label on the shared palettes, the map's sentence and the list
of shown areas (the map's text alternative), and the skip links."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from ecotown.analysis.summary import area_table, summarise
from ecotown.analysis.urlstate import ViewState, page_url
from ecotown.present.captions import map_sentence
from ecotown.present.html_blocks import area_list_html
from ecotown.present.style import (
    COUNT_CLASSES,
    LEVEL_COLOURS,
    MUTED_TEXT,
    NO_AREA_COLOUR,
    NO_LEVEL_COLOUR,
    PHASE_COLOURS,
    PRIMARY_COLOUR,
    contrast_ratio,
    text_colour,
)
from ecotown.ui.a11y import SKIP_TARGETS, skip_links


@pytest.fixture(scope="module")
def demo_areas(demo, province_polygons):
    return area_table(demo, province_polygons)


PALETTE = [*LEVEL_COLOURS.values(), *PHASE_COLOURS.values(),
           *(c for _, _, c in COUNT_CLASSES), NO_AREA_COLOUR, NO_LEVEL_COLOUR]


@pytest.mark.parametrize(("a", "b", "ratio"), [
    ("#ffffff", "#000000", 21.0), ("#777777", "#ffffff", 4.48), ("#c53948", "#f3e5e6", 4.23),
])
def test_contrast_ratio_matches_wcag(a, b, ratio):
    assert contrast_ratio(a, b) == pytest.approx(ratio, abs=0.01)
    assert contrast_ratio(b, a) == pytest.approx(ratio, abs=0.01)


@pytest.mark.parametrize("colour", PALETTE)
def test_chip_text_on_every_palette_colour_reaches_aa(colour):
    assert contrast_ratio(colour, text_colour(colour)) >= 4.5


def test_the_level_3_chip_is_black_text():  # white on #21918c was 3.82:1
    assert text_colour(LEVEL_COLOURS[3]) == "#000000"


def test_secondary_and_accent_text_reach_aa():
    assert contrast_ratio(MUTED_TEXT, "#ffffff") >= 4.5
    tint = "#f6e1e4"  # the accent at 15 % on white: Streamlit's selected-pill background
    assert contrast_ratio(PRIMARY_COLOUR, tint) >= 4.5
    config = (Path(__file__).resolve().parents[3] / ".streamlit" / "config.toml").read_text()
    assert f'primaryColor = "{PRIMARY_COLOUR}"' in config


def _numbers(text: str) -> list[int]:
    return [int(n.replace(",", "")) for n in re.findall(r"\d[\d,]*", text)]


@pytest.mark.parametrize("lang", ["th", "en"])
def test_map_sentence_gives_the_summary_counts(demo, demo_areas, lang):
    counts = summarise(demo, demo_areas)
    text = map_sentence(counts, demo.levels, lang)
    numbers = _numbers(text)
    assert numbers[:2] == [counts["areas"], counts["provinces"]]
    for level, n in counts["by_level"].items():
        if level != "none" and n:
            assert [int(level), n] == numbers[numbers.index(int(level)):][:2]
    assert sum(counts["by_phase"].values()) == counts["areas"]
    for phase, n in counts["by_phase"].items():
        assert f" {phase} {n:,}" in text


def test_map_sentence_says_when_nothing_is_shown(demo, demo_areas):
    counts = summarise(demo, demo_areas.iloc[0:0])
    assert "no area" in map_sentence(counts, demo.levels, "en")


def test_area_list_links_every_shown_area_and_escapes(demo, demo_areas):
    shown = demo_areas.head(5).copy()
    shown.loc[shown.index[0], "name_en"] = '<img src=x onerror=alert(1)>'
    view = ViewState(dataset="demo", lang="en")
    urls = [page_url("area", view, area=a) for a in shown["area_id"]]
    html = area_list_html(shown, demo.levels, urls, "en")
    assert html.count("<li>") == 5 and "<img" not in html and "&lt;img" in html
    for url in urls:
        assert f'href="{url.replace("&", "&amp;")}"' in html
    assert 'aria-label="Areas shown on the map (5)"' in html


def test_skip_links_point_at_known_targets():
    links = skip_links("th", ("downloads", "main"))
    assert [link["target"] for link in links] == [SKIP_TARGETS["downloads"], SKIP_TARGETS["main"]]
    assert all(link["text"] and not link["text"].isascii() for link in links)
    with pytest.raises(ValueError):
        skip_links("en", ("nowhere",))


def test_print_table_escapes_and_keeps_every_row():
    import pandas as pd

    from ecotown.present.tables import print_table_html

    frame = pd.DataFrame({"Indicator": ["<b>x</b>", "y"], "Value": [1.5, None]})
    html = print_table_html("Economic <i>", frame)
    assert "<b>x</b>" not in html and "&lt;b&gt;x&lt;/b&gt;" in html
    assert "Economic &lt;i&gt;" in html
    assert html.count("<tr") == 3 and 'class="ecotown-print-only"' in html
