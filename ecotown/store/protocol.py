"""What a place that keeps datasets offers: the :class:`DatasetStore` protocol.

Every backend gives a dataset's versions as ``{file name: bytes}`` (the tables of
:mod:`ecotown.model.schema` and ``dataset.json``), so the rest of the app parses one form
whatever keeps it: the shipped read-only datasets (:mod:`ecotown.store.builtin`), the data
directory (:mod:`ecotown.store.files`) or PostgreSQL shared by replicas
(:mod:`ecotown.store.pgstore`).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import AbstractContextManager
from typing import Protocol, runtime_checkable

__all__ = ["DatasetStore"]


@runtime_checkable
class DatasetStore(Protocol):
    """A keeper of named datasets, each a sequence of complete, immutable versions."""

    writable: bool

    def names(self) -> list[str]:
        """Names of the datasets with a published version, sorted."""

    def latest(self, name: str) -> str | None:
        """The published version of ``name`` (``"0003"``), ``""`` for an unversioned
        dataset, ``None`` if it has none."""

    def latest_all(self) -> dict[str, str]:
        """``{name: published version}`` of every dataset, in one look at the store (what a
        page takes once per rerun)."""

    def damaged(self) -> list[str]:
        """Datasets whose published pointer is damaged (hidden until repaired)."""

    def repair(self, name: str, steward: str) -> str:
        """Repair ``name``'s damaged pointer and audit it; return the version now published
        (refused with a :class:`~ecotown.store.names.StoreError` where there is nothing that
        can be damaged)."""

    def versions(self, name: str) -> list[dict]:
        """Every published version of ``name``, newest first: its record plus ``latest``."""

    def read(self, name: str, version: object | None = None) -> dict[str, bytes]:
        """The files of a version (the latest if ``version`` is ``None``)."""

    def commit(self, name: str, files: Mapping[str, bytes], record: Mapping,
               verify: Callable | None = None) -> str:
        """Publish ``files`` as the next version of ``name``; return its number."""

    def audit(self, dataset: str | None = None) -> list[dict]:
        """The log of writes, oldest first (optionally of one dataset)."""

    def locked(self) -> AbstractContextManager:
        """Hold the store's write lock (a reader needs none)."""
