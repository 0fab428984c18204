"""AppTest for the area and province pages: an id of every kind in both datasets, bad ids,
numbers."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ecotown.model.regions import PROVINCE_REGION
from ecotown.store import load_dataset
from tests.pages.apptest import area_kinds, developer_words, province_kinds

APP = str(Path(__file__).resolve().parents[2] / "app.py")


def open_page(page: str, **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def heading(app: AppTest) -> str:
    return app.title[0].value


@pytest.mark.parametrize("dataset", ["public", "demo"])
def test_an_area_page_of_every_kind_opens(dataset):
    """The area page opens for an area of every kind in the dataset (``area_kinds``), with
    its name as heading."""
    loaded = load_dataset(dataset)
    areas = loaded.areas[loaded.areas["area_id"].isin(area_kinds(loaded))]
    assert len(areas) >= 5
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["dataset"] = dataset
    app.query_params["lang"] = "en"
    app.switch_page("pages/area.py")
    for row in areas.itertuples():
        app.query_params["area"] = row.area_id
        app.run()
        assert not app.exception, (row.area_id, [e.value for e in app.exception])
        assert not app.error, row.area_id
        assert heading(app).replace("\\", "") == row.name_en
        assert developer_words(app) == [], row.area_id  # issue 28


@pytest.mark.parametrize("dataset", ["public", "demo"])
def test_a_province_page_of_every_kind_opens(dataset):
    """The province page opens for a province of every kind (each region with none, one
    and several areas: ``province_kinds``) and counts that province's areas."""
    loaded = load_dataset(dataset)
    areas = loaded.areas
    app = AppTest.from_file(APP, default_timeout=60)
    app.query_params["dataset"] = dataset
    app.switch_page("pages/province.py")
    for code in province_kinds(loaded, PROVINCE_REGION):
        app.query_params["code"] = code
        app.run()
        assert not app.exception, (code, [e.value for e in app.exception])
        shown = next(m.value for m in app.metric if m.label == "พื้นที่")
        assert shown == str(int((areas["province_code"] == code).sum()))
        assert developer_words(app) == [], code  # issue 28


@pytest.mark.parametrize(("page", "params", "message"), [
    ("pages/area.py", {"area": "NOPE"}, "No area 'NOPE'"),
    ("pages/area.py", {"area": "<script>alert(1)</script>"}, "No area"),
    ("pages/area.py", {}, "No area"),
    ("pages/province.py", {"code": "99"}, "No province with code '99'"),
    ("pages/province.py", {"code": "x" * 500}, "No province"),
])
def test_unknown_ids_give_a_message_and_a_way_back(page, params, message):
    """Unknown or malformed ids show a clear message, never an exception."""
    app = open_page(page, lang="en", **params)
    assert any(message in e.value for e in app.error)
    assert "<script>" not in " ".join(e.value for e in app.error)


def test_public_area_without_indicators_says_so():
    """A public-record area has no indicator data: the page says so and shows no number."""
    app = open_page("pages/area.py", area="P1-01", lang="en")
    assert any("no indicator data" in i.value for i in app.info)
    assert not app.dataframe or all("Score" not in d.value.columns for d in app.dataframe)


def test_demo_area_scorecard_numbers_equal_the_files():
    """The scorecard shown for a demo area equals the values in the data files."""
    app = open_page("pages/area.py", area="P2-04", dataset="demo", lang="en")
    values = pd.read_csv(Path(APP).parent / "geodata" / "demo" / "indicator_values.csv")
    latest = values[(values["area_id"] == "P2-04")]
    latest = latest[latest["year"] == latest["year"].max()].set_index("indicator_id")["value"]
    catalogue = pd.read_csv(Path(APP).parent / "geodata" / "demo" / "indicators.csv")
    names = dict(zip(catalogue["name_en"], catalogue["indicator_id"], strict=True))
    shown = pd.concat([d.value for d in app.dataframe if "Indicator" in d.value.columns])
    assert len(shown) == 41
    for row in shown.itertuples(index=False):
        assert row[2] == pytest.approx(round(latest[names[row[0]]], 2))


def test_back_link_keeps_the_view():
    """"Back to the map" carries the dataset, language and filters the user came with."""
    app = open_page("pages/area.py", area="P1-10", dataset="demo", lang="en", phase="1",
                    region="east")
    link = next(p for p in app.get("page_link") if p.proto.label == "Back to the map")
    assert "phase=1" in link.proto.query_string and "region=east" in link.proto.query_string
    assert "dataset=demo" in link.proto.query_string and "lang=en" in link.proto.query_string


@pytest.mark.parametrize("extra", [{"utm_source": "newsletter"}, {"fbclid": "IwAR0"},
                                   {"lang": "xx"}, {"phase": "9"}, {"dataset": "gone"}])
@pytest.mark.parametrize(("page", "own", "check"), [
    ("pages/area.py", {"area": "P1-05"}, "area"), ("pages/province.py", {"code": "30"}, "code")])
def test_ignored_parameter_keeps_the_pages_own(extra, page, own, check):
    """A link from an e-mail with tracking or stale parameters still opens its area/province."""
    app = open_page(page, **own, **extra)
    assert not app.error, [e.value for e in app.error]
    assert app.query_params[check] == [own[check]] or app.query_params[check] == own[check]
    assert not set(extra) - {"lang", "phase", "dataset"} & set(app.query_params)


def test_language_switch_on_the_area_page_keeps_the_area():
    """Switching to English on an area page stays on that area."""
    app = open_page("pages/area.py", area="P1-05", dataset="demo")
    app.segmented_control(key="w_lang").set_value("en").run()
    assert not app.exception and not app.error
    assert "P1-05" in str(app.query_params.get("area"))
    assert str(app.query_params.get("lang")) in ("en", "['en']")


@pytest.mark.parametrize(("lang", "expected", "absent"), [
    ("th", "ระบุเพียงชื่อจังหวัด", "listed by province only"),
    ("en", "listed by province only", "ระบุเพียงชื่อจังหวัด"),
])
def test_area_note_is_in_the_pages_language(lang, expected, absent):
    """A public-record note reads in Thai on a Thai page and as its source wrote it in English."""
    app = open_page("pages/area.py", area="P1-01", lang=lang)
    captions = " ".join(c.value for c in app.caption)
    assert expected in captions and absent not in captions


def test_the_area_page_opens_at_the_indicator_a_matrix_cell_chose():
    """Issue 31: ``indicator=`` (what a cell of the indicators page sends) shows that
    indicator in words above the scorecard and opens its dimension; an unknown one says so."""
    app = open_page("pages/area.py", dataset="demo", lang="en", area="P3-02",
                    indicator="PHY-1-2")
    texts = [m.value.replace("\\", "") for m in app.markdown]  # Markdown escapes
    assert any("The indicator you chose: Demo indicator Physical 1.2" in s for s in texts)
    assert any("Value " in s and "rai" in s and "Higher is better" in s for s in texts)
    assert [e for e in app.expander if e.proto.expanded]
    assert not [w for w in app.warning if "No indicator" in w.value]
    app = open_page("pages/area.py", dataset="demo", lang="th", area="P3-02", indicator="NOPE")
    assert any("ไม่มีตัวชี้วัด 'NOPE'" in w.value for w in app.warning)
    assert not [e for e in app.expander if e.proto.expanded and "มิติ" in e.proto.label]
