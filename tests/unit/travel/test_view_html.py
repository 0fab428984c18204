"""One offline HTML file of a view (issue 30): the same numbers as ``summary``, nothing
fetched from anywhere, escaped data, the same bytes twice, small enough to mail."""

from __future__ import annotations

import dataclasses
import html
import re

import pytest

from ecotown.analysis.summary import dataset_years
from ecotown.analysis.urlstate import fit_years, parse_view
from ecotown.cli.view import view_areas
from ecotown.travel.view_html import MAX_BYTES, view_html, view_html_filename
from tests.cli_json import summary

VIEWS = [
    {"dataset": "demo"},
    {"dataset": "demo", "lang": "en", "phase": "3"},
    {},
    {"lang": "en"},
    {"dataset": "demo", "region": "east", "minlevel": "3"},
    {"dataset": "demo", "lang": "en", "year": "2566", "since": "2565"},
    {"dataset": "demo", "q": "ระยอง", "color": "phase"},
    {"dataset": "demo", "level": "5", "minlevel": "2"},
]


def _view(query: dict, dataset):
    view, notices = parse_view(query, ["public", "demo"])
    assert not notices, notices
    view, _ = fit_years(view, dataset_years(dataset))
    return view


_MADE: dict = {}


def _export(query: dict, public, demo, province_polygons, fresh: bool = False):
    """The view's file, made once per query in this module (``fresh``: made again)."""
    key = tuple(sorted(query.items()))
    if fresh or key not in _MADE:
        dataset = demo if query.get("dataset") == "demo" else public
        view = _view(query, dataset)
        _MADE[key] = view, dataset, view_html(
            dataset, view_areas(dataset, province_polygons, view), province_polygons, view)
    return _MADE[key]


def _cli_args(query: dict) -> list[str]:
    flags = {"minlevel": "--min-level"}
    args = []
    for key, value in query.items():
        if key == "color":
            continue
        args += [flags.get(key, f"--{key}"), value]
    return args


def _map_document(page: str) -> str:
    found = re.search(r'srcdoc="([^"]*)"', page)
    assert found, "the map's document is inside the file"
    return html.unescape(found.group(1))


def _markers(map_doc: str) -> list[str]:
    """The area ids of the markers drawn (the GeoJSON the map script is given)."""
    return re.findall(r'"area_id":\s*"([^"]+)"', map_doc)


@pytest.mark.parametrize("query", VIEWS, ids=lambda q: "&".join(f"{k}={v}" for k, v in
                                                              q.items()) or "public")
def test_the_file_shows_the_numbers_summary_counts(query, public, demo, province_polygons):
    view, dataset, export = _export(query, public, demo, province_polygons)
    page = export.data.decode("utf-8")
    counts = summary(*_cli_args(query))
    kpis = dict(re.findall(r'data-kpi="(\w+)"><div class="label">[^<]*</div>'
                           r'<div class="value">([^<]*)</div>', page))
    assert kpis["areas"] == f"{counts['areas']:,}"
    assert kpis["provinces"] == f"{counts['provinces']:,}"
    assert kpis["known"] == f"{counts['known_level_share']:.0%}"
    cards = re.findall(r'<details id="area-([^"]+)"', page)
    markers = _markers(_map_document(page))
    assert len(cards) == len(markers) == counts["areas"]
    assert sorted(cards) == sorted(markers)
    for level, n in counts["by_level"].items():  # the level chips
        if n:
            assert re.search(rf'data-key="{re.escape(str(level))}"[^>]*>[^<]*: <b>{n}</b>',
                             page) or str(level) == "none", level
    year = counts["year"]
    assert str(year + 543 if view.lang == "th" else year) in page
    assert export.filename == view_html_filename(dataset, view)
    assert export.filename.endswith(".html") and export.mime == "text/html"


def test_the_same_view_gives_the_same_bytes(public, demo, province_polygons):
    one = _export({"dataset": "demo", "region": "east"}, public, demo, province_polygons)[2]
    two = _export({"dataset": "demo", "region": "east"}, public, demo, province_polygons,
                  fresh=True)[2]
    assert one.data == two.data
    other = _export({"dataset": "demo", "region": "north"}, public, demo, province_polygons)[2]
    assert other.data != one.data


@pytest.mark.parametrize("query", [{"dataset": "demo"}, {"dataset": "demo", "lang": "en"},
                                   {}])
def test_the_whole_programme_fits_in_an_email(query, public, demo, province_polygons):
    data = _export(query, public, demo, province_polygons)[2].data
    assert len(data) <= MAX_BYTES, len(data)


