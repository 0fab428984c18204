"""Briefing exports: the picture shows what the app counts, in the app's colours, and the
tables are safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import dataclasses
import io
import itertools
import math
import re
from dataclasses import replace

import openpyxl
import pypdf
import pytest
from matplotlib.text import Text
from PIL import Image

from ecotown.analysis.filters import NO_LEVEL, Filters, apply_filters
from ecotown.analysis.summary import area_table, summarise
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing import (
    FORMATS,
    briefing,
    briefing_facts,
    briefing_figure,
    briefing_filename,
    png_pixel,
)
from ecotown.briefing.fonts import register_fonts
from ecotown.briefing.layout import map_limits
from ecotown.i18n.labels import TEXT, t
from ecotown.present.legend import EMPTY, province_classes
from ecotown.present.tables import display_areas
from tests.pdftext import pdf_text

# name: (dataset, lang, colour mode, filters)
VIEWS = {
    "demo-phase3-th": ("demo", "th", "level", Filters(phases=(3,))),
    "demo-phase3-en": ("demo", "en", "level", Filters(phases=(3,))),
    "public-all-en": ("public", "en", "level", Filters()),
    "public-all-th": ("public", "th", "level", Filters()),
    "demo-phase-colours-en": ("demo", "en", "phase", Filters()),
    "demo-east-levels-th": ("demo", "th", "count",
                            Filters(levels=("2", "3", NO_LEVEL), regions=("east", "north"))),
    "demo-nothing-en": ("demo", "en", "level", Filters(query="no such area")),
}


@pytest.fixture(scope="module")
def env(public, demo, province_polygons):
    """Datasets, their area tables and a cache of exports, so each is rendered once."""
    datasets = {"public": public, "demo": demo}
    tables = {name: area_table(ds, province_polygons) for name, ds in datasets.items()}
    cache: dict = {}

    def view(name: str) -> ViewState:
        dataset, lang, colour, filters = VIEWS[name]
        return ViewState(dataset=dataset, lang=lang, color=colour, filters=filters)

    def export(name: str, fmt: str):
        if (name, fmt) not in cache:
            state = view(name)
            cache[name, fmt] = briefing(datasets[state.dataset], tables[state.dataset],
                                        province_polygons, state, fmt)
        return cache[name, fmt]

    def facts(name: str):
        state = view(name)
        return briefing_facts(datasets[state.dataset], tables[state.dataset],
                              province_polygons, state)

    return dataclasses.make_dataclass("Env", ["datasets", "tables", "view", "export",
                                              "facts"])(datasets, tables, view, export, facts)


def _pdf_text(data: bytes, mode: str = "plain") -> str:
    return pdf_text(data, layout=mode == "layout", page=1)


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


# --- the picture ------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["demo-phase3-th", "public-all-en"])
def test_png_is_a_16_9_slide(env, name):
    """The PNG decodes and is a 16:9 slide at least 1920 pixels wide."""
    image = Image.open(io.BytesIO(env.export(name, "png").data))
    assert image.format == "PNG"
    assert image.width >= 1920 and image.width * 9 == image.height * 16


@pytest.mark.parametrize("name", ["demo-phase3-th", "demo-phase3-en", "public-all-en",
                                  "public-all-th"])
def test_pdf_text_has_title_labels_and_every_number(env, name):
    """The PDF is A4 landscape with selectable text: title, headings, every legend row with
    its count and the KPI figures, in the view's language."""
    data = env.export(name, "pdf").data
    page = pypdf.PdfReader(io.BytesIO(data)).pages[0]
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == (842, 595)
    text = " ".join(_pdf_text(data).split())  # wrapped lines joined
    layout = _pdf_text(data, "layout")
    facts = env.facts(name)
    lang = facts.lang
    for key in ("app_title", "brief_kpi_levels", "brief_kpi_phases", "legend_provinces",
                f"color_{env.view(name).color}"):
        assert t(key, lang) in text, key
    other = "en" if lang == "th" else "th"
    assert t("legend_provinces", other) not in text
    for _, value in facts.kpis:
        assert re.search(rf"(?<![\d.]){re.escape(value)}", text), value
    rows = facts.kpi_levels + facts.kpi_phases + facts.province_legend
    for entry in rows:
        words = entry.label.split(" ")
        prefixes = [" ".join(words[:n]) for n in range(len(words), 0, -1)]
        assert any(re.search(rf"{re.escape(p)} {{2,}}{entry.count}(?!\d)", layout)
                   for p in prefixes), (entry.label, entry.count)


