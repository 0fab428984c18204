"""Area drill-down numbers: scores, scorecards, dimension scores, level history and peers."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from ecotown.analysis.scorecard import (
    dimension_scores,
    has_indicator_data,
    indicator_score,
    indicator_scores,
    level_history,
    peers,
    scorecard,
)
from ecotown.model.dataset import Dataset
from ecotown.model.schema import table
from ecotown.store import BUILTIN

SCORECARD_COLUMNS = [
    "dimension_id", "aspect_id", "aspect_th", "aspect_en", "indicator_id", "name_th",
    "name_en", "unit_th", "unit_en", "higher_is_better", "year", "value", "previous_value",
    "change", "change_is_better", "score", "phase_median", "programme_median",
]
DIMENSION_COLUMNS = ["dimension_id", "name_th", "name_en", "score", "phase_median",
                     "programme_median", "n_indicators"]
HISTORY_COLUMNS = ["year", "level", "basis", "source", "note", "note_th", "criteria", "change"]
SAMPLE_AREAS = ("P1-05", "P2-04", "P3-11")


# --- tiny hand-made datasets -------------------------------------------------------------

def _frame(kind: str, rows: list[dict]) -> pd.DataFrame:
    """A typed table of ``kind`` from partial rows (missing text cells are empty)."""
    tbl = table(kind)
    frame = pd.DataFrame.from_records(rows, columns=list(tbl.column_names))
    for col in tbl.columns:
        if col.kind == "int":
            frame[col.name] = frame[col.name].astype("Int64")
        elif col.kind == "float":
            frame[col.name] = frame[col.name].astype("float64")
        elif col.kind == "bool":
            frame[col.name] = frame[col.name].astype("boolean")
        else:
            frame[col.name] = frame[col.name].astype(object).fillna("")
    return frame


def _area(area_id: str, phase: int, province: str) -> dict:
    return {"area_id": area_id, "name_th": area_id, "name_en": area_id, "phase": phase,
            "province_code": province, "lat": 13.0, "lon": 100.0}


def _indicator(indicator_id: str, dimension_id: str, higher: bool, low: float,
               high: float) -> dict:
    return {"indicator_id": indicator_id, "dimension_id": dimension_id,
            "aspect_id": dimension_id[:3], "name_en": indicator_id, "higher_is_better": higher,
            "scale_min": low, "scale_max": high}


def _dataset(areas, dimensions, indicators, values, assessments=()) -> Dataset:
    return Dataset(
        name="tiny", meta={"synthetic": True},
        areas=_frame("areas", [_area(*a) for a in areas]),
        assessments=_frame("assessments", [
            {"area_id": a, "year": y, "level": lv, "basis": "synthetic"}
            for a, y, lv in assessments]),
        levels=_frame("levels", []),
        dimensions=_frame("dimensions", [{"dimension_id": d, "name_en": d.title()}
                                         for d in dimensions]),
        indicators=_frame("indicators", [_indicator(*i) for i in indicators]),
        indicator_values=_frame("indicator_values", [
            {"area_id": a, "year": y, "indicator_id": i, "value": v}
            for a, y, i, v in values]),
        programme_figures=_frame("programme_figures", []),
    )


@pytest.fixture(scope="module")
def tiny() -> Dataset:
    """Areas A, B (phase 1, province 10), C, D (phase 2, province 20; D has no values).

    Dimensions are listed economic first, the catalogue physical first. A has no values
    in 2021 and no P2 value in 2022.
    """
    return _dataset(
        areas=[("A", 1, "10"), ("B", 1, "10"), ("C", 2, "20"), ("D", 2, "20")],
        dimensions=["economic", "physical"],
        indicators=[("P1", "physical", True, 0, 10), ("E1", "economic", False, 0, 200),
                    ("P2", "physical", True, 0, 100)],
        values=[("A", 2020, "P1", 2), ("A", 2020, "E1", 100), ("A", 2020, "P2", 50),
                ("A", 2022, "P1", 4), ("A", 2022, "E1", 50),
                ("B", 2022, "P1", 8), ("B", 2022, "E1", 150), ("B", 2022, "P2", 30),
                ("C", 2022, "P1", 10), ("C", 2022, "E1", 0), ("C", 2022, "P2", 90)],
        assessments=[("A", 2022, 3), ("A", 2020, 1), ("A", 2023, 2), ("A", 2021, 3)],
    )


def _same(actual, expected) -> bool:
    """Equal numbers, or both missing."""
    if pd.isna(expected):
        return bool(pd.isna(actual))
    return not pd.isna(actual) and math.isclose(float(actual), float(expected), abs_tol=1e-9)


# --- the score formula -------------------------------------------------------------------

@pytest.mark.parametrize(("value", "low", "high", "higher", "expected"), [
    (50, 0, 100, True, 50.0),
    (25, 0, 100, False, 75.0),
    (15, 10, 20, True, 50.0),
    (12, 10, 20, False, 80.0),
    (0, 0, 200, False, 100.0),
    (200, 0, 200, False, 0.0),
    (150, 0, 100, True, 100.0),   # clipped above
    (-5, 0, 100, True, 0.0),      # clipped below
    (150, 0, 100, False, 0.0),    # clipped below, lower is better
    (-5, 0, 100, False, 100.0),   # clipped above, lower is better
    (3, 0, 24, True, 12.5),
])
def test_indicator_score(value, low, high, higher, expected):
    """Both directions map the scale onto 0–100 and clip outside it."""
    assert indicator_score(value, low, high, higher) == pytest.approx(expected)


def test_indicator_score_vectorised_and_missing():
    """Arrays score element-wise; a missing value scores NaN."""
    scores = indicator_score(np.array([5.0, np.nan, 5.0]), 0.0, 10.0,
                             np.array([True, True, False]))
    assert scores[0] == 50.0 and np.isnan(scores[1]) and scores[2] == 50.0


@pytest.mark.parametrize(("low", "high"), [(10, 10), (20, 10), (np.nan, 10)])
def test_indicator_score_rejects_bad_scale(low, high):
    """A scale whose minimum is not below its maximum is named in the error."""
    with pytest.raises(ValueError, match="scale_min"):
        indicator_score(5, low, high, True)


def test_indicator_scores_tiny(tiny):
    """Every value is joined with its dimension and scored."""
    scores = indicator_scores(tiny)
    assert len(scores) == len(tiny.indicator_values)
    assert {"area_id", "year", "indicator_id", "dimension_id", "value", "score"} <= set(scores)
    got = scores.set_index(["area_id", "year", "indicator_id"])["score"]
    assert got[("A", 2022, "E1")] == pytest.approx(75.0)
    assert got[("C", 2022, "P1")] == pytest.approx(100.0)
    assert scores.loc[scores["indicator_id"] == "E1", "dimension_id"].eq("economic").all()


def test_indicator_scores_demo_match_the_csv(demo):
    """All demo scores equal the formula applied to the CSV files, within 0–100."""
    values = pd.read_csv(BUILTIN["demo"] / "indicator_values.csv")
    catalogue = pd.read_csv(BUILTIN["demo"] / "indicators.csv")
    merged = values.merge(catalogue, on="indicator_id")
    span = merged["scale_max"] - merged["scale_min"]
    up = (merged["value"] - merged["scale_min"]) / span * 100
    down = (merged["scale_max"] - merged["value"]) / span * 100
    expected = up.where(merged["higher_is_better"], down).clip(0, 100)
    scores = indicator_scores(demo)
    assert len(scores) == len(values)
    assert scores["score"].between(0, 100).all()
    np.testing.assert_allclose(scores["score"].to_numpy(), expected.to_numpy())


# --- scorecard: exact arithmetic on the tiny dataset -------------------------------------

def test_scorecard_tiny_latest_year(tiny):
    """Order, previous value across a gap year, change, direction, score and medians."""
    card = scorecard(tiny, "A")
    assert list(card.columns) == SCORECARD_COLUMNS
    assert list(card["indicator_id"]) == ["E1", "P1", "P2"]  # dimensions.csv order
    assert card["year"].eq(2022).all()
    rows = card.set_index("indicator_id")
    expected = {  # value, previous, change, better, score, phase median, programme median
        "E1": (50, 100, -50, True, 75, 100, 50),
        "P1": (4, 2, 2, True, 40, 6, 8),
        "P2": (np.nan, 50, np.nan, pd.NA, np.nan, 30, 60),
    }
    fields = ["value", "previous_value", "change", "change_is_better", "score",
              "phase_median", "programme_median"]
    for indicator, numbers in expected.items():
        for field, number in zip(fields, numbers, strict=True):
            assert _same(rows.loc[indicator, field], number), (indicator, field)


@pytest.mark.parametrize(("year", "values", "previous"), [
    (2020, [100, 2, 50], [np.nan] * 3),
    (2021, [np.nan] * 3, [100, 2, 50]),  # a year without values keeps the rows
    (2022, [50, 4, np.nan], [100, 2, 50]),
])
def test_scorecard_tiny_chosen_year(tiny, year, values, previous):
    """An explicit year picks that year's values and the latest earlier ones."""
    card = scorecard(tiny, "A", year)
    assert card["year"].eq(year).all()
    assert all(_same(a, e) for a, e in zip(card["value"], values, strict=True))
    assert all(_same(a, e) for a, e in zip(card["previous_value"], previous, strict=True))


