"""Data stays data: template syntax, Markdown and script payloads in every free-text field.

Regressions of the red-team pass (issue 11): Jinja in an area name ran on the server
through branca's second template pass (locator and overview maps), ``Zone {#1`` raised
TemplateSyntaxError, level/figure/dimension names rendered as live Markdown in widget
labels, a level name ending in a backslash broke the level-history chart. The dataset of
:mod:`tests.hostile` puts a payload in every free-text column of every table.
"""

from __future__ import annotations

import io
import json
import re
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest
from google.protobuf.message import Message
from streamlit.testing.v1 import AppTest
from streamlit_folium import _get_feature_group_string, _get_map_string

from ecotown import store
from ecotown.analysis.scorecard import dimension_scores, level_history
from ecotown.analysis.summary import area_table
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing import FORMATS, briefing
from ecotown.present.charts import dimension_chart, level_history_chart
from ecotown.present.style import level_label
from ecotown.store import load_dataset
from ecotown.webmap.mapview import (
    build_base_map,
    build_layers,
    full_map,
    locator_map,
    province_bounds,
)
from tests.hostile import CANARY, PAYLOADS, commit_hostile, text_columns
from tests.pages.apptest import open_page

APP = str(Path(__file__).resolve().parents[2] / "app.py")
# the payloads' Markdown, unescaped: it would render live (an image fetched from outside,
# a link, bold text, inline code, a colour directive)
LIVE_MARKDOWN = re.compile(r"\]\(https://evil|\*\*bold\*\*|`code`|:red\[x\]|_it_")


@pytest.fixture(scope="module")
def hostile_dir(tmp_path_factory):
    """A data directory holding the dataset ``hostile`` (see :mod:`tests.hostile`)."""
    path = tmp_path_factory.mktemp("hostile-data")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(store.DATA_DIR_ENV, str(path))
        commit_hostile()
        yield path


@pytest.fixture
def hostile(hostile_dir, monkeypatch):
    monkeypatch.setenv(store.DATA_DIR_ENV, str(hostile_dir))
    return load_dataset("hostile")


def test_hostile_fixture_fills_every_text_field(hostile):
    """The fixture is what it claims: payloads in names, notes, levels, units, labels."""
    assert hostile.areas["name_en"].str.contains("{{").any()
    assert hostile.levels["name_en"].str.contains("{#|{%|{{|\\\\", regex=True).any()
    assert hostile.programme_figures["label_en"].str.contains(r"!\[|{{", regex=True).any()
    frames = {"areas": hostile.areas, "assessments": hostile.assessments,
              "levels": hostile.levels, "dimensions": hostile.dimensions,
              "indicators": hostile.indicators, "programme_figures": hostile.programme_figures}
    for tbl, col in text_columns():
        cells = frames[tbl.kind][col.name].dropna().astype(str) if tbl.kind in frames else []
        assert all(c.startswith(PAYLOADS) for c in cells), (tbl.kind, col.name)
    assert hostile.areas["note_th"].str.contains(r"<|{{|\[", regex=True).any()


def _map_strings(fmap, layers=None) -> str:
    """Everything a browser receives for a map: the full page and streamlit-folium's script."""
    parts = [fmap.get_root().render()]
    parts.append(_get_map_string(fmap))
    if layers is not None:
        parts.append(_get_feature_group_string(layers, fmap))
    return "\n".join(parts)


def test_template_syntax_in_data_never_runs_in_the_overview_map(hostile, province_polygons):
    """Jinja in names reaches the map only as data: no evaluation, no syntax error."""
    areas = area_table(hostile, province_polygons)
    info = province_polygons.drop(columns="geometry")
    for lang in ("th", "en"):
        html = full_map(province_polygons, areas, "level", hostile.levels, lang,
                        selected="21").get_root().render()
        assert CANARY not in html
        base = build_base_map(province_url="/app/static/p.json")
        layers = build_layers(info, areas, "level", hostile.levels, lang)
        text = _map_strings(base, layers)
        assert CANARY not in text
        assert "{{" not in text and "{%" not in text and "{#" not in text


def test_template_syntax_in_data_never_runs_in_the_locator_map(hostile, province_polygons):
    """The area page's locator map (the red-team's code-execution path) keeps data as data."""
    for area in hostile.areas.head(len(PAYLOADS)).itertuples():
        tip = f"<b>{area.name_th}</b><br>{area.name_en}"
        fmap = locator_map("/app/static/p.json", area.province_code,
                           province_bounds(province_polygons, area.province_code), area.lat,
                           area.lon, {"radius": 6}, tip)
        text = _map_strings(fmap)
        assert CANARY not in text
        assert "{{" not in text and "{%" not in text


def test_level_name_ending_in_backslash_keeps_the_chart_valid(hostile):
    """Level names go into the axis expression as JSON string literals."""
    area_id = hostile.assessments["area_id"].iloc[0]
    chart = level_history_chart(level_history(hostile, area_id), hostile.levels, "en")
    expr = chart.to_dict()["layer"][0]["encoding"]["y"]["axis"]["labelExpr"]
    assert hostile.levels["name_en"].str.contains("\\", regex=False).any()
    for level in range(1, 6):
        assert json.dumps(level_label(level, hostile.levels, "en"), ensure_ascii=True) in expr
    # every quote in the expression opens or closes a literal: an even count of unescaped
    assert len(re.findall(r'(?<!\\)"', expr.replace("\\\\", ""))) % 2 == 0
    dims = dimension_scores(hostile, area_id)
    assert dimension_chart(dims, 3, 1, "en").to_json()


