"""The briefing deck read back: slides, native tables and chart, Thai font, the badge, and
every number of every sentence against ``summary`` / ``progress``; same bytes twice and from
the command line; the PDF pack with pypdf."""

from __future__ import annotations

import io
import itertools
import re
import subprocess
import sys
from pathlib import Path

import pytest
from pptx import Presentation
from pypdf import PdfReader

from ecotown.analysis.filters import Filters
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing.deck import DECK_FONT
from ecotown.briefing.deck_content import ROWS_PER_SLIDE, deck_content
from ecotown.briefing.deck_export import deck
from ecotown.cli.view import view_areas
from tests.pdftext import pdf_text

ROOT = Path(__file__).resolve().parents[3]
VIEWS = {
    "demo-th": ViewState("demo", "th"),
    "demo-en-2022-since": ViewState("demo", "en", year=2022, since=2019),
    "demo-en-east": ViewState("demo", "en", filters=Filters(regions=("east",))),
    "public-th": ViewState("public", "th"),
    "public-en": ViewState("public", "en"),
    "demo-th-provinces": ViewState("demo", "th", filters=Filters(provinces=("21", "24"))),
}


@pytest.fixture(scope="module")
def built(province_polygons):
    """Every test view's deck: content, PowerPoint bytes and the deck read back."""
    from ecotown.store import load_dataset

    out = {}
    for key, view in VIEWS.items():
        dataset = load_dataset(view.dataset)
        areas = view_areas(dataset, province_polygons, view)
        content = deck_content(dataset, areas, province_polygons, view)
        data = deck(dataset, areas, province_polygons, view, "pptx").data
        out[key] = (dataset, areas, content, data, Presentation(io.BytesIO(data)))
    return out


def texts(slide) -> list[str]:
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame:
            found += [p.text for p in shape.text_frame.paragraphs if p.text]
        if shape.has_table:
            found += [c.text for row in shape.table.rows for c in row.cells]
    return found


def shape(slide, name):
    return next((s for s in slide.shapes if s.name == name), None)


@pytest.mark.parametrize("key", VIEWS)
def test_slides_in_order_16_9_each_with_the_badge(built, key):
    dataset, _, content, _, prs = built[key]
    assert (prs.slide_width, prs.slide_height) == (12191695, 6858000)  # 13.333 × 7.5 in
    kinds = [s.kind for s in content.slides]
    assert kinds[0] == "title" and kinds[1] == "map" and kinds[-1] == "sources"
    order = {"title": 0, "map": 1, "progress": 2, "movers": 3, "areas": 4, "sources": 5}
    assert [order[k] for k in kinds] == sorted(order[k] for k in kinds)
    assert len(prs.slides) == len(content.slides)
    words = {"th": "ข้อมูลสาธิตสังเคราะห์", "en": "Synthetic demo data"}
    badge = words[VIEWS[key].lang] if dataset.synthetic else None
    for slide in prs.slides:
        box = shape(slide, "dataset badge")
        assert box is not None and box.text_frame.text == content.badge
        if badge:
            assert badge in box.text_frame.text


@pytest.mark.parametrize("key", VIEWS)
def test_tables_are_native_and_hold_the_shown_areas(built, key):
    _, _areas, content, _, prs = built[key]
    shown = content.facts.counts["areas"]
    region_rows = 0
    for spec, slide in zip(content.slides, prs.slides, strict=True):
        table = shape(slide, "table")
        if spec.kind in ("movers", "areas"):
            assert table is not None and table.has_table
            rows = list(table.table.rows)
            assert [c.text for c in rows[0].cells] == list(spec.table.header)
            assert len(rows) - 1 == len(spec.table.rows) <= ROWS_PER_SLIDE
            if spec.kind == "areas":
                region_rows += len(rows) - 1
        else:
            assert table is None
    assert region_rows == shown


def test_the_movers_table_is_the_progress_movers(built):
    _, _, content, _, _prs = built["demo-en-2022-since"]
    movers = content.report["movers"]
    slides = [s for s in content.slides if s.kind == "movers"]
    rows = [r for s in slides for r in s.table.rows]
    names = [r[0] for r in rows]
    assert names[:len(movers)] == [m["name_en"] for m in movers]
    for row, mover in zip(rows, movers, strict=False):
        assert row[3] == ("▲" if mover["change"] > 0 else "▼") + str(abs(mover["change"]))


