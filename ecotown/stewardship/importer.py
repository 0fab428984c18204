"""Import stewards' files into a new version of a dataset: read, check, preview, commit.

1. :func:`read_files` reads CSV (UTF-8, UTF-8 with BOM, TIS-620/CP874) and XLSX (values
   only; a formula is reported, never evaluated) into raw text tables, within the caps.
2. :func:`preview` recognises each table's kind from its columns, checks every cell with
   :func:`ecotown.validate.check_table`, merges the tables into the latest version of the
   target dataset (or its base, for a new one) and checks the whole result with
   :func:`ecotown.dataset.check_dataset`, exactly as loading will. It reports every
   problem at once and what would change; nothing is written.
3. :func:`commit` writes the result as a complete new version (:mod:`ecotown.store`)
   under the lock, after the steward confirmed.

A table of a kind replaces the rows with the same key (``area_id``; ``area_id, year``;
…) and adds the others; with ``replace`` the imported table replaces the whole table.
"""

from __future__ import annotations

import csv
import getpass
import hashlib
import io
import json
import math
import os
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

import pandas as pd

from ecotown.i18n.labels import t
from ecotown.model.dataset import (
    BUILTIN,
    REFERENCES,
    check_dataset,
    dataset_names,
    load_dataset,
    read_tables,
)
from ecotown.model.schema import TABLES, Table, table
from ecotown.model.validate import DatasetError, Problem, check_table
from ecotown.present.safe_html import visible_start
from ecotown.stewardship.templates import INSTRUCTIONS_SHEET, format_cell, table_csv
from ecotown.store import files as store

__all__ = [
    "KINDS",
    "MAX_BYTES",
    "MAX_ROWS",
    "Caps",
    "Change",
    "ImportProblem",
    "Preview",
    "RawTable",
    "Upload",
    "action_text",
    "area_change_rows",
    "audit_rows",
    "change_rows",
    "check_steward",
    "commit",
    "dataset_rows",
    "detect_kind",
    "display_name",
    "files_text",
    "import_files",
    "preview",
    "preview_lines",
    "preview_tables",
    "problem_rows",
    "problem_text",
    "read_files",
    "restore",
    "summary_text",
    "version_rows",
]

KINDS = tuple(tbl.kind for tbl in TABLES)
MAX_BYTES = 20 * 1024 * 1024  # per file
MAX_ROWS = 200_000  # per table or sheet, blank rows included
MAX_UNZIPPED = 200 * 1024 * 1024  # an XLSX's content, unpacked
MAX_SHARED_STRINGS = 20 * 1024 * 1024  # its text table, unpacked (read whole into memory)
MAX_PROBLEMS = 1_000  # listed one by one; the rest are counted per file and column
MAX_CELL = 5_000  # characters
MAX_COLUMNS = 50
MAX_FILES = 30
MAX_SHOWN = 80  # characters of a bad value repeated in a message
MAX_STEWARD = 80
CAPS_ENV = {"max_bytes": "ECOTOWN_MAX_BYTES", "max_rows": "ECOTOWN_MAX_ROWS"}
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary .xls (and encrypted .xlsx)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# what a spreadsheet runs as a formula: =…, @…, +… or -… unless a number ("-5", "+66 2…")
_FORMULA_START = re.compile(r"^(=|@|[+\-](?!\d|\.\d|$))")
_DATE_COLUMNS = ("as_of",)


# --- inputs -----------------------------------------------------------------------------

@dataclass(frozen=True)
class Caps:
    """Limits on what one import may read (override them in tests)."""

    max_bytes: int = MAX_BYTES
    max_rows: int = MAX_ROWS
    max_unzipped: int = MAX_UNZIPPED
    max_shared_strings: int = MAX_SHARED_STRINGS
    max_problems: int = MAX_PROBLEMS
    max_cell: int = MAX_CELL
    max_columns: int = MAX_COLUMNS
    max_files: int = MAX_FILES

    def __post_init__(self) -> None:
        for name in ("max_bytes", "max_rows", "max_unzipped", "max_shared_strings",
                     "max_problems", "max_cell", "max_columns", "max_files"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"'{name}' should be a positive whole number, got {value!r}")

    @classmethod
    def from_env(cls) -> Caps:
        """The default caps, with ``ECOTOWN_MAX_BYTES`` / ``ECOTOWN_MAX_ROWS`` if set."""
        values = {}
        for name, env in CAPS_ENV.items():
            raw = os.environ.get(env, "").strip()
            if raw:
                if not raw.isdigit():
                    raise ValueError(f"{env} should be a positive whole number, got {raw!r}")
                values[name] = int(raw)
        return cls(**values)


def display_name(name: object) -> str:
    """A file name safe to show and log: no folders, no control characters, not too long."""
    text = re.split(r"[\\/]", str(name))[-1]
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()
    if text in ("", ".", ".."):
        text = "upload"
    return text if len(text) <= 120 else text[:119] + "…"


@dataclass(frozen=True)
class Upload:
    """One file to import: its shown name, bytes (empty if over the size cap) and size."""

    name: str
    data: bytes = field(repr=False)
    size: int
    sha256: str

    @classmethod
    def from_bytes(cls, name: object, data: bytes) -> Upload:
        """An upload from memory (e.g. Streamlit's ``UploadedFile.getvalue()``)."""
        if not isinstance(data, bytes | bytearray | memoryview):
            raise TypeError(f"'data' should be bytes, got {type(data)}")
        data = bytes(data)
        return cls(display_name(name), data, len(data), hashlib.sha256(data).hexdigest())

    @classmethod
    def from_path(cls, path: str | Path, caps: Caps | None = None) -> Upload:
        """An upload read from disk; a file over the size cap is not read at all."""
        caps = caps or Caps.from_env()
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"'path' should be a file, got {str(path)!r}")
        size = path.stat().st_size
        if size > caps.max_bytes:
            return cls(display_name(path.name), b"", size, "")
        return cls.from_bytes(path.name, path.read_bytes())


