"""`python -m ecotown briefing` writes the download button's bytes; bad values are messages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from ecotown.analysis.filters import NO_LEVEL, Filters
from ecotown.analysis.summary import area_table
from ecotown.analysis.urlstate import ViewState
from ecotown.briefing import briefing, briefing_facts
from ecotown.cli import main
from ecotown.present.legend import EMPTY

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ecotown", *args], cwd=ROOT,
                          capture_output=True, timeout=120)


@pytest.fixture(scope="module")
def demo_areas(demo, province_polygons):
    """The demo area table."""
    return area_table(demo, province_polygons)


def test_cli_writes_exactly_the_briefing_bytes(tmp_path, demo, demo_areas, province_polygons):
    """The command line and the web button share briefing(): byte-identical PDF."""
    out = tmp_path / "brief.pdf"
    result = _run("briefing", "--dataset", "demo", "--phase", "3", "--lang", "th",
                  "--format", "pdf", "--out", str(out))
    assert result.returncode == 0, result.stderr.decode()
    view = ViewState(dataset="demo", lang="th", filters=Filters(phases=(3,)))
    expected = briefing(demo, demo_areas, province_polygons, view, "pdf")
    assert out.read_bytes() == expected.data


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_cli_tables_and_default_file_name(tmp_path, monkeypatch, fmt, demo, demo_areas,
                                          province_polygons):
    """Without --out the suggested file name is used; names of provinces are accepted."""
    monkeypatch.chdir(tmp_path)
    code = main(["briefing", "--dataset", "demo", "--province", "Rayong,ชลบุรี",
                 "--region", "east", "--color", "count", "--lang", "en", "--format", fmt])
    assert code == 0
    view = ViewState(dataset="demo", lang="en", color="count",
                     filters=Filters(regions=("east",), provinces=("20", "21")))
    expected = briefing(demo, demo_areas, province_polygons, view, fmt)
    assert (tmp_path / expected.filename).read_bytes() == expected.data


def test_cli_out_dash_writes_to_standard_output(capsysbinary, demo, demo_areas,
                                                province_polygons):
    """`--out -` sends the bytes to standard output, for pipes."""
    assert main(["briefing", "--dataset", "demo", "--q", "rayong", "--format", "csv",
                 "--out", "-"]) == 0
    view = ViewState(dataset="demo", filters=Filters(query="rayong"))
    assert capsysbinary.readouterr().out == briefing(demo, demo_areas, province_polygons,
                                                     view, "csv").data


@pytest.mark.parametrize(("args", "named"), [
    (["--phase", "4"], "--phase 4"),
    (["--level", "7"], "--level 7"),
    (["--region", "mars"], "--region mars"),
    (["--province", "Atlantis"], "--province Atlantis"),
    (["--color", "rainbow"], "--color rainbow"),
    (["--lang", "fr"], "--lang fr"),
    (["--format", "gif"], "'gif'"),
    (["--q", "x" * 101], "--q"),
])
def test_cli_bad_values_are_a_message_and_exit_1(tmp_path, capsys, args, named):
    """A bad value names itself and what is allowed, exits 1 and writes nothing."""
    out = tmp_path / "never.pdf"
    assert main(["briefing", "--dataset", "demo", "--lang", "en", *args,
                 "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert named in err and "Traceback" not in err
    assert not out.exists()


def test_cli_unwritable_output_is_a_message(capsys, tmp_path):
    """A path that cannot be written is reported, not a traceback."""
    code = main(["briefing", "--dataset", "demo", "--format", "csv", "--lang", "en",
                 "--out", str(tmp_path / "missing" / "x.csv")])
    assert code == 1 and "cannot write" in capsys.readouterr().err


def test_cli_bad_dataset_is_a_message_not_a_traceback(tmp_path):
    """A broken dataset directory exits 1 naming the problem, as `summary` does."""
    result = _run("briefing", "--dataset", str(tmp_path), "--lang", "en", "--out",
                  str(tmp_path / "x.pdf"))
    assert result.returncode == 1
    assert b"Traceback" not in result.stderr and b"file is missing" in result.stderr


@pytest.mark.parametrize("filter_args", [
    ["--phase", "3"],
    ["--level", "2,none", "--region", "east,north"],
])
def test_drawn_numbers_equal_summary_json(filter_args, demo, demo_areas, province_polygons):
    """What the briefing draws equals `python -m ecotown summary --json` for the filter."""
    result = _run("summary", "--dataset", "demo", "--json", *filter_args)
    assert result.returncode == 0, result.stderr.decode()
    counts = json.loads(result.stdout)
    options = dict(zip(filter_args[::2], filter_args[1::2], strict=True))
    filters = Filters(
        phases=tuple(int(p) for p in options.get("--phase", "").split(",") if p),
        levels=tuple(v for v in options.get("--level", "").split(",") if v),
        regions=tuple(v for v in options.get("--region", "").split(",") if v))
    facts = briefing_facts(demo, demo_areas, province_polygons,
                           ViewState(dataset="demo", lang="en", filters=filters))
    assert dict(facts.kpis) == {"Areas": str(counts["areas"]),
                                "Provinces": str(counts["provinces"]),
                                "Known level": f"{counts['known_level_share']:.0%}"}
    assert {e.key: e.count for e in facts.kpi_levels} == counts["by_level"]
    assert {e.key.removeprefix("phase"): e.count for e in facts.kpi_phases} == \
        counts["by_phase"]
    highest = [p["highest_level"] for p in counts["by_province"].values()]
    expected = {str(level): highest.count(level) for level in range(1, 6)}
    expected[NO_LEVEL] = highest.count(None)
    expected[EMPTY] = 77 - len(highest)
    assert {e.key: e.count for e in facts.province_legend} == expected
