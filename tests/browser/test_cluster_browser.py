"""Two replicas behind nginx sharing PostgreSQL (deploy/cluster.sh): an import is seen
through the front and every replica, and a page survives the death of its replica (the URL
is the state; Streamlit reconnects, nginx sends it to the other one)."""

from __future__ import annotations

import gzip
import json
import os
import re
import select
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser.conftest import MOTION, ROOT, _require_chromium
from tests.browser.helpers import map_frame, wait_for_markers, wait_for_rerun
from tests.pgserver import require_postgres

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    _require_chromium()
    require_postgres()
    if shutil.which("nginx") is None and not Path("/usr/sbin/nginx").exists():
        if os.environ.get("CI"):
            pytest.fail("CI must have nginx (installed by .ci/run)")
        pytest.skip("nginx is not installed (apt-get install nginx)")
    directory = tmp_path_factory.mktemp("cluster")
    os.chmod(directory, 0o755)
    env = {**os.environ, "ECOTOWN_CLUSTER_DIR": str(directory),
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    script = str(ROOT / "deploy" / "cluster.sh")
    up = subprocess.run(["bash", script, "up", "2"], env=env, capture_output=True, text=True,
                        timeout=240)
    assert up.returncode == 0, up.stderr[-2000:]
    info = json.loads(up.stdout.strip().splitlines()[-1])
    info["dir"] = directory
    yield info
    subprocess.run(["bash", script, "down"], env=env, capture_output=True, timeout=120)


def _open(browser, url: str):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, reduced_motion=MOTION)
    blocked: list[str] = []
    context.route(re.compile(rf"^(?!{re.escape(url)}/|data:|blob:|about:)"),
                  lambda r: (blocked.append(r.request.url), r.abort()))
    page = context.new_page()
    page.blocked = blocked
    return context, page


def test_an_import_into_the_database_is_seen_through_the_front_and_every_replica(
        browser, cluster):
    env = {**os.environ, "ECOTOWN_DATABASE_URL": cluster["database_url"]}
    demo = ROOT / "geodata" / "demo"
    imported = subprocess.run([sys.executable, "-m", "ecotown", "import",
                               str(demo / "areas.csv"), str(demo / "assessments.csv"),
                               "--dataset", "official", "--yes", "--steward", "ci",
                               "--lang", "en"], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=180)
    assert imported.returncode == 0, imported.stderr
    assert cluster["database_url"].split(":")[2].split("@")[0] not in imported.stdout
    for url in (cluster["front"], *cluster["replicas"]):
        context, page = _open(browser, url)
        violations: list[str] = []
        page.on("console", lambda m, seen=violations: seen.append(m.text)
                if "Content Security Policy" in m.text else None)
        try:
            page.goto(url + "/?dataset=official&lang=en&phase=1")
            wait_for_markers(map_frame(page), 18)
            assert page.get_by_text("Levels of FY2025").count() >= 1
            if url == cluster["front"]:
                # Issue 25: the atlas's pages run under the front's policy (its headers:
                # test_the_front_sends_security_headers) with no violation in the console
                page.goto(url + "/data?lang=th")
                page.get_by_text("ข้อมูลและการนำเข้า").first.wait_for()
            assert violations == [] and page.blocked == []
        finally:
            context.close()


def _replica_of_the_session(cluster) -> str:
    """The replica that served this browser's last page request (nginx logs a websocket
    only when it closes; the page's other requests go to the same replica, by cookie)."""
    log = Path(cluster["dir"], "nginx", "access.log").read_text()
    served = re.findall(r'"GET /(?:\?[^"]*|_stcore/host-config)[^"]*" 200 upstream=([\d.:]+)',
                        log)
    assert served, log[-1000:]
    return served[-1]


