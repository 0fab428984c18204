"""Scoring: an indicator value on its 0–100 scale, and the checks and lookups the
scorecard and dimension scores share (:mod:`ecotown.analysis.scorecard`)."""

from __future__ import annotations

from numbers import Integral

import numpy as np
import pandas as pd

from ecotown.model.dataset import Dataset
from ecotown.model.schema import YEAR_MAX, YEAR_MIN

__all__ = ["indicator_score"]


def indicator_score(value, scale_min, scale_max, higher_is_better):
    """Put indicator values on a 0–100 score using their scale and direction.

    The score is ``(value - scale_min) / (scale_max - scale_min) * 100`` when higher is
    better and ``(scale_max - value) / (scale_max - scale_min) * 100`` otherwise, clipped
    to ``[0, 100]``. A missing value (NaN) scores NaN.

    Parameters
    ----------
    value, scale_min, scale_max
        Numbers or array-likes that broadcast together.
    higher_is_better
        A bool or an array-like of bools (no missing entries).

    Returns
    -------
    float or numpy.ndarray
        A float when every argument is a scalar, else an array of the broadcast shape.

    Raises
    ------
    ValueError
        If a ``scale_min`` is not below its ``scale_max``, or a direction is missing.
    """
    low = np.asarray(scale_min, dtype=float)
    high = np.asarray(scale_max, dtype=float)
    bad = ~(low < high)
    if np.any(bad):
        lows, highs, flags = np.broadcast_arrays(low, high, bad)
        first = int(np.flatnonzero(flags.ravel())[0])
        raise ValueError(f"scale_min must be below scale_max, got scale_min="
                         f"{lows.ravel()[first]!r} and scale_max={highs.ravel()[first]!r}")
    direction = np.asarray(higher_is_better, dtype=object)
    if np.any(pd.isna(direction)):
        raise ValueError(f"higher_is_better must be True or False, got {higher_is_better!r}")
    higher = direction.astype(bool)
    x = np.asarray(value, dtype=float)
    raw = np.where(higher, x - low, high - x) / (high - low) * 100.0
    scores = np.clip(raw, 0.0, 100.0)
    return float(scores) if scores.ndim == 0 else scores


def check_dataset(dataset: object) -> None:
    if not isinstance(dataset, Dataset):
        raise ValueError(f"expected an ecotown Dataset, got {type(dataset).__name__}")


def area_row(dataset: Dataset, area_id: object) -> pd.Series:
    """The area's row of ``areas``; KeyError naming an unknown id."""
    check_dataset(dataset)
    if not isinstance(area_id, str):
        raise ValueError(f"area_id must be a string, got {area_id!r}")
    match = dataset.areas.loc[dataset.areas["area_id"] == area_id]
    if match.empty:
        raise KeyError(f"unknown area {area_id!r} in dataset {dataset.name!r}")
    return match.iloc[0]


def check_year(year: object) -> int | None:
    if year is None:
        return None
    if isinstance(year, bool) or not isinstance(year, Integral):
        raise ValueError(f"year must be a whole number, got {year!r}")
    if not YEAR_MIN <= int(year) <= YEAR_MAX:
        raise ValueError(f"year {int(year)} is outside {YEAR_MIN}–{YEAR_MAX}")
    return int(year)


def area_values(dataset: Dataset, area_id: str) -> pd.DataFrame:
    values = dataset.indicator_values
    return values.loc[(values["area_id"] == area_id) & values["value"].notna()]


def values_in(dataset: Dataset, year: int) -> pd.DataFrame:
    values = dataset.indicator_values
    return values.loc[(values["year"] == year) & values["value"].notna()]


def phase_area_ids(dataset: Dataset, area: pd.Series) -> pd.Series:
    areas = dataset.areas
    return areas.loc[areas["phase"] == area["phase"], "area_id"]


def indicator_catalogue(dataset: Dataset) -> pd.DataFrame:
    """The indicator catalogue grouped by dimension in ``dimensions.csv`` order (stable)."""
    indicators = dataset.indicators
    rank = pd.Index(dataset.dimensions["dimension_id"]).get_indexer(indicators["dimension_id"])
    rank = np.where(rank < 0, len(dataset.dimensions), rank)
    return indicators.iloc[np.argsort(rank, kind="stable")].reset_index(drop=True)


def score_frame(values: pd.DataFrame, indicators: pd.DataFrame) -> pd.DataFrame:
    """``values`` with their catalogue entry and score; values of unknown indicators dropped.

    Looks the catalogue up by position instead of merging, which keeps the page fast.
    """
    position = pd.Index(indicators["indicator_id"]).get_indexer(values["indicator_id"])
    known = position >= 0
    position = position[known]

    def pick(column: str, dtype=None) -> np.ndarray:
        return indicators[column].to_numpy(dtype=dtype)[position]

    def text(array: np.ndarray) -> pd.Series:
        return pd.Series(array, dtype=object)  # like the dataset's text columns

    higher = pick("higher_is_better", object)
    value = values["value"].to_numpy(dtype=float)[known]
    return pd.DataFrame({
        "area_id": text(values["area_id"].to_numpy(dtype=object)[known]),
        "year": values["year"].array[known],
        "indicator_id": text(values["indicator_id"].to_numpy(dtype=object)[known]),
        "dimension_id": text(pick("dimension_id", object)),
        "higher_is_better": pd.array(higher, dtype="boolean"),
        "value": value,
        "score": indicator_score(value, pick("scale_min", float), pick("scale_max", float),
                                 higher),
    })


def by_position(size: int, position: np.ndarray, values: np.ndarray) -> np.ndarray:
    """An array of ``size`` NaNs with ``values`` placed at ``position`` (all distinct)."""
    result = np.full(size, np.nan)
    result[position] = values
    return result


def group_medians(size: int, position: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The median of ``values`` at each position ``0 .. size - 1`` (NaN where none)."""
    keep = position >= 0
    medians = pd.Series(values[keep]).groupby(position[keep]).median()
    return medians.reindex(range(size)).to_numpy(dtype=float)


def is_better(change: pd.Series, higher_is_better: pd.Series) -> pd.Series:
    """True where ``change`` went the good way, False the bad way, NA when 0 or unknown."""
    better = pd.Series(pd.NA, index=change.index, dtype="boolean")
    known = change.notna() & (change != 0)
    went_up = change[known] > 0
    better[known] = went_up == higher_is_better[known].astype("boolean")
    return better


def empty_frame(dtypes: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({name: pd.Series(dtype=dtype) for name, dtype in dtypes.items()})
