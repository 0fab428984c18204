"""Leaflet's JavaScript and CSS (from the pip-installed XStatic-Leaflet package) and the
province GeoJSON, served by Streamlit from ``static/`` beside ``app.py`` at ``/app/static/``;
the map asks the browser for them there, so no request ever leaves the app's own origin.

The files are **prepared at build time** and committed (``python -m scripts.build_static``
writes them with :func:`ensure_leaflet` and :func:`ensure_province_file`); the running app
never writes into the source tree (it runs from a read-only checkout or image), it only
checks that they are there (:func:`static_problems`, which a test also runs, so a changed
package or map that was not rebuilt fails the suite).
"""

from __future__ import annotations

import filecmp
import hashlib
import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

__all__ = ["LEAFLET_CSS_URL", "LEAFLET_JS_URL", "STATIC_DIR", "ensure_leaflet",
           "ensure_province_file", "leaflet_source", "province_file_name", "province_file_url",
           "static_problems"]

STATIC_DIR = Path(__file__).resolve().parents[2] / "static"
_SUBDIR = Path("vendor") / f"leaflet-{xstatic_leaflet.VERSION}"
LEAFLET_JS_URL = f"/app/static/{_SUBDIR.as_posix()}/leaflet.js"
LEAFLET_CSS_URL = f"/app/static/{_SUBDIR.as_posix()}/leaflet.css"
_FILES = ("leaflet.js", "leaflet.css", "images/layers.png", "images/layers-2x.png",
          "images/marker-icon.png", "images/marker-icon-2x.png", "images/marker-shadow.png")


def leaflet_source() -> Path:
    """The directory of the installed Leaflet files."""
    return Path(xstatic_leaflet.BASE_DIR)


def ensure_leaflet(static_dir: Path = STATIC_DIR) -> Path:
    """Copy Leaflet into ``static_dir`` if it is missing or differs; return its folder."""
    source = leaflet_source()
    target = static_dir / _SUBDIR
    for name in _FILES:
        src, dst = source / name, target / name
        if dst.is_file() and filecmp.cmp(src, dst, shallow=False):
            continue
        dst.parent.mkdir(parents=True, exist_ok=True)
        tmp = dst.with_suffix(dst.suffix + ".tmp")
        shutil.copyfile(src, tmp)
        tmp.replace(dst)
    return target


def province_file_name(province_data: str) -> str:
    """The content-hashed file name of the province GeoJSON (``provinces-<hash>.json``)."""
    digest = hashlib.sha256(province_data.encode("utf-8")).hexdigest()[:12]
    return f"provinces-{digest}.json"


def province_file_url(province_data: str) -> str:
    """The URL the browser fetches the province GeoJSON from (nothing is written)."""
    return f"/app/static/vendor/{province_file_name(province_data)}"


def static_problems(province_data: str, static_dir: Path = STATIC_DIR) -> list[str]:
    """What is missing or stale in ``static_dir`` (``[]`` when the build is current)."""
    problems = []
    source, target = leaflet_source(), static_dir / _SUBDIR
    for name in _FILES:
        dst = target / name
        if not dst.is_file() or not filecmp.cmp(source / name, dst, shallow=False):
            problems.append(str(dst.relative_to(static_dir.parent)))
    provinces = static_dir / "vendor" / province_file_name(province_data)
    if not provinces.is_file() or provinces.read_text(encoding="utf-8") != province_data:
        problems.append(str(provinces.relative_to(static_dir.parent)))
    return problems


def ensure_province_file(province_data: str, static_dir: Path = STATIC_DIR) -> str:
    """Write the province GeoJSON under a content-hashed name (at build time); return its
    URL.

    The browser fetches it once from the app's own origin and caches it, so the 77 polygons
    are not re-sent with every rerun of the map.
    """
    name = province_file_name(province_data)
    target = static_dir / "vendor" / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(province_data, encoding="utf-8")
        tmp.replace(target)
    return f"/app/static/vendor/{name}"
