"""What the browser tests' settings cost Chromium, beside the defaults, in one run.

    python -m bench.loop_bench [--rounds 3] [--loads 12]

On two cores the test suite is CPU-bound (issue 27): a CPU-second of Chromium is a
second of the suite's time. This measures, on one server of this checkout, the CPU time of
all Chromium processes for a page navigation (overview views with the map, until the page's
own signals say it is settled, ``tests/browser/helpers.wait_for_rerun``) in a tab as the
tests open it (reduced motion) beside a default tab, rounds interleaved so that the
machine's drift falls on both; and the CPU a second of waiting costs when a wait polls on
every animation frame (Playwright's default) beside a 50 ms poll (the tests' helpers).
"""

from __future__ import annotations

import argparse
import contextlib
import os
import statistics
import time

from bench.report import print_rows
from bench.server import serve, stop

VIEWS = ["phase=1", "region=east", "phase=3", "lang=en", "year=2566", "minlevel=3"]


def chromium_cpu() -> float:
    """CPU seconds (user + system) of every running Chromium process."""
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as handle:
                if b"chromium" not in handle.read():
                    continue
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except OSError:
            continue
    return total / os.sysconf("SC_CLK_TCK")


def _per_load(browser, url: str, motion: str | None, loads: int) -> float:
    from tests.browser.helpers import wait_for_rerun

    page = browser.new_page(viewport={"width": 1366, "height": 768}, reduced_motion=motion)
    page.goto(url + "/?dataset=demo")
    wait_for_rerun(page, with_map=True)
    before = chromium_cpu()
    for index in range(loads):
        page.goto(f"{url}/?dataset=demo&{VIEWS[index % len(VIEWS)]}")
        wait_for_rerun(page, with_map=True)
    spent = chromium_cpu() - before
    page.close()
    return spent / loads


def _waiting(browser, url: str, polling, seconds: float = 5.0) -> float:
    from tests.browser.helpers import wait_for_rerun

    page = browser.new_page(viewport={"width": 1366, "height": 768})
    page.goto(url + "/?dataset=demo")
    wait_for_rerun(page, with_map=True)
    before = chromium_cpu()
    with contextlib.suppress(Exception):  # the wait is meant to time out
        page.wait_for_function("false", timeout=seconds * 1000, polling=polling)
    spent = chromium_cpu() - before
    page.close()
    return spent / seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--loads", type=int, default=12)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    process, url = serve("app.py")
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"])
            reduced, default = [], []
            for _ in range(args.rounds):
                default.append(_per_load(browser, url, None, args.loads))
                reduced.append(_per_load(browser, url, "reduce", args.loads))
            frame_poll = _waiting(browser, url, "raf")
            timed_poll = _waiting(browser, url, 50)
            browser.close()
    finally:
        stop(process)

    def cpu(values):
        return (f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})")

    print(f"Chromium CPU, {args.rounds} interleaved rounds of {args.loads} navigations "
          f"({time.strftime('%Y-%m-%d %H:%M')})")
    print_rows([
        ("CPU a page navigation, median (range)", cpu(reduced), cpu(default), "lower"),
        ("CPU a second of waiting", f"{timed_poll:.3f} s", f"{frame_poll:.3f} s", "lower"),
    ], heads=("as the tests (reduced motion, 50 ms poll)", "Chromium's defaults"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
