"""Importing stewards' files: the bad-file corpus, kinds, merging, hostile input, the CLI
and the demo round trip."""

from __future__ import annotations

import hashlib
import io
import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from ecotown import stewardship, store
from ecotown.analysis.urlstate import parse_view
from ecotown.cli import data as cli_data
from ecotown.model.validate import DatasetError
from ecotown.stewardship import publishing as commit_module
from ecotown.stewardship import templates
from ecotown.store import load_dataset
from ecotown.store.files import VERSION_FILES

ROOT = Path(__file__).resolve().parents[3]
BAD = Path(__file__).resolve().parents[2] / "data_bad"
URL = "https://www.diw.go.th/"
HEADER = "area_id,year,level,basis,source,note\n"
AREAS_HEADER = ("area_id,name_th,name_en,province_code,scope,admin_code,phase,phase_basis,"
                "lat,lon,location_precision,sources,note\n")



def upload(name: str, text: str, encoding: str = "utf-8") -> stewardship.Upload:
    return stewardship.Upload.from_bytes(name, text.encode(encoding))


def snapshot(root: Path) -> dict[str, str]:
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


def located(problems) -> set[tuple]:
    return {(p.code, p.file, getattr(p, "sheet", ""), p.row, p.column) for p in problems}


# --- the corpus of bad files -------------------------------------------------------------

SMALL = {"max_rows": 10}
# file: (base, caps, {(code, sheet, row, column)}) — the exact problems it must yield
CORPUS = {
    "missing_column.csv": ("public", {}, {("v_missing_column", "", 1, "basis")}),
    "unknown_column.csv": ("public", {}, {("v_unknown_column", "", 1, "colour")}),
    "level_not_number.csv": ("public", {}, {("v_not_int", "", 2, "level")}),
    "level_out_of_range.csv": ("public", {}, {("v_range", "", 3, "level")}),
    "phase_out_of_range.csv": ("public", {}, {("v_range", "", 2, "phase")}),
    "unknown_province.csv": ("public", {}, {("v_unknown_province", "", 2, "province_code")}),
    "admin_code_elsewhere.csv": ("public", {}, {("v_admin_code", "", 2, "admin_code")}),
    "unknown_area.csv": ("public", {}, {("v_unknown_area", "", 3, "area_id")}),
    "duplicate_ids.csv": ("public", {}, {("v_duplicate", "", 3, "area_id,year")}),
    "year_out_of_range.csv": ("public", {}, {("v_range", "", 2, "year")}),
    "year_buddhist_era.csv": ("public", {}, {("v_buddhist_year", "", 2, "year")}),
    "unknown_indicator.csv": ("demo", {}, {("v_unknown_indicator", "", 3, "indicator_id")}),
    "value_not_number.csv": ("demo", {}, {("v_not_number", "", 2, "value")}),
    "scale_reversed.csv": ("demo", {}, {("v_scale", "", 2, "scale_min")}),
    "formula_injection.csv": ("public", {}, {("d_formula_text", "", 2, "source")}),
    "empty.csv": ("public", {}, {("v_empty_file", "", None, None)}),
    "blank_lines_only.csv": ("public", {}, {("v_empty_file", "", None, None)}),
    "unknown_kind.csv": ("public", {}, {("d_unknown_kind", "", 1, None)}),
    "ragged_row.csv": ("public", {}, {("d_unnamed_column", "", 1, "(G)")}),
    "unbalanced_quote.csv": ("public", {}, {("d_csv_error", "", 2, None)}),
    "control_character.csv": ("public", {}, {("d_control_char", "", 2, "note")}),
    "duplicate_column.csv": ("public", {}, {("d_duplicate_column", "", 1, "level")}),
    "binary.csv": ("public", {}, {("d_not_text", "", None, None)}),
    "old_format.xls": ("public", {}, {("d_old_xls", "", None, None)}),
    "tis620.csv": ("public", {}, {("v_range", "", 2, "level")}),
    "many_rows.csv": ("public", SMALL, {("d_too_many_rows", "", None, None)}),
    "formula.xlsx": ("public", {}, {("d_formula", "assessments", 2, "level")}),
    "excel_date.xlsx": ("public", {}, {("d_excel_date", "assessments", 2, "year")}),
    "excel_error.xlsx": ("public", {}, {("d_excel_error", "assessments", 2, "level")}),
    "empty.xlsx": ("public", {}, {("v_empty_file", "", None, None)}),
    "truncated.xlsx": ("public", {}, {("d_bad_xlsx", "", None, None)}),
    "two_sheets_formula.xlsx": ("demo", {}, {("d_formula", "values", 2, "value")}),
    "many_problems.csv": ("public", {}, {
        ("v_buddhist_year", "", 3, "year"), ("v_range", "", 3, "level"),
        ("v_choice", "", 3, "basis"), ("v_unknown_area", "", 3, "area_id"),
        ("v_year", "", 4, "year"), ("v_required", "", 4, "source")}),
}


