"""Issue 31: the comparison as a picture: a 16:9 PNG slide, an A4 landscape PDF with
selectable text and a one-slide PowerPoint; the page's numbers and words (the compared areas,
their status and projection, dimension scores, the indicators that differ most), nothing
invented where an area has no data, the same bytes twice."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from PIL import Image
from pptx import Presentation

from ecotown.analysis.compare import compare_areas
from ecotown.briefing.compare_export import compare_export, compare_filename
from ecotown.i18n.labels import t
from ecotown.present.compare_view import dimensions_table
from tests.pdftext import pdf_text

IDS = ["P1-05", "P2-03", "P3-11"]


@pytest.fixture(scope="module")
def pictures(demo, public):
    report = compare_areas(demo, IDS)
    made = {(fmt, "en"): compare_export(demo, report, demo.levels, "en", fmt)
            for fmt in ("png", "pdf", "pptx")}
    made["pdf", "th"] = compare_export(demo, report, demo.levels, "th", "pdf")
    sparse = compare_areas(public, ["P1-05", "P1-01"])
    made["pdf", "public"] = compare_export(public, sparse, public.levels, "en", "pdf")
    return report, made


def _text(data: bytes) -> str:
    return " ".join(pdf_text(data, page=1).split())


def test_the_png_is_a_16_9_slide_and_the_same_bytes_twice(demo, pictures):
    report, made = pictures
    png = made["png", "en"]
    assert Image.open(io.BytesIO(png.data)).size == (1920, 1080)
    assert png.filename == compare_filename(demo, report, "en", "png")
    assert compare_export(demo, report, demo.levels, "en", "png").data == png.data


def test_the_pdf_says_the_pages_words_and_numbers(pictures):
    report, made = pictures
    reader = pypdf.PdfReader(io.BytesIO(made["pdf", "en"].data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (842, 595)
    text = _text(made["pdf", "en"].data)
    assert "Compare areas" in text and "Synthetic" in text
    for area in report["areas"]:
        assert area["area_id"] in text
    scores = dimensions_table(report, "en")
    for value in scores.iloc[:, 1:].to_numpy().ravel():
        if value:
            assert value in text, value
    first = report["differences"][0]
    assert first["name_en"] in text
    assert "Projection" in text or "projection" in text


def test_thai_and_an_area_without_data_says_so_never_zero(pictures):
    _, made = pictures
    assert "เปรียบเทียบพื้นที่" in _text(made["pdf", "th"].data)
    text = _text(made["pdf", "public"].data)
    assert t("compare_none_indicators", "en") in text
    assert not re.search(r"\b0\.0\b", text)  # no score drawn for the record's areas


def test_the_powerpoint_is_one_slide_of_the_picture_the_same_bytes_twice(demo, pictures):
    report, made = pictures
    prs = Presentation(io.BytesIO(made["pptx", "en"].data))
    assert len(prs.slides) == 1
    shapes = list(prs.slides[0].shapes)
    assert [s.name for s in shapes] == ["comparison"]
    assert (shapes[0].width, shapes[0].height) == (prs.slide_width, prs.slide_height)
    assert compare_export(demo, report, demo.levels, "en", "pptx").data == \
        made["pptx", "en"].data
