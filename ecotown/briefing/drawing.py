"""Drawing a briefing's facts on a page: the map, header, KPIs, legends and footer."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from typing import TYPE_CHECKING

from ecotown.i18n.labels import t
from ecotown.present.legend import (
    LegendEntry,
)
from ecotown.present.style import (
    BORDER_COLOUR,
    NO_AREA_COLOUR,
    SEA_COLOUR,
    VERDICT_COLOURS,
)

if TYPE_CHECKING:
    import geopandas as gpd
    from matplotlib.figure import Figure
from ecotown.briefing.facts import BADGE_COLOURS, BriefingFacts
from ecotown.briefing.layout import (
    ASCENT,
    EXTENT,
    INK,
    LINE,
    MUTED,
    PANEL,
    SHEETS,
    Page,
    Sheet,
    map_box,
    map_limits,
)
from ecotown.model.text import drawable


def _marker_size(sheet: Sheet) -> tuple[float, float]:
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


def draw_map(page: Page, facts: BriefingFacts, provinces: gpd.GeoDataFrame,
             box: tuple[float, float, float, float] | None = None) -> None:
    """The view's map: province colours, markers, the badge on a synthetic map, and for a
    narrowed view the locator and area names. ``box`` is ``(left, bottom, width, height)``
    in inches (the briefing's map box by default); the view's extent is grown to its
    shape, never stretched."""
    sheet = page.sheet
    left, bottom, width, height = box or map_box(sheet)
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
    x0, y0, x1, y1 = map_limits(facts.extent, width / height if box else None)
    ax.set_xlim(x0, x1)
    ax.set_ylim(y0, y1)
    ax.set_aspect("auto")
    if (x0, y0, x1, y1) != tuple(EXTENT):
        limits = (x0, y0, x1, y1)
        corner = _locator_corner(facts, limits, provinces)
        keep_out = []
        if corner is not None:
            _draw_locator(page, ax, facts, provinces, limits, corner)
            cx, cy, cw, ch = corner
            keep_out.append((x0 + cx * (x1 - x0), y0 + cy * (y1 - y0),
                             x0 + (cx + cw) * (x1 - x0), y0 + (cy + ch + 0.04) * (y1 - y0)))
        _draw_labels(page, ax, facts, limits, (width, height), keep_out)


_LOCATOR_SIZE = (0.2, 0.34)  # of the map's width and height


def _locator_corner(facts: BriefingFacts, limits: tuple, provinces=None) -> tuple | None:
    """Where the locator goes (axes fractions ``x, y, w, h``): the first corner of the map
    with no marker and no shown province (one with an area in the view) under it, its
    caption included; none if the map already shows most of Thailand or every corner is
    taken (issue 28: the inset never covers what the view shows)."""
    from shapely.geometry import box as rectangle

    x0, y0, x1, y1 = limits
    if (x1 - x0) * (y1 - y0) > 0.45 * (EXTENT[2] - EXTENT[0]) * (EXTENT[3] - EXTENT[1]):
        return None
    shown = None
    if provinces is not None:
        codes = {code for code, colour in facts.province_colours.items()
                 if colour != NO_AREA_COLOUR}
        shown = provinces.geometry[provinces["province_code"].isin(codes)]
    for scale in (1.0, 0.72):  # a smaller inset where the full one would cover the view
        w, h = _LOCATOR_SIZE[0] * scale, _LOCATOR_SIZE[1] * scale
        for cx, cy in ((0.012, 0.012), (0.988 - w, 0.012), (0.012, 0.95 - h),
                       (0.988 - w, 0.95 - h), (0.012, 0.5 - h / 2), (0.988 - w, 0.5 - h / 2)):
            left, right = x0 + (cx - 0.03) * (x1 - x0), x0 + (cx + w + 0.03) * (x1 - x0)
            low, high = y0 + (cy - 0.03) * (y1 - y0), y0 + (cy + h + 0.07) * (y1 - y0)
            if any(left <= m.lon <= right and low <= m.lat <= high for m in facts.markers):
                continue
            if shown is not None and shown.intersects(rectangle(left, low, right, high)).any():
                continue
            return cx, cy, w, h
    return None


def _draw_labels(page: Page, ax, facts: BriefingFacts, limits: tuple, box: tuple,
                 keep_out: list) -> None:
    """Each shown area's name beside its marker (up to 25 areas), set where it overlaps no
    other name, marker or the map's edge; a name set farther out gets a leader line."""
    import matplotlib.patheffects as effects

    if not facts.labels:
        return
    sheet = page.sheet
    x0, y0, x1, y1 = limits
    per_x, per_y = (x1 - x0) / box[0], (y1 - y0) / box[1]  # degrees per inch
    size = sheet.pt(10.5)
    radius, weight = _marker_size(sheet)
    r_in = (radius + weight) / 72
    taken = [(m.lon - r_in * per_x, m.lat - r_in * per_y, m.lon + r_in * per_x,
              m.lat + r_in * per_y) for m in facts.markers] + list(keep_out)
    placed = []
    for _area_id, name, lon, lat in facts.labels:
        w, h = page.width(name, size) * per_x, 1.25 * size / 72 * per_y
        chosen = None
        for reach in (1.0, 2.2, 3.6, 5.0):
            gap_x, gap_y = (r_in * reach + 0.03) * per_x, (r_in * reach + 0.02) * per_y
            for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1), (1, 1), (-1, 1), (1, -1), (-1, -1)):
                cx = lon + dx * (gap_x + w / 2)
                cy = lat + dy * (gap_y + h / 2)
                rect = (cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2)
                if rect[0] < x0 or rect[2] > x1 or rect[1] < y0 or rect[3] > y1:
                    continue
                if any(rect[0] < o[2] and rect[2] > o[0] and rect[1] < o[3] and rect[3] > o[1]
                       for o in taken):
                    continue
                chosen = (cx, cy, rect, reach)
                break
            if chosen:
                break
        if chosen is None:
            continue
        cx, cy, rect, reach = chosen
        taken.append(rect)
        placed.append(rect)
        if reach > 1.0:
            ax.plot([lon, cx], [lat, cy], color="#555555", linewidth=sheet.pt(0.5), zorder=3.5)
        ax.text(cx, cy, drawable(name), ha="center", va="center", fontsize=size,
                color="#1a1a1a", fontfamily=page.family, parse_math=False, zorder=4,
                path_effects=[effects.withStroke(linewidth=sheet.pt(2.6), foreground="white")])
    page.fig.ecotown_label_boxes = placed  # for tests: what was named, where


