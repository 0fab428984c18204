"""Briefing exports: the current view as a slide picture, a PDF or a table.

:func:`briefing` is the one entry point of the web download button and of
``python -m ecotown briefing``, so both give the same bytes for the same view. Everything
the picture shows is computed first by :func:`briefing_facts` (a pure function): counts from
:func:`ecotown.summary.summarise`, province classes and colours from
:func:`ecotown.legend.province_classes`, legend rows from :mod:`ecotown.legend`, the same
functions the web map uses. The picture is then laid out on a fixed grid, so the map sits
at the same place on every slide and :func:`png_pixel` can say where a place is drawn.

Outputs are deterministic: PNG without a timestamp or software version, PDF without a
creation date and with a fixed producer, XLSX with fixed zip entry times and workbook
dates. Tables guard against formula injection (a leading apostrophe before ``= + - @``).
matplotlib is imported only when a picture is drawn.
"""

from __future__ import annotations

import hashlib
import io
import math
import re
import threading
import unicodedata
import zipfile
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cache
from typing import TYPE_CHECKING
from urllib.parse import urlparse

import pandas as pd

from ecotown.analysis.filters import NO_LEVEL, apply_filters
from ecotown.analysis.summary import summarise
from ecotown.analysis.urlstate import COLOR_MODES, ViewState
from ecotown.i18n.labels import LANGS, t
from ecotown.model.dataset import Dataset
from ecotown.model.geography import region_name
from ecotown.present.legend import (
    LegendEntry,
    kpi_entries,
    marker_legend,
    marker_style,
    province_classes,
    province_legend,
)
from ecotown.present.safe_html import drawable, guard_formula, xml_text
from ecotown.present.style import BORDER_COLOUR, MAP_EXTENT, SEA_COLOUR, level_label, phase_label
from ecotown.present.tables import display_areas

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure

__all__ = ["FORMATS", "BriefingFacts", "Export", "briefing", "briefing_facts",
           "briefing_figure", "briefing_filename", "png_pixel"]