@dataclass(frozen=True)
class ImportProblem(Problem):
    """A :class:`~ecotown.validate.Problem` that also names the sheet of a workbook."""

    sheet: str = ""

    def message(self, lang: str = "th") -> str:
        """Return the full message in ``lang``: file, sheet, row and column, then what."""
        if not self.file:
            return problem_text(self, lang)
        if not self.sheet:
            return super().message(lang)
        if self.row is not None or self.column is not None:
            where = t("d_where_sheet", lang, file=self.file, sheet=self.sheet,
                      row=self.row if self.row else "-", column=self.column or "-")
        else:
            where = t("d_where_file_sheet", lang, file=self.file, sheet=self.sheet)
        return f"{where}: {problem_text(self, lang)}"


def problem_text(problem: Problem, lang: str = "th") -> str:
    """What is wrong, in ``lang``, without where (for a table with its own columns)."""
    fields = {"value": problem.value if problem.value is not None else "", **problem.params}
    return t(problem.code, lang, **fields)


def _shown(value: object) -> str:
    text = str(value)
    return text if len(text) <= MAX_SHOWN else text[:MAX_SHOWN - 1] + "…"


def _problem(file: str, sheet: str, code: str, row: int | None = None,
             column: str | None = None, value: object = None, **params: object) -> ImportProblem:
    return ImportProblem(file, code, row, column, None if value is None else _shown(value),
                         params, sheet)


# --- reading ----------------------------------------------------------------------------

@dataclass
class RawTable:
    """One table as read from a CSV file or a workbook sheet, every cell as text."""

    file: str
    sheet: str
    header: list[str]
    header_row: int
    rows: list[list[str]]
    row_numbers: list[int]
    encoding: str
    problems: list[ImportProblem] = field(default_factory=list)
    reported: set[tuple[int, str]] = field(default_factory=set)

    @property
    def key(self) -> str:
        """``file`` or ``file#sheet``: how ``kinds`` overrides name this table."""
        return f"{self.file}#{self.sheet}" if self.sheet else self.file

    @property
    def hint(self) -> str | None:
        """A kind named by the sheet or the file name (``assessments.csv``), if any."""
        for name in (self.sheet, Path(self.file).stem):
            if name.strip().lower() in KINDS:
                return name.strip().lower()
        return None


def read_files(uploads: Sequence[Upload], caps: Caps | None = None
               ) -> tuple[list[RawTable], list[ImportProblem]]:
    """Read every upload into raw tables; return them with the problems of reading.

    Never raises for the content of a file: an unreadable, empty, too large or binary
    file becomes a problem that names it.
    """
    caps = caps or Caps.from_env()
    if isinstance(uploads, Upload) or not all(isinstance(u, Upload) for u in uploads):
        raise TypeError("'uploads' should be a sequence of Upload")
    problems: list[ImportProblem] = []
    if not uploads:
        return [], [_problem("", "", "d_no_files")]
    if len(uploads) > caps.max_files:
        return [], [_problem("", "", "d_too_many_files", value=len(uploads),
                             limit=caps.max_files)]
    tables: list[RawTable] = []
    seen: dict[str, int] = {}
    for upload in uploads:
        name = upload.name
        if name in seen:  # two uploads with one name: keep them apart in every message
            seen[name] += 1
            stem, dot, ext = name.rpartition(".")
            name = f"{stem} ({seen[name]}).{ext}" if dot else f"{name} ({seen[name]})"
        seen.setdefault(name, 1)
        found, read_problems = _read_upload(upload, name, caps)
        tables += found
        problems += read_problems
    return tables, problems


def _read_upload(upload: Upload, name: str, caps: Caps
                 ) -> tuple[list[RawTable], list[ImportProblem]]:
    if upload.size > caps.max_bytes:
        return [], [_problem(name, "", "d_too_large", value=_mb(upload.size),
                             limit=_mb(caps.max_bytes))]
    data = upload.data
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        return [], [_problem(name, "", "v_empty_file")]
    if data.startswith(_OLE):
        return [], [_problem(name, "", "d_old_xls")]
    if data.startswith(b"PK\x03\x04") or name.lower().endswith((".xlsx", ".xlsm")):
        return _read_xlsx(data, name, caps)
    return _read_csv(data, name, caps)


def _mb(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}"