def test_pdf_text_has_each_thai_cluster_once(env):
    """Regression: matplotlib maps every glyph of a Thai cluster to the whole cluster, so
    "ที่" used to come out as "ที่ที่ที่"; each cluster is now extracted once."""
    text = _pdf_text(env.export("demo-phase3-th", "pdf").data)
    assert "แผนที่เมืองอุตสาหกรรมเชิงนิเวศ" in text
    assert "ที่ที่" not in text and "ข้ข้" not in text


@pytest.mark.parametrize("name", ["demo-phase3-th", "public-all-en", "demo-east-levels-th",
                                  "demo-nothing-en", "demo-phase-colours-en"])
def test_facts_are_the_summary_counts(env, name):
    """KPIs and legend counts come from summarise() for the same filters (the KPIs are the
    programme's published totals where the page leads with them)."""
    from ecotown.analysis.figures import view_headline

    state = env.view(name)
    dataset, areas = env.datasets[state.dataset], env.tables[state.dataset]
    counts = summarise(dataset, areas, state.filters)
    facts = env.facts(name)
    assert facts.counts == counts
    if facts.headline:  # a partial record shown whole: the published totals lead (issue 28)
        assert [v for _, v in facts.kpis][:2] == [f"{view_headline(dataset, state)[k]:,}"
                                                  for k in ("areas", "provinces")]
    else:
        assert [v for _, v in facts.kpis] == [f"{counts['areas']:,}",
                                              f"{counts['provinces']:,}",
                                              f"{counts['known_level_share']:.0%}"]
    assert {e.key: e.count for e in facts.kpi_levels} == counts["by_level"]
    assert {e.key.removeprefix("phase"): e.count for e in facts.kpi_phases} == \
        counts["by_phase"]
    legend = {e.key: e.count for e in facts.province_legend}
    assert sum(legend.values()) == 77
    assert legend[EMPTY] == 77 - counts["provinces"]
    markers = {e.key: e.count for e in facts.marker_legend}
    assert sum(markers[k] for k in ("1", "2", "3", "4", "5", NO_LEVEL)) == counts["areas"]
    assert len(facts.markers) == counts["areas"]


@pytest.mark.parametrize("name", ["demo-phase3-th", "demo-phase-colours-en"])
def test_png_province_colours_match_the_shared_table(env, name, province_polygons):
    """Sampled inside provinces, away from borders and markers, the PNG shows exactly the
    colour legend.province_classes gives (the web map's colours); the sea is the sea."""
    state = env.view(name)
    areas = apply_filters(env.tables[state.dataset], state.filters)
    classes = province_classes(province_polygons["province_code"], areas, state.color)
    facts = env.facts(name)
    markers = facts.markers
    # names beside the markers are checked elsewhere; here the picture is drawn without them
    figure = briefing_figure(replace(facts, labels=()), province_polygons, "png")
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=figure.dpi)
    image = Image.open(buffer).convert("RGB")
    x0, y0, x1, y1 = map_limits(facts.extent)
    seen = set()
    for row in province_polygons.itertuples():
        point = row.geometry.representative_point()
        if row.geometry.boundary.distance(point) < 0.1:
            continue
        if any(math.hypot(point.x - m.lon, point.y - m.lat) < 0.3 for m in markers):
            continue
        if not (x0 < point.x < x1 and y0 < point.y < y1) or (
                point.x < x0 + 0.22 * (x1 - x0) and point.y < y0 + 0.4 * (y1 - y0)):
            continue  # off the framed map, or under the locator in its corner
        x, y = png_pixel(point.x, point.y, facts.extent)
        key, colour = classes[row.province_code]
        assert image.getpixel((int(x), int(y))) == _rgb(colour), (row.name_en, key)
        seen.add(key)
    assert EMPTY in seen and len(seen) >= 2, seen
    if tuple(facts.extent) == (97.2, 5.4, 105.8, 20.6):  # all of Thailand, no locator
        sea = png_pixel(97.6, 8.0, facts.extent)  # the Andaman Sea
        assert image.getpixel((int(sea[0]), int(sea[1]))) == _rgb("#e6eef5")


