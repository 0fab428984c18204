"""Validation of dataset tables, with problems that name file, row, column and value.

Every check collects all its problems instead of stopping at the first, so a data steward
sees everything that is wrong at once. Row numbers are spreadsheet rows: the header is row 1,
the first data row is row 2.
"""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import geothai
import pandas as pd

from ecotown.i18n.labels import t
from ecotown.model.schema import Column, Table
from ecotown.model.vocabulary import canonical_choice
from ecotown.model.years import BE_OFFSET, YEAR_MAX, YEAR_MIN, parse_year

__all__ = [
    "DatasetError",
    "Problem",
    "check_references",
    "check_table",
    "read_csv_strings",
]

PROVINCE_CODES = frozenset(p.code for p in geothai.provinces())
_TRUE = {"true", "1", "yes", "y", "t"}
_FALSE = {"false", "0", "no", "n", "f"}


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one cell, column or file."""

    file: str
    code: str
    row: int | None = None
    column: str | None = None
    value: str | None = None
    params: dict = field(default_factory=dict, hash=False, compare=False)

    def message(self, lang: str = "th") -> str:
        """Return the full message in ``lang``: where, then what."""
        if self.row is not None or self.column is not None:
            where = t("where", lang, file=self.file, row=self.row if self.row else "-",
                      column=self.column or "-")
        else:
            where = t("where_file", lang, file=self.file)
        fields = {"value": self.value if self.value is not None else "", **self.params}
        return f"{where}: {t(self.code, lang, **fields)}"


class DatasetError(Exception):
    """A dataset failed to load or validate; ``problems`` says every reason."""

    def __init__(self, problems: list[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(p.message("en") for p in self.problems[:20]))

    def messages(self, lang: str = "th") -> list[str]:
        """Return every problem's message in ``lang``."""
        return [p.message(lang) for p in self.problems]


def read_csv_strings(source: Path | bytes | None, label: str
                     ) -> tuple[pd.DataFrame | None, list[Problem]]:
    """Read a CSV file (a path, or its bytes) as strings (UTF-8, with or without BOM),
    never guessing types; ``None`` is a missing file."""
    if source is None or (isinstance(source, Path) and not source.is_file()):
        return None, [Problem(label, "v_missing_file")]
    try:
        frame = pd.read_csv(io.BytesIO(source) if isinstance(source, bytes) else source,
                            dtype=str, keep_default_na=False, encoding="utf-8-sig")
    except pd.errors.EmptyDataError:
        return None, [Problem(label, "v_empty_file")]
    except (UnicodeDecodeError, pd.errors.ParserError, OSError) as exc:
        return None, [Problem(label, "v_unreadable", params={"detail": str(exc)[:200]})]
    frame.columns = [str(c).strip() for c in frame.columns]
    return frame, []


# Thai digits are accepted on purpose (๒๕๖๘ is how a Thai form may write 2568); every
# other way Python's float() would read a number (2_0_2_4, 2.024e3 for a whole number,
# "nan", other scripts' digits) is refused.
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_INT = re.compile(r"^[+-]?[0-9]+(\.0*)?$")
_FLOAT = re.compile(r"^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?$")
_YEAR_RANGE = {"min": str(YEAR_MIN), "max": str(YEAR_MAX), "min_be": str(YEAR_MIN + BE_OFFSET),
               "max_be": str(YEAR_MAX + BE_OFFSET)}
_DATE = re.compile(r"^([0-9]{4})(-([0-9]{2})(-([0-9]{2}))?)?$")


def _date_problem(raw: str) -> str | None:
    """``None`` if ``raw`` is a real date written YYYY, YYYY-MM or YYYY-MM-DD."""
    match = _DATE.fullmatch(raw)
    if match is None:
        return "v_date"
    year, month, day = match.group(1), match.group(3), match.group(5)
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return "v_date"
    return None


def _convert(col: Column, raw: str) -> tuple[object, str | None, dict]:
    """Convert one cell; return (value, problem code or None, params)."""
    if col.kind == "year":
        year = parse_year(raw)
        if year is not None:
            return year, None, {}
        digits = raw.translate(THAI_DIGITS)
        if not _INT.fullmatch(digits):
            return None, "v_year", _YEAR_RANGE
        return None, "v_range" if int(float(digits)) < 2400 else "v_buddhist_year", _YEAR_RANGE
    if col.kind == "int":
        digits = raw.translate(THAI_DIGITS)
        if not _INT.fullmatch(digits):
            return None, "v_not_int", {}
        return int(float(digits)), None, {}
    if col.kind == "float":
        digits = raw.translate(THAI_DIGITS)
        if not _FLOAT.fullmatch(digits):
            return None, "v_not_number", {}
        number = float(digits)
        if number in (float("inf"), float("-inf")):
            return None, "v_not_number", {}
        return number, None, {}
    if col.kind == "date":
        code = _date_problem(raw.translate(THAI_DIGITS))
        return (raw.translate(THAI_DIGITS), None, {}) if code is None else (None, code, {})
    if col.kind == "bool":
        low = raw.lower()
        if low in _TRUE:
            return True, None, {}
        if low in _FALSE:
            return False, None, {}
        return None, "v_not_bool", {}
    if col.kind == "province":
        return (raw, None, {}) if raw in PROVINCE_CODES else (None, "v_unknown_province", {})
    if col.choices is not None:
        value = canonical_choice(raw, col.choices)
        if value is None:
            return None, "v_choice", {"choices": ", ".join(col.choices)}
        raw = value
    if col.pattern is not None and not re.match(col.pattern, raw):
        return None, "v_pattern", {"expected": col.pattern_doc or col.pattern}
    return raw, None, {}