def _decode(data: bytes) -> tuple[str, str] | tuple[None, int] | None:
    """The text and its encoding; ``(None, offset)`` for a file of mixed encodings.

    A file that is UTF-8 but for some bytes (a TIS-620 character pasted into UTF-8 text)
    would read as TIS-620 mojibake. Thai in UTF-8 takes three bytes a character, which
    TIS-620 text rarely forms by chance (two-byte forms it often does): when at least three
    characters decode from UTF-8 sequences of three or more bytes, and at least twice as
    many as the bytes that fail, the file is refused with the offset of its first byte
    that is not UTF-8.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            return None
    try:
        text = data.decode("utf-8-sig")
        return text, "utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start + (3 if data.startswith(b"\xef\xbb\xbf") else 0)
    loose = data.decode("utf-8", errors="replace")
    bad = loose.count("\ufffd")
    good = sum(1 for ch in loose if ord(ch) >= 0x800 and ch != "\ufffd")
    if good >= 3 and good >= 2 * bad:
        return None, first_bad
    try:
        return data.decode("cp874"), "tis-620"
    except UnicodeDecodeError:
        return None


def _read_csv(data: bytes, name: str, caps: Caps) -> tuple[list[RawTable], list[ImportProblem]]:
    decoded = _decode(data)
    if decoded is not None and decoded[0] is None:
        return [], [_problem(name, "", "d_mixed_encoding", value=decoded[1])]
    if decoded is None or "\x00" in decoded[0]:
        return [], [_problem(name, "", "d_not_text")]
    text, encoding = decoded
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for number, record in enumerate(reader, start=1):
            if number > caps.max_rows + 1:
                return [], [_problem(name, "", "d_too_many_rows", limit=caps.max_rows)]
            records.append((number, record))
    except csv.Error as exc:
        return [], [_problem(name, "", "d_csv_error", row=len(records) + 1,
                             detail=_shown(exc))]
    return _table_from_records(records, name, "", encoding, caps, {})


def _table_from_records(records: list[tuple[int, list[str]]], name: str, sheet: str,
                        encoding: str, caps: Caps, reported: dict[tuple[int, int], ImportProblem]
                        ) -> tuple[list[RawTable], list[ImportProblem]]:
    """Build a raw table from (row number, cells); the first non-blank record is the header."""
    records = [(n, cells) for n, cells in records if any(str(c).strip() for c in cells)]
    if not records:
        return [], [_problem(name, sheet, "v_empty_file")]
    header_row, header_cells = records[0]
    problems: list[ImportProblem] = []
    header = [str(c).strip().lower() for c in header_cells]
    if len(header) > caps.max_columns:
        return [], [_problem(name, sheet, "d_too_many_columns", header_row,
                             value=len(header), limit=caps.max_columns)]
    width = len(header)
    rows: list[list[str]] = []
    numbers: list[int] = []
    extra: set[int] = set()
    for number, cells in records[1:]:
        cells = [str(c) for c in cells]
        if len(cells) > width:
            extra.update(i for i in range(width, len(cells)) if cells[i].strip())
            cells = cells[:width]
        rows.append(cells + [""] * (width - len(cells)))
        numbers.append(number)
    keep: list[int] = []
    for index, head in enumerate(header):
        filled = any(row[index].strip() for row in rows)
        if not head:
            if filled:
                letter = _column_letter(index)
                problems.append(_problem(name, sheet, "d_unnamed_column", header_row, letter,
                                         letter))
            continue
        if head in [header[i] for i in keep]:
            problems.append(_problem(name, sheet, "d_duplicate_column", header_row, head,
                                     head))
            continue
        keep.append(index)
    for index in sorted(extra):
        letter = _column_letter(index)
        problems.append(_problem(name, sheet, "d_unnamed_column", header_row, letter, letter))
    raw = RawTable(name, sheet, [header[i] for i in keep], header_row,
                   [[row[i] for i in keep] for row in rows], numbers, encoding, problems)
    for (number, index), problem in sorted(reported.items()):
        column = header[index] if index < len(header) and header[index] \
            else _column_letter(index)
        raw.problems.append(ImportProblem(problem.file, problem.code, number, column,
                                          problem.value, problem.params, problem.sheet))
        raw.reported.add((number, column))
    for position, row in enumerate(raw.rows):
        for head, cell in zip(raw.header, row, strict=True):
            if len(cell) > caps.max_cell:
                raw.problems.append(_problem(name, sheet, "d_cell_too_long",
                                             raw.row_numbers[position], head, cell,
                                             length=len(cell), limit=caps.max_cell))
                raw.reported.add((raw.row_numbers[position], head))
            elif _CONTROL.search(cell):
                raw.problems.append(_problem(name, sheet, "d_control_char",
                                             raw.row_numbers[position], head,
                                             cell.encode("unicode_escape").decode("ascii")))
                raw.reported.add((raw.row_numbers[position], head))
    return [raw], []


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return f"({letters})"


def _read_xlsx(data: bytes, name: str, caps: Caps) -> tuple[list[RawTable], list[ImportProblem]]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
            strings = sum(info.file_size for info in archive.infolist()
                          if info.filename.lower().endswith("sharedstrings.xml"))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
        return [], [_problem(name, "", "d_bad_xlsx", detail=_shown(exc))]
    if unpacked > caps.max_unzipped:
        return [], [_problem(name, "", "d_unzipped_too_large", value=_mb(unpacked),
                             limit=_mb(caps.max_unzipped))]
    if strings > caps.max_shared_strings:
        return [], [_problem(name, "", "d_shared_strings_too_large", value=_mb(strings),
                             limit=_mb(caps.max_shared_strings))]
    import openpyxl  # imported here: only XLSX uploads need it

    tables: list[RawTable] = []
    problems: list[ImportProblem] = []
    # openpyxl parses an untrusted file: any exception it raises means "not readable"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True,
                                              data_only=False, keep_links=False)
        except Exception as exc:
            return [], [_problem(name, "", "d_bad_xlsx", detail=_shown(exc))]
        try:
            sheets = [ws for ws in workbook.worksheets
                      if ws.title.strip().lower() != INSTRUCTIONS_SHEET]
            for sheet in sheets:
                if getattr(sheet, "sheet_state", "visible") != "visible":
                    problems += _hidden_sheet(sheet, name, caps)
                    continue
                try:
                    found, sheet_problems = _read_sheet(sheet, name, caps)
                except Exception as exc:
                    found, sheet_problems = [], [_problem(name, sheet.title, "d_bad_xlsx",
                                                          detail=_shown(exc))]
                tables += found
                problems += sheet_problems
        finally:
            workbook.close()
    if not tables and not problems:
        problems.append(_problem(name, "", "v_empty_file"))
    return tables, problems


def _hidden_sheet(sheet, name: str, caps: Caps) -> list[ImportProblem]:
    """A hidden or very hidden sheet is never imported; if it holds data, say so."""
    for cells in sheet.iter_rows(max_row=caps.max_rows + 1, max_col=caps.max_columns,
                                 values_only=True):
        if any(c is not None and str(c).strip() for c in cells):
            return [_problem(name, _shown(sheet.title), "d_hidden_sheet",
                             value=sheet.sheet_state)]
    return []


def _read_sheet(sheet, name: str, caps: Caps) -> tuple[list[RawTable], list[ImportProblem]]:
    title = _shown(sheet.title)
    sheet.reset_dimensions()  # never trust the stated used range of an uploaded file
    records: list[tuple[int, list[str]]] = []
    reported: dict[tuple[int, int], ImportProblem] = {}
    header: list[str] | None = None
    number = 0
    for count, cells in enumerate(sheet.iter_rows(max_col=caps.max_columns + 1), start=1):
        number = next((c.row for c in cells if getattr(c, "row", None)), number + 1)
        if count > caps.max_rows + 1 or number > caps.max_rows + 1:
            return [], [_problem(name, title, "d_too_many_rows", limit=caps.max_rows)]
        texts = []
        for index, cell in enumerate(cells):
            text, problem = _cell_text(cell, name, title, header, index)
            if problem is not None:
                reported[(number, index)] = problem
            texts.append(text)
        if header is None and any(t_.strip() for t_ in texts):
            header = [number, [t_.strip().lower() for t_ in texts]]
            if texts and len(texts) > caps.max_columns and texts[caps.max_columns].strip():
                return [], [_problem(name, title, "d_too_many_columns", number,
                                     value=f"> {caps.max_columns}", limit=caps.max_columns)]
        records.append((number, texts))
    if header is None:
        return [], []  # an empty sheet besides data sheets is no problem
    trimmed = [(n, cells[:caps.max_columns]) for n, cells in records]
    width = max((i + 1 for _, cells in trimmed for i, c in enumerate(cells) if c.strip()),
                default=0)
    trimmed = [(n, cells[:width]) for n, cells in trimmed]
    return _table_from_records(trimmed, name, title, "xlsx", caps, reported)


def _cell_text(cell, name: str, sheet: str, header: list | None, index: int
               ) -> tuple[str, ImportProblem | None]:
    """One workbook cell as text, or a problem (formula, Excel date or error)."""
    value = cell.value
    if value is None:
        return "", None
    column = None
    if header is not None and index < len(header[1]):
        column = header[1][index] or None
    if cell.data_type == "f" or type(value).__name__ in ("ArrayFormula", "DataTableFormula"):
        formula = getattr(value, "text", value)
        return "", _problem(name, sheet, "d_formula", None, column, formula)
    if cell.data_type == "e":
        return "", _problem(name, sheet, "d_excel_error", None, column, value)
    if isinstance(value, datetime | date | time):
        if column in _DATE_COLUMNS and isinstance(value, datetime | date) \
                and not isinstance(value, time):
            return value.strftime("%Y-%m-%d"), None
        shown = value.date() if isinstance(value, datetime) and value.time() == time() \
            else value
        return "", _problem(name, sheet, "d_excel_date", None, column, shown.isoformat())
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value)), None
        return repr(value), None
    return str(value), None


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


def _kind_of(raw: RawTable, kinds: Mapping[str, str]) -> tuple[str | None, ImportProblem | None]:
    chosen = kinds.get(raw.key) or kinds.get(raw.file)
    if chosen is not None:
        if chosen not in KINDS:
            return None, _problem(raw.file, raw.sheet, "d_bad_kind", value=chosen,
                                  choices=", ".join(KINDS))
        return chosen, None
    kind = detect_kind(raw.header, raw.hint)
    if kind is None:
        return None, _problem(raw.file, raw.sheet, "d_unknown_kind", raw.header_row,
                              columns=_shown(", ".join(raw.header)))
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
                problems.append(_problem(raw.file, raw.sheet, "d_formula_text", number, column,
                                         cell, char=cell[0]))
    return problems


@dataclass
class _Checked:
    raw: RawTable
    kind: str
    frame: pd.DataFrame  # typed, with _row and _file


def _check_raw(raw: RawTable, kind: str, source: str) -> tuple[_Checked, list[ImportProblem]]:
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
                                      None if problem.value is None else _shown(problem.value),
                                      params, raw.sheet))
    problems += _formula_text_problems(raw, tbl, source)
    typed["_row"] = [where(int(r)) for r in typed["_row"]]
    typed["_file"] = source
    return _Checked(raw, kind, typed), problems


# --- preview ----------------------------------------------------------------------------

@dataclass
class Change:
    """What an import changes in one table: keys added, changed, removed; unchanged rows."""

    kind: str
    added: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    unchanged: int = 0
    replaced_table: bool = False
    changed_columns: dict[str, list[str]] = field(default_factory=dict)

    def counts(self) -> dict:
        """JSON-ready counts, for the audit log."""
        return {"added": len(self.added), "changed": len(self.changed),
                "removed": len(self.removed), "unchanged": self.unchanged,
                "replaced_table": self.replaced_table}


@dataclass
class Preview:
    """What an import would do: the tables read, every problem, and the changes."""

    dataset: str | None
    new: bool
    base: str
    base_version: str | None
    uploads: list[Upload]
    tables: list[dict]
    problems: list[ImportProblem]
    changes: dict[str, Change]
    notes: list[str] = field(default_factory=list)
    replace: tuple[str, ...] = ()
    meta: dict = field(default_factory=dict, repr=False)
    result: dict[str, pd.DataFrame] | None = field(default=None, repr=False)
    _raw: list[RawTable] = field(default_factory=list, repr=False)
    _read_problems: list[ImportProblem] = field(default_factory=list, repr=False)
    _kinds: dict[str, str] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        """Whether the import can be committed (no problem at all)."""
        return not self.problems and self.result is not None

    @property
    def changed(self) -> bool:
        """Whether anything would change."""
        return any(c.added or c.changed or c.removed for c in self.changes.values())

    def summary(self) -> dict:
        """JSON-ready: per kind the counts, and the area ids added, changed and removed."""
        areas = self.changes.get("areas")
        return {
            "kinds": {kind: change.counts() for kind, change in self.changes.items()},
            "areas": {"added": areas.added[:100], "changed": areas.changed[:100],
                      "removed": areas.removed[:100]} if areas else {},
        }


def _check_kinds_arg(kinds: Mapping[str, str] | None) -> dict[str, str]:
    if kinds is None:
        return {}
    if not isinstance(kinds, Mapping):
        raise TypeError(f"'kinds' should map file names to kinds, got {type(kinds)}")
    chosen = {}
    for key, kind in kinds.items():
        chosen[display_name(key)] = str(kind)
        file, hash_, sheet = str(key).rpartition("#")
        if hash_ and file:  # "book.xlsx#areas": one sheet of a workbook
            chosen[f"{display_name(file)}#{sheet}"] = str(kind)
    return chosen


def _check_replace(replace: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(str(k) for k in replace))
    bad = [k for k in chosen if k not in KINDS]
    if bad:
        raise store.StoreError("d_bad_kind", bad[0], choices=", ".join(KINDS))
    return chosen


def preview(uploads: Sequence[Upload], dataset: str | None, *, base: str | None = None,
            kinds: Mapping[str, str] | None = None, replace: Iterable[str] = (),
            caps: Caps | None = None) -> Preview:
    """Check files against a dataset and say what importing them would change.

    Parameters
    ----------
    uploads
        The files.
    dataset
        The target dataset's name (new or imported; see :func:`ecotown.store.check_name`);
        ``None`` only validates against ``base`` (such a preview cannot be committed).
    base
        For a new dataset, the dataset it starts from (``public`` by default); ignored,
        with a note, for an existing one.
    kinds
        Kinds chosen by the steward, by file name or ``file#sheet``; other tables are
        recognised from their columns.
    replace
        Kinds whose imported table replaces the whole table instead of merging by key.
    caps
        Reading limits (:class:`Caps`; ``Caps.from_env()`` by default).

    Raises
    ------
    StoreError
        For a bad dataset name, an unknown base or kind.
    """
    raws, problems = read_files(list(uploads), caps)
    return preview_tables(raws, problems, dataset, uploads=uploads, base=base, kinds=kinds,
                          replace=replace)


def preview_tables(raws: Sequence[RawTable], read_problems: Sequence[ImportProblem],
                   dataset: str | None, *, uploads: Sequence[Upload] = (),
                   base: str | None = None, kinds: Mapping[str, str] | None = None,
                   replace: Iterable[str] = ()) -> Preview:
    """:func:`preview` for tables already read with :func:`read_files` (the page reads
    the uploads once and previews again whenever the steward changes a choice)."""
    name = None if dataset is None else store.check_name(dataset)
    chosen = _check_kinds_arg(kinds)
    replace = _check_replace(replace)
    raws, problems = list(raws), list(read_problems)
    known = {r.key for r in raws} | {r.file for r in raws} | {u.name for u in uploads}
    for key in chosen:
        file, hash_, _ = key.rpartition("#")
        if key not in known and not (hash_ and file in known):
            problems.append(_problem("", "", "d_kind_for_unknown_file", value=key))
    result = _build(name, raws, problems, base, chosen, replace)
    result.uploads = list(uploads)
    return result


def _base_for(name: str | None, base: str | None) -> tuple[str, str | None, Path, list[str]]:
    """(label, version, directory, notes) of what the import is compared with."""
    latest = None if name is None else store.latest_version(name)
    if latest is not None:
        notes = ["d_base_ignored"] if base not in (None, "", name) else []
        return f"{name} v{latest}", latest, store.version_path(name, latest), notes
    base = base or "public"
    if base not in dataset_names():
        raise store.StoreError("d_unknown_base", base, choices=", ".join(dataset_names()))
    if base in BUILTIN:
        return base, None, BUILTIN[base], []
    return f"{base} v{store.latest_version(base)}", None, store.version_path(base), []


def _keys(frame: pd.DataFrame, tbl: Table) -> list[tuple[str, ...]]:
    columns = [frame[k].tolist() for k in tbl.key]
    key_cols = [tbl.column(k) for k in tbl.key]
    return [tuple(format_cell(v, c) for v, c in zip(cells, key_cols, strict=True))
            for cells in zip(*columns, strict=True)]


def _signatures(frame: pd.DataFrame, tbl: Table) -> list[tuple[str, ...]]:
    columns = [frame[c].tolist() for c in tbl.column_names]
    return [tuple(format_cell(v, c) for v, c in zip(cells, tbl.columns, strict=True))
            for cells in zip(*columns, strict=True)]


def _merge(base: pd.DataFrame, new: pd.DataFrame, tbl: Table, replace: bool
           ) -> tuple[pd.DataFrame, Change]:
    change = Change(tbl.kind, replaced_table=replace)
    base_keys, new_keys = _keys(base, tbl), _keys(new, tbl)
    base_sigs, new_sigs = _signatures(base, tbl), _signatures(new, tbl)
    base_at = {k: i for i, k in enumerate(base_keys)}
    new_keyset = set(new_keys)
    for key, sig in zip(new_keys, new_sigs, strict=True):
        shown = "/".join(key)
        if key not in base_at:
            change.added.append(shown)
        elif base_sigs[base_at[key]] != sig:
            change.changed.append(shown)
            old = base_sigs[base_at[key]]
            change.changed_columns[shown] = [c for c, a, b in zip(tbl.column_names, old, sig,
                                                                    strict=True) if a != b]
        else:
            change.unchanged += 1
    if replace:
        change.removed = ["/".join(k) for k in base_keys if k not in new_keyset]
        return new.reset_index(drop=True), change
    change.unchanged += sum(1 for k in base_keys if k not in new_keyset)
    kept_at = [i for i, k in enumerate(base_keys) if k not in new_keyset]
    kept = base.iloc[kept_at].copy()
    kept["_order"] = kept_at
    added = new.copy()
    added["_order"] = [base_at.get(k, len(base_keys) + j) for j, k in enumerate(new_keys)]
    pieces = [p for p in (kept, added) if not p.empty]
    if not pieces:
        return base.iloc[0:0].copy(), change
    merged = pd.concat(pieces, ignore_index=True) if len(pieces) > 1 else pieces[0]
    merged = merged.sort_values("_order", kind="stable").drop(columns="_order")
    for col in tbl.columns:  # concat may widen a dtype when one side is empty
        merged[col.name] = merged[col.name].astype(base[col.name].dtype)
    return merged.reset_index(drop=True), change


def _build(name: str | None, raws: list[RawTable], read_problems: list[ImportProblem],
           base: str | None, kinds: dict[str, str], replace: tuple[str, ...]) -> Preview:
    problems: list[ImportProblem] = list(read_problems)
    checked: list[_Checked] = []
    sources: dict[str, tuple[str, str]] = {}
    for index, raw in enumerate(raws):
        problems += raw.problems
        kind, problem = _kind_of(raw, kinds)
        if problem is not None:
            problems.append(problem)
            continue
        source = f"#upload-{index}"
        sources[source] = (raw.file, raw.sheet)
        one, found = _check_raw(raw, kind, source)
        checked.append(one)
        problems += found
    label, version, directory, notes = _base_for(name, base)
    meta, base_frames, base_problems = read_tables(directory)
    if base_problems:
        raise DatasetError(base_problems)
    tables = [{"file": c.raw.file, "sheet": c.raw.sheet, "kind": c.kind,
               "rows": len(c.raw.rows), "encoding": c.raw.encoding} for c in checked]
    frames: dict[str, pd.DataFrame] = {}
    changes: dict[str, Change] = {}
    claimed: dict[str, set[str]] = {"area_id": set(), "indicator_id": set(),
                                     "dimension_id": set()}
    for tbl in TABLES:
        based = base_frames[tbl.kind].copy()
        based["_file"] = f"{tbl.filename} ({label})"
        mine = [c for c in checked if c.kind == tbl.kind]
        for c in mine:
            id_column = tbl.key[0] if tbl.key and tbl.key[0] in claimed else None
            if id_column and id_column in c.raw.header and len(tbl.key) == 1:
                position = c.raw.header.index(id_column)
                claimed[id_column] |= {row[position].strip() for row in c.raw.rows}
        if not mine:
            if tbl.kind in replace:
                problems.append(_problem("", "", "d_replace_without_file", value=tbl.kind))
            frames[tbl.kind] = based
            continue
        new, duplicate_problems = _combine(mine, tbl, sources)
        problems += duplicate_problems
        frames[tbl.kind], changes[tbl.kind] = _merge(based, new, tbl, tbl.kind in replace)
    for problem in check_dataset(frames, extra_ids=claimed):
        file, sheet = sources.get(problem.file, (problem.file, ""))
        problems.append(ImportProblem(file, problem.code, problem.row, problem.column,
                                      problem.value, problem.params, sheet))
    problems += _rejected_row_references(checked, frames, claimed, problems)
    rank = {raw.file: i for i, raw in reversed(list(enumerate(raws)))}
    problems.sort(key=lambda p: (rank.get(p.file, len(rank)), p.sheet, p.row or 0))
    problems = cap_problems(problems)
    new_meta = _meta(name, meta, frames, label)
    result = None if problems else frames
    return Preview(name, version is None, label, version, [], tables, problems, changes, notes,
                   replace, new_meta, result, raws, list(read_problems), dict(kinds))


def cap_problems(problems: Sequence[ImportProblem], limit: int = MAX_PROBLEMS
                 ) -> list[ImportProblem]:
    """The first ``limit`` problems, then one count per file, sheet and column of the rest.

    200,000 bad rows would otherwise print over a million messages; the counts keep every
    column's trouble visible in a list a person can read.
    """
    problems = list(problems)
    if len(problems) <= limit:
        return problems
    rest: dict[tuple[str, str, str | None], int] = {}
    for problem in problems[limit:]:
        where = (problem.file, getattr(problem, "sheet", ""), problem.column)
        rest[where] = rest.get(where, 0) + 1
    counted = [_problem(file, sheet, "d_more_problems", None, column, value=count,
                        limit=limit) for (file, sheet, column), count in rest.items()]
    return problems[:limit] + counted


def _rejected_row_references(checked: list[_Checked], frames: dict[str, pd.DataFrame],
                              claimed: dict[str, set[str]], found: list[ImportProblem]
                              ) -> list[ImportProblem]:
    """References in rows rejected for another reason (so every problem shows at once)."""
    known = {"area_id": set(frames["areas"]["area_id"]),
             "indicator_id": set(frames["indicators"]["indicator_id"]),
             "dimension_id": set(frames["dimensions"]["dimension_id"])}
    seen = {(p.file, p.sheet, p.row, p.column) for p in found}
    problems = []
    for c in checked:
        accepted = set(c.frame["_row"])
        for kind, column, code in REFERENCES:
            if kind != c.kind or column not in c.raw.header:
                continue
            position = c.raw.header.index(column)
            allowed = known[column] | claimed[column]
            for number, row in zip(c.raw.row_numbers, c.raw.rows, strict=True):
                value = row[position].strip()
                if number in accepted or not value or value in allowed \
                        or (c.raw.file, c.raw.sheet, number, column) in seen:
                    continue
                problems.append(_problem(c.raw.file, c.raw.sheet, code, number, column, value))
    return problems


def _combine(mine: list[_Checked], tbl: Table, sources: dict[str, tuple[str, str]]
             ) -> tuple[pd.DataFrame, list[ImportProblem]]:
    """One frame from every imported table of a kind; a key in two files is a problem."""
    if not mine:
        empty = pd.DataFrame({c: pd.Series([], dtype=object) for c in tbl.column_names})
        return _typed_like(empty, tbl), []
    frames = [c.frame for c in mine]
    new = pd.concat(frames, ignore_index=True) if len(frames) > 1 else frames[0]
    if len(frames) == 1:
        return new, []
    problems = []
    first: dict[tuple[str, ...], tuple[str, int]] = {}
    keep = []
    for key, source, row in zip(_keys(new, tbl), new["_file"], new["_row"], strict=True):
        if key in first:
            other_source, other_row = first[key]
            file, sheet = sources[source]
            other_file, other_sheet = sources[other_source]
            other = f"{other_file} [{other_sheet}]" if other_sheet else other_file
            problems.append(_problem(file, sheet, "d_duplicate_other_file", int(row),
                                     ",".join(tbl.key), "/".join(key), other=other,
                                     first_row=other_row))
            keep.append(False)
        else:
            first[key] = (source, int(row))
            keep.append(True)
    return new[keep].reset_index(drop=True), problems


def _typed_like(frame: pd.DataFrame, tbl: Table) -> pd.DataFrame:
    typed, _ = check_table(frame, tbl, "")
    typed["_file"] = pd.Series([], dtype=object)
    return typed


def _meta(name: str | None, meta: dict, frames: dict[str, pd.DataFrame], label: str) -> dict:
    synthetic = bool(meta.get("synthetic")) or any(
        (frames[kind][column] == "synthetic").any()
        for kind, column in (("areas", "phase_basis"), ("assessments", "basis")))
    kept = {k: v for k, v in meta.items()
            if k not in ("id", "title_th", "title_en", "description_th", "description_en",
                         "seed")}
    return {
        **kept,
        "id": name,
        "title_th": meta.get("title_th") if meta.get("id") == name else name,
        "title_en": meta.get("title_en") if meta.get("id") == name else name,
        "synthetic": synthetic,
        "imported": True,
        "base": meta.get("base") or label,
        "description_th": meta.get("description_th") if meta.get("id") == name
        else t("d_meta_description", "th", base=label),
        "description_en": meta.get("description_en") if meta.get("id") == name
        else t("d_meta_description", "en", base=label),
    }


# --- writing ----------------------------------------------------------------------------

def check_steward(steward: object) -> str:
    """Return the steward's name cleaned, or raise naming the value (empty, too long, …)."""
    if steward is None:
        try:
            steward = getpass.getuser()
        except (KeyError, OSError):
            steward = "unknown"
    if not isinstance(steward, str):
        raise store.StoreError("d_bad_steward", type(steward).__name__)
    cleaned = " ".join(steward.split())
    if not cleaned or len(cleaned) > MAX_STEWARD or _CONTROL.search(cleaned):
        raise store.StoreError("d_bad_steward", cleaned or steward, limit=MAX_STEWARD)
    return cleaned


