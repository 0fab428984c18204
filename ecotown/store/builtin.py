"""The datasets that ship with the app, read-only: ``public`` and ``demo`` (``geodata/``)."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator, Mapping
from pathlib import Path

from ecotown.model.dataset import GEODATA, META_FILE
from ecotown.model.schema import TABLES
from ecotown.store.files import StoreError

__all__ = ["BUILTIN", "BuiltinStore"]

BUILTIN = {"public": GEODATA, "demo": GEODATA / "demo"}


class BuiltinStore:
    """The shipped datasets as a :class:`~ecotown.store.protocol.DatasetStore`: one
    unversioned version each (``latest`` is ``""``), never written."""

    writable = False

    def __init__(self, folders: Mapping[str, Path] | None = None):
        self.folders = dict(BUILTIN if folders is None else folders)

    def names(self) -> list[str]:
        """``["public", "demo"]``: the order the app offers them in."""
        return list(self.folders)

    def latest(self, name: str) -> str | None:
        """``""`` for a shipped dataset (one unversioned version), else ``None``."""
        return "" if name in self.folders else None

    def damaged(self) -> list[str]:
        """None: the shipped datasets are read-only files of the checkout."""
        return []

    def repair(self, name: str, steward: str) -> str:
        """Refused: a shipped dataset is never written."""
        raise StoreError("d_reserved_name", name)

    def latest_all(self) -> dict[str, str]:
        """``{"public": "", "demo": ""}``: unversioned."""
        return dict.fromkeys(self.folders, "")

    def versions(self, name: str) -> list[dict]:
        """Shipped datasets have no version history."""
        return []

    def read(self, name: str, version: object | None = None) -> dict[str, bytes]:
        """The files of a shipped dataset, as bytes (a missing table is simply absent)."""
        if name not in self.folders:
            raise StoreError("d_no_versions", name)
        folder = self.folders[name]
        wanted = [tbl.filename for tbl in TABLES] + [META_FILE]
        return {f: (folder / f).read_bytes() for f in wanted if (folder / f).is_file()}

    def commit(self, name: str, files: Mapping[str, bytes], record: Mapping,
               verify=None) -> str:
        """Refused: a shipped dataset is never written."""
        raise StoreError("d_reserved_name", name)

    def audit(self, dataset: str | None = None) -> list[dict]:
        """Nothing is ever written here, so nothing is logged."""
        return []

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """No lock is needed to read files that never change."""
        yield None
