"""Tests of the synthetic demo dataset (``geodata/demo/``) and its generator."""

from __future__ import annotations

import csv
from pathlib import Path

import geothai
import pandas as pd
import pytest

from ecotown.store import load_dataset
from scripts import make_demo_data

ROOT = Path(__file__).resolve().parents[3]
DEMO = ROOT / "geodata" / "demo"
PUBLIC_AREAS = ROOT / "geodata" / "areas.csv"
OTHER_SEEDS = (1, 7)
LAST_YEAR = 2025
COUNT_UNITS = {"number of projects", "number of groups", "cases per year", "accidents per year",
               "meetings per year"}


GEN = make_demo_data


def _public_areas() -> list[dict]:
    with open(PUBLIC_AREAS, encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


@pytest.fixture(scope="module", params=["shipped", *OTHER_SEEDS])
def ds(request, tmp_path_factory):
    """The shipped demo dataset, and the datasets of other seeds (the rules hold for any)."""
    if request.param == "shipped":
        return load_dataset("demo")
    out = tmp_path_factory.mktemp(f"demo_seed_{request.param}")
    GEN.build(out, request.param)
    return load_dataset(out)


@pytest.fixture(scope="module")
def shipped():
    """The shipped demo dataset."""
    return load_dataset("demo")


def _scores(ds) -> pd.DataFrame:
    """Indicator values with their score 0..100 and the area's level that year."""
    merged = ds.indicator_values.merge(ds.indicators, on="indicator_id", suffixes=("", "_ind"))
    span = merged["scale_max"] - merged["scale_min"]
    up = (merged["value"] - merged["scale_min"]) / span * 100
    down = (merged["scale_max"] - merged["value"]) / span * 100
    merged["score"] = up.where(merged["higher_is_better"].astype(bool), down)
    return merged.merge(ds.assessments[["area_id", "year", "level"]], on=["area_id", "year"])


def test_rebuild_is_byte_identical(tmp_path):
    GEN.build(tmp_path, GEN.DEFAULT_SEED)
    shipped_files = sorted(p.name for p in DEMO.iterdir() if p.is_file())
    assert sorted(p.name for p in tmp_path.iterdir()) == shipped_files
    for name in shipped_files:
        data = (DEMO / name).read_bytes()
        assert (tmp_path / name).read_bytes() == data, name
        assert b"\r" not in data and not data.startswith(b"\xef\xbb\xbf"), name


def test_loads_as_synthetic_demo(shipped):
    assert shipped.synthetic
    assert shipped.meta["id"] == "demo"
    assert shipped.meta["seed"] == GEN.DEFAULT_SEED
    assert shipped.meta["areas_announced"] == 54
    assert shipped.meta["description_en"].startswith("Synthetic demo data")
    assert shipped.programme_figures.empty
    assert "synthetic" in (DEMO / "README.md").read_text(encoding="utf-8").lower()


def test_areas_and_provinces(ds):
    assert len(ds.areas) == 54
    assert ds.areas["area_id"].is_unique
    assert ds.areas["province_code"].nunique() == 39


@pytest.mark.parametrize(("phase", "areas", "provinces"), [(1, 18, 15), (2, 15, 4), (3, 21, 20)])
def test_phase_shape(ds, phase, areas, provinces):
    rows = ds.areas[ds.areas["phase"] == phase]
    assert len(rows) == areas
    assert rows["province_code"].nunique() == provinces
    others = set(ds.areas.loc[ds.areas["phase"] != phase, "province_code"])
    assert not set(rows["province_code"]) & others, "phase provinces must be disjoint"
    assert all(i.startswith(f"P{phase}-") for i in rows["area_id"])


def test_public_areas_kept(ds):
    public = _public_areas()
    areas = ds.areas.set_index("area_id")
    assert set(ds.areas.loc[ds.areas["phase"] == 1, "area_id"]) == {
        r["area_id"] for r in public if r["area_id"].startswith("P1-")}
    for rec in public:
        row = areas.loc[rec["area_id"]]
        for column in ("name_th", "name_en", "province_code", "scope", "admin_code",
                       "phase_basis", "location_precision", "sources"):
            assert row[column] == rec[column], (rec["area_id"], column)
        assert int(row["phase"]) == int(rec["phase"])
        assert (row["lat"], row["lon"]) == (float(rec["lat"]), float(rec["lon"]))


def test_new_areas_are_real_places(ds):
    public_ids = {r["area_id"] for r in _public_areas()}
    new = ds.areas[~ds.areas["area_id"].isin(public_ids)]
    assert len(new) == 22
    assert set(new.loc[new["phase"] == 2, "province_code"]) == {"63", "49", "27", "23"}
    assert sorted(new["area_id"]) == ([f"P2-{n:02d}" for n in range(5, 16)]
                                      + [f"P3-{n:02d}" for n in range(11, 22)])
    for row in new.itertuples():
        place = (geothai.district if row.scope == "district" else geothai.subdistrict)(
            row.admin_code)
        assert row.scope in ("district", "subdistrict")
        assert place is not None and place.province_code == row.province_code
        assert place.name_en in row.name_en and place.name_th in row.name_th
        assert row.phase_basis == "synthetic"
        assert row.location_precision in ("gazetteer", "province")


def test_agrees_with_every_published_aggregate(ds):
    """Each published count of the public record (programme figures with a year) holds in the
    demo's data of that year: 4 at level 4, 14 at level 3, 36 below and 54 areas in 2023;
    all 18 phase-1 areas at level 3 or 4 in 2022."""
    from ecotown.analysis.progress import reference_points

    points = reference_points(load_dataset("public").programme_figures, ds)
    assert {p["figure_id"] for p in points} >= {"areas_level4", "areas_level3",
                                                "areas_preparing", "phase1_level3_4",
                                                "areas_announced"}
    assert [(p["figure_id"], p["data"]) for p in points if not p["agrees"]] == []


def test_levels_of_2023_by_phase(ds):
    """The 2023 counts are the phase-1 areas (programme.md, more public facts 2); no area
    skips a level to reach level 5 by 2025."""
    a = ds.assessments.merge(ds.areas[["area_id", "phase"]], on="area_id")
    y2023 = a[a["year"] == 2023]
    assert len(y2023) == 54
    assert set(y2023.loc[y2023["level"] >= 3, "phase"]) == {1}
    assert (y2023.loc[y2023["phase"] == 1, "level"] >= 3).all()
    assert a["level"].max() <= 5
    assert a.loc[a["phase"] == 3, "level"].max() <= 2


@pytest.mark.parametrize(("area_id", "first_year_at_4"), [("P1-05", 2022), ("P1-10", 2019)])
def test_public_record_levels(ds, area_id, first_year_at_4):
    """The public record's level-4 areas are at level 4 from their year of the record up to
    2023 and never before it (the demo then goes on, made up)."""
    rows = ds.assessments[ds.assessments["area_id"] == area_id].set_index("year")["level"]
    assert rows.loc[first_year_at_4:2023].eq(4).all()
    assert rows.loc[:first_year_at_4 - 1].lt(4).all()


@pytest.mark.parametrize(("phase", "joined"), [(1, 2019), (2, 2022), (3, 2023)])
def test_history_years(ds, phase, joined):
    """Each area is assessed every year from the year its phase joined; a few phase-3 areas
    have no result for the last year yet (shown as of the year before, never silently)."""
    areas = ds.areas[ds.areas["phase"] == phase]
    assert (areas["joined_year"] == joined).all()
    missing_last = 0
    for area_id in areas["area_id"]:
        years = sorted(ds.assessments.loc[ds.assessments["area_id"] == area_id, "year"])
        assert years[0] == joined, area_id
        assert years in (list(range(joined, LAST_YEAR + 1)), list(range(joined, LAST_YEAR))), \
            area_id
        missing_last += years[-1] != LAST_YEAR
    assert missing_last == (GEN.UNASSESSED_LAST if phase == 3 else 0)


def test_history_rules(ds):
    drops = 0
    for area_id, rows in ds.assessments.sort_values("year").groupby("area_id"):
        levels, notes = list(rows["level"]), list(rows["note"])
        for before, after, note in zip(levels, levels[1:], notes[1:], strict=False):
            assert after - before <= 1, f"{area_id} rose by more than one"
            if after < before:
                drops += 1
                assert "level went down" in note and "ระดับลดลง" in note, area_id
    assert drops == 3
    assert (ds.assessments["basis"] == "synthetic").all()


def test_catalogue(ds):
    ind = ds.indicators
    assert list(ds.dimensions["dimension_id"]) == [
        "physical", "economic", "environmental", "social", "management"]
    assert set(ind["dimension_id"]) == set(ds.dimensions["dimension_id"])
    assert len(ind) == 41
    assert ind["aspect_id"].nunique() == 20
    assert sorted(ind.groupby("aspect_id").size()) == [2] * 19 + [3]
    assert (ind.groupby("dimension_id")["aspect_id"].nunique() == 4).all()
    assert ind["name_en"].str.startswith("Demo indicator").all()
    assert ind["name_th"].str.startswith("ตัวชี้วัดสาธิต").all()
    assert ind["aspect_en"].str.startswith("Demo aspect").all()
    assert ind["aspect_th"].str.startswith("ด้านสาธิต").all()
    assert set(ind["higher_is_better"]) == {True, False}
    assert ind["unit_en"].nunique() >= 8


@pytest.mark.parametrize("name", ["levels.csv", "dimensions.csv"])
def test_reference_tables_as_public(name):
    assert (DEMO / name).read_bytes() == (ROOT / "geodata" / name).read_bytes()


def test_values_complete_and_in_scale(ds):
    values = ds.indicator_values
    expected = len(ds.assessments) * len(ds.indicators)
    assert len(values) == expected
    keys = values[["area_id", "year"]].drop_duplicates()
    assert len(keys.merge(ds.assessments, on=["area_id", "year"])) == len(ds.assessments)
    merged = values.merge(ds.indicators, on="indicator_id")
    assert (merged["value"] >= merged["scale_min"]).all()
    assert (merged["value"] <= merged["scale_max"]).all()
    assert (merged["value"].round(2) == merged["value"]).all()
    counts = merged[merged["unit_en"].isin(COUNT_UNITS)]
    assert not counts.empty and (counts["value"] % 1 == 0).all()


def test_mean_score_rises_with_level(ds):
    means = _scores(ds).groupby("level")["score"].mean().sort_index()
    assert list(means.index) == [1, 2, 3, 4, 5]
    assert means.is_monotonic_increasing and means.is_unique


@pytest.mark.parametrize(("kind", "column"), [
    ("areas", "note"),
    ("assessments", "note"),
    ("assessments", "source"),
    ("indicators", "source"),
    ("indicator_values", "source"),
])
def test_rows_say_synthetic(ds, kind, column):
    cells = getattr(ds, kind)[column]
    assert cells.str.contains("synthetic").all(), (kind, column)
    if column == "note":
        assert cells.str.startswith("ข้อมูลสาธิตสังเคราะห์ / synthetic demo data").all()


def test_new_area_sources_say_synthetic(ds):
    new = ds.areas[ds.areas["phase_basis"] == "synthetic"]
    assert len(new) == 22
    assert new["sources"].str.startswith("synthetic demo data").all()
