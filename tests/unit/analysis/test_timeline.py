"""Carry-forward, joining, change and movers on tiny hand-made histories (table-driven)."""

from __future__ import annotations

import pandas as pd
import pytest

from ecotown.analysis.timeline import (
    by_year,
    change_table,
    data_years,
    in_programme,
    joined_later,
    levels_in,
    movers,
)


def history(*rows) -> pd.DataFrame:
    """(area, year, level[, note]) rows as an assessments table."""
    records = [{"area_id": r[0], "year": r[1], "level": r[2], "basis": "synthetic",
                "source": "x", "note": r[3] if len(r) > 3 else "",
                "note_th": (r[3] + " (th)") if len(r) > 3 else ""} for r in rows]
    frame = pd.DataFrame.from_records(records, columns=["area_id", "year", "level", "basis",
                                                        "source", "note", "note_th"])
    frame["year"] = frame["year"].astype("Int64")
    frame["level"] = frame["level"].astype("Int64")
    return frame


def areas(*rows) -> pd.DataFrame:
    """(area, phase, joined_year or None) rows as an areas table."""
    return pd.DataFrame({"area_id": [r[0] for r in rows], "phase": [r[1] for r in rows],
                         "joined_year": pd.array([r[2] for r in rows], dtype="Int64")})


H = history(("A", 2019, 1), ("A", 2020, 2), ("A", 2022, 3),
            ("B", 2019, 2), ("B", 2021, 1, "plant closed"),
            ("C", 2021, 1), ("C", 2022, 3))
AREAS = areas(("A", 1, 2019), ("B", 1, None), ("C", 2, 2021), ("D", 3, 2023))


@pytest.mark.parametrize(("year", "expected"), [
    # area: (level, level_year, as_of)
    (2019, {"A": (1, 2019, False), "B": (2, 2019, False)}),
    (2020, {"A": (2, 2020, False), "B": (2, 2019, True)}),
    (2021, {"A": (2, 2020, True), "B": (1, 2021, False), "C": (1, 2021, False)}),
    (2022, {"A": (3, 2022, False), "B": (1, 2021, True), "C": (3, 2022, False)}),
    (2018, {}),
    (None, {"A": (3, 2022, False), "B": (1, 2021, True), "C": (3, 2022, False)}),
])
def test_levels_in_carries_the_latest_earlier_level_forward_and_marks_it(year, expected):
    got = levels_in(H, year)
    assert {r.area_id: (int(r.level), int(r.level_year), bool(r.as_of))
            for r in got.itertuples()} == expected


@pytest.mark.parametrize(("year", "members", "later"), [
    (2019, {"A", "B"}, 2),       # C joins 2021, D 2023
    (2021, {"A", "B", "C"}, 1),  # B's joining year is not known: always in
    (2023, {"A", "B", "C", "D"}, 0),
    (None, {"A", "B", "C", "D"}, 0),
])
def test_areas_that_joined_later_are_not_in_the_year(year, members, later):
    mask = in_programme(AREAS, H, year)
    assert set(AREAS.loc[mask, "area_id"]) == members
    assert joined_later(AREAS, H, year) == later


def test_an_assessment_proves_membership_before_a_later_joining_year():
    """An area assessed in 2019 was in the programme then, whatever its joining year says."""
    early = areas(("A", 1, 2021))
    assert in_programme(early, history(("A", 2019, 1)), 2019).tolist() == [True]


def test_by_year_counts_levels_carried_forward_and_joined_later():
    series = by_year(AREAS, H, [2019, 2020, 2021, 2022, 2023])
    assert series[2020] == {"areas": 2, "by_level": {"1": 0, "2": 2, "3": 0, "4": 0, "5": 0},
                            "no_level": 0, "as_of_earlier": 1, "joined_later": 2}
    assert series[2023]["by_level"] == {"1": 1, "2": 0, "3": 2, "4": 0, "5": 0}
    assert series[2023]["no_level"] == 1 and series[2023]["as_of_earlier"] == 3
    for detail in series.values():  # every area in the programme is counted exactly once
        assert sum(detail["by_level"].values()) + detail["no_level"] == detail["areas"]


@pytest.mark.parametrize(("since", "year", "expected"), [
    # area: (from, to, change, class)
    (2019, 2022, {"A": (1, 3, 2, "up2"), "B": (2, 1, -1, "down"), "C": (None, 3, None, "new")}),
    (2020, 2021, {"A": (2, 2, 0, "same"), "B": (2, 1, -1, "down"), "C": (None, 1, None, "new")}),
    (2021, 2022, {"A": (2, 3, 1, "up1"), "B": (1, 1, 0, "same"), "C": (1, 3, 2, "up2")}),
    (2022, 2023, {"A": (3, 3, 0, "same"), "B": (1, 1, 0, "same"), "C": (3, 3, 0, "same"),
                  "D": (None, None, None, "new")}),
])
def test_change_classes(since, year, expected):
    change = change_table(AREAS, H, since, year)

    def value(v):
        return None if pd.isna(v) else int(v)

    assert {r.area_id: (value(r.level_from), value(r.level_to), value(r.change),
                        r.change_class) for r in change.itertuples()} == expected


def test_a_fall_carries_its_noted_reason_in_both_languages():
    change = change_table(AREAS, H, 2019, 2022).set_index("area_id")
    assert change.loc["B", "reason"] == "plant closed"
    assert change.loc["B", "reason_th"] == "plant closed (th)"
    assert change.loc["A", "reason"] == ""


def test_no_level_at_one_end_is_unknown_not_a_change():
    h = history(("A", 2021, 2))
    change = change_table(areas(("A", 1, None)), h, 2019, 2022)
    assert change["change_class"].tolist() == ["unknown"] and change["change"].isna().all()


def test_movers_sorted_by_change_falls_last():
    moved = movers(change_table(AREAS, H, 2019, 2022))
    assert moved["area_id"].tolist() == ["A", "B"]
    moved = movers(change_table(AREAS, H, 2021, 2022))
    assert moved["area_id"].tolist() == ["C", "A"] and moved["change"].tolist() == [2, 1]


@pytest.mark.parametrize(("years", "extra", "expected"), [
    ([2019, 2022], [], [2019, 2020, 2021, 2022]),
    ([2019, 2022], [2023], [2019, 2020, 2021, 2022, 2023]),
    ([], [2023], []),
    ([2021], [2015], [2021]),  # a joining year before the first assessment adds nothing
])
def test_data_years_span_first_assessment_to_last_year_spoken_of(years, extra, expected):
    h = history(*[("A", y, 1) for y in years])
    assert data_years(h, pd.Series(extra, dtype="Int64")) == expected
