"""Templates: generated from the schema for every kind, with instructions in Thai and English,
examples that pass the rules, and a CSV writer that reads back exactly."""

from __future__ import annotations

import io

import openpyxl
import pandas as pd
import pytest

from ecotown.model.schema import TABLES, table
from ecotown.model.validate import check_table
from ecotown.stewardship import templates
from ecotown.store import load_dataset

KINDS = [tbl.kind for tbl in TABLES]


@pytest.mark.parametrize("kind", KINDS)
def test_csv_template_is_the_header(kind):
    data = templates.template_csv(kind)
    assert data.startswith(b"\xef\xbb\xbf")  # Excel then shows Thai correctly
    assert data.decode("utf-8-sig").strip().split(",") == list(table(kind).column_names)


@pytest.mark.parametrize("kind", KINDS)
def test_xlsx_template_has_data_and_instructions(kind):
    """Sheet ``kind`` holds the header; the instructions sheet lists every column with its
    rule in Thai and English, an example and both descriptions."""
    book = openpyxl.load_workbook(io.BytesIO(templates.template_xlsx(kind)))
    assert book.sheetnames == [kind, templates.INSTRUCTIONS_SHEET]
    header = [c.value for c in book[kind][1]]
    assert header == list(table(kind).column_names)
    rows = list(book[templates.INSTRUCTIONS_SHEET].iter_rows(values_only=True))
    listed = {row[0]: row for row in rows if row[0] in header}
    assert set(listed) == set(header)
    for col in table(kind).columns:
        _, rule_th, rule_en, example, doc_th, doc_en = listed[col.name]
        assert rule_th == templates.column_rule(col, "th")
        assert rule_en == templates.column_rule(col, "en")
        assert (doc_th, doc_en) == (col.doc_th, col.doc_en)
        assert (example or "") == templates.example_row(kind)[col.name]
    text = " ".join(str(r[0]) for r in rows if r[0])
    assert "ห้ามใช้สูตร" in text and "no formulas" in text


def test_xlsx_templates_are_deterministic(monkeypatch):
    """The same bytes whenever the template is made (the clock an hour on: zip entries took
    the wall clock's time, so two downloads a second apart differed)."""
    import time

    templates.template_xlsx.cache_clear()
    first = templates.template_xlsx("areas")
    templates.template_xlsx.cache_clear()
    now = time.time()
    monkeypatch.setattr(time, "time", lambda: now + 3600)
    assert templates.template_xlsx("areas") == first
    templates.template_xlsx.cache_clear()


@pytest.mark.parametrize("kind", KINDS)
def test_examples_pass_the_rules(kind):
    frame = pd.DataFrame([templates.example_row(kind)], dtype=object)
    _, problems = check_table(frame, table(kind), "example")
    assert problems == []


@pytest.mark.parametrize(("kind", "expected"), [
    ("assessments", {"level": "whole number; from 1 to 5; required",
                     "note": "text; optional"}),
    ("areas", {"province_code": "two-digit DOPA province code; required",
               "scope": "text; one of: province, district, subdistrict, municipality, zone; "
                        "required"}),
    ("indicators", {"higher_is_better": "true or false; required"}),
])
def test_column_rules_in_english(kind, expected):
    for name, rule in expected.items():
        assert templates.column_rule(table(kind).column(name), "en") == rule


@pytest.mark.parametrize("dataset", ["public", "demo"])
def test_table_csv_writes_the_shipped_files_back_exactly(dataset):
    """Typed tables written by ``table_csv`` are byte-identical to the shipped CSVs."""
    loaded = load_dataset(dataset)
    folder = {"public": "geodata", "demo": "geodata/demo"}[dataset]
    from pathlib import Path

    root = Path(__file__).resolve().parents[3] / folder
    for tbl in TABLES:
        written = templates.table_csv(getattr(loaded, tbl.kind), tbl.kind)
        assert written == (root / tbl.filename).read_bytes(), tbl.filename


@pytest.mark.parametrize(("value", "kind", "text"), [
    (2024, "int", "2024"), (3.0, "float", "3"), (0.1, "float", "0.1"),
    (1e20, "float", "1e+20"), (True, "bool", "true"), (None, "int", ""),
    (float("nan"), "float", ""), (pd.NA, "int", ""), ("ก", "str", "ก"),
])
def test_format_cell(value, kind, text):
    from ecotown.model.schema import Column

    assert templates.format_cell(value, Column("x", kind)) == text


def test_bad_arguments_name_the_value(tmp_path):
    with pytest.raises(KeyError, match="grades"):
        templates.template_csv("grades")
    with pytest.raises(ValueError, match="pdf"):
        templates.template_filename("areas", "pdf")
    with pytest.raises(TypeError, match="int"):
        templates.template_xlsx(3)
    with pytest.raises(ValueError, match="level"):
        templates.table_csv(pd.DataFrame({"x": []}), "levels")
    with pytest.raises(NotADirectoryError, match="nowhere"):
        templates.export_dataset(None, tmp_path / "nowhere")
