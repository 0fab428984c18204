"""The published atlas on disk (issue 30): what ``python -m ecotown publish`` writes, that the
same data gives the same bytes, that a new release replaces the old one atomically while
readers keep reading, that nothing is written over a folder it did not make, and that the
rows the pages count are the app's (their counting is checked in a browser:
``tests/browser/test_published_browser.py``)."""

from __future__ import annotations

import gzip
import json
import re
import shutil
import threading
from pathlib import Path

import pytest

from ecotown.analysis.progress import with_change
from ecotown.analysis.summary import area_table, dataset_years
from ecotown.model.dataset import GEODATA
from ecotown.store import load_dataset
from ecotown.travel.publish import KEEP_RELEASES, MARKER, PublishError, publish_site

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def site(tmp_path_factory, demo, province_polygons):
    out = tmp_path_factory.mktemp("site") / "atlas"
    done = publish_site(demo, province_polygons, out)
    return out, done


def _payload(out: Path) -> dict:
    page = (out / "index.html").read_text(encoding="utf-8")
    data = re.search(r'data-data="([^"]+)"', page).group(1)
    return json.loads((out / data).read_text(encoding="utf-8"))


def test_the_site_is_a_release_behind_a_link_with_only_local_files(site):
    out, done = site
    assert out.is_symlink() and out.resolve() == done.folder.resolve()
    assert (out / MARKER).read_text().strip() == done.release
    for page in ("index.html", "area/index.html", "province/index.html"):
        text = (out / page).read_text(encoding="utf-8")
        assert "Content-Security-Policy" in text and "default-src 'self'" in text
        links = re.findall(r'(?:src|href|data-data|data-shapes)="([^"]+)"', text)
        assert links and all(not re.match(r"^[a-z]+:|^//|^/", link) or link == "data:,"
                             for link in links), links
        for link in links:
            if link != "data:,":
                assert (out / Path(page).parent / link).is_file(), (page, link)
    names = {p.name for p in (out / "assets").iterdir()}
    assert all(re.fullmatch(r"[a-z]+-[0-9a-f]{12}\.(js|css)(\.gz)?", n) for n in names), names
    assert done.bytes < 1_500_000  # the demo's whole atlas, Leaflet included
    assert gzip.decompress((out / "index.html.gz").read_bytes()) == \
        (out / "index.html").read_bytes()


def test_the_rows_are_the_apps_area_tables_every_year_and_change(site, demo, province_polygons):
    out, _ = site
    payload = _payload(out)
    ids = [a["id"] for a in payload["areas"]]
    years = dataset_years(demo)
    assert payload["years"] == years
    for year in years:
        table = area_table(demo, province_polygons, year).sort_values("area_id")
        rows = payload["by_year"][str(year)]
        assert [ids[r[0]] for r in rows] == list(table["area_id"])
        assert [r[1] for r in rows] == [None if v is None or v != v else int(v)
                                       for v in table["level"].astype(object)]
        assert [bool(r[2]) for r in rows] == list(table["as_of"])
        for since in (y for y in years if y < year):
            moved = with_change(table, demo, since, year)
            assert payload["change"][str(year)][str(since)] == [
                None if c != c else c for c in moved["change_class"]]
    assert payload["dataset"]["synthetic"] is True and payload["headline"] is None


def test_a_new_release_replaces_the_old_atomically_while_readers_read(
        site, demo, public, province_polygons, tmp_path):
    """A reader fetches the page and the data it names, in a loop, while three releases
    are published: every page it gets names data that is there, whole (old or new, never
    half); the link ends on the last release; the newest releases stay for readers still
    on them. The same data gives the same release, byte for byte."""
    out = tmp_path / "atlas"
    publish_site(public, province_polygons, out)
    stop, failures, reads = threading.Event(), [], [0]

    def reader():
        while not stop.is_set():
            try:
                page = (out / "index.html").read_text(encoding="utf-8")
                data = (out / re.search(r'data-data="([^"]+)"', page).group(1)).read_bytes()
                if not (data.startswith(b'{"') and data.endswith(b"}")):
                    failures.append(f"half a file: {len(data)} bytes")
                reads[0] += 1
            except (OSError, AttributeError) as exc:
                failures.append(repr(exc))

    threads = [threading.Thread(target=reader)]
    for thread in threads:
        thread.start()
    try:
        changed = tmp_path / "changed"
        shutil.copytree(GEODATA / "demo", changed)
        areas = changed / "areas.csv"
        areas.write_text(areas.read_text(encoding="utf-8").replace("Sikhio", "Sikhio (moved)"),
                         encoding="utf-8")
        releases = [publish_site(d, province_polygons, out).release
                    for d in (load_dataset(str(changed)), demo, public)]
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert failures == [] and reads[0] > 0
    assert len(set(releases)) == 3 and (out / MARKER).read_text().strip() == releases[-1]
    kept = [p.name for p in (tmp_path / "atlas.releases").iterdir()]
    assert len(kept) == KEEP_RELEASES and releases[-1] in kept and releases[-2] in kept
    # the demo again: the release the module's site has, the same bytes file by file
    _, done = site
    assert releases[1] == done.release
    again = tmp_path / "atlas.releases" / releases[1]
    own = [p.relative_to(done.folder) for p in done.folder.rglob("*") if p.is_file()]
    assert own and all((again / p).read_bytes() == (done.folder / p).read_bytes() for p in own)


def test_nothing_is_written_over_a_folder_it_did_not_make(demo, province_polygons, tmp_path):
    foreign = tmp_path / "www"
    foreign.mkdir()
    (foreign / "index.html").write_text("someone else's site")
    with pytest.raises(PublishError) as refused:
        publish_site(demo, province_polygons, foreign)
    assert str(foreign) in refused.value.message("en")
    assert "ไม่เขียนทับ" in refused.value.message("th")
    assert (foreign / "index.html").read_text() == "someone else's site"
    a_file = tmp_path / "file"
    a_file.write_text("x")
    with pytest.raises(PublishError):
        publish_site(demo, province_polygons, a_file)
    assert a_file.read_text() == "x"


def test_the_command_line_publishes_and_says_where(tmp_path, capsys):
    """``python -m ecotown publish`` (its entry point, in this process): what it wrote and
    where, or why not, in the reader's language, exit 1 and no traceback."""
    from ecotown.cli import main

    out = tmp_path / "pub"
    assert main(["publish", "--dataset", "public", "--out", str(out), "--lang", "en"]) == 0
    said = capsys.readouterr().out
    assert "published public-" in said and str(out) in said
    assert _payload(out)["headline"]["en"]["figures"][0][2] == "54"
    (tmp_path / "taken").mkdir()
    (tmp_path / "taken" / "notes.txt").write_text("mine")
    assert main(["publish", "--dataset", "demo", "--out", str(tmp_path / "taken")]) == 1
    refused = capsys.readouterr().err
    assert "ไม่เขียนทับ" in refused and "Traceback" not in refused
    assert (tmp_path / "taken" / "notes.txt").read_text() == "mine"
