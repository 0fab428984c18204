"""Issue 30: the published atlas (``python -m ecotown publish``) in a real browser, served as
plain files by a static web server on 127.0.0.1, every other request blocked.

- Views drawn at random (seeded: filters, years in either era, change, colour, language)
  open from their URL, and the page's figures, legend and shown areas are the command
  line's (``summary --json``) and the app's legend (:func:`ecotown.present.legend.map_legend`,
  as the app's page draws it) for the same view.
- What a person does on a fresh page: ticks a phase, types a search, picks a year, clicks a
  marker (the area's card, with its view), goes back, clicks a province (its card).
"""

from __future__ import annotations

import functools
import http.server
import random
import threading

import pytest

from ecotown.analysis.filters import apply_filters
from ecotown.analysis.urlstate import parse_view
from ecotown.cli.view import view_areas
from ecotown.model.geography import load_provinces
from ecotown.present.legend import map_legend, province_classes
from ecotown.store import load_dataset
from ecotown.travel.publish import publish_site
from tests.browser.conftest import _require_chromium, open_page
from tests.browser.helpers import audit
from tests.cli_json import summary

pytestmark = pytest.mark.browser

READ = """() => {
  const q = (s) => Array.from(document.querySelectorAll(s));
  return {
    kpis: Object.fromEntries(q('[data-kpi]').map(e => [e.dataset.kpi,
        [Number(e.dataset.value), e.querySelector('.value').textContent]])),
    levels: Object.fromEntries(q('[data-level][data-count]').map(e => [e.dataset.level,
        Number(e.dataset.count)])),
    phases: Object.fromEntries(q('[data-phase][data-count]').map(e => [e.dataset.phase,
        Number(e.dataset.count)])),
    legend: q('[data-testid=pub-legend] section').map(s => ({title: s.dataset.title,
        rows: Array.from(s.querySelectorAll('li')).map(li => [li.dataset.key,
            li.querySelector('.label').textContent, Number(li.dataset.count),
            li.dataset.provinces === undefined ? null : Number(li.dataset.provinces)])})),
    areas: q('[data-testid=pub-areas] li[data-area]').map(e => e.dataset.area),
    markers: document.getElementById('map')
        && Number(document.getElementById('map').dataset.markers),
    programme: q('[data-programme]').length,
    lang: document.documentElement.lang,
  };
}"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # the test's output stays readable
        pass


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    """The demo and the public record published side by side, served on a free port."""
    _require_chromium()
    root = tmp_path_factory.mktemp("published")
    provinces = load_provinces()
    for name in ("demo", "public"):
        publish_site(load_dataset(name), provinces, root / name)
    handler = functools.partial(_Quiet, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.fixture(scope="module")
def reader(browser, published):
    context, page = open_page(browser, published)
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.errors = errors
    yield page
    context.close()


def _rendered(page, before: str | None = None) -> None:
    """Wait for the page's own signal: it stamps ``data-rendered`` after each drawing (a
    selector, not a script: the page's policy forbids evaluating strings)."""
    if before is None:
        page.wait_for_selector("body[data-rendered], body[data-failed]", state="attached")
    else:
        page.wait_for_selector(f"body[data-rendered]:not([data-rendered='{before}'])",
                               state="attached")


def _open(page, url: str) -> dict:
    page.goto(url)
    _rendered(page)
    return page.evaluate(READ)