FORMATS = ("png", "pdf", "csv", "xlsx")
MIME = {
    "png": "image/png",
    "pdf": "application/pdf",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
PRODUCER = "Eco Town Atlas"
FIXED_TIME = datetime(2000, 1, 1)  # workbook created/modified: no wall clock in the bytes
ZIP_TIME = (1980, 1, 1, 0, 0, 0)
BADGE_COLOURS = {True: "#b3261e", False: "#1d4f91"}  # synthetic: red; public record: blue
EXTENT = MAP_EXTENT  # the lon/lat box of the map, shared with the web map
_RENDER_LOCK = threading.Lock()
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
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
        :func:`ecotown.summary.summarise` for the view's filters (what the app shows).
    kpis : tuple
        ``(label, value)`` of the headline figures: areas, provinces, known-level share.
    kpi_levels, kpi_phases : tuple of LegendEntry
        Areas by latest level and by phase (:func:`ecotown.legend.kpi_entries`).
    province_legend : tuple of LegendEntry
        Province classes with the number of provinces in each
        (:func:`ecotown.legend.province_legend`); ``province_colours`` maps every province
        code to its colour (:func:`ecotown.legend.province_classes`).
    marker_legend : tuple of LegendEntry
        Marker classes with area counts (:func:`ecotown.legend.marker_legend`).
    markers : tuple of Marker
        The area markers as drawn (:func:`ecotown.legend.marker_style`).
    subtitle, subtitle_compact : str
        The filters in words; the compact form counts a long province list.
    data_date, sources : str, tuple of str
        The date of the data and the source lines.
    stem : str
        The file name without extension.
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


# --- facts ----------------------------------------------------------------------------------


def _clean(text: object) -> str:
    """One line of printable text: control characters and runs of spaces become one space."""
    return _SPACES.sub(" ", _CONTROL.sub(" ", str(text))).strip()


def _filter_words(dataset: Dataset, provinces: pd.DataFrame, view: ViewState,
                  compact: bool = False) -> str:
    """The view's filters in words; ``compact`` counts a long province list and shortens a
    long search text."""
    lang, f = view.lang, view.filters
    if not f.active:
        return t("brief_all_areas", lang)
    names = dict(zip(provinces["province_code"], provinces[f"name_{lang}"], strict=True))
    parts = []
    if f.phases:
        parts.append(", ".join(phase_label(p, lang) for p in f.phases))
    if f.levels:
        parts.append(", ".join(t("no_level", lang) if v == NO_LEVEL
                               else level_label(v, dataset.levels, lang, short=True)
                               for v in f.levels))
    if f.regions:
        parts.append(f"{t('region', lang)}:\u00a0"
                     + ", ".join(region_name(r, lang) for r in f.regions))
    if f.provinces and compact and len(f.provinces) > 3:
        parts.append(t("brief_n_provinces", lang, n=len(f.provinces)))
    elif f.provinces:
        parts.append(f"{t('province', lang)}:\u00a0"
                     + ", ".join(_clean(names.get(code, code)) for code in f.provinces))
    if f.query:
        query = _clean(f.query)
        if compact and len(query) > 24:
            query = query[:_safe_cut(query, 24)].rstrip() + _ELLIPSIS
        parts.append(t("brief_search", lang, q=query))
    return t("brief_filters", lang, filters=" · ".join(parts))


def _date_text(as_of: str, lang: str) -> str:
    """``2023-05-30`` as ``30 May 2023`` or ``30 พ.ค. 2566`` (Buddhist Era in Thai)."""
    try:
        parts = [int(p) for p in str(as_of).split("-")]
        if len(parts) > 1 and not 1 <= parts[1] <= 12:
            raise ValueError(as_of)
    except ValueError:  # the schema admits only real dates; say what the data says
        return _clean(as_of)
    year = parts[0] + 543 if lang == "th" else parts[0]
    month = t(f"brief_month_{parts[1]}", lang) if len(parts) > 1 else ""
    day = str(parts[2]) if len(parts) > 2 else ""
    return "\u00a0".join(p for p in (day, month, str(year)) if p)  # never broken


def _data_date(dataset: Dataset, year: int | None, lang: str) -> str:
    text = (t("brief_no_year", lang) if year is None
            else t("brief_data_year", lang, year=year + 543 if lang == "th" else year))
    if not dataset.programme_figures.empty:
        as_of = str(dataset.programme_figures["as_of"].max())
        text += " · " + t("brief_as_of", lang, date=_date_text(as_of, lang))
    return text


def _source_lines(dataset: Dataset, shown: pd.DataFrame, lang: str) -> tuple[str, ...]:
    geo = t("brief_source_geo", lang)
    if dataset.synthetic:
        return geo, t("brief_source_synthetic", lang, seed=_clean(dataset.meta.get("seed", "–")))
    hosts = Counter(urlparse(url).netloc.removeprefix("www.")
                    for cell in shown["sources"] for url in str(cell).split()
                    if url.startswith(("http://", "https://")))
    ranked = sorted(hosts, key=lambda host: (-hosts[host], host))
    if not ranked:
        return geo, t("brief_source_public_none", lang)
    named = ", ".join(ranked[:3])
    if len(ranked) > 3:
        named += " " + t("brief_more_sources", lang, n=len(ranked) - 3)
    return geo, t("brief_source_public", lang, sources=named)


def _markers(shown: pd.DataFrame, fan: float = 0.2) -> tuple[Marker, ...]:
    """Markers styled by :func:`ecotown.legend.marker_style`; areas sharing a point are
    fanned out on a circle of ``fan`` degrees so that each stays visible."""
    position = shown.groupby(["lat", "lon"], sort=False).cumcount()
    size = shown.groupby(["lat", "lon"], sort=False)["area_id"].transform("size")
    markers = []
    for row, index, count in zip(shown.itertuples(), position, size, strict=True):
        lat, lon = float(row.lat), float(row.lon)
        if count > 1:
            angle = 2 * math.pi * index / count
            lat, lon = lat + fan * math.sin(angle), lon + fan * math.cos(angle)
        style = marker_style(row.level, row.phase, row.phase_basis)
        markers.append(Marker(str(row.area_id), lon, lat, style["fillColor"], style["color"],
                              style["dashArray"] is not None))
    return tuple(markers)


def _slug(text: str, limit: int = 24) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-")


def _stem(dataset: Dataset, view: ViewState) -> str:
    """``ecotown-demo-phase3-th``: dataset, filters and language in safe characters."""
    f = view.filters
    parts = ["ecotown", _slug(dataset.name) or "dataset"]
    if f.phases:
        parts.append("phase" + "_".join(str(p) for p in f.phases))
    if f.levels:
        parts.append("level" + "_".join(f.levels))
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
    parts.append(view.lang)
    return "-".join(parts)


def briefing_facts(dataset: Dataset, areas: pd.DataFrame, provinces: pd.DataFrame,
                   view: ViewState) -> BriefingFacts:
    """Compute everything a briefing shows for a view, without drawing anything.

    Parameters
    ----------
    dataset : Dataset
        The loaded dataset of the view.
    areas : pandas.DataFrame
        Its area table, :func:`ecotown.summary.area_table` (all areas; the view's filters
        are applied here).
    provinces : pandas.DataFrame
        The province table (``province_code``, ``name_th``, ``name_en``; geometry unused).
    view : ViewState
        Language, colour mode and filters.

    Returns
    -------
    BriefingFacts
        Texts, counts, legend rows, colours and markers, in ``view.lang``.
    """
    _check(view)
    lang = view.lang
    shown = apply_filters(areas, view.filters)
    counts = summarise(dataset, areas, view.filters)
    classes = province_classes(provinces["province_code"], shown, view.color)
    markers = marker_legend(shown, dataset.levels, lang)
    kpis = kpi_entries(counts, lang)
    return BriefingFacts(
        lang=lang,
        title=t("app_title", lang),
        subtitle=_filter_words(dataset, provinces, view),
        subtitle_compact=_filter_words(dataset, provinces, view, compact=True),
        badge=t("brief_badge_synthetic" if dataset.synthetic else "brief_badge_public", lang),
        synthetic=dataset.synthetic,
        counts=counts,
        kpis=((t("areas", lang), str(counts["areas"])),
              (t("provinces", lang), str(counts["provinces"])),
              (t("share_known_level", lang), f"{counts['known_level_share']:.0%}")),
        kpi_levels=tuple(e for e in kpis if not e.key.startswith("phase")),
        kpi_phases=tuple(e for e in kpis if e.key.startswith("phase")),
        province_title=t("legend_provinces", lang),
        province_mode=t(f"color_{view.color}", lang),
        province_legend=tuple(province_legend(classes, view.color, dataset.levels, lang)),
        province_colours={code: colour for code, (_, colour) in classes.items()},
        marker_legend=tuple(markers),
        markers=_markers(shown),
        dataset_title=_clean(dataset.title(lang)),
        data_date=_data_date(dataset, counts["year"], lang),
        sources=_source_lines(dataset, shown, lang),
        stem=_stem(dataset, view),
    )


def _check(view: ViewState) -> None:
    if not isinstance(view, ViewState):
        raise TypeError(f"'view' should be a ViewState, got {type(view)}")
    if view.lang not in LANGS:
        raise ValueError(f"view.lang should be one of {LANGS}, got {view.lang!r}")
    if view.color not in COLOR_MODES:
        raise ValueError(f"view.color should be one of {COLOR_MODES}, got {view.color!r}")


# --- page geometry --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Sheet:
    """A canvas: size in inches, dots per inch, type scale and margin (inches)."""

    width: float
    height: float
    dpi: int
    scale: float
    margin: float = 0.35

    def pt(self, size: float) -> float:
        """A type size scaled for this sheet, in points."""
        return size * self.scale


SHEETS = {
    "png": _Sheet(16.0, 9.0, 120, 1.1),  # 1920 × 1080 px, 16:9, type for a projector
    "pdf": _Sheet(297 / 25.4, 210 / 25.4, 100, 0.85),  # A4 landscape, type for print
}
_MID_LAT = (EXTENT[1] + EXTENT[3]) / 2
_ASPECT = 1 / math.cos(math.radians(_MID_LAT))  # as GeoPandas draws lon/lat


def _map_box(sheet: _Sheet) -> tuple[float, float, float, float]:
    """Left, bottom, width and height (inches) of the map: full height, at the left."""
    height = sheet.height - 2 * sheet.margin
    width = height * (EXTENT[2] - EXTENT[0]) / ((EXTENT[3] - EXTENT[1]) * _ASPECT)
    return sheet.margin, sheet.margin, width, height


def png_pixel(lon: float, lat: float) -> tuple[float, float]:
    """Where a lon/lat point is drawn in the briefing PNG.

    The map has the same place and scale on every PNG briefing, whatever the view, so
    this needs no figure.

    Parameters
    ----------
    lon, lat : float
        A point in degrees (EPSG:4326).

    Returns
    -------
    tuple of float
        ``(x, y)`` in pixels from the top left corner of the PNG.
    """
    sheet = SHEETS["png"]
    left, bottom, width, height = _map_box(sheet)
    x = left + (lon - EXTENT[0]) / (EXTENT[2] - EXTENT[0]) * width
    y = bottom + (lat - EXTENT[1]) / (EXTENT[3] - EXTENT[1]) * height
    return x * sheet.dpi, (sheet.height - y) * sheet.dpi


# --- drawing --------------------------------------------------------------------------------

INK = "#1a1a1a"
MUTED = "#4d4d4d"
PANEL = "#f3f5f7"
# A line box, in multiples of the type size: Thai stacks a vowel and a tone mark above the
# consonant (up to 1.25 em) and vowels below the baseline (0.35 em).
_ASCENT = 1.27
_DESCENT = 0.38
_LINE = _ASCENT + _DESCENT
_ELLIPSIS = "…"


def _safe_cut(text: str, end: int) -> int:
    """The largest cut point ≤ end that splits no Thai cluster (no lone marks or vowels)."""
    while end > 0 and (unicodedata.category(text[end]) in ("Mn", "Mc")
                       or text[end] == "\u0e33" or text[end - 1] in "เแโใไ"):
        end -= 1
    return end


_WIDTHS: dict[tuple, float] = {}  # measured text widths, shared by every export


class _Page:
    """A figure on a sheet, with text measured and placed in inches from the top left."""

    def __init__(self, sheet: _Sheet, family: list[str]):
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.sheet = sheet
        self.family = family
        self.fig = Figure(figsize=(sheet.width, sheet.height), dpi=sheet.dpi)
        FigureCanvasAgg(self.fig)
        self._renderer = self.fig.canvas.get_renderer()

    def _prop(self, size: float, weight: str):
        from matplotlib.font_manager import FontProperties

        return FontProperties(family=self.family, size=size, weight=weight)

    def width(self, text: str, size: float, weight: str = "normal") -> float:
        """Width of one line of text, in inches (with 3 % to spare)."""
        key = (text, size, weight, self.fig.dpi, tuple(self.family))
        width = _WIDTHS.get(key)
        if width is None:
            w, _, _ = self._renderer.get_text_width_height_descent(
                text, self._prop(size, weight), ismath=False)
            width = 1.03 * w / self.fig.dpi
            if len(_WIDTHS) > 20_000:  # bounded: a long-running app exports many views
                _WIDTHS.clear()
            _WIDTHS[key] = width
        return width

    def fit(self, text: str, width: float, size: float, weight: str = "normal") -> str:
        """``text``, shortened with an ellipsis if it is wider than ``width`` inches."""
        if self.width(text, size, weight) <= width:
            return text
        low, high = 0, len(text)
        while low < high:  # the longest prefix that fits with the ellipsis
            mid = (low + high + 1) // 2
            if self.width(text[:mid].rstrip() + _ELLIPSIS, size, weight) <= width:
                low = mid
            else:
                high = mid - 1
        return text[:_safe_cut(text, low)].rstrip(" ·,:\u00a0") + _ELLIPSIS

    def wrap(self, text: str, width: float, size: float, max_lines: int,
             weight: str = "normal") -> list[str]:
        """Break ``text`` at spaces into at most ``max_lines`` lines that fit ``width``."""
        words = text.split(" ")
        lines: list[str] = []
        current = ""
        for word in words:
            trial = f"{current} {word}" if current else word
            if not current or self.width(trial, size, weight) <= width:
                current = trial
            else:
                lines.append(current)
                current = word
        lines.append(current)
        if len(lines) > max_lines:
            lines = [*lines[:max_lines - 1], " ".join(lines[max_lines - 1:])]
        return [self.fit(line, width, size, weight) for line in lines]

    def text(self, x: float, top: float, text: str, size: float, weight: str = "normal",
             colour: str = INK, ha: str = "left", ascent: float = _ASCENT) -> float:
        """Draw one line whose line box starts ``top`` inches from the top; return its
        bottom. ``ascent`` (in ems) is the room above the baseline."""
        baseline = top + ascent * size / 72
        text = drawable(text).replace("\u00a0", " ")  # no-break spaces only glue words
        self.fig.text(x, self.sheet.height - baseline, text, transform=self.fig.dpi_scale_trans,
                      fontsize=size, fontweight=weight, color=colour, ha=ha, va="baseline",
                      fontfamily=self.family, parse_math=False)
        return baseline + _DESCENT * size / 72

    def rect(self, x: float, top: float, width: float, height: float, face: str,
             edge: str = "none", linewidth: float = 0.0, zorder: float = 0.5) -> None:
        """A filled rectangle, ``top`` inches from the top."""
        from matplotlib.patches import Rectangle

        self.fig.add_artist(Rectangle((x, self.sheet.height - top - height), width, height,
                                      transform=self.fig.dpi_scale_trans, facecolor=face,
                                      edgecolor=edge, linewidth=linewidth, zorder=zorder))

    def dot(self, x: float, y: float, radius: float, face: str, edge: str,
            linewidth: float, dashed: bool = False) -> None:
        """A circle like a map marker, centred ``y`` inches from the top."""
        from matplotlib.patches import Circle

        self.fig.add_artist(Circle((x, self.sheet.height - y), radius,
                                   transform=self.fig.dpi_scale_trans, facecolor=face,
                                   edgecolor=edge, linewidth=linewidth,
                                   linestyle=(0, (1.6, 1.1)) if dashed else "solid"))


def _marker_size(sheet: _Sheet) -> tuple[float, float]:
    """Marker radius and outline width, in points."""
    return sheet.pt(5.5), sheet.pt(2.2)


_PATHS: dict[str, list] = {}


def _province_paths(provinces: gpd.GeoDataFrame) -> list:
    """The province polygons as matplotlib paths (holes wound the other way), made once per
    distinct geometry and reused: GeoPandas' ``plot`` would also redraw the whole figure."""
    import numpy as np
    import shapely
    from matplotlib.path import Path

    key = hashlib.sha1(b"".join(shapely.to_wkb(provinces.geometry.values))).hexdigest()
    paths = _PATHS.get(key)
    if paths is None:
        paths = []
        for geometry in shapely.orient_polygons(provinces.geometry.values):
            rings = [ring for polygon in getattr(geometry, "geoms", [geometry])
                     for ring in (polygon.exterior, *polygon.interiors)]
            vertices = [np.asarray(ring.coords)[:, :2] for ring in rings]
            codes = [np.array([Path.MOVETO] + [Path.LINETO] * (len(v) - 2)
                              + [Path.CLOSEPOLY], dtype=Path.code_type) for v in vertices]
            paths.append(Path(np.concatenate(vertices), np.concatenate(codes)))
        if len(_PATHS) >= 4:  # in practice one geometry: the committed provinces
            _PATHS.clear()
        _PATHS[key] = paths
    return paths


def _draw_map(page: _Page, facts: BriefingFacts, provinces: gpd.GeoDataFrame) -> None:
    sheet = page.sheet
    left, bottom, width, height = _map_box(sheet)
    ax = page.fig.add_axes((left / sheet.width, bottom / sheet.height,
                            width / sheet.width, height / sheet.height))
    ax.set_facecolor(SEA_COLOUR)
    for spine in ax.spines.values():
        spine.set_edgecolor("#c9d3dd")
        spine.set_linewidth(0.6)
    ax.set_xticks([])
    ax.set_yticks([])
    from matplotlib.collections import PathCollection

    colours = [facts.province_colours.get(code, BORDER_COLOUR)
               for code in provinces["province_code"]]
    ax.add_collection(PathCollection(_province_paths(provinces), facecolors=colours,
                                     edgecolors=BORDER_COLOUR, linewidths=sheet.pt(0.6)))
    radius, weight = _marker_size(sheet)
    if facts.markers:
        # A white halo under every marker: it stands out on a province of its own colour,
        # and the gaps of a dashed outline read as white.
        ax.scatter([m.lon for m in facts.markers], [m.lat for m in facts.markers],
                   s=(2 * radius + weight + sheet.pt(2.4)) ** 2, c="#ffffff",
                   linewidths=0, zorder=2.9)
        ax.scatter([m.lon for m in facts.markers], [m.lat for m in facts.markers],
                   s=(2 * radius) ** 2, c=[m.fill for m in facts.markers],
                   edgecolors=[m.outline for m in facts.markers], linewidths=weight,
                   linestyles=[(0, (1.6, 1.1)) if m.dashed else "solid"
                               for m in facts.markers], zorder=3)
    else:
        ax.text(0.5, 0.5, t("brief_no_areas", facts.lang), transform=ax.transAxes,
                ha="center", va="center", fontsize=sheet.pt(15), color=MUTED,
                fontfamily=page.family, parse_math=False,
                bbox={"facecolor": "white", "edgecolor": "#c9d3dd", "pad": 6})
    if facts.synthetic:  # repeated on the map, so a cropped map still says it
        ax.text(0.975, 0.012, facts.badge.replace(" — ", "\n"), transform=ax.transAxes,
                ha="right", va="bottom", fontsize=sheet.pt(10), fontweight="bold",
                color="#ffffff", linespacing=1.5,
                fontfamily=page.family, parse_math=False, zorder=4,
                bbox={"facecolor": BADGE_COLOURS[True], "edgecolor": "none", "pad": 3})
    ax.set_xlim(EXTENT[0], EXTENT[2])
    ax.set_ylim(EXTENT[1], EXTENT[3])
    ax.set_aspect("auto")


def _legend_rows(page: _Page, x: float, top: float, width: float,
                 entries: tuple[LegendEntry, ...], size: float, shape: str,
                 counts: bool) -> float:
    """Legend rows (swatch, label, count right-aligned); return the bottom."""
    sheet = page.sheet
    swatch = 1.0 * size / 72
    count_width = max((page.width(str(e.count), size, "bold") for e in entries),
                      default=0) if counts else 0
    label_x = x + swatch + 0.1 * sheet.scale
    label_width = width - (label_x - x) - (count_width + 0.12 if counts else 0)
    for entry in entries:
        middle = top + (_ASCENT - 0.33) * size / 72
        if shape == "square":
            page.rect(x, middle - swatch / 2, swatch, swatch, entry.colour, "#8a8a8a",
                      sheet.pt(0.6), zorder=1)
        else:
            radius, weight = _marker_size(sheet)
            page.dot(x + swatch / 2, middle, radius / 72, entry.colour,
                     entry.outline or "#8a8a8a",
                     weight if entry.outline else sheet.pt(0.8), entry.dashed)
        row_top = top
        for line in page.wrap(entry.label, label_width, size, 2):
            top = page.text(label_x, top, line, size)
        if counts:
            page.text(x + width, row_top, str(entry.count), size, "bold", ha="right")
    return top


def _draw_header(page: _Page, facts: BriefingFacts, x0: float, x1: float) -> float:
    """The dataset badge, the title, then the filters in words; return the bottom."""
    sheet, pt = page.sheet, page.sheet.pt
    width = x1 - x0
    badge_size, title_size, subtitle_size = pt(14), pt(30), pt(16)
    badge_pad = 0.12 * sheet.scale
    badge = page.fit(facts.badge, width - 2 * badge_pad, badge_size, "bold")
    badge_height = 1.6 * badge_size / 72
    page.rect(x0, sheet.margin, page.width(badge, badge_size, "bold") + 2 * badge_pad,
              badge_height, BADGE_COLOURS[facts.synthetic], zorder=1)
    page.text(x0 + badge_pad, sheet.margin, badge, badge_size, "bold", colour="#ffffff",
              ascent=1.17)
    top = sheet.margin + badge_height + 0.08 * sheet.scale
    top = page.text(x0, top, page.fit(facts.title, width, title_size, "bold"), title_size,
                    "bold", ascent=1.1) + 0.03 * sheet.scale
    subtitle = facts.subtitle
    if len(page.wrap(subtitle, width, subtitle_size, 99)) > 2:
        subtitle = facts.subtitle_compact  # many provinces or a long search: counted
    for line in page.wrap(subtitle, width, subtitle_size, 2):
        top = page.text(x0, top, line, subtitle_size, colour=MUTED)
    return top


def _draw_kpis(page: _Page, facts: BriefingFacts, x0: float, top: float, width: float
               ) -> float:
    """The KPI box: headline numbers, then areas by level and by phase with the marker
    symbols (so it is also the marker key); return the bottom."""
    sheet, pt = page.sheet, page.sheet.pt
    pad = 0.16 * sheet.scale
    box_top = top
    top += pad
    stat_width = (width - 2 * pad) / len(facts.kpis)
    bottom = top
    widest = max(page.width(value, pt(34), "bold") for _, value in facts.kpis)
    number_size = pt(34) * min(1.0, (stat_width - 0.15 * sheet.scale) / widest)
    for index, (label, value) in enumerate(facts.kpis):
        x = x0 + pad + index * stat_width
        below = page.text(x, top, value, number_size, "bold", ascent=0.95)
        for line in page.wrap(label, stat_width - 0.12 * sheet.scale, pt(13.5), 2):
            below = page.text(x, below, line, pt(13.5), colour=MUTED)
        bottom = max(bottom, below)
    top = bottom
    dashed = tuple(e for e in facts.marker_legend if e.dashed)
    for heading, entries in ((t("brief_kpi_levels", facts.lang), facts.kpi_levels),
                             (t("brief_kpi_phases", facts.lang), facts.kpi_phases + dashed)):
        top += 0.1 * sheet.scale
        for line in page.wrap(heading, width - 2 * pad, pt(13.5), 2, "bold"):
            top = page.text(x0 + pad, top, line, pt(13.5), "bold")
        top = _legend_rows(page, x0 + pad, top, width - 2 * pad, entries, pt(13), "circle",
                           True)
    top += pad
    page.rect(x0, box_top, width, top - box_top, PANEL, zorder=0.2)
    return top


def _draw_province_legend(page: _Page, facts: BriefingFacts, x0: float, top: float,
                          width: float) -> float:
    """Province colours with the number of provinces in each class; return the bottom."""
    pt = page.sheet.pt
    top += 0.16 * page.sheet.scale
    heading = f"{facts.province_title}: {facts.province_mode}"
    for line in page.wrap(heading, width, pt(13.5), 2, "bold"):
        top = page.text(x0, top, line, pt(13.5), "bold")
    unit = t("provinces", facts.lang)
    top = page.text(x0 + width, top, unit, pt(11), colour=MUTED, ha="right")
    return _legend_rows(page, x0, top, width, facts.province_legend, pt(13), "square", True)


def _draw_footer(page: _Page, facts: BriefingFacts, x0: float, width: float) -> float:
    """The date of the data and the sources, set from the bottom up; return the top."""
    sheet, pt = page.sheet, page.sheet.pt
    dated = f"{t('dataset', facts.lang)}: {facts.dataset_title} · {facts.data_date}"
    lines = [(line, pt(12), INK) for line in page.wrap(dated, width, pt(12), 2)]
    lines += [(line, pt(10.5), MUTED) for source in facts.sources
              for line in page.wrap(source, width, pt(10.5), 3)]
    top = sheet.height - sheet.margin - sum(_LINE * size / 72 for _, size, _ in lines)
    y = top
    for line, size, colour in lines:
        y = page.text(x0, y, line, size, colour=colour)
    return top


def _draw_panel(page: _Page, facts: BriefingFacts) -> bool:
    """Everything right of the map: header, KPI box, province legend and footer; return
    whether the boxes end above the footer."""
    sheet = page.sheet
    left, _, map_width, _ = _map_box(sheet)
    x0 = left + map_width + 0.45 * sheet.scale
    x1 = sheet.width - sheet.margin
    top = _draw_header(page, facts, x0, x1) + 0.16 * sheet.scale
    gap = 0.35 * sheet.scale
    room = x1 - x0 - gap
    size = sheet.pt(13)
    legend_needed = (max(page.width(e.label, size) for e in facts.province_legend)
                     + page.width("77", size, "bold") + 1.0 * size / 72 + 0.3 * sheet.scale)
    legend_width = min(max(legend_needed, 0.45 * room), 0.55 * room)
    bottom = max(_draw_kpis(page, facts, x0, top, room - legend_width),
                 _draw_province_legend(page, facts, x1 - legend_width, top, legend_width))
    return bottom + 0.15 * sheet.scale <= _draw_footer(page, facts, x0, x1 - x0)


def _rc(family: str) -> dict:
    from ecotown.briefing.fonts import FALLBACK_FAMILY

    return {"font.family": [family, FALLBACK_FAMILY], "pdf.fonttype": 42,
            "text.parse_math": False, "axes.unicode_minus": False,
            "savefig.facecolor": "white", "figure.facecolor": "white"}


def briefing_figure(facts: BriefingFacts, provinces: gpd.GeoDataFrame, fmt: str = "png"
                    ) -> Figure:
    """Draw the briefing picture of ``facts`` on the sheet of ``fmt`` (``png`` or ``pdf``).

    Parameters
    ----------
    facts : BriefingFacts
        From :func:`briefing_facts`.
    provinces : geopandas.GeoDataFrame
        The province polygons (:func:`ecotown.geography.load_provinces`).
    fmt : {"png", "pdf"}
        16:9 slide (16 × 9 in, 120 dpi) or A4 landscape.

    Returns
    -------
    matplotlib.figure.Figure
        A figure with an Agg canvas; call it inside the same ``rc_context`` as
        :func:`briefing` does if you save it yourself.
    """
    from ecotown.briefing.fonts import FALLBACK_FAMILY, register_fonts

    if fmt not in SHEETS:
        raise ValueError(f"fmt should be png or pdf for a figure, got {fmt!r}")
    family = [register_fonts(), FALLBACK_FAMILY]
    for shrink in (1.0, 0.94, 0.88, 0.82):  # smaller type if long texts need more lines
        page = _Page(replace(SHEETS[fmt], scale=SHEETS[fmt].scale * shrink), family)
        if _draw_panel(page, facts):
            break
    _draw_map(page, facts, provinces)
    return page.fig


# --- PNG and PDF bytes ----------------------------------------------------------------------


def _png_bytes(figure: Figure, facts: BriefingFacts) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=SHEETS["png"].dpi,
                   metadata={"Software": None, "Title": facts.title, "Source": PRODUCER})
    return buffer.getvalue()


