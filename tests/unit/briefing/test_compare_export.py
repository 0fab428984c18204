"""Issue 31: the comparison in the downloads (CSV and XLSX): the same numbers as
``compare_areas``, missing data blank (never zero), formulas defused, the same bytes twice."""

from __future__ import annotations

import csv
import dataclasses
import io

import pytest
from openpyxl import load_workbook

from ecotown.analysis.compare import compare_areas
from ecotown.briefing.compare_export import compare_export, compare_filename

IDS = ["P1-05", "P2-03", "P3-11"]


@pytest.fixture(scope="module")
def report(demo):
    return compare_areas(demo, IDS)


def _csv(data: bytes) -> list[dict]:
    assert data.startswith(b"\xef\xbb\xbf")
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_csv_holds_every_area_and_item_with_the_reports_numbers(demo, report):
    rows = _csv(compare_export(demo, report, demo.levels, "en", "csv").data)
    levels = [r for r in rows if r["Section"] == "Status"]
    assert [r["Area id"] for r in levels] == IDS
    assert [r["Value"] for r in levels] == [str(a["level"]) for a in report["areas"]]
    first = report["differences"][0]
    found = {r["Area id"]: r for r in rows if r["Item"] == first["name_en"]}
    for area_id in IDS:
        assert float(found[area_id]["Score (0–100)"]) == first["scores"][area_id]
    dims = [r for r in rows if r["Section"] == "Dimension"]
    assert len(dims) == len(report["dimensions"]) * len(IDS)


def test_an_area_without_data_is_blank_never_zero(public):
    report = compare_areas(public, ["P1-05", "P1-10"])
    rows = _csv(compare_export(public, report, public.levels, "th", "csv").data)
    dims = [r for r in rows if r["หมวด"] == "มิติ"]
    assert dims and all(r["คะแนน (0–100)"] == "" for r in dims)


def test_the_workbook_has_a_sheet_per_part_and_the_same_bytes_twice(demo, report):
    one = compare_export(demo, report, demo.levels, "en", "xlsx")
    two = compare_export(demo, report, demo.levels, "en", "xlsx")
    assert one.data == two.data
    book = load_workbook(io.BytesIO(one.data))
    assert book.sheetnames == ["Path to 2037", "Dimension", "Indicator", "About"]
    assert book["Path to 2037"].max_row == 1 + len(IDS)
    assert book["Indicator"].max_row == 1 + len(report["differences"])
    assert one.filename == compare_filename(demo, report, "en", "xlsx") == \
        "ecotown-demo-compare-P1-05-P2-03-P3-11-en.xlsx"


def test_a_formula_in_a_name_is_defused(demo):
    areas = demo.areas.copy()
    areas.loc[areas["area_id"] == "P1-05", "name_en"] = "=HYPERLINK(\"http://evil.example\")"
    hostile = dataclasses.replace(demo, areas=areas)
    report = compare_areas(hostile, ["P1-05", "P2-03"])
    rows = _csv(compare_export(hostile, report, hostile.levels, "en", "csv").data)
    assert all(not r["Area"].startswith("=") for r in rows)
    book = load_workbook(io.BytesIO(compare_export(hostile, report, hostile.levels, "en",
                                                   "xlsx").data))
    assert all(not str(c.value or "").startswith("=") for row in book["Path to 2037"].rows
               for c in row)
