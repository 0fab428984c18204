"""Screenshot comparison against committed baselines, with a stated tolerance.

A screenshot matches its baseline when at most ``MAX_CHANGED`` of its pixels differ by more
than ``CHANNEL_TOLERANCE`` in any colour channel (anti-aliasing and font hinting move a few
pixels; a changed colour, a moved legend or a missing layer moves many). Set
``ECOTOWN_UPDATE_BASELINES=1`` to write new baselines after an intended change.
"""

from __future__ import annotations

import io
import os
from pathlib import Path

import numpy as np
from PIL import Image

BASELINES = Path(__file__).resolve().parent / "baselines"
CHANNEL_TOLERANCE = 40
MAX_CHANGED = 0.02  # 2 % of the pixels (1 % failed once on an unchanged page under load)


def changed_share(image: bytes, baseline: Path) -> float:
    """Share of pixels that differ from the baseline by more than the channel tolerance."""
    now = np.asarray(Image.open(io.BytesIO(image)).convert("RGB"), dtype=np.int16)
    then = np.asarray(Image.open(baseline).convert("RGB"), dtype=np.int16)
    if now.shape != then.shape:
        return 1.0
    return float((np.abs(now - then).max(axis=2) > CHANNEL_TOLERANCE).mean())


def assert_matches_baseline(image: bytes, name: str, artifacts: Path | None = None) -> float:
    """Compare ``image`` (PNG bytes) with ``baselines/<name>.png``; return the changed share."""
    baseline = BASELINES / f"{name}.png"
    if os.environ.get("ECOTOWN_UPDATE_BASELINES") == "1" or not baseline.exists():
        if os.environ.get("CI") and not baseline.exists():
            raise AssertionError(f"no committed baseline {baseline.name}")
        BASELINES.mkdir(exist_ok=True)
        baseline.write_bytes(image)
        return 0.0
    share = changed_share(image, baseline)
    if share > MAX_CHANGED and artifacts is not None:
        artifacts.mkdir(parents=True, exist_ok=True)
        (artifacts / f"{name}.actual.png").write_bytes(image)
    assert share <= MAX_CHANGED, (
        f"{name}: {share:.2%} of pixels changed (tolerance {MAX_CHANGED:.0%} beyond "
        f"±{CHANNEL_TOLERANCE} per channel)")
    return share