def _cell(col: Column, cell: object) -> tuple[object, str | None, dict]:
    """One cell's typed value, or its problem code ("v_required" for an empty required
    cell, whose value is what an empty optional cell holds)."""
    raw = unicodedata.normalize("NFC", str(cell).strip())
    if raw == "":
        empty = None if col.kind in ("int", "float", "bool", "year") else ""
        return empty, ("v_required" if col.required else None), {}
    value, code, params = _convert(col, raw)
    if code is None and col.kind in ("int", "float"):
        code, params = _range_problem(col, value)
    return value, code, params


def check_table(frame: pd.DataFrame, tbl: Table, label: str) -> tuple[pd.DataFrame, list[Problem]]:
    """Check a table read as strings; return it typed, with the problems found.

    Rows with a problem are kept out of the typed frame; the caller decides whether any
    problem is fatal (loading a dataset treats every problem as fatal).
    """
    problems: list[Problem] = []
    missing_optional = [c for c in tbl.optional_columns if c not in frame.columns]
    if missing_optional:  # a file written before the column existed
        frame = frame.assign(**{c: pd.Series([""] * len(frame), index=frame.index, dtype=object)
                                for c in missing_optional})
    present = list(frame.columns)
    for col in tbl.columns:
        if col.name not in present:
            problems.append(Problem(label, "v_missing_column", row=1, column=col.name))
    for name in present:
        if name not in tbl.column_names:
            problems.append(Problem(label, "v_unknown_column", row=1, column=name, value=name))
    if any(p.code == "v_missing_column" for p in problems):
        return pd.DataFrame(columns=[*tbl.column_names, "_row"]), problems

    records: list[dict] = []
    first_seen: dict[tuple, int] = {}
    # a cell's meaning depends only on its column and text, and a table repeats its texts
    # (years, levels, ids): each distinct one is converted once
    seen: dict[tuple[str, object], tuple[object, str | None, dict]] = {}
    columns = [frame.iloc[:, i].tolist() for i in range(len(present))]
    for index, raw_row in enumerate(zip(*columns, strict=True)):
        row_no = index + 2
        cells = dict(zip(present, raw_row, strict=True))
        record: dict = {}
        row_ok = True
        for col in tbl.columns:
            cell = cells[col.name]
            known = seen.get((col.name, cell))
            if known is None:
                known = seen[(col.name, cell)] = _cell(col, cell)
            value, code, params = known
            if code == "v_required":
                problems.append(Problem(label, code, row_no, col.name, ""))
                row_ok = False
                record[col.name] = value
                continue
            if code is not None:
                raw = unicodedata.normalize("NFC", str(cell).strip())
                problems.append(Problem(label, code, row_no, col.name, raw, params))
                row_ok = False
                continue
            record[col.name] = value
        if tbl.key and row_ok:
            key = tuple(str(record[k]).casefold() for k in tbl.key)
            if key in first_seen:
                shown = "/".join(str(record[k]) for k in tbl.key)
                problems.append(Problem(label, "v_duplicate", row_no, ",".join(tbl.key), shown,
                                        {"first_row": first_seen[key]}))
                row_ok = False
            else:
                first_seen[key] = row_no
        if row_ok:
            record["_row"] = row_no
            records.append(record)
    typed = pd.DataFrame.from_records(records, columns=[*tbl.column_names, "_row"])
    for col in tbl.columns:
        if col.kind in ("int", "year"):
            typed[col.name] = typed[col.name].astype("Int64")
        elif col.kind == "float":
            typed[col.name] = typed[col.name].astype("float64")
        elif col.kind == "bool":
            typed[col.name] = typed[col.name].astype("boolean")
        else:
            typed[col.name] = typed[col.name].astype(object)
    return typed, problems


def _range_problem(col: Column, value: float) -> tuple[str | None, dict]:
    too_low = col.min is not None and value < col.min
    too_high = col.max is not None and value > col.max
    if not (too_low or too_high):
        return None, {}
    return "v_range", {"min": _fmt(col.min), "max": _fmt(col.max)}


def _fmt(number: float | None) -> str:
    if number is None:
        return "…"
    return str(int(number)) if float(number).is_integer() else str(number)


def check_references(
    frame: pd.DataFrame, column: str, allowed: Iterable[str], label: str, code: str
) -> list[Problem]:
    """Report every row whose ``column`` value is not in ``allowed``."""
    allowed = set(allowed)
    bad = frame[~frame[column].isin(allowed)]
    return [Problem(label, code, int(r), column, str(v))
            for r, v in zip(bad["_row"], bad[column], strict=True)]
