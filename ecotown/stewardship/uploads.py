"""What a steward uploads and the limits on it: files, caps, and problems that name the
file, sheet, row and column."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ecotown.config import settings
from ecotown.i18n.labels import t
from ecotown.model.schema import TABLES
from ecotown.model.text import shorten as shorten_text
from ecotown.model.validate import Problem

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
        """The default caps, with ``ECOTOWN_MAX_BYTES`` / ``ECOTOWN_MAX_ROWS`` if set (the
        settings, :mod:`ecotown.config.settings`)."""
        configured = settings.current()
        values = {name: getattr(configured, name) for name in CAPS_ENV
                  if getattr(configured, name) is not None}
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
    """A :class:`~ecotown.model.validate.Problem` that also names the sheet of a workbook."""

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


def shorten(value: object) -> str:
    """A bad value as repeated in a message: at most :data:`MAX_SHOWN` characters."""
    return shorten_text(value, MAX_SHOWN)


def make_problem(file: str, sheet: str, code: str, row: int | None = None,
             column: str | None = None, value: object = None, **params: object) -> ImportProblem:
    return ImportProblem(file, code, row, column, None if value is None else shorten(value),
                         params, sheet)