@pytest.mark.parametrize(("name", "fmt"), [("demo-phase3-th", "png"),
                                           ("public-all-th", "pdf"),
                                           ("demo-east-levels-th", "png"),
                                           ("demo-nothing-en", "pdf")])
def test_text_is_inside_the_page_and_never_overlaps(env, name, fmt, province_polygons):
    """Every text box lies on the page and no two overlap; nothing is cut with an ellipsis."""
    figure = briefing_figure(env.facts(name), province_polygons, fmt)
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()
    boxes = [(a.get_text(), a.get_window_extent(renderer)) for a in figure.findobj(Text)
             if a.get_visible() and a.get_text()]
    page = figure.bbox
    for text, box in boxes:
        assert box.x0 >= 0 and box.y0 >= 0 and box.x1 <= page.x1 and box.y1 <= page.y1, text
        assert "…" not in text
    for (text_a, a), (text_b, b) in itertools.combinations(boxes, 2):
        width = min(a.x1, b.x1) - max(a.x0, b.x0)
        height = min(a.y1, b.y1) - max(a.y0, b.y0)
        assert width <= 0.5 or height <= 0.5, (text_a, text_b)


def test_synthetic_badge_only_on_synthetic_data(env):
    """The demo PDF says it is synthetic (in both languages); the public record does not."""
    for lang, demo_name, public_name in (("th", "demo-phase3-th", "public-all-th"),
                                         ("en", "demo-phase3-en", "public-all-en")):
        badge = t("brief_badge_synthetic", lang)
        assert badge in _pdf_text(env.export(demo_name, "pdf").data)
        public_text = _pdf_text(env.export(public_name, "pdf").data)
        assert badge not in public_text
        assert t("brief_badge_public", lang) in public_text


def test_public_pdf_dates_its_figures(env):
    """The public record's briefing gives the data year and the headline figures' date."""
    text = _pdf_text(env.export("public-all-en", "pdf").data)
    assert "Levels of FY2023 (Oct 2022–Sep 2023)" in text and "30 May 2023" in text
    assert "Natural Earth" in text and "GeoNames" in text and "DIW" in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_inputs_give_the_same_bytes(env, fmt, province_polygons):
    """Deterministic output: no time stamp or software version in any format."""
    state = env.view("demo-phase3-th")
    again = briefing(env.datasets["demo"], env.tables["demo"], province_polygons, state, fmt)
    assert again.data == env.export("demo-phase3-th", fmt).data
    if fmt == "png":
        info = Image.open(io.BytesIO(again.data)).info
        assert "Software" not in info and not any("time" in k.lower() for k in info)
    if fmt == "pdf":
        meta = pypdf.PdfReader(io.BytesIO(again.data)).metadata
        assert "/CreationDate" not in meta and meta["/Producer"] == "Eco Town Atlas"


def test_filename_and_mime(env, province_polygons):
    """File names say dataset, filters and language in safe characters only."""
    export = env.export("demo-phase3-th", "pdf")
    assert (export.filename, export.mime) == ("ecotown-demo-phase3-th.pdf", "application/pdf")
    assert briefing_filename(env.datasets["demo"], env.view("demo-phase3-th"), "pdf") == \
        export.filename
    assert env.export("demo-east-levels-th", "csv").filename == \
        "ecotown-demo-level2_3_none-east_north-by-count-th.csv"
    for query in ("../../etc/passwd", "ระยอง", 'a"b<c>|d*?'):
        view = ViewState(dataset="demo", lang="en",
                         filters=Filters(query=query, provinces=("21",)))
        facts = briefing_facts(env.datasets["demo"], env.tables["demo"], province_polygons,
                               view)
        assert re.fullmatch(r"ecotown-demo-province21-q-[a-z0-9-]+-en", facts.stem), facts.stem