def _one_text_per_cluster(cmap: bytes) -> bytes:
    """Rewrite a ToUnicode CMap so that each shaped Thai cluster is extracted once.

    matplotlib maps every glyph of a multi-glyph cluster (e.g. ท + ี + ่) to the whole
    cluster text, so PDF readers copy "ที่ที่ที่" for "ที่". The first glyph of a cluster
    (the lowest code: codes are given out in drawing order) keeps the text; the others map
    to nothing.
    """
    head, _, rest = cmap.partition(b"beginbfrange")
    body, _, tail = rest.partition(b"endbfrange")
    head = head[:head.rfind(b"\n") + 1]
    mapping: dict[int, str] = {}
    for match in re.finditer(rb"<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*\[([^\]]*)\]", body):
        start = int(match[1], 16)
        for offset, value in enumerate(re.findall(rb"<([0-9a-fA-F]*)>", match[3])):
            mapping[start + offset] = bytes.fromhex(value.decode()).decode("utf-16-be")
    first: dict[str, int] = {}
    for code in sorted(mapping):
        if len(mapping[code]) > 1:
            first.setdefault(mapping[code], code)
    lines = [f"<{code:04x}> <{mapping[code].encode('utf-16-be').hex()}>"
             if len(mapping[code]) < 2 or first[mapping[code]] == code else f"<{code:04x}> <>"
             for code in sorted(mapping)]
    blocks = [lines[i:i + 100] for i in range(0, len(lines), 100)]
    chars = "".join(f"{len(block)} beginbfchar\n" + "\n".join(block) + "\nendbfchar\n"
                    for block in blocks).encode("ascii")
    return head + chars + tail.lstrip(b"\n")


