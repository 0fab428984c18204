"""Leaflet's JavaScript and CSS from the pip-installed XStatic-Leaflet package.

Streamlit serves files under ``static/`` beside ``app.py`` at ``/app/static/``; the map asks
the browser for Leaflet there, so no request ever leaves the app's own origin. The copy is
made from the installed package at start-up (and is git-ignored), never downloaded.
"""

from __future__ import annotations

import filecmp
import hashlib
import shutil
from pathlib import Path

import xstatic.pkg.leaflet as xstatic_leaflet

__all__ = ["LEAFLET_CSS_URL", "LEAFLET_JS_URL", "STATIC_DIR", "ensure_leaflet",
           "ensure_province_file", "leaflet_source"]

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


def ensure_province_file(province_data: str, static_dir: Path = STATIC_DIR) -> str:
    """Write the province GeoJSON under a content-hashed name; return its URL.

    The browser fetches it once from the app's own origin and caches it, so the 77 polygons
    are not re-sent with every rerun of the map.
    """
    digest = hashlib.sha256(province_data.encode("utf-8")).hexdigest()[:12]
    name = f"provinces-{digest}.json"
    target = static_dir / "vendor" / name
    if not target.is_file():
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_suffix(".tmp")
        tmp.write_text(province_data, encoding="utf-8")
        tmp.replace(target)
    return f"/app/static/vendor/{name}"