def test_nothing_in_the_file_can_ask_a_server_for_anything(public, demo, province_polygons):
    """No script, style, frame, image or font from a URL; a policy that forbids every
    request; Leaflet and the provinces inline. Links to sources are links (a click), and
    open in a new tab."""
    page = _export({"dataset": "demo"}, public, demo, province_polygons)[2].data.decode()
    map_doc = _map_document(page)
    outer = re.sub(r'srcdoc="[^"]*"', 'srcdoc=""', page)
    for document in (outer, map_doc):
        assert not re.search(r"<(script|img|iframe|link|embed|object|source)\b[^>]*\s(src|href)=",
                             document, re.I)
        assert not re.search(r"url\(\s*['\"]?(https?:)?//", document, re.I)
        assert "@import" not in document
    assert "default-src 'none'" in html.unescape(outer)
    assert "L.map(" in map_doc and "Leaflet" in map_doc  # the library itself, inline
    assert map_doc.count('"province_code"') >= 77
    for href in re.findall(r'<a href="([^"]+)"', page):
        assert href.startswith(("https://", "http://")), href


def test_data_strings_are_text_in_the_page_and_the_map(public, demo, province_polygons):
    payload = '<img src=x onerror=alert(1)>"\'</script>{{7*7}}'
    areas = demo.areas.copy()
    areas.loc[0, "name_th"] = payload
    areas.loc[0, "name_en"] = payload
    hostile = dataclasses.replace(demo, areas=areas)
    view = _view({"dataset": "demo"}, hostile)
    page = view_html(hostile, view_areas(hostile, province_polygons, view),
                     province_polygons, view).data.decode()
    assert payload not in page and "<img src=x" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    map_doc = _map_document(page)
    assert "<img src=x" not in map_doc and "</script>{{" not in map_doc


def test_an_area_card_has_its_level_history_and_sources(public, demo, province_polygons):
    page = _export({"dataset": "demo", "lang": "en"}, public, demo,
                   province_polygons)[2].data.decode()
    card = re.search(r'<details id="area-P1-05".*?</details>', page, re.S).group(0)
    years = demo.assessments.loc[demo.assessments["area_id"] == "P1-05", "year"]
    assert card.count("<tr><td>") == len(years)
    for year in years:
        assert f"<td>{year}</td>" in card
    assert "synthetic demo data" in card  # the demo's source, in words
    assert "scripts/" not in card


def test_a_public_area_without_assessments_says_so(public, province_polygons):
    known = set(public.assessments["area_id"])
    missing = [a for a in public.areas["area_id"] if a not in known]
    assert missing, "the public record has areas without a stated level"
    page = _export({}, public, None, province_polygons)[2].data.decode()
    card = re.search(rf'<details id="area-{re.escape(missing[0])}".*?</details>', page,
                     re.S).group(0)
    assert "ไม่มีผลการประเมินระดับ" in card
    assert "<tr><td>" not in card


def test_the_command_line_writes_the_same_bytes(tmp_path, public, demo, province_polygons):
    from ecotown.cli import main

    out = tmp_path / "view.html"
    assert main(["view-html", "--dataset", "demo", "--lang", "en", "--phase", "1",
                 "--out", str(out)]) == 0
    export = _export({"dataset": "demo", "lang": "en", "phase": "1"}, public, demo,
                     province_polygons)[2]
    assert out.read_bytes() == export.data


def test_the_public_record_leads_with_the_programmes_published_totals(public, demo,
                                                                     province_polygons):
    """As on the app's first screen: the record names 32 of the programme's areas, so the
    published totals come first, and the record's own counts are labelled as its own."""
    from ecotown.analysis.figures import published_headline

    page = _export({}, public, demo, province_polygons)[2].data.decode()
    headline = published_headline(public.programme_figures, len(public.areas),
                                  len(public.assessments))
    programme = dict(re.findall(r'data-programme="(\w+)"><div class="label">[^<]*</div>'
                                r'<div class="value">([^<]*)</div>', page))
    assert programme["areas"] == f"{headline['areas']:,}" != f"{len(public.areas):,}"
    assert programme["provinces"] == f"{headline['provinces']:,}"
    assert page.index('data-programme="areas"') < page.index('data-kpi="areas"')
    assert "ในบันทึกสาธารณะนี้" in page
    demo_page = _export({"dataset": "demo"}, public, demo, province_polygons)[2].data.decode()
    assert "data-programme" not in demo_page  # the demo is complete: its counts are its own