@cache
def _pdf_canvas_class() -> type:
    """A PDF canvas whose file writes cluster-aware ToUnicode maps (see above)."""
    from matplotlib.backends.backend_mixed import MixedModeRenderer
    from matplotlib.backends.backend_pdf import FigureCanvasPdf, PdfFile, RendererPdf

    class ClusterTextPdfFile(PdfFile):
        def outputStream(self, ref, data, *, extra=None):  # matplotlib names it so
            if data.startswith(b"/CIDInit /ProcSet findresource begin") and b"bfrange" in data:
                data = _one_text_per_cluster(data)
            super().outputStream(ref, data, extra=extra)

    class BriefingCanvasPdf(FigureCanvasPdf):
        def print_pdf(self, filename, *, bbox_inches_restore=None, metadata=None,
                      **_print_figure_options):
            dpi = self.figure.dpi
            self.figure.dpi = 72
            width, height = self.figure.get_size_inches()
            file = ClusterTextPdfFile(filename, metadata=metadata)
            try:
                file.newPage(width, height)
                renderer = MixedModeRenderer(self.figure, width, height, dpi,
                                             RendererPdf(file, dpi, height, width),
                                             bbox_inches_restore=bbox_inches_restore)
                self.figure.draw(renderer)
                renderer.finalize()
                file.finalize()
            finally:
                file.close()

    return BriefingCanvasPdf


