"""The version store: names, complete versions, LATEST, audit log, crashes and concurrency."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ecotown import stewardship, store
from ecotown.store import dataset_names, dataset_version, load_dataset
from ecotown.store.files import VERSION_FILES

ROOT = Path(__file__).resolve().parents[3]
URL = "https://www.diw.go.th/"



def assessments(*rows: tuple[str, int, int]) -> stewardship.Upload:
    text = "area_id,year,level,basis,source,note\n" + "".join(
        f"{a},{y},{lv},stated,{URL},\n" for a, y, lv in rows)
    return stewardship.Upload.from_bytes("assessments.csv", text.encode())


def snapshot(root: Path) -> dict[str, str]:
    """Every file under ``root`` (outside tmp/ and the lock) with its SHA-256."""
    if not root.exists():
        return {}
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*"))
            if p.is_file() and p.relative_to(root).parts[0] not in ("tmp", ".lock")}


@pytest.mark.parametrize("name", ["official", "dwi-2025", "a1", "x_y", "o" * 31])
def test_good_names(name):
    """Lower-case names of 2–31 characters starting with a letter are accepted."""
    assert store.check_name(name) == name


@pytest.mark.parametrize(("name", "code"), [
    ("../etc", "d_bad_name"), ("a/b", "d_bad_name"), ("..", "d_bad_name"),
    ("/tmp/x", "d_bad_name"), ("Official", "d_bad_name"), ("x", "d_bad_name"),
    ("o" * 32, "d_bad_name"), ("1abc", "d_bad_name"), ("ab\x00c", "d_bad_name"),
    ("เมือง", "d_bad_name"), ("a b", "d_bad_name"), ("", "d_bad_name"), (3, "d_bad_name"),
    ("public", "d_reserved_name"), ("demo", "d_reserved_name"),
])
def test_bad_names_are_refused_with_the_value(name, code):
    """Path tricks, capitals, other scripts and built-in names are refused, naming the value."""
    with pytest.raises(store.StoreError) as caught:
        store.check_name(name)
    assert caught.value.code == code
    message = caught.value.messages("en")[0]
    assert (str(name)[:20] if isinstance(name, str) else "int") in message or name == ""


@pytest.mark.parametrize(("given", "expected"), [(1, "0001"), ("2", "0002"), ("0003", "0003"),
                                                 ("12345", "12345")])
def test_versions_are_normalised(given, expected):
    assert store.check_version(given) == expected


@pytest.mark.parametrize("given", ["0", "-1", "x", "1.5", "../1", "", True, "１"])
def test_bad_versions_are_refused(given):
    with pytest.raises(store.StoreError):
        store.check_version(given)


def test_empty_data_dir_lists_nothing_and_creates_nothing(data_dir):
    """Reading never creates the data directory."""
    assert store.imported_names() == [] and store.read_audit() == []
    assert dataset_names() == ["public", "demo"]
    assert not data_dir.exists()


def test_commit_requires_the_lock(data_dir):
    with pytest.raises(RuntimeError, match="lock"):
        store.commit_version("official", {}, {})


def test_commit_refuses_foreign_file_names(data_dir):
    """Only dataset files can be written into a version (no path tricks through names)."""
    with store.locked(), pytest.raises(ValueError, match="dataset files"):
        store.commit_version("official", {"../../evil.csv": b"x"}, {})
    assert snapshot(data_dir) == {}


def test_versions_latest_audit_and_restore(data_dir):
    """Each import is a complete version; restore copies an old one; all are logged."""
    first, _ = stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    second, _ = stewardship.import_files([assessments(("P1-05", 2025, 5))], "official", "Bob")
    assert (first, second) == ("0001", "0002")
    assert store.latest_version("official") == "0002"
    assert dataset_names() == ["public", "demo", "official"]
    assert dataset_version("official") == "0002" and dataset_version("demo") == ""
    newest = data_dir / "datasets/official/versions/0002"
    assert store.read_files("official") == {p.name: p.read_bytes() for p in newest.iterdir()
                                            if p.name != "manifest.json"}
    for version in ("0001", "0002"):
        files = {p.name for p in (data_dir / "datasets/official/versions" / version).iterdir()}
        assert files == VERSION_FILES
    years = set(load_dataset("official").assessments["year"])
    assert {2024, 2025} <= years
    restored = stewardship.restore("official", 1, "Cy")
    assert restored == "0003"
    old = data_dir / "datasets/official/versions/0001"
    new = data_dir / "datasets/official/versions/0003"
    for name in VERSION_FILES - {"manifest.json"}:
        assert (old / name).read_bytes() == (new / name).read_bytes()
    assert 2025 not in set(load_dataset("official").assessments["year"])
    listed = store.list_versions("official")
    assert [v["version"] for v in listed] == ["0003", "0002", "0001"]
    assert [v["latest"] for v in listed] == [True, False, False]
    audit = store.read_audit("official")
    assert [(e["version"], e["steward"], e["action"]) for e in audit] == [
        ("0001", "Ann", "import"), ("0002", "Bob", "import"), ("0003", "Cy", "restore")]
    assert audit[0]["files"][0]["name"] == "assessments.csv"
    assert audit[0]["files"][0]["sha256"] == assessments(("P1-05", 2024, 4)).sha256
    assert audit[0]["time"].endswith("+00:00")
    assert audit[1]["changes"]["kinds"]["assessments"]["added"] == 1


def test_versions_are_read_only_files(data_dir):
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    for path in (data_dir / "datasets/official/versions/0001").iterdir():
        assert not os.access(path, os.W_OK) or os.geteuid() == 0
        assert path.stat().st_mode & 0o222 == 0


def test_unknown_version_and_dataset(data_dir):
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    with pytest.raises(store.StoreError) as caught:
        store.read_files("official", 7)
    assert caught.value.code == "d_unknown_version"
    with pytest.raises(store.StoreError) as caught:
        stewardship.restore("nothing", 1, "Ann")
    assert caught.value.code == "d_no_versions"


def test_temp_and_orphans_are_ignored_then_cleaned(data_dir):
    """Half-written temp dirs and unpublished versions are invisible, then removed."""
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    (data_dir / "tmp" / "official-0002-dead").mkdir(parents=True)
    (data_dir / "tmp" / "official-0002-dead" / "areas.csv").write_text("half")
    orphan = data_dir / "datasets/official/versions/0002"
    orphan.mkdir()
    (orphan / "areas.csv").write_text("never published")
    (data_dir / "datasets/official/.LATEST-abc").write_text("0002\n")
    assert store.latest_version("official") == "0001"
    assert [v["version"] for v in store.list_versions("official")] == ["0001"]
    load_dataset("official")
    version, _ = stewardship.import_files([assessments(("P1-05", 2025, 4))], "official", "Bob")
    assert version == "0002"
    assert list((data_dir / "tmp").iterdir()) == []
    assert not (data_dir / "datasets/official/.LATEST-abc").exists()
    assert (orphan / "areas.csv").read_text().startswith("area_id")


def test_truncated_audit_line_is_skipped_and_ended(data_dir):
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    with open(data_dir / "audit.jsonl", "a", encoding="utf-8") as handle:
        handle.write('{"time": "2025-01-01T00:00:00+00:00", "dat')
    stewardship.import_files([assessments(("P1-05", 2025, 4))], "official", "Bob")
    assert [e["version"] for e in store.read_audit()] == ["0001", "0002"]


def test_lock_is_reentrant_in_a_thread(data_dir):
    with store.locked(), store.locked():
        pass
    with store.locked():
        store.cleanup()


def _cli(data_dir: Path, *args: str, crash: str = "-", pause: str = "-") -> subprocess.Popen:
    """The command line, with the tests' crash/pause hook injected (tests/crashhook.py)."""
    environment = {**os.environ, store.DATA_DIR_ENV: str(data_dir)}
    return subprocess.Popen([sys.executable, "-m", "tests.crashhook", crash, pause,
                             "ecotown.cli.data", *args], cwd=ROOT,
                            env=environment, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _write(path: Path, *rows: tuple[str, int, int]) -> Path:
    path.write_bytes(assessments(*rows).data)
    return path


@pytest.mark.parametrize("step", ["before_rename", "before_latest"])
def test_crash_leaves_versions_and_latest_untouched(data_dir, tmp_path, step):
    """An import killed between writing and publishing changes no published byte."""
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    before = snapshot(data_dir)
    upload = _write(tmp_path / "next.csv", ("P1-05", 2025, 5))
    crashed = _cli(data_dir, "import", str(upload), "--dataset", "official", "--yes",
                   crash=step)
    crashed.communicate(timeout=120)
    assert crashed.returncode == 86
    after = snapshot(data_dir)
    unpublished = {k for k in after if k.startswith("datasets/official/versions/0002/")}
    assert bool(unpublished) == (step == "before_latest")  # renamed, never published
    assert {k: v for k, v in after.items() if k not in unpublished} == before
    assert store.latest_version("official") == "0001"
    assert [v["version"] for v in store.list_versions("official")] == ["0001"]
    assert 2025 not in set(load_dataset("official").assessments["year"])
    assert len(store.read_audit()) == 1
    version, _ = stewardship.import_files([assessments(("P1-05", 2025, 5))], "official", "Bob")
    assert version == "0002" and list((data_dir / "tmp").iterdir()) == []


def test_crash_after_publishing_keeps_the_new_version(data_dir, tmp_path):
    """Killed after LATEST moved: the new version is complete and loads, and its audit entry
    is read from its manifest (issue 25: publish and audit never disagree); the next writer
    appends it to the log file."""
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    upload = _write(tmp_path / "next.csv", ("P1-05", 2025, 5))
    crashed = _cli(data_dir, "import", str(upload), "--dataset", "official", "--yes",
                   crash="before_audit")
    crashed.communicate(timeout=120)
    assert crashed.returncode == 86
    assert store.latest_version("official") == "0002"
    assert 2025 in set(load_dataset("official").assessments["year"])
    assert [e["version"] for e in store.read_audit()] == ["0001", "0002"]
    assert (data_dir / "audit.jsonl").read_text().count("\n") == 1
    with store.locked():
        store.cleanup()
    assert (data_dir / "audit.jsonl").read_text().count("\n") == 2
    assert [e["version"] for e in store.read_audit()] == ["0001", "0002"]


def test_two_concurrent_imports_both_land(data_dir, tmp_path):
    """Two imports at once: the lock serialises them into two complete, distinct versions,
    the second merged into the first (no lost update), both in the log."""
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    first = _write(tmp_path / "first.csv", ("P1-05", 2025, 5))
    second = _write(tmp_path / "second.csv", ("P1-10", 2025, 3))
    pause = "before_rename:0.5"
    runs = [_cli(data_dir, "import", str(path), "--dataset", "official", "--yes",
                 "--steward", who, pause=pause)
            for path, who in ((first, "One"), (second, "Two"))]
    outputs = [run.communicate(timeout=120) for run in runs]
    assert [run.returncode for run in runs] == [0, 0], outputs
    versions = store.list_versions("official")
    assert [v["version"] for v in versions] == ["0003", "0002", "0001"]
    v2, v3 = (data_dir / "datasets/official/versions" / v for v in ("0002", "0003"))
    assert (v2 / "assessments.csv").read_bytes() != (v3 / "assessments.csv").read_bytes()
    for version in (v2, v3):
        load_dataset(version)
    latest = load_dataset("official").assessments
    pairs = set(zip(latest["area_id"], latest["year"], strict=True))
    assert {("P1-05", 2025), ("P1-10", 2025), ("P1-05", 2024)} <= pairs
    audit = store.read_audit("official")
    assert sorted(e["steward"] for e in audit[1:]) == ["One", "Two"]
    assert [e["version"] for e in audit] == ["0001", "0002", "0003"]
    assert all(json.loads(line) for line in
               (data_dir / "audit.jsonl").read_text(encoding="utf-8").splitlines())


# --- the storage seam ----------------------------------------------------------------------

def test_both_backends_are_dataset_stores(data_dir):
    """The shipped datasets and the data directory both satisfy the DatasetStore protocol."""
    from ecotown.store.builtin import BuiltinStore
    from ecotown.store.filestore import FileStore

    for backend in (store.builtin(), store.backend()):
        assert isinstance(backend, store.DatasetStore)
    assert isinstance(store.builtin(), BuiltinStore) and isinstance(store.backend(), FileStore)
    assert store.store_of("public") is store.builtin()
    assert isinstance(store.store_of("official"), FileStore)


def test_shipped_datasets_are_read_through_the_same_seam(data_dir):
    """public and demo come as {file: bytes} like any version; writing them is refused."""
    files = store.read_files("demo")
    assert set(files) == VERSION_FILES - {"manifest.json"}
    assert load_dataset("demo").areas.equals(
        __import__("ecotown.model.dataset", fromlist=["x"]).parse_dataset(files).areas)
    with pytest.raises(store.StoreError):
        store.builtin().commit("public", files, {"action": "import"})
    assert store.builtin().versions("public") == [] and store.builtin().latest("demo") == ""


def test_crash_hook_is_handed_in_not_read_inside_commit(data_dir, monkeypatch):
    """The test hook comes from the backend's settings; commit_version itself reads no env."""
    from ecotown.store import files

    steps = []
    monkeypatch.setenv("ECOTOWN_TEST_CRASH_AT", "before_latest")  # no hook read from it
    with store.locked():
        files.commit_version("official", store.read_files("public"), {"action": "import"},
                             hook=steps.append)
    assert steps == ["before_rename", "before_latest", "before_audit"]
    assert store.latest_version("official") == "0001"


# --- issue 25: publish and audit are one step on the file store --------------------------

def test_a_full_disk_while_logging_says_the_version_was_published(data_dir, monkeypatch):
    """The audit write fails after the pointer moved: the error says the version was
    published (not 'unchanged'), no partial line is left, and the entry is not lost."""
    import errno

    from ecotown.store import files

    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    before = (data_dir / "audit.jsonl").read_bytes()
    real_write = files.os.fsync

    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    with monkeypatch.context() as patch, pytest.raises(store.StoreError) as caught:
        patch.setattr(files.os, "fsync", lambda fd: full(fd) if _is_audit(fd) else
                      real_write(fd))
        stewardship.import_files([assessments(("P1-05", 2025, 5))], "official", "Bob")
    message = caught.value.messages("en")[0]
    assert "0002 was published" in message and "unchanged" not in message
    assert "เผยแพร่เวอร์ชัน 0002 แล้ว" in caught.value.messages("th")[0]
    assert store.latest_version("official") == "0002"
    assert (data_dir / "audit.jsonl").read_bytes() == before  # no partial line
    assert [e["version"] for e in store.read_audit("official")] == ["0001", "0002"]


def _is_audit(fd: int) -> bool:
    import os

    try:
        return os.readlink(f"/proc/self/fd/{fd}").endswith("audit.jsonl")
    except OSError:
        return False


def test_a_cut_audit_line_is_dropped_not_kept(data_dir):
    stewardship.import_files([assessments(("P1-05", 2024, 4))], "official", "Ann")
    with open(data_dir / "audit.jsonl", "ab") as handle:
        handle.write(b'{"dataset": "official", "vers')  # a crash mid-line
    stewardship.import_files([assessments(("P1-05", 2025, 5))], "official", "Bob")
    lines = (data_dir / "audit.jsonl").read_text().splitlines()
    assert len(lines) == 2 and all(line.endswith("}") for line in lines)
