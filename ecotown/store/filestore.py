"""The data directory as a :class:`~ecotown.store.protocol.DatasetStore` backend. A hook
for the steps of a commit may be handed in (the tests inject one: ``tests/crashhook.py``);
the shipped store reads none from anywhere."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path

from ecotown.store.files import (
    commit_version,
    dataset_names,
    latest_version,
    list_versions,
    locked,
    read_audit,
    version_files,
)

__all__ = ["FileStore"]


class FileStore:
    """The data directory (``$ECOTOWN_DATA_DIR``) as a
    :class:`~ecotown.store.protocol.DatasetStore`: the functions of this module, with the
    test hook handed in rather than read inside a commit."""

    writable = True

    def __init__(self, hook: Callable[[str], None] | None = None):
        self.hook = hook

    def names(self) -> list[str]:
        """Imported datasets with a published version."""
        return dataset_names()

    def latest(self, name: str) -> str | None:
        """The published version of ``name``, or ``None``."""
        return latest_version(name)

    def damaged(self) -> list[str]:
        """Imported datasets whose ``LATEST`` pointer is damaged."""
        from ecotown.store.recovery import damaged_names

        return damaged_names()

    def repair(self, name: str, steward: str) -> str:
        """Point a damaged ``LATEST`` at the newest complete version; audit it."""
        from ecotown.store.recovery import repair_latest

        return repair_latest(name, steward)

    def latest_all(self) -> dict[str, str]:
        """``{name: published version}`` of every imported dataset: one look at the store."""
        found = {}
        for name in dataset_names():
            version = latest_version(name)
            if version:
                found[name] = version
        return found

    def versions(self, name: str) -> list[dict]:
        """Every published version, newest first."""
        return list_versions(name)

    def read(self, name: str, version: object | None = None) -> dict[str, bytes]:
        """The files of a published version (the latest if ``version`` is ``None``)."""
        return version_files(name, version)

    def commit(self, name: str, files: Mapping[str, bytes], record: Mapping,
               verify: Callable[[Path], None] | None = None) -> str:
        """Write and publish the next version (the caller holds :meth:`locked`)."""
        return commit_version(name, files, record, verify=verify, hook=self.hook)

    def audit(self, dataset: str | None = None) -> list[dict]:
        """The audit log, oldest first."""
        return read_audit(dataset)

    def locked(self):
        """The data directory's exclusive lock."""
        return locked()