def _draw_locator(page: Page, ax, facts: BriefingFacts, provinces, limits: tuple,
                  corner: tuple) -> None:
    """A small map of Thailand in the map's corner, the framed box outlined on it."""
    from matplotlib.collections import PathCollection
    from matplotlib.patches import Rectangle

    inset = ax.inset_axes(corner)
    inset.set_facecolor("#ffffff")
    inset.add_collection(PathCollection(_province_paths(provinces), facecolors="#d0d0d0",
                                        edgecolors="#ffffff", linewidths=0.2))
    x0, y0, x1, y1 = limits
    inset.add_patch(Rectangle((x0, y0), x1 - x0, y1 - y0, fill=False, edgecolor="#b3261e",
                              linewidth=page.sheet.pt(1.2)))
    inset.set_xlim(EXTENT[0], EXTENT[2])
    inset.set_ylim(EXTENT[1], EXTENT[3])
    inset.set_xticks([])
    inset.set_yticks([])
    # the caption stays inside the inset's width (and so inside the picture)
    caption, size = t("brief_locator", facts.lang), page.sheet.pt(8.5)
    room = corner[2] * ax.get_position().width * page.fig.get_figwidth() * 0.96
    size *= min(1.0, room / page.width(caption, size))
    inset.set_title(caption, fontsize=size, fontfamily=page.family, color=MUTED, pad=2)
    for spine in inset.spines.values():
        spine.set_edgecolor("#9aa7b4")
        spine.set_linewidth(0.6)


