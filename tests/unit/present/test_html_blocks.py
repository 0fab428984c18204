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
