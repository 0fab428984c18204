"""The area table of a view as CSV (UTF-8 with BOM) and XLSX, guarded against formulas."""

from __future__ import annotations

import io
import zipfile
from datetime import datetime
from typing import TYPE_CHECKING

import pandas as pd

from ecotown.analysis.filters import apply_filters
from ecotown.analysis.urlstate import ViewState
from ecotown.i18n.labels import t
from ecotown.model.archive import ZIP_TIME, FixedTimeZip  # noqa: F401  (public here too)
from ecotown.model.dataset import Dataset
from ecotown.model.text import guard_formula, xml_text
from ecotown.present.tables import display_areas

if TYPE_CHECKING:
    pass
from ecotown.briefing.facts import PRODUCER, BriefingFacts, clean_text

FIXED_TIME = datetime(2000, 1, 1)  # workbook created/modified: no wall clock in the bytes


# --- tables ---------------------------------------------------------------------------------


_guard = guard_formula


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    return _guard(value)


def area_rows(dataset: Dataset, areas: pd.DataFrame, view: ViewState) -> pd.DataFrame:
    """The filtered area table of :func:`ecotown.present.tables.display_areas` with lat/lon, guarded
    against formula injection, headings and values in ``view.lang``."""
    lang = view.lang
    shown = apply_filters(areas, view.filters)
    table = display_areas(shown, dataset, lang)
    ids = table[t("area_id", lang)]
    table[t("brief_lat", lang)] = ids.map(dict(zip(shown["area_id"], shown["lat"],
                                                   strict=True))).astype(float)
    table[t("brief_lon", lang)] = ids.map(dict(zip(shown["area_id"], shown["lon"],
                                                   strict=True))).astype(float)
    table = table.astype(object).map(_cell)
    table.columns = [_guard(column) for column in table.columns]
    return table


def csv_bytes(table: pd.DataFrame) -> bytes:
    text = table.to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


_xlsx_text = xml_text


def _about_rows(dataset: Dataset, facts: BriefingFacts, rows: int) -> list[tuple[str, object]]:
    lang = facts.lang
    return [
        (t("app_title", lang), t("app_subtitle", lang)),
        (t("dataset", lang), f"{clean_text(dataset.title(lang))} ({clean_text(dataset.name)})"),
        (t("brief_synthetic", lang),
         t("brief_synthetic_yes" if dataset.synthetic else "brief_synthetic_no", lang)),
        (t("filters", lang), facts.subtitle),
        (t("brief_rows", lang), rows),
        (t("brief_data_date", lang), facts.data_date),
        *[(t("sources", lang), line) for line in facts.sources],
        (t("brief_licence", lang), clean_text(dataset.meta.get("licence", ""))),
    ]


def xlsx_bytes(dataset: Dataset, table: pd.DataFrame, facts: BriefingFacts) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    lang = facts.lang
    book = Workbook()
    sheet = book.active
    sheet.title = t("brief_sheet_areas", lang)
    sheet.append([_xlsx_text(c) for c in table.columns])
    for row in table.itertuples(index=False):
        sheet.append([_xlsx_text(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in table.iloc[:, index - 1]
                                            if v is not None])
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = min(60, max(10, longest + 2))
    about = book.create_sheet(t("brief_sheet_about", lang))
    about.append([t("brief_about_item", lang), t("brief_about_value", lang)])
    for label, value in _about_rows(dataset, facts, len(table)):
        if isinstance(value, str):
            value = _xlsx_text(_guard(value.replace("\u00a0", " ")))
        about.append([_xlsx_text(_guard(label)), value])
    for cell in about[1]:
        cell.font = Font(bold=True)
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 110
    book.properties.creator = PRODUCER
    book.properties.lastModifiedBy = PRODUCER
    book.properties.title = xml_text(f"{facts.title} — {facts.subtitle}")
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return buffer.getvalue()
