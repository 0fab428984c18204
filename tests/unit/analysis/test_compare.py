"""Areas side by side (issue 31): numbers against a hand-built fixture, and the guards."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from ecotown.analysis.compare import MAX_AREAS, compare_areas, parse_area_ids


def _fixture(demo):
    """The demo's structure with three areas' values replaced by hand-chosen ones: in 2024,
    two indicators of one dimension; P1-05 scores 80 and 60, P2-03 scores 20 and 60, P3-11
    has no indicator value at all."""
    catalogue = demo.indicators.copy()
    first_dim = demo.dimensions["dimension_id"].iloc[0]
    pair = catalogue[catalogue["dimension_id"] == first_dim].head(2).copy()
    pair["scale_min"], pair["scale_max"] = 0.0, 100.0
    pair["higher_is_better"] = [True, False]
    a, b = pair["indicator_id"].tolist()
    values = pd.DataFrame([
        {"area_id": "P1-05", "year": 2024, "indicator_id": a, "value": 80.0},
        {"area_id": "P1-05", "year": 2024, "indicator_id": b, "value": 40.0},  # score 60
        {"area_id": "P2-03", "year": 2024, "indicator_id": a, "value": 20.0},
        {"area_id": "P2-03", "year": 2024, "indicator_id": b, "value": 40.0},  # score 60
    ])
    for column in demo.indicator_values.columns:
        if column not in values.columns:
            values[column] = demo.indicator_values[column].iloc[0]
    fixture = dataclasses.replace(demo, indicators=pair.reset_index(drop=True),
                                  indicator_values=values[demo.indicator_values.columns])
    return fixture, first_dim, a, b


def test_dimension_scores_and_differences_by_hand(demo):
    data, dim, a, _b = _fixture(demo)
    report = compare_areas(data, ["P1-05", "P2-03", "P3-11"])
    assert report["indicator_year"] == 2024
    first = next(d for d in report["dimensions"] if d["dimension_id"] == dim)
    assert first["scores"] == {"P1-05": 70.0, "P2-03": 40.0, "P3-11": None}  # (80+60)/2 …
    assert first["programme_median"] == 55.0  # median of 70 and 40
    assert [x["indicator_id"] for x in report["differences"]] == [a]  # b: both score 60
    diff = report["differences"][0]
    assert diff["spread"] == 60.0
    assert diff["values"] == {"P1-05": 80.0, "P2-03": 20.0, "P3-11": None}
    assert diff["higher_is_better"] is True
    no_data = {x["area_id"]: x["has_indicators"] for x in report["areas"]}
    assert no_data == {"P1-05": True, "P2-03": True, "P3-11": False}


def test_levels_and_paths_are_the_areas_own(demo):
    report = compare_areas(demo, ["P1-05", "P2-03"])
    for area_id in ("P1-05", "P2-03"):
        own = demo.assessments[demo.assessments["area_id"] == area_id].sort_values("year")
        assert [p["year"] for p in report["levels"][area_id]] == own["year"].tolist()
        assert [p["level"] for p in report["levels"][area_id]] == own["level"].tolist()
        assert report["paths"][area_id]["level"] == int(own["level"].iloc[-1])
    assert report["paths"]["P1-05"]["status"] in {"reached", "on_track", "at_risk",
                                                  "off_track"}


def test_a_past_year_sees_only_what_was_known_then(demo):
    report = compare_areas(demo, ["P1-05", "P2-03"], 2021)
    assert report["year"] == 2021
    assert all(p["year"] <= 2021 for points in report["levels"].values() for p in points)


def test_public_record_areas_have_no_indicator_numbers(public):
    report = compare_areas(public, ["P1-05", "P1-10"])
    assert report["indicator_year"] is None and report["differences"] == []
    assert all(score is None for d in report["dimensions"] for score in d["scores"].values())


@pytest.mark.parametrize(("text", "ids", "problems"), [
    ("P1-05,P2-03", ["P1-05", "P2-03"], []),
    (" P1-05 , P1-05,P2-03,", ["P1-05", "P2-03"], []),
    ("P1-05", ["P1-05"], ["too_few"]),
    ("P1-05,ZZ-9", ["P1-05"], ["unknown", "too_few"]),
    ("P1-01,P1-02,P1-03,P1-04,P1-05,P1-06,P1-07", ["P1-01", "P1-02", "P1-03", "P1-04",
                                                     "P1-05", "P1-06"], ["too_many"]),
    ("<script>,P1-05,P2-03", ["P1-05", "P2-03"], ["unknown"]),
    ("", [], ["too_few"]),
    ("x" * 500, [], ["too_long", "unknown", "too_few"]),
])
def test_the_list_of_ids_is_read_with_every_problem_named(demo, text, ids, problems):
    found, said = parse_area_ids(text, list(demo.areas["area_id"]))
    assert found == ids
    assert [p["problem"] for p in said] == problems
    assert len(found) <= MAX_AREAS


@pytest.mark.parametrize("ids", [["P1-05"], ["P1-01", "P1-02", "P1-03", "P1-04", "P1-05",
                                              "P1-06", "P1-07"]])
def test_compare_refuses_too_few_or_too_many(demo, ids):
    with pytest.raises(ValueError):
        compare_areas(demo, ids)


def test_compare_refuses_an_unknown_id(demo):
    with pytest.raises(KeyError):
        compare_areas(demo, ["P1-05", "NOPE"])


def test_the_command_line_prints_the_same_numbers(demo):
    from tests.cli_json import cli_json

    printed = cli_json("compare", "P1-05", "P2-03", "P3-11", "--dataset", "demo")
    assert printed == compare_areas(demo, ["P1-05", "P2-03", "P3-11"])


def test_placeholder_indicator_names_are_flagged_only_in_the_demo(demo, public):
    assert compare_areas(demo, ["P1-05", "P2-03"])["placeholder_names"] is True
    assert compare_areas(public, ["P1-05", "P1-10"])["placeholder_names"] is False
