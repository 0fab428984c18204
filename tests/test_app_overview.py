"""AppTest for the overview page: languages, datasets, filters in the URL, bad params."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parent.parent / "app.py")


def run(**params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def test_default_is_thai_public_record():
    """With no parameters the page is in Thai and shows the public record's counts."""
    app = run()
    assert app.title[0].value == "แผนที่เมืองอุตสาหกรรมเชิงนิเวศ"
    assert metric(app, "พื้นที่") == "32"
    assert metric(app, "จังหวัด") == "29"


def test_english_demo_shows_synthetic_banner():
    """lang=en&dataset=demo: English labels, the demo's counts and the synthetic banner."""
    app = run(lang="en", dataset="demo")
    assert app.title[0].value == "Eco Town Atlas"
    assert metric(app, "Areas") == "54"
    assert any("Synthetic demo data" in w.value for w in app.warning)


def test_phase_filter_from_url():
    """phase=1 in the URL narrows the KPIs and the table."""
    app = run(lang="en", dataset="demo", phase="1")
    assert metric(app, "Areas") == "18"
    assert len(app.dataframe[0].value) == 18


def test_language_switch_writes_the_url():
    """Switching the language widget puts lang=en in the URL and relabels the page."""
    app = run()
    app.sidebar.segmented_control[0].set_value("en").run()
    assert app.query_params.get("lang") in ("en", ["en"])
    assert app.title[0].value == "Eco Town Atlas"


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
    assert app.title
    assert app.toast, "a notice names the ignored parameter"
