"""The page tests scan for installed Streamlit components once (tests/pages/conftest.py)."""

from __future__ import annotations

from tests.pages.apptest import open_page


def test_the_component_scan_is_made_once(one_component_scan):
    """Two pages opened: the scan ran at most once in this process and its answer was reused
    (fails if Streamlit stops asking the scanner by its module's name)."""
    assert one_component_scan is not None, "Streamlit moved its component scanner"
    open_page("app.py", {"dataset": "demo", "lang": "en"})
    open_page("pages/data.py", {"lang": "en"})
    info = one_component_scan.cache_info()
    assert info.misses == 1 and info.hits >= 1, info
