"""The copy-link button speaks the page's language: its document's language, its label, and
what it says once the link is copied or when the browser refuses (the click itself, the
clipboard and the copied link reopening the view: tests/browser/
test_copy_and_download_browser.py, in English)."""

from __future__ import annotations

import json
import re

import pytest

from ecotown.i18n.labels import t
from tests.pages.apptest import open_page


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_copy_link_button_says_it_in_the_pages_language(lang):
    app = open_page("app.py", {"dataset": "demo", "lang": lang, "region": "east"})
    frames = [e.proto.srcdoc for e in app.get("iframe") if 'id="copy"' in e.proto.srcdoc]
    assert len(frames) == 1
    page = frames[0]
    assert f'<html lang="{lang}">' in page
    assert f"{t('copy_link', lang)}</button>" in page
    texts = json.loads(re.search(r"texts = (\{.*?\});", page).group(1))
    assert texts == {"done": t("link_copied", lang), "failed": t("link_copy_failed", lang)}