def test_bad_arguments_name_the_value(env, province_polygons):
    """An unknown format, language or colour mode is a ValueError that names it."""
    dataset, areas = env.datasets["demo"], env.tables["demo"]
    with pytest.raises(ValueError, match="'gif'"):
        briefing(dataset, areas, province_polygons, ViewState(), "gif")
    with pytest.raises(ValueError, match="'fr'"):
        briefing(dataset, areas, province_polygons, ViewState(lang="fr"), "csv")
    with pytest.raises(ValueError, match="'rainbow'"):
        briefing(dataset, areas, province_polygons, ViewState(color="rainbow"), "csv")


# --- the tables ---------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["demo-phase3-th", "public-all-en", "demo-east-levels-th"])
def test_xlsx_has_exactly_the_filtered_rows(env, name):
    """The workbook's table is display_areas for the filter (same order) with lat/lon, and an
    About sheet says what the data is."""
    state = env.view(name)
    dataset = env.datasets[state.dataset]
    expected = display_areas(apply_filters(env.tables[state.dataset], state.filters),
                             dataset, state.lang)
    book = openpyxl.load_workbook(io.BytesIO(env.export(name, "xlsx").data))
    table, about = book.worksheets
    rows = list(table.iter_rows(values_only=True))
    assert list(rows[0][:len(expected.columns)]) == list(expected.columns)
    assert rows[0][-2:] == (t("brief_lat", state.lang), t("brief_lon", state.lang))
    assert [r[0] for r in rows[1:]] == list(expected.iloc[:, 0])
    assert all(isinstance(r[-1], float) for r in rows[1:])
    notes = " ".join(str(v) for r in about.iter_rows(values_only=True) for v in r)
    assert t("brief_synthetic_yes" if dataset.synthetic else "brief_synthetic_no",
             state.lang) in notes
    year = env.facts(name).counts["year"]
    assert str(year + 543 if state.lang == "th" else year) in notes  # Buddhist Era in Thai
    assert book.properties.created.year == 2000 and book.properties.modified.year == 2000


@pytest.mark.parametrize("name", ["demo-phase3-en", "public-all-th"])
def test_csv_has_bom_and_the_filtered_rows(env, name):
    """UTF-8 with BOM (Excel opens Thai correctly), one row per filtered area in order."""
    state = env.view(name)
    data = env.export(name, "csv").data
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    expected = display_areas(apply_filters(env.tables[state.dataset], state.filters),
                             env.datasets[state.dataset], state.lang)
    assert rows[0] == [*expected.columns, t("brief_lat", state.lang), t("brief_lon", state.lang)]
    assert [r[0] for r in rows[1:]] == list(expected.iloc[:, 0])


@pytest.fixture(scope="module")
def hostile(demo, province_polygons):
    """The demo dataset with formula-like, markup and mathtext names, and its area table."""
    areas = demo.areas.copy()
    areas.loc[0, "name_en"] = '=HYPERLINK("http://evil.example","click")'
    areas.loc[0, "name_th"] = "+ระยอง"
    areas.loc[1, "name_en"] = "@SUM(A1:A9)"
    areas.loc[1, "name_th"] = "-1+2"
    areas.loc[2, "name_en"] = "\tcmd|' /C calc'!A0"
    areas.loc[3, "name_en"] = "$\\frac{1}{0}$ <script>alert(1)</script> \x00\x07"
    meta = {**demo.meta, "title_en": "$x^{2$ <b>Demo</b>", "title_th": "=ชุดข้อมูล"}
    dataset = dataclasses.replace(demo, areas=areas, meta=meta)
    return dataset, area_table(dataset, province_polygons)


def test_formula_injection_is_defused(hostile, province_polygons):
    """A cell that starts with = + - @ or a tab gets a leading apostrophe, in CSV and XLSX."""
    dataset, areas = hostile
    for lang in ("en", "th"):
        view = ViewState(dataset="demo", lang=lang)
        text = briefing(dataset, areas, province_polygons, view, "csv").data.decode("utf-8-sig")
        book = openpyxl.load_workbook(io.BytesIO(
            briefing(dataset, areas, province_polygons, view, "xlsx").data))
        cells = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row
                 if isinstance(c, str)]
        cells += [c for row in book.worksheets[1].iter_rows(values_only=True) for c in row
                  if isinstance(c, str)]
        for value in ('=HYPERLINK("http://evil.example","click")', "+ระยอง", "@SUM(A1:A9)",
                      "-1+2"):
            assert "'" + value in cells
            assert ("'" + value.replace('"', '""')) in text
        assert not any(c.startswith(("=", "+", "-", "@", "\t")) for c in cells)
        assert "'=ชุดข้อมูล" in " ".join(cells) or lang == "en"