@pytest.mark.parametrize(("higher", "before", "after", "better"), [
    (True, 1.0, 2.0, True),
    (True, 2.0, 1.0, False),
    (False, 2.0, 1.0, True),    # lower is better and it went down
    (False, 1.0, 2.0, False),
    (True, 1.5, 1.5, pd.NA),
    (False, 1.5, 1.5, pd.NA),
    (True, None, 1.0, pd.NA),   # no earlier value
])
def test_change_is_better_follows_direction(higher, before, after, better):
    """A change is better when it goes the indicator's good way; NA when 0 or unknown."""
    values = [("A", 2021, "X", after)]
    if before is not None:
        values.append(("A", 2020, "X", before))
    data = _dataset([("A", 1, "10")], ["social"], [("X", "social", higher, 0, 10)], values)
    got = scorecard(data, "A").loc[0, "change_is_better"]
    assert (pd.isna(got) and pd.isna(better)) or got == better


def test_change_is_better_demo(demo):
    """In the demo every non-zero change is judged by the indicator's direction."""
    card = scorecard(demo, "P1-05")
    moved = card[card["change"].notna() & (card["change"] != 0)]
    assert not moved.empty
    expected = (moved["change"] > 0) == moved["higher_is_better"]
    assert (moved["change_is_better"] == expected).all()
    assert card.loc[card["change"] == 0, "change_is_better"].isna().all()
    lower_down = moved[~moved["higher_is_better"] & (moved["change"] < 0)]
    assert lower_down["change_is_better"].all()


