"""Performance figures of Eco Town Atlas beside a naive baseline, in one run.

    python -m bench.run [--quick] [--load-seconds 60] [--sessions 20]
                        [--people 20,50,100] [--cluster-seconds 60] [--replicas 2]

Prints, for the overview map: the boundary GeoJSON and whole map payload sent to the
browser, the script time of a rerun after a filter change (warm caches, median), the time
from navigation to 77 painted provinces in headless Chromium with every off-origin request
blocked (beside, in the same run, a page holding only the map, ``bench/floor_app.py``: what
Streamlit and streamlit-folium cost before the rest of the overview); the warm time of a
briefing PNG and PDF (bench/export_bench.py); and the load figures of bench/load.py
(concurrent sessions changing filters); then one process beside N replicas behind nginx
(``deploy/cluster.sh``) for 20, 50 and 100 people who act every 3–8 s: sessions held,
actions, p50/p95 and errors (``bench/cluster_bench.py``; ``--people ""`` skips it). The
naive baseline is ``bench/naive_app.py``
(folium.Choropleth over the raw Natural Earth provinces inside st_folium) and, for exports,
GeoPandas' default plot of the raw file.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import time
from pathlib import Path

from bench import export_bench
from bench.load import run_load
from bench.report import print_rows
from bench.server import serve as _serve
from bench.server import stop as _stop

ROOT = Path(__file__).resolve().parent.parent

NE_FILE = Path(os.environ.get("ECOTOWN_NE_ADMIN1",
                              ROOT.parent / "shared" / "reference" /
                              "ne_10m_admin1_thailand.geojson"))
CHROMIUM = "/usr/bin/chromium"


def _kb(n: float) -> str:
    return f"{n / 1000:,.1f} KB"


def payloads() -> dict:
    """Bytes of boundary data and of the whole map HTML, ours and naive."""
    import folium
    import pandas as pd

    from ecotown.analysis.summary import area_table
    from ecotown.model.geography import load_provinces
    from ecotown.store import load_dataset
    from ecotown.webmap.mapview import build_base_map, build_layers, province_geojson

    provinces = load_provinces()
    demo = load_dataset("demo")
    areas = area_table(demo, provinces)
    ours_geo = len(province_geojson(provinces).encode())
    # The web map fetches the polygons once as a static file; what each rerun sends is the
    # map without them.
    base = build_base_map(province_url="/app/static/vendor/provinces.json")
    build_layers(pd.DataFrame(provinces.drop(columns="geometry")), areas, "level", demo.levels,
                 "th").add_to(base)
    ours_map = len(base.get_root().render().encode())
    raw = json.loads(NE_FILE.read_text(encoding="utf-8"))
    raw["features"] = [f for f in raw["features"] if f["properties"].get("name")]
    names = [f["properties"]["name"] for f in raw["features"]]
    fmap = folium.Map(location=[13, 101], zoom_start=6)
    folium.Choropleth(raw, data=pd.DataFrame({"name": names, "v": range(len(names))}),
                      columns=["name", "v"], key_on="feature.properties.name").add_to(fmap)
    naive_html = fmap.get_root().render()
    return {"geo": (ours_geo, len(json.dumps(raw).encode())),
            "map": (ours_map, len(naive_html.encode())),
            "cdn": (0, naive_html.count("https://"))}


def rerun_times(script: str, widget_label: str, options: list, runs: int) -> list[float]:
    """Script time of reruns that change a filter (multiselect or pills), caches warm."""
    from streamlit.testing.v1 import AppTest

    app = AppTest.from_file(script, default_timeout=120)
    app.run()
    times = []
    for index in range(runs):
        box = next(m for m in [*app.multiselect, *app.button_group] if m.label == widget_label)
        box.set_value([options[index % len(options)]])
        start = time.perf_counter()
        app.run()
        times.append(time.perf_counter() - start)
        if app.exception:
            raise RuntimeError(app.exception[0].value)
    return times


# The naive baseline sends a 1.2 MB map: Streamlit's default message limit, not the atlas's
NAIVE_ENV = {"ECOTOWN_NE_FILE": str(NE_FILE), "STREAMLIT_SERVER_MAX_MESSAGE_SIZE": "200"}

_PAINTED = """() => {
  const frame = document.querySelector('iframe[title="streamlit_folium.st_folium"]');
  if (!frame || !frame.contentDocument) return 0;
  return frame.contentDocument.querySelectorAll('path.leaflet-interactive').length;
}"""


def off_origin(origin: str) -> re.Pattern:
    """Every URL outside ``origin`` (data: and blob: URLs stay in the page).

    Given to ``route`` as a pattern, Playwright's driver lets same-origin requests through
    itself; only the blocked ones reach Python, so blocking does not slow the page down.
    """
    return re.compile(rf"^(?!{re.escape(origin)}/|data:|blob:|about:)")


def first_paint(url: str, browser, timeout: float = 10.0) -> tuple[float | None, int]:
    """Seconds from navigation to 77 painted provinces (None if never), blocked requests.

    The wait happens inside Playwright (``wait_for_function``, checked on every animation
    frame), so the route handler that blocks off-origin requests answers each request at
    once. Polling from Python with ``time.sleep`` would hold every request until the next
    Playwright call and add that delay to each step of the page's loading chain.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    context = browser.new_context(viewport={"width": 1366, "height": 768})
    blocked = []

    def block(r):
        blocked.append(r.request.url)
        r.abort()

    context.route(off_origin(url), block)
    page = context.new_page()
    start = time.perf_counter()
    result = None
    try:
        page.goto(url, wait_until="commit", timeout=timeout * 1000)
        page.wait_for_function(f"() => ({_PAINTED})() >= 77", polling=50,
                               timeout=max(1.0, timeout - (time.perf_counter() - start)) * 1000)
        result = time.perf_counter() - start
    except PlaywrightTimeout:
        pass
    context.close()
    return result, len(blocked)