def test_hostile_text_does_not_break_the_picture(hostile, province_polygons):
    """Mathtext, markup, control characters and formulas are drawn as plain text."""
    dataset, areas = hostile
    view = ViewState(dataset="demo", lang="en",
                     filters=Filters(query="$\\frac{1}{0}$ =1+1 <b>\x00"))
    export = briefing(dataset, areas, province_polygons, view, "pdf")
    text = _pdf_text(export.data)
    assert "$\\frac{1}{0}$" in text and "$x^{2$" in text
    assert Image.open(io.BytesIO(briefing(dataset, areas, province_polygons, view,
                                          "png").data)).width == 1920


# --- texts and fonts ----------------------------------------------------------------------


def test_export_texts_exist_in_both_languages():
    """Every briefing text has a Thai and an English version."""
    keys = [k for k in TEXT if k.startswith("brief_")]
    assert len(keys) > 20
    assert all(TEXT[k]["th"] and TEXT[k]["en"] for k in keys)


def test_font_registration_is_idempotent():
    """Sarabun is registered once, whatever the number of calls."""
    from matplotlib import font_manager

    first = register_fonts()
    count = sum(e.name == "Sarabun" for e in font_manager.fontManager.ttflist)
    assert register_fonts() == first == "Sarabun"
    assert sum(e.name == "Sarabun" for e in font_manager.fontManager.ttflist) == count >= 16


# --- issue 11: characters XML cannot hold, formulas behind invisible characters ----------

def test_character_xml_cannot_hold_keeps_the_xlsx_well_formed(demo, province_polygons):
    """``?q=%EF%BF%BE`` then XLSX: every part of the file parses; the text is kept around it
    (every such character at once: U+FFFE, U+FFFF, vertical tab, unit separator, NUL)."""
    import xml.dom.minidom
    import zipfile

    areas = area_table(demo, province_polygons)
    chars = "\ufffe\uffff\x0b\x1f\x00"
    view = ViewState(dataset="demo", lang="en", filters=Filters(query=f"ระยอง{chars}x"))
    data = briefing(demo, areas, province_polygons, view, "xlsx").data
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            if name.endswith((".xml", ".rels")):
                xml.dom.minidom.parseString(archive.read(name))
    book = openpyxl.load_workbook(io.BytesIO(data))
    assert book.properties.title
    for fmt in ("csv", "png", "pdf"):
        assert briefing(demo, areas, province_polygons, view, fmt).data


PREFIXES = ["\ufeff", "\u200b", "\u200e", "\u2060", " ", "\u00a0", "\u3000"]
FORMULAS = ["=1+1", '=HYPERLINK("http://evil.example")', "+A1", "-A1", "@SUM(A1)"]


def test_formula_behind_invisible_character_is_guarded(demo, province_polygons):
    """BOM, zero-width, direction marks or spaces before = + - @ do not hide a formula:
    every prefix with every formula, each in its own area's name, in one CSV and one XLSX."""
    names = [prefix + formula for prefix in PREFIXES for formula in FORMULAS]
    areas = demo.areas.copy()
    assert len(areas) >= len(names)
    areas.loc[:len(names) - 1, "name_en"] = names
    dataset = dataclasses.replace(demo, areas=areas)
    table = area_table(dataset, province_polygons)
    view = ViewState(dataset="demo", lang="en")
    text = briefing(dataset, table, province_polygons, view, "csv").data.decode("utf-8-sig")
    cells = {cell for row in csv.reader(io.StringIO(text)) for cell in row}
    assert [n for n in names if "'" + n not in cells] == []
    book = openpyxl.load_workbook(io.BytesIO(briefing(dataset, table, province_polygons,
                                                      view, "xlsx").data))
    cells = {c for r in book.worksheets[0].iter_rows(values_only=True) for c in r
             if isinstance(c, str)}
    assert [n for n in names if "'" + n not in cells] == []


