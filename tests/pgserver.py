"""A PostgreSQL server for the tests, started on a free port in a temporary directory by
``deploy/pglocal.py`` (as Debian's ``postgres`` user when the tests run as root)."""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def pglocal():
    spec = importlib.util.spec_from_file_location("pglocal", ROOT / "deploy" / "pglocal.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def have_postgres() -> bool:
    try:
        pglocal()._bin("initdb")
    except FileNotFoundError:
        return False
    return shutil.which("runuser") is not None or os.geteuid() != 0


def require_postgres() -> None:
    if not have_postgres():
        if os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL (installed by .ci/run)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")


def start(tmp_path_factory) -> tuple[str, Path]:
    """Start a server; return the app role's URL and the server's directory."""
    require_postgres()
    directory = tmp_path_factory.mktemp("postgres")
    return pglocal().up(directory), directory
