"""The Sarabun typeface for the static exports, registered with matplotlib once.

Sarabun (SIL Open Font License) covers Thai and Latin and ships as TTFs in the PyPI
package ``fontpkg-sarabun``, so exports look the same on every machine, with no system
font and no network. matplotlib 3.11 shapes text with HarfBuzz (libraqm), so Thai vowels
and tone marks stack correctly in PNG and PDF.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path

import fontpkg_sarabun
from matplotlib import font_manager

__all__ = ["FALLBACK_FAMILY", "FONT_DIR", "RENDER_LOCK", "register_fonts", "rendering"]

FONT_DIR = Path(fontpkg_sarabun.ROOT) / "files"
FALLBACK_FAMILY = "DejaVu Sans"  # ships with matplotlib; draws what Sarabun lacks (e.g. ≤ ▲)

_lock = threading.Lock()
_registered: str | None = None
# matplotlib's rcParams are process-wide: every render that sets them (the PNG and PDF
# briefing, the deck's map picture and PDF pack) holds this one lock (issue 26: two locks let
# a PNG and a deck downloaded at the same moment swap fonts mid-render).
RENDER_LOCK = threading.RLock()


@contextlib.contextmanager
def rendering(settings: Callable[[str], dict]):
    """Hold :data:`RENDER_LOCK` with matplotlib's rcParams set to ``settings(family)``
    (the registered Sarabun family) for the block."""
    import matplotlib

    with RENDER_LOCK, matplotlib.rc_context(settings(register_fonts())):
        yield


def register_fonts() -> str:
    """Register every Sarabun TTF with matplotlib's font manager and return the family name.

    Idempotent and thread-safe: the files are added once per process, later calls only
    return the name.

    Returns
    -------
    str
        The font family name to use in ``rcParams["font.family"]``: ``"Sarabun"``.

    Raises
    ------
    FileNotFoundError
        If the package ``fontpkg-sarabun`` holds no Sarabun TTF.
    """
    global _registered
    if _registered is not None:
        return _registered
    with _lock:
        if _registered is None:
            files = sorted(FONT_DIR.glob("Sarabun-*.ttf"))
            if not files:
                raise FileNotFoundError(f"no Sarabun-*.ttf in {FONT_DIR}")
            known = {entry.fname for entry in font_manager.fontManager.ttflist}
            for path in files:
                if str(path) not in known:
                    font_manager.fontManager.addfont(str(path))
            _registered = font_manager.FontProperties(fname=str(files[0])).get_name()
    return _registered
