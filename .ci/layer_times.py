"""Print the time of each test layer from pytest's JUnit XML (CI's summary).

    python .ci/layer_times.py REPORT.xml WALL_SECONDS

A layer is the folder under tests/ (unit, pages, browser, visual, and the top-level files).
Times are the sum of the layer's test durations (the suite runs on every core, so the
layers' sums add up to more than the wall-clock time, which is printed too).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from collections import defaultdict


def main() -> int:
    report, wall = sys.argv[1], float(sys.argv[2])
    seconds: dict[str, float] = defaultdict(float)
    counts: dict[str, int] = defaultdict(int)
    for case in ET.parse(report).getroot().iter("testcase"):
        parts = (case.get("classname") or "").split(".")
        layer = parts[1] if len(parts) > 2 and parts[0] == "tests" else "top-level"
        seconds[layer] += float(case.get("time") or 0)
        counts[layer] += 1
    print(f"{'layer':<12} {'tests':>6} {'test time':>10}")
    for layer in sorted(seconds, key=seconds.get, reverse=True):
        print(f"{layer:<12} {counts[layer]:>6} {seconds[layer]:>9.0f}s")
    print(f"{'all':<12} {sum(counts.values()):>6} {sum(seconds.values()):>9.0f}s "
          f"(wall clock {wall:.0f} s on every core)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
