"""Issue 28: the overview's first screen answers "are we on course for 2037" without a
toggle: the verdict strip is in the page on its first run, in the reader's language."""

from __future__ import annotations

import pytest

from tests.pages.apptest import open_page


def _verdict(app) -> str:
    found = [h.proto.body for h in app.get("html") if 'data-testid="verdict-2037"' in
             h.proto.body]
    assert len(found) == 1
    return found[0]


@pytest.mark.parametrize(("params", "words", "verdict"), [
    ({"dataset": "demo", "lang": "en"}, "Not on course for 2037:", "not_on_course"),
    ({"dataset": "demo", "lang": "th", "year": "2565"}, "ไม่ตามเป้า พ.ศ. 2580:", "not_on_course"),
    ({"lang": "en"}, "Not known whether the programme is on course for 2037", "not_known"),
    ({"lang": "th"}, "ยังบอกไม่ได้ว่าตามเป้า พ.ศ. 2580", "not_known"),
])
def test_the_2037_verdict_is_on_the_first_screen(params, words, verdict):
    app = open_page("app.py", params)
    strip = _verdict(app)
    assert words in strip and f'data-verdict="{verdict}"' in strip
    assert not [t for t in app.toggle if t.value]  # no toggle was needed


@pytest.mark.parametrize("lang", ["th", "en"])
def test_the_public_record_headlines_the_programmes_published_totals(lang):
    """54 areas, 39 provinces, 4 at level 4 and 14 at level 3, with their year and sources
    as titled links, beside what the record itself names (32 areas, 2 levels)."""
    app = open_page("app.py", {"lang": lang})
    metrics = {m.label: m.value for m in app.metric}
    assert list(metrics.values())[:3] == ["54", "39", "4 · 14"]
    line = next(h.proto.body for h in app.get("html")
                if 'data-testid="published-headline"' in h.proto.body)
    assert ("FY2023" if lang == "en" else "2566") in line
    assert ">The Bangkok Insight</a>" in line and "32" in line and "36" in line
    assert "https://" not in line.split(">")[-2]  # the URL is behind the title, not shown


def test_a_synthetic_or_filtered_view_counts_its_own_areas():
    assert [m.value for m in open_page("app.py", {"dataset": "demo"}).metric][:2] == \
        ["54", "39"]
    filtered = open_page("app.py", {"phase": "1", "lang": "en"})
    assert filtered.metric[0].label == "Areas"


@pytest.mark.parametrize(("lang", "words"), [("en", "exclude each other"), ("th", "ขัดกัน")])
def test_contradicting_filters_say_so(lang, words):
    app = open_page("app.py", {"dataset": "demo", "minlevel": "4", "level": "2", "lang": lang})
    shown = " ".join(w.value for w in app.warning)
    assert words in shown and "4" in shown
    assert not [w for w in open_page("app.py", {"dataset": "demo", "minlevel": "2",
                                                 "level": "3"}).warning
                if "ขัดกัน" in w.value]