def _serialise(result: dict[str, pd.DataFrame], meta: dict) -> dict[str, bytes]:
    files = {tbl.filename: table_csv(result[tbl.kind], tbl.kind) for tbl in TABLES}
    files["dataset.json"] = (json.dumps(meta, ensure_ascii=False, indent=2, sort_keys=True)
                             + "\n").encode("utf-8")
    return files


def _verify(directory: Path) -> None:
    load_dataset(directory)


def commit(plan: Preview, steward: str | None, *, rebase: bool = False
           ) -> tuple[str, Preview]:
    """Write a checked preview as the next version of its dataset; return (version, preview).

    Parameters
    ----------
    plan
        A :class:`Preview` without problems.
    steward
        Who imports (logged); ``None`` takes the login name.
    rebase
        If another import landed since the preview, merge into the new latest version
        (the command line does); otherwise refuse with ``d_changed_since_preview`` so the
        steward sees the new preview first (the page does).

    Raises
    ------
    DatasetError
        If the preview (or its rebased successor) has problems, or the written version
        would not load.
    StoreError
        If the dataset changed since the preview (without ``rebase``) or the lock is busy.
    """
    if not isinstance(plan, Preview) or plan.dataset is None:
        raise TypeError(f"'plan' should be a Preview of a named dataset, got {plan!r:.80}")
    if not plan.ok:
        raise DatasetError(plan.problems or [_problem("", "", "d_nothing_to_import")])
    who = check_steward(steward)
    with store.locked():
        current = plan
        if store.latest_version(plan.dataset) != plan.base_version:
            if not rebase:
                raise store.StoreError("d_changed_since_preview", plan.dataset)
            current = _build(plan.dataset, plan._raw, plan._read_problems, None, plan._kinds,
                             plan.replace)
            current.uploads = plan.uploads
            if not current.ok:
                raise DatasetError(current.problems)
        if not current.new and not current.changed:
            raise store.StoreError("d_nothing_to_import", plan.dataset)
        record = {
            "action": "import",
            "steward": who,
            "base": current.base,
            "files": [{"name": u.name, "sha256": u.sha256, "size": u.size}
                      for u in current.uploads],
            "tables": current.tables,
            "changes": current.summary(),
        }
        version = store.commit_version(plan.dataset, _serialise(current.result, current.meta),
                                       record, verify=_verify)
    return version, current


