"""Shared fixtures: the shipped datasets, province polygons and writable dataset copies."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ecotown import store
from ecotown.model.geography import load_provinces
from ecotown.model.schema import TABLES
from ecotown.store import BUILTIN, load_dataset
from tests.pgserver import start, stop

ROOT = Path(__file__).resolve().parent.parent


def require(present: bool, why: str) -> None:
    """Skip, saying loudly why, when something a test needs is missing; in CI (``CI`` set),
    fail instead: CI has everything, so a skip there would hide a test that never ran."""
    if present:
        return
    if os.environ.get("CI"):
        pytest.fail(f"CI must have this: {why}")
    pytest.skip(f"SKIPPED, NOT TESTED: {why}")


@pytest.fixture(scope="session")
def province_polygons():
    """The 77 province polygons."""
    return load_provinces()


@pytest.fixture(scope="session")
def public():
    """The public-record dataset."""
    return load_dataset("public")


@pytest.fixture(scope="session")
def demo():
    """The synthetic demo dataset."""
    return load_dataset("demo")


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    """A fresh, empty data directory (``$ECOTOWN_DATA_DIR``) for this test only."""
    path = tmp_path / "data"
    monkeypatch.setenv(store.DATA_DIR_ENV, str(path))
    return path


@pytest.fixture
def dataset_copy(tmp_path):
    """Return a function that copies a shipped dataset's files into a fresh directory."""

    def make(name: str = "public") -> Path:
        target = tmp_path / name
        target.mkdir()
        for tbl in TABLES:
            shutil.copy(BUILTIN[name] / tbl.filename, target / tbl.filename)
        shutil.copy(BUILTIN[name] / "dataset.json", target / "dataset.json")
        return target

    return make


@pytest.fixture(scope="session")
def postgres(tmp_path_factory):
    """The app role's URL of a PostgreSQL server of the test run's own (one per run)."""
    url, directory = start(tmp_path_factory)
    yield url
    stop(directory)
