"""The Thai note column: older files load without it, an import may leave it out or empty
and keep the stored wording, and a steward can change it."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest

from ecotown import stewardship
from ecotown.i18n.labels import note_in
from ecotown.model.schema import table
from ecotown.model.validate import check_table
from ecotown.store import load_dataset

ROOT = Path(__file__).resolve().parents[3]
URL = "https://www.diw.go.th/"


def upload(name: str, text: str) -> stewardship.Upload:
    return stewardship.Upload.from_bytes(name, text.encode("utf-8"))


@pytest.mark.parametrize(("row", "lang", "expected"), [
    ({"note": "listed", "note_th": "ระบุ"}, "th", "ระบุ"),
    ({"note": "listed", "note_th": "ระบุ"}, "en", "listed"),
    ({"note": "listed", "note_th": ""}, "th", "listed"),
    ({"note": "listed", "note_th": float("nan")}, "th", "listed"),
    ({"note": "listed"}, "th", "listed"),
    ({"note": None, "note_th": None}, "th", ""),
    (pd.Series({"note": " x ", "note_th": " ก "}), "xx", "ก"),  # unknown language: Thai
])
def test_note_in_picks_the_language(row, lang, expected):
    assert note_in(row, lang) == expected


def test_a_file_written_before_the_column_loads():
    tbl = table("assessments")
    frame = pd.DataFrame([["P1-05", "2024", "4", "stated", URL, "x"]],
                         columns=["area_id", "year", "level", "basis", "source", "note"],
                         dtype=object)
    typed, problems = check_table(frame, tbl, "assessments.csv")
    assert not problems
    assert typed["note_th"].tolist() == [""]


def test_a_required_column_is_still_required():
    frame = pd.DataFrame([["P1-05", "2024", "4", URL]],
                         columns=["area_id", "year", "level", "source"], dtype=object)
    _, problems = check_table(frame, table("assessments"), "a.csv")
    missing = {p.column for p in problems if p.code == "v_missing_column"}
    assert "basis" in missing and "note_th" not in missing


def _stored_row(dataset: str, area_id: str, year: int) -> pd.Series:
    rows = load_dataset(dataset).assessments
    return rows.loc[(rows["area_id"] == area_id) & (rows["year"] == year)].iloc[0]


def test_leaving_the_thai_note_out_or_empty_keeps_it(data_dir):
    stored = _stored_row("public", "P1-10", 2019)
    assert stored["note_th"]
    cells = [stored[c] for c in ("area_id", "year", "level", "basis", "source", "note")]
    line = ",".join(f'"{c}"' for c in map(str, cells))
    without = upload("a.csv", "area_id,year,level,basis,source,note\n" + line + "\n")
    empty = upload("b.csv", "area_id,year,level,basis,source,note,note_th\n" + line + ",\n")
    for file in (without, empty):
        plan = stewardship.preview([file], "official")
        assert plan.ok
        assert not plan.changed, plan.changes


def test_a_new_thai_note_is_a_change_and_lands(data_dir):
    stored = _stored_row("public", "P1-10", 2019)
    cells = [str(stored[c]) for c in ("area_id", "year", "level", "basis", "source", "note")]
    line = ",".join(f'"{c}"' for c in cells) + ',"หมายเหตุใหม่"'
    file = upload("a.csv", "area_id,year,level,basis,source,note,note_th\n" + line + "\n")
    plan = stewardship.preview([file], "withnote")
    assert plan.ok
    change = plan.changes["assessments"]
    assert change.changed == ["P1-10/2019"]
    assert change.changed_columns["P1-10/2019"] == ["note_th"]
    stewardship.commit(plan, "Ann")
    assert _stored_row("withnote", "P1-10", 2019)["note_th"] == "หมายเหตุใหม่"


@pytest.mark.parametrize("folder", ["geodata", "geodata/demo"])
def test_every_shipped_note_has_its_thai_wording(folder):
    for name in ("areas.csv", "assessments.csv"):
        with open(ROOT / folder / name, encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if row["note"].strip():
                    assert row["note_th"].strip(), (folder, name, row)
                    assert not any(w in row["note_th"] for w in ("listed", "level ", "phase ")), row


def test_the_public_record_build_stops_on_a_note_without_thai():
    from scripts.build_public_record import NOTES_TH, note_th

    assert note_th("") == ""
    assert note_th(next(iter(NOTES_TH))) == next(iter(NOTES_TH.values()))
    with pytest.raises(ValueError, match="NOTES_TH"):
        note_th("a note nobody translated")
