"""Colour classes of provinces and markers, and the legend entries with their counts.

The web map, the legend beside it and the static exports all call these functions, so a
province can never be one colour on screen and another in a briefing.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

import pandas as pd

from ecotown.analysis.summary import province_stats
from ecotown.analysis.timeline import CHANGE_CLASSES
from ecotown.i18n.labels import t, year_text
from ecotown.model.vocabulary import NO_LEVEL, level_key
from ecotown.present.style import (
    AS_OF_FILL_OPACITY,
    CHANGE_COLOURS,
    LEVEL_COLOURS,
    NO_AREA_COLOUR,
    NO_LEVEL_COLOUR,
    PHASE_COLOURS,
    count_class,
    level_label,
    phase_label,
)

__all__ = [
    "EMPTY",
    "LegendEntry",
    "LegendSection",
    "as_of_entry",
    "change_legend",
    "fanned_positions",
    "map_legend",
    "marker_legend",
    "marker_style",
    "province_classes",
    "province_legend",
]

EMPTY = "empty"  # a province with no area in the current view


@dataclass(frozen=True)
class LegendEntry:
    """One legend row: class key, label in the chosen language, colour and count."""

    key: str
    label: str
    colour: str
    count: int
    outline: str = ""
    dashed: bool = False
    provinces: int | None = None  # provinces in the class, where provinces have it too


@dataclass(frozen=True)
class LegendSection:
    """A group of legend rows under one title; ``shape`` is ``square`` (province fill),
    ``round`` (marker) or ``both`` (the class colours provinces and markers alike);
    ``inline`` rows are set side by side on one line (the marker ring's phases)."""

    title: str
    entries: tuple[LegendEntry, ...]
    shape: str
    inline: bool = False


def province_classes(codes: Iterable[str], areas: pd.DataFrame, mode: str) -> dict[str, tuple]:
    """(class key, colour) of every province code for ``mode`` (level, phase, count or
    change). In ``change`` mode (``areas`` with ``change_class``) a province takes the first
    class of :data:`CHANGE_CLASSES` among its areas: its best change."""
    if mode not in ("level", "phase", "count", "change"):
        raise ValueError(f"mode should be level, phase, count or change, got {mode!r}")
    stats = province_stats(areas)
    changes = _province_changes(areas) if mode == "change" else {}
    classes: dict[str, tuple[str, str]] = {}
    for code in codes:
        row = stats.get(code)
        if row is None:
            classes[code] = (EMPTY, NO_AREA_COLOUR)
        elif mode == "change":
            key = changes.get(code, "unknown")
            classes[code] = (key, CHANGE_COLOURS[key] if key != "unknown" else NO_LEVEL_COLOUR)
        elif mode == "level":
            highest = row["highest_level"]
            classes[code] = ((NO_LEVEL, NO_LEVEL_COLOUR) if pd.isna(highest)
                             else (str(int(highest)), LEVEL_COLOURS[int(highest)]))
        elif mode == "phase":
            classes[code] = (str(int(row["first_phase"])), PHASE_COLOURS[int(row["first_phase"])])
        else:
            classes[code] = count_class(int(row["areas"]))
    return classes



def _province_changes(areas: pd.DataFrame) -> dict[str, str]:
    if areas.empty or "change_class" not in areas.columns:
        return {}
    rank = {c: i for i, c in enumerate(CHANGE_CLASSES)}
    best = areas.assign(_rank=areas["change_class"].map(rank)).groupby("province_code")["_rank"]
    return {code: CHANGE_CLASSES[int(r)] for code, r in best.min().items()}


def change_legend(areas: pd.DataFrame, classes: dict[str, tuple], since: int, lang: str
                  ) -> LegendSection:
    """The change view's section: every class with its areas and provinces."""
    keys = areas["change_class"] if "change_class" in areas.columns and not areas.empty \
        else pd.Series(dtype=object)
    province_counts = pd.Series([key for key, _ in classes.values()]).value_counts()
    rows = tuple(LegendEntry(c, t(f"change_{c}", lang), CHANGE_COLOURS[c]
                             if c != "unknown" else NO_LEVEL_COLOUR, int((keys == c).sum()),
                             provinces=int(province_counts.get(c, 0)))
                 for c in CHANGE_CLASSES)
    empty = LegendEntry(EMPTY, t("no_area", lang), NO_AREA_COLOUR, 0,
                        provinces=int(province_counts.get(EMPTY, 0)))
    return LegendSection(t("legend_change", lang, year=year_text(since, lang)),
                         (*rows, empty), "both")


def as_of_entry(areas: pd.DataFrame, lang: str) -> LegendEntry:
    """The legend row of levels carried from an earlier year (pale, dashed markers)."""
    count = int(areas["as_of"].fillna(False).astype(bool).sum()) \
        if "as_of" in areas.columns and not areas.empty else 0
    return LegendEntry("as_of", t("legend_as_of", lang), "#bdbdbd", count,
                       outline=NO_LEVEL_COLOUR, dashed=True)


def province_legend(classes: dict[str, tuple], mode: str, levels: pd.DataFrame,
                    lang: str) -> list[LegendEntry]:
    """Legend rows for the province colours, every class shown, with province counts."""
    counts = pd.Series([key for key, _ in classes.values()]).value_counts()

    def n(key: str) -> int:
        return int(counts.get(key, 0))

    if mode == "level":
        rows = [LegendEntry(str(lv), level_label(lv, levels, lang), colour, n(str(lv)))
                for lv, colour in LEVEL_COLOURS.items()]
        rows.append(LegendEntry(NO_LEVEL, t("no_level", lang), NO_LEVEL_COLOUR, n(NO_LEVEL)))
    elif mode == "phase":
        rows = [LegendEntry(str(p), phase_label(p, lang), colour, n(str(p)))
                for p, colour in PHASE_COLOURS.items()]
    else:
        rows = [LegendEntry(key, t("n_areas", lang, n=key), colour, n(key))
                for key, colour in (count_class(1), count_class(2), count_class(3))]
    rows.append(LegendEntry(EMPTY, t("no_area", lang), NO_AREA_COLOUR, n(EMPTY)))
    return rows


def marker_style(level: object, phase: int, phase_basis: str = "stated",
                 as_of: bool = False, change: str | None = None) -> dict:
    """Leaflet circle-marker options: fill by level (or by ``change`` in a change view), ring
    by phase (one thing each). A level as of an earlier year is pale with a dashed ring.

    No published level is a white fill. How a phase is known (stated or inferred) is in the
    tooltip and the table, not in the ring. The web map sizes the marker to the zoom.
    """
    key = level_key(level)
    fill = "#ffffff" if key == NO_LEVEL else LEVEL_COLOURS[int(key)]
    if change is not None:
        fill = CHANGE_COLOURS.get(change, "#ffffff")
    return {
        "radius": 4,
        "color": PHASE_COLOURS[int(phase)],
        "weight": 1.5,
        "opacity": 1,
        "fillColor": fill,
        "fillOpacity": AS_OF_FILL_OPACITY if as_of and change is None else 1,
        "dashArray": "2 2" if as_of and change is None else None,
    }


def marker_legend(areas: pd.DataFrame, levels: pd.DataFrame, lang: str) -> list[LegendEntry]:
    """Legend rows for the markers: area counts by latest level, then by phase."""
    keys = areas["level"].map(level_key) if not areas.empty else pd.Series(dtype=object)
    rows = [LegendEntry(str(lv), level_label(lv, levels, lang), colour,
                        int((keys == str(lv)).sum()))
            for lv, colour in LEVEL_COLOURS.items()]
    rows.append(LegendEntry(NO_LEVEL, t("no_level", lang), "#ffffff",
                            int((keys == NO_LEVEL).sum()), outline=NO_LEVEL_COLOUR))
    for phase, colour in PHASE_COLOURS.items():
        count = int((areas["phase"] == phase).sum()) if not areas.empty else 0
        rows.append(LegendEntry(f"phase{phase}", phase_label(phase, lang), "#ffffff", count,
                                outline=colour))
    return rows


def map_legend(classes: dict[str, tuple], areas: pd.DataFrame, mode: str,
               levels: pd.DataFrame, lang: str, since: int | None = None
               ) -> tuple[LegendSection, ...]:
    """The map's legend (:func:`_map_legend`), with the change section first in a change
    view and a row counting the levels shown as of an earlier year."""
    if mode == "change":
        phase_rows = tuple(LegendEntry(f"phase{p}", phase_label(p, lang), "#ffffff",
                                       int((areas["phase"] == p).sum()) if not areas.empty
                                       else 0, outline=colour)
                           for p, colour in PHASE_COLOURS.items())
        return (change_legend(areas, classes, since or 0, lang),
                LegendSection(t("legend_ring_phase", lang), phase_rows, "ring", True))
    sections = _map_legend(classes, areas, mode, levels, lang)
    carried = as_of_entry(areas, lang)
    if not carried.count:
        return sections
    return (*sections, LegendSection(t("legend_as_of_title", lang), (carried,), "round"))


def _map_legend(classes: dict[str, tuple], areas: pd.DataFrame, mode: str,
                levels: pd.DataFrame, lang: str) -> tuple[LegendSection, ...]:
    """The map's legend: one story per view, in about ten rows.

    Markers are always filled by the area's latest level and ringed by its phase. In
    ``level`` mode the provinces share the level colours (one section counts areas and
    provinces); in ``phase`` mode they share the ring's phase colours; in ``count`` mode
    the provinces have their own section. Every class is listed, with its counts.
    """
    province_counts = pd.Series([key for key, _ in classes.values()]).value_counts()

    def provinces_in(key: str) -> int:
        return int(province_counts.get(key, 0))

    keys = areas["level"].map(level_key) if not areas.empty else pd.Series(dtype=object)
    phases = areas["phase"] if not areas.empty else pd.Series(dtype=object)
    with_provinces = mode == "level"
    level_rows = [LegendEntry(str(lv), level_label(lv, levels, lang), colour,
                              int((keys == str(lv)).sum()),
                              provinces=provinces_in(str(lv)) if with_provinces else None)
                  for lv, colour in LEVEL_COLOURS.items()]
    level_rows.append(LegendEntry(NO_LEVEL, t("no_level", lang),
                                  NO_LEVEL_COLOUR if with_provinces else "#ffffff",
                                  int((keys == NO_LEVEL).sum()), outline=NO_LEVEL_COLOUR,
                                  provinces=provinces_in(NO_LEVEL) if with_provinces else None))
    phase_rows = [LegendEntry(f"phase{p}", phase_label(p, lang),
                              colour if mode == "phase" else "#ffffff",
                              int((phases == p).sum()), outline=colour,
                              provinces=provinces_in(str(p)) if mode == "phase" else None)
                  for p, colour in PHASE_COLOURS.items()]
    empty = LegendEntry(EMPTY, t("no_area", lang), NO_AREA_COLOUR, 0,
                        provinces=provinces_in(EMPTY))
    if mode == "level":
        return (LegendSection(t("legend_level_both", lang), (*level_rows, empty), "both"),
                LegendSection(t("legend_ring_phase", lang), tuple(phase_rows), "ring", True))
    if mode == "phase":
        return (LegendSection(t("legend_phase_both", lang), (*phase_rows, empty), "both"),
                LegendSection(t("legend_marker_level", lang), tuple(level_rows), "round"))
    count_rows = tuple(LegendEntry(f"count{key}", t("n_areas", lang, n=key), colour, 0,
                                   provinces=provinces_in(key))
                       for key, colour in (count_class(1), count_class(2), count_class(3)))
    return (LegendSection(t("legend_province_count", lang), (*count_rows, empty), "square"),
            LegendSection(t("legend_marker_level", lang), tuple(level_rows), "round"),
            LegendSection(t("legend_ring_phase", lang), tuple(phase_rows), "ring", True))


def kpi_entries(counts: dict, lang: str) -> list[LegendEntry]:
    """Short count chips for the KPI strip, from :func:`ecotown.analysis.summary.summarise`."""
    rows = [LegendEntry(str(lv), t("level_n", lang, n=lv), colour, counts["by_level"][str(lv)])
            for lv, colour in LEVEL_COLOURS.items()]
    rows.append(LegendEntry(NO_LEVEL, t("no_level", lang), "#ffffff",
                            counts["by_level"][NO_LEVEL], outline=NO_LEVEL_COLOUR))
    rows += [LegendEntry(f"phase{p}", phase_label(p, lang), "#ffffff", counts["by_phase"][str(p)],
                         outline=colour) for p, colour in PHASE_COLOURS.items()]
    return rows


def fanned_positions(areas: pd.DataFrame, radius: float) -> list[tuple[float, float]]:
    """Display points ``(lat, lon)`` of the areas: areas sharing a point are fanned out on
    a circle of ``radius`` degrees so that each stays visible (web map and briefing alike)."""
    positions = []
    groups = areas.groupby(["lat", "lon"], sort=False).cumcount()
    sizes = areas.groupby(["lat", "lon"], sort=False)["area_id"].transform("size")
    for lat, lon, index, size in zip(areas["lat"], areas["lon"], groups, sizes, strict=True):
        lat, lon = float(lat), float(lon)
        if size > 1:
            angle = 2 * math.pi * index / size
            lat, lon = lat + radius * math.sin(angle), lon + radius * math.cos(angle)
        positions.append((lat, lon))
    return positions