@pytest.mark.parametrize("as_of", ["2023-13-01", "2099-00", "2023-1x"])
def test_impossible_date_does_not_break_the_exports(province_polygons, as_of):
    """A date that slipped past validation (older versions on disk) is printed as given:
    in the tables for each such date, and drawn in the picture and the PDF (the drawing gets
    the date's words, which are the same kind of text for every impossible date, so the
    first is drawn; the words themselves: tests/unit/present/test_date_text.py)."""
    from ecotown.store import load_dataset

    public = load_dataset("public")
    figures = public.programme_figures.copy()
    figures.loc[0, "as_of"] = as_of
    dataset = dataclasses.replace(public, programme_figures=figures)
    areas = area_table(dataset, province_polygons)
    drawn = as_of == "2023-13-01"
    for fmt in ("csv", "xlsx", *(("png",) if drawn else ())):
        assert briefing(dataset, areas, province_polygons, ViewState(lang="th"), fmt).data
    if drawn:
        pdf = briefing(dataset, areas, province_polygons, ViewState(lang="en"), "pdf").data
        assert as_of in _pdf_text(pdf)


@pytest.mark.parametrize("name", ["demo-phase3-th", "demo-east-levels-th"])
def test_filtered_briefing_frames_its_areas_and_names_each(env, name, province_polygons):
    """A narrowed view's map shows its extent (not all of Thailand) with every marker
    inside, names each shown area once without overlaps, and lists them all."""
    from ecotown.briefing.facts import MAX_NAMED

    state = env.view(name)
    shown = apply_filters(env.tables[state.dataset], state.filters)
    facts = env.facts(name)
    west, south, east, north = facts.extent
    assert (east - west) * (north - south) < (105.8 - 97.2) * (20.6 - 5.4)
    assert all(west <= m.lon <= east and south <= m.lat <= north for m in facts.markers)
    assert len(shown) <= MAX_NAMED
    assert sorted(a for a, *_ in facts.labels) == sorted(shown["area_id"])
    figure = briefing_figure(facts, province_polygons, "png")
    boxes = figure.ecotown_label_boxes
    assert len(boxes) >= 0.8 * len(shown)
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
    lang = state.lang
    for row in shown.itertuples():
        assert (row.name_th if lang == "th" else row.name_en) in facts.listed
    assert str(len(shown)) in facts.listed


def test_national_briefing_names_no_area(env):
    facts = env.facts("public-all-en")
    assert facts.labels == () and facts.listed == ""


@pytest.mark.parametrize("name", ["public-all-en", "demo-phase3-en", "demo-nothing-en"])
def test_the_picture_states_the_2037_verdict_and_the_published_totals_as_the_page(env, name):
    """Issue 28: the PNG/PDF carry the 2037 verdict the page and ``progress --json`` state
    (same rule, same sentence), and a partial public record shown whole leads with the
    programme's published totals (never its own partial count); the PDF's text has them."""
    from ecotown.present.sentences import verdict_sentence
    from tests.cli_json import cli_json

    dataset, lang, _, filters = VIEWS[name]
    facts = env.facts(name)
    args = ["--dataset", dataset, "--lang", lang]
    if filters.phases:
        args += ["--phase", ",".join(map(str, filters.phases))]
    if filters.query:
        args += ["--q", filters.query]
    report = cli_json("progress", *args)
    assert facts.verdict == verdict_sentence(report, lang)
    assert facts.verdict_kind == report["path"]["verdict"]["verdict"]
    text = " ".join(_pdf_text(env.export(name, "pdf").data).split())
    if facts.verdict:
        assert " ".join(facts.verdict.split()[:6]) in text
        assert t("path_target_line", lang) in text
    published = dataset == "public" and not filters.active
    values = [value for _, value in facts.kpis]
    if published:
        assert values == ["54", "39", "4 · 14"] and "32 of 54" in facts.headline
        assert "54 − 4 − 14" in facts.headline or "54 − 4 − 14" in text
    else:
        summary = cli_json("summary", *args)
        assert values[0] == f"{summary['areas']:,}" and facts.headline == ""