def _paint_summary(results: list[tuple[float | None, int]]) -> str:
    """``"2.51 s (2.10–2.95)"``: the median and range of first-paint runs."""
    times = [seconds for seconds, _ in results if seconds is not None]
    if not times:
        return "never"
    text = f"{statistics.median(times):.2f} s ({min(times):.2f}–{max(times):.2f})"
    missed = len(results) - len(times)
    return text + (f", {missed} never" if missed else "")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions, 10 s loads, 10 people (a smoke run)")
    parser.add_argument("--load-seconds", type=float, default=60)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--people", default="20,50,100",
                        help="people for 1 process vs replicas ('' to skip)")
    parser.add_argument("--cluster-seconds", type=float, default=60)
    parser.add_argument("--replicas", type=int, default=2)
    args = parser.parse_args()
    if args.quick:  # every measurement, each briefly: a smoke run of the whole bench
        args.load_seconds = min(args.load_seconds, 10)
        args.sessions = min(args.sessions, 5)
        args.cluster_seconds = min(args.cluster_seconds, 10)
        if args.people == "20,50,100":
            args.people = "10"
    runs = 5 if args.quick else 15
    paints = 3 if args.quick else 15
    rows = []
    sizes = payloads()
    rows.append(("boundary GeoJSON sent", _kb(sizes["geo"][0]), _kb(sizes["geo"][1]), "≤ 120 KB"))
    rows.append(("map HTML per rerun (+ GeoJSON once)", _kb(sizes["map"][0]),
                 _kb(sizes["map"][1]), "≤ 200 KB in all"))
    rows.append(("CDN URLs in the map", str(sizes["cdn"][0]), str(sizes["cdn"][1]), "0"))

    ours = rerun_times(str(ROOT / "app.py"), "ระยะ", [1, 2, 3], runs)
    os.environ["ECOTOWN_NE_FILE"] = str(NE_FILE)
    naive = rerun_times(str(ROOT / "bench" / "naive_app.py"), "Phase", [1, 2, 3], runs)
    rows.append((f"rerun after filter change, median of {runs}",
                 f"{statistics.median(ours) * 1000:.0f} ms",
                 f"{statistics.median(naive) * 1000:.0f} ms", "≤ 150 ms"))

    if Path(CHROMIUM).exists():
        from playwright.sync_api import sync_playwright

        ours_server, ours_url = _serve("app.py")
        # Streamlit serves static files from beside the main script: bench/static → static.
        link = ROOT / "bench" / "static"
        if not link.exists():
            link.symlink_to(ROOT / "static", target_is_directory=True)
        floor_server, floor_url = _serve("bench/floor_app.py")
        naive_server, naive_url = _serve("bench/naive_app.py", NAIVE_ENV)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"])
                first_paint(ours_url, browser)  # warm the servers' caches once
                first_paint(floor_url, browser)
                mine, floor = [], []
                for _ in range(paints):  # interleaved, so both see the same machine
                    mine.append(first_paint(ours_url, browser))
                    floor.append(first_paint(floor_url, browser))
                theirs = [first_paint(naive_url, browser) for _ in range(1)]
                browser.close()
        finally:
            for server in (ours_server, floor_server, naive_server):
                _stop(server)
        rows.append((f"first paint of 77 provinces, offline, median of {len(mine)}",
                     _paint_summary(mine),
                     f"{theirs[0][0]:.2f} s" if theirs[0][0] else "never (10 s)", "≤ 3 s"))
        rows.append(("  same run, a page with only the map (floor)", _paint_summary(floor), "",
                     "reference"))
        rows.append(("requests blocked (off-origin), all runs",
                     str(sum(m[1] for m in mine + floor)), str(theirs[0][1]), "0"))


    for fmt in ("png", "pdf"):
        mine_t, _ = export_bench.median_time(export_bench.ours(fmt), runs // 3 or 1)
        naive_t, _ = export_bench.median_time(export_bench.naive(fmt), runs // 3 or 1)
        rows.append((f"briefing {fmt.upper()}, warm median", f"{mine_t:.2f} s",
                     f"{naive_t:.2f} s", "≤ 2 s"))

    import asyncio


    load_rows = {}
    for label, script, env in (("ours", "app.py", None),
                               ("naive", "bench/naive_app.py", NAIVE_ENV)):
        server, url = _serve(script, env)
        try:
            load_rows[label] = asyncio.run(run_load(url, args.sessions, args.load_seconds))
        finally:
            _stop(server)
    mine_l, naive_l = load_rows["ours"], load_rows["naive"]
    rows.append((f"load: sessions held of {args.sessions} ({args.load_seconds:.0f} s)",
                 str(mine_l["sessions_held"]), str(naive_l["sessions_held"]), "all"))
    rows.append(("load: reruns completed", str(mine_l["reruns"]), str(naive_l["reruns"]), ""))
    rows.append(("load: errors", str(mine_l["errors"]), str(naive_l["errors"]), "0"))
    rows.append(("load: filter change → page, median", f"{mine_l['median_ms']} ms",
                 f"{naive_l['median_ms']} ms", ""))
    rows.append(("load: filter change → page, p95", f"{mine_l['p95_ms']} ms",
                 f"{naive_l['p95_ms']} ms", ""))

    print_rows(rows)
    if args.people.strip():
        from bench.cluster_bench import cluster_comparison, table_rows

        people = [int(p) for p in args.people.split(",")]
        print()
        print(f"Think-time load ({args.cluster_seconds:.0f} s each, a person acts every "
              f"3–8 s): one process (left) beside {args.replicas} replicas behind nginx "
              "(right)")
        compared = cluster_comparison(people, args.cluster_seconds, args.replicas)
        print_rows(table_rows(compared), ("1 process", f"{args.replicas} replicas"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
