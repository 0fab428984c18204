"""Load: concurrent Streamlit sessions changing filters against one server on localhost.

    python -m bench.load [--sessions 20] [--seconds 60] [--url http://127.0.0.1:PORT]
                         [--think 3,8] [--seed 2566] [--baseline REV]

Each session is a websocket client speaking Streamlit's own protocol (the BackMsg a browser
sends when the URL's filters change), so 20 sessions fit on a 2-core machine beside the
server. A session reruns the overview with a new filter, waits for the script to finish and
measures the time from the change to the complete updated page (every element sent). The run
is bounded in count and time and talks only to 127.0.0.1. It reports sessions held, reruns,
errors (an exception element or a failed run), and the median and 95th-percentile times.

``--think LO,HI`` makes each session act like a person: it waits a seeded random LO–HI
seconds between actions (the first page view included). ``--url`` may be the front of a
cluster (``deploy/cluster.sh``): each session is one websocket, which nginx keeps on one
replica.

A server it starts is first warmed (:func:`warm`: each view of the list visited once). It
also reports reruns a second, the median bytes sent per rerun and, for a server it started,
the server's CPU time per rerun and its resident memory before and after. ``--baseline REV``
runs a previous commit's app (a temporary git worktree) under the same load and prints both
side by side.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import websockets
from streamlit.proto import BackMsg_pb2, ForwardMsg_pb2

from bench.server import serve as _serve
from bench.server import stop as _stop

FILTERS = ["", "phase=1", "phase=2,3", "level=3,4", "region=east", "dataset=demo",
           "dataset=demo&phase=3", "dataset=demo&level=1,2&lang=en", "q=rayong",
           "dataset=demo&color=phase&region=north", "color=count&province=21,20",
           "dataset=demo&lang=en&level=none"]
MAX_RERUNS_PER_SESSION = 2_000


async def _rerun(ws, query: str, sizes: list | None = None,
                 cache: set | None = None) -> tuple[float, bool]:
    """One rerun with ``query``; ``cache`` holds the hashes of the large elements this client
    has kept, which it names as a browser does, so the server sends a reference instead."""
    message = BackMsg_pb2.BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = ""
    if cache:
        message.rerun_script.cached_message_hashes.extend(sorted(cache))
    start = time.perf_counter()
    await ws.send(message.SerializeToString())
    ok = True
    received = 0
    while True:
        forward = ForwardMsg_pb2.ForwardMsg()
        data = await asyncio.wait_for(ws.recv(), timeout=60)
        received += len(data)
        forward.ParseFromString(data)
        kind = forward.WhichOneof("type")
        if cache is not None and forward.metadata.cacheable and forward.hash:
            cache.add(forward.hash)
        if (kind == "delta" and forward.delta.WhichOneof("type") == "new_element"
                and forward.delta.new_element.WhichOneof("type") == "exception"):
            ok = False
        if kind == "script_finished":
            if sizes is not None:
                sizes.append(received)
            if forward.script_finished != 0:
                print("status", forward.script_finished, query, file=sys.stderr)
            return time.perf_counter() - start, ok and forward.script_finished == 0


def ws_connect(url: str):
    """A websocket to the server's Streamlit stream, as the browser opens it."""
    return websockets.connect(url.replace("http://", "ws://") + "/_stcore/stream",
                              subprotocols=["streamlit"], max_size=None, open_timeout=60)


async def _session(url: str, index: int, deadline: float, times: list, errors: list,
                   think: tuple[float, float] | None = None, seed: int = 2566,
                   sizes: list | None = None) -> bool:
    rng = random.Random(seed * 1000 + index)
    if think:  # people do not all arrive in the same instant
        await asyncio.sleep(rng.uniform(0, think[1]))
    try:
        async with ws_connect(url) as ws:
            cache: set[str] = set()  # as the browser's message cache
            await _rerun(ws, "", cache=cache)  # the first page view
            for step in range(MAX_RERUNS_PER_SESSION):
                if think:
                    await asyncio.sleep(rng.uniform(*think))
                if time.monotonic() >= deadline:
                    return True
                query = FILTERS[(index + step) % len(FILTERS)]
                elapsed, ok = await _rerun(ws, query, sizes, cache)
                times.append(elapsed)
                if not ok:
                    errors.append(f"session {index} step {step} ({query})")
            return True
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        errors.append(f"session {index}: {type(exc).__name__}: {exc}")
        return False


async def _warm(url: str) -> None:
    async with ws_connect(url) as ws:
        for query in ["", *FILTERS]:
            await _rerun(ws, query)


def warm(url: str) -> None:
    """Visit every view of :data:`FILTERS` once, one after another: a process after its
    first visitors, whose caches hold those views (a view's first visit costs more)."""
    asyncio.run(_warm(url))


def cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU seconds a process has used so far (Linux), or None."""
    if pid is None:
        return None
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_mb(pid: int | None) -> float | None:
    """Resident memory of a process in MB (Linux), or None."""
    if pid is None:
        return None
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        return None
    return None


async def run_load(url: str, sessions: int, seconds: float,
                   think: tuple[float, float] | None = None, seed: int = 2566,
                   pid: int | None = None) -> dict:
    """Drive ``sessions`` concurrent clients for ``seconds`` (with ``think`` time between
    actions, seeded); return the figures. With the server's ``pid``, also its CPU time per
    rerun."""
    if not url.startswith(("http://127.", "http://localhost")):
        raise SystemExit("bench/load.py only talks to a server on this machine")
    times: list[float] = []
    errors: list[str] = []
    sizes: list[int] = []
    deadline = time.monotonic() + seconds
    cpu_before, wall_before, rss_before = cpu_seconds(pid), time.monotonic(), rss_mb(pid)
    held = await asyncio.gather(*(_session(url, i, deadline, times, errors, think, seed, sizes)
                                  for i in range(sessions)))
    wall = time.monotonic() - wall_before
    cpu_after = cpu_seconds(pid)
    ordered = sorted(times)
    cpu = (cpu_after - cpu_before) if cpu_before is not None and cpu_after is not None else None
    return {
        "sessions": sessions,
        "sessions_held": sum(held),
        "reruns": len(times),
        "errors": len(errors),
        "error_samples": errors[:5],
        "median_ms": round(statistics.median(ordered) * 1000) if ordered else None,
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000) if ordered else None,
        "reruns_per_s": round(len(times) / wall, 2) if wall else None,
        "kb_per_rerun": round(statistics.median(sizes) / 1000, 1) if sizes else None,
        "server_cpu_ms_per_rerun": (round(cpu * 1000 / max(1, len(times) + sum(held)))
                                    if cpu is not None else None),
        "server_rss_mb_before_after": (rss_before, rss_mb(pid)) if pid is not None else None,
    }


def _figures_of(script: str, sessions: int, seconds: float, think, seed: int,
                cwd: Path | None = None) -> dict:
    server, url = _serve(script, cwd=cwd)
    try:
        warm(url)
        return asyncio.run(run_load(url, sessions, seconds, think, seed, server.pid))
    finally:
        _stop(server)


def compare(rev: str, sessions: int, seconds: float, think, seed: int) -> int:
    """The same load on ``rev``'s app and on the working tree's, one after the other."""
    root = Path(__file__).resolve().parent.parent
    tree = Path(tempfile.mkdtemp(prefix="ecotown-baseline-"))
    subprocess.run(["git", "-C", str(root), "worktree", "add", "--detach", str(tree), rev],
                   check=True, capture_output=True)
    try:
        # This tree first: an overloaded old server can leave the machine busy for a while
        # after it is stopped. The old one runs from its own folder, so that its own
        # .streamlit/config.toml applies.
        after = _figures_of("app.py", sessions, seconds, think, seed)
        before = _figures_of(str(tree / "app.py"), sessions, seconds, think, seed, tree)
    finally:
        subprocess.run(["git", "-C", str(root), "worktree", "remove", "--force", str(tree)],
                       capture_output=True)
    print(f"{'':<26}{rev[:12]:>14}{'this tree':>14}")
    for key in ("sessions_held", "reruns", "reruns_per_s", "errors", "median_ms", "p95_ms",
                "kb_per_rerun", "server_cpu_ms_per_rerun", "server_rss_mb_before_after"):
        print(f"{key:<26}{before[key]!s:>14}{after[key]!s:>14}")
    return 0 if after["errors"] == 0 else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", help="an already running server (or cluster front) on "
                        "127.0.0.1")
    parser.add_argument("--think", help="seconds between a person's actions, LO,HI")
    parser.add_argument("--seed", type=int, default=2566)
    parser.add_argument("--baseline", metavar="REV",
                        help="also run a previous commit's app.py (a git worktree) under the "
                        "same load, and print both side by side")
    args = parser.parse_args()
    think = tuple(float(v) for v in args.think.split(",")) if args.think else None
    if args.baseline:
        return compare(args.baseline, min(args.sessions, 200), min(args.seconds, 600), think,
                       args.seed)
    server = None
    url = args.url
    if url is None:
        server, url = _serve("app.py")
        warm(url)
    try:
        figures = asyncio.run(run_load(url, min(args.sessions, 200), min(args.seconds, 600),
                                       think, args.seed, server.pid if server else None))
    finally:
        if server is not None:
            _stop(server)
    for key, value in figures.items():
        print(f"{key}: {value}")
    return 0 if figures["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