def test_corpus_is_complete():
    """Every bad file has its expected problems in the table, and the other way round."""
    files = {p.name for p in BAD.iterdir() if p.suffix in (".csv", ".xlsx", ".xls")}
    assert files == set(CORPUS)


@pytest.mark.parametrize("filename", sorted(CORPUS))
def test_bad_file_yields_its_problem(data_dir, filename):
    """Each bad file yields exactly its own problems, located by file, sheet, row and
    column, in Thai and English; nothing is written."""
    base, caps, expected = CORPUS[filename]
    plan = stewardship.preview([stewardship.Upload.from_path(BAD / filename)], "official",
                            base=base, caps=stewardship.Caps(**caps))
    assert not plan.ok
    assert located(plan.problems) == {(c, filename, s, r, col) for c, s, r, col in expected}
    for problem in plan.problems:
        for lang in ("th", "en"):
            message = problem.message(lang)
            assert filename in message
            if problem.row:
                assert str(problem.row) in message
            if problem.sheet:
                assert problem.sheet in message
    with pytest.raises(DatasetError):
        stewardship.commit(plan, "Ann")
    assert not data_dir.exists()


def test_size_cap_is_checked_before_reading(tmp_path, data_dir):
    """A file over the size cap is not even read."""
    path = tmp_path / "big.csv"
    path.write_text(HEADER + f"P1-05,2024,4,stated,{URL},\n" * 50)
    caps = stewardship.Caps(max_bytes=100)
    big = stewardship.Upload.from_path(path, caps)
    assert big.data == b"" and big.size > 100
    plan = stewardship.preview([big], "official", caps=caps)
    assert located(plan.problems) == {("d_too_large", "big.csv", "", None, None)}


def test_caps_from_env(monkeypatch):
    monkeypatch.setenv("ECOTOWN_MAX_ROWS", "7")
    assert stewardship.Caps.from_env().max_rows == 7
    monkeypatch.setenv("ECOTOWN_MAX_ROWS", "many")
    with pytest.raises(ValueError, match="many"):
        stewardship.Caps.from_env()
    with pytest.raises(ValueError, match="max_cell"):
        stewardship.Caps(max_cell=0)


def test_tis620_is_decoded(data_dir):
    """A TIS-620 CSV is recognised and its Thai text arrives intact."""
    text = HEADER + f"P1-05,2024,4,stated,{URL},ผลการประเมินปี 2567\n"
    _version, plan = stewardship.import_files([upload("tis.csv", text, "cp874")], "official",
                                          "Ann")
    assert plan.tables[0]["encoding"] == "tis-620"
    notes = load_dataset("official").assessments.set_index("year")["note"]
    assert notes[2024] == "ผลการประเมินปี 2567"


