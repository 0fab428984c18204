"""The public record: every reference row carried over, sourced, and located truthfully."""

from __future__ import annotations

import csv
from pathlib import Path

import geopandas as gpd
import pytest

from ecotown.model.geography import area_points
from tests.conftest import require

REFERENCE = Path(__file__).resolve().parents[4] / "shared" / "reference" / \
    "areas_public_record.csv"


@pytest.fixture(scope="module")
def reference_rows():
    require(REFERENCE.is_file(), f"the reference file {REFERENCE} (../shared beside the "
            "checkout)")
    with open(REFERENCE, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_public_record_keeps_every_reference_row(public, reference_rows):
    """One area per reference row, with the same names, phase, basis and sources."""
    areas = public.areas.set_index("area_id")
    assert len(areas) == len(reference_rows) == 32
    for ref in reference_rows:
        area = areas.loc[ref["ref_id"]]
        assert area["name_th"] == ref["area_name_th"]
        assert area["name_en"] == ref["area_name_en"]
        assert area["province_code"] == ref["province_code"]
        assert int(area["phase"]) == int(ref["phase"])
        assert area["phase_basis"] == ref["phase_basis"]
        assert area["sources"] == ref["sources"]


def test_public_levels_are_exactly_the_sourced_ones(public, reference_rows):
    """Only the levels a source states are in the public record."""
    expected = {(r["ref_id"], int(r["level_year"]), int(r["level"]))
                for r in reference_rows if r["level"]}
    got = {(a, int(y), int(v)) for a, y, v in
           public.assessments[["area_id", "year", "level"]].itertuples(index=False)}
    assert got == expected == {("P1-05", 2022, 4), ("P1-10", 2019, 4)}
    assert all(s.startswith("http") for s in public.assessments["source"])


def test_every_public_row_is_sourced(public):
    """Every area, level, dimension and headline figure carries a source URL."""
    for frame, column in ((public.areas, "sources"), (public.assessments, "source"),
                          (public.dimensions, "source"), (public.programme_figures, "source")):
        assert frame[column].str.contains("http").all()
    named = public.levels[public.levels["name_en"] != ""]
    assert named["source"].str.contains("http").all()


def test_level_five_has_no_invented_name(public):
    """No source names level 5, so its name stays empty."""
    level5 = public.levels[public.levels["level"] == 5].iloc[0]
    assert level5["name_th"] == "" and level5["name_en"] == ""


def test_public_has_no_indicator_values(public):
    """No per-area indicator value is public, so the tables are empty but valid."""
    assert public.indicators.empty and public.indicator_values.empty


def test_public_is_not_synthetic(public):
    """The public record is flagged as real, sourced data."""
    assert public.synthetic is False


def test_area_points_fall_in_their_province(public, province_polygons):
    provinces = province_polygons
    """Each marker lies inside its own province (spatial join agrees with the code)."""
    points = area_points(public.areas, provinces)
    joined = gpd.sjoin(points[["area_id", "province_code", "geometry"]],
                       provinces[["province_code", "geometry"]], predicate="within",
                       lsuffix="area", rsuffix="poly")
    assert len(joined) == len(points)
    assert (joined["province_code_area"] == joined["province_code_poly"]).all()


def test_gazetteer_points_only_where_geonames_has_the_place(public):
    """Gazetteer precision is used for the places GeoNames has, the rest use the province."""
    precision = dict(zip(public.areas["area_id"], public.areas["location_precision"],
                         strict=True))
    for area_id in ("P1-05", "P1-07", "P1-14", "P2-04", "P3-01", "P3-03"):
        assert precision[area_id] == "gazetteer", area_id
    for area_id in ("P1-01", "P1-10", "P3-02"):
        assert precision[area_id] == "province", area_id
