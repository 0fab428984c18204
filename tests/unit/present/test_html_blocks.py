"""Escaping, legend and chip HTML, and headline-figure formatting."""

from __future__ import annotations

import pytest

from ecotown.analysis.figures import format_figure
from ecotown.present.html_blocks import chips_html, legend_html
from ecotown.present.legend import LegendEntry
from ecotown.present.safe_html import esc, js_literal


@pytest.mark.parametrize(("raw", "expected"), [
    ("<b>", "&lt;b&gt;"), ('"x"', "&quot;x&quot;"), ("a&b", "a&amp;b"), (None, ""), (5, "5"),
])
def test_esc(raw, expected):
    assert esc(raw) == expected


def test_js_literal_cannot_close_a_script():
    text = js_literal({"name": "</script><!-- \u2028"})
    assert "<" not in text and ">" not in text and "\u2028" not in text


def test_legend_and_chips_escape_labels():
    entry = LegendEntry("k", "<img src=x onerror=alert(1)>", "#ffffff", 3)
    for html in (legend_html("<t>", [entry]), chips_html([entry])):
        assert "<img" not in html and "&lt;img" in html


@pytest.mark.parametrize(("value", "qualifier", "unit", "lang", "expected"), [
    (54, "exact", "areas", "en", "54 areas"),
    (300_000_000, "more_than", "baht", "en", "more than 300 million baht"),
    (300_000_000, "more_than", "บาท", "th", "มากกว่า 300 ล้าน บาท"),
    (1_000_000, "more_than", "tCO2e", "en", "more than 1 million tCO2e"),
    (400, "more_than", "groups", "en", "more than 400 groups"),
    (1234.5, "about", "", "en", "about 1,234.50"),
])
def test_format_figure(value, qualifier, unit, lang, expected):
    assert format_figure(value, qualifier, unit, lang) == expected


@pytest.mark.parametrize("raw", ["[click](javascript:alert(1))", "<b>x</b>", "**bold**", "# h"])
def test_md_escape_leaves_no_markup(raw):
    from ecotown.present.safe_html import md_escape

    out = md_escape(raw)
    assert "<" not in out and "](" not in out and not out.startswith("#")
    assert all(c not in out.replace("\\*", "") for c in "*")


def test_markdown_escaping_keeps_quotes_readable():
    """A reason like "a key plant of the area's network" reads as written (its quote was
    shown as &#x27; once the entity's # was escaped)."""
    from ecotown.present.safe_html import md_escape

    out = md_escape("the area's \"network\" <b>")
    assert "&#x27;" not in out and "'" in out and '"' in out and "&lt;b&gt;" in out


def _shown(n: int):

    from ecotown.store import load_dataset

    demo = load_dataset("demo")
    areas = demo.areas.head(n).copy()
    areas["level"] = "3"
    areas["province_th"] = areas["province_en"] = "P"
    return areas, demo.levels


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_names_beside_the_map_carry_level_phase_link_and_area_id(lang):
    """Issue 29: a compact list, one line an area, each link naming its marker."""
    from ecotown.present.html_blocks import area_list_html

    shown, levels = _shown(3)
    shown.loc[shown.index[0], f"name_{lang}"] = "<b>x</b>"
    html = area_list_html(shown, levels, ["/area?area=1", "/area?area=2", "/area?area=3"],
                          lang, anchor="names", compact=True)
    assert html.count("<li>") == 3 and 'data-testid="area-names"' in html
    assert "<nav" not in html  # the full list below the map is the landmark
    for area_id in shown["area_id"]:
        assert f'data-ecotown-area="{area_id}"' in html
    assert "&lt;b&gt;x&lt;/b&gt;" in html
    assert ("ระยะที่" in html) == (lang == "th") and ("ระดับ" in html) == (lang == "th")


def test_the_slide_figures_are_the_counts_on_one_line():
    from ecotown.present.html_blocks import slide_figures_html

    html = slide_figures_html({"areas": 1234, "provinces": 39, "known_level_share": 0.5}, "en")
    assert ">1,234</b>" in html and ">39</b>" in html and ">50%</b>" in html


@pytest.mark.parametrize(("page", "start"), [("app.py", 'href="?'),
                                             ("pages/area.py", 'href="area?')])
def test_the_presentation_link_carries_present_in_its_address(page, start):
    """Issue 29: entering presentation mode from the sidebar puts present=1 in the URL."""
    from ecotown.present.html_blocks import presentation_link_html

    html = presentation_link_html(page, {"dataset": "demo", "area": "<x>", "present": "1"},
                                  "<Slide>")
    assert start in html and "present=1" in html and 'target="_self"' in html
    assert "&lt;Slide&gt;" in html and "<x>" not in html
