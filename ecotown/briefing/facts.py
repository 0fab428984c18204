"""The facts of a briefing: every number and every resolved Thai/English label of a view,
computed once (then drawn by :mod:`ecotown.briefing.drawing`, tabled by
:mod:`ecotown.briefing.tables`)."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

from ecotown.analysis.figures import view_headline
from ecotown.analysis.filters import apply_filters
from ecotown.analysis.framing import view_frame
from ecotown.analysis.progress import progress_report
from ecotown.analysis.summary import summarise
from ecotown.analysis.urlstate import ViewState
from ecotown.i18n.labels import LANGS, pick, t, year_text
from ecotown.model.dataset import Dataset
from ecotown.model.vocabulary import COLOR_MODES
from ecotown.present.captions import (
    clean_text,
    data_date,
    filter_words,
    headline_text,
    published_figures,
    source_lines,
    view_figures,
)
from ecotown.present.legend import (
    LegendEntry,
    change_legend,
    fanned_positions,
    kpi_entries,
    marker_legend,
    marker_style,
    province_classes,
    province_legend,
)
from ecotown.present.sentences import verdict_sentence
from ecotown.present.style import BADGE_COLOURS  # noqa: F401  (re-exported for drawing)
from ecotown.present.style import MAP_EXTENT as EXTENT_THAILAND

if TYPE_CHECKING:
    pass

FORMATS = ("png", "pdf", "csv", "xlsx")

MIME = {
    "png": "image/png",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}

PRODUCER = "Eco Town Atlas"



_SPACES = re.compile(r"\s+")

@dataclass(frozen=True)
class Export:
    """A file ready to download or write: its bytes, a safe file name and MIME type."""

    data: bytes
    filename: str
    mime: str

@dataclass(frozen=True)
class Marker:
    """One area marker as drawn: position (fanned out if shared), fill, outline, dash."""

    area_id: str
    lon: float
    lat: float
    fill: str
    outline: str
    dashed: bool

@dataclass(frozen=True)
class BriefingFacts:
    """Everything a briefing picture shows, in the view's language.

    Attributes
    ----------
    counts : Mapping
        :func:`ecotown.analysis.summary.summarise` for the view's filters (what the app shows).
    kpis : tuple
        ``(label, value)`` of the headline figures: areas, provinces, known-level share.
    kpi_levels, kpi_phases : tuple of LegendEntry
        Areas by latest level and by phase (:func:`ecotown.present.legend.kpi_entries`).
    province_legend : tuple of LegendEntry
        Province classes with the number of provinces in each
        (:func:`ecotown.present.legend.province_legend`); ``province_colours`` maps every province
        code to its colour (:func:`ecotown.present.legend.province_classes`).
    marker_legend : tuple of LegendEntry
        Marker classes with area counts (:func:`ecotown.present.legend.marker_legend`).
    markers : tuple of Marker
        The area markers as drawn (:func:`ecotown.present.legend.marker_style`).
    subtitle, subtitle_compact : str
        The filters in words; the compact form counts a long province list.
    data_date, sources : str, tuple of str
        The date of the data and the source lines.
    stem : str
        The file name without extension.
    extent : tuple of float
        ``(west, south, east, north)`` the map shows: all of Thailand, or for a narrowed
        view the provinces and markers of its areas (:func:`ecotown.analysis.framing`).
    labels : tuple
        ``(area_id, name, lon, lat)`` of each marker to name on the map (when at most
        :data:`MAX_NAMED` areas are shown); ``listed`` says them in one line.
    headline : str
        For a partial public record shown whole, the programme's published totals in words
        (:func:`ecotown.present.captions.headline_text`); the KPIs are then those totals.
    verdict, verdict_kind, target : str
        The 2037 verdict as the page states it (:func:`ecotown.present.sentences.
        verdict_sentence`), its kind (``on_course``, ``not_on_course``, ``not_known``) and
        the target in words.
    """

    lang: str
    title: str
    subtitle: str
    subtitle_compact: str
    badge: str
    synthetic: bool
    counts: Mapping
    kpis: tuple[tuple[str, str], ...]
    kpi_levels: tuple[LegendEntry, ...]
    kpi_phases: tuple[LegendEntry, ...]
    province_title: str
    province_mode: str
    province_legend: tuple[LegendEntry, ...]
    province_colours: Mapping[str, str]
    marker_legend: tuple[LegendEntry, ...]
    markers: tuple[Marker, ...]
    dataset_title: str
    data_date: str
    sources: tuple[str, ...]
    stem: str
    extent: tuple[float, float, float, float] = EXTENT_THAILAND
    labels: tuple[tuple[str, str, float, float], ...] = ()
    listed: str = ""
    headline: str = ""
    verdict: str = ""
    verdict_kind: str = ""
    target: str = ""

# --- facts ----------------------------------------------------------------------------------


def _markers(shown: pd.DataFrame, fan: float = 0.2) -> tuple[Marker, ...]:
    """Markers styled by :func:`ecotown.present.legend.marker_style`; areas sharing a point are
    fanned out on a circle of ``fan`` degrees so that each stays visible."""
    markers = []
    for row, (lat, lon) in zip(shown.itertuples(), fanned_positions(shown, fan), strict=True):
        style = marker_style(row.level, row.phase, row.phase_basis)
        markers.append(Marker(str(row.area_id), lon, lat, style["fillColor"], style["color"],
                              style["dashArray"] is not None))
    return tuple(markers)


def _slug(text: str, limit: int = 24) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-")


MAX_NAMED = 25  # up to this many shown areas, each is named on the map and listed
EXTENT_MARGIN = 0.08  # of the framed box, on each side


def _extent(provinces: pd.DataFrame, shown: pd.DataFrame, view: ViewState
            ) -> tuple[float, float, float, float]:
    """What the briefing's map frames: the same rule as the web map's fit."""
    if "geometry" not in getattr(provinces, "columns", ()):
        return EXTENT_THAILAND
    bounds = provinces.geometry.bounds
    frames = pd.DataFrame({"province_code": provinces["province_code"].to_numpy(),
                           "west": bounds["minx"].to_numpy(), "south": bounds["miny"].to_numpy(),
                           "east": bounds["maxx"].to_numpy(), "north": bounds["maxy"].to_numpy()})
    frame = view_frame(frames, shown, view.filters, view.selected_province, "")
    if frame.bounds is None:
        return EXTENT_THAILAND
    (south, west), (north, east) = frame.bounds
    pad_x, pad_y = (east - west) * EXTENT_MARGIN, (north - south) * EXTENT_MARGIN
    pad = max(pad_x, pad_y, 0.15)
    return (max(west - pad, EXTENT_THAILAND[0]), max(south - pad, EXTENT_THAILAND[1]),
            min(east + pad, EXTENT_THAILAND[2]), min(north + pad, EXTENT_THAILAND[3]))


def _labels(shown: pd.DataFrame, markers: tuple[Marker, ...], lang: str
            ) -> tuple[tuple[str, str, float, float], ...]:
    if not 0 < len(shown) <= MAX_NAMED:
        return ()
    names = {row.area_id: clean_text(pick(row.name_th, row.name_en, lang))
             for row in shown.itertuples()}
    return tuple((m.area_id, names[m.area_id], m.lon, m.lat) for m in markers)


def _listed(shown: pd.DataFrame, lang: str) -> str:
    if not 0 < len(shown) <= MAX_NAMED:
        return ""
    ordered = shown.sort_values(["province_code", "area_id"])
    names = [clean_text(pick(r.name_th, r.name_en, lang)) for r in ordered.itertuples()]
    return t("brief_areas_listed", lang, n=len(names), names=" · ".join(names))


def file_stem(dataset: Dataset, view: ViewState) -> str:
    """``ecotown-demo-phase3-th``: dataset, filters and language in safe characters."""
    f = view.filters
    parts = ["ecotown", _slug(dataset.name) or "dataset"]
    if f.phases:
        parts.append("phase" + "_".join(str(p) for p in f.phases))
    if f.levels:
        parts.append("level" + "_".join(f.levels))
    if f.min_level:
        parts.append(f"min{f.min_level}")
    if f.regions:
        parts.append("_".join(f.regions))
    if f.provinces:
        parts.append("province" + ("_".join(f.provinces) if len(f.provinces) <= 4
                                   else f"s{len(f.provinces)}"))
    if f.query:
        slug = _slug(f.query, 20)
        parts.append("q-" + (slug if slug and slug.isascii() and f.query.isascii()
                             else hashlib.sha1(f.query.encode()).hexdigest()[:8]))
    if view.color != "level":
        parts.append(f"by-{view.color}")
    if view.year is not None:
        parts.append(f"fy{view.year}")
    if view.since is not None:
        parts.append(f"since{view.since}")
    parts.append(view.lang)
    return "-".join(parts)


def briefing_facts(dataset: Dataset, areas: pd.DataFrame, provinces: pd.DataFrame,
                   view: ViewState, report: dict | None = None, path: bool = True
                   ) -> BriefingFacts:
    """Compute everything a briefing shows for a view, without drawing anything.

    Parameters
    ----------
    dataset : Dataset
        The loaded dataset of the view.
    areas : pandas.DataFrame
        Its area table, :func:`ecotown.analysis.summary.area_table` (all areas; the view's filters
        are applied here).
    provinces : pandas.DataFrame
        The province table (``province_code``, ``name_th``, ``name_en``; geometry unused).
    view : ViewState
        Language, colour mode and filters.
    report : dict, optional
        The view's :func:`ecotown.analysis.progress.progress_report`, when the caller has
        it (the deck, the one-file view); made here otherwise.
    path : bool
        ``False`` leaves the 2037 verdict out (and the progress report unmade): for a check
        that the facts can be made, which must not cost a page rerun the report.

    Returns
    -------
    BriefingFacts
        Texts, counts, legend rows, colours and markers, in ``view.lang``.
    """
    check_view(view)
    lang = view.lang
    shown = apply_filters(areas, view.filters)
    counts = summarise(dataset, areas, view.filters, view.year)
    mode = "change" if view.since is not None and "change_class" in shown.columns \
        else view.color
    classes = province_classes(provinces["province_code"], shown, mode)
    markers = marker_legend(shown, dataset.levels, lang)
    kpis = kpi_entries(counts, lang)
    markers_drawn = _markers(shown)
    headline = view_headline(dataset, view)
    # a partial record: the programme's published totals lead, as on the page
    figures = tuple((label, value) for _, label, value in (
        published_figures(headline, lang) if headline else view_figures(counts, lang)))
    if report is None and path:
        points = areas[[*dataset.areas.columns, "province_th", "province_en", "region"]]
        report = progress_report(dataset, points, view.filters, view.year, view.since)
    verdict = verdict_sentence(report, lang) if report is not None else ""
    return BriefingFacts(
        lang=lang,
        title=t("app_title", lang),
        subtitle=filter_words(dataset, provinces, view),
        subtitle_compact=filter_words(dataset, provinces, view, compact=True),
        badge=t("brief_badge_synthetic" if dataset.synthetic else "brief_badge_public", lang),
        synthetic=dataset.synthetic,
        counts=counts,
        kpis=figures,
        kpi_levels=tuple(e for e in kpis if not e.key.startswith("phase")),
        kpi_phases=tuple(e for e in kpis if e.key.startswith("phase")),
        province_title=t("legend_provinces", lang),
        province_mode=t(f"color_{view.color}", lang) if mode != "change" else
        t("legend_change", lang, year=year_text(view.since, lang)),
        province_legend=tuple(province_legend(classes, mode, dataset.levels, lang)
                              if mode != "change" else
                              change_legend(shown, classes, view.since, lang).entries),
        province_colours={code: colour for code, (_, colour) in classes.items()},
        marker_legend=tuple(markers),
        markers=markers_drawn,
        dataset_title=clean_text(dataset.title(lang)),
        data_date=data_date(dataset, counts["year"], lang),
        sources=source_lines(dataset, shown, lang),
        stem=file_stem(dataset, view),
        extent=_extent(provinces, shown, view),
        labels=_labels(shown, markers_drawn, lang),
        listed=_listed(shown, lang),
        headline=headline_text(headline, lang) if headline else "",
        verdict=verdict,
        verdict_kind=report["path"]["verdict"]["verdict"] if verdict else "",
        target=t("path_target_line", lang) if verdict else "",
    )


def check_view(view: ViewState) -> None:
    if not isinstance(view, ViewState):
        raise TypeError(f"'view' should be a ViewState, got {type(view)}")
    if view.lang not in LANGS:
        raise ValueError(f"view.lang should be one of {LANGS}, got {view.lang!r}")
    if view.color not in COLOR_MODES:
        raise ValueError(f"view.color should be one of {COLOR_MODES}, got {view.color!r}")
