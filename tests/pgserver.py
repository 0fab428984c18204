"""A PostgreSQL server for the tests, started on a free port in a temporary directory by
``deploy/pglocal.py`` (as Debian's ``postgres`` user when the tests run as root)."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PGLOCAL = ROOT / "deploy" / "pglocal.py"


def have_postgres() -> bool:
    initdb = shutil.which("initdb") or glob.glob("/usr/lib/postgresql/*/bin/initdb")
    return bool(initdb) and (shutil.which("runuser") is not None or os.geteuid() != 0)


def require_postgres() -> None:
    if not have_postgres():
        if os.environ.get("CI"):
            pytest.fail("CI must have PostgreSQL (installed by .ci/run)")
        pytest.skip("PostgreSQL is not installed (apt-get install postgresql)")


def start(tmp_path_factory) -> tuple[str, Path]:
    """Start a server; return the app role's URL and the server's directory."""
    require_postgres()
    directory = tmp_path_factory.mktemp("postgres")
    done = subprocess.run([sys.executable, str(PGLOCAL), "up", str(directory)],
                          capture_output=True, text=True, timeout=180, check=True)
    return done.stdout.strip().splitlines()[-1], directory


def stop(directory: Path) -> None:
    subprocess.run([sys.executable, str(PGLOCAL), "down", str(directory)],
                   capture_output=True, timeout=120)