def test_the_progress_chart_is_native_with_years_as_readers_write_them(built):
    for key, first, years_label in (("demo-th", "2562", "2568"), ("demo-en-east", "2019",
                                                                    "2025")):
        content, prs = built[key][2], built[key][4]
        index = [s.kind for s in content.slides].index("progress")
        chart = shape(prs.slides[index], "levels per year").chart
        categories = list(chart.plots[0].categories)
        assert categories[0] == first and categories[-1] == years_label
        values = {s.name: list(s.values) for s in chart.series}
        report = content.report
        for level in range(1, 6):
            name = next(n for n in values if n.endswith(str(level)))
            assert values[name] == [report["by_year"][y][str(level)] for y in report["by_year"]]
    # seen from 2022, the chart stops at 2022
    content, prs = built["demo-en-2022-since"][2], built["demo-en-2022-since"][4]
    index = [s.kind for s in content.slides].index("progress")
    categories = list(shape(prs.slides[index], "levels per year").chart.plots[0].categories)
    assert categories == ["2019", "2020", "2021", "2022"]


def _numbers(text: str) -> list[float]:
    return [float(n.replace(",", "")) for n in re.findall(r"\d[\d,]*(?:\.\d+)?", text)]


def _allowed(content) -> set[float]:
    """Every number a sentence may say, from summary and progress (and the fixed facts:
    levels 1–5, the target year 2037 / B.E. 2580, years in both eras)."""
    counts, report = content.facts.counts, content.report
    allowed = {1, 2, 3, 4, 5, 2037, 2580}
    allowed |= {counts["areas"], counts["provinces"], *counts["by_level"].values()}
    for by_level in report["by_year"].values():
        allowed |= {sum(v for k, v in by_level.items() if int(k) >= 3), *by_level.values()}
    years = [int(y) for y in report["by_year"]]
    allowed |= {*years, *(y + 543 for y in years)}
    series = [sum(v for k, v in report["by_year"][str(y)].items() if int(k) >= 3)
              for y in years]
    allowed |= {abs(b - a) for a, b in itertools.pairwise(series)}
    path = report["path"] or {}
    allowed |= {path.get(k) for k in ("levels_to_go", "years_left", "areas") if path}
    for k in ("pace_needed", "pace_so_far"):
        if path.get(k) is not None:
            allowed.add(round(path[k], 2))
    projection = report["projection_2037"] or {}
    allowed |= {projection.get("reach_level_5"), projection.get("not_projected")}
    verdict = path.get("verdict") or {}
    allowed |= {verdict.get(k) for k in ("behind", "off_track", "at_risk", "not_known")}
    if verdict:
        allowed.add(verdict["behind"] - verdict["off_track"] - verdict["at_risk"])
    up = sum(1 for m in report["movers"] if m["change"] > 0)
    down = sum(1 for m in report["movers"] if m["change"] < 0)
    allowed |= {up, down}
    return {float(a) for a in allowed if a is not None}


def _group_allowed(dataset, areas, view, title: str) -> set[float]:
    """The numbers of a region's or province's slide: ``summary`` of the view narrowed to
    that region or province (areas, at level 3 or above, no published level)."""
    from dataclasses import replace

    from ecotown.analysis.summary import summarise
    from ecotown.model.geography import region_name
    from ecotown.model.regions import REGIONS

    region = next((r for r in REGIONS if region_name(r, view.lang) == title), None)
    if region is not None:
        narrowed = replace(view.filters, regions=(region,))
    else:
        code = next(c for c in view.filters.provinces
                    if (areas.loc[areas["province_code"] == c, f"province_{view.lang}"]
                        == title).any())
        narrowed = replace(view.filters, provinces=(code,))
    counts = summarise(dataset, areas, narrowed, view.year)
    return {float(counts["areas"]), float(counts["by_level"]["none"]),
            float(sum(counts["by_level"][k] for k in "345"))}


@pytest.mark.parametrize("key", VIEWS)
def test_every_number_of_every_sentence_comes_from_summary_or_progress(built, key):
    dataset, areas, content, _, _ = built[key]
    allowed = _allowed(content)
    checked = 0
    for slide in content.slides:
        here = allowed | (_group_allowed(dataset, areas, VIEWS[key], slide.title)
                          if slide.kind == "areas" and slide.sentences else set())
        for sentence in slide.sentences:
            for number in _numbers(sentence):
                assert number in here, (sentence, number)
                checked += 1
    assert checked


