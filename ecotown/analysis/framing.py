"""What the map frames: the extent of the areas a view shows.

When filters, a selected province or a search narrow the view, the map fits the provinces
of the shown areas (and any province or region asked for by name) with their markers;
otherwise it shows all of Thailand. The ``key`` names the narrowing: the browser refits only
when the key changes, so a user's own pan and zoom survives a change of colour or language.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pandas as pd

from ecotown.analysis.filters import Filters
from ecotown.model.regions import PROVINCE_REGION

__all__ = ["Frame", "view_frame"]


@dataclass(frozen=True)
class Frame:
    """``bounds`` as ``[[south, west], [north, east]]``, or ``None`` for all of Thailand;
    ``key`` changes exactly when the narrowing does; ``provinces`` are the framed codes."""

    bounds: list | None
    key: str
    provinces: tuple[str, ...] = ()


def view_frame(frames: pd.DataFrame, shown: pd.DataFrame, filters: Filters,
               selected: str = "", dataset: str = "") -> Frame:
    """The extent of a view.

    Parameters
    ----------
    frames : pandas.DataFrame
        :func:`ecotown.model.geography.province_frames` (bounding box of each province).
    shown : pandas.DataFrame
        The filtered area table (``province_code``, ``lat``, ``lon``).
    filters : Filters
        The view's filters; with none active and no ``selected`` province, all of Thailand.
    selected : str
        A selected province code (framed even if it has no shown area).
    dataset : str
        The dataset's name, part of the key (another dataset shows other areas).
    """
    key = json.dumps([dataset, filters.phases, filters.levels, filters.min_level,
                      filters.regions, filters.provinces, filters.query, selected],
                     ensure_ascii=False)
    if not filters.active and not selected:
        return Frame(None, key)
    codes = set(shown["province_code"].astype(str)) | set(filters.provinces)
    if selected:
        codes.add(selected)
    if not codes and filters.regions:
        codes = {code for code, region in PROVINCE_REGION.items() if region in filters.regions}
    boxes = frames[frames["province_code"].isin(codes)]
    if boxes.empty:  # nothing matches: Thailand, and the page says so
        return Frame(None, key)
    south, west = boxes["south"].min(), boxes["west"].min()
    north, east = boxes["north"].max(), boxes["east"].max()
    if not shown.empty:
        south, north = min(south, shown["lat"].min()), max(north, shown["lat"].max())
        west, east = min(west, shown["lon"].min()), max(east, shown["lon"].max())
    bounds = [[round(float(south), 4), round(float(west), 4)],
              [round(float(north), 4), round(float(east), 4)]]
    return Frame(bounds, key, tuple(sorted(codes)))
