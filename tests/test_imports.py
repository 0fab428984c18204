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
