"""What a dataset is, and how its files become one: parse, type-check, cross-check.

A dataset is the CSV tables defined in :mod:`ecotown.model.schema` plus a ``dataset.json``
that says what it is (title, whether it is synthetic), given as ``{file name: bytes}``
(what every store backend returns, :mod:`ecotown.store`) or as a directory. Which datasets
exist and where they live is the store's business; :func:`ecotown.store.load_dataset`
finds the files and hands them to :func:`parse_dataset`.

:func:`read_tables` and :func:`check_dataset` are the two halves of parsing, so the
importer validates a dataset it is about to write exactly as loading will.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import geothai
import pandas as pd

from ecotown.model.schema import TABLES, table
from ecotown.model.validate import (
    DatasetError,
    Problem,
    check_references,
    check_table,
    read_csv_strings,
)

__all__ = [
    "GEODATA",
    "META_FILE",
    "REFERENCES",
    "Dataset",
    "check_dataset",
    "parse_dataset",
    "read_meta",
    "read_tables",
]

GEODATA = Path(__file__).resolve().parents[2] / "geodata"
META_FILE = "dataset.json"
# (table kind, column, problem code): every value of the column must be a known id
REFERENCES = (("assessments", "area_id", "v_unknown_area"),
              ("indicator_values", "area_id", "v_unknown_area"),
              ("indicator_values", "indicator_id", "v_unknown_indicator"),
              ("indicators", "dimension_id", "v_unknown_dimension"))


@dataclass(frozen=True)
class Dataset:
    """A validated dataset: its metadata and one typed DataFrame per table."""

    name: str
    meta: dict
    areas: pd.DataFrame
    assessments: pd.DataFrame
    levels: pd.DataFrame
    dimensions: pd.DataFrame
    indicators: pd.DataFrame
    indicator_values: pd.DataFrame
    programme_figures: pd.DataFrame
    events: pd.DataFrame = field(default_factory=lambda: pd.DataFrame(
        columns=list(table("events").column_names)))

    @property
    def synthetic(self) -> bool:
        """Whether the dataset is synthetic demo data."""
        return bool(self.meta.get("synthetic", False))

    def title(self, lang: str) -> str:
        """The dataset's title in ``lang``."""
        return str(self.meta.get(f"title_{lang}") or self.meta.get("title_en") or self.name)


def _files(source: Path | Mapping[str, bytes]) -> Mapping[str, bytes]:
    if isinstance(source, Mapping):
        return source
    wanted = [tbl.filename for tbl in TABLES] + [META_FILE]
    return {f: (source / f).read_bytes() for f in wanted if (source / f).is_file()}


def read_meta(data: bytes | None) -> tuple[dict, list[Problem]]:
    """A dataset's ``dataset.json`` (its bytes, ``None`` if missing), with any problem."""
    if data is None:
        return {}, [Problem(META_FILE, "v_missing_file")]
    try:
        meta = json.loads(data.decode("utf-8"))
    except ValueError as exc:
        return {}, [Problem(META_FILE, "v_bad_meta", params={"detail": str(exc)[:200]})]
    if not isinstance(meta, dict) or not isinstance(meta.get("synthetic"), bool):
        detail = "'synthetic' must be true or false"
        return {}, [Problem(META_FILE, "v_bad_meta", params={"detail": detail})]
    return meta, []


def _admin_problems(areas: pd.DataFrame, label: str) -> list[Problem]:
    problems = []
    for row, code, province in zip(areas["_row"], areas["admin_code"], areas["province_code"],
                                   strict=True):
        if not code:
            continue
        known = {2: geothai.province, 4: geothai.district, 6: geothai.subdistrict}[len(code)](code)
        if known is None or not code.startswith(province):
            problems.append(Problem(label, "v_admin_code", int(row), "admin_code", code,
                                    {"province": province}))
    return problems


def read_tables(source: str | Path | Mapping[str, bytes]
                ) -> tuple[dict, dict[str, pd.DataFrame], list[Problem]]:
    """Read and type-check every table of a dataset, one table at a time.

    ``source`` is ``{file name: bytes}`` (as a store returns it) or a directory. Returns the
    metadata, one typed frame per table kind (with a ``_row`` column: the spreadsheet row of
    each record; rows with a problem are left out) and the problems.
    """
    files = _files(source if isinstance(source, Mapping) else Path(source))
    meta, problems = read_meta(files.get(META_FILE))
    frames: dict[str, pd.DataFrame] = {}
    for tbl in TABLES:
        raw, read_problems = read_csv_strings(files.get(tbl.filename), tbl.filename)
        if tbl.optional and tbl.filename not in files:
            read_problems = []  # a dataset written before the table existed
        problems += read_problems
        if raw is None:
            frames[tbl.kind] = pd.DataFrame(columns=[*tbl.column_names, "_row"])
            continue
        typed, table_problems = check_table(raw, tbl, tbl.filename)
        problems += table_problems
        frames[tbl.kind] = typed
    return meta, frames, problems


