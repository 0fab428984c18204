"""A comparison of areas (:func:`ecotown.analysis.compare.compare_areas`) as CSV (UTF-8 with
BOM, one row per area and item) and XLSX (a sheet each for the path to 2037, the dimension
scores and the indicators that differ most, and an "About" sheet), guarded against
formulas; the same bytes for the same comparison."""

from __future__ import annotations

import io
import zipfile

import pandas as pd

from ecotown.briefing.facts import PRODUCER, Export, clean_text
from ecotown.briefing.tables import FIXED_TIME, FixedTimeZip, csv_bytes
from ecotown.i18n.labels import fiscal_year_text, pick, t
from ecotown.model.dataset import Dataset
from ecotown.model.text import guard_formula, xml_text
from ecotown.present.compare_view import differences_table, dimensions_table, paths_table

__all__ = ["COMPARE_FORMATS", "COMPARE_MIME", "compare_export", "compare_filename",
           "compare_rows"]

COMPARE_FORMATS = ("png", "pdf", "pptx", "csv", "xlsx")  # pictures: ecotown.briefing.compare_slide
COMPARE_MIME = {"png": "image/png", "pdf": "application/pdf",
                "pptx": "application/vnd.openxmlformats-officedocument.presentationml."
                        "presentation",
                "csv": "text/csv",
                "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}


def compare_filename(dataset: Dataset, report: dict, lang: str, fmt: str) -> str:
    """E.g. ``ecotown-demo-compare-P1-05-P2-03-en.csv``: letters, digits, ``-`` only."""
    if fmt not in COMPARE_FORMATS:
        raise ValueError(f"format must be one of {', '.join(COMPARE_FORMATS)}, not {fmt!r}")
    ids = "-".join("".join(ch for ch in a["area_id"] if ch.isalnum() or ch == "-")
                   for a in report["areas"])
    name = "".join(ch for ch in dataset.name if ch.isalnum() or ch in "-_")[:24] or "data"
    return f"ecotown-{name}-compare-{ids[:80]}-{lang}.{fmt}"


def compare_rows(report: dict, lang: str) -> pd.DataFrame:
    """The comparison as one long table: a row per area and item (the path, each dimension,
    each indicator that differs most), with the year, value, unit, score and the
    programme's median; empty where an area has no data (never zero)."""
    names = {a["area_id"]: pick(a["name_th"], a["name_en"], lang) for a in report["areas"]}
    rows = []
    for area in report["areas"]:
        path = report["paths"][area["area_id"]]
        rows.append({"section": t("compare_status", lang), "item": t("latest_level", lang),
                     "area_id": area["area_id"], "area": names[area["area_id"]],
                     "year": area["level_year"], "value": area["level"], "unit": "",
                     "score": None, "median": None,
                     "note": t(f"status_{path['status']}", lang) + " · "
                     + t("compare_projected", lang) + ": "
                     + ("–" if path["projected_2037"] is None
                        else str(path["projected_2037"]))})
    for dim in report["dimensions"]:
        for area_id, score in dim["scores"].items():
            rows.append({"section": t("dimension", lang),
                         "item": pick(dim["name_th"], dim["name_en"], lang),
                         "area_id": area_id, "area": names[area_id],
                         "year": report["indicator_year"], "value": None, "unit": "",
                         "score": score, "median": dim["programme_median"], "note": ""})
    for diff in report["differences"]:
        unit = pick(diff["unit_th"], diff["unit_en"], lang)
        better = {True: t("compare_direction_up", lang),
                  False: t("compare_direction_down", lang), None: ""}[diff["higher_is_better"]]
        for area_id in names:
            rows.append({"section": t("indicator", lang),
                         "item": pick(diff["name_th"], diff["name_en"], lang),
                         "area_id": area_id, "area": names[area_id], "year": diff["year"],
                         "value": diff["values"][area_id], "unit": unit,
                         "score": diff["scores"][area_id], "median": None, "note": better})
    frame = pd.DataFrame(rows, columns=["section", "item", "area_id", "area", "year", "value",
                                        "unit", "score", "median", "note"],
                         dtype=object)  # a level stays 4, a value 79.8
    frame["year"] = [("" if y is None or pd.isna(y) else fiscal_year_text(int(y), lang,
                                                                           span=False))
                     for y in frame["year"]]
    headers = {"section": t("compare_section", lang), "item": t("compare_item", lang),
               "area_id": t("area_id", lang), "area": t("area", lang),
               "year": t("vh_year", lang), "value": t("value", lang), "unit": t("unit", lang),
               "score": t("compare_score", lang), "median": t("compare_programme_median", lang),
               "note": t("note", lang)}
    return frame.rename(columns=headers)


def _guarded(frame: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({name: [guard_formula(v) if isinstance(v, str) else v
                                for v in frame[name].tolist()] for name in frame.columns},
                        dtype=object)


def _sheet(book, title: str, table: pd.DataFrame) -> None:
    from openpyxl.styles import Font

    sheet = book.create_sheet(xml_text(title)[:31])
    sheet.append([xml_text(str(c)) for c in table.columns])
    for row in table.itertuples(index=False):
        sheet.append([xml_text(guard_formula(v)) if isinstance(v, str) else
                      (None if v is None or pd.isna(v) else v) for v in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in table.iloc[:, index - 1]])
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = min(60, max(10, longest + 2))


def compare_export(dataset: Dataset, report: dict, levels: pd.DataFrame, lang: str,
                   fmt: str) -> Export:
    """The comparison as a picture (PNG slide, A4 PDF, a one-slide PowerPoint:
    :mod:`ecotown.briefing.compare_slide`) or a table (CSV, XLSX); the same bytes for the
    same comparison."""
    filename = compare_filename(dataset, report, lang, fmt)
    if fmt in ("png", "pdf", "pptx"):
        from ecotown.briefing.compare_slide import compare_picture

        return Export(compare_picture(dataset, report, levels, lang, fmt), filename,
                      COMPARE_MIME[fmt])
    if fmt == "csv":
        return Export(csv_bytes(_guarded(compare_rows(report, lang))), filename,
                      COMPARE_MIME[fmt])
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook()
    book.remove(book.active)
    _sheet(book, t("compare_paths_sheet", lang), paths_table(report, levels, lang))
    _sheet(book, t("dimension", lang), dimensions_table(report, lang))
    _sheet(book, t("indicator", lang), differences_table(report, lang))
    about = pd.DataFrame([
        (t("app_title", lang), t("compare_title", lang)),
        (t("dataset", lang), f"{clean_text(dataset.title(lang))} ({clean_text(dataset.name)})"),
        (t("brief_synthetic", lang),
         t("brief_synthetic_yes" if dataset.synthetic else "brief_synthetic_no", lang)),
        (t("vh_year", lang), fiscal_year_text(report["year"], lang, span=False)),
        (t("compare_projection_note", lang), ""),
    ], columns=[t("brief_about_item", lang), t("brief_about_value", lang)])
    _sheet(book, t("brief_sheet_about", lang), about)
    book.properties.creator = PRODUCER
    book.properties.lastModifiedBy = PRODUCER
    book.properties.title = xml_text(t("compare_title", lang))
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return Export(buffer.getvalue(), filename, COMPARE_MIME[fmt])
