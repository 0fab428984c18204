"""Colours and class labels, defined once for the web map, the legend, exports and tables.

Levels use five steps of viridis (perceptually uniform, readable with every common colour
vision deficiency); phases use the Okabe–Ito qualitative palette; area counts use a
ColorBrewer Blues ramp. Provinces with no area are a neutral light grey; areas (and
provinces) with no published level are a darker grey, so "no data" never looks like a level.
"""

from __future__ import annotations

import pandas as pd

from ecotown.i18n.labels import t
from ecotown.model.vocabulary import NO_LEVEL

__all__ = [
    "AS_OF_FILL_OPACITY",
    "BADGE_COLOURS",
    "CHANGE_COLOURS",
    "COUNT_CLASSES",
    "LEVEL_COLOURS",
    "MUTED_TEXT",
    "NO_AREA_COLOUR",
    "NO_LEVEL_COLOUR",
    "PHASE_COLOURS",
    "PRIMARY_COLOUR",
    "contrast_ratio",
    "count_class",
    "level_label",
    "phase_label",
    "text_colour",
]

LEVEL_COLOURS: dict[int, str] = {
    1: "#fde725",
    2: "#5ec962",
    3: "#21918c",
    4: "#31688e",  # lighter than 5: told apart, also with colour-vision deficiency
    5: "#440154",
}
PHASE_COLOURS: dict[int, str] = {1: "#e69f00", 2: "#56b4e9", 3: "#009e73"}
# A change view (``since=``): up two or more, up one, unchanged, down, new in the programme,
# no level at one of the two years. Up green, down magenta; unchanged a tan that no grey
# (no area, no level) is mistaken for; new in the programme a muted light blue, so that the
# many areas that joined do not outshout the few that moved (issue 28).
CHANGE_COLOURS: dict[str, str] = {"up2": "#1a7837", "up1": "#a6dba0", "same": "#d8b365",
                                  "down": "#c51b7d", "new": "#92c5de", "unknown": "#ffffff"}
# an indicator's change in a table: better in green, worse in magenta (text on white: both
# at least 4.5:1)
CHANGE_TEXT_COLOURS: dict[bool, str] = {True: "#1a7837", False: "#b01a6e"}
AS_OF_FILL_OPACITY = 0.35  # a marker whose level is as of an earlier year: pale and dashed
COUNT_CLASSES: tuple[tuple[int, int | None, str], ...] = (
    (1, 1, "#9ecae1"),
    (2, 2, "#4292c6"),
    (3, None, "#08306b"),
)
# the compared areas, in the order given (Okabe-Ito, apart for colour-vision deficiency;
# markers and dashes tell them apart in grey as well)
COMPARE_COLOURS: tuple[str, ...] = ("#0072b2", "#d55e00", "#009e73", "#cc79a7", "#e69f00",
                                    "#000000")
COMPARE_SHAPES: tuple[str, ...] = ("circle", "square", "triangle-up", "diamond", "cross",
                                   "triangle-down")
# an indicator, aspect or dimension score (0–100) in the indicators matrix: upper bound of
# each band and its colour (a diverging red–blue scale, readable with colour-vision deficiency)
SCORE_BANDS: tuple[tuple[float, str], ...] = ((25.0, "#ca0020"), (50.0, "#f4a582"),
                                              (75.0, "#92c5de"), (101.0, "#0571b0"))
NO_AREA_COLOUR = "#eeeeee"
NO_LEVEL_COLOUR = "#9e9e9e"
BORDER_COLOUR = "#ffffff"
SEA_COLOUR = "#e6eef5"
MAP_EXTENT = (97.2, 5.4, 105.8, 20.6)  # west, south, east, north of the national map
OUTLINE_COLOUR = "#333333"
MUTED_TEXT = "#595959"  # secondary text: 7:1 on white (WCAG AA needs 4.5:1)
PRIMARY_COLOUR = "#a3202f"  # the theme's accent (.streamlit/config.toml): 4.5:1 on its tint
BADGE_COLOURS = {True: "#b3261e", False: "#1d4f91"}  # synthetic: red; public record: blue
# the 2037 verdict (page strip, one-file view, PNG/PDF): on course, not on course, not known
VERDICT_COLOURS = {"on_course": "#1b5e20", "not_on_course": "#a3202f", "not_known": "#595959"}


def count_class(count: int) -> tuple[str, str]:
    """The (class key, colour) of a number of areas; 0 is the neutral no-area class."""
    if count <= 0:
        return "0", NO_AREA_COLOUR
    for low, high, colour in COUNT_CLASSES:
        if high is None or count <= high:
            return (str(low) if high == low else f"{low}+"), colour
    raise AssertionError("unreachable")


def level_label(level: object, levels: pd.DataFrame | None, lang: str, short: bool = False) -> str:
    """``"ระดับที่ 4 การพึ่งพาอาศัย"`` / ``"Level 4 Symbiosis"``; the name comes from data.

    A level whose name no source gives (level 5 today) is just ``"Level 5"``.
    """
    if level is None or (isinstance(level, str) and level == NO_LEVEL) or pd.isna(level):
        return t("no_level", lang)
    number = int(level)
    head = t("level_n", lang, n=number)
    if short or levels is None or levels.empty:
        return head
    # Plain lists, not a boolean mask: this runs for every province and marker on each rerun.
    names = dict(zip(levels["level"].tolist(), levels[f"name_{lang}"].tolist(), strict=True))
    name = names.get(number)
    name = "" if name is None or pd.isna(name) else str(name)
    return f"{head} {name}" if name else head


def phase_label(phase: object, lang: str) -> str:
    """``"ระยะที่ 1"`` / ``"Phase 1"``."""
    return t("phase_n", lang, n=int(phase))


def _luminance(colour: str) -> float:
    """WCAG 2.1 relative luminance of ``#rrggbb``."""
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(int(colour[i:i + 2], 16)) for i in (1, 3, 5))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two ``#rrggbb`` colours (1 to 21)."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background: str) -> str:
    """Black or white, whichever has the higher WCAG contrast on ``background``."""
    if contrast_ratio(background, "#000000") >= contrast_ratio(background, "#ffffff"):
        return "#000000"
    return "#ffffff"
