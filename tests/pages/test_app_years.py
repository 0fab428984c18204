"""AppTest for the time dimension: every year of both datasets in both forms (B.E. and
C.E.), the change view, bad years, and the area and province pages."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from ecotown.analysis.filters import Filters
from ecotown.analysis.progress import progress_report
from ecotown.analysis.summary import area_table, dataset_years, summarise
from ecotown.model.geography import area_points, load_provinces
from ecotown.store import load_dataset

APP = str(Path(__file__).resolve().parents[2] / "app.py")
PROVINCES = load_provinces()
# every year of both datasets, its form alternating (B.E., C.E., B.E., …): each form on
# either page; both forms of every year are parsed alike in tests/unit/analysis/
# test_urlstate_years.py
CASES = [(name, year, ("be", "ce")[index % 2]) for name in ("demo", "public")
         for index, year in enumerate(dataset_years(load_dataset(name)))]


def run(page: str | None = None, **params: str) -> AppTest:
    app = AppTest.from_file(APP, default_timeout=60)
    for key, value in params.items():
        app.query_params[key] = value
    if page:
        app.switch_page(page)
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    return app


def metric(app: AppTest, label: str) -> str:
    return next(m.value for m in app.metric if m.label == label)


def chips(app: AppTest) -> str:
    return next(h.proto.body for h in app.html if "kpi-chips" in h.proto.body)


@pytest.mark.parametrize(("name", "year", "form"), CASES,
                         ids=[f"{n}-{y}-{f}" for n, y, f in CASES])
def test_every_year_shows_that_years_levels(name, year, form):
    dataset = load_dataset(name)
    typed = str(year + 543 if form == "be" else year)
    app = run(dataset=name, lang="en", year=typed)
    counts = summarise(dataset, area_table(dataset, PROVINCES, year), Filters(), year)
    if name == "public":  # a partial record leads with the programme's published totals
        assert metric(app, "Areas (published)") == "54"
    else:
        assert metric(app, "Areas") == f"{counts['areas']:,}"
    body = chips(app)
    for level in "12345":
        assert f'data-key="{level}"' in body
        assert f">{counts['by_level'][level]}</b>" in body.split(f'data-key="{level}"')[1][:400]
    assert any(f"FY{year} (Oct {year - 1}–Sep {year})" in c.value for c in app.caption)
    # one canonical form: the C.E. year (a link keeps its year when later data lands)
    assert app.query_params.get("year") in (str(year), [str(year)])
    if counts["joined_later"]:
        assert any(f"{counts['joined_later']} more area" in c.value for c in app.caption)


def test_the_thai_page_writes_buddhist_era_years():
    app = run(dataset="demo", year="2022")
    assert any("ข้อมูลปีงบประมาณ พ.ศ. 2565" in c.value for c in app.caption)
    slider = app.select_slider(key="w_year")
    assert slider.value == 2022 and slider.format_func(2022) == "2565"


def test_a_year_the_dataset_lacks_is_dropped_with_a_notice():
    app = run(dataset="demo", lang="en", year="2560")
    assert app.query_params.get("year") in (None, [])
    assert any("year=2560" in t.value and "no such year" in t.value for t in app.toast)
    assert metric(app, "Areas") == "54"


def test_moving_the_slider_writes_the_year():
    app = run(dataset="demo", lang="en")
    app.select_slider(key="w_year").set_value(2022).run()
    assert app.query_params.get("year") in ("2022", ["2022"])
    assert metric(app, "Areas") == "33"


def test_the_change_view_lists_the_movers_of_the_data():
    demo = load_dataset("demo")
    report = progress_report(demo, area_points(demo.areas, PROVINCES), Filters(), 2025, 2023)
    app = run(dataset="demo", lang="en", since="2566")
    assert app.query_params.get("since") in ("2023", ["2023"])
    movers = next(d.value for d in app.dataframe if "Change" in d.value.columns)
    assert movers["Change"].tolist() == [("▲" if m["change"] > 0 else "▼") + str(abs(m["change"]))
                                         for m in report["movers"]]
    assert movers["Name"].tolist() == [m["name_en"] for m in report["movers"]]
    falls = movers[movers["Change"].str.startswith("▼")]
    assert len(falls) and falls["Reason"].str.contains("level went down").all()
    legend = next(h.proto.body for h in app.html if "legend-map" in h.proto.body)
    assert "Change since 2023" in legend and 'data-key="down"' in legend
    app.selectbox(key="w_since").set_value(0).run()
    assert app.query_params.get("since") in (None, [])


def test_the_programme_over_time_and_the_path_to_2037():
    app = run(dataset="demo", lang="en")
    assert not any("Published figure" in d.value.columns for d in app.dataframe)  # off
    app.toggle(key="w_show_progress").set_value(True).run()
    tables = [d.value for d in app.dataframe]
    years = next(t for t in tables if "Fiscal year" in t.columns and "Level 1" in t.columns)
    assert years["Fiscal year"].tolist() == [f"FY{y}" for y in range(2019, 2026)]
    published = next(t for t in tables if "Published figure" in t.columns)
    assert "14" in published["Value"].tolist()
    info = " ".join(i.value for i in app.info)
    assert "Projection:" in info and "reach level 5 by 2037" in info
    assert any("Projection, not data" in c.value for c in app.caption)


@pytest.mark.parametrize("lang", ["th", "en"])
def test_area_and_province_pages_show_the_path(lang):
    area = run("pages/area.py", dataset="demo", lang=lang, area="P1-10", year="2565")
    text = " ".join(m.value for m in area.markdown)
    assert ("Path to level 5" if lang == "en" else "เส้นทางสู่ระดับที่ 5") in text
    province = run("pages/province.py", dataset="demo", lang=lang, code="21")
    captions = " ".join(c.value for c in province.caption)
    assert ("Status" if lang == "en" else "สถานะ") in captions
