"""Load a dataset by name or directory, validating every table and every reference.

A dataset is a directory of the CSV tables defined in :mod:`ecotown.schema` plus a
``dataset.json`` that says what it is (title, whether it is synthetic). Two ship with the
app: ``public`` (the sourced public record, ``geodata/``) and ``demo`` (synthetic,
``geodata/demo/``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import geothai
import pandas as pd

from ecotown.schema import TABLES, table
from ecotown.validate import (
    DatasetError,
    Problem,
    check_references,
    check_table,
    read_csv_strings,
)

__all__ = ["BUILTIN", "GEODATA", "Dataset", "dataset_dir", "dataset_names", "load_dataset"]

GEODATA = Path(__file__).resolve().parent.parent / "geodata"
BUILTIN = {"public": GEODATA, "demo": GEODATA / "demo"}


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

    @property
    def synthetic(self) -> bool:
        """Whether the dataset is synthetic demo data."""
        return bool(self.meta.get("synthetic", False))

    def title(self, lang: str) -> str:
        """The dataset's title in ``lang``."""
        return str(self.meta.get(f"title_{lang}") or self.meta.get("title_en") or self.name)


def dataset_names() -> list[str]:
    """Names of the datasets that can be loaded, built-in first."""
    return list(BUILTIN)


def dataset_dir(name_or_path: str | Path) -> Path:
    """Return the directory of a dataset name (``public``, ``demo``) or a directory path."""
    if isinstance(name_or_path, str) and name_or_path in BUILTIN:
        return BUILTIN[name_or_path]
    path = Path(name_or_path)
    if path.is_dir():
        return path
    raise DatasetError([Problem(str(name_or_path), "v_unknown_dataset", value=str(name_or_path))])


def _read_meta(directory: Path) -> tuple[dict, list[Problem]]:
    path = directory / "dataset.json"
    if not path.is_file():
        return {}, [Problem("dataset.json", "v_missing_file")]
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError) as exc:
        return {}, [Problem("dataset.json", "v_bad_meta", params={"detail": str(exc)[:200]})]
    if not isinstance(meta, dict) or not isinstance(meta.get("synthetic"), bool):
        detail = "'synthetic' must be true or false"
        return {}, [Problem("dataset.json", "v_bad_meta", params={"detail": detail})]
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


def load_dataset(name_or_path: str | Path) -> Dataset:
    """Load and validate a dataset; raise :class:`DatasetError` listing every problem.

    Parameters
    ----------
    name_or_path
        ``"public"``, ``"demo"`` or the path of a dataset directory.
    """
    directory = dataset_dir(name_or_path)
    meta, problems = _read_meta(directory)
    frames: dict[str, pd.DataFrame] = {}
    for tbl in TABLES:
        raw, read_problems = read_csv_strings(directory / tbl.filename, tbl.filename)
        problems += read_problems
        if raw is None:
            frames[tbl.kind] = pd.DataFrame(columns=[*tbl.column_names, "_row"])
            continue
        typed, table_problems = check_table(raw, tbl, tbl.filename)
        problems += table_problems
        frames[tbl.kind] = typed

    areas = frames["areas"]
    problems += _admin_problems(areas, "areas.csv")
    area_ids = set(areas["area_id"])
    problems += check_references(frames["assessments"], "area_id", area_ids,
                                 "assessments.csv", "v_unknown_area")
    problems += check_references(frames["indicator_values"], "area_id", area_ids,
                                 "indicator_values.csv", "v_unknown_area")
    problems += check_references(frames["indicator_values"], "indicator_id",
                                 set(frames["indicators"]["indicator_id"]),
                                 "indicator_values.csv", "v_unknown_indicator")
    problems += check_references(frames["indicators"], "dimension_id",
                                 set(frames["dimensions"]["dimension_id"]),
                                 "indicators.csv", "v_unknown_dimension")
    indicators = frames["indicators"]
    for row, low, high in zip(indicators["_row"], indicators["scale_min"],
                              indicators["scale_max"], strict=True):
        if not low < high:
            problems.append(Problem("indicators.csv", "v_scale", int(row), "scale_min",
                                    str(low), {"min": low, "max": high}))
    if problems:
        raise DatasetError(problems)
    name = meta.get("id") or (name_or_path if isinstance(name_or_path, str) else directory.name)
    frames = {k: v.drop(columns="_row").reset_index(drop=True) for k, v in frames.items()}
    return Dataset(name=str(name), meta=meta, **frames)


def table_columns(kind: str) -> tuple[str, ...]:
    """Column names of the table ``kind``, in file order."""
    return table(kind).column_names
