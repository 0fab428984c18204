"""One process beside two replicas behind nginx, in one run: people who act every 3–8 s.

    python -m bench.cluster_bench [--people 20,50,100] [--seconds 60]

Starts one Streamlit process (files, no database) and ``deploy/cluster.sh up 2``, then for
each number of people runs :mod:`bench.load` in think-time mode (seeded) against each, and
prints sessions held, actions, p50/p95 and errors side by side. Everything on 127.0.0.1.
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

from bench.load import run_load
from bench.run import _serve

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", default="20,50,100")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--replicas", type=int, default=2)
    args = parser.parse_args()
    people = [int(p) for p in args.people.split(",")]
    cluster_dir = tempfile.mkdtemp(prefix="ecotown-cluster-")
    env = {**os.environ, "ECOTOWN_CLUSTER_DIR": cluster_dir,
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    script = str(ROOT / "deploy" / "cluster.sh")
    up = subprocess.run(["bash", script, "up", str(args.replicas)], env=env, check=True,
                        capture_output=True, text=True)
    front = json.loads(up.stdout.strip().splitlines()[-1])["front"]
    server, single = _serve("app.py")
    rows = []
    try:
        for count in people:
            for label, url in (("1 process", single), (f"{args.replicas} replicas", front)):
                figures = asyncio.run(run_load(url, count, args.seconds, (3.0, 8.0)))
                rows.append((count, label, figures))
                print(f"{count:>4} people  {label:<11} held {figures['sessions_held']:>3}  "
                      f"actions {figures['reruns']:>5}  p50 {figures['median_ms']} ms  "
                      f"p95 {figures['p95_ms']} ms  errors {figures['errors']}", flush=True)
    finally:
        server.terminate()
        subprocess.run(["bash", script, "down"], env=env, capture_output=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
