"""One process beside N replicas behind nginx, in one run: people who act every 3–8 s.

    python -m bench.cluster_bench [--people 20,50,100] [--seconds 60] [--replicas 2]

Starts one Streamlit process (files, no database) and ``deploy/cluster.sh up N``, then for
each number of people runs :mod:`bench.load` in think-time mode (seeded) against each, and
prints sessions held, actions, p50/p95 and errors side by side. Everything on 127.0.0.1.
``python -m bench.run`` prints the same table after its other figures.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bench.load import run_load, warm
from bench.server import serve as _serve
from bench.server import stop as _stop

ROOT = Path(__file__).resolve().parent.parent
THINK = (3.0, 8.0)


def cluster_comparison(people: list[int], seconds: float, replicas: int = 2,
                       progress=None) -> list[tuple[int, str, dict]]:
    """``(people, "1 process" | "N replicas", figures)`` for each number of people."""
    cluster_dir = tempfile.mkdtemp(prefix="ecotown-cluster-")
    env = {**os.environ, "ECOTOWN_CLUSTER_DIR": cluster_dir,
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    script = str(ROOT / "deploy" / "cluster.sh")
    up = subprocess.run(["bash", script, "up", str(replicas)], env=env, check=True,
                        capture_output=True, text=True)
    cluster = json.loads(up.stdout.strip().splitlines()[-1])
    front = cluster["front"]
    server, single = _serve("app.py")
    rows = []
    try:
        for url in (single, *cluster["replicas"]):  # every process after its first visitors
            warm(url)
        for count in people:
            for label, url in (("1 process", single), (f"{replicas} replicas", front)):
                figures = asyncio.run(run_load(url, count, seconds, THINK))
                rows.append((count, label, figures))
                if progress is not None:
                    progress(count, label, figures)
    finally:
        _stop(server)
        subprocess.run(["bash", script, "down"], env=env, capture_output=True)
    return rows


def table_rows(rows: list[tuple[int, str, dict]]) -> list[tuple[str, str, str, str]]:
    """Rows for :func:`bench.report.print_rows`: one process beside the replicas."""
    by = {(count, label.split()[1]): figures for count, label, figures in rows}
    out = []
    for count in dict.fromkeys(count for count, _, _ in rows):
        one, many = by[(count, "process")], by[(count, "replicas")]
        out.append((f"{count} people: sessions held", str(one["sessions_held"]),
                    str(many["sessions_held"]), str(count)))
        out.append((f"{count} people: actions", str(one["reruns"]), str(many["reruns"]), ""))
        out.append((f"{count} people: p50 / p95",
                    f"{one['median_ms']} / {one['p95_ms']} ms",
                    f"{many['median_ms']} / {many['p95_ms']} ms", "p95 ≤ 1,500 ms"))
        out.append((f"{count} people: errors", str(one["errors"]), str(many["errors"]), "0"))
    return out


def _line(count: int, label: str, figures: dict) -> None:
    print(f"{count:>4} people  {label:<11} held {figures['sessions_held']:>3}  "
          f"actions {figures['reruns']:>5}  p50 {figures['median_ms']} ms  "
          f"p95 {figures['p95_ms']} ms  errors {figures['errors']}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="20,50,100")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--replicas", type=int, default=2)
    args = parser.parse_args()
    cluster_comparison([int(p) for p in args.people.split(",")], args.seconds, args.replicas,
                       _line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
