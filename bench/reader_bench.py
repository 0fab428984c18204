"""Readers of the published atlas beside people on the Streamlit replicas, in one run.

    python -m bench.reader_bench [--readers 1000] [--people 200] [--seconds 60]

Starts ``deploy/cluster.sh up 2`` (PostgreSQL, 2 replicas, nginx; it publishes the public
record at ``/atlas/``), then at the same time:

- ``--people`` people on the replicas through nginx who act every 3–8 s
  (:func:`bench.load.run_load`, think-time mode, seeded);
- ``--readers`` readers of the published atlas, all at once: each opens a view of the atlas
  (its page, Leaflet, the script, the style, the data and the provinces: what a browser
  fetches the first time, gzip accepted), changes filters (in the browser: no request), then
  opens an area's card, whose files its browser revalidates (``If-None-Match``: 304s).

It prints side by side, for the readers (nginx, static files) and the people (Streamlit):
clients, served, p50/p95 of a first view and of an action, errors, and the server's CPU
per client (nginx's master and workers; the replicas'). Loopback only, bounded (at most
5,000 readers and 600 s); the load generator shares the machine's cores with the servers.
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import json
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.load import cpu_seconds, run_load, warm
from bench.report import print_rows

ROOT = Path(__file__).resolve().parent.parent
THINK = (3.0, 8.0)
MAX_READERS = 5_000
MAX_SECONDS = 600
VIEWS = ["", "?lang=en", "?phase=1", "?region=east&lang=en", "?minlevel=3", "?year=2565",
         "?year=2566&since=2564", "?q=%E0%B8%A3%E0%B8%B0%E0%B8%A2%E0%B8%AD%E0%B8%87"]
AREAS = ["P1-01", "P1-05", "P2-03", "P3-11"]


async def _get(reader, writer, host: str, path: str, etag: str | None = None
               ) -> tuple[int, dict, bytes]:
    """One HTTP/1.1 GET on a kept-alive connection: (status, headers, body)."""
    extra = f"If-None-Match: {etag}\r\n" if etag else ""
    writer.write(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: gzip\r\n"
                 f"{extra}Connection: keep-alive\r\n\r\n".encode())
    await writer.drain()
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {k.strip().lower(): v.strip() for k, _, v in
               (line.partition(":") for line in lines[1:] if line)}
    length = int(headers.get("content-length", "0"))
    body = await reader.readexactly(length) if length else b""
    return status, headers, body


async def _reader(base: str, index: int, first: list, actions: list, errors: list,
                  sizes: list) -> bool:
    rng = random.Random(30_000 + index)
    parts = urlsplit(base)
    prefix = parts.path.rstrip("/")
    try:
        reader, writer = await asyncio.wait_for(
            asyncio.open_connection(parts.hostname, parts.port), 60)
    except (OSError, TimeoutError) as exc:
        errors.append(f"reader {index}: connect: {exc}")
        return False
    try:
        start = time.monotonic()
        status, headers, page = await _get(reader, writer, parts.netloc,
                                           f"{prefix}/{rng.choice(VIEWS)}")
        if status != 200:
            raise ValueError(f"page {status}")
        if headers.get("content-encoding") == "gzip":
            page = gzip.decompress(page)
        text = page.decode("utf-8")
        files = re.findall(r'(?:src|href)="(assets/[^"]+)"', text)
        files += re.findall(r'data-(?:data|shapes)="([^"]+)"', text)
        etags, total = {}, len(page)
        for name in files:
            status, headers, body = await _get(reader, writer, parts.netloc, f"{prefix}/{name}")
            if status != 200:
                raise ValueError(f"{name} {status}")
            etags[name], total = headers.get("etag"), total + len(body)
        first.append(time.monotonic() - start)
        sizes.append(total)
        # filters change in the browser: no request. Then an area's card: its page, and
        # the files its browser holds, revalidated (a 304 each)
        await asyncio.sleep(rng.uniform(0.5, 2.0))
        start = time.monotonic()
        status, headers, _ = await _get(reader, writer, parts.netloc,
                                        f"{prefix}/area/?area={rng.choice(AREAS)}&lang=en")
        if status != 200:
            raise ValueError(f"card {status}")
        for name in files[:2]:
            status, _, _ = await _get(reader, writer, parts.netloc, f"{prefix}/{name}",
                                      etags[name])
            if status not in (200, 304):
                raise ValueError(f"revalidate {name} {status}")
        actions.append(time.monotonic() - start)
        return True
    except (OSError, TimeoutError, ValueError, asyncio.IncompleteReadError) as exc:
        errors.append(f"reader {index}: {type(exc).__name__}: {exc}")
        return False
    finally:
        writer.close()


async def run_readers(base: str, readers: int) -> dict:
    """``readers`` readers at once against the published atlas at ``base``."""
    if not base.startswith(("http://127.", "http://localhost")):
        raise SystemExit("bench/reader_bench.py only talks to a server on this machine")
    first: list[float] = []
    actions: list[float] = []
    errors: list[str] = []
    sizes: list[int] = []
    wall = time.monotonic()
    served = await asyncio.gather(*(_reader(base, i, first, actions, errors, sizes)
                                    for i in range(readers)))
    return {"clients": readers, "served": sum(served), "errors": len(errors),
            "error_samples": errors[:3], "first": _quantiles(first),
            "action": _quantiles(actions), "wall_s": round(time.monotonic() - wall, 1),
            "kb_per_reader": round(statistics.median(sizes) / 1000) if sizes else None}


def _quantiles(times: list[float]) -> tuple[int | None, int | None]:
    ordered = sorted(times)
    if not ordered:
        return None, None
    return (round(statistics.median(ordered) * 1000),
            round(ordered[int(0.95 * (len(ordered) - 1))] * 1000))


def _nginx_pids(directory: str) -> list[int]:
    master = int(Path(directory, "nginx", "nginx.pid").read_text())
    pids = [master]
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == master:
            pids.append(int(stat.parent.name))
    return pids


def _cpu(pids: list[int]) -> float:
    return sum(cpu_seconds(pid) or 0.0 for pid in pids)


def run(readers: int, people: int, seconds: float) -> list[tuple[str, str, str, str]]:
    """Both loads at once on a fresh cluster; the table's rows."""
    readers, seconds = min(readers, MAX_READERS), min(seconds, MAX_SECONDS)
    directory = tempfile.mkdtemp(prefix="ecotown-readers-")
    env = {**os.environ, "ECOTOWN_CLUSTER_DIR": directory,
           "PATH": f"{Path(sys.executable).parent}:{os.environ.get('PATH', '')}"}
    script = str(ROOT / "deploy" / "cluster.sh")
    up = subprocess.run(["bash", script, "up", "2"], env=env, check=True, capture_output=True,
                        text=True)
    cluster = json.loads(up.stdout.strip().splitlines()[-1])
    try:
        for url in cluster["replicas"]:
            warm(url)
        nginx = _nginx_pids(directory)
        replicas = [int(Path(directory, f"replica-{i}.pid").read_text()) for i in (1, 2)]
        people_figures: dict = {}

        def people_load():
            people_figures.update(asyncio.run(run_load(cluster["front"], people, seconds,
                                                       THINK)))

        before = _cpu(nginx), _cpu(replicas)
        thread = threading.Thread(target=people_load)
        thread.start()
        time.sleep(min(THINK[1], seconds / 4))  # the people are on before the readers come
        read = asyncio.run(run_readers(cluster["atlas"], readers))
        thread.join()
        nginx_cpu, replica_cpu = _cpu(nginx) - before[0], _cpu(replicas) - before[1]
    finally:
        subprocess.run(["bash", script, "down"], env=env, capture_output=True)
    actions = people_figures["reruns"]
    return [
        ("clients at once", f"{read['clients']:,} readers", f"{people:,} people", ""),
        ("clients served", f"{read['served']:,}", f"{people_figures['sessions_held']:,}",
         "all"),
        ("first view p50 / p95", f"{read['first'][0]} / {read['first'][1]} ms",
         "–", "p95 ≤ 1,500 ms"),
        ("an action p50 / p95", f"{read['action'][0]} / {read['action'][1]} ms",
         f"{people_figures['median_ms']} / {people_figures['p95_ms']} ms", "p95 ≤ 1,500 ms"),
        ("actions", f"{read['served']:,} cards", f"{actions:,} reruns", ""),
        ("errors", f"{read['errors']:,}", f"{people_figures['errors']:,}", "0"),
        ("server CPU", f"{nginx_cpu:.1f} s (nginx)", f"{replica_cpu:.1f} s (2 replicas)", ""),
        ("server CPU per client", f"{nginx_cpu * 1000 / max(1, read['served']):.1f} ms",
         f"{replica_cpu * 1000 / max(1, people_figures['sessions_held']):.0f} ms", ""),
        ("bytes per first view (gzip)", f"{read['kb_per_reader']:,} kB", "", ""),
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--readers", type=int, default=1000)
    parser.add_argument("--people", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    rows = run(args.readers, args.people, args.seconds)
    print(f"{min(args.readers, MAX_READERS):,} readers of the published atlas (nginx, /atlas/) "
          f"and {args.people:,} people on 2 Streamlit replicas, at the same time, "
          f"{min(args.seconds, MAX_SECONDS):.0f} s")
    print_rows(rows, ("published atlas", "Streamlit replicas"))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
