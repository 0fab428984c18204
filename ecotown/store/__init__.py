"""Where datasets live: the shipped ones and the stewards' imports, behind one protocol.

:class:`~ecotown.store.protocol.DatasetStore` is what a backend offers (names, latest,
versions, ``read`` as ``{file name: bytes}``, ``commit``, ``audit``, ``locked``). Two
backends: the shipped read-only datasets (:class:`~ecotown.store.builtin.BuiltinStore`,
``public`` and ``demo``) and the writable store of imports chosen by a setting: today the
data directory (:class:`~ecotown.store.filestore.FileStore`, ``$ECOTOWN_DATA_DIR``).

The functions here are the rest of the app's way in; none of it special-cases a built-in
dataset. :func:`load_dataset` reads a dataset's files from whichever backend holds it and
parses them (:func:`ecotown.model.dataset.parse_dataset`).
"""

from __future__ import annotations

import copy
import dataclasses
import hashlib
import logging
import threading
from collections import OrderedDict
from collections.abc import Mapping
from pathlib import Path

from ecotown.config import settings
from ecotown.model.dataset import Dataset, parse_dataset
from ecotown.model.validate import DatasetError, Problem
from ecotown.store.builtin import BUILTIN, BuiltinStore
from ecotown.store.files import (
    DATA_DIR_ENV,
    NAME_PATTERN,
    RESERVED_NAMES,
    StoreError,
    StoreProblem,
    check_name,
    check_version,
    clean_record,
    cleanup,
    data_dir,
)
from ecotown.store.filestore import FileStore
from ecotown.store.pgstore import PgStore
from ecotown.store.protocol import DatasetStore

__all__ = [
    "BUILTIN",
    "DATA_DIR_ENV",
    "NAME_PATTERN",
    "RESERVED_NAMES",
    "DatasetStore",
    "StoreError",
    "StoreProblem",
    "backend",
    "builtin",
    "catalogue",
    "catalogue_versions",
    "check_name",
    "check_version",
    "clean_record",
    "cleanup",
    "commit_version",
    "damaged_names",
    "data_dir",
    "dataset_names",
    "dataset_version",
    "imported_names",
    "is_builtin",
    "latest_version",
    "list_versions",
    "load_dataset",
    "locked",
    "read_audit",
    "read_files",
    "repair_latest",
    "store_of",
]

_BUILTIN = BuiltinStore()
_log = logging.getLogger("ecotown.store")


def builtin() -> BuiltinStore:
    """The shipped read-only datasets."""
    return _BUILTIN


def backend() -> DatasetStore:
    """The writable store of imported datasets, as configured: PostgreSQL when
    ``$ECOTOWN_DATABASE_URL`` is set (replicas share it), else the data directory."""
    url = settings.current().database_url
    if url:
        return PgStore(url)
    return FileStore()


def damaged_names() -> list[str]:
    """Imported datasets whose published pointer is damaged (hidden until repaired): the
    configured store's :meth:`damaged` (none on PostgreSQL, whose pointer moves in the same
    transaction as its version)."""
    return backend().damaged()


def repair_latest(name: str, steward: str) -> str:
    """Repair a dataset's damaged pointer in the configured store (refused with a message
    on PostgreSQL, which has nothing to repair)."""
    return backend().repair(name, steward)


def locked():
    """Hold the configured store's write lock (the file lock, or the database's advisory
    lock)."""
    return backend().locked()


def read_audit(dataset: str | None = None) -> list[dict]:
    """The configured store's audit log, oldest first."""
    return backend().audit(dataset)


def list_versions(name: str) -> list[dict]:
    """Every published version of an imported dataset, newest first."""
    return backend().versions(name)


def is_builtin(name: object) -> bool:
    """Whether ``name`` is a shipped dataset (``public``, ``demo``)."""
    return isinstance(name, str) and name in _BUILTIN.names()


def store_of(name: str) -> DatasetStore:
    """The backend that holds ``name``."""
    return _BUILTIN if is_builtin(name) else backend()


def imported_names() -> list[str]:
    """Names of the imported datasets that have a published version, sorted."""
    return backend().names()


