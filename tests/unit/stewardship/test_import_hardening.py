"""Imports that looked right but stored wrong data (issue 11, red-team findings).

Mixed encodings read as TIS-620 mojibake; rows on hidden sheets imported unseen; ids that
differ only by case and NFC/NFD names both added; 2_0_2_4 and 2.024e3 read as 2024;
200,000 bad rows printed 1.2 million problems; a huge shared-strings table took minutes.
"""

from __future__ import annotations

import io
import unicodedata
import zipfile

import openpyxl
import pytest

from ecotown import stewardship
from ecotown.stewardship import Caps, Upload
from ecotown.store import load_dataset

URL = "https://www.diw.go.th/"
HEADER = "area_id,year,level,basis,source,note\n"



def codes(plan) -> list[str]:
    return [p.code for p in plan.problems]


@pytest.mark.parametrize("stray", ["ก".encode("cp874"), b"\xe0", b"\xff", b"\xa1\xa2"])
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_mixed_encoding_is_refused_with_its_byte_offset(data_dir, stray, where):
    """UTF-8 Thai text with one non-UTF-8 byte run is refused, naming the offset."""
    rows = [f"P1-05,{2010 + i},3,stated,{URL},บันทึกภาษาไทย {i}\n" for i in range(3)]
    head = (HEADER + "".join(rows[:1])).encode("utf-8")
    tail = "".join(rows[1:]).encode("utf-8")
    before = {"start": b"", "middle": head + b"x", "end": head + tail}[where]
    after = {"start": b"," + head, "middle": b"\n" + tail, "end": b""}[where]
    data, offset = before + stray + after, len(before)
    plan = stewardship.preview([Upload.from_bytes("mixed.csv", data)], "official")
    assert codes(plan) == ["d_mixed_encoding"]
    assert plan.problems[0].value == str(offset) or plan.problems[0].value == offset
    assert str(offset) in plan.problems[0].message("en")
    assert "mixed" in plan.problems[0].message("en")


def test_whole_tis620_file_is_still_read(data_dir):
    """A file that is TIS-620 throughout is read as TIS-620, Thai text intact."""
    text = HEADER + f"P1-05,2024,3,stated,{URL},ระดับสามจากการประเมินของกรมโรงงาน\n"
    plan = stewardship.preview([Upload.from_bytes("t.csv", text.encode("cp874"))], "official")
    assert not plan.problems
    assert plan.tables[0]["encoding"] == "tis-620"


def _workbook(state: str) -> bytes:
    book = openpyxl.Workbook()
    shown = book.active
    shown.title = "assessments"
    shown.append(HEADER.strip().split(","))
    shown.append(["P1-05", 2024, 3, "stated", URL, ""])
    hidden = book.create_sheet("more")
    hidden.append(HEADER.strip().split(","))
    hidden.append(["P1-05", 2025, 5, "stated", URL, "hidden row"])
    hidden.sheet_state = state
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


@pytest.mark.parametrize("state", ["hidden", "veryHidden"])
def test_rows_on_hidden_sheets_are_refused(data_dir, state):
    """A hidden or very hidden sheet with data is named as a problem; nothing is written."""
    plan = stewardship.preview([Upload.from_bytes("book.xlsx", _workbook(state))], "official")
    assert "d_hidden_sheet" in codes(plan)
    problem = next(p for p in plan.problems if p.code == "d_hidden_sheet")
    assert problem.sheet == "more" and state in problem.message("en")
    assert plan.result is None


@pytest.mark.parametrize(("first", "second"), [("ZZ-01", "zz-01"), ("Ab-1", "aB-1")])
def test_ids_differing_only_by_case_are_refused(data_dir, first, second):
    """Two areas whose ids differ only in case are one id twice."""
    base = load_dataset("public").areas.iloc[0]
    rows = []
    for area_id in (first, second):
        row = base.copy()
        row["area_id"] = area_id
        rows.append(row)
    import pandas as pd

    text = pd.DataFrame(rows).to_csv(index=False)
    plan = stewardship.preview([Upload.from_bytes("areas.csv", text.encode())], "official")
    assert "v_duplicate" in codes(plan)
    assert any(second in p.message("en") for p in plan.problems)


def test_new_id_differing_by_case_from_the_base_is_refused(data_dir):
    """An import adding p1-05 beside the base's P1-05 is refused (the merged table)."""
    area = load_dataset("public").areas.iloc[0:1].copy()
    area["area_id"] = area["area_id"].str.lower()
    plan = stewardship.preview([Upload.from_bytes("areas.csv", area.to_csv(index=False).encode())],
                            "official")
    assert "v_duplicate" in codes(plan)


def test_names_are_stored_in_nfc(data_dir):
    """An NFD name is stored as NFC; the NFC and NFD spellings are the same key."""
    name = "เมืองอุตสาหกรรมเชิงนิเวศ ก้าวหน้า"
    decomposed = unicodedata.normalize("NFD", "ก\u0e4d\u0e32 " + name)
    text = HEADER + f"P1-05,2024,3,stated,{URL},{decomposed}\n"
    _version, _ = stewardship.import_files([Upload.from_bytes("a.csv", text.encode())], "official",
                                       "Ann")
    stored = load_dataset("official").assessments
    note = stored[(stored.area_id == "P1-05") & (stored.year == 2024)]["note"].iloc[0]
    assert note == unicodedata.normalize("NFC", decomposed)


