"""The programme's vocabulary, defined once: levels, phases, the "no level" key, colour modes.

Names and colours of these are presentation (:mod:`ecotown.present.style`); which values
exist is the data model's, shared by filters, URL, summary, legend, map and exports.
"""

from __future__ import annotations

import pandas as pd

__all__ = ["COLOR_MODES", "LEVELS", "LEVEL_KEYS", "NO_LEVEL", "PHASES", "level_key"]

LEVELS = (1, 2, 3, 4, 5)  # how far an area has come; 5 in every area is the 2037 target
PHASES = (1, 2, 3)  # when an area joined the programme
NO_LEVEL = "none"  # the key of an area with no published level
LEVEL_KEYS = (*(str(level) for level in LEVELS), NO_LEVEL)  # filter, URL and summary keys
COLOR_MODES = ("level", "phase", "count")  # what the province fill shows


def level_key(level: object) -> str:
    """The key of a latest level: ``"1"``…``"5"`` or :data:`NO_LEVEL`."""
    return NO_LEVEL if level is None or pd.isna(level) else str(int(level))
