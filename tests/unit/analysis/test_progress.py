"""The programme's progress over the shipped datasets: the numbers the CLI prints and the
app shows, against the data files and the published aggregates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from ecotown.analysis.filters import Filters
from ecotown.analysis.progress import progress_report, reference_points, with_change
from ecotown.analysis.summary import area_table, dataset_years, summarise
from ecotown.model.geography import area_points
from ecotown.store import load_dataset

ROOT = Path(__file__).resolve().parents[3]


def cli(*args: str) -> dict:
    out = subprocess.run([sys.executable, "-m", "ecotown", *args], capture_output=True,
                         text=True, cwd=ROOT, check=True)
    return json.loads(out.stdout)


@pytest.fixture(scope="module")
def demo_report(demo, province_polygons):
    return progress_report(demo, area_points(demo.areas, province_polygons))


def _levels_from_files(dataset_dir: Path, year: int) -> dict[str, int]:
    """Each area's level in ``year`` straight from the CSV files (carry-forward by hand)."""
    assessments = pd.read_csv(dataset_dir / "assessments.csv")
    areas = pd.read_csv(dataset_dir / "areas.csv")
    counts = {str(lv): 0 for lv in range(1, 6)}
    for area_id, joined in zip(areas["area_id"], areas["joined_year"], strict=True):
        if not pd.isna(joined) and joined > year:
            continue
        own = assessments[(assessments["area_id"] == area_id) & (assessments["year"] <= year)]
        if not own.empty:
            counts[str(int(own.sort_values("year")["level"].iloc[-1]))] += 1
    return counts


@pytest.mark.parametrize("name", ["demo", "public"])
def test_by_year_matches_the_data_files(name, province_polygons):
    dataset = load_dataset(name)
    report = progress_report(dataset, area_points(dataset.areas, province_polygons))
    folder = ROOT / "geodata" / ("demo" if name == "demo" else "")
    assert list(report["by_year"]) == [str(y) for y in dataset_years(dataset)]
    for year, counts in report["by_year"].items():
        assert counts == _levels_from_files(folder, int(year)), year


def test_the_cli_prints_the_same_numbers(demo_report):
    printed = cli("progress", "--dataset", "demo", "--json")
    assert printed["by_year"] == demo_report["by_year"]
    assert printed["projection_2037"] == demo_report["projection_2037"]
    assert [m["area_id"] for m in printed["movers"]] == [m["area_id"]
                                                         for m in demo_report["movers"]]
    assert printed["projection_2037"]["is_projection"] is True
    assert "not data" in printed["projection_2037"]["method"]


@pytest.mark.parametrize("year", ["2566", "2023"])
def test_summary_and_map_counts_agree_with_progress_in_every_year(demo, province_polygons,
                                                                  demo_report, year):
    counts = cli("summary", "--dataset", "demo", "--json", "--year", year)
    assert {k: v for k, v in counts["by_level"].items() if k != "none"} == \
        demo_report["by_year"]["2023"]
    for y in demo_report["years"]:
        table = area_table(demo, province_polygons, y)
        by_level = summarise(demo, table, Filters(), y)["by_level"]
        assert {k: v for k, v in by_level.items() if k != "none"} == \
            demo_report["by_year"][str(y)]


def test_movers_match_the_data_files(demo, demo_report):
    """Movers between the last two years: every area whose level differs, with both ends."""
    a = pd.read_csv(ROOT / "geodata" / "demo" / "assessments.csv")
    last, before = demo_report["year"], demo_report["since"]
    assert (last, before) == (2025, 2024)
    latest = a[a["year"] <= last].sort_values("year").groupby("area_id").tail(1)
    earlier = a[a["year"] <= before].sort_values("year").groupby("area_id").tail(1)
    both = latest.merge(earlier, on="area_id", suffixes=("", "_b"))
    moved = both[both["level"] != both["level_b"]]
    assert {m["area_id"]: (m["from"], m["to"]) for m in demo_report["movers"]} == {
        r.area_id: (r.level_b, r.level) for r in moved.itertuples()}
    changes = [m["change"] for m in demo_report["movers"]]
    assert changes == sorted(changes, reverse=True)
    for mover in demo_report["movers"]:
        if mover["change"] < 0:
            assert "level went down" in mover["reason"] and "ระดับลดลง" in mover["reason_th"]


def test_public_reference_points_are_partial_never_more_than_published(public):
    """The public record has only 2 per-area levels: it never shows more areas at a level
    than DIW published for that year."""
    points = reference_points(public.programme_figures, public)
    assert {p["figure_id"] for p in points} == {"areas_announced", "areas_level4",
                                                "areas_level3", "areas_preparing",
                                                "phase1_level3_4"}
    for p in points:
        assert p["data"] <= p["published"], p["figure_id"]


def test_the_public_record_holds_the_more_public_facts(public):
    figures = public.programme_figures.set_index("figure_id")
    fact = figures.loc["phase1_level3_4"]
    assert (int(fact["year"]), int(fact["phase"]), int(fact["level_min"]),
            int(fact["level_max"]), int(fact["value"]), fact["basis"]) == (2022, 1, 3, 4, 18,
                                                                          "stated")
    assert "mmthailand.com" in fact["source"] and "bcg.in.th" in fact["source"]
    # a programme-level fact, never a value for any one area
    assert len(public.assessments) == 2
    rayong = public.assessments.set_index("area_id").loc["P1-10"]
    assert int(rayong["year"]) == 2019 and "ruampalang.com" in rayong["source"]
    assert "24 Sep 2019" in rayong["note"] and "24 ก.ย. 2562" in rayong["note_th"]
    events = public.events.set_index("event_id")
    assert events.loc["certification_2568", "date"] == "2026-03-12"
    assert "not public" in events.loc["certification_2568", "label_en"]
    assert events.loc["phase1_ceremony_2022", "date"] == "2022-08-24"
    assert set(events["basis"]) <= {"stated", "inferred"} and events["source"].str.len().gt(0).all()
    assert events.loc["phase1_at_levels_3_4_2023", "basis"] == "inferred"


def test_with_change_adds_the_change_of_every_area(demo, province_polygons):
    table = with_change(area_table(demo, province_polygons, 2023), demo, 2021, 2023)
    assert len(table) == 54 and table["change_class"].notna().all()
    counts = table["change_class"].value_counts().to_dict()
    phase_later = int((demo.areas["joined_year"] > 2021).sum())
    assert counts.get("new", 0) == phase_later == 36
