"""Stewards' templates and table export, generated from :mod:`ecotown.model.schema`.

For every table kind: an XLSX workbook (a data sheet named after the kind holding the
header, and an ``instructions`` sheet listing each column's type, rule and an example in
Thai and English) and a CSV with the header only. :func:`table_csv` writes a typed table
back in the same form; the store writes every version with it and the round trip
export → import reproduces a dataset.
"""

from __future__ import annotations

import csv
import io
import math
import zipfile
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import openpyxl
import pandas as pd
from openpyxl.styles import Alignment, Font, PatternFill

from ecotown.i18n.labels import t
from ecotown.model.archive import FixedTimeZip
from ecotown.model.schema import TABLES, YEAR_MAX, Column, Table, table

__all__ = [
    "INSTRUCTIONS_SHEET",
    "column_rule",
    "example_row",
    "export_dataset",
    "format_cell",
    "table_csv",
    "template_csv",
    "template_filename",
    "template_xlsx",
]

INSTRUCTIONS_SHEET = "instructions"
_FIXED_TIME = datetime(2024, 1, 1)
_EXAMPLES: dict[str, str] = {
    "area_id": "P1-05",
    "name_th": "ชื่อภาษาไทย",
    "name_en": "English name",
    "province_code": "21",
    "admin_code": "2101",
    "lat": "12.68",
    "lon": "101.28",
    "sources": "https://www.diw.go.th/",
    "source": "https://www.diw.go.th/",
    "note": "",
    "year": str(YEAR_MAX - 13),
    "level": "3",
    "phase": "1",
    "indicator_id": "ENV-1-1",
    "dimension_id": "environmental",
    "aspect_id": "ENV-1",
    "aspect_th": "ด้านคุณภาพอากาศ",
    "aspect_en": "Air quality",
    "unit_th": "ร้อยละ",
    "unit_en": "per cent",
    "scale_min": "0",
    "scale_max": "100",
    "value": "72.5",
    "figure_id": "areas_announced",
    "label_th": "พื้นที่ที่ประกาศ",
    "label_en": "Areas announced",
    "as_of": "2023-05-30",
    "joined_year": "2566",  # a fiscal year may be typed in B.E., as DIW prints it
    "level_min": "3",
    "level_max": "4",
    "event_id": "certification_2568",
    "date": "2026-03-12",
}


def _check_kind(kind: object) -> Table:
    if not isinstance(kind, str):
        raise TypeError(f"'kind' should be a table kind (str), got {type(kind)}")
    return table(kind)