# --- scorecard: the demo against the CSV files --------------------------------------------

@pytest.fixture(scope="module")
def demo_csv() -> dict[str, pd.DataFrame]:
    """The demo tables read straight from the files, independently of ecotown."""
    folder = BUILTIN["demo"]
    return {name: pd.read_csv(folder / f"{name}.csv", dtype={"province_code": str})
            for name in ("areas", "dimensions", "indicators", "indicator_values")}


@pytest.mark.parametrize(("area_id", "year"), [
    ("P1-05", None), ("P2-04", None), ("P3-11", None),
    ("P1-05", 2019), ("P2-04", 2021), ("P3-11", 2022),
])
def test_scorecard_demo_matches_csv(demo, demo_csv, area_id, year):
    """Values, previous values, changes, scores and medians equal a recomputation."""
    values, areas, catalogue = (demo_csv["indicator_values"], demo_csv["areas"],
                                demo_csv["indicators"])
    mine = values[values["area_id"] == area_id]
    year = int(mine["year"].max()) if year is None else year
    phase = int(areas.loc[areas["area_id"] == area_id, "phase"].iloc[0])
    phase_ids = set(areas.loc[areas["phase"] == phase, "area_id"])
    in_year = values[values["year"] == year]

    dims = list(demo_csv["dimensions"]["dimension_id"])
    order = sorted(range(len(catalogue)),
                   key=lambda i: (dims.index(catalogue["dimension_id"][i]), i))
    card = scorecard(demo, area_id, year)
    assert list(card.columns) == SCORECARD_COLUMNS
    assert list(card["indicator_id"]) == list(catalogue["indicator_id"][order])
    assert card["year"].eq(year).all()

    for row in card.itertuples():
        spec = catalogue[catalogue["indicator_id"] == row.indicator_id].iloc[0]
        history = mine[mine["indicator_id"] == row.indicator_id]
        now = history.loc[history["year"] == year, "value"]
        earlier = history[history["year"] < year].sort_values("year")["value"]
        value = now.iloc[0] if len(now) else np.nan
        previous = earlier.iloc[-1] if len(earlier) else np.nan
        span = spec["scale_max"] - spec["scale_min"]
        raw = ((value - spec["scale_min"]) if spec["higher_is_better"]
               else (spec["scale_max"] - value)) / span * 100
        same = in_year[in_year["indicator_id"] == row.indicator_id]
        assert _same(row.value, value)
        assert _same(row.previous_value, previous)
        assert _same(row.change, value - previous)
        assert _same(row.score, min(max(raw, 0), 100))
        assert _same(row.phase_median, same[same["area_id"].isin(phase_ids)]["value"].median())
        assert _same(row.programme_median, same["value"].median())
        assert row.higher_is_better == spec["higher_is_better"]
        assert row.dimension_id == spec["dimension_id"]
        assert row.name_en == spec["name_en"] and row.unit_th == spec["unit_th"]