def _legend_rows(page: Page, x: float, top: float, width: float,
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
        middle = top + (ASCENT - 0.33) * size / 72
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


def _draw_header(page: Page, facts: BriefingFacts, x0: float, x1: float) -> float:
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


def _draw_kpis(page: Page, facts: BriefingFacts, x0: float, top: float, width: float
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
    if facts.headline:  # the published totals' year, date and sources; what the record names
        top += 0.06 * sheet.scale
        for line in page.wrap(facts.headline, width - 2 * pad, pt(10.5), 6):
            top = page.text(x0 + pad, top, line, pt(10.5), colour=MUTED)
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


def _draw_province_legend(page: Page, facts: BriefingFacts, x0: float, top: float,
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


def _draw_verdict(page: Page, facts: BriefingFacts, x0: float, top: float, width: float
                  ) -> float:
    """The 2037 verdict as the page states it, under the target in words; return the
    bottom (``top`` when the view has no path)."""
    if not facts.verdict:
        return top
    pt = page.sheet.pt
    top += 0.3 * page.sheet.scale
    for line in page.wrap(facts.target, width, pt(12), 2):
        top = page.text(x0, top, line, pt(12), colour=MUTED)
    colour = VERDICT_COLOURS[facts.verdict_kind]
    for line in page.wrap(facts.verdict, width, pt(13.5), 7, "bold"):
        top = page.text(x0, top, line, pt(13.5), "bold", colour=colour)
    return top


def _draw_footer(page: Page, facts: BriefingFacts, x0: float, width: float) -> float:
    """The date of the data and the sources, set from the bottom up; return the top."""
    sheet, pt = page.sheet, page.sheet.pt
    dated = f"{t('dataset', facts.lang)}: {facts.dataset_title} · {facts.data_date}"
    lines = [(line, pt(12), INK) for line in page.wrap(dated, width, pt(12), 2)]
    lines += [(line, pt(10.5), MUTED) for source in facts.sources
              for line in page.wrap(source, width, pt(10.5), 3)]
    if facts.listed:
        lines = [(line, pt(11), INK) for line in page.wrap(facts.listed, width, pt(11), 6)
                 ] + lines
    top = sheet.height - sheet.margin - sum(LINE * size / 72 for _, size, _ in lines)
    y = top
    for line, size, colour in lines:
        y = page.text(x0, y, line, size, colour=colour)
    return top


def _draw_panel(page: Page, facts: BriefingFacts) -> bool:
    """Everything right of the map: header, KPI box, province legend, the 2037 verdict and
    footer; return
    whether the boxes end above the footer."""
    sheet = page.sheet
    left, _, map_width, _ = map_box(sheet)
    x0 = left + map_width + 0.45 * sheet.scale
    x1 = sheet.width - sheet.margin
    top = _draw_header(page, facts, x0, x1) + 0.16 * sheet.scale
    gap = 0.35 * sheet.scale
    room = x1 - x0 - gap
    size = sheet.pt(13)
    legend_needed = (max(page.width(e.label, size) for e in facts.province_legend)
                     + page.width("77", size, "bold") + 1.0 * size / 72 + 0.3 * sheet.scale)
    legend_width = min(max(legend_needed, 0.45 * room), 0.55 * room)
    right = _draw_province_legend(page, facts, x1 - legend_width, top, legend_width)
    bottom = max(_draw_kpis(page, facts, x0, top, room - legend_width),
                 _draw_verdict(page, facts, x1 - legend_width, right, legend_width))
    return bottom + 0.15 * sheet.scale <= _draw_footer(page, facts, x0, x1 - x0)


def render_settings(family: str) -> dict:
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
        The province polygons (:func:`ecotown.model.geography.load_provinces`).
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
        page = Page(replace(SHEETS[fmt], scale=SHEETS[fmt].scale * shrink), family)
        if _draw_panel(page, facts):
            break
    draw_map(page, facts, provinces)
    return page.fig
