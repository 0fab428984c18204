"""Real-browser fixtures: the app on a free port, Debian's Chromium, the network blocked.

Every request that is not to the app's own origin is aborted and recorded, so a test can
assert that the page made none.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
STEWARD_TOKEN = "browser-test-token-2026"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.2)
    raise TimeoutError(f"{url}/_stcore/health did not answer in {timeout} s")


def _require_chromium() -> None:
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail("CI must have /usr/bin/chromium (installed by .ci/run)")
        pytest.skip("Debian chromium is not installed (apt-get install chromium)")


def serve(tmp_path_factory, env: dict[str, str] | None = None):
    """Start `streamlit run app.py` on a free port; yield its URL once it is healthy."""
    port = _free_port()
    log = tmp_path_factory.mktemp("server") / "streamlit.log"
    with open(log, "w") as handle:
        process = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false"],
            cwd=ROOT, stdout=handle, stderr=subprocess.STDOUT, env={**os.environ, **(env or {})})
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, process)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory):
    """An empty writable data directory for the browser server (never the repo's data/)."""
    return tmp_path_factory.mktemp("ecotown-data")


@pytest.fixture(scope="session")
def app_url(tmp_path_factory, data_dir):
    """The app on a free port, with a steward token and a fresh data directory."""
    _require_chromium()
    yield from serve(tmp_path_factory, {"ECOTOWN_DATA_DIR": str(data_dir),
                                        "ECOTOWN_ADMIN_TOKEN": STEWARD_TOKEN})


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield instance
        instance.close()


# The tabs ask for reduced motion (a person's setting the atlas must work with): Streamlit's
# own loading animations then stop, which shows nothing a check reads and saves Chromium
# about 0.15 CPU-s a page load, 7 % (python -m bench.loop_bench, this 2-core machine).
MOTION = "reduce"


class BlockedRequests(list):
    """The URLs of requests that were blocked because they left the app's origin."""


def open_page(browser, app_url: str, width: int = 1366, height: int = 768,
              touch: bool = False, mobile: bool = False):
    """A new context and page at ``width``×``height`` whose requests outside the app's
    origin are blocked and recorded (``page.blocked``), dialogs dismissed and recorded
    (``page.dialogs``). Returns ``(context, page)``; the caller closes the context."""
    context = browser.new_context(viewport={"width": width, "height": height},
                                  has_touch=touch, is_mobile=mobile, reduced_motion=MOTION)
    blocked = BlockedRequests()

    def block(request_route):
        blocked.append(request_route.request.url)
        request_route.abort()

    # A pattern (not a Python predicate): Playwright's driver lets same-origin requests
    # through itself, so only the blocked ones wait for Python.
    context.route(re.compile(rf"^(?!{re.escape(app_url)}/|data:|blob:|about:)"), block)
    tab = context.new_page()
    dialogs: list[str] = []

    def on_dialog(dialog):
        dialogs.append(dialog.message)
        dialog.dismiss()

    tab.on("dialog", on_dialog)
    tab.dialogs = dialogs
    tab.blocked = blocked
    tab.app_url = app_url
    return context, tab


class Tabs:
    """Browser tabs kept for the whole run, one per window size (and pool): a test
    navigates the kept tab instead of opening a new one. A new tab costs about twice the
    CPU of a navigation (a new renderer process compiles the page's scripts afresh; a kept
    one reuses its code cache), and on two cores CPU is the suite's limit.

    ``get()`` hands the tab over as a fresh page would be: the window size asked for, the
    screen medium, no recorded blocked requests or dialogs, the pointer in the corner.
    Every navigation starts a new Streamlit session, so nothing of a test's view is left."""

    def __init__(self, browser, app_url: str) -> None:
        self.browser, self.app_url, self.kept = browser, app_url, {}

    def get(self, width: int = 1366, height: int = 768, pool: str = "", touch: bool = False,
            mobile: bool = False) -> object:
        key = (width, height, pool, touch, mobile)
        if key not in self.kept or self.kept[key][1].is_closed():
            self.kept[key] = open_page(self.browser, self.app_url, width, height, touch,
                                       mobile)
        tab = self.kept[key][1]
        tab.blocked.clear()
        tab.dialogs.clear()
        tab.set_viewport_size({"width": width, "height": height})
        tab.emulate_media(media="screen")
        tab.mouse.move(0, 0)
        return tab

    def close(self) -> None:
        for context, _ in self.kept.values():
            context.close()


@pytest.fixture(scope="session")
def tabs(browser, app_url):
    """The run's kept tabs (see Tabs)."""
    kept = Tabs(browser, app_url)
    yield kept
    kept.close()


@pytest.fixture
def page(tabs):
    """A page (1366×768) whose requests outside the app's origin are blocked: the kept tab,
    handed over as new (see Tabs)."""
    return tabs.get()
