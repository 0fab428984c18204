"""A damaged store never costs a published version (issue 11, red-team findings).

A ``LATEST`` pointer holding ``""``, ``zz`` or ``1`` made the next import treat every
version as an orphan and delete it; hand-corrupted manifests and audit lines crashed
``versions``/``audit`` and the data page; the command line printed tracebacks when the
data directory could not be written.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path

import pytest

from ecotown import stewardship, store
from ecotown.cli import data as cli_data
from ecotown.store import dataset_names, load_dataset
from ecotown.store import files as store_files

URL = "https://www.diw.go.th/"



def assessments(year: int, level: int = 4) -> stewardship.Upload:
    text = f"area_id,year,level,basis,source,note\nP1-05,{year},{level},stated,{URL},\n"
    return stewardship.Upload.from_bytes("assessments.csv", text.encode())


_TWO_VERSIONS: list[Path] = []  # a store holding the two versions, made once per process


def two_versions() -> None:
    """The dataset ``official`` with two published versions (Ann's, then Bob's) in the
    test's data directory: imported once, then copied (each import validates the whole
    dataset; the damage tests need the same starting store many times)."""
    import shutil
    import tempfile

    root = Path(os.environ[store.DATA_DIR_ENV])
    if not _TWO_VERSIONS:
        stewardship.import_files([assessments(2024)], "official", "Ann")
        stewardship.import_files([assessments(2025)], "official", "Bob")
        template = Path(tempfile.mkdtemp(prefix="ecotown-two-versions-")) / "data"
        shutil.copytree(root, template)
        _TWO_VERSIONS.append(template)
        return
    shutil.copytree(_TWO_VERSIONS[0], root, dirs_exist_ok=True)


def version_files(root: Path) -> dict[str, str]:
    folder = root / "datasets/official/versions"
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


DAMAGED_POINTERS = ["", "zz", "1", "01", "-1", " 0002x", "\x00\x01", "0002\n0003",
                    "０００２", "99999999999"]


@pytest.mark.parametrize("pointer", DAMAGED_POINTERS)
def test_corrupted_latest_pointer_plus_import_deletes_no_version(data_dir, pointer, capsys):
    """An import against a damaged pointer stops with a message and removes nothing."""
    two_versions()
    before = version_files(data_dir)
    audit_before = (data_dir / "audit.jsonl").read_bytes()
    (data_dir / "datasets/official/LATEST").write_bytes(pointer.encode("utf-8"))
    path = data_dir / "new.csv"
    path.write_text("area_id,year,level,basis,source,note\n"
                    f"P1-05,2023,4,stated,{URL},\n", encoding="utf-8")
    code = cli_data.main(["import", str(path), "--dataset", "official", "--yes",
                          "--lang", "en"])
    out = capsys.readouterr()
    assert code == 1
    assert "LATEST" in out.out + out.err and "Traceback" not in out.out + out.err
    assert version_files(data_dir) == before
    assert (data_dir / "audit.jsonl").read_bytes() == audit_before
    with pytest.raises(store.StoreError) as caught, store.locked():
        store.commit_version("official", {}, {"action": "import"})
    assert caught.value.code in ("d_bad_latest", "d_latest_behind")
    assert version_files(data_dir) == before


def test_pointer_behind_a_published_version_stops_writers(data_dir):
    """LATEST rolled back by hand to 0001 while the audit shows 0002 published: refuse."""
    two_versions()
    before = version_files(data_dir)
    (data_dir / "datasets/official/LATEST").write_text("0001\n")
    with pytest.raises(store.StoreError) as caught:
        stewardship.import_files([assessments(2026)], "official", "Eve")
    assert caught.value.code == "d_latest_behind"
    assert "0002" in caught.value.problems[0].message("en")
    assert version_files(data_dir) == before


def test_missing_latest_with_published_versions_keeps_them(data_dir):
    """A deleted LATEST file: the dataset is hidden, writers refuse, nothing is deleted."""
    two_versions()
    before = version_files(data_dir)
    (data_dir / "datasets/official/LATEST").unlink()
    assert "official" not in dataset_names()
    with pytest.raises(store.StoreError):
        stewardship.import_files([assessments(2026)], "official", "Eve")
    assert version_files(data_dir) == before


def test_repair_points_at_the_newest_complete_version_and_audits(data_dir, capsys):
    """``repair`` recovers the pointer from the versions on disk, with an audit entry."""
    two_versions()
    (data_dir / "datasets/official/LATEST").write_text("zz")
    assert "official" not in dataset_names()
    assert store.damaged_names() == ["official"]
    assert cli_data.main(["repair", "official", "--steward", "Ann", "--lang", "en"]) == 0
    assert "0002" in capsys.readouterr().out
    assert store.latest_version("official") == "0002"
    assert store.read_audit("official")[-1]["action"] == "repair"
    load_dataset("official")
    version, _ = stewardship.import_files([assessments(2026)], "official", "Bob")
    assert version == "0003"
    assert cli_data.main(["repair", "official", "--lang", "en"]) == 1  # nothing to repair


def test_repair_skips_an_incomplete_newest_version(data_dir):
    """A newest version missing a file is not chosen; the one before it is."""
    two_versions()
    newest = data_dir / "datasets/official/versions/0002"
    os.chmod(newest, 0o755)
    (newest / "areas.csv").chmod(0o644)
    (newest / "areas.csv").unlink()
    (data_dir / "datasets/official/LATEST").write_text("")
    assert store.repair_latest("official", "Ann") == "0001"


def test_unpublished_version_is_set_aside_not_deleted(data_dir):
    """A version renamed into place but never published or audited is moved aside."""
    stewardship.import_files([assessments(2024)], "official", "Ann")
    orphan = data_dir / "datasets/official/versions/0002"
    orphan.mkdir()
    (orphan / "areas.csv").write_text("never published")
    stewardship.import_files([assessments(2025)], "official", "Bob")
    aside = list((data_dir / "datasets/official/unpublished").iterdir())
    assert len(aside) == 1 and (aside[0] / "areas.csv").read_text() == "never published"


DAMAGED_MANIFESTS = [
    "[1, 2, 3]",
    '{"changes": "lots", "steward": "Ann"}',
    '{"changes": {"kinds": ["areas"]}}',
    '{"changes": {"kinds": {"areas": "many"}}}',
    '{"files": "areas.csv", "time": ["x"]}',
    '{"steward": {"name": "x"}, "action": 3}',
    "not json at all",
    "",
]


@pytest.mark.parametrize("manifest", DAMAGED_MANIFESTS)
def test_damaged_manifest_is_reported_and_others_listed(data_dir, manifest, capsys):
    """``versions`` lists every version; a damaged manifest is named, never a crash."""
    two_versions()
    path = data_dir / "datasets/official/versions/0001/manifest.json"
    os.chmod(path.parent, 0o755)
    path.chmod(0o644)
    path.write_text(manifest, encoding="utf-8")
    rows = store.list_versions("official")
    assert [r["version"] for r in rows] == ["0002", "0001"]
    assert rows[1].get("damaged") or rows[1].get("damaged_fields")
    table = stewardship.version_rows("official", "en")
    assert len(table) == 2 and "damaged" in " ".join(table.iloc[1].astype(str))
    assert cli_data.main(["versions", "official", "--lang", "en"]) == 0
    assert "0001" in capsys.readouterr().out


@pytest.mark.parametrize("line", [
    '["a list"]',
    '{"dataset": "official", "version": "0009", "changes": "a string"}',
    '{"dataset": "official", "version": "0009", "changes": {"kinds": ["areas"]}}',
    '{"dataset": "official", "files": {"name": 1}, "steward": ["x"]}',
    '{"dataset": "official", "files": [1, 2], "time": 5}',
])
def test_damaged_audit_line_is_reported_and_the_rest_shown(data_dir, line, capsys):
    """``audit`` and the data page's log show every entry; a damaged one says so."""
    two_versions()
    with open(data_dir / "audit.jsonl", "a", encoding="utf-8") as handle:
        handle.write(line + "\n")
    assert cli_data.main(["audit", "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert out.count("official v000") >= 2
    rows = stewardship.audit_rows("en")
    assert len(rows) >= 2
    assert cli_data.main(["audit", "--json"]) == 0


def test_cli_data_dir_is_a_file_says_so(tmp_path, monkeypatch, capsys):
    """A file where the data directory should be: a message in Thai or English, exit 1."""
    blocker = tmp_path / "data"
    blocker.write_text("in the way")
    monkeypatch.setenv(store.DATA_DIR_ENV, str(blocker))
    path = tmp_path / "a.csv"
    path.write_text(f"area_id,year,level,basis,source,note\nP1-05,2024,4,stated,{URL},\n")
    for lang, words in (("en", "cannot write the data directory"), ("th", "เขียนไดเรกทอรี")):
        code = cli_data.main(["import", str(path), "--dataset", "official", "--yes",
                              "--lang", lang])
        err = capsys.readouterr().err
        assert code == 1 and words in err and "Traceback" not in err
    assert blocker.read_text() == "in the way"


def test_cli_disk_full_says_so_and_keeps_the_data(data_dir, tmp_path, monkeypatch, capsys):
    """ENOSPC while writing a version: a message, exit 1, published versions intact."""
    stewardship.import_files([assessments(2024)], "official", "Ann")
    before = version_files(data_dir)

    def full(path, data):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(store_files, "write_file", full)
    path = tmp_path / "a.csv"
    path.write_text(f"area_id,year,level,basis,source,note\nP1-05,2025,4,stated,{URL},\n")
    code = cli_data.main(["import", str(path), "--dataset", "official", "--yes",
                          "--lang", "en"])
    err = capsys.readouterr().err
    assert code == 1 and os.strerror(errno.ENOSPC) in err and "Traceback" not in err
    assert version_files(data_dir) == before
    assert store.latest_version("official") == "0001"
    assert json.loads((data_dir / "audit.jsonl").read_text().splitlines()[-1])["version"] \
        == "0001"
