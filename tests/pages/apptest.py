"""Opening a page of the atlas in Streamlit's AppTest, the way every page test does."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(page: str = "app.py", params: dict | None = None, timeout: float = 90,
              check: bool = True) -> AppTest:
    """Run ``page`` (``app.py`` or ``pages/….py``) with the URL's ``params``; with
    ``check``, fail on any exception shown on the page."""
    app = AppTest.from_file(APP, default_timeout=timeout)
    for key, value in (params or {}).items():
        app.query_params[key] = value
    if page != "app.py":
        app.switch_page(page)
    app.run()
    if check:
        assert not app.exception, [e.value for e in app.exception]
    return app