def test_the_map_sentence_says_the_apps_numbers(built):
    content = built["demo-th"][2]
    counts = content.facts.counts
    n3 = sum(counts["by_level"][k] for k in "345")
    previous = content.report["by_year"][str(counts["year"] - 1)]
    delta = n3 - sum(previous[k] for k in "345")
    sentence = content.slides[1].sentences[0]
    assert sentence.startswith(f"ปีงบประมาณ พ.ศ. {counts['year'] + 543}: {n3} จาก "
                               f"{counts['areas']} พื้นที่ผ่านระดับ 3 ขึ้นไป")
    word = "เพิ่มขึ้น" if delta > 0 else "ลดลง" if delta < 0 else "เท่ากับปีก่อน"
    assert word in sentence and (not delta or f"{abs(delta)} พื้นที่จากปีก่อน" in sentence)


def test_missing_data_is_said_never_claimed(built):
    content = built["public-en"][2]
    first = content.slides[1].sentences[0]
    missing = content.facts.counts["by_level"]["none"]
    assert f"no level is published for {missing} of {content.facts.counts['areas']} areas" \
        in first
    progress = next(s for s in content.slides if s.kind == "progress")
    assert progress.sentences[0].startswith("Not known whether the programme is on course")
    assert "cannot be measured" in progress.sentences[1]
    sources = content.slides[-1].lines
    assert any("names 32 of 54 areas" in line and "never filled with a guess" in line
               for line in sources)


def test_thai_text_is_set_in_th_sarabun_new(built):
    prs = built["demo-th"][4]
    runs = [r for slide in prs.slides for s in slide.shapes if s.has_text_frame
            for p in s.text_frame.paragraphs for r in p.runs]
    assert runs
    for run in runs:
        assert run.font.name == DECK_FONT
        cs = run._r.find("{http://schemas.openxmlformats.org/drawingml/2006/main}rPr/"
                         "{http://schemas.openxmlformats.org/drawingml/2006/main}cs")
        assert cs is not None and cs.get("typeface") == DECK_FONT


def test_one_slide_per_selected_province(built):
    content = built["demo-th-provinces"][2]
    titles = [s.title for s in content.slides if s.kind == "areas"]
    assert titles == ["ระยอง", "ฉะเชิงเทรา"]


def test_same_bytes_twice_and_from_the_command_line(built, province_polygons, tmp_path):
    dataset, areas, _, data, _ = built["demo-th"]
    assert deck(dataset, areas, province_polygons, VIEWS["demo-th"], "pptx").data == data
    out = tmp_path / "deck.pptx"
    subprocess.run([sys.executable, "-m", "ecotown", "deck", "--dataset", "demo", "--lang",
                    "th", "--format", "pptx", "--out", str(out)], cwd=ROOT, check=True,
                   capture_output=True)
    assert out.read_bytes() == data
    prs = Presentation(io.BytesIO(data))
    assert prs.core_properties.modified.year == 2000 and prs.core_properties.revision == 1


def test_the_pdf_pack_has_a_page_per_slide_and_the_same_sentences(built, province_polygons):
    dataset, areas, content, _, _ = built["demo-en-2022-since"]
    pdf = deck(dataset, areas, province_polygons, VIEWS["demo-en-2022-since"], "pdf").data
    assert pdf == deck(dataset, areas, province_polygons, VIEWS["demo-en-2022-since"],
                       "pdf").data
    reader = PdfReader(io.BytesIO(pdf))
    assert len(reader.pages) == len(content.slides)
    text = re.sub(r"\s+", " ", pdf_text(pdf))
    for slide in content.slides:
        assert slide.title.split(" (")[0] in text
    assert "Synthetic demo data" in text and "Projection (not data)" in text


def test_bad_format_and_bad_year_on_the_command_line_say_what_is_allowed(tmp_path):
    bad = subprocess.run([sys.executable, "-m", "ecotown", "deck", "--dataset", "demo",
                          "--format", "key", "--lang", "en"], cwd=ROOT, capture_output=True,
                         text=True)
    assert bad.returncode == 1 and "pptx, pdf" in bad.stderr and "Traceback" not in bad.stderr
    year = subprocess.run([sys.executable, "-m", "ecotown", "deck", "--dataset", "demo",
                           "--year", "2560", "--lang", "en", "--out", str(tmp_path / "x")],
                          cwd=ROOT, capture_output=True, text=True)
    assert year.returncode == 1 and "2025 (B.E. 2568)" in year.stderr
