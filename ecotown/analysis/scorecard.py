"""The numbers behind the area drill-down page: indicator scores, scorecards and level history.

Pure pandas, no Streamlit, so the page, the exports and the tests share one computation.
Every indicator value is put on a 0–100 score using its catalogue scale and direction;
an area's scorecard compares its values with the previous year it reported and with the
medians of its phase and of the whole programme in the same year.

Unknown area ids raise :class:`KeyError` (the page turns it into a message for the user);
arguments of the wrong kind raise :class:`ValueError` naming the bad value.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ecotown.analysis.scoring import (
    area_row,
    area_values,
    by_position,
    check_dataset,
    check_year,
    empty_frame,
    group_medians,
    indicator_catalogue,
    indicator_score,
    is_better,
    phase_area_ids,
    score_frame,
    values_in,
)
from ecotown.model.dataset import Dataset

__all__ = [
    "criteria_of",
    "dimension_scores",
    "has_indicator_data",
    "indicator_score",
    "indicator_scores",
    "level_history",
    "peers",
    "scorecard",
]

HISTORY_DTYPES = {
    "year": "Int64",
    "level": "Int64",
    "basis": "object",
    "source": "object",
    "note": "object",
    "note_th": "object",
    "criteria": "object",
    "change": "Int64",
}
SCORECARD_DTYPES = {
    "dimension_id": "object",
    "aspect_id": "object",
    "aspect_th": "object",
    "aspect_en": "object",
    "indicator_id": "object",
    "name_th": "object",
    "name_en": "object",
    "unit_th": "object",
    "unit_en": "object",
    "higher_is_better": "boolean",
    "year": "Int64",
    "value": "float64",
    "previous_value": "float64",
    "change": "float64",
    "change_is_better": "boolean",
    "score": "float64",
    "phase_median": "float64",
    "programme_median": "float64",
}
DIMENSION_DTYPES = {
    "dimension_id": "object",
    "name_th": "object",
    "name_en": "object",
    "score": "float64",
    "phase_median": "float64",
    "programme_median": "float64",
    "n_indicators": "Int64",
}


def indicator_scores(dataset: Dataset) -> pd.DataFrame:
    """Every indicator value of the dataset with its dimension, direction and 0–100 score.

    Parameters
    ----------
    dataset
        A loaded dataset.

    Returns
    -------
    pandas.DataFrame
        ``area_id, year, indicator_id, dimension_id, higher_is_better, value, score``, one
        row per row of ``indicator_values``, in that table's order.
    """
    check_dataset(dataset)
    return score_frame(dataset.indicator_values, dataset.indicators)


def level_history(dataset: Dataset, area_id: str) -> pd.DataFrame:
    """The level assessments of one area, oldest first, with the direction of each change.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_id
        The area's id.

    Returns
    -------
    pandas.DataFrame
        ``year, level, basis, source, note, note_th, criteria, change`` (``criteria``: the
        edition scored on, B.E. 2560 or 2565, or empty); ``change`` is +1, 0 or -1 for a level
        above, equal to or below the previous assessment, and NA for the first one. Empty
        (with these columns) when the area has no assessment.

    Raises
    ------
    KeyError
        If ``area_id`` is not an area of the dataset.
    """
    area_row(dataset, area_id)
    rows = dataset.assessments.loc[dataset.assessments["area_id"] == area_id]
    if rows.empty:
        return empty_frame(HISTORY_DTYPES)
    history = rows.sort_values("year", kind="stable").reset_index(drop=True)
    if "criteria" not in history.columns:  # a dataset from before the column existed
        history = history.assign(criteria="")
    history = history[["year", "level", "basis", "source", "note", "note_th", "criteria"]].copy()
    history["change"] = history["level"].astype("Int64").diff().clip(-1, 1)
    return history.astype(HISTORY_DTYPES)


def criteria_of(dataset: Dataset, area_id: str, year: object) -> str:
    """The criteria edition (B.E. ``2560`` or ``2565``) the area's assessment of ``year`` was
    scored on, or ``""`` when the data do not say (never guessed)."""
    frame = dataset.assessments
    if "criteria" not in frame.columns or year is None or pd.isna(year):
        return ""
    found = frame.loc[(frame["area_id"] == area_id) & (frame["year"] == int(year)), "criteria"]
    if found.empty or pd.isna(found.iloc[0]):
        return ""
    return str(found.iloc[0]).strip()


def has_indicator_data(dataset: Dataset, area_id: str) -> bool:
    """Whether the area has at least one indicator value.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_id
        The area's id.

    Raises
    ------
    KeyError
        If ``area_id`` is not an area of the dataset.
    """
    area_row(dataset, area_id)
    return not area_values(dataset, area_id).empty


def scorecard(dataset: Dataset, area_id: str, year: int | None = None) -> pd.DataFrame:
    """One area's indicators in one year, with last change, score and peer medians.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_id
        The area's id.
    year
        The year to show; by default the latest year in which the area has a value.

    Returns
    -------
    pandas.DataFrame
        One row per catalogue indicator, grouped by dimension in the order of
        ``dimensions.csv`` and in catalogue order within a dimension:
        ``dimension_id, aspect_id, aspect_th, aspect_en, indicator_id, name_th, name_en,
        unit_th, unit_en, higher_is_better, year, value, previous_value, change,
        change_is_better, score, phase_median, programme_median``.

        ``previous_value`` is the area's value in the latest earlier year that has one;
        ``change`` is ``value - previous_value``; ``change_is_better`` says whether the
        change went the indicator's good way (NA when it is zero or unknown);
        ``phase_median`` and ``programme_median`` are the medians of the values in ``year``
        over the areas of this area's phase and over all areas. An indicator without a
        value in ``year`` keeps its row with NA. Empty (with these columns) when the area
        has no indicator value at all.

    Raises
    ------
    KeyError
        If ``area_id`` is not an area of the dataset.
    ValueError
        If ``year`` is not a whole number from YEAR_MIN to YEAR_MAX.
    """
    area = area_row(dataset, area_id)
    year = check_year(year)
    own = area_values(dataset, area_id)
    if own.empty:
        return empty_frame(SCORECARD_DTYPES)
    if year is None:
        year = int(own["year"].max())

    catalogue = indicator_catalogue(dataset)
    size = len(catalogue)
    ids = pd.Index(catalogue["indicator_id"])
    # the area's values by catalogue position: this year's, and the latest earlier one
    position = ids.get_indexer(own["indicator_id"])
    years = own["year"].to_numpy(dtype="int64")
    own_values = own["value"].to_numpy(dtype=float)
    now = (years == year) & (position >= 0)
    value = by_position(size, position[now], own_values[now])
    before = (years < year) & (position >= 0)
    order = np.lexsort((years[before], position[before]))  # by position, then year
    pos_before, val_before = position[before][order], own_values[before][order]
    last = np.r_[pos_before[1:] != pos_before[:-1], True][:len(pos_before)]
    previous = by_position(size, pos_before[last], val_before[last])

    in_year = values_in(dataset, year)
    year_position = ids.get_indexer(in_year["indicator_id"])
    year_values = in_year["value"].to_numpy(dtype=float)
    same_phase = in_year["area_id"].isin(phase_area_ids(dataset, area)).to_numpy()

    card = catalogue[[c for c in SCORECARD_DTYPES if c in catalogue.columns]].copy()
    card["year"] = pd.array(np.full(size, year), dtype="Int64")
    card["value"] = value
    card["previous_value"] = previous
    card["change"] = value - previous
    card["change_is_better"] = is_better(card["change"], card["higher_is_better"])
    card["score"] = indicator_score(value, catalogue["scale_min"].to_numpy(dtype=float),
                                    catalogue["scale_max"].to_numpy(dtype=float),
                                    catalogue["higher_is_better"].to_numpy(dtype=object))
    card["phase_median"] = group_medians(size, year_position[same_phase], year_values[same_phase])
    card["programme_median"] = group_medians(size, year_position, year_values)
    return card[list(SCORECARD_DTYPES)]


def dimension_scores(dataset: Dataset, area_id: str, year: int | None = None) -> pd.DataFrame:
    """One area's mean indicator score per dimension in one year, with peer medians.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_id
        The area's id.
    year
        The year to show; by default the latest year in which the area has a value.

    Returns
    -------
    pandas.DataFrame
        One row per dimension in the order of ``dimensions.csv``: ``dimension_id, name_th,
        name_en, score, phase_median, programme_median, n_indicators``. ``score`` is the mean
        of the area's indicator scores in the dimension and year and ``n_indicators`` the
        number of scores it averages; the medians are taken over the dimension scores of the
        areas of this area's phase and of all areas that have one in that year. Empty (with
        these columns) when the area has no indicator value at all.

    Raises
    ------
    KeyError
        If ``area_id`` is not an area of the dataset.
    ValueError
        If ``year`` is not a whole number from YEAR_MIN to YEAR_MAX.
    """
    area = area_row(dataset, area_id)
    year = check_year(year)
    own = area_values(dataset, area_id)
    if own.empty:
        return empty_frame(DIMENSION_DTYPES)
    if year is None:
        year = int(own["year"].max())

    # mean score of every (area, dimension) in the year, as an areas x dimensions grid
    areas, dimensions = dataset.areas, dataset.dimensions
    area_ids, dimension_ids = pd.Index(areas["area_id"]), pd.Index(dimensions["dimension_id"])
    scored = score_frame(values_in(dataset, year), dataset.indicators)
    row = area_ids.get_indexer(scored["area_id"])
    column = dimension_ids.get_indexer(scored["dimension_id"])
    score = scored["score"].to_numpy(dtype=float)
    keep = (row >= 0) & (column >= 0) & ~np.isnan(score)
    cell = row[keep] * len(dimension_ids) + column[keep]
    size = len(area_ids) * len(dimension_ids)
    counts = np.bincount(cell, minlength=size).reshape(len(area_ids), len(dimension_ids))
    sums = np.bincount(cell, weights=score[keep], minlength=size).reshape(counts.shape)
    means = pd.DataFrame(np.where(counts > 0, sums / np.maximum(counts, 1), np.nan))
    same_phase = (areas["phase"] == area["phase"]).to_numpy(dtype=bool, na_value=False)
    mine = area_ids.get_loc(area_id)

    result = dimensions[["dimension_id", "name_th", "name_en"]].reset_index(drop=True)
    result["score"] = means.iloc[mine].to_numpy()
    result["phase_median"] = means[same_phase].median().to_numpy()
    result["programme_median"] = means.median().to_numpy()
    result["n_indicators"] = pd.array(counts[mine], dtype="Int64")
    return result


def peers(dataset: Dataset, area_id: str) -> dict:
    """The area's phase and how many areas share its phase and its province.

    Parameters
    ----------
    dataset
        A loaded dataset.
    area_id
        The area's id.

    Returns
    -------
    dict
        ``phase`` (int), ``phase_areas`` and ``province_areas`` (counts that include the
        area itself).

    Raises
    ------
    KeyError
        If ``area_id`` is not an area of the dataset.
    """
    area = area_row(dataset, area_id)
    areas = dataset.areas
    return {
        "phase": int(area["phase"]),
        "phase_areas": int((areas["phase"] == area["phase"]).sum()),
        "province_areas": int((areas["province_code"] == area["province_code"]).sum()),
    }