def import_files(uploads: Sequence[Upload], dataset: str, steward: str | None = None, *,
                 base: str | None = None, kinds: Mapping[str, str] | None = None,
                 replace: Iterable[str] = (), caps: Caps | None = None
                 ) -> tuple[str, Preview]:
    """Preview and commit in one step (``--yes``); raise :class:`DatasetError` on problems."""
    plan = preview(uploads, dataset, base=base, kinds=kinds, replace=replace, caps=caps)
    if not plan.ok:
        raise DatasetError(plan.problems)
    return commit(plan, steward, rebase=True)


def restore(dataset: str, version: object, steward: str | None) -> str:
    """Publish a copy of an old version as the newest version; return its number."""
    name = store.check_name(dataset)
    old = store.check_version(version)
    who = check_steward(steward)
    with store.locked():
        files = store.version_files(name, old)
        record = {"action": "restore", "steward": who, "restored_from": old, "files": [],
                  "changes": {}}
        return store.commit_version(name, files, record, verify=_verify)


# --- what the page and the command line show --------------------------------------------

def _kind_title(kind: str, lang: str) -> str:
    tbl = table(kind)
    return tbl.title_th if lang == "th" else tbl.title_en


def problem_rows(problems: Sequence[Problem], lang: str) -> pd.DataFrame:
    """Problems as a table: file, sheet, row, column, value, message (headers in ``lang``)."""
    columns = [t(f"d_col_{c}", lang) for c in ("file", "sheet", "row", "column", "value",
                                               "message")]
    rows = [[p.file, getattr(p, "sheet", ""), "" if p.row is None else str(p.row),
             p.column or "", p.value or "", problem_text(p, lang)] for p in problems]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def change_rows(plan: Preview, lang: str) -> pd.DataFrame:
    """Per table kind: rows added, changed, removed and unchanged (headers in ``lang``)."""
    columns = [t(f"d_col_{c}", lang) for c in ("table", "added", "changed", "removed",
                                               "unchanged", "replaced_table")]
    rows = [[_kind_title(kind, lang), len(c.added), len(c.changed), len(c.removed),
             c.unchanged, t("d_yes" if c.replaced_table else "d_no", lang)]
            for kind, c in plan.changes.items()]
    return pd.DataFrame(rows, columns=columns)


