"""Validation: hand-broken copies of the data files fail with file, row, column and value."""

from __future__ import annotations

import pandas as pd
import pytest

from ecotown.model.schema import table
from ecotown.model.validate import DatasetError, check_table
from ecotown.store import load_dataset


def _edit(path, edit):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    frame = edit(frame)
    frame.to_csv(path, index=False)


def _set(row, column, value):
    def edit(frame):
        frame.loc[row, column] = value
        return frame
    return edit


def _duplicate_first(frame):
    return pd.concat([frame, frame.iloc[[0]]], ignore_index=True)


# (file, edit, code, row, column, value shown in the message)
BROKEN = [
    ("areas.csv", lambda f: f.drop(columns="scope"), "v_missing_column", 1, "scope", None),
    ("areas.csv", lambda f: f.assign(extra="x"), "v_unknown_column", 1, "extra", "extra"),
    ("areas.csv", _set(2, "province_code", "99"), "v_unknown_province", 4, "province_code", "99"),
    ("areas.csv", _set(0, "phase", "4"), "v_range", 2, "phase", "4"),
    ("areas.csv", _set(1, "phase", "one"), "v_not_int", 3, "phase", "one"),
    ("areas.csv", _set(3, "lat", "north"), "v_not_number", 5, "lat", "north"),
    ("areas.csv", _set(0, "scope", "city"), "v_choice", 2, "scope", "city"),
    ("areas.csv", _set(0, "name_th", ""), "v_required", 2, "name_th", ""),
    ("areas.csv", _duplicate_first, "v_duplicate", 34, "area_id", "P1-01"),
    ("areas.csv", _set(4, "admin_code", "9010"), "v_admin_code", 6, "admin_code", "9010"),
    ("assessments.csv", _set(0, "level", "7"), "v_range", 2, "level", "7"),
    ("assessments.csv", _set(0, "year", "2590"), "v_buddhist_year", 2, "year", "2590"),
    ("assessments.csv", _set(1, "year", "1999"), "v_range", 3, "year", "1999"),
    ("assessments.csv", _set(0, "area_id", "NOPE"), "v_unknown_area", 2, "area_id", "NOPE"),
    ("levels.csv", _set(0, "level", "six"), "v_not_int", 2, "level", "six"),
    ("programme_figures.csv", _set(0, "as_of", "30/5/2023"), "v_date", 2, "as_of",
     "30/5/2023"),
    # dates are checked as dates, not as digit patterns (red-team: broke every export)
    ("programme_figures.csv", _set(0, "as_of", "2023-13-01"), "v_date", 2, "as_of",
     "2023-13-01"),
    ("programme_figures.csv", _set(1, "as_of", "2099-00"), "v_date", 3, "as_of", "2099-00"),
    ("programme_figures.csv", _set(0, "as_of", "2023-02-29"), "v_date", 2, "as_of",
     "2023-02-29"),
    ("programme_figures.csv", _set(0, "as_of", "2023-04-31"), "v_date", 2, "as_of",
     "2023-04-31"),
    # numbers: Thai digits are accepted on purpose; other spellings float() reads are not
    ("assessments.csv", _set(0, "year", "2_0_2_4"), "v_year", 2, "year", "2_0_2_4"),
    ("assessments.csv", _set(0, "year", "2.024e3"), "v_year", 2, "year", "2.024e3"),
    ("assessments.csv", _set(0, "year", "٢٠٢٤"), "v_year", 2, "year", "٢٠٢٤"),
    ("assessments.csv", _set(0, "level", "nan"), "v_not_int", 2, "level", "nan"),
    ("assessments.csv", _set(0, "year", "๒๕๙๐"), "v_buddhist_year", 2, "year", "๒๕๙๐"),
    ("areas.csv", _set(0, "joined_year", "1999"), "v_range", 2, "joined_year", "1999"),
]


@pytest.mark.parametrize(("filename", "edit", "code", "row", "column", "value"), BROKEN,
                         ids=[f"{b[0]}-{b[2]}-{b[4]}" for b in BROKEN])
