"""Issue 26: every module of bench/ and scripts/ imports (``python -m bench.run`` once died
of a bare ``import export_bench``), and the bench's command lines answer ``--help``."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MODULES = sorted(f"{folder}.{path.stem}" for folder in ("bench", "scripts")
                 for path in (ROOT / folder).glob("*.py")
                 if path.stem != "__init__" and not path.stem.endswith("_app"))


@pytest.mark.parametrize("module", MODULES)
def test_every_bench_and_script_module_imports(module):
    importlib.import_module(module)


@pytest.mark.parametrize("module", ["bench.run", "bench.load", "bench.cluster_bench",
                                    "bench.ws_memory", "bench.export_bench",
                                    "scripts.build_static"])
def test_the_command_lines_answer_help(module):
    done = subprocess.run([sys.executable, "-m", module, "--help"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    assert "usage" in done.stdout


def _private_imports() -> list[str]:
    """``from ecotown.x import _name`` (or bench/scripts) anywhere in the code: a private
    name crossing a module boundary (issue 26: make it public or merge the modules)."""
    import ast

    found = []
    files = [*ROOT.glob("ecotown/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py",
             *ROOT.glob("bench/*.py"), *ROOT.glob("scripts/*.py")]
    for path in files:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] in (
                    "ecotown", "bench", "scripts"):
                found += [f"{path.relative_to(ROOT)}: {node.module}.{alias.name}"
                          for alias in node.names
                          if alias.name.startswith("_") and not alias.name.startswith("__")]
    return found


def test_no_private_name_is_imported_across_modules():
    assert _private_imports() == []


def test_no_import_circle_between_the_steward_access_modules():
    text = (ROOT / "ecotown/stewardship/access.py").read_text()
    assert "shared_access" not in text.split('"""', 2)[2], (
        "access.py is the base the shared throttle builds on; it must not import it back")