def area_change_rows(plan: Preview, lang: str) -> pd.DataFrame:
    """Each area added, changed (with the columns) or removed."""
    columns = [t(f"d_col_{c}", lang) for c in ("area_id", "change", "columns")]
    change = plan.changes.get("areas")
    rows = []
    if change:
        rows += [[a, t("d_added", lang), ""] for a in change.added]
        rows += [[a, t("d_changed", lang), ", ".join(change.changed_columns.get(a, []))]
                 for a in change.changed]
        rows += [[a, t("d_removed", lang), ""] for a in change.removed]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def preview_lines(plan: Preview, lang: str) -> list[str]:
    """The preview as lines of text (the command line prints them)."""
    head = "d_preview_head_check" if plan.dataset is None else \
        "d_preview_head_new" if plan.new else "d_preview_head"
    lines = [t(head, lang, dataset=plan.dataset, base=plan.base)]
    lines += [t(note, lang) for note in plan.notes]
    for info in plan.tables:
        where = f"{info['file']} [{info['sheet']}]" if info["sheet"] else info["file"]
        lines.append(t("d_preview_table", lang, file=where, kind=info["kind"],
                       rows=info["rows"], encoding=info["encoding"]))
    if plan.problems:
        return lines
    for kind, c in plan.changes.items():
        lines.append(t("d_preview_change", lang, kind=kind, added=len(c.added),
                       changed=len(c.changed), removed=len(c.removed),
                       unchanged=c.unchanged))
    areas = plan.changes.get("areas")
    if areas:
        for code, ids in (("d_added", areas.added), ("d_changed", areas.changed),
                          ("d_removed", areas.removed)):
            if ids:
                more = f" (+{len(ids) - 20})" if len(ids) > 20 else ""
                lines.append(f"  {t('areas', lang)} {t(code, lang)}: "
                             + ", ".join(ids[:20]) + more)
    if not plan.changed:
        lines.append(t("d_no_changes", lang))
    return lines


