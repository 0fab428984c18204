"""Accessibility in a real browser: axe-core (WCAG 2.0/2.1 A and AA, and best practice) on
every page in both languages, main document and visible frames; the document's language;
one h1; the keyboard's way through the overview."""

from __future__ import annotations

from pathlib import Path

import axe_playwright_python
import pytest

from tests.browser.helpers import map_frame, wait_for_rerun

pytestmark = pytest.mark.browser

AXE = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
PAGES = [
    ("/", True),
    ("/?dataset=demo&region=east", True),
    ("/?dataset=demo&color=phase&province=21", True),
    ("/?present=1&dataset=demo", True),
    ("/area?area=P1-05", True),
    ("/area?area=P3-11&dataset=demo", True),
    ("/province?code=30", False),
    ("/province?code=49&dataset=demo", False),
    ("/data", False),
]


def settle(page, with_map: bool) -> None:
    """Wait until the script has run and (on map pages) the map has painted."""
    page.wait_for_selector("h1", timeout=60_000)
    page.wait_for_selector("#ecotown-skips a", state="attached", timeout=60_000)
    page.wait_for_selector("#ecotown-a11y-css", state="attached", timeout=60_000)
    wait_for_rerun(page, with_map=with_map)


def axe(frame, exclude_frames: bool) -> list[dict]:
    frame.evaluate(AXE)
    context = {"exclude": [["iframe"]]} if exclude_frames else None
    result = frame.evaluate("([c, o]) => axe.run(c || document, o)",
                            [context, {"runOnly": {"type": "tag", "values": TAGS}}])
    return [{"id": v["id"], "impact": v["impact"], "nodes": len(v["nodes"]),
             "first": v["nodes"][0]["target"], "why": v["nodes"][0]["failureSummary"][:300]}
            for v in result["violations"]]


def audit(page) -> dict[str, list[dict]]:
    """axe's violations per document: the page itself and each visible frame."""
    found = {"main": axe(page.main_frame, True)}
    for frame in page.frames[1:]:
        element = frame.frame_element()
        if not element.is_visible():
            continue
        found[f"frame {element.get_attribute('title') or frame.url[:60]}"] = axe(frame, False)
    return found


# Every page in Thai (the default, and the script whose text is longest); in English the
# pages whose structure differs (each page kind once; a filtered view and presentation mode
# add nothing English-specific). The language attribute of both is checked on each.
ENGLISH = {"/?dataset=demo&region=east", "/area?area=P3-11&dataset=demo",
           "/province?code=49&dataset=demo", "/data"}
CASES = [(path, with_map, "th") for path, with_map in PAGES] + [
    (path, with_map, "en") for path, with_map in PAGES if path in ENGLISH]


@pytest.mark.parametrize(("path", "with_map", "lang"), CASES)
def test_axe_finds_no_violation(page, path, with_map, lang):
    """No critical, serious or moderate violation; minor ones are none either today. On
    the same loaded page: the document's language is the URL's and there is one visible
    h1 (this was a second test that loaded every page again)."""
    page.goto(page.app_url + path + ("&" if "?" in path else "?") + f"lang={lang}")
    settle(page, with_map)
    page.wait_for_function(f"document.documentElement.lang === '{lang}'")
    assert page.locator("h1:visible").count() == 1, path
    found = audit(page)
    assert len(found) >= (2 if with_map else 1)  # the map's frame was audited too
    bad = {where: v for where, v in found.items() if v}
    assert not bad, bad


def _focused(page) -> str:
    return page.evaluate("""() => {
        const e = document.activeElement;
        return (e.getAttribute('data-testid') || '') + '|' + (e.getAttribute('data-skip') || '')
            + '|' + e.tagName + '|' + (e.textContent || '').trim().slice(0, 60);
    }""")


def test_keyboard_reaches_the_download_menu(page):
    """The first Tab is the skip link; it leads to the download menu in one more press;
    without it the menu is within 25 presses (the map is one stop, its shapes none; the
    year control before the map adds three: slider, play, change since)."""
    page.goto(page.app_url + "/?dataset=demo")
    frame = map_frame(page)
    settle(page, True)
    assert frame.evaluate("""() => [...document.querySelectorAll(
        '.leaflet-interactive, .leaflet-marker-icon')].filter(
        e => e.tabIndex >= 0).length""") == 0
    page.keyboard.press("Tab")
    assert "|downloads|A|" in _focused(page)
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    assert _focused(page).startswith("stPopoverButton|"), _focused(page)
    page.reload()
    settle(page, True)
    presses = 0
    while not _focused(page).startswith("stPopoverButton|") and presses < 40:
        page.keyboard.press("Tab")
        presses += 1
    assert presses <= 25, presses
    page.keyboard.press("Enter")  # the menu opens from the keyboard
    page.wait_for_selector('[data-testid="stPopoverBody"]', timeout=10_000)


def test_the_area_list_is_the_maps_equivalent(page):
    """Below the map, a sentence with the counts and a list of the shown areas' links,
    one per marker, each opening its area."""
    page.goto(page.app_url + "/?dataset=demo&region=east&lang=en")
    frame = map_frame(page)
    settle(page, True)
    markers = int(frame.evaluate(
        "document.documentElement.getAttribute('data-ecotown-markers')"))
    sentence = page.get_by_text("The map shows").first.inner_text()
    assert f"The map shows {markers} areas" in sentence
    page.get_by_text(f"Areas shown on the map ({markers})").click()
    links = page.locator('[data-testid="area-list"] a')
    assert links.count() == markers
    links.first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**/area?**", timeout=30_000)
    settle(page, True)
    assert "area=" in page.url
