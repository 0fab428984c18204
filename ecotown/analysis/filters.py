"""Filters of the area table: phase, level, region, province and a name search."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import pandas as pd

from ecotown.model.vocabulary import NO_LEVEL, level_key

__all__ = ["NO_LEVEL", "Filters", "apply_filters", "filter_conflicts", "normalise_text"]



@dataclass(frozen=True)
class Filters:
    """What the user selected; an empty tuple means "all"."""

    phases: tuple[int, ...] = ()
    levels: tuple[str, ...] = ()  # "1".."5" and NO_LEVEL
    regions: tuple[str, ...] = ()
    provinces: tuple[str, ...] = ()
    query: str = ""
    min_level: int = 0  # "level 2 or above": 0 for no minimum; areas with no level excluded

    @property
    def active(self) -> bool:
        """Whether any filter narrows the view."""
        return bool(self.phases or self.levels or self.regions or self.provinces or self.query
                    or self.min_level)


def filter_conflicts(filters: Filters) -> list[dict]:
    """Filters that exclude each other, so that no area can match them together: each as
    ``{"kind", ...}``. Today: a minimum level above every chosen level (areas with no
    published level never pass a minimum)."""
    conflicts = []
    if filters.min_level and filters.levels:
        passing = [v for v in filters.levels if v != NO_LEVEL and int(v) >= filters.min_level]
        if not passing:
            conflicts.append({"kind": "levels_below_minimum", "minimum": filters.min_level,
                              "levels": list(filters.levels)})
    return conflicts


def normalise_text(text: str) -> str:
    """Fold case, Unicode form and spacing so searches match Thai and English alike."""
    folded = unicodedata.normalize("NFC", str(text)).casefold()
    return "".join(ch for ch in folded if not ch.isspace() and ch not in "-_.,()")




def apply_filters(areas: pd.DataFrame, filters: Filters) -> pd.DataFrame:
    """Return the rows of an area table (see :func:`ecotown.analysis.summary.area_table`)
    that match."""
    mask = pd.Series(True, index=areas.index)
    if filters.phases:
        mask &= areas["phase"].isin(filters.phases)
    if filters.levels:
        mask &= areas["level"].map(level_key).isin(filters.levels)
    if filters.min_level:
        levels = pd.to_numeric(areas["level"], errors="coerce")
        mask &= (levels >= filters.min_level).fillna(False).astype(bool)
    if filters.regions:
        mask &= areas["region"].isin(filters.regions)
    if filters.provinces:
        mask &= areas["province_code"].isin(filters.provinces)
    if filters.query:
        needle = normalise_text(filters.query)
        haystack = (areas["name_th"].astype(str) + "|" + areas["name_en"].astype(str) + "|"
                    + areas["province_th"].astype(str) + "|" + areas["province_en"].astype(str)
                    + "|" + areas["area_id"].astype(str))
        mask &= haystack.map(normalise_text).str.contains(needle, regex=False)
    return areas[mask]
