"""The page tests' one touch of a private Streamlit name: the scan for installed components.

Every ``AppTest`` scans the metadata of every installed package for Streamlit's v2
components on its first run (``streamlit.components.v2.manifest_scanner.
scan_component_manifests``, Streamlit 1.67): about 0.3 s, 40 % of a page test's time, with
the same answer every time (the packages do not change during a run; the atlas declares no
v2 component). The page tests scan once per process and hand every ``AppTest`` that answer.
The app itself is untouched (a server scans once when it starts).

If Streamlit moves the scanner, a warning is logged and every ``AppTest`` scans again
(slower, the same pages), and ``tests/pages/test_component_scan.py`` fails; the Streamlit
version these internals were read from is pinned by ``tests/unit/ui/test_compat.py``.
"""

from __future__ import annotations

import functools
import importlib
import logging

import pytest

_log = logging.getLogger("tests.pages")
SCANNER = "streamlit.components.v2.manifest_scanner"


@pytest.fixture(scope="session", autouse=True)
def one_component_scan():
    """Each ``AppTest`` of this process reuses the first scan's answer (see the module)."""
    try:
        scanner = importlib.import_module(SCANNER)
        scan = scanner.scan_component_manifests
    except (ImportError, AttributeError) as exc:
        _log.warning("Streamlit's component scanner moved (%s): every AppTest scans", exc)
        yield None
        return
    once = functools.lru_cache(maxsize=1)(lambda: list(scan()))
    scanner.scan_component_manifests = lambda *args, **kwargs: list(once())
    try:
        yield once
    finally:
        scanner.scan_component_manifests = scan
