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


@pytest.mark.parametrize("lang", ["th", "en"])
def test_an_area_page_of_the_public_record_names_no_file_or_readme(lang):
    """Issue 28: executive pages carry no developer text (README, file or column names)."""
    app = open_page("pages/area.py", {"area": "P1-05", "lang": lang})
    shown = " ".join(str(e.value) for e in [*app.markdown, *app.caption, *app.info,
                                            *app.warning])
    for word in ("README", "indicator_values", ".csv", "scripts/"):
        assert word not in shown


def test_who_fell_comes_first_with_its_full_reason():
    """Issue 28: in the change view the falls have their own list above the movers grid,
    each with its whole reason."""
    from ecotown.analysis.filters import Filters
    from ecotown.analysis.progress import progress_report
    from ecotown.model.geography import area_points, load_provinces
    from ecotown.store import load_dataset

    dataset = load_dataset("demo")
    points = area_points(dataset.areas, load_provinces()).drop(columns="geometry")
    report = progress_report(dataset, points, Filters(), None, 2022)
    falls = [m for m in report["movers"] if m["change"] < 0]
    assert falls  # the demo has a fall since FY2022
    app = open_page("app.py", {"dataset": "demo", "since": "2022", "lang": "en"})
    from ecotown.present.safe_html import md_escape

    block = next(m.value for m in app.markdown if m.value.startswith("**Areas that went down"))
    for fall in falls:
        assert md_escape(fall["name_en"]) in block and md_escape(fall["reason"]) in block
