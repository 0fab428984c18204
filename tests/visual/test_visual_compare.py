"""The screenshot comparison itself: tolerant of a few pixels, not of a real change."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from tests.browser.visual import CHANNEL_TOLERANCE, MAX_CHANGED, changed_share


def _png(colour: tuple, patch: tuple | None = None, patch_px: int = 0) -> bytes:
    image = Image.new("RGB", (100, 100), colour)
    if patch:
        for index in range(patch_px):
            image.putpixel((index % 100, index // 100), patch)
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(("patch", "pixels", "passes"), [
    ((255, 255, 255), 0, True),
    ((0, 0, 0), int(100 * 100 * MAX_CHANGED), True),
    ((0, 0, 0), int(100 * 100 * MAX_CHANGED) + 50, False),
    ((255 - CHANNEL_TOLERANCE + 1, 255, 255), 5000, True),
    ((20, 140, 140), 2000, False),
])
def test_changed_share(tmp_path, patch, pixels, passes):
    baseline = tmp_path / "b.png"
    baseline.write_bytes(_png((255, 255, 255)))
    share = changed_share(_png((255, 255, 255), patch, pixels), baseline)
    assert (share <= MAX_CHANGED) is passes


def test_size_change_is_a_full_change(tmp_path):
    baseline = tmp_path / "b.png"
    Image.new("RGB", (10, 10)).save(baseline)
    assert changed_share(_png((0, 0, 0)), baseline) == 1.0
