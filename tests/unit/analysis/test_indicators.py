"""Indicators across the programme (issue 31): the matrix and its weakest items against a
hand-built fixture; the command line prints the same numbers."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest

from ecotown.analysis.indicators import DEPTHS, indicator_matrix, weakest_items
from ecotown.present.indicators_view import matrix_table, score_colour, weakest_sentences


def _fixture(demo):
    """Two indicators of one aspect (scale 0–100; the second lower-is-better), three areas
    in 2024: P1-05 values 30 and 10 (scores 30, 90), P2-03 values 40 and 80 (scores 40,
    20), P3-11 value 90 on the first only (score 90); P1-01 has no value."""
    catalogue = demo.indicators.head(2).copy()
    catalogue["aspect_id"] = catalogue["aspect_id"].iloc[0]
    catalogue["scale_min"], catalogue["scale_max"] = 0.0, 100.0
    catalogue["higher_is_better"] = [True, False]
    a, b = catalogue["indicator_id"].tolist()
    rows = [("P1-05", a, 30.0), ("P1-05", b, 10.0), ("P2-03", a, 40.0), ("P2-03", b, 80.0),
            ("P3-11", a, 90.0)]
    values = pd.DataFrame([{"area_id": x, "year": 2024, "indicator_id": i, "value": v}
                           for x, i, v in rows])
    for column in demo.indicator_values.columns:
        if column not in values.columns:
            values[column] = demo.indicator_values[column].iloc[0]
    data = dataclasses.replace(demo, indicators=catalogue.reset_index(drop=True),
                               indicator_values=values[demo.indicator_values.columns])
    return data, a, b, catalogue["aspect_id"].iloc[0], catalogue["dimension_id"].iloc[0]


AREAS = ["P1-05", "P2-03", "P3-11", "P1-01"]


def test_indicator_scores_by_hand(demo):
    data, a, b, _, _ = _fixture(demo)
    matrix = indicator_matrix(data, AREAS)
    assert matrix["year"] == 2024
    assert matrix["scores"]["P1-05"] == {a: 30.0, b: 90.0}
    assert matrix["scores"]["P2-03"] == {a: 40.0, b: 20.0}
    assert matrix["scores"]["P3-11"] == {a: 90.0, b: None}
    assert matrix["scores"]["P1-01"] == {a: None, b: None}  # no value: None, never zero
    assert [x["has_values"] for x in matrix["areas"]] == [True, True, True, False]
    weakest = weakest_items(matrix)
    # a: 2 of 3 below half (30, 40; median 40); b: 1 of 2 (20; median 55)
    assert [(w["item_id"], w["below"], w["scored"], w["median"]) for w in weakest] == [
        (a, 2, 3, 40.0), (b, 1, 2, 55.0)]


@pytest.mark.parametrize(("depth", "expected"), [("aspect", {"P1-05": 60.0, "P2-03": 30.0,
                                                             "P3-11": 90.0}),
                                                 ("dimension", {"P1-05": 60.0,
                                                                "P2-03": 30.0,
                                                                "P3-11": 90.0})])
def test_aspects_and_dimensions_average_their_indicators(demo, depth, expected):
    data, _, _, aspect, dimension = _fixture(demo)
    matrix = indicator_matrix(data, AREAS, depth=depth)
    item = aspect if depth == "aspect" else dimension
    for area_id, score in expected.items():
        assert matrix["scores"][area_id][item] == score
    assert matrix["scores"]["P1-01"][item] is None


def test_the_sentences_say_the_counts(demo):
    data, _, _, _, _ = _fixture(demo)
    sentences = weakest_sentences(weakest_items(indicator_matrix(data, AREAS)), "en")
    assert sentences[0].startswith("Of 3 areas with a score, 2 score below half")
    assert "median 40.0" in sentences[0]


def test_the_table_leaves_missing_scores_blank_and_colours_by_band(demo):
    data, _a, _, _, _ = _fixture(demo)
    matrix = indicator_matrix(data, AREAS)
    table, styles = matrix_table(matrix, "en")
    name = matrix["items"][0]["name_en"]
    assert table[name].tolist()[:3] == [30.0, 40.0, 90.0]
    assert pd.isna(table[name].tolist()[3])
    assert score_colour(None) == "#ffffff" and score_colour(10) != score_colour(90)
    assert "background-color: #ffffff" in styles[name].tolist()[3]


def test_a_bad_depth_is_refused(demo):
    with pytest.raises(ValueError):
        indicator_matrix(demo, ["P1-05"], depth="everything")
    assert DEPTHS == ("indicator", "aspect", "dimension")


def test_the_public_record_has_no_numbers(public):
    matrix = indicator_matrix(public, list(public.areas["area_id"]))
    assert matrix["year"] is None and weakest_items(matrix) == []
    assert all(v is None for row in matrix["scores"].values() for v in row.values())


def test_the_command_line_prints_the_same_numbers(demo):
    from ecotown.analysis.filters import apply_filters
    from ecotown.analysis.summary import area_table
    from ecotown.model.geography import load_provinces
    from tests.cli_json import cli_json

    printed = cli_json("indicators", "--dataset", "demo", "--phase", "3", "--depth", "aspect")
    shown = apply_filters(area_table(demo, load_provinces()), dataclasses.replace(
        _phase_filter(demo), phases=(3,)))
    matrix = indicator_matrix(demo, list(shown["area_id"]), depth="aspect")
    assert printed["scores"] == matrix["scores"]
    assert printed["weakest"] == weakest_items(matrix)
    assert len(printed["areas"]) == 21


def _phase_filter(demo):
    from ecotown.analysis.urlstate import parse_view

    return parse_view({"dataset": "demo"}, ["public", "demo"])[0].filters
