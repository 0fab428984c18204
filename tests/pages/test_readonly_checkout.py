"""Issue 26: the app writes nothing into its source tree at run time: the offline map files
are built (``python -m scripts.build_static``) and committed, and the app runs from a
read-only copy of the checkout."""

from __future__ import annotations

import asyncio
import os
import shutil
import stat
import subprocess
import sys
import threading
from pathlib import Path

from ecotown.model.geography import load_provinces
from ecotown.webmap.assets import static_problems
from ecotown.webmap.mapview import province_geojson

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = ("app.py", "pages", "ecotown", "geodata", "static", ".streamlit", "bench")


def test_the_committed_static_files_are_current():
    """A new Leaflet package or a changed map without a rebuild fails here."""
    assert static_problems(province_geojson(load_provinces())) == [], (
        "run: python -m scripts.build_static")


def _tree(root: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(root)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in root.rglob("*") if "__pycache__" not in p.parts}


def test_the_app_runs_from_a_read_only_checkout(tmp_path):
    from bench.load import _rerun, ws_connect
    from bench.server import serve as _serve
    from bench.server import stop as _stop

    copy = tmp_path / "atlas"
    copy.mkdir()
    for name in SHIPPED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(source, copy / name)
    for path in [copy, *copy.rglob("*")]:
        mode = path.stat().st_mode
        path.chmod(mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
    before = _tree(copy)
    env = {"PYTHONPATH": str(copy), "PYTHONDONTWRITEBYTECODE": "1",
           "ECOTOWN_DATA_DIR": str(tmp_path / "data")}
    server, url = _serve("app.py", env=env, cwd=copy)
    try:
        async def visit():
            async with ws_connect(url) as ws:
                for query in ("dataset=demo&lang=en", "dataset=demo&phase=1&lang=th"):
                    _elapsed, ok = await _rerun(ws, query)
                    assert ok, query
        # in a thread of its own: a browser test in this worker may hold an event loop
        errors: list[BaseException] = []

        def run() -> None:
            try:
                asyncio.run(visit())
            except BaseException as exc:
                errors.append(exc)

        worker = threading.Thread(target=run)
        worker.start()
        worker.join(timeout=240)
        assert not errors, errors
    finally:
        _stop(server)
        for path in [copy, *copy.rglob("*")]:
            path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert _tree(copy) == before


def test_build_static_check_passes_on_the_checkout():
    done = subprocess.run([sys.executable, "-m", "scripts.build_static", "--check"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 0, done.stderr
