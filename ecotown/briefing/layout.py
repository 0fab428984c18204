"""Page geometry (the fixed grid of the PNG slide and the A4 PDF) and text layout:
line boxes, wrapping and fitting text to a width."""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ecotown.model.text import ELLIPSIS, drawable, safe_cut
from ecotown.present.style import MAP_EXTENT

if TYPE_CHECKING:
    pass


EXTENT = MAP_EXTENT  # the lon/lat box of the map, shared with the web map

# --- page geometry --------------------------------------------------------------------------


@dataclass(frozen=True)
class Sheet:
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
    "png": Sheet(16.0, 9.0, 120, 1.1),  # 1920 × 1080 px, 16:9, type for a projector
    "pdf": Sheet(297 / 25.4, 210 / 25.4, 100, 0.85),  # A4 landscape, type for print
}
_MID_LAT = (EXTENT[1] + EXTENT[3]) / 2
_ASPECT = 1 / math.cos(math.radians(_MID_LAT))  # as GeoPandas draws lon/lat


def map_box(sheet: Sheet) -> tuple[float, float, float, float]:
    """Left, bottom, width and height (inches) of the map: full height, at the left."""
    height = sheet.height - 2 * sheet.margin
    width = height * (EXTENT[2] - EXTENT[0]) / ((EXTENT[3] - EXTENT[1]) * _ASPECT)
    return sheet.margin, sheet.margin, width, height


def map_limits(extent: tuple[float, float, float, float] = EXTENT,
               ratio: float | None = None) -> tuple[float, float, float, float]:
    """``extent`` grown around its centre to the map box's shape (as GeoPandas draws
    lon/lat at the box's latitude), so the map is never stretched: ``(x0, y0, x1, y1)``.
    ``ratio`` is the box's width over its height (inches); by default the briefing's box,
    which all of Thailand fills exactly."""
    if ratio is None and tuple(extent) == tuple(EXTENT):
        return tuple(EXTENT)
    west, south, east, north = extent
    box_ratio = ratio or (EXTENT[2] - EXTENT[0]) / ((EXTENT[3] - EXTENT[1]) * _ASPECT)
    aspect = 1 / math.cos(math.radians((south + north) / 2))
    span_x, span_y = east - west, north - south
    if span_x / (span_y * aspect) < box_ratio:
        span_x = box_ratio * span_y * aspect
    else:
        span_y = span_x / (box_ratio * aspect)
    cx, cy = (west + east) / 2, (south + north) / 2
    return cx - span_x / 2, cy - span_y / 2, cx + span_x / 2, cy + span_y / 2


def png_pixel(lon: float, lat: float, extent: tuple[float, float, float, float] = EXTENT
              ) -> tuple[float, float]:
    """Where a lon/lat point is drawn in the briefing PNG.

    The map has the same place on every PNG briefing; its scale is that of ``extent``
    (:attr:`BriefingFacts.extent`, all of Thailand unless the view is narrowed).

    Parameters
    ----------
    lon, lat : float
        A point in degrees (EPSG:4326).
    extent : tuple of float
        ``(west, south, east, north)`` of the briefing's map.

    Returns
    -------
    tuple of float
        ``(x, y)`` in pixels from the top left corner of the PNG.
    """
    sheet = SHEETS["png"]
    left, bottom, width, height = map_box(sheet)
    x0, y0, x1, y1 = map_limits(extent)
    x = left + (lon - x0) / (x1 - x0) * width
    y = bottom + (lat - y0) / (y1 - y0) * height
    return x * sheet.dpi, (sheet.height - y) * sheet.dpi


# --- drawing --------------------------------------------------------------------------------

INK = "#1a1a1a"
MUTED = "#4d4d4d"
PANEL = "#f3f5f7"
# A line box, in multiples of the type size: Thai stacks a vowel and a tone mark above the
# consonant (up to 1.25 em) and vowels below the baseline (0.35 em).
ASCENT = 1.27
DESCENT = 0.38
LINE = ASCENT + DESCENT


_WIDTHS: dict[tuple, float] = {}  # measured text widths, shared by every export


class Page:
    """A figure on a sheet, with text measured and placed in inches from the top left."""

    def __init__(self, sheet: Sheet, family: list[str]):
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
            if self.width(text[:mid].rstrip() + ELLIPSIS, size, weight) <= width:
                low = mid
            else:
                high = mid - 1
        return text[:safe_cut(text, low)].rstrip(" ·,:\u00a0") + ELLIPSIS

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
             colour: str = INK, ha: str = "left", ascent: float = ASCENT) -> float:
        """Draw one line whose line box starts ``top`` inches from the top; return its
        bottom. ``ascent`` (in ems) is the room above the baseline."""
        baseline = top + ascent * size / 72
        text = drawable(text).replace("\u00a0", " ")  # no-break spaces only glue words
        self.fig.text(x, self.sheet.height - baseline, text, transform=self.fig.dpi_scale_trans,
                      fontsize=size, fontweight=weight, color=colour, ha=ha, va="baseline",
                      fontfamily=self.family, parse_math=False)
        return baseline + DESCENT * size / 72

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