@pytest.mark.parametrize(("encoding", "name"), [("utf-8", "utf-8"), ("utf-8-sig", "utf-8-sig"),
                                                ("utf-16", "utf-16")])
def test_utf_encodings(data_dir, encoding, name):
    text = HEADER + f"P1-05,2024,4,stated,{URL},ระดับ ๔\n"
    plan = stewardship.preview([upload("a.csv", text, encoding)], "official")
    assert plan.ok and plan.tables[0]["encoding"] == name


def test_semicolon_and_tab_separated(data_dir):
    for sep in (";", "\t"):
        text = (HEADER + f"P1-05,2024,4,stated,{URL},\n").replace(",", sep)
        assert stewardship.preview([upload("a.csv", text)], "official").ok


# --- kinds -------------------------------------------------------------------------------

@pytest.mark.parametrize(("header", "hint", "kind"), [
    (["area_id", "year", "level", "basis", "source", "note"], None, "assessments"),
    (["area_id", "year", "level", "basis", "source"], None, "assessments"),
    (["Area_ID ", "YEAR", "level", "basis", "source"], None, "assessments"),
    (["area_id", "year", "indicator_id", "value", "source"], None, "indicator_values"),
    (["level", "name_th", "name_en", "source"], None, "levels"),
    (["level"], None, "levels"),
    (["dimension_id", "name_th", "name_en", "source"], None, "dimensions"),
    (["area_id", "year", "level"], None, "assessments"),
    (["area_id", "year", "level", "colour"], None, "assessments"),
    (["figure_id", "value", "qualifier", "as_of"], None, "programme_figures"),
    (["colour", "size"], None, None),
    ([], None, None),
    (["name_th", "name_en", "source"], "dimensions", "dimensions"),
])
def test_detect_kind(header, hint, kind):
    assert stewardship.detect_kind(header, hint) == kind


def test_template_headers_detect_their_kind():
    for kind in stewardship.KINDS:
        header = templates.template_csv(kind).decode("utf-8-sig").strip().split(",")
        assert stewardship.detect_kind(header) == kind


def test_kind_override_and_its_mistakes(data_dir):
    """A chosen kind wins over detection; a bad kind or an unknown file is a problem."""
    good = upload("scores.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")
    plan = stewardship.preview([good], "official", kinds={"scores.csv": "levels"})
    assert ("v_unknown_column", "scores.csv", "", 1, "area_id") in located(plan.problems)
    plan = stewardship.preview([good], "official", kinds={"scores.csv": "grades"})
    assert {p.code for p in plan.problems} == {"d_bad_kind"}
    plan = stewardship.preview([good], "official", kinds={"other.csv": "areas"})
    assert {p.code for p in plan.problems} == {"d_kind_for_unknown_file"}
    plan = stewardship.preview([good], "official", kinds={"/some/dir/scores.csv": "assessments"})
    assert plan.ok


# --- merging and the preview -------------------------------------------------------------

def test_preview_reports_changes_and_writes_nothing(data_dir):
    """Added, replaced and unchanged rows are counted before anything is written."""
    text = HEADER + (f"P1-05,2022,4,stated,{URL},\n"  # replaces the public row
                     f"P1-10,2019,4,stated,http://ecocenter.diw.go.th/,\n"
                     f"P1-05,2024,5,stated,{URL},\n")  # added
    plan = stewardship.preview([upload("a.csv", text)], "official")
    change = plan.changes["assessments"]
    assert plan.ok and plan.new and plan.base == "public"
    assert change.added == ["P1-05/2024"]
    assert change.changed == ["P1-05/2022", "P1-10/2019"]
    assert change.changed_columns["P1-05/2022"] == ["source", "note"]
    assert change.removed == [] and change.unchanged == 0
    assert not data_dir.exists()