# --- dimension scores ----------------------------------------------------------------------

def test_dimension_scores_tiny(tiny):
    """Means per dimension, phase and programme medians of the areas' dimension scores."""
    dims = dimension_scores(tiny, "A")
    assert list(dims.columns) == DIMENSION_COLUMNS
    assert list(dims["dimension_id"]) == ["economic", "physical"]
    rows = dims.set_index("dimension_id")
    # economic: A 75, B 25, C 100; physical: A 40 (P2 missing), B 55, C 95
    assert rows.loc["economic", ["score", "phase_median", "programme_median"]].tolist() == \
        pytest.approx([75, 50, 75])
    assert rows.loc["physical", ["score", "phase_median", "programme_median"]].tolist() == \
        pytest.approx([40, 47.5, 55])
    assert rows["n_indicators"].tolist() == [1, 1]


def test_dimension_scores_year_without_values(tiny):
    """A year without the area's values keeps the dimensions, with no score."""
    dims = dimension_scores(tiny, "A", 2021)
    assert len(dims) == 2 and dims["score"].isna().all()
    assert dims["n_indicators"].tolist() == [0, 0]


@pytest.mark.parametrize("area_id", SAMPLE_AREAS)
def test_dimension_scores_demo(demo, demo_csv, area_id):
    """Five dimensions in file order, scores in 0–100 equal to the scorecard's means."""
    dims = dimension_scores(demo, area_id)
    assert list(dims.columns) == DIMENSION_COLUMNS
    assert list(dims["dimension_id"]) == list(demo_csv["dimensions"]["dimension_id"])
    for column in ("score", "phase_median", "programme_median"):
        assert dims[column].between(0, 100).all(), column
    card = scorecard(demo, area_id)
    means = card.groupby("dimension_id")["score"].mean()
    counts = card.groupby("dimension_id")["score"].count()
    for row in dims.itertuples():
        assert row.score == pytest.approx(means[row.dimension_id])
        assert row.n_indicators == counts[row.dimension_id]


# --- level history, peers, public record, errors ------------------------------------------

def test_level_history_tiny(tiny):
    """Sorted by year whatever the row order; change is the direction, even across 2 levels."""
    history = level_history(tiny, "A")
    assert list(history.columns) == HISTORY_COLUMNS
    assert history["year"].tolist() == [2020, 2021, 2022, 2023]
    assert history["level"].tolist() == [1, 3, 3, 2]
    assert pd.isna(history["change"].iloc[0])
    assert history["change"].iloc[1:].tolist() == [1, 0, -1]
    assert level_history(tiny, "B").empty
    assert list(level_history(tiny, "B").columns) == HISTORY_COLUMNS


def test_level_history_demo(demo):
    """The demo history of P1-05 is sorted and moves at most one step at a time."""
    history = level_history(demo, "P1-05")
    assert len(history) > 1
    assert history["year"].is_monotonic_increasing and history["year"].is_unique
    assert pd.isna(history["change"].iloc[0])
    assert history["change"].iloc[1:].between(-1, 1).all()
    steps = history["level"].diff().iloc[1:].clip(-1, 1)
    assert history["change"].iloc[1:].tolist() == steps.tolist()