# every format, in Thai and English alternately (the payloads are the data's, the language
# only the labels around them)
@pytest.mark.parametrize(("fmt", "lang"), [(fmt, ("th", "en")[index % 2])
                                           for index, fmt in enumerate(FORMATS)])
def test_every_export_keeps_hostile_text_as_text(hostile, province_polygons, fmt, lang):
    """PNG, PDF, CSV and XLSX are made; no payload is evaluated; XLSX stays well-formed."""
    areas = area_table(hostile, province_polygons)
    view = ViewState(dataset="hostile", lang=lang)
    data = briefing(hostile, areas, province_polygons, view, fmt).data
    assert data
    if fmt == "csv":
        text = data.decode("utf-8-sig")
        assert CANARY not in text
        for line in text.splitlines()[1:]:
            for cell in line.split(","):
                assert not cell.lstrip('"').startswith(("\ufeff=", "\u200b="))
    if fmt == "xlsx":
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            import xml.dom.minidom

            for name in archive.namelist():
                if name.endswith(".xml") or name.endswith(".rels"):
                    xml.dom.minidom.parseString(archive.read(name))  # well-formed
                    assert CANARY.encode() not in archive.read(name)


# option texts that Streamlit shows as plain text (a select's list), not as Markdown
PLAIN_OPTIONS = {("selectbox", "options"), ("selectbox", "raw_value"), ("multiselect", "options"),
                 ("multiselect", "raw_values")}


def _texts(node) -> list[tuple[str, str]]:
    """(element type, string) of every string field of every element under ``node``,
    except the plain-text options of selects."""
    found: list[tuple[str, str]] = []

    def strings(message: Message, kind: str) -> None:
        for field, value in message.ListFields():
            values = list(value) if isinstance(value, Sequence) and not isinstance(
                value, str | bytes) else [value]
            for item in values:
                if isinstance(item, Message):
                    strings(item, kind)
                elif isinstance(item, str) and (kind, field.name) not in PLAIN_OPTIONS:
                    found.append((kind, item))

    def walk(each) -> None:
        proto = getattr(each, "proto", None)
        if isinstance(proto, Message):
            strings(proto, getattr(each, "type", type(each).__name__))
        for child in getattr(each, "children", {}).values():
            walk(child)

    walk(node)
    return found


def _open(page: str, **params: str) -> AppTest:
    return open_page(page, params, check=False)


PAGES = [
    ("app.py", {}),
    ("app.py", {"sel": "21"}),
    ("app.py", {"present": "1"}),
    ("pages/area.py", {"area": "P1-01"}),
    ("pages/area.py", {"area": "P1-05"}),
    ("pages/area.py", {"area": "P3-13"}),
    ("pages/province.py", {"code": "21"}),
    ("pages/province.py", {"code": "21"}),
    ("pages/data.py", {}),
    ("pages/data.py", {}),
    ("pages/compare.py", {"areas": "P1-01,P1-05,P3-13"}),
    ("pages/indicators.py", {}),
]


# every page once, the language alternating (each page kind in both over the list: the
# payloads sit in the data, the language only changes the labels around them)
@pytest.mark.parametrize(("page", "params", "lang"),
                         [(*entry, ("th", "en")[index % 2]) for index, entry in
                          enumerate(PAGES)])
def test_no_page_evaluates_templates_or_renders_data_markdown(hostile, page, params, lang):
    """Every page opens on the hostile dataset without an exception, no payload is
    evaluated anywhere, and no data string reaches a label as live Markdown."""
    app = _open(page, dataset="hostile", lang=lang, **params)
    if page == "app.py" and not params:
        app.toggle(key="w_show_table").set_value(True).run()
        for expander in app.expander:
            expander.proto.expanded = True
    assert not app.exception, [e.value for e in app.exception]
    texts = _texts(app._tree)
    assert texts
    assert not [s for _, s in texts if CANARY in s]
    live = [(kind, s) for kind, s in texts
            if kind not in ("html", "component_instance", "arrow_data_frame", "vega_lite_chart",
                            "arrow_vega_lite_chart") and LIVE_MARKDOWN.search(s)]
    assert not live, live[:5]


@pytest.mark.parametrize("text", ["https://evil.example/i.png", "see www.evil.example now",
                                  "mail a@evil.example", "HTTP://EVIL.EXAMPLE", "ftp://x.y",
                                  "![x](https://evil.example/x.png)", "mailto:a@b.c"])
def test_markdown_escape_defuses_autolinks(text):
    """Bare URLs, www. names and e-mail addresses cannot become links after escaping."""
    from ecotown.present.safe_html import md_escape

    escaped = md_escape(text)
    plain = re.sub(r"\\(.)", r"\1", escaped)  # what Markdown shows
    assert plain.replace("\u2060", "") == text.replace("&", "&amp;")
    assert not re.search(r"(?i)https?://|www\.|\w@\w|ftp://", plain)


def test_only_http_urls_become_source_links():
    """A source field's other words (Markdown, javascript:, formulas) never become links."""
    from ecotown.model.text import http_urls

    urls, rest = http_urls("https://a.example/x javascript:alert(1) [l](https://b.example) "
                           "http://c.example https://a.example/x =1+1")
    assert urls == ["https://a.example/x", "http://c.example"]
    assert rest == ["javascript:alert(1)", "[l](https://b.example)", "=1+1"]
