"""The house by role stays true: layers, where Streamlit lives, plain imports (function
complexity is ruff's C901, in pyproject.toml)."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROLES = ("config", "model", "store", "stewardship", "analysis", "webmap", "present",
         "briefing", "i18n", "ui", "cli")


def test_import_contracts_hold():
    """`lint-imports` (pyproject's contracts): layers run one way; only ui imports Streamlit."""
    command = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([command, "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-2000:]
    assert "2 kept, 0 broken" in done.stdout


def test_each_role_is_a_subpackage_and_nothing_is_left_flat():
    """ecotown/ holds only role subpackages (and the package's own entry points)."""
    flat = sorted(p.name for p in (ROOT / "ecotown").glob("*.py"))
    assert flat == ["__init__.py", "__main__.py"]
    for role in ROLES:
        assert (ROOT / "ecotown" / role / "__init__.py").is_file(), role


def test_streamlit_only_under_ui():
    """No `import streamlit` outside ecotown/ui (pages and app.py are the layout)."""
    pattern = re.compile(r"^\s*(import streamlit|from streamlit)", re.M)
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "ecotown").rglob("*.py")
             if pattern.search(p.read_text(encoding="utf-8")) and "ui" not in p.parts]
    assert found == []


@pytest.mark.parametrize("folder", ["scripts", "bench", "ecotown", "tests"])
def test_no_sys_path_or_importlib_tricks(folder):
    """Scripts and benches import the installed package; none patches sys.path."""
    tricks = re.compile(r"sys\.path\.(insert|append)|importlib\.util\.spec_from_file_location")
    found = [str(p.relative_to(ROOT)) for p in (ROOT / folder).rglob("*.py")
             if tricks.search(p.read_text(encoding="utf-8"))]
    assert found == []


def test_the_store_protocol_is_the_one_seam():
    """Outside the store, nothing reads dataset folders or names the built-in paths."""
    pattern = re.compile(r"BUILTIN\[|version_path\(|GEODATA / \"demo\"")
    found = [str(p.relative_to(ROOT)) for p in (ROOT / "ecotown").rglob("*.py")
             if "store" not in p.parts and pattern.search(p.read_text(encoding="utf-8"))]
    assert found == []
