"""Versioned storage of imported datasets: complete versions, a LATEST pointer, an audit log.

Layout of the writable data directory (``$ECOTOWN_DATA_DIR``, default ``data/`` at the
repository root; the shipped ``geodata/`` is never written)::

    .lock                          flock()ed while anything is written
    audit.jsonl                    one JSON object per import or restore, appended
    tmp/                           versions being written; leftovers of a crash are removed
    datasets/NAME/LATEST           "0003": the published version
    datasets/NAME/versions/0003/   every table CSV, dataset.json, manifest.json (read-only)

A version is written into ``tmp/``, fsynced, renamed into ``versions/`` and only then
published by atomically replacing ``LATEST``. A crash at any point leaves every published
version untouched and ``LATEST`` naming the last good one; a version directory newer than
``LATEST`` (renamed but never published) and anything in ``tmp/`` is removed by the next
writer, under the lock.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import json
import os
import re
import secrets
import shutil
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path

from ecotown.config import settings
from ecotown.model.schema import TABLES
from ecotown.store.names import (
    NAME_PATTERN,
    RESERVED_NAMES,
    StoreError,
    StoreProblem,
    check_name,
    check_version,
)
from ecotown.store.records import clean_record

__all__ = [
    "DATA_DIR_ENV",
    "NAME_PATTERN",
    "RESERVED_NAMES",
    "StoreError",
    "StoreProblem",
    "check_name",
    "check_version",
    "clean_record",
    "cleanup",
    "commit_version",
    "data_dir",
    "dataset_names",
    "latest_version",
    "list_versions",
    "locked",
    "read_audit",
    "version_files",
    "version_path",
]

DATA_DIR_ENV = "ECOTOWN_DATA_DIR"
DEFAULT_DATA_DIR = Path(__file__).resolve().parents[2] / "data"
LOCK_TIMEOUT = 60.0
AUDIT_FILE = "audit.jsonl"
MANIFEST = "manifest.json"
VERSION_FILES = frozenset({*(tbl.filename for tbl in TABLES), "dataset.json", MANIFEST})
VERSION_NAME = re.compile(r"^\d{4,9}$")
_held = threading.local()


def data_dir() -> Path:
    """The writable data directory: ``$ECOTOWN_DATA_DIR`` or ``data/`` at the repo root."""
    configured = settings.current().data_dir
    return Path(configured).expanduser().resolve() if configured else DEFAULT_DATA_DIR


def datasets_root() -> Path:
    return data_dir() / "datasets"


def read_latest(name: str) -> str | None:
    """The published version named by ``LATEST``; ``None`` if there is no pointer yet.

    Raises
    ------
    StoreError
        ``d_bad_latest`` if the pointer exists but cannot be read or names no version:
        a reader then skips the dataset, and a writer stops instead of guessing.
    """
    path = datasets_root() / name / "LATEST"
    try:
        text = path.read_text(encoding="ascii").strip()
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError):
        raise StoreError("d_bad_latest", "?", dataset=name) from None
    if not VERSION_NAME.fullmatch(text):
        raise StoreError("d_bad_latest", text, dataset=name)
    return text


def _latest_or_none(name: str) -> str | None:
    """Like :func:`read_latest`, but a damaged pointer reads as no published version."""
    try:
        return read_latest(name)
    except StoreError:
        return None


def latest_version(name: str) -> str | None:
    """The published version of an imported dataset, or ``None`` if it has none."""
    check_name(name)
    latest = _latest_or_none(name)
    if latest is None or not (datasets_root() / name / "versions" / latest).is_dir():
        return None
    return latest


def dataset_names() -> list[str]:
    """Names of the imported datasets that have a published version, sorted.

    One directory listing and one small read per dataset; nothing is created.
    """
    try:
        entries = list(os.scandir(datasets_root()))
    except OSError:
        return []
    names = [e.name for e in entries
             if NAME_PATTERN.fullmatch(e.name) and e.name not in RESERVED_NAMES
             and _latest_or_none(e.name) is not None]
    return sorted(names)


def version_path(name: str, version: object | None = None) -> Path:
    """The directory of a published version (the latest if ``version`` is ``None``)."""
    check_name(name)
    latest = latest_version(name)
    if latest is None:
        raise StoreError("d_no_versions", name)
    chosen = latest if version is None else check_version(version)
    if int(chosen) > int(latest) or not (datasets_root() / name / "versions" / chosen).is_dir():
        raise StoreError("d_unknown_version", chosen, dataset=name)
    return datasets_root() / name / "versions" / chosen


def list_versions(name: str) -> list[dict]:
    """Every published version of ``name``, newest first: its manifest plus ``latest``.

    A manifest that cannot be read, or is not a JSON object, is listed with ``damaged``
    naming the file; the other versions are listed as usual.

    Raises
    ------
    StoreError
        ``d_bad_latest`` if the dataset's ``LATEST`` pointer is damaged.
    """
    check_name(name)
    read_latest(name)  # a damaged pointer is reported, not hidden as "no versions"
    latest = latest_version(name)
    if latest is None:
        return []
    versions_dir = datasets_root() / name / "versions"
    found = []
    for entry in os.scandir(versions_dir):
        if VERSION_NAME.fullmatch(entry.name) and int(entry.name) <= int(latest):
            manifest = read_manifest(Path(entry.path, MANIFEST))
            found.append({**manifest, "version": entry.name, "latest": entry.name == latest})
    return sorted(found, key=lambda m: int(m["version"]), reverse=True)


def _damaged(path: Path) -> dict:
    try:
        shown = str(path.relative_to(data_dir()))
    except ValueError:
        shown = path.name
    return {"damaged": shown}


def read_manifest(path: Path) -> dict:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _damaged(path)
    return clean_record(manifest) if isinstance(manifest, dict) else _damaged(path)


def read_audit(dataset: str | None = None) -> list[dict]:
    """The audit log, oldest first (optionally of one dataset).

    A line that is not a JSON object is skipped; a field of the wrong type is dropped and
    named in ``damaged_fields`` (see :func:`clean_record`). A published version whose line
    is missing (a crash or a full disk right after publishing) is listed from its manifest,
    which holds the same entry and is written before the version is published; the next
    writer appends it to the file (:func:`cleanup`).
    """
    entries = _logged_audit(dataset)
    for entry in _unlogged(dataset, entries):
        entries.append(entry)
    return entries


def _unlogged(dataset: str | None, entries: list[dict]) -> list[dict]:
    """Manifest entries of published versions that the audit file does not hold."""
    logged = {(e.get("dataset"), e.get("version")) for e in entries}
    root = datasets_root()
    if dataset is not None:
        names = [dataset]
    elif root.is_dir():
        names = sorted(e.name for e in os.scandir(root) if NAME_PATTERN.fullmatch(e.name))
    else:
        names = []
    missing = []
    for name in names:
        try:
            latest = read_latest(name)
        except StoreError:
            continue
        if not latest:
            continue
        for number in range(1, int(latest) + 1):
            version = f"{number:04d}"
            if (name, version) in logged:
                continue
            path = root / name / "versions" / version / MANIFEST
            if not path.is_file():
                continue
            manifest = read_manifest(path)
            if manifest.get("version") == version and manifest.get("dataset") == name:
                missing.append(manifest)
    return missing


def _logged_audit(dataset: str | None = None) -> list[dict]:
    """The lines of the audit file (see :func:`read_audit`)."""
    try:
        lines = (data_dir() / AUDIT_FILE).read_text(encoding="utf-8",
                                                    errors="replace").splitlines()
    except OSError:
        return []
    entries = []
    for line in lines:
        try:
            entry = json.loads(line)
        except ValueError:
            continue
        if isinstance(entry, dict):
            entry = clean_record(entry)
            if dataset is None or entry.get("dataset") == dataset:
                entries.append(entry)
    return entries


def _published(name: str) -> set[str]:
    """Versions of ``name`` that the audit log records as written (published)."""
    return {e["version"] for e in read_audit(name) if VERSION_NAME.fullmatch(e.get("version", ""))}


@contextlib.contextmanager
def locked(timeout: float = LOCK_TIMEOUT) -> Iterator[Path]:
    """Hold the data directory's exclusive lock (re-entrant within a thread).

    Raises
    ------
    StoreError
        ``d_busy`` if another writer holds the lock for longer than ``timeout`` seconds.
    """
    if getattr(_held, "depth", 0):
        _held.depth += 1
        try:
            yield data_dir()
        finally:
            _held.depth -= 1
        return
    root = data_dir()
    root.mkdir(parents=True, exist_ok=True)
    handle = open(root / ".lock", "a+b")  # noqa: SIM115 - held for the whole block
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as exc:
                if exc.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() > deadline:
                    raise StoreError("d_busy", f"{timeout:g}") from None
                time.sleep(0.05)
        _held.depth = 1
        try:
            yield root
        finally:
            _held.depth = 0
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
    finally:
        handle.close()


def _require_lock() -> None:
    if not getattr(_held, "depth", 0):
        raise RuntimeError("the data directory lock must be held (use store.locked())")


def _no_hook(step: str) -> None:
    return None


def fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_file(path: Path, data: bytes) -> None:
    with open(path, "xb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.chmod(path, 0o444)


def _remove_tree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def cleanup(name: str | None = None) -> None:
    """Clear half-written temp directories and set aside never-published versions.

    Needs the lock. A version directory newer than ``LATEST`` that the audit log does not
    record was renamed into place but never published (a crash between the two steps): it
    is moved to ``datasets/NAME/unpublished/``, never deleted. Nothing is touched in a
    dataset whose pointer is damaged or behind a version the audit log records.

    Raises
    ------
    StoreError
        For ``name`` only: ``d_bad_latest`` (damaged pointer) or ``d_latest_behind``.
    """
    _require_lock()
    tmp = data_dir() / "tmp"
    if tmp.is_dir():
        for entry in os.scandir(tmp):
            _remove_tree(Path(entry.path))
    if name:
        names = [name]
    elif datasets_root().is_dir():
        names = [e.name for e in os.scandir(datasets_root()) if NAME_PATTERN.fullmatch(e.name)]
    else:
        names = []
    for each in names:
        try:
            cleanup_dataset(each)
        except StoreError:
            if name:
                raise
    for entry in _unlogged(name, _logged_audit(name)):  # published, its line lost
        append_audit({k: v for k, v in entry.items() if k != "damaged_fields"})


def cleanup_dataset(name: str) -> None:
    folder = datasets_root() / name
    if not folder.is_dir():
        return
    for entry in os.scandir(folder):
        if entry.name.startswith(".LATEST-"):  # a pointer that was never put in place
            os.unlink(entry.path)
    versions_dir = folder / "versions"
    if not versions_dir.is_dir():
        return
    latest = read_latest(name)  # raises on a damaged pointer: touch nothing
    newest_good = int(latest) if latest else 0
    newer = sorted(e.name for e in os.scandir(versions_dir)
                   if VERSION_NAME.fullmatch(e.name) and int(e.name) > newest_good)
    if not newer:
        return
    published = _published(name) & set(newer)
    if published:
        raise StoreError("d_latest_behind", latest or "-", dataset=name,
                         versions=", ".join(sorted(published)))
    for version in newer:
        aside = folder / "unpublished"
        aside.mkdir(exist_ok=True)
        os.rename(versions_dir / version, aside / f"{version}-{secrets.token_hex(4)}")


def append_audit(entry: Mapping) -> None:
    path = data_dir() / AUDIT_FILE
    line = json.dumps(entry, ensure_ascii=False, sort_keys=True) + "\n"
    with open(path, "a+b") as handle:
        end = handle.seek(0, os.SEEK_END)
        if end:
            handle.seek(max(0, end - 65536))
            tail = handle.read()
            if not tail.endswith(b"\n"):  # a crash cut the last line short: drop it
                cut = tail.rfind(b"\n")
                if cut < 0 and end > len(tail):
                    raise StoreError("d_damaged_record", AUDIT_FILE)
                handle.truncate(end - len(tail) + cut + 1)
                end = handle.seek(0, os.SEEK_END)
        try:
            handle.write(line.encode("utf-8"))
            handle.flush()
            os.fsync(handle.fileno())
        except OSError:
            handle.truncate(end)  # no partial line on a full disk
            raise


def commit_version(name: str, files: Mapping[str, bytes], record: Mapping,
                   verify: Callable[[Path], None] | None = None,
                   hook: Callable[[str], None] | None = None) -> str:
    """Write a complete new version of ``name``, publish it and log it; return its number.

    The caller holds :func:`locked` (it has just read the latest version under the same
    lock). ``files`` maps file names (the schema's tables and ``dataset.json``) to bytes;
    ``record`` (steward, action, files, changes, …) goes into ``manifest.json`` and the
    audit log with ``time``, ``dataset`` and ``version`` added. ``verify`` is called on the
    written temp directory before it is renamed; if it raises, nothing is published.
    ``hook`` (tests only) is called with the name of each step: ``before_rename``,
    ``before_latest``, ``before_audit``.
    """
    step = hook or _no_hook
    _require_lock()
    check_name(name)
    unknown = sorted(set(files) - (VERSION_FILES - {MANIFEST}))
    if unknown:
        raise ValueError(f"'files' may only hold dataset files, got {unknown}")
    cleanup(name)
    root = data_dir()
    versions_dir = datasets_root() / name / "versions"
    versions_dir.mkdir(parents=True, exist_ok=True)
    latest = read_latest(name)
    version = f"{(int(latest) if latest else 0) + 1:04d}"
    entry = {**record, "time": datetime.now(UTC).isoformat(timespec="seconds"),
             "dataset": name, "version": version}
    (root / "tmp").mkdir(exist_ok=True)
    temp = root / "tmp" / f"{name}-{version}-{secrets.token_hex(6)}"
    temp.mkdir()
    try:
        for filename, data in files.items():
            write_file(temp / filename, data)
        write_file(temp / MANIFEST, json.dumps(entry, ensure_ascii=False, indent=2,
                                                sort_keys=True).encode("utf-8"))
        fsync_dir(temp)
        if verify is not None:
            verify(temp)
        step("before_rename")
        os.rename(temp, versions_dir / version)
    except BaseException:
        _remove_tree(temp)
        raise
    fsync_dir(versions_dir)
    step("before_latest")
    pointer = datasets_root() / name / f".LATEST-{secrets.token_hex(6)}"
    write_file(pointer, f"{version}\n".encode("ascii"))
    os.replace(pointer, datasets_root() / name / "LATEST")
    fsync_dir(datasets_root() / name)
    step("before_audit")
    try:
        append_audit(entry)
    except OSError:  # published: the manifest holds the entry; the next writer logs it
        raise StoreError("d_published_audit_pending", version, dataset=name) from None
    return version


def version_files(name: str, version: object) -> dict[str, bytes]:
    """The dataset files of a published version (tables and ``dataset.json``), as bytes."""
    directory = version_path(name, version)
    return {filename: (directory / filename).read_bytes()
            for filename in sorted(VERSION_FILES - {MANIFEST})
            if (directory / filename).is_file()}