def test_areas_added_changed_and_removed(data_dir):
    """Area changes are listed by id; replacing the table removes the areas left out, and
    the public assessments that refer to them are then reported, naming their file."""
    public = load_dataset("public").areas
    first = public.iloc[0]
    row = ",".join(str(first[c]) if str(first[c]) != "<NA>" else "" for c in
                   AREAS_HEADER.strip().split(","))
    moved = row.replace(str(first["name_en"]), "Renamed")
    new = f"P4-01,เทศบาลตัวอย่าง,Example town,21,municipality,,3,stated,12.68,101.28," \
          f"province,{URL},\n"
    plan = stewardship.preview([upload("areas.csv", AREAS_HEADER + moved + "\n" + new)],
                            "official")
    areas = plan.changes["areas"]
    assert plan.ok and areas.added == ["P4-01"] and areas.changed == [first["area_id"]]
    assert areas.changed_columns[first["area_id"]] == ["name_en"]
    assert areas.removed == []
    rows = stewardship.area_change_rows(plan, "en")
    assert list(rows.iloc[:, 0]) == ["P4-01", first["area_id"]]
    # issue 28: each changed value, from what to what
    cells, more = stewardship.cell_change_rows(plan, "en")
    assert cells.values.tolist() == [["Areas", first["area_id"], "name_en", first["name_en"],
                                      "Renamed"]] and more == 0
    assert any(f"name_en: {first['name_en']} → Renamed" in line
               for line in stewardship.preview_lines(plan, "en"))
    plan = stewardship.preview([upload("areas.csv", AREAS_HEADER + new)], "official",
                            replace=["areas"])
    assert len(plan.changes["areas"].removed) == len(public)
    unknown = {(p.file, p.column) for p in plan.problems if p.code == "v_unknown_area"}
    assert unknown == {("assessments.csv (public)", "area_id")}