def test_thai_digits_are_accepted_on_purpose(data_dir):
    """๒๐๒๔ is 2024 and ๓ is 3 (Thai forms write them); the message says so too."""
    text = HEADER + f"P1-05,๒๐๒๔,๓,stated,{URL},\n"
    plan = stewardship.preview([Upload.from_bytes("a.csv", text.encode())], "official")
    assert not plan.problems
    text = HEADER + f"P1-05,2_0_2_4,3,stated,{URL},\n"
    plan = stewardship.preview([Upload.from_bytes("a.csv", text.encode())], "official")
    assert codes(plan) == ["v_year"] and "2568 or 2025" in plan.problems[0].message("en")


def test_problems_stop_at_the_cap_with_a_count_per_column(data_dir):
    """5,000 bad rows give 1,000 problems and then one count per column."""
    rows = "".join(f"P1-05,{2010 + i % 20},9,stated,{URL},\n" for i in range(5_000))
    plan = stewardship.preview([Upload.from_bytes("a.csv", (HEADER + rows).encode())], "official")
    assert len(plan.problems) == stewardship.MAX_PROBLEMS + 1
    last = plan.problems[-1]
    assert last.code == "d_more_problems" and last.column == "level"
    assert last.value == str(5_000 - stewardship.MAX_PROBLEMS)
    assert "4000" in last.message("en")


def test_huge_shared_strings_are_refused_before_parsing(data_dir):
    """A workbook whose text table is over the cap is refused without reading it."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/sharedStrings.xml", "<sst>" + "<si><t>x</t></si>" * 20_000
                         + "</sst>")
    caps = Caps(max_shared_strings=100_000)
    _raws, problems = stewardship.read_files([Upload.from_bytes("big.xlsx", buffer.getvalue())],
                                         caps)
    assert [p.code for p in problems] == ["d_shared_strings_too_large"]


@pytest.mark.parametrize("value", ["\ufeff=1+1", "\u200b=HYPERLINK(\"https://x\")",
                                   "\u2060@SUM(A1)", "\u00a0+SUM(A1)", " -A1+1"])
def test_formula_behind_invisible_characters_is_refused_in_text(data_dir, value):
    """A formula behind a BOM, zero-width or space character is still a formula."""
    text = HEADER + f"P1-05,2024,3,stated,{URL},{value}\n"
    plan = stewardship.preview([Upload.from_bytes("a.csv", text.encode())], "official")
    assert "d_formula_text" in codes(plan)


# --- issue 25: caps by content type and declared range, before any XML is parsed --------

def _rezip(data: bytes, rename: dict[str, str] | None = None,
           edit=None) -> bytes:
    """An XLSX package with parts renamed (and every reference to them) or edited."""
    rename = rename or {}
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            body = source.read(info)
            for old, new in rename.items():
                body = body.replace(old.encode(), new.encode())
                body = body.replace(old.split("xl/", 1)[-1].encode(),
                                    new.split("xl/", 1)[-1].encode())
            if edit:
                body = edit(info.filename, body)
            target.writestr(rename.get(info.filename, info.filename), body)
    return out.getvalue()


def _text_workbook() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "assessments"
    sheet.append(HEADER.strip().split(","))
    sheet.append(["P1-05", 2024, 3, "stated", URL, "ข้อความ " * 50])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_shared_strings_under_another_name_are_capped_by_content_type(data_dir):
    """A shared-strings part renamed xl/strs.xml (its content type declared) is still
    measured against the cap, and refused before openpyxl reads it."""
    strings = ('<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
               + "<si><t>ข้อความ</t></si>" * 2000 + "</sst>").encode()
    kind = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"

    def declare(name, body):
        if name == "[Content_Types].xml":
            return body.replace(b"</Types>", f'<Override PartName="/xl/strs.xml" '
                                f'ContentType="{kind}"/></Types>'.encode())
        return body

    data = _rezip(_text_workbook(), edit=declare)
    out = io.BytesIO(data)
    with zipfile.ZipFile(out, "a") as archive:
        archive.writestr("xl/strs.xml", strings)
    data, size = out.getvalue(), len(strings)
    plan = stewardship.preview([Upload.from_bytes("renamed.xlsx", data)], "official",
                               caps=Caps(max_shared_strings=size - 1))
    assert codes(plan) == ["d_shared_strings_too_large"]


@pytest.mark.parametrize(("ref", "why"), [("A1:F9000000", "rows"), ("A1:ZZ2", "columns"),
                                          ("$A$1:$XFD$1048576", "both")])
def test_a_declared_used_range_over_the_caps_is_refused_before_parsing(data_dir, ref, why):
    def declare(name, body):
        if name.startswith("xl/worksheets/"):
            return body.replace(b"<sheetData", f'<dimension ref="{ref}"/><sheetData'.encode(), 1) \
                if b"<dimension" not in body else \
                __import__("re").sub(rb'<dimension ref="[^"]*"', f'<dimension ref="{ref}"'.encode(),
                                     body)
        return body

    data = _rezip(_text_workbook(), edit=declare)
    plan = stewardship.preview([Upload.from_bytes("big.xlsx", data)], "official",
                               caps=Caps(max_rows=1000, max_columns=50))
    assert codes(plan) == ["d_sheet_too_large"]
    message = plan.problems[0].message("en")
    assert "1,000 × 50" in message and "sheet1.xml" in message


def test_a_cell_past_the_csv_field_limit_says_so(data_dir):
    """A 131,072-character cell is reported as a cell too long, not as bad quotes."""
    text = HEADER + "P1-05,2024,3,stated," + URL + "," + "x" * 131_073 + "\n"
    plan = stewardship.preview([Upload.from_bytes("long.csv", text.encode())], "official")
    assert codes(plan) == ["d_csv_cell_too_long"]
    assert "longer than" in plan.problems[0].message("en")
    assert "ยาวเกิน" in plan.problems[0].message("th")