def _pdf_bytes(figure: Figure, facts: BriefingFacts) -> bytes:
    buffer = io.BytesIO()
    canvas = _pdf_canvas_class()(figure)
    canvas.print_figure(buffer, format="pdf", metadata={
        "Title": f"{facts.title} — {facts.subtitle}", "Subject": facts.badge,
        "Creator": PRODUCER, "Producer": PRODUCER, "CreationDate": None})
    return buffer.getvalue()


# --- tables ---------------------------------------------------------------------------------


_guard = guard_formula


def _cell(value: object) -> object:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if hasattr(value, "item"):  # numpy scalar
        value = value.item()
    return _guard(value)


def _area_rows(dataset: Dataset, areas: pd.DataFrame, view: ViewState) -> pd.DataFrame:
    """The filtered area table of :func:`ecotown.tables.display_areas` with lat/lon, guarded
    against formula injection, headings and values in ``view.lang``."""
    lang = view.lang
    shown = apply_filters(areas, view.filters)
    table = display_areas(shown, dataset, lang)
    ids = table[t("area_id", lang)]
    table[t("brief_lat", lang)] = ids.map(dict(zip(shown["area_id"], shown["lat"],
                                                   strict=True))).astype(float)
    table[t("brief_lon", lang)] = ids.map(dict(zip(shown["area_id"], shown["lon"],
                                                   strict=True))).astype(float)
    table = table.astype(object).map(_cell)
    table.columns = [_guard(column) for column in table.columns]
    return table