def _parts(frame: pd.DataFrame, kind: str):
    """Split a frame by the file its rows came from (``_file``, else the table's file)."""
    if "_file" not in frame.columns:
        yield table(kind).filename, frame
        return
    for label, part in frame.groupby("_file", sort=False):
        yield str(label), part


def _case_duplicates(frames: dict[str, pd.DataFrame]) -> list[Problem]:
    """Ids that differ only in upper or lower case (``ZZ-01``, ``zz-01``): one id twice."""
    problems: list[Problem] = []
    for tbl in TABLES:
        if len(tbl.key) != 1 or tbl.kind not in frames:
            continue
        frame = frames[tbl.kind]
        column = tbl.key[0]
        first: dict[str, tuple[str, int]] = {}
        labels = frame["_file"] if "_file" in frame.columns else [tbl.filename] * len(frame)
        for row, value, label in zip(frame["_row"], frame[column], labels, strict=True):
            folded = str(value).casefold()
            if folded in first and first[folded][0] != str(value):
                problems.append(Problem(str(label), "v_duplicate", int(row), column, str(value),
                                        {"first_row": first[folded][1]}))
            first.setdefault(folded, (str(value), int(row)))
    return problems


# Areas in one dataset (issue 25): the programme has 54 and plans 77 provinces' worth; every
# page, export and deck of a view is bounded by this.
MAX_AREAS = 1_000


def check_dataset(frames: dict[str, pd.DataFrame],
                  extra_ids: dict[str, set[str]] | None = None) -> list[Problem]:
    """Check what spans tables: admin codes, area/indicator/dimension references, scales.

    Parameters
    ----------
    frames
        One typed frame per table kind with a ``_row`` column and, optionally, a ``_file``
        column naming the file of each row (problems then name that file).
    extra_ids
        Ids to accept as known besides those in the frames, by id column (``area_id``,
        ``indicator_id``, ``dimension_id``): e.g. the ids of rows rejected for another
        reason, so one bad row is not reported again by every row that refers to it.
    """
    missing = sorted({tbl.kind for tbl in TABLES} - set(frames))
    if missing:
        raise ValueError(f"'frames' lacks the tables {missing}")
    extra = extra_ids or {}
    problems: list[Problem] = []
    if len(frames["areas"]) > MAX_AREAS:  # bounds every view's, export's and deck's work
        problems.append(Problem("areas", "v_too_many_areas", value=f"{len(frames['areas']):,}",
                                params={"limit": f"{MAX_AREAS:,}"}))
    for label, part in _parts(frames["areas"], "areas"):
        problems += _admin_problems(part, label)
    known = {
        "area_id": set(frames["areas"]["area_id"]) | extra.get("area_id", set()),
        "indicator_id": set(frames["indicators"]["indicator_id"])
        | extra.get("indicator_id", set()),
        "dimension_id": set(frames["dimensions"]["dimension_id"])
        | extra.get("dimension_id", set()),
    }
    for kind, column, code in REFERENCES:
        for label, part in _parts(frames[kind], kind):
            problems += check_references(part, column, known[column], label, code)
    problems += _case_duplicates(frames)
    for label, part in _parts(frames["indicators"], "indicators"):
        for row, low, high in zip(part["_row"], part["scale_min"], part["scale_max"],
                                  strict=True):
            if not low < high:
                problems.append(Problem(label, "v_scale", int(row), "scale_min", str(low),
                                        {"min": low, "max": high}))
    return problems


def parse_dataset(source: Path | Mapping[str, bytes], name: str = "") -> Dataset:
    """Parse and validate a dataset; raise :class:`DatasetError` listing every problem.

    Parameters
    ----------
    source
        ``{file name: bytes}`` or a dataset directory.
    name
        The name to give it when its ``dataset.json`` has no ``id`` (default: the
        directory's name).
    """
    meta, frames, problems = read_tables(source)
    problems += check_dataset(frames)
    if problems:
        raise DatasetError(problems)
    fallback = name or (source.name if isinstance(source, Path) else "")
    frames = {k: v.drop(columns="_row").reset_index(drop=True) for k, v in frames.items()}
    return Dataset(name=str(meta.get("id") or fallback), meta=meta, **frames)
