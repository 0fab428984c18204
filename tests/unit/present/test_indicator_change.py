"""Issue 28: an indicator's change reads as better or worse in words and colour; the arrow
is only the value's direction ("▼ -8.40 ดีขึ้น" read as a fall that was good)."""

from __future__ import annotations

import pytest

from ecotown.present.style import CHANGE_TEXT_COLOURS, contrast_ratio
from ecotown.present.tables import change_style, indicator_change_text


@pytest.mark.parametrize(("change", "better", "lang", "text"), [
    (-8.4, True, "th", "ดีขึ้น (▼ 8.40)"),
    (-8.4, True, "en", "better (▼ 8.40)"),
    (8.4, False, "en", "worse (▲ 8.40)"),
    (1234.5, True, "en", "better (▲ 1,234.50)"),
    (3.0, None, "en", "+3.00"),
    (0.0, True, "th", "ไม่เปลี่ยน"),
    (None, True, "en", "–"),
])
def test_the_change_leads_with_better_or_worse(change, better, lang, text):
    assert indicator_change_text(change, better, lang) == text


def test_the_colour_follows_the_verdict_not_the_arrow():
    assert CHANGE_TEXT_COLOURS[True] in change_style(True)
    assert CHANGE_TEXT_COLOURS[False] in change_style(False)
    assert change_style(None) == ""
    for colour in CHANGE_TEXT_COLOURS.values():
        assert contrast_ratio(colour, "#ffffff") >= 4.5
