"""Reading uploads into raw text tables: CSV (UTF-8, UTF-8 with BOM, TIS-620/CP874) and
XLSX (values only; a formula is reported, never evaluated), within the caps."""

from __future__ import annotations

import csv
import io
import math
import re
import warnings
import zipfile
import zlib
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path

from ecotown.model.text import CONTROL
from ecotown.stewardship.templates import INSTRUCTIONS_SHEET
from ecotown.stewardship.uploads import (
    KINDS,
    Caps,
    ImportProblem,
    Upload,
    make_problem,
    shorten,
)

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old binary .xls (and encrypted .xlsx)

_DATE_COLUMNS = ("as_of",)

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
        return [], [make_problem("", "", "d_no_files")]
    if len(uploads) > caps.max_files:
        return [], [make_problem("", "", "d_too_many_files", value=len(uploads),
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
        return [], [make_problem(name, "", "d_too_large", value=_mb(upload.size),
                             limit=_mb(caps.max_bytes))]
    data = upload.data
    if not data.strip(b"\xef\xbb\xbf \t\r\n"):
        return [], [make_problem(name, "", "v_empty_file")]
    if data.startswith(_OLE):
        return [], [make_problem(name, "", "d_old_xls")]
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
        return [], [make_problem(name, "", "d_mixed_encoding", value=decoded[1])]
    if decoded is None or "\x00" in decoded[0]:
        return [], [make_problem(name, "", "d_not_text")]
    text, encoding = decoded
    first_line = text.split("\n", 1)[0]
    delimiter = max((",", "\t", ";"), key=first_line.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list[str]]] = []
    try:
        for number, record in enumerate(reader, start=1):
            if number > caps.max_rows + 1:
                return [], [make_problem(name, "", "d_too_many_rows", limit=caps.max_rows)]
            records.append((number, record))
    except csv.Error as exc:
        if "field larger than field limit" in str(exc):  # not a quoting problem: say so
            return [], [make_problem(name, "", "d_csv_cell_too_long", row=len(records) + 1,
                                     limit=f"{caps.max_cell:,}")]
        return [], [make_problem(name, "", "d_csv_error", row=len(records) + 1,
                             detail=shorten(exc))]
    return _table_from_records(records, name, "", encoding, caps, {})


def _table_from_records(records: list[tuple[int, list[str]]], name: str, sheet: str,
                        encoding: str, caps: Caps, reported: dict[tuple[int, int], ImportProblem]
                        ) -> tuple[list[RawTable], list[ImportProblem]]:
    """Build a raw table from (row number, cells); the first non-blank record is the header."""
    records = [(n, cells) for n, cells in records if any(str(c).strip() for c in cells)]
    if not records:
        return [], [make_problem(name, sheet, "v_empty_file")]
    header_row, header_cells = records[0]
    problems: list[ImportProblem] = []
    header = [str(c).strip().lower() for c in header_cells]
    if len(header) > caps.max_columns:
        return [], [make_problem(name, sheet, "d_too_many_columns", header_row,
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
                problems.append(make_problem(name, sheet, "d_unnamed_column", header_row, letter,
                                         letter))
            continue
        if head in [header[i] for i in keep]:
            problems.append(make_problem(name, sheet, "d_duplicate_column", header_row, head,
                                     head))
            continue
        keep.append(index)
    for index in sorted(extra):
        letter = _column_letter(index)
        problems.append(make_problem(name, sheet, "d_unnamed_column", header_row, letter, letter))
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
                raw.problems.append(make_problem(name, sheet, "d_cell_too_long",
                                             raw.row_numbers[position], head, cell,
                                             length=len(cell), limit=caps.max_cell))
                raw.reported.add((raw.row_numbers[position], head))
            elif CONTROL.search(cell):
                raw.problems.append(make_problem(name, sheet, "d_control_char",
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


_CONTENT_TYPES = "[Content_Types].xml"
_STRINGS_TYPE = "spreadsheetml.sharedStrings+xml"
_SHEET_TYPES = ("spreadsheetml.worksheet+xml",)
_OVERRIDE = re.compile(rb"<(?:\w+:)?Override\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(rb'(PartName|ContentType|Type|Target)\s*=\s*["\']([^"\']*)["\']')
_RELATIONSHIP = re.compile(rb"<(?:\w+:)?Relationship\b[^>]*>", re.IGNORECASE)
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\b[^>]*\bref\s*=\s*["\']([A-Za-z0-9:$]+)["\']')
_CELL_REF = re.compile(r"\$?([A-Za-z]{1,3})\$?(\d{1,7})")
_SMALL_PART = 1024 * 1024  # content types and relationships: small by nature


def _attrs(tag: bytes) -> dict[str, str]:
    return {k.decode(): v.decode("utf-8", "replace") for k, v in _ATTR.findall(tag)}


def _column_number(letters: str) -> int:
    number = 0
    for ch in letters.upper():
        number = number * 26 + ord(ch) - 64
    return number


def _parts_by_content(archive: zipfile.ZipFile) -> tuple[set[str], set[str]]:
    """The shared-strings and worksheet parts as the package declares them (content types
    and the workbook's relationships), whatever they are named: openpyxl finds them so."""
    names = {info.filename.lstrip("/") for info in archive.infolist()}
    strings = {n for n in names if n.lower().endswith("sharedstrings.xml")}
    sheets = {n for n in names if n.lower().startswith("xl/worksheets/")
              and n.lower().endswith(".xml")}
    for part, kind in ((_CONTENT_TYPES, "types"), ("xl/_rels/workbook.xml.rels", "rels")):
        try:
            info = archive.getinfo(part)
        except KeyError:
            continue
        if info.file_size > _SMALL_PART:
            raise ValueError(f"{part} is {info.file_size:,} bytes")
        text = archive.read(info)
        for tag in (_OVERRIDE if kind == "types" else _RELATIONSHIP).findall(text):
            found = _attrs(tag)
            target = (found.get("PartName") or found.get("Target") or "").lstrip("/")
            if kind == "rels" and target and not target.startswith("xl/"):
                target = "xl/" + target
            declared = found.get("ContentType", "") if kind == "types" \
                else found.get("Type", "")
            if declared.endswith((_STRINGS_TYPE, "/sharedStrings")):
                strings.add(target)
            elif declared.endswith((*_SHEET_TYPES, "/worksheet")):
                sheets.add(target)
    return strings & names, sheets & names


def _declared_extent(archive: zipfile.ZipFile, part: str) -> tuple[int, int] | None:
    """Rows and columns of a worksheet's declared used range (its ``<dimension>``), read
    from the first 64 KB of the part without parsing it."""
    with archive.open(part) as stream:
        head = stream.read(64 * 1024)
    match = _DIMENSION.search(head)
    if not match:
        return None
    corners = [_CELL_REF.fullmatch(c) for c in match.group(1).decode().split(":")]
    if not all(corners):
        return None
    rows = max(int(c.group(2)) for c in corners)
    columns = max(_column_number(c.group(1)) for c in corners)
    return rows, columns


def _xlsx_precheck(data: bytes, name: str, caps: Caps) -> list[ImportProblem]:
    """Caps checked on the package before any XML is parsed: the unpacked size, the shared
    strings by what the package declares (not by part name), and every worksheet's declared
    used range against the row and column caps."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        unpacked = sum(info.file_size for info in archive.infolist())
        if unpacked > caps.max_unzipped:
            return [make_problem(name, "", "d_unzipped_too_large", value=_mb(unpacked),
                                 limit=_mb(caps.max_unzipped))]
        strings_parts, sheet_parts = _parts_by_content(archive)
        strings = sum(archive.getinfo(p).file_size for p in strings_parts)
        if strings > caps.max_shared_strings:
            return [make_problem(name, "", "d_shared_strings_too_large", value=_mb(strings),
                                 limit=_mb(caps.max_shared_strings))]
        for part in sorted(sheet_parts):
            extent = _declared_extent(archive, part)
            if extent and (extent[0] > caps.max_rows + 1 or extent[1] > caps.max_columns):
                return [make_problem(
                    name, "", "d_sheet_too_large", value=shorten(part.rsplit("/", 1)[-1]),
                    detail=f"{extent[0]:,} × {extent[1]:,}",
                    limit=f"{caps.max_rows:,} × {caps.max_columns:,}")]
    return []


def _read_xlsx(data: bytes, name: str, caps: Caps) -> tuple[list[RawTable], list[ImportProblem]]:
    try:
        early = _xlsx_precheck(data, name, caps)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError,
            KeyError, RuntimeError, zlib.error, NotImplementedError) as exc:
        return [], [make_problem(name, "", "d_bad_xlsx", detail=shorten(exc))]
    if early:
        return [], early
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
            return [], [make_problem(name, "", "d_bad_xlsx", detail=shorten(exc))]
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
                    found, sheet_problems = [], [make_problem(name, sheet.title, "d_bad_xlsx",
                                                          detail=shorten(exc))]
                tables += found
                problems += sheet_problems
        finally:
            workbook.close()
    if not tables and not problems:
        problems.append(make_problem(name, "", "v_empty_file"))
    return tables, problems


def _hidden_sheet(sheet, name: str, caps: Caps) -> list[ImportProblem]:
    """A hidden or very hidden sheet is never imported; if it holds data, say so."""
    for cells in sheet.iter_rows(max_row=caps.max_rows + 1, max_col=caps.max_columns,
                                 values_only=True):
        if any(c is not None and str(c).strip() for c in cells):
            return [make_problem(name, shorten(sheet.title), "d_hidden_sheet",
                             value=sheet.sheet_state)]
    return []


def _read_sheet(sheet, name: str, caps: Caps) -> tuple[list[RawTable], list[ImportProblem]]:
    title = shorten(sheet.title)
    sheet.reset_dimensions()  # never trust the stated used range of an uploaded file
    records: list[tuple[int, list[str]]] = []
    reported: dict[tuple[int, int], ImportProblem] = {}
    header: list[str] | None = None
    number = 0
    for count, cells in enumerate(sheet.iter_rows(max_col=caps.max_columns + 1), start=1):
        number = next((c.row for c in cells if getattr(c, "row", None)), number + 1)
        if count > caps.max_rows + 1 or number > caps.max_rows + 1:
            return [], [make_problem(name, title, "d_too_many_rows", limit=caps.max_rows)]
        texts = []
        for index, cell in enumerate(cells):
            text, problem = _cell_text(cell, name, title, header, index)
            if problem is not None:
                reported[(number, index)] = problem
            texts.append(text)
        if header is None and any(t_.strip() for t_ in texts):
            header = [number, [t_.strip().lower() for t_ in texts]]
            if texts and len(texts) > caps.max_columns and texts[caps.max_columns].strip():
                return [], [make_problem(name, title, "d_too_many_columns", number,
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
        return "", make_problem(name, sheet, "d_formula", None, column, formula)
    if cell.data_type == "e":
        return "", make_problem(name, sheet, "d_excel_error", None, column, value)
    if isinstance(value, datetime | date | time):
        if column in _DATE_COLUMNS and isinstance(value, datetime | date) \
                and not isinstance(value, time):
            return value.strftime("%Y-%m-%d"), None
        shown = value.date() if isinstance(value, datetime) and value.time() == time() \
            else value
        return "", make_problem(name, sheet, "d_excel_date", None, column, shown.isoformat())
    if isinstance(value, bool):
        return ("true" if value else "false"), None
    if isinstance(value, int):
        return str(value), None
    if isinstance(value, float):
        if math.isfinite(value) and value.is_integer() and abs(value) < 1e15:
            return str(int(value)), None
        return repr(value), None
    return str(value), None
