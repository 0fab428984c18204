"""AppTest for the overview page: languages, datasets, filters in the URL, bad params."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def run(**params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def title(app: AppTest) -> str:
    return app.title[0].value


def test_default_is_thai_public_record():
    """With no parameters the page is in Thai and headlines the programme's published
    totals (issue 28: never the record's partial count alone); the record's own counts
    are on the same screen (chips, the line under the figures)."""
    app = run()
    assert title(app) == "แผนที่เมืองอุตสาหกรรมเชิงนิเวศ"
    assert metric(app, "พื้นที่ (เผยแพร่)") == "54"
    assert metric(app, "จังหวัด (เผยแพร่)") == "39"
    filtered = run(phase="1")
    assert metric(filtered, "พื้นที่") == "18"


def test_english_demo_shows_synthetic_banner():
    """lang=en&dataset=demo: English labels, the demo's counts and the synthetic banner."""
    app = run(lang="en", dataset="demo")
    assert title(app) == "Eco Town Atlas"
    assert metric(app, "Areas") == "54"
    assert any("Synthetic demo data" in w.value for w in app.warning)


def test_phase_filter_from_url():
    """phase=1 in the URL narrows the KPIs and the table."""
    app = run(lang="en", dataset="demo", phase="1")
    assert metric(app, "Areas") == "18"
    app.toggle(key="w_show_table").set_value(True).run()
    assert len(app.dataframe[-1].value) == 18  # the area table is the page's last table


@pytest.mark.parametrize(("widget", "value", "param", "expected", "areas"), [
    ("phase", [1, 3], "phase", "1,3", "39"),
    ("level", ["3", "4"], "level", "3,4", "18"),
    ("region", ["east"], "region", "east", None),
    ("province", ["21"], "province", "21", "2"),
])
def test_filter_widget_writes_url_and_narrows_kpis(widget, value, param, expected, areas):
    """Each sidebar filter writes its parameter to the URL and narrows the KPIs (in fiscal
    year 2023, the year of the published shape: 4 at level 4, 14 at level 3)."""
    app = run(lang="en", dataset="demo", year="2023")
    labels = {"phase": "Phase", "level": "Level", "region": "Region", "province": "Province"}
    boxes = [*app.sidebar.multiselect, *app.sidebar.button_group]
    box = next(m for m in boxes if m.label == labels[widget])
    box.set_value(value).run()
    assert not app.exception
    assert app.query_params.get(param) in (expected, [expected])
    if areas is not None:
        assert metric(app, "Areas") == areas
    reopened = run(**{k: (v[0] if isinstance(v, list) else v)
                      for k, v in app.query_params.items()})
    assert metric(reopened, "Areas") == metric(app, "Areas")


def test_search_box_writes_q():
    """Typing in the search box filters by name and puts q= in the URL."""
    app = run(lang="en")
    app.sidebar.text_input[0].input("Sikhio").run()
    assert app.query_params.get("q") in ("Sikhio", ["Sikhio"])
    assert metric(app, "Areas") == "1"


def test_colour_mode_from_url_and_widget():
    """color=phase selects the phase legend; the radio writes color back to the URL."""
    app = run(lang="en", dataset="demo", color="phase")
    assert app.sidebar.radio[0].value == "phase"
    legend = next(h.proto.body for h in app.html if "legend-map" in h.proto.body)
    assert 'data-key="phase1"' in legend and "Phase 1" in legend
    assert "Phase: province (first) and marker ring" in legend
    app.sidebar.radio[0].set_value("count").run()
    assert app.query_params.get("color") in ("count", ["count"])


@pytest.mark.parametrize("color", ["level", "phase", "count"])
@pytest.mark.parametrize("params", [{}, {"region": "east"}, {"phase": "2", "level": "3"}])
def test_legend_counts_match_summary(color, params):
    """Legend rows count the provinces of each class (77 in all) and the shown areas by
    level and by phase (each adding up to the Areas KPI), in at most 11 rows."""
    import re

    app = run(lang="en", dataset="demo", color=color, **params)
    body = next(h.proto.body for h in app.html if "legend-map" in h.proto.body)
    assert sum(int(n) for n in re.findall(r'data-provinces="(\d+)"', body)) == 77
    areas = int(metric(app, "Areas"))
    level_rows = re.findall(r'data-key="(?:[1-5]|none)" data-areas="(\d+)"', body)
    phase_rows = re.findall(r'data-key="phase[123]" data-areas="(\d+)"', body)
    assert sum(map(int, level_rows)) == areas and sum(map(int, phase_rows)) == areas
    assert len(re.findall(r"data-key=", body)) <= 14  # rows, the ring's three on one line
    carried = int(re.findall(r'data-key="as_of" data-areas="(\d+)"', body)[0]) \
        if 'data-key="as_of"' in body else 0  # levels as of an earlier year: one more row
    assert len(re.findall(r"<div data-key=", body)) + 1 <= 11 + bool(carried)


@pytest.mark.parametrize("lang,announced,jobs,date", [
    ("en", "54 areas", "more than 300 million baht", "30\u00a0May\u00a02023"),
    ("th", "54 พื้นที่", "มากกว่า 300 ล้าน บาท", "30\u00a0พ.ค.\u00a02566"),
])
def test_public_record_shows_headline_figures_with_sources(lang, announced, jobs, date):
    """The public record lists the programme's headline figures in full (never cut), with
    the date in the reader's calendar and the source; the target year in B.E. in Thai."""
    app = run(lang=lang)
    body = next(h.proto.body for h in app.html if 'data-testid="headline-figures"' in
                h.proto.body)
    assert announced in body and jobs in body and date in body
    assert "thebangkokinsight" in body
    assert ("พ.ศ. 2580" in body) if lang == "th" else ("2037" in body)


def test_demo_has_no_official_figures():
    """The demo dataset shows no official headline figures."""
    app = run(lang="en", dataset="demo")
    assert "Areas announced, all phases" not in {m.label for m in app.metric}


def test_language_switch_writes_the_url():
    """Switching the language widget puts lang=en in the URL and relabels the page."""
    app = run()
    app.sidebar.segmented_control[0].set_value("en").run()
    assert app.query_params.get("lang") in ("en", ["en"])
    assert title(app) == "Eco Town Atlas"


def test_dataset_switch_writes_the_url():
    """Choosing the demo dataset in the sidebar puts dataset=demo in the URL."""
    app = run(lang="en")
    app.sidebar.selectbox[0].set_value("demo").run()
    assert app.query_params.get("dataset") in ("demo", ["demo"])
    assert metric(app, "Areas") == "54"


@pytest.mark.parametrize("params", [
    {"lang": "xx"}, {"dataset": "../../etc/passwd"}, {"phase": "abc"}, {"level": "99"},
    {"province": "<script>alert(1)</script>"}, {"q": "x" * 1000}, {"bogus": "1"},
])
def test_bad_params_never_raise(params):
    """Malformed parameters give the normal page and a notice, never an exception."""
    app = run(**params)
    assert title(app)
    assert app.toast, "a notice names the ignored parameter"


@pytest.mark.parametrize("page,params", [("pages/area.py", {"area": "P1-02"}),
                                         ("pages/province.py", {"code": "21"})])
def test_drilldown_presentation_is_a_slide(page, params):
    """present=1 on an area or province page: slide head with badge, no back link or
    downloads, and the way out keeps the page's own parameter."""
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in {"lang": "en", "dataset": "demo", "present": "1", **params}.items():
        app.query_params[key] = value
    app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    head = next(h.proto.body for h in app.html if 'data-testid="slide-head"' in h.proto.body)
    assert "Synthetic demo data" in head
    assert not any(p.proto.label == "Back to the map" for p in app.get("page_link"))
    key, value = next(iter(params.items()))
    assert f"{key}={value}" in head and "present=" not in head


def test_presentation_mode_hides_controls():
    """present=1 keeps the KPIs and map, drops the table toggle and offers a way out."""
    app = run(lang="en", dataset="demo", present="1")
    figures = next(h.proto.body for h in app.html if 'data-testid="slide-figures"' in
                   h.proto.body)  # the KPIs on one line, so the slide's column fits
    assert ">54</b>" in figures and "Areas" in figures
    assert not app.toggle
    exit_link = next(h.proto.body for h in app.html if 'data-testid="exit-presentation"' in
                     h.proto.body)
    assert "Leave presentation mode" in exit_link and "present=" not in exit_link
    assert 'href="?dataset=demo&amp;lang=en"' in exit_link
    assert any("stSidebar" in h.proto.body and "display: none" in h.proto.body for h in app.html)


def test_min_level_widget_writes_the_url_and_filters():
    """'Level 2 or above' is one click: it writes minlevel=2 and counts match the CLI."""
    import json
    import subprocess
    import sys

    app = run(lang="en", dataset="demo")
    app.sidebar.segmented_control[1].set_value(2).run()
    assert app.query_params.get("minlevel") in ("2", ["2"])
    out = subprocess.run([sys.executable, "-m", "ecotown", "summary", "--dataset", "demo",
                          "--min-level", "2", "--json"], capture_output=True, text=True,
                         check=True, cwd=Path(APP).parent)
    assert metric(app, "Areas") == f"{json.loads(out.stdout)['areas']:,}"
    reopened = run(lang="en", dataset="demo", minlevel="2")
    assert reopened.sidebar.segmented_control[1].value == 2
    assert metric(reopened, "Areas") == metric(app, "Areas")
