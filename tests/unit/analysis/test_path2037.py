"""Pace, status and projection of the path to 2037 on tiny histories (table-driven)."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from ecotown.analysis.path2037 import (
    PROJECTION_METHOD,
    TARGET_YEAR,
    area_paths,
    programme_path,
    status_of,
)
from tests.unit.analysis.test_timeline import history


@pytest.mark.parametrize(("level", "so_far", "needed", "status"), [
    (5, None, 0.0, "reached"),
    (None, 0.5, 0.2, "unknown"),
    (3, None, 0.2, "unknown"),
    (3, 0.2, 0.2, "on_track"),
    (3, 0.5, 0.2, "on_track"),
    (3, 0.1, 0.2, "at_risk"),
    (3, 0.099, 0.2, "off_track"),
    (3, 0.0, 0.2, "off_track"),
    (3, -0.5, 0.2, "off_track"),
    (4, 1.0, math.inf, "off_track"),  # no year left and a level to go
])
def test_status_rule(level, so_far, needed, status):
    assert status_of(level, so_far, needed) == status


@pytest.mark.parametrize(("rows", "year", "expected"), [
    # level, to_go, years_left, pace_needed, pace_so_far, status, projected_2037
    ([(2019, 1), (2025, 3)], 2025, (3, 2, 12, 2 / 12, 2 / 6, "on_track", 5)),
    ([(2019, 2), (2025, 3)], 2025, (3, 2, 12, 2 / 12, 1 / 6, "on_track", 5)),
    ([(2019, 1), (2025, 2)], 2025, (2, 3, 12, 3 / 12, 1 / 6, "at_risk", 4)),
    ([(2015, 1), (2025, 2)], 2025, (2, 3, 12, 3 / 12, 1 / 10, "off_track", 3)),
    ([(2020, 3), (2025, 3)], 2025, (3, 2, 12, 2 / 12, 0.0, "off_track", 3)),
    ([(2020, 3), (2025, 2)], 2025, (2, 3, 12, 3 / 12, -0.2, "off_track", 2)),
    ([(2023, 1), (2025, 3)], 2025, (3, 2, 12, 2 / 12, 1.0, "on_track", 5)),
    ([(2022, 5)], 2025, (5, 0, 12, 0.0, None, "reached", 5)),
    ([(2022, 2)], 2025, (2, 3, 12, 3 / 12, None, "unknown", None)),
    ([(2019, 1), (2021, 2)], 2030, (2, 3, 7, 3 / 7, 0.5, "on_track", 5)),  # as of 2021
    ([(2019, 1), (2025, 3)], 2020, (1, 4, 17, 4 / 17, None, "unknown", None)),  # seen from 2020
])
def test_area_path(rows, year, expected):
    h = history(*[("A", y, lv) for y, lv in rows])
    row = area_paths(h, year).iloc[0]
    got = (int(row.level), int(row.to_go), int(row.years_left), row.pace_needed,
           row.pace_so_far, row.status,
           None if pd.isna(row.projected_2037) else int(row.projected_2037))
    assert got[:3] == expected[:3] and got[5:] == expected[5:]
    assert got[3] == pytest.approx(expected[3])
    assert (got[4] is None) == (expected[4] is None)
    if expected[4] is not None:
        assert got[4] == pytest.approx(expected[4])


def test_projection_never_skips_a_level_a_year():
    """Pace is capped at one level a year, however fast the data rose."""
    fast = history(("A", 2034, 1), ("A", 2035, 3))  # a jump in the data (pace 2)
    assert int(area_paths(fast, 2035).iloc[0].projected_2037) == 5
    assert int(area_paths(history(("A", 2035, 1), ("A", 2036, 3)), 2036)
               .iloc[0].projected_2037) == 4


def test_an_area_never_assessed_is_unknown():
    path = area_paths(history(("A", 2020, 1)), 2025, ["A", "Z"]).set_index("area_id")
    assert path.loc["Z", "status"] == "unknown" and pd.isna(path.loc["Z", "level"])


def test_programme_path_sums_and_labels_its_projection():
    h = history(("A", 2019, 1), ("A", 2025, 3), ("B", 2020, 3), ("B", 2025, 3),
                ("C", 2024, 5), ("D", 2025, 2))
    paths = area_paths(h, 2025, ["A", "B", "C", "D", "E"])
    report = programme_path(paths, 2025)
    assert report["years_left"] == TARGET_YEAR - 2025
    assert report["levels_to_go"] == 2 + 2 + 0 + 3
    assert report["at_target"] == 1 and report["with_level"] == 4 and report["areas"] == 5
    assert report["pace_so_far"] == pytest.approx(round((2 / 6 + 0.0) / 2, 4))
    assert report["pace_needed"] == pytest.approx(round((2 / 12 + 2 / 12) / 2, 4))
    assert report["by_status"] == {"reached": 1, "on_track": 1, "at_risk": 0,
                                   "off_track": 1, "unknown": 2}
    projection = report["projection_2037"]
    assert projection["is_projection"] is True
    assert projection["reach_level_5"] == 2  # A (pace 1/3) and C (already there)
    assert projection["not_projected"] == 2  # D (one year), E (no level)
    assert projection["method"] == PROJECTION_METHOD["en"] and "not data" in projection["method"]