def _csv_bytes(table: pd.DataFrame) -> bytes:
    text = table.to_csv(index=False, lineterminator="\r\n")
    return ("\ufeff" + text).encode("utf-8")


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose entries all carry the same time stamp and permissions."""

    def writestr(self, zinfo_or_arcname, data, compress_type=None, compresslevel=None):
        if not isinstance(zinfo_or_arcname, zipfile.ZipInfo):
            info = zipfile.ZipInfo(zinfo_or_arcname, date_time=ZIP_TIME)
            info.compress_type = self.compression
            info.external_attr = 0o600 << 16
            zinfo_or_arcname = info
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)

    def write(self, filename, arcname=None, compress_type=None, compresslevel=None):
        with open(filename, "rb") as handle:  # openpyxl writes worksheets via temp files
            self.writestr(arcname or str(filename), handle.read(), compress_type,
                          compresslevel)


_xlsx_text = xml_text


def _about_rows(dataset: Dataset, facts: BriefingFacts, rows: int) -> list[tuple[str, object]]:
    lang = facts.lang
    return [
        (t("app_title", lang), t("app_subtitle", lang)),
        (t("dataset", lang), f"{_clean(dataset.title(lang))} ({_clean(dataset.name)})"),
        (t("brief_synthetic", lang),
         t("brief_synthetic_yes" if dataset.synthetic else "brief_synthetic_no", lang)),
        (t("filters", lang), facts.subtitle),
        (t("brief_rows", lang), rows),
        (t("brief_data_date", lang), facts.data_date),
        *[(t("sources", lang), line) for line in facts.sources],
        (t("brief_licence", lang), _clean(dataset.meta.get("licence", ""))),
    ]


def _xlsx_bytes(dataset: Dataset, table: pd.DataFrame, facts: BriefingFacts) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.writer.excel import ExcelWriter

    lang = facts.lang
    book = Workbook()
    sheet = book.active
    sheet.title = t("brief_sheet_areas", lang)
    sheet.append([_xlsx_text(c) for c in table.columns])
    for row in table.itertuples(index=False):
        sheet.append([_xlsx_text(value) for value in row])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(table.columns, start=1):
        longest = max([len(str(column))] + [len(str(v)) for v in table.iloc[:, index - 1]
                                            if v is not None])
        letter = sheet.cell(row=1, column=index).column_letter
        sheet.column_dimensions[letter].width = min(60, max(10, longest + 2))
    about = book.create_sheet(t("brief_sheet_about", lang))
    about.append([t("brief_about_item", lang), t("brief_about_value", lang)])
    for label, value in _about_rows(dataset, facts, len(table)):
        if isinstance(value, str):
            value = _xlsx_text(_guard(value.replace("\u00a0", " ")))
        about.append([_xlsx_text(_guard(label)), value])
    for cell in about[1]:
        cell.font = Font(bold=True)
    about.column_dimensions["A"].width = 28
    about.column_dimensions["B"].width = 110
    book.properties.creator = PRODUCER
    book.properties.lastModifiedBy = PRODUCER
    book.properties.title = xml_text(f"{facts.title} — {facts.subtitle}")
    book.properties.created = FIXED_TIME
    book.properties.modified = FIXED_TIME
    buffer = io.BytesIO()
    with _FixedTimeZip(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        ExcelWriter(book, archive).write_data()
    return buffer.getvalue()


# --- the entry point ------------------------------------------------------------------------


def briefing(dataset: Dataset, areas: pd.DataFrame, provinces: gpd.GeoDataFrame,
             view: ViewState, fmt: str) -> Export:
    """Export the current view as a picture (PNG, PDF) or a table (CSV, XLSX).

    Parameters
    ----------
    dataset : Dataset
        The view's dataset.
    areas : pandas.DataFrame
        Its whole area table (:func:`ecotown.summary.area_table`); the view's filters are
        applied here.
    provinces : geopandas.GeoDataFrame
        The province polygons (:func:`ecotown.geography.load_provinces`).
    view : ViewState
        Language, colour mode and filters, as in the URL.
    fmt : {"png", "pdf", "csv", "xlsx"}
        PNG: 16:9 slide, 1920 × 1080 px. PDF: A4 landscape, vector, selectable text.
        CSV: UTF-8 with BOM. XLSX: the table and an "About" sheet.

    Returns
    -------
    Export
        The bytes (identical for identical inputs), a file name such as
        ``ecotown-demo-phase3-th.pdf`` and the MIME type.

    Raises
    ------
    ValueError
        If ``fmt``, ``view.lang`` or ``view.color`` is not a known value.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt should be one of {', '.join(FORMATS)}, got {fmt!r}")
    facts = briefing_facts(dataset, areas, provinces, view)
    filename = f"{facts.stem}.{fmt}"
    if fmt in ("csv", "xlsx"):
        table = _area_rows(dataset, areas, view)
        data = (_csv_bytes(table) if fmt == "csv" else _xlsx_bytes(dataset, table, facts))
        return Export(data, filename, MIME[fmt])
    import matplotlib

    from ecotown.briefing.fonts import register_fonts

    # rc_context changes matplotlib's process-wide rcParams until it exits: one render at a
    # time, so that concurrent sessions never see each other's settings.
    with _RENDER_LOCK, matplotlib.rc_context(_rc(register_fonts())):
        figure = briefing_figure(facts, provinces, fmt)
        data = _png_bytes(figure, facts) if fmt == "png" else _pdf_bytes(figure, facts)
    return Export(data, filename, MIME[fmt])


def briefing_filename(dataset: Dataset, view: ViewState, fmt: str) -> str:
    """The file name :func:`briefing` gives, without rendering (for a deferred download).

    Parameters
    ----------
    dataset : Dataset
        The view's dataset.
    view : ViewState
        Language, colour mode and filters.
    fmt : {"png", "pdf", "csv", "xlsx"}
        The format.

    Returns
    -------
    str
        E.g. ``ecotown-demo-phase3-th.pdf``: letters, digits, ``-`` and ``_`` only.
    """
    if fmt not in FORMATS:
        raise ValueError(f"fmt should be one of {', '.join(FORMATS)}, got {fmt!r}")
    _check(view)
    return f"{_stem(dataset, view)}.{fmt}"