def test_level_history_public(public):
    """The public record has one assessment of P1-05: level 4 in 2022."""
    history = level_history(public, "P1-05")
    assert list(history.columns) == HISTORY_COLUMNS
    assert len(history) == 1
    assert (int(history["year"].iloc[0]), int(history["level"].iloc[0])) == (2022, 4)
    assert pd.isna(history["change"].iloc[0])


@pytest.mark.parametrize(("area_id", "expected"), [
    ("A", {"phase": 1, "phase_areas": 2, "province_areas": 2}),
    ("C", {"phase": 2, "phase_areas": 2, "province_areas": 2}),
])
def test_peers_tiny(tiny, area_id, expected):
    """Counts include the area itself."""
    assert peers(tiny, area_id) == expected


def test_peers_demo(demo):
    """P1-05 shares phase 1 with 17 other demo areas."""
    result = peers(demo, "P1-05")
    assert result["phase"] == 1 and result["phase_areas"] == 18
    assert result["province_areas"] >= 1


def test_has_indicator_data(demo, tiny):
    """Demo areas have values; tiny area D has none."""
    assert all(has_indicator_data(demo, a) for a in SAMPLE_AREAS)
    assert has_indicator_data(tiny, "A") and not has_indicator_data(tiny, "D")
    assert scorecard(tiny, "D").empty and dimension_scores(tiny, "D").empty


def test_public_areas_have_no_indicator_data(public):
    """Every public-record area: no data, empty scorecard and dimension scores with columns."""
    for area_id in public.areas["area_id"]:
        assert has_indicator_data(public, area_id) is False
        card, dims = scorecard(public, area_id), dimension_scores(public, area_id)
        assert card.empty and list(card.columns) == SCORECARD_COLUMNS
        assert dims.empty and list(dims.columns) == DIMENSION_COLUMNS
    assert indicator_scores(public).empty


@pytest.mark.parametrize("call", [
    lambda d, a: scorecard(d, a),
    lambda d, a: dimension_scores(d, a),
    lambda d, a: level_history(d, a),
    lambda d, a: has_indicator_data(d, a),
    lambda d, a: peers(d, a),
], ids=["scorecard", "dimension_scores", "level_history", "has_indicator_data", "peers"])
def test_unknown_area_raises_key_error(demo, call):
    """An unknown area id is named in the KeyError."""
    with pytest.raises(KeyError, match="NO-SUCH-AREA"):
        call(demo, "NO-SUCH-AREA")


@pytest.mark.parametrize(("kwargs", "named"), [
    ({"year": "2022"}, "'2022'"),
    ({"year": 2022.0}, "2022.0"),
    ({"year": True}, "True"),
    ({"year": 1999}, "1999"),
    ({"year": 2600}, "2600"),
    ({"area_id": 105}, "105"),
])
def test_bad_arguments_raise_value_error(demo, kwargs, named):
    """Arguments of the wrong kind or range are named in a ValueError."""
    arguments = {"area_id": "P1-05", **kwargs}
    for function in (scorecard, dimension_scores):
        with pytest.raises(ValueError, match=named):
            function(demo, **arguments)


def test_numpy_year_is_accepted(demo):
    """A year taken from a pandas column (numpy integer) works like an int."""
    card = scorecard(demo, "P2-04", np.int64(2023))
    assert card["year"].eq(2023).all()


def test_empty_and_filled_frames_share_dtypes(demo, public):
    """The page can rely on one set of dtypes whether or not an area has data."""
    for function in (scorecard, dimension_scores):
        filled, empty = function(demo, "P1-05"), function(public, "P1-05")
        assert filled.dtypes.to_dict() == empty.dtypes.to_dict(), function.__name__
    assert level_history(demo, "P1-05").dtypes.to_dict() == \
        level_history(_dataset([("A", 1, "10")], [], [], []), "A").dtypes.to_dict()
    card = scorecard(demo, "P1-05")
    assert card["year"].dtype == "Int64" and card["change_is_better"].dtype == "boolean"
