"""The command line prints what the app shows, and data errors never print a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "ecotown", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)


def test_summary_json_public():
    """`summary --dataset public --json` reports 32 areas in 29 provinces."""
    result = _run("summary", "--dataset", "public", "--json")
    assert result.returncode == 0, result.stderr
    counts = json.loads(result.stdout)
    assert {"areas", "provinces", "by_phase", "by_level", "by_region", "year"} <= set(counts)
    assert (counts["areas"], counts["provinces"]) == (32, 29)


@pytest.mark.parametrize("year", ["2566", "2023"])
def test_summary_json_demo(year):
    """The demo matches the programme's published shape in fiscal year 2023 (B.E. 2566),
    the year of the headline figures; the year may be typed in either era."""
    from tests.cli_json import summary  # in-process: the real command line runs above

    counts = summary("--dataset", "demo", "--year", year)
    assert counts["year"] == 2023 and counts["joined_later"] == 0
    assert (counts["areas"], counts["provinces"]) == (54, 39)
    assert counts["by_phase"] == {"1": 18, "2": 15, "3": 21}
    assert counts["by_level"]["4"] == 4 and counts["by_level"]["3"] == 14
    assert counts["by_level"]["1"] + counts["by_level"]["2"] == 36
    assert counts["synthetic"] is True


def test_summary_filter_flags():
    """Filters on the command line narrow the counts like the sidebar does."""
    from tests.cli_json import summary

    counts = summary("--dataset", "demo", "--phase", "1")
    assert counts["areas"] == 18


def test_bad_dataset_is_a_message_not_a_traceback(tmp_path):
    """A broken dataset directory exits 1 with the problem named, in the chosen language."""
    result = _run("summary", "--dataset", str(tmp_path), "--lang", "en")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "areas.csv" in result.stderr and "file is missing" in result.stderr


@pytest.mark.parametrize(("lang", "words"), [("en", "region"), ("th", "region")])
def test_summary_and_briefing_share_view_options_with_bilingual_errors(lang, words, capsys):
    """One set of view options: a bad value is refused the same way by both commands."""
    from ecotown.cli import main

    for command in (["summary"], ["briefing", "--format", "csv", "--out", "-"]):
        code = main([*command, "--dataset", "demo", "--region", "nowhere", "--lang", lang])
        err = capsys.readouterr().err
        assert code == 1 and words in err and "nowhere" in err and "Traceback" not in err
    assert main(["summary", "--dataset", "demo", "--province", "ระยอง", "--json"]) == 0
    assert '"areas"' in capsys.readouterr().out