def test_the_page_survives_killing_its_replica(browser, cluster):
    context, page = _open(browser, cluster["front"])
    try:
        page.goto(cluster["front"] + "/?dataset=demo&lang=en&phase=1&year=2023")
        wait_for_markers(map_frame(page), 18)
        served = _replica_of_the_session(cluster)
        index = [u.split("//")[1] for u in cluster["replicas"]].index(served) + 1
        pid = int(Path(cluster["dir"], f"replica-{index}.pid").read_text())
        log = Path(cluster["dir"], "nginx", "access.log")
        before = len(log.read_text().splitlines())
        gone = os.pidfd_open(pid)  # readable once the process has exited
        # No reload: the page reconnects by itself (nginx sends it to the live replica) and
        # the user's next click works there, on the same view (ecotown/ui/reconnect.py).
        # The page's own signal: its reconnect asks the server for its configuration again.
        with page.expect_event("requestfinished", lambda r: "/_stcore/host-config" in r.url,
                               timeout=60_000):
            os.kill(pid, signal.SIGKILL)
            assert select.select([gone], [], [], 30)[0], "the replica did not exit"
            os.close(gone)
        wait_for_rerun(page)
        alive = next(u.split("//")[1] for u in cluster["replicas"] if served not in u)
        fresh = log.read_text().splitlines()[before:]
        assert any("/_stcore/host-config" in line and line.rstrip().endswith(alive)
                   for line in fresh), f"the page did not reconnect: {fresh[-5:]}"
        assert page.get_by_text("Levels of FY2023").count() >= 1
        sidebar = page.locator('[data-testid="stSidebar"]')
        sidebar.get_by_role("button", name="Phase 2", exact=True).click(timeout=30_000)
        page.wait_for_function("() => /phase=1(%2C|,)2/.test(location.search)",
                               timeout=90_000)
        wait_for_markers(map_frame(page, timeout=60_000), 33, timeout=60_000)
        assert "year=2023" in page.url and "lang=en" in page.url
        assert page.get_by_text("Levels of FY2023").count() >= 1
        # A reload is served by the live replica, whose new session reads the view from the
        # URL.
        page.reload()
        wait_for_markers(map_frame(page, timeout=60_000), 33, timeout=60_000)
        fresh = log.read_text().splitlines()[before:]
        assert any('"GET /?dataset=demo' in line and line.rstrip().endswith(alive)
                   for line in fresh), fresh[-5:]
        assert page.get_by_text("Connection error").count() == 0
    finally:
        context.close()


def test_the_front_sends_security_headers(cluster):
    """Issue 25: CSP, framing, nosniff, referrer policy, no version, a body limit (the pages
    run under the policy with no violation: the import test above watches the console)."""
    import urllib.error
    import urllib.request

    with urllib.request.urlopen(cluster["front"] + "/", timeout=30) as answer:
        headers = answer.headers
    assert "frame-ancestors 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Frame-Options"] == "SAMEORIGIN"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["Server"] == "nginx"  # no version
    big = urllib.request.Request(cluster["front"] + "/_stcore/health", data=b"x" * 2_000_000,
                                 method="POST")
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(big, timeout=30)
    assert refused.value.code == 413


def test_nginx_serves_the_published_atlas_cached_by_version_and_a_publish_swaps_it(cluster):
    """Issue 30: /atlas/ is the published atlas, static: its pages revalidate on every
    visit, its assets and data (named by content and release) are cached for good, with the
    security headers and no route cookie. A steward's publish replaces it: the page names
    the new release at once, and the old release's data still answers its readers."""
    import urllib.request

    def get(path: str):
        with urllib.request.urlopen(cluster["atlas"] + path, timeout=30) as answer:
            return answer.headers, answer.read().decode("utf-8")

    headers, page = get("")
    assert headers["Cache-Control"] == "no-cache" and "Set-Cookie" not in headers
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    data = re.search(r'data-data="([^"]+)"', page).group(1)
    script = re.search(r'src="(assets/atlas-[0-9a-f]+\.js)"', page).group(1)
    for path, kind in ((data, "application/json"), (script, "application/javascript")):
        headers, _ = get(path)
        assert headers["Cache-Control"] == "public, max-age=31536000, immutable", path
        assert headers["Content-Type"].startswith(kind), path
    assert json.loads(get(data)[1])["dataset"]["name"] == "public"
    asked = urllib.request.Request(cluster["atlas"] + data, headers={"Accept-Encoding": "gzip"})
    with urllib.request.urlopen(asked, timeout=30) as answer:  # the publisher's .gz, as is
        assert answer.headers["Content-Encoding"] == "gzip"
        assert json.loads(gzip.decompress(answer.read()))["dataset"]["name"] == "public"
    env = {**os.environ, "ECOTOWN_DATABASE_URL": cluster["database_url"]}
    published = subprocess.run([sys.executable, "-m", "ecotown", "publish", "--dataset", "demo",
                                "--out", str(Path(cluster["dir"], "atlas")), "--lang", "en"],
                               cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert published.returncode == 0, published.stderr
    _, page = get("")
    fresh = re.search(r'data-data="([^"]+)"', page).group(1)
    assert fresh != data and json.loads(get(fresh)[1])["dataset"]["name"] == "demo"
    assert json.loads(get(data)[1])["dataset"]["name"] == "public"  # old readers finish

