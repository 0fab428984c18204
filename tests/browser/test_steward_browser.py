"""A data steward in a real browser: a wrong token is refused; the right one imports a file
that then shows on the map."""

from __future__ import annotations

from pathlib import Path

import pytest

from ecotown.present.style import LEVEL_COLOURS
from tests.browser.conftest import STEWARD_TOKEN
from tests.browser.helpers import map_frame, painted, wait_for_rerun

pytestmark = pytest.mark.browser

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ASSESSMENT = ("area_id,year,level,basis,source,note\n"
              "P1-01,2024,3,stated,https://www.diw.go.th/,browser test\n")


def test_wrong_token_refused_then_import_shows_on_map(page, tmp_path):
    """Wrong token → refused; right token → upload, preview, confirm → the map changes."""
    page.goto(page.app_url + "/data?lang=en")
    token = page.get_by_label("Admin token")
    _open_tab(page, "Import", token)
    token.fill("not-the-token-at-all")
    page.get_by_role("button", name="Sign in").click()
    page.get_by_text("Wrong token").wait_for(timeout=20_000)
    token.fill(STEWARD_TOKEN)
    for _ in range(10):  # the throttle's first delay is 1 s: the page says to wait, then admits
        page.get_by_role("button", name="Sign in").click()
        wait_for_rerun(page, started=True)
        if page.get_by_text("Signed in").count():
            break
        token.fill(STEWARD_TOKEN)
    page.get_by_text("Signed in").first.wait_for(timeout=20_000)

    page.get_by_label("Steward name").fill("Browser Test")
    page.get_by_label("Steward name").press("Enter")
    page.get_by_label("Name of the new dataset").fill("browser")
    page.get_by_label("Name of the new dataset").press("Enter")
    _settle(page)
    upload = tmp_path / "assessments_2024.csv"
    upload.write_text(ASSESSMENT, encoding="utf-8")
    page.locator('input[type="file"]').set_input_files(str(upload))
    page.get_by_text("assessments_2024.csv").first.wait_for(timeout=30_000)
    try:
        page.get_by_text("What the import would change").wait_for(timeout=60_000)
        page.get_by_role("button", name="Confirm the import").click(timeout=30_000)
    except Exception:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / "steward-import.png"), full_page=True)
        raise
    page.get_by_text("Imported: browser version 0001").wait_for(timeout=30_000)
    page.get_by_role("link", name="Open this dataset's map").click()
    frame = map_frame(page)
    assert painted(frame)["provinceFills"]["20"] == LEVEL_COLOURS[3]
    assert page.dialogs == [] and page.blocked == []


def _settle(page) -> None:
    """Wait until the app has finished the rerun that the last input started."""
    wait_for_rerun(page, started=True)


def _open_tab(page, name: str, shows) -> None:
    """Click a tab once the page has settled; click again if a late rerun swallowed it."""
    page.get_by_role("tab", name=name).wait_for(timeout=30_000)
    _settle(page)
    for _ in range(3):
        page.get_by_role("tab", name=name).click()
        try:
            shows.wait_for(state="visible", timeout=5_000)
            return
        except Exception:
            _settle(page)
    shows.wait_for(state="visible", timeout=5_000)
