"""Exports in a real browser: each download from the popover is the right, valid file."""

from __future__ import annotations

import io

import pytest
from openpyxl import load_workbook
from PIL import Image

from tests.browser.helpers import map_frame
from tests.pdftext import pdf_text

pytestmark = pytest.mark.browser


EXPORTS = [("Picture, PNG (16:9 slide)", ".png"), ("PDF (A4 landscape)", ".pdf"),
           ("Table, CSV", ".csv"), ("Table, Excel (XLSX)", ".xlsx")]


def _download(page, label: str, timeout: float = 60_000):
    """Click ``label`` in the download menu (opening the menu if it is closed)."""
    button = page.get_by_role("button", name=label)
    if not button.is_visible():
        page.get_by_role("button", name="Download briefing").click()
    with page.expect_download(timeout=timeout) as info:
        button.click()
    return info.value


def test_download_each_export(page, tmp_path):
    """The popover's downloads for ?dataset=demo&phase=3 are the filtered view's files,
    every format from one loaded page as a person takes them one after another: the menu
    stays open for the next format (it is opened once)."""
    page.goto(page.app_url + "/?dataset=demo&lang=en&phase=3")
    map_frame(page)
    page.get_by_role("button", name="Download briefing").click()
    for label, suffix in EXPORTS:
        button = page.get_by_role("button", name=label)
        button.wait_for(timeout=10_000)  # still open after the previous download
        with page.expect_download(timeout=60_000) as info:
            button.click()
        _check_export(page, info.value, suffix, tmp_path)
    assert page.blocked == []


def _check_export(page, download, suffix: str, tmp_path) -> None:
    assert download.suggested_filename == f"ecotown-demo-phase3-en{suffix}"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    data = path.read_bytes()
    if suffix == ".png":
        assert Image.open(io.BytesIO(data)).size == (1920, 1080)
    elif suffix == ".pdf":
        text = pdf_text(data, page=1)
        assert "Eco Town Atlas" in text and "Phase 3" in text
    elif suffix == ".csv":
        assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig").count("\n") == 22
    else:
        sheet = load_workbook(io.BytesIO(data)).worksheets[0]
        assert sheet.max_row == 22


def test_the_deck_download_is_the_command_lines_deck(page, tmp_path):
    """The deck from the button, for a view with a year and a change, is byte for byte the
    PowerPoint ``python -m ecotown deck`` writes for the same options; the PDF button (same
    loaded page) gives that deck's pages, one per slide, of the same view (its bytes against
    the command line's: tests/unit/briefing/test_deck.py)."""
    from pptx import Presentation

    page.goto(page.app_url + "/?dataset=demo&lang=en&phase=1&year=2566&since=2565")
    map_frame(page)
    slides = _same_as_cli(_download(page, "Briefing deck (PowerPoint)", 90_000), "pptx",
                          tmp_path)
    pdf = _download(page, "Briefing deck (PDF)", 90_000)
    assert pdf.suggested_filename == "ecotown-demo-phase1-fy2023-since2022-en-deck.pdf"
    path = tmp_path / pdf.suggested_filename
    pdf.save_as(path)
    text = pdf_text(path.read_bytes(), page=1)
    assert "Phase 1" in text and "FY2023" in text
    assert pdf_text(path.read_bytes()).count("\f") == len(Presentation(slides).slides)
    assert page.blocked == []


def _same_as_cli(download, fmt: str, tmp_path):
    import contextlib
    import io

    from ecotown.cli import main

    assert download.suggested_filename == f"ecotown-demo-phase1-fy2023-since2022-en-deck.{fmt}"
    path = tmp_path / download.suggested_filename
    download.save_as(path)
    cli = tmp_path / f"cli.{fmt}"
    # the command line's own entry point, in this process (tests/unit/cli runs the real
    # ``python -m ecotown deck`` and checks it writes these bytes)
    with contextlib.redirect_stdout(io.StringIO()):
        assert main(["deck", "--dataset", "demo", "--lang", "en", "--phase", "1", "--year",
                     "2566", "--since", "2022", "--format", fmt, "--out", str(cli)]) == 0
    assert path.read_bytes() == cli.read_bytes()
    return path
