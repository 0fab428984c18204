"""Opening a page of the atlas in Streamlit's AppTest, the way every page test does."""

from __future__ import annotations

import html
import re
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


DEVELOPER = re.compile(r"README|\.py\b|\.csv\b|\.json\b|scripts/|geodata|"
                       r"\b[a-z]+_[a-z_]+\b")  # file names and snake_case column names


def visible_text(app) -> str:
    parts = [str(e.value) for e in [*app.markdown, *app.caption, *app.info, *app.warning,
                                    *app.success, *app.error, *app.header, *app.subheader,
                                    *app.title]]
    for block in app.get("html"):
        body = re.sub(r"<(style|script)\b.*?</\1>", " ", block.proto.body, flags=re.S)
        body = re.sub(r"<[^>]*>", " ", body)  # tags, with their attributes and hrefs
        parts.append(html.unescape(body))
    for frame in app.dataframe:
        parts += [str(c) for c in frame.value.columns]
    text = " ".join(parts)
    return re.sub(r"https?://\S+", " ", text)  # an address is not developer text


def developer_words(app) -> list[str]:
    """File, script and column names in what the page shows (issue 28: none on an
    executive page)."""
    return sorted(set(DEVELOPER.findall(visible_text(app))))
