"""The briefing deck rendered by LibreOffice Impress (headless), slide by slide, against
committed baselines (tolerance: ``tests/browser/visual.py``). TH Sarabun New is not on a
Linux machine: a fontconfig alias points it at Sarabun, the fallback the app ships, as a
PC without TH Sarabun New would substitute it."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from ecotown.analysis.urlstate import ViewState
from ecotown.briefing.deck_export import deck
from ecotown.briefing.fonts import FONT_DIR
from ecotown.cli.view import view_areas
from ecotown.store import load_dataset
from tests.browser.visual import assert_matches_baseline

ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <alias binding="same"><family>TH Sarabun New</family><prefer><family>Sarabun</family>
  </prefer></alias>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def _tools() -> None:
    missing = [tool for tool in ("soffice", "pdftoppm") if shutil.which(tool) is None]
    if missing:
        if os.environ.get("CI"):
            pytest.fail(f"CI must have {missing} (installed by .ci/run)")
        pytest.skip(f"{missing} not installed (apt-get install libreoffice-impress "
                    "poppler-utils)")


def render(pptx: bytes, workdir: Path) -> list[bytes]:
    """Each slide of a deck as LibreOffice draws it: PNG at 48 dpi (640 × 360)."""
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "fonts.conf").write_text(FONTS_CONF.format(fonts=FONT_DIR,
                                                           cache=workdir / "cache"))
    source = workdir / "deck.pptx"
    source.write_bytes(pptx)
    env = {**os.environ, "FONTCONFIG_FILE": str(workdir / "fonts.conf"),
           "HOME": str(workdir)}
    subprocess.run(["soffice", "--headless", "--norestore", "--convert-to", "pdf",
                    "--outdir", str(workdir), str(source)], env=env, check=True,
                   capture_output=True, timeout=240)
    subprocess.run(["pdftoppm", "-r", "48", "-png", str(workdir / "deck.pdf"),
                    str(workdir / "slide")], check=True, capture_output=True, timeout=120)
    return [p.read_bytes() for p in sorted(workdir.glob("slide-*.png"))]


@pytest.mark.parametrize(("name", "view"), [
    ("deck-demo-th", ViewState("demo", "th")),
    ("deck-public-en", ViewState("public", "en")),
])
def test_every_slide_matches_its_baseline(tmp_path, province_polygons, name, view):
    _tools()
    dataset = load_dataset(view.dataset)
    data = deck(dataset, view_areas(dataset, province_polygons, view), province_polygons,
                view, "pptx").data
    slides = render(data, tmp_path / name)
    import io

    from pptx import Presentation

    assert len(slides) == len(Presentation(io.BytesIO(data)).slides)
    for index, png in enumerate(slides, start=1):
        assert_matches_baseline(png, f"{name}-{index:02d}", ARTIFACTS)