def dataset_rows(lang: str) -> pd.DataFrame:
    """Every dataset: name, title, built-in or imported, latest version, synthetic."""
    columns = [t(f"d_col_{c}", lang) for c in ("dataset", "title", "source_kind", "version",
                                               "synthetic")]
    rows = []
    for name in dataset_names():
        try:
            meta = _read_meta_only(BUILTIN[name] if name in BUILTIN else store.version_path(name))
        except DatasetError:
            meta = {}
        title = meta.get(f"title_{lang}") or meta.get("title_en") or name
        rows.append([name, title, t("d_builtin" if name in BUILTIN else "d_imported", lang),
                     "" if name in BUILTIN else store.latest_version(name) or "",
                     t("d_yes" if meta.get("synthetic") else "d_no", lang)])
    return pd.DataFrame(rows, columns=columns, dtype=object)


def _read_meta_only(directory: Path) -> dict:
    try:
        meta = json.loads((directory / "dataset.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return meta if isinstance(meta, dict) else {}


def version_rows(dataset: str, lang: str) -> pd.DataFrame:
    """The published versions of an imported dataset, newest first."""
    columns = [t(f"d_col_{c}", lang) for c in ("version", "time", "steward", "action",
                                               "files", "summary")]
    rows = [[v["version"] + (" ★" if v["latest"] else ""), v.get("time", ""),
             v.get("steward", ""), action_text(v, lang), files_text(v), summary_text(v, lang)]
            for v in store.list_versions(dataset)]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def audit_rows(lang: str, dataset: str | None = None) -> pd.DataFrame:
    """The audit log, newest first."""
    columns = [t(f"d_col_{c}", lang) for c in ("time", "steward", "dataset", "version",
                                               "action", "files", "summary")]
    rows = [[e.get("time", ""), e.get("steward", ""), e.get("dataset", ""),
             e.get("version", ""), action_text(e, lang), files_text(e), summary_text(e, lang)]
            for e in reversed(store.read_audit(dataset))]
    return pd.DataFrame(rows, columns=columns, dtype=object)


def action_text(entry: dict, lang: str) -> str:
    """What a version or log entry did, in ``lang`` (import, or restore from which version)."""
    if entry.get("action") == "restore":
        return t("d_action_restore", lang, version=entry.get("restored_from", "?"))
    if entry.get("action") == "repair":
        return t("d_action_repair", lang)
    return t("d_action_import", lang)


def files_text(entry: dict) -> str:
    """The files of a version or log entry: name and the start of the SHA-256."""
    files = entry.get("files")
    files = files if isinstance(files, list) else []
    return ", ".join(f"{f.get('name', '?')} ({str(f.get('sha256', ''))[:12]})"
                     for f in files if isinstance(f, dict))


def summary_text(entry: dict, lang: str) -> str:
    """The changes of a version or log entry per table: +added ~changed -removed."""
    changes = entry.get("changes")
    kinds = changes.get("kinds") if isinstance(changes, dict) else None
    kinds = kinds if isinstance(kinds, dict) else {}
    parts = []
    damaged = [entry["damaged"]] if entry.get("damaged") else []
    damaged += [str(f) for f in entry.get("damaged_fields") or ()]
    if damaged:
        parts.append(t("d_damaged_record", lang, value=", ".join(damaged)))
    for kind, counts in kinds.items():
        if isinstance(counts, dict) and kind in KINDS:
            parts.append(t("d_summary_kind", lang, kind=_kind_title(kind, lang),
                           added=counts.get("added", 0), changed=counts.get("changed", 0),
                           removed=counts.get("removed", 0)))
    return "; ".join(parts)