def _random_view(rng: random.Random, dataset, years: list[int]) -> dict[str, str]:
    params = {"dataset": dataset.name, "lang": rng.choice(["th", "en"])}
    if rng.random() < 0.4:
        params["phase"] = ",".join(sorted(rng.sample("123", rng.randint(1, 2))))
    if rng.random() < 0.25:
        params["level"] = ",".join(rng.sample(["1", "2", "3", "4", "5", "none"],
                                              rng.randint(1, 3)))
    if rng.random() < 0.25:
        params["minlevel"] = rng.choice(["2", "3", "4"])
    if rng.random() < 0.35:
        params["region"] = ",".join(rng.sample(
            ["north", "northeast", "central", "east", "west", "south"], rng.randint(1, 2)))
    if rng.random() < 0.15:
        params["province"] = ",".join(rng.sample(sorted(set(dataset.areas["province_code"])),
                                                 rng.randint(1, 2)))
    if rng.random() < 0.2:
        name = rng.choice(list(dataset.areas["name_en"]) + list(dataset.areas["name_th"]))
        start = rng.randrange(max(1, len(name) - 4))
        params["q"] = name[start:start + rng.randint(3, 6)]
    if rng.random() < 0.6 and len(years) > 1:
        year = rng.choice(years[1:])
        params["year"] = str(year + 543) if rng.random() < 0.5 else str(year)
        if rng.random() < 0.6:
            params["since"] = str(rng.choice([y for y in years if y < year]))
    if rng.random() < 0.4:
        params["color"] = rng.choice(["phase", "count"])
    return params


def _expected(dataset, provinces, params: dict[str, str]):
    view, notices = parse_view(params, [dataset.name])
    assert notices == [], notices
    areas = view_areas(dataset, provinces, view)
    shown = apply_filters(areas, view.filters)
    mode = "change" if view.since is not None else view.color
    classes = province_classes(provinces["province_code"], shown, mode)
    legend = [{"title": s.title, "rows": [[e.key, e.label, e.count, e.provinces]
                                          for e in s.entries]}
              for s in map_legend(classes, shown, mode, dataset.levels, view.lang, view.since)]
    f = view.filters
    args = ["--dataset", dataset.name]
    for flag, values in (("--phase", [str(p) for p in f.phases]), ("--level", f.levels),
                         ("--region", f.regions), ("--province", f.provinces)):
        if values:
            args += [flag, ",".join(values)]
    if f.min_level:
        args += ["--min-level", str(f.min_level)]
    if f.query:
        args += ["--q", f.query]
    if view.year is not None:
        args += ["--year", str(view.year)]
    if view.since is not None:
        args += ["--since", str(view.since)]
    return summary(*args), legend, sorted(shown["area_id"])


@pytest.mark.parametrize("name,seed,views", [("demo", 30, 8), ("public", 31, 4)])
def test_random_views_agree_with_the_command_line(reader, published, name, seed, views):
    """Each view's figures, level and phase counts, legend (titles, rows, areas and
    provinces per row), shown areas and markers are the CLI's and the app's."""
    from ecotown.analysis.summary import dataset_years

    dataset, provinces = load_dataset(name), load_provinces()
    years = dataset_years(dataset)
    rng = random.Random(seed)
    for _ in range(views):
        params = _random_view(rng, dataset, years)
        query = "&".join(f"{k}={v}" for k, v in params.items())
        got = _open(reader, f"{published}/{name}/?{query}")
        counts, legend, shown = _expected(dataset, provinces, params)
        where = f"{name}/?{query}"
        assert got["lang"] == params["lang"], where
        assert got["kpis"]["areas"][0] == counts["areas"], where
        assert got["kpis"]["provinces"][0] == counts["provinces"], where
        assert got["kpis"]["known"][1] == f"{counts['known_level_share']:.0%}", where
        assert got["levels"] == counts["by_level"], where
        assert got["phases"] == counts["by_phase"], where
        assert got["legend"] == legend, where
        assert got["areas"] == shown and got["markers"] == len(shown), where
        unfiltered = set(params) <= {"dataset", "lang", "year", "since", "color"}
        assert got["programme"] == (3 if name == "public" and unfiltered else 0), where
    # the last view, as loaded: WCAG 2.0/2.1 A and AA and best practice, nothing off-origin
    assert audit(reader) == {"main": []}
    assert reader.blocked == [] and reader.errors == []