def format_cell(value: object, column: Column) -> str:
    """Write one typed cell as text: whole numbers without ``.0``, booleans as true/false,
    other numbers in the shortest form that reads back exactly."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return ""
    if column.kind == "bool":
        return "true" if bool(value) else "false"
    if column.kind in ("int", "year"):
        return str(int(value))
    if column.kind == "float":
        number = float(value)
        return str(int(number)) if number.is_integer() and abs(number) < 1e15 else repr(number)
    return str(value)


def table_csv(frame: pd.DataFrame, kind: str, bom: bool = False,
              every_column: bool = False) -> bytes:
    """A typed table as CSV bytes (UTF-8, header in schema order, ``\\n`` line ends; a
    sparse column, ``Table.sparse_columns``, only when some row has a value).

    Parameters
    ----------
    frame
        The table, typed as :func:`ecotown.model.validate.check_table` returns it; extra
        columns (``_row``, ``_file``) are ignored.
    kind
        The table kind, e.g. ``"assessments"``.
    bom
        Start with a UTF-8 byte-order mark, so Excel shows Thai text correctly.
    every_column
        Write every column, sparse ones too (a template shows a steward all of them).
    """
    tbl = _check_kind(kind)
    missing = [c for c in tbl.column_names if c not in frame.columns]
    if missing:
        raise ValueError(f"'frame' lacks the {kind} columns {missing}")
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    written = [col for col in tbl.columns if every_column or col.name not in tbl.sparse_columns
               or any(format_cell(v, col) for v in frame[col.name].tolist())]
    writer.writerow([col.name for col in written])
    columns = [frame[col.name].tolist() for col in written]
    for cells in zip(*columns, strict=True):
        writer.writerow([format_cell(v, col) for v, col in zip(cells, written, strict=True)])
    return ("\ufeff" if bom else "").encode("utf-8") + out.getvalue().encode("utf-8")


def export_dataset(dataset, directory: str | Path) -> list[Path]:
    """Write every table of a loaded :class:`~ecotown.model.dataset.Dataset` as template CSVs."""
    target = Path(directory)
    if not target.is_dir():
        raise NotADirectoryError(f"'directory' should be an existing directory, got {target}")
    written = []
    for tbl in TABLES:
        path = target / tbl.filename
        path.write_bytes(table_csv(getattr(dataset, tbl.kind), tbl.kind))
        written.append(path)
    return written


def template_filename(kind: str, fmt: str) -> str:
    """The download name of a template, e.g. ``ecotown_assessments.xlsx``."""
    _check_kind(kind)
    if fmt not in ("xlsx", "csv"):
        raise ValueError(f"'fmt' should be 'xlsx' or 'csv', got {fmt!r}")
    return f"ecotown_{kind}.{fmt}"


def template_csv(kind: str) -> bytes:
    """The CSV template of ``kind``: the header row, UTF-8 with a byte-order mark."""
    tbl = _check_kind(kind)
    return table_csv(pd.DataFrame(columns=list(tbl.column_names)), kind, bom=True,
                     every_column=True)


def _example(tbl: Table, col: Column) -> str:
    if tbl.kind == "levels" and col.name.startswith("name_"):
        return {"name_th": "การมีส่วนร่วม", "name_en": "Engagement"}[col.name]
    if tbl.kind == "dimensions" and col.name.startswith("name_"):
        return {"name_th": "สิ่งแวดล้อม", "name_en": "Environmental"}[col.name]
    if col.choices:
        return col.choices[0] if col.name != "dimension_id" else "environmental"
    if col.name in _EXAMPLES:
        return _EXAMPLES[col.name]
    if col.kind == "bool":
        return "true"
    return "…"


def example_row(kind: str) -> dict[str, str]:
    """An example value for every column of ``kind`` (each one passes the column's rules)."""
    tbl = _check_kind(kind)
    return {col.name: _example(tbl, col) for col in tbl.columns}


def column_rule(col: Column, lang: str) -> str:
    """What a column accepts, in ``lang``: type, range, choices or pattern, and if required."""
    parts = [t(f"d_type_{col.kind}", lang)]
    if col.min is not None or col.max is not None:
        low = "…" if col.min is None else f"{col.min:g}"
        high = "…" if col.max is None else f"{col.max:g}"
        parts.append(t("d_rule_range", lang, min=low, max=high))
    if col.choices:
        parts.append(t("d_rule_choices", lang, choices=", ".join(col.choices)))
    if col.pattern or col.pattern_doc:
        parts.append(t("d_rule_pattern", lang, pattern=col.pattern_doc or col.pattern))
    parts.append(t("d_required" if col.required else "d_optional", lang))
    return "; ".join(parts)


def _instructions(sheet, tbl: Table) -> None:
    bold = Font(bold=True)
    sheet.append([t("d_template_title", "th", title=tbl.title_th, kind=tbl.kind)])
    sheet.append([t("d_template_title", "en", title=tbl.title_en, kind=tbl.kind)])
    sheet["A1"].font = sheet["A2"].font = Font(bold=True, size=13)
    for key in ("d_template_how_1", "d_template_how_2", "d_template_how_3",
                "d_template_how_4"):
        sheet.append([f"{t(key, 'th', kind=tbl.kind)} / {t(key, 'en', kind=tbl.kind)}"])
    if tbl.key:
        key = ", ".join(tbl.key)
        sheet.append([f"{t('d_template_key', 'th', columns=key)} / "
                      f"{t('d_template_key', 'en', columns=key)}"])
    sheet.append([])
    header = ["d_col_column", "d_col_rule", "d_col_rule", "d_col_example", "d_col_doc",
              "d_col_doc"]
    langs = ["", "th", "en", "", "th", "en"]
    sheet.append([f"{t(h, 'th')} / {t(h, 'en')}" if not lang else f"{t(h, lang)} ({lang})"
                  for h, lang in zip(header, langs, strict=True)])
    for cell in sheet[sheet.max_row]:
        cell.font = bold
    examples = example_row(tbl.kind)
    first = sheet.max_row + 1
    for col in tbl.columns:
        sheet.append([col.name, column_rule(col, "th"), column_rule(col, "en"),
                      examples[col.name], col.doc_th, col.doc_en])
    for letter, width in zip("ABCDEF", (20, 48, 48, 24, 36, 36), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=first):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            cell.number_format = "@"


@lru_cache(maxsize=len(TABLES))
def template_xlsx(kind: str) -> bytes:
    """The XLSX template of ``kind``: sheet ``kind`` with the header, then instructions."""
    tbl = _check_kind(kind)
    workbook = openpyxl.Workbook()
    data = workbook.active
    data.title = tbl.kind
    data.append(list(tbl.column_names))
    fill = PatternFill("solid", start_color="DDEBF7")
    for index, cell in enumerate(data[1], start=1):
        cell.font = Font(bold=True)
        cell.fill = fill
        letter = openpyxl.utils.get_column_letter(index)
        data.column_dimensions[letter].width = max(12, len(cell.value) + 4)
        if tbl.columns[index - 1].kind in ("str", "province"):
            data.column_dimensions[letter].number_format = "@"  # keep codes as text
    data.freeze_panes = "A2"
    _instructions(workbook.create_sheet(INSTRUCTIONS_SHEET), tbl)
    workbook.properties.creator = "Eco Town Atlas"
    workbook.properties.created = workbook.properties.modified = _FIXED_TIME
    from openpyxl.writer.excel import ExcelWriter

    out = io.BytesIO()  # one time stamp on every entry: the same bytes whenever it is made
    with FixedTimeZip(out, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(workbook, archive).write_data()
    return out.getvalue()
