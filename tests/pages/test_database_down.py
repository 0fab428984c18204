"""Issue 25: with the database down, every page of the shipped datasets works and says, in
the reader's language, that imported datasets are unavailable; no traceback, no URL."""

from __future__ import annotations

import pytest

from ecotown.store import pgstore
from tests.pages.apptest import open_page

DEAD = "postgresql://ecotown_app:s3cret-pw@127.0.0.1:9/ecotown"


@pytest.mark.parametrize(("page", "lang", "words"), [
    ("app.py", "en", "The database of imported datasets is unavailable"),
    ("pages/data.py", "th", "ฐานข้อมูลของชุดข้อมูลที่นำเข้าไม่พร้อมใช้งาน"),
])
def test_a_page_works_with_the_database_down(page, lang, words, monkeypatch):
    monkeypatch.setenv(pgstore.DATABASE_ENV, DEAD)
    monkeypatch.setenv("ECOTOWN_DATABASE_TIMEOUT", "1")
    pgstore._down_until.clear()
    app = open_page(page, {"lang": lang, "dataset": "demo"})
    warnings = " ".join(w.value for w in app.warning)
    assert words in warnings
    shown = " ".join(str(e.value) for e in [*app.markdown, *app.warning, *app.error])
    assert "s3cret-pw" not in shown and "127.0.0.1:9" not in shown