def test_a_reader_filters_picks_a_year_and_opens_the_cards(browser, published):
    """On a fresh page a person ticks Phase 2, types a search, picks a year: the figures
    follow and the URL says the view (reloading it gives the same); a click on a marker
    opens that area's card with the view kept; back; a click on a province opens its card."""
    context, page = open_page(browser, published)
    try:
        got = _open(page, f"{published}/demo/?dataset=demo&lang=en")
        assert got["kpis"]["areas"][0] == summary("--dataset", "demo")["areas"]

        def changed(action) -> dict:
            before = page.evaluate("document.body.dataset.rendered")
            action()
            _rendered(page, before)
            return page.evaluate(READ)

        got = changed(lambda: page.get_by_label("Phase 2", exact=True).check())
        assert "phase=2" in page.url
        assert got["kpis"]["areas"][0] == summary("--dataset", "demo", "--phase", "2")["areas"]
        got = changed(lambda: page.get_by_label("Fiscal year shown").select_option("2022"))
        expected = summary("--dataset", "demo", "--phase", "2", "--year", "2022")
        assert "year=2022" in page.url and got["kpis"]["areas"][0] == expected["areas"]
        got = changed(lambda: page.get_by_label("Search an area or province").fill("nakhon"))
        expected = summary("--dataset", "demo", "--phase", "2", "--year", "2022", "--q", "nakhon")
        assert "q=nakhon" in page.url and got["kpis"]["areas"][0] == expected["areas"] > 0
        reloaded = _open(page, page.url)
        assert reloaded["kpis"] == got["kpis"] and reloaded["areas"] == got["areas"]
        page.get_by_role("link", name="ภาษาไทย").click()  # the same view, in Thai
        page.wait_for_url(lambda url: "lang=en" not in url)
        _rendered(page)
        thai = page.evaluate(READ)
        assert thai["lang"] == "th" and thai["areas"] == got["areas"]
        page.get_by_role("link", name="English").click()
        page.wait_for_url(lambda url: "lang=en" in url)
        _rendered(page)

        page.locator("path.pub-marker").first.click()
        page.wait_for_url("**/area/?*")
        _rendered(page)
        card = page.get_by_test_id("pub-area")
        assert card.get_attribute("data-area") in got["areas"]
        assert "phase=2" in page.url and "year=2022" in page.url
        page.get_by_test_id("pub-back").click()
        page.wait_for_url(lambda url: "/area/" not in url)
        _rendered(page)
        assert page.evaluate(READ)["areas"] == got["areas"]

        # a province with no area in the view: a click on it is a click on the province
        changed(lambda: page.get_by_role("button", name="Clear filters").click())
        page.locator("#map").scroll_into_view_if_needed()
        provinces = load_provinces().set_index("province_code")
        held = summary("--dataset", "demo", "--year", "2022")["by_province"]
        demo = load_dataset("demo").areas

        def room(c):  # how far the province's inner point is from the nearest marker
            point = provinces.loc[c, "geometry"].representative_point()
            return min((point.y - la) ** 2 + (point.x - lo) ** 2
                       for la, lo in zip(demo["lat"], demo["lon"], strict=True))

        code = max((c for c in provinces.index if c not in held), key=room)
        inside = provinces.loc[code, "geometry"].representative_point()
        box = page.locator("#map").bounding_box()
        x, y = page.evaluate("([lat, lon]) => { const p = window.ecotownAtlas.map"
                             ".latLngToContainerPoint([lat, lon]); return [p.x, p.y]; }",
                             [inside.y, inside.x])
        page.mouse.click(box["x"] + x, box["y"] + y)
        page.wait_for_url("**/province/?*")
        _rendered(page)
        assert page.get_by_test_id("pub-province").get_attribute("data-code") == code
        assert page.blocked == []
    finally:
        context.close()


def test_a_bad_link_says_what_it_ignored_in_the_readers_language(reader, published):
    """Unknown parameters and values, a year outside the data and an unknown area are named,
    in the page's language; the view still opens."""
    got = _open(reader, f"{published}/demo/?dataset=demo&lang=en&phase=9&year=2001&utm=x")
    notice = reader.get_by_test_id("pub-notice").inner_text()
    assert "phase=9" in notice and "year=2001" in notice and "utm=x" in notice
    assert got["kpis"]["areas"][0] == summary("--dataset", "demo")["areas"]
    _open(reader, f"{published}/demo/area/?dataset=demo&area=<b>P9</b>")
    missing = reader.get_by_test_id("pub-missing").inner_text()
    assert "<b>P9</b>" in missing and "ไม่มีพื้นที่" in missing
    assert reader.locator("b", has_text="P9").count() == 0