def test_broken_copy_names_file_row_column(dataset_copy, filename, edit, code, row, column,
                                           value):
    """Each hand-broken file fails with its own problem, located exactly."""
    directory = dataset_copy("public")
    _edit(directory / filename, edit)
    with pytest.raises(DatasetError) as caught:
        load_dataset(directory)
    matches = [p for p in caught.value.problems if p.code == code]
    assert matches, [p.code for p in caught.value.problems]
    problem = matches[0]
    assert (problem.file, problem.row, problem.column) == (filename, row, column)
    if value is not None:
        assert problem.value == value
    for lang in ("th", "en"):
        message = problem.message(lang)
        assert filename in message and column in message and str(row) in message


def test_all_problems_reported_at_once(dataset_copy):
    """A file with three broken cells reports three problems, not the first only."""
    directory = dataset_copy("public")
    _edit(directory / "areas.csv", lambda f: _set(0, "phase", "9")(_set(1, "lat", "x")(
        _set(2, "scope", "town")(f))))
    with pytest.raises(DatasetError) as caught:
        load_dataset(directory)
    assert {(p.row, p.column) for p in caught.value.problems} >= {(2, "phase"), (3, "lat"),
                                                                   (4, "scope")}


def test_missing_and_empty_files(dataset_copy):
    """A missing table and an empty file are each named."""
    directory = dataset_copy("public")
    (directory / "levels.csv").unlink()
    (directory / "assessments.csv").write_text("", encoding="utf-8")
    with pytest.raises(DatasetError) as caught:
        load_dataset(directory)
    found = {(p.file, p.code) for p in caught.value.problems}
    assert ("levels.csv", "v_missing_file") in found
    assert ("assessments.csv", "v_empty_file") in found


def test_bad_dataset_json(dataset_copy):
    """dataset.json must say whether the data are synthetic."""
    directory = dataset_copy("public")
    (directory / "dataset.json").write_text('{"id": "x"}', encoding="utf-8")
    with pytest.raises(DatasetError, match="synthetic"):
        load_dataset(directory)


def test_unknown_dataset_name():
    """An unknown dataset name is an error naming it, not a crash."""
    with pytest.raises(DatasetError) as caught:
        load_dataset("no-such-dataset")
    assert "no-such-dataset" in caught.value.messages("en")[0]


@pytest.mark.parametrize(("raw", "ok"), [("true", True), ("FALSE", True), ("1", True),
                                          ("maybe", False)])
def test_bool_cells(raw, ok):
    """Booleans accept true/false/1/0/yes/no and nothing else."""
    frame = pd.DataFrame([{c: "1" for c in table("indicators").column_names}])
    frame["higher_is_better"] = raw
    frame["dimension_id"] = "physical"
    frame["indicator_id"] = frame["aspect_id"] = "X-1"
    frame["scale_max"] = "2"
    _, problems = check_table(frame, table("indicators"), "indicators.csv")
    assert (not problems) is ok


@pytest.mark.parametrize("raw,choices,expected", [
    ("ระบุ", ("stated", "inferred", "synthetic"), "stated"),
    ("Stated", ("stated", "inferred", "synthetic"), "stated"),
    (" อนุมาน ", ("stated", "inferred", "synthetic"), "inferred"),
    ("ตำบล", ("province", "district", "subdistrict", "municipality", "zone"), "subdistrict"),
    ("Sub-district", ("province", "district", "subdistrict", "municipality", "zone"),
     "subdistrict"),
    ("มากกว่า", ("exact", "more_than", "less_than", "about"), "more_than"),
    ("more than", ("exact", "more_than", "less_than", "about"), "more_than"),
    ("สิ่งแวดล้อม", ("physical", "economic", "environmental", "social", "management"),
     "environmental"),
    ("maybe", ("stated", "inferred", "synthetic"), None),
    ("ระดับ", ("stated", "inferred", "synthetic"), None),
])
def test_thai_and_english_spellings_of_choices_are_one_canonical_value(raw, choices, expected):
    from ecotown.model.vocabulary import canonical_choice

    assert canonical_choice(raw, choices) == expected


def test_a_thai_basis_is_stored_canonical():
    frame = pd.DataFrame([{"area_id": "P1-01", "year": "๒๐๒๓", "level": "3", "basis": "ระบุ",
                           "source": "https://example.org", "note": ""}])
    typed, problems = check_table(frame.astype(str), table("assessments"), "assessments.csv")
    assert not problems, problems
    assert typed["basis"].tolist() == ["stated"]