def test_replace_without_a_file_is_a_problem(data_dir):
    plan = stewardship.preview([upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")],
                            "official", replace=["areas"])
    assert [p.code for p in plan.problems] == ["d_replace_without_file"]
    with pytest.raises(store.StoreError):
        stewardship.preview([], "official", replace=["grades"])


def test_same_key_in_two_files(data_dir):
    one = upload("one.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")
    two = upload("two.csv", HEADER + f"P1-10,2024,4,stated,{URL},\nP1-05,2024,3,stated,{URL},\n")
    plan = stewardship.preview([one, two], "official")
    assert located(plan.problems) == {("d_duplicate_other_file", "two.csv", "", 3,
                                       "area_id,year")}
    assert "one.csv" in plan.problems[0].message("en")


def test_rows_with_a_problem_do_not_hide_their_references(data_dir):
    """Every problem at once: a row rejected for its level is still checked for its area."""
    plan = stewardship.preview([upload("a.csv", HEADER + f"P9-99,2024,9,stated,{URL},\n")],
                            "official")
    assert {p.code for p in plan.problems} == {"v_range", "v_unknown_area"}


def test_an_invalid_area_is_not_reported_again_by_its_assessments(data_dir):
    areas = upload("areas.csv", AREAS_HEADER + "P4-01,ก,A,99,municipality,,3,stated,12.68,"
                                               f"101.28,province,{URL},\n")
    levels = upload("levels.csv", HEADER + f"P4-01,2024,3,stated,{URL},\n")
    plan = stewardship.preview([areas, levels], "official")
    assert {p.code for p in plan.problems} == {"v_unknown_province"}


def test_optional_columns_may_be_left_out(data_dir):
    plan = stewardship.preview([upload("a.csv", "area_id,year,level,basis,source\n"
                                             f"P1-05,2024,4,stated,{URL}\n")], "official")
    assert plan.ok


def test_header_only_file_changes_nothing(data_dir):
    plan = stewardship.preview([upload("a.csv", HEADER)], "official")
    assert plan.ok and not plan.changed


def test_commit_refuses_a_stale_preview_and_an_empty_change(data_dir):
    """The page's preview must be the one committed; re-importing the same rows is refused."""
    rows = upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")
    stewardship.import_files([rows], "official", "Ann")
    stale = stewardship.preview([upload("b.csv", HEADER + f"P1-05,2025,4,stated,{URL},\n")],
                             "official")
    stewardship.import_files([upload("c.csv", HEADER + f"P1-05,2026,4,stated,{URL},\n")],
                          "official", "Bob")
    with pytest.raises(store.StoreError) as caught:
        stewardship.commit(stale, "Ann")
    assert caught.value.code == "d_changed_since_preview"
    version, rebased = stewardship.commit(stale, "Ann", rebase=True)
    assert version == "0003" and rebased.base == "official v0002"
    with pytest.raises(store.StoreError) as caught:
        stewardship.import_files([rows], "official", "Ann")
    assert caught.value.code == "d_nothing_to_import"


def test_base_is_ignored_for_an_existing_dataset(data_dir):
    stewardship.import_files([upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")],
                          "official", "Ann")
    plan = stewardship.preview([upload("a.csv", HEADER + f"P1-05,2025,4,stated,{URL},\n")],
                            "official", base="demo")
    assert plan.base == "official v0001" and plan.notes == ["d_base_ignored"]
    with pytest.raises(store.StoreError) as caught:
        stewardship.preview([upload("a.csv", HEADER)], "other", base="nowhere")
    assert caught.value.code == "d_unknown_base"


def test_a_version_that_would_not_load_is_never_published(data_dir, monkeypatch):
    """If the final load check fails, the temp version is removed and nothing changes."""
    stewardship.import_files([upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")],
                          "official", "Ann")
    before = snapshot(data_dir)

    def refuse(directory):
        raise DatasetError([stewardship.ImportProblem("areas.csv", "v_unreadable",
                                                   params={"detail": "test"})])

    monkeypatch.setattr(commit_module, "_verify", refuse)
    with pytest.raises(DatasetError):
        stewardship.import_files([upload("b.csv", HEADER + f"P1-05,2025,4,stated,{URL},\n")],
                              "official", "Bob")
    assert snapshot(data_dir) == before
    assert list((data_dir / "tmp").iterdir()) == []


def test_steward_names_are_checked(data_dir):
    assert stewardship.check_steward("  Ann   Lee ") == "Ann Lee"
    for bad in ("", "   ", "x" * 81, "a\x07b", 5):
        with pytest.raises(store.StoreError):
            stewardship.check_steward(bad)


# --- XLSX --------------------------------------------------------------------------------

def _filled_template(kind: str, rows: list[list]) -> bytes:
    book = openpyxl.load_workbook(io.BytesIO(templates.template_xlsx(kind)))
    for row in rows:
        book[kind].append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_filled_xlsx_template_imports(data_dir):
    """The template's data sheet is read, its instructions sheet ignored, numbers and an
    as-of date typed as Excel would store them are accepted."""
    from datetime import datetime

    data = _filled_template("assessments", [["P1-05", 2024, 4.0, "stated", URL, None]])
    figures = _filled_template("programme_figures", [
        ["areas_2025", "พื้นที่", "Areas", 60, "exact", None, None, datetime(2025, 5, 30),
         URL]])
    _version, plan = stewardship.import_files(
        [stewardship.Upload.from_bytes("filled.xlsx", data),
         stewardship.Upload.from_bytes("figures.xlsx", figures)], "official", "Ann")
    assert [(t["file"], t["sheet"], t["kind"]) for t in plan.tables] == [
        ("filled.xlsx", "assessments", "assessments"),
        ("figures.xlsx", "programme_figures", "programme_figures")]
    dataset = load_dataset("official")
    assert 2024 in set(dataset.assessments["year"])
    as_of = dataset.programme_figures.set_index("figure_id").loc["areas_2025", "as_of"]
    assert as_of == "2025-05-30"


def test_zip_bomb_is_refused_before_parsing(data_dir):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/worksheets/sheet1.xml", "0" * 5_000_000)
    caps = stewardship.Caps(max_unzipped=1_000_000)
    plan = stewardship.preview([stewardship.Upload.from_bytes("bomb.xlsx", out.getvalue())],
                            "official", caps=caps)
    assert [p.code for p in plan.problems] == ["d_unzipped_too_large"]


def test_wide_sheets_and_long_cells_are_capped(data_dir):
    wide = upload("wide.csv", ",".join(f"c{i}" for i in range(8)) + "\n" + "1," * 7 + "1\n")
    plan = stewardship.preview([wide], "official", caps=stewardship.Caps(max_columns=5))
    assert [p.code for p in plan.problems] == ["d_too_many_columns"]
    long = upload("long.csv", HEADER + f"P1-05,2024,4,stated,{URL},{'x' * 300}\n")
    plan = stewardship.preview([long], "official", caps=stewardship.Caps(max_cell=100))
    assert located(plan.problems) == {("d_cell_too_long", "long.csv", "", 2, "note")}
    assert len(plan.problems[0].value) <= stewardship.MAX_SHOWN


def test_too_many_files(data_dir):
    files = [upload(f"{i}.csv", HEADER) for i in range(3)]
    plan = stewardship.preview(files, "official", caps=stewardship.Caps(max_files=2))
    assert [p.code for p in plan.problems] == ["d_too_many_files"]
    assert [p.code for p in stewardship.preview([], "official").problems] == ["d_no_files"]


# --- hostile input -----------------------------------------------------------------------

@pytest.mark.parametrize(("given", "shown"), [
    ("../../etc/passwd.csv", "passwd.csv"), ("..\\..\\boot.ini", "boot.ini"),
    ("/abs/path/x.xlsx", "x.xlsx"), ("a\x00b\nc.csv", "abc.csv"), ("", "upload"),
    ("..", "upload"), ("<script>x</script>.csv", "script>.csv"), ("ก" * 300, "ก" * 119 + "…"),
])
def test_uploaded_file_names_are_only_names(given, shown):
    assert stewardship.display_name(given) == shown


def test_hostile_import_stays_inside_its_version(tmp_path, data_dir):
    """Path tricks in file names, HTML in names and notes: stored as text, written only
    into the new version; nothing else on disk changes."""
    outside = snapshot(tmp_path)
    script = "<script>alert('x')</script>"
    text = AREAS_HEADER + (f"P4-01,<b>เมือง</b>,{script},21,municipality,,3,stated,12.68,"
                           f"101.28,province,{URL} javascript:alert(1),\"<img src=x "
                           f"onerror=alert(1)>\"\n")
    hostile = stewardship.Upload.from_bytes("../../../../tmp/evil/areas.csv", text.encode())
    _version, _ = stewardship.import_files([hostile], "hostile", "<i>Mallory</i>")
    area = load_dataset("hostile").areas.set_index("area_id").loc["P4-01"]
    assert area["name_en"] == script and area["name_th"] == "<b>เมือง</b>"
    assert area["note"] == "<img src=x onerror=alert(1)>"
    written = set(snapshot(data_dir))
    assert written == {"audit.jsonl"} | {f"datasets/hostile/versions/0001/{n}"
                                         for n in VERSION_FILES} | \
        {"datasets/hostile/LATEST"}
    assert {k: v for k, v in snapshot(tmp_path).items() if not k.startswith("data/")} == outside
    entry = store.read_audit()[0]
    assert entry["files"][0]["name"] == "areas.csv" and entry["steward"] == "<i>Mallory</i>"


# --- the command line --------------------------------------------------------------------

def test_cli_validate_import_versions_restore_audit(tmp_path, data_dir, capsys):
    good = tmp_path / "good.csv"
    good.write_text(HEADER + f"P1-05,2024,4,stated,{URL},\n", encoding="utf-8")
    assert cli_data.main(["validate", str(good), "--lang", "en"]) == 0
    assert "no problem" in capsys.readouterr().out
    assert cli_data.main(["import", str(good), "--dataset", "official", "--lang", "en"]) == 0
    assert "--yes" in capsys.readouterr().out and not data_dir.exists()
    assert cli_data.main(["import", str(good), "--dataset", "official", "--steward", "Ann",
                          "--yes", "--lang", "en"]) == 0
    assert "version 0001" in capsys.readouterr().out
    more = tmp_path / "more.csv"
    more.write_text(HEADER + f"P1-05,2025,5,stated,{URL},\n", encoding="utf-8")
    assert cli_data.main(["import", str(more), "--dataset", "official", "--yes",
                          "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["version"] == "0002" and result["ok"]
    assert result["changes"]["kinds"]["assessments"]["added"] == 1
    assert cli_data.main(["versions", "official", "--lang", "en"]) == 0
    assert "0002" in capsys.readouterr().out
    assert cli_data.main(["restore", "official", "1", "--yes", "--steward", "Bob",
                          "--lang", "en"]) == 0
    assert "version 0003" in capsys.readouterr().out
    assert cli_data.main(["audit", "--json"]) == 0
    assert [e["version"] for e in json.loads(capsys.readouterr().out)] == ["0001", "0002",
                                                                            "0003"]
    assert cli_data.main(["templates", str(tmp_path / "tpl")]) == 0
    assert len(list((tmp_path / "tpl").iterdir())) == 2 * len(stewardship.KINDS)


def test_cli_reports_every_problem_in_the_chosen_language(tmp_path, data_dir, capsys):
    bad = BAD / "many_problems.csv"
    assert cli_data.main(["validate", str(bad), str(tmp_path / "missing.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n- ") + err.startswith("- ") == 7
    assert "พ.ศ. 2599" in err and "missing.csv" in err and "Traceback" not in err
    assert cli_data.main(["import", str(bad), "--dataset", "official", "--yes", "--lang",
                          "en"]) == 1
    err = capsys.readouterr().err
    assert "file many_problems.csv, row 3, column level" in err
    assert not data_dir.exists()


@pytest.mark.parametrize("args", [
    ["import", "x.csv", "--dataset", "../etc", "--yes"],
    ["import", "x.csv", "--dataset", "demo", "--yes"],
    ["restore", "../x", "1", "--yes"],
    ["restore", "official", "zero", "--yes"],
    ["versions", "nothing"],
])
def test_cli_refuses_bad_names_with_a_message(tmp_path, data_dir, capsys, monkeypatch, args):
    (tmp_path / "x.csv").write_text(HEADER)
    monkeypatch.chdir(tmp_path)
    assert cli_data.main([*args, "--lang", "en"]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.splitlines()) == 2
    assert not data_dir.exists()


# --- round trip and first-class imported datasets ----------------------------------------

def test_demo_round_trip(tmp_path, data_dir):
    """Demo → template CSVs → import as a new dataset: the same tables, byte for byte, and
    ``python -m ecotown summary`` reports the same counts."""
    export = tmp_path / "export"
    export.mkdir()
    paths = templates.export_dataset(load_dataset("demo"), export)
    version, plan = stewardship.import_files([stewardship.Upload.from_path(p) for p in paths],
                                          "roundtrip", "Ann", replace=stewardship.KINDS)
    assert version == "0001" and plan.base == "public"
    for path in paths:
        copy = data_dir / "datasets/roundtrip/versions/0001" / path.name
        assert copy.read_bytes() == (ROOT / "geodata/demo" / path.name).read_bytes()
    env = {**os.environ, store.DATA_DIR_ENV: str(data_dir)}
    summaries = [json.loads(subprocess.run(
        [sys.executable, "-m", "ecotown", "summary", "--dataset", name, "--json"], cwd=ROOT,
        env=env, capture_output=True, text=True, timeout=120, check=True).stdout)
        for name in ("roundtrip", "demo")]
    for summary in summaries:
        summary.pop("dataset"), summary.pop("synthetic")
    assert summaries[0] == summaries[1]


def test_imported_dataset_is_in_the_url_choices(data_dir):
    stewardship.import_files([upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")],
                          "official", "Ann")
    from ecotown.store import dataset_names

    state, notices = parse_view({"dataset": "official"}, dataset_names())
    assert state.dataset == "official" and not notices
    dataset = load_dataset("official")
    assert dataset.name == "official" and dataset.synthetic is False
    assert dataset.meta["imported"] is True and dataset.meta["base"] == "public"


@pytest.mark.parametrize(("note", "flagged"), [
    ("=1+1", True), ("@SUM(A1)", True), ("+cmd|' /C calc'!A0", True), ("-cmd", True),
    ("- see note", True), ("-5", False), ("+66 2 202 4000", False), ("-", False),
    ("ระดับ 4", False), ("a=b", False),
])
def test_text_a_spreadsheet_would_run(data_dir, note, flagged):
    """Text cells starting like a formula are refused (they would run when the data is
    opened in a spreadsheet); numbers and plain dashes are fine."""
    quoted = '"' + note.replace('"', '""') + '"'
    plan = stewardship.preview([upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},{quoted}\n")],
                            "official")
    assert [p.code for p in plan.problems] == (["d_formula_text"] if flagged else [])


@pytest.mark.parametrize("typed", ["2567", "๒๕๖๗", "พ.ศ. 2567", "2024", "FY2024"])
def test_a_year_typed_in_either_era_is_stored_as_ce(data_dir, typed):
    """A steward types the year as DIW documents print it (B.E. 2567) or in C.E.: the
    stored value is the C.E. fiscal year, 2024, and the preview says so."""
    plan = stewardship.preview([upload("a.csv", HEADER + f"P1-05,{typed},3,stated,{URL},\n")],
                               "official")
    assert not plan.problems
    stored = plan.result["assessments"]
    assert stored.loc[stored["area_id"] == "P1-05", "year"].tolist() == [2022, 2024]


def test_display_tables_are_in_the_chosen_language(data_dir):
    plan = stewardship.preview([stewardship.Upload.from_path(BAD / "many_problems.csv")],
                               "official")
    rows = stewardship.problem_rows(plan.problems, "en")
    assert list(rows.columns) == ["File", "Sheet", "Row", "Column", "Value", "Problem"]
    assert rows.iloc[0].tolist()[:4] == ["many_problems.csv", "", "3", "year"]
    good = stewardship.preview([upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\n")],
                            "official")
    assert json.loads(json.dumps(good.summary()))["kinds"]["assessments"]["added"] == 1
    assert stewardship.change_rows(good, "th").columns[0] == "ตาราง"
    assert stewardship.preview_lines(good, "en")[0] == "New dataset official: starting from public"


def test_each_changed_level_is_listed_with_area_year_and_values_capped_with_a_count(data_dir):
    """Issue 28: the preview names each change (area, year, column, old → new), capped."""
    stewardship.commit(stewardship.preview(
        [upload("a.csv", HEADER + f"P1-05,2024,3,stated,{URL},\nP1-10,2024,2,stated,{URL},\n")],
        "official"), "Ann")
    plan = stewardship.preview(
        [upload("a.csv", HEADER + f"P1-05,2024,4,stated,{URL},\nP1-10,2024,3,stated,{URL},\n")],
        "official")
    cells, more = stewardship.cell_change_rows(plan, "th")
    assert sorted(cells.values.tolist()) == [
        [cells.iloc[0, 0], "P1-05/2024", "level", "3", "4"],
        [cells.iloc[0, 0], "P1-10/2024", "level", "2", "3"]] and more == 0
    few, more = stewardship.cell_change_rows(plan, "en", cap=1)
    assert len(few) == 1 and more == 1
