"""Sentences of the path to 2037 and of the change view, from the numbers of
:mod:`ecotown.analysis.path2037` (the same as the command line's), in Thai or English."""

from __future__ import annotations

import pandas as pd

from ecotown.analysis.path2037 import PROJECTION_METHOD, STATUS_RULE
from ecotown.i18n.labels import fiscal_year_text, t

__all__ = ["area_path_lines", "pace_text"]


def pace_text(value: object) -> str:
    """A pace in levels a year with two decimals; ``–`` when not known."""
    if value is None or pd.isna(value):
        return "–"
    return f"{float(value):.2f}"


def area_path_lines(path: pd.Series, lang: str) -> list[str]:
    """What an area's row of :func:`ecotown.analysis.path2037.area_paths` says: its status,
    the line of levels to go, years left and paces, and its labelled projection."""
    lines = [f"{t('path_status', lang)}: {t('status_' + str(path['status']), lang)}"]
    if pd.isna(path["level"]):
        return lines
    lines.append(t("path_area_line", lang, level=int(path["level"]),
                   fy=fiscal_year_text(path["level_year"], lang, span=False),
                   to_go=int(path["to_go"]), years=int(path["years_left"]),
                   needed=pace_text(path["pace_needed"]),
                   so_far=pace_text(path["pace_so_far"])))
    if not pd.isna(path["projected_2037"]):
        lines.append(f"{t('path_projected', lang)}: {int(path['projected_2037'])} "
                     f"({PROJECTION_METHOD[lang]})")
    lines.append(f"{t('path_rule', lang)}: {STATUS_RULE[lang]}")
    return lines
