"""Property tests: good files mutated at random (cells, encodings, truncation, bytes) never
raise anything but DatasetError, and a failed import leaves the data directory unchanged."""

from __future__ import annotations

import hashlib
import io
from datetime import date, datetime
from pathlib import Path

import openpyxl
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ecotown import stewardship, store
from ecotown.model.validate import DatasetError
from ecotown.stewardship import templates
from ecotown.store import load_dataset

URL = "https://www.diw.go.th/"
HEADER = ["area_id", "year", "level", "basis", "source", "note"]
ROWS = [["P1-05", "2023", "4", "stated", URL, "ผลปี 2566"],
        ["P1-10", "2023", "3", "stated", URL, ""],
        ["P1-01", "2024", "2", "inferred", URL, "หมายเหตุ"]]
SETTINGS = settings(max_examples=20, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

cells = st.one_of(
    st.sampled_from(["", " ", "0", "6", "-1", "2567", "1999", "2.5", "1e309", "nan", "P9-99",
                     "=1+1", "@SUM(A1)", "+cmd", "<script>x</script>", "ก", "true", "\x07",
                     "stated", "synthetic", "P1-05", "x" * 300, '"', "a,b", "\n"]),
    st.text(max_size=12),
)
mutations = st.lists(st.tuples(st.integers(0, len(ROWS)), st.integers(0, len(HEADER) - 1),
                               cells), max_size=4)


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory):
    """One data directory for all examples, with a dataset to import into."""
    path = tmp_path_factory.mktemp("props") / "data"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(store.DATA_DIR_ENV, str(path))
        seed = stewardship.Upload.from_bytes("seed.csv", _csv([HEADER, ROWS[0]]).encode())
        stewardship.import_files([seed], "official", "Seed")
        yield path


@pytest.fixture
def env(data_dir, monkeypatch):
    monkeypatch.setenv(store.DATA_DIR_ENV, str(data_dir))
    return data_dir


def _csv(rows: list[list[str]]) -> str:
    import csv

    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    return out.getvalue()


def _snapshot(root: Path) -> dict[str, str]:
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


def _import_and_check(root: Path, upload: stewardship.Upload, caps: stewardship.Caps) -> None:
    """The invariant: DatasetError and no change, or a complete new version that loads."""
    before = _snapshot(root)
    latest = store.latest_version("official")
    try:
        version, _ = stewardship.import_files([upload], "official", "Prop", caps=caps)
    except DatasetError as exc:
        assert exc.problems
        for problem in exc.problems:
            problem.message("th"), problem.message("en")
        assert _snapshot(root) == before
        assert not any((root / "tmp").iterdir())
        return
    assert int(version) == int(latest) + 1
    after = _snapshot(root)
    assert {k: v for k, v in after.items() if k in before and k != "audit.jsonl"
            and not k.endswith("LATEST")} == \
        {k: v for k, v in before.items() if k != "audit.jsonl" and not k.endswith("LATEST")}
    load_dataset("official")


@SETTINGS
@given(changes=mutations, encoding=st.sampled_from(["utf-8", "utf-8-sig", "cp874", "utf-16"]),
       cut=st.one_of(st.none(), st.integers(0, 400)),
       flips=st.lists(st.tuples(st.integers(0, 400), st.integers(0, 255)), max_size=3))
def test_mutated_csv(env, changes, encoding, cut, flips):
    rows = [list(HEADER)] + [list(r) for r in ROWS]
    for row, column, value in changes:
        rows[row][column] = value
    data = bytearray(_csv(rows).encode(encoding, errors="replace"))
    for position, byte in flips:
        if position < len(data):
            data[position] = byte
    if cut is not None:
        data = data[:cut]
    _import_and_check(env, stewardship.Upload.from_bytes("mutated.csv", bytes(data)),
                      stewardship.Caps(max_rows=50, max_cell=200))


xlsx_cells = st.one_of(cells, st.integers(-10, 3000), st.floats(allow_nan=True),
                       st.booleans(), st.none(),
                       st.sampled_from([date(2024, 1, 1), datetime(2023, 5, 30, 12, 0),
                                        "=A1+1", "#N/A"]))


@SETTINGS
@given(changes=st.lists(st.tuples(st.integers(0, len(ROWS)), st.integers(0, len(HEADER) - 1),
                                  xlsx_cells), max_size=4),
       sheet=st.sampled_from(["assessments", "Sheet1", "instructions", "ข้อมูล"]))
def test_mutated_xlsx_cells(env, changes, sheet):
    book = openpyxl.Workbook()
    data = book.active
    data.title = sheet
    rows = [list(HEADER)] + [[int(c) if c.isdigit() else c for c in r] for r in ROWS]
    for row, column, value in changes:
        rows[row][column] = ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) \
            else value  # openpyxl cannot write control characters
    for row in rows:
        data.append(row)
    out = io.BytesIO()
    book.save(out)
    _import_and_check(env, stewardship.Upload.from_bytes("mutated.xlsx", out.getvalue()),
                      stewardship.Caps(max_rows=50, max_cell=200))


TEMPLATE = templates.template_xlsx("assessments")


@SETTINGS
@given(cut=st.one_of(st.none(), st.integers(0, len(TEMPLATE))),
       flips=st.lists(st.tuples(st.integers(0, len(TEMPLATE) - 1), st.integers(0, 255)),
                      min_size=0, max_size=6))
def test_damaged_xlsx_bytes(env, cut, flips):
    data = bytearray(TEMPLATE)
    for position, byte in flips:
        data[position] = byte
    if cut is not None:
        data = data[:cut]
    _import_and_check(env, stewardship.Upload.from_bytes("damaged.xlsx", bytes(data)),
                      stewardship.Caps())
