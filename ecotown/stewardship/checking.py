"""Recognising each raw table's kind from its columns and checking every cell with the
schema (:func:`ecotown.model.validate.check_table`)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import pandas as pd

from ecotown.model.schema import TABLES, Table, table
from ecotown.model.text import visible_start
from ecotown.model.validate import check_table
from ecotown.stewardship.reading import RawTable
from ecotown.stewardship.uploads import KINDS, ImportProblem, make_problem, shorten

_FORMULA_START = re.compile(r"^(=|@|[+\-](?!\d|\.\d|$))")

# --- kinds and checking -----------------------------------------------------------------

def detect_kind(header: Iterable[str], hint: str | None = None) -> str | None:
    """The table kind a header belongs to, or ``None`` if it cannot be told.

    A kind whose required columns are all present and which has no unknown column wins;
    otherwise the kind sharing the most columns (at least half its required ones), with
    ``hint`` (a kind named by the sheet or file) breaking ties.
    """
    present = {str(h).strip().lower() for h in header} - {""}
    exact, scored = [], []
    for tbl in TABLES:
        names = set(tbl.column_names)
        required = {c.name for c in tbl.columns if c.required}
        overlap = len(present & names)
        if required <= present and present <= names:
            exact.append(tbl.kind)
        elif overlap * 2 >= len(required) and overlap:
            scored.append((overlap - len(present - names), tbl.kind))
    if len(exact) == 1:
        return exact[0]
    if exact:
        return hint if hint in exact else None
    if not scored:
        return None
    best = max(score for score, _ in scored)
    leaders = [kind for score, kind in scored if score == best]
    if hint in [kind for _, kind in scored]:
        return hint
    return leaders[0] if len(leaders) == 1 else None


def kind_of(raw: RawTable, kinds: Mapping[str, str]) -> tuple[str | None, ImportProblem | None]:
    chosen = kinds.get(raw.key) or kinds.get(raw.file)
    if chosen is not None:
        if chosen not in KINDS:
            return None, make_problem(raw.file, raw.sheet, "d_bad_kind", value=chosen,
                                  choices=", ".join(KINDS))
        return chosen, None
    kind = detect_kind(raw.header, raw.hint)
    if kind is None:
        return None, make_problem(raw.file, raw.sheet, "d_unknown_kind", raw.header_row,
                              columns=shorten(", ".join(raw.header)))
    return kind, None


def _formula_text_problems(raw: RawTable, tbl: Table, source: str) -> list[ImportProblem]:
    """Text cells a spreadsheet would run as a formula if the data were opened in one."""
    problems = []
    text_columns = [c.name for c in tbl.columns if c.kind == "str" and c.name in raw.header]
    positions = [raw.header.index(c) for c in text_columns]
    for number, row in zip(raw.row_numbers, raw.rows, strict=True):
        for column, position in zip(text_columns, positions, strict=True):
            cell = visible_start(row[position])
            if _FORMULA_START.match(cell) and (number, column) not in raw.reported:
                problems.append(make_problem(raw.file, raw.sheet, "d_formula_text", number, column,
                                         cell, char=cell[0]))
    return problems


@dataclass
class CheckedTable:
    raw: RawTable
    kind: str
    frame: pd.DataFrame  # typed, with _row and _file


def check_raw(raw: RawTable, kind: str, source: str) -> tuple[CheckedTable, list[ImportProblem]]:
    tbl = table(kind)
    frame = pd.DataFrame(raw.rows, columns=raw.header, dtype=object)
    if frame.empty:
        frame = pd.DataFrame({c: pd.Series([], dtype=object) for c in raw.header})
    for col in tbl.columns:  # an optional column may be left out of the file
        if not col.required and col.name not in frame.columns:
            frame[col.name] = pd.Series([""] * len(frame), dtype=object)
    typed, found = check_table(frame, tbl, source)

    def where(row: int | None) -> int | None:
        if row is None:
            return None
        return raw.header_row if row == 1 else raw.row_numbers[row - 2]

    problems = []
    for problem in found:
        row = where(problem.row)
        if (row, problem.column) in raw.reported:
            continue  # the cell already has its own message (formula, date, …)
        params = dict(problem.params)
        if "first_row" in params:
            params["first_row"] = where(int(params["first_row"]))
        problems.append(ImportProblem(raw.file, problem.code, row, problem.column,
                                      None if problem.value is None else shorten(problem.value),
                                      params, raw.sheet))
    problems += _formula_text_problems(raw, tbl, source)
    typed["_row"] = [where(int(r)) for r in typed["_row"]]
    typed["_file"] = source
    return CheckedTable(raw, kind, typed), problems