def catalogue_versions() -> tuple[dict[str, str], StoreError | None]:
    """``{name: version}`` of every dataset that can be loaded (the shipped ones first, at
    version ``""``, then the imported ones) in **one** look at the writable store, and its
    problem if it cannot be reached: then only the shipped datasets, which need nothing
    running, are listed (a database that is down costs no page)."""
    shipped = dict.fromkeys(_BUILTIN.names(), "")
    try:
        imported = backend().latest_all()
    except StoreError as exc:
        _log.warning("imported datasets unavailable: %s", exc.messages("en")[0])
        return shipped, exc
    return {**shipped, **{n: v for n, v in sorted(imported.items()) if n not in shipped}}, None


def catalogue() -> tuple[list[str], StoreError | None]:
    """The names of :func:`catalogue_versions` and the store's problem, if any."""
    versions, problem = catalogue_versions()
    return list(versions), problem


def dataset_names() -> list[str]:
    """Every dataset that can be loaded: the shipped ones first, then imported ones (only the
    shipped ones while the writable store cannot be reached)."""
    return catalogue()[0]


def latest_version(name: str) -> str | None:
    """The published version of an imported dataset (``None`` if it has none)."""
    return backend().latest(name)


def dataset_version(name: str) -> str:
    """The latest version of an imported dataset, ``""`` for any other; a cache key."""
    if is_builtin(name) or not isinstance(name, str) or not NAME_PATTERN.fullmatch(name):
        return ""
    return latest_version(name) or ""


def read_files(name: str, version: object | None = None) -> dict[str, bytes]:
    """The files of a dataset's version (the latest by default), from its backend."""
    return store_of(name).read(name, version)


def commit_version(name: str, files: Mapping[str, bytes], record: Mapping,
                   verify=None) -> str:
    """Publish the next version of an imported dataset (the caller holds :func:`locked`)."""
    return backend().commit(name, files, record, verify=verify)


def load_dataset(name_or_path: str | Path, version: str | None = None) -> Dataset:
    """Load and validate a dataset by name (shipped or imported) or directory path;
    ``version`` (an imported dataset's, e.g. from a page's snapshot) reads that version
    without looking the latest up again.

    Raises
    ------
    DatasetError
        Every problem of the files, or ``v_unknown_dataset`` naming an unknown dataset.
    """
    if version and isinstance(name_or_path, str) and not is_builtin(name_or_path):
        return _parsed(read_files(name_or_path, version), name_or_path)
    if isinstance(name_or_path, str) and (is_builtin(name_or_path) or (
            NAME_PATTERN.fullmatch(name_or_path) and latest_version(name_or_path))):
        return _parsed(read_files(name_or_path), name_or_path)
    path = Path(name_or_path)
    if path.is_dir():
        return parse_dataset(path)
    raise DatasetError([Problem(str(name_or_path), "v_unknown_dataset",
                                value=str(name_or_path))])


# Parsed datasets by the digest of their files: the same bytes validate to the same dataset,
# so a process parses each version once (the CLI's commands in one process, a deck's
# reference to the public record, the publisher). Callers get their own copy.
_PARSED: OrderedDict[tuple[str, str], Dataset] = OrderedDict()
_PARSED_LOCK = threading.Lock()
_PARSED_KEPT = 8


def _parsed(files: Mapping[str, bytes], name: str) -> Dataset:
    digest = hashlib.sha256()
    for key in sorted(files):
        digest.update(key.encode("utf-8") + b"\0" + files[key] + b"\0")
    key = (name, digest.hexdigest())
    with _PARSED_LOCK:
        hit = _PARSED.get(key)
        if hit is not None:
            _PARSED.move_to_end(key)
    if hit is None:
        hit = parse_dataset(files, name)  # a DatasetError is raised, never kept
        with _PARSED_LOCK:
            _PARSED[key] = hit
            while len(_PARSED) > _PARSED_KEPT:
                _PARSED.popitem(last=False)
    return _copy(hit)


def _copy(dataset: Dataset) -> Dataset:
    """The dataset with its own tables and metadata (a caller may change them)."""
    import pandas as pd

    changes = {f.name: getattr(dataset, f.name).copy() for f in dataclasses.fields(dataset)
               if isinstance(getattr(dataset, f.name), pd.DataFrame)}
    return dataclasses.replace(dataset, meta=copy.deepcopy(dataset.meta), **changes)
