"""The compare page in AppTest (issue 31): areas from the URL, problems said, no zero for
missing data, the numbers the command line prints."""

from __future__ import annotations

import pytest

from ecotown.i18n.labels import t
from tests.cli_json import cli_json
from tests.pages.apptest import developer_words, open_page


@pytest.mark.parametrize("lang", ["th", "en"])
def test_three_demo_areas_side_by_side(lang):
    app = open_page("pages/compare.py", {"dataset": "demo", "areas": "P1-05,P2-03,P3-11",
                                         "lang": lang})
    assert app.title[0].value == t("compare_title", lang)
    assert app.multiselect[0].value == ["P1-05", "P2-03", "P3-11"]
    tables = [d.value for d in app.dataframe]
    paths, differences = tables[0], tables[-1]
    assert len(paths) == 3
    report = cli_json("compare", "P1-05", "P2-03", "P3-11", "--dataset", "demo")
    assert len(differences) == len(report["differences"])
    first = report["differences"][0]
    spread = differences[t("compare_spread", lang)].tolist()
    assert spread[0] == f"{first['spread']:.1f}"
    assert len(app.get("vega_lite_chart") + app.get("arrow_vega_lite_chart")) == 2
    assert not developer_words(app)


def test_public_areas_say_they_have_no_indicator_data():
    app = open_page("pages/compare.py", {"areas": "P1-05,P1-10"})
    assert any(t("compare_none_indicators", "th") in i.value for i in app.info)
    charts = app.get("vega_lite_chart") + app.get("arrow_vega_lite_chart")
    assert len(charts) == 1  # the levels; no bars of zeros


@pytest.mark.parametrize(("areas", "said"), [("P1-05", "compare_too_few"),
                                             ("P1-05,NOPE,P2-03", "compare_unknown"),
                                             ("P1-01,P1-02,P1-03,P1-04,P1-05,P1-06,P1-07",
                                              "compare_too_many")])
def test_a_bad_list_of_areas_is_said_in_the_readers_language(areas, said):
    app = open_page("pages/compare.py", {"dataset": "demo", "areas": areas, "lang": "en"})
    warnings = " ".join(w.value for w in app.warning)
    assert t(said, "en", value="X").split("X")[0].split("'")[0] in warnings


@pytest.mark.parametrize(("lang", "depth"), [("th", "indicator"), ("en", "aspect")])
def test_the_indicators_page_shows_the_views_matrix_and_its_weakest(lang, depth):
    app = open_page("pages/indicators.py", {"dataset": "demo", "phase": "3", "lang": lang,
                                            "depth": depth})
    assert app.title[0].value == t("ind_title", lang)
    printed = cli_json("indicators", "--dataset", "demo", "--phase", "3", "--depth", depth)
    table = app.dataframe[0].value
    assert len(table) == len(printed["areas"]) == 21
    shown = " ".join(m.value for m in app.markdown).replace("\\", "")  # markdown escapes
    for weak in printed["weakest"]:
        assert f"{weak['below']}" in shown and weak[f"name_{lang}"] in shown
    assert not developer_words(app)


def test_the_indicators_page_of_the_public_record_shows_no_number():
    app = open_page("pages/indicators.py", {})
    assert any(t("ind_no_values", "th") in i.value for i in app.info)
    assert not app.dataframe


def test_the_comparison_can_be_downloaded():
    app = open_page("pages/compare.py", {"dataset": "demo", "areas": "P1-05,P2-03",
                                         "lang": "en"})
    labels = {b.proto.label for b in app.get("download_button")}
    assert {t("brief_format_png", "en"), t("brief_format_pdf", "en"),
            t("compare_format_pptx", "en"), t("brief_format_csv", "en"),
            t("brief_format_xlsx", "en")} == labels  # issue 31: the slide, PDF and deck too
