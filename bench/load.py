"""Load: concurrent Streamlit sessions changing filters against one server on localhost.

    python -m bench.load [--sessions 20] [--seconds 60] [--url http://127.0.0.1:PORT]
                         [--think 3,8] [--seed 2566]

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
"""

from __future__ import annotations

import argparse
import asyncio
import random
import statistics
import sys
import time

import websockets
from streamlit.proto import BackMsg_pb2, ForwardMsg_pb2

from bench.run import _serve

FILTERS = ["", "phase=1", "phase=2,3", "level=3,4", "region=east", "dataset=demo",
           "dataset=demo&phase=3", "dataset=demo&level=1,2&lang=en", "q=rayong",
           "dataset=demo&color=phase&region=north", "color=count&province=21,20",
           "dataset=demo&lang=en&level=none"]
MAX_RERUNS_PER_SESSION = 2_000


async def _rerun(ws, query: str) -> tuple[float, bool]:
    message = BackMsg_pb2.BackMsg()
    message.rerun_script.query_string = query
    message.rerun_script.page_script_hash = ""
    start = time.perf_counter()
    await ws.send(message.SerializeToString())
    ok = True
    while True:
        forward = ForwardMsg_pb2.ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
        kind = forward.WhichOneof("type")
        if (kind == "delta" and forward.delta.WhichOneof("type") == "new_element"
                and forward.delta.new_element.WhichOneof("type") == "exception"):
            ok = False
        if kind == "script_finished":
            if forward.script_finished != 0:
                print("status", forward.script_finished, query, file=sys.stderr)
            return time.perf_counter() - start, ok and forward.script_finished == 0


async def _session(url: str, index: int, deadline: float, times: list, errors: list,
                   think: tuple[float, float] | None = None, seed: int = 2566) -> bool:
    ws_url = url.replace("http://", "ws://") + "/_stcore/stream"
    rng = random.Random(seed * 1000 + index)
    if think:  # people do not all arrive in the same instant
        await asyncio.sleep(rng.uniform(0, think[1]))
    try:
        async with websockets.connect(ws_url, subprotocols=["streamlit"], max_size=None,
                                      open_timeout=60) as ws:
            await _rerun(ws, "")  # the first page view
            for step in range(MAX_RERUNS_PER_SESSION):
                if think:
                    await asyncio.sleep(rng.uniform(*think))
                if time.monotonic() >= deadline:
                    return True
                query = FILTERS[(index + step) % len(FILTERS)]
                elapsed, ok = await _rerun(ws, query)
                times.append(elapsed)
                if not ok:
                    errors.append(f"session {index} step {step} ({query})")
            return True
    except (TimeoutError, OSError, websockets.WebSocketException) as exc:
        errors.append(f"session {index}: {type(exc).__name__}: {exc}")
        return False


async def run_load(url: str, sessions: int, seconds: float,
                   think: tuple[float, float] | None = None, seed: int = 2566) -> dict:
    """Drive ``sessions`` concurrent clients for ``seconds`` (with ``think`` time between
    actions, seeded); return the figures."""
    if not url.startswith(("http://127.", "http://localhost")):
        raise SystemExit("bench/load.py only talks to a server on this machine")
    times: list[float] = []
    errors: list[str] = []
    deadline = time.monotonic() + seconds
    held = await asyncio.gather(*(_session(url, i, deadline, times, errors, think, seed)
                                  for i in range(sessions)))
    ordered = sorted(times)
    return {
        "sessions": sessions,
        "sessions_held": sum(held),
        "reruns": len(times),
        "errors": len(errors),
        "error_samples": errors[:5],
        "median_ms": round(statistics.median(ordered) * 1000) if ordered else None,
        "p95_ms": round(ordered[int(0.95 * (len(ordered) - 1))] * 1000) if ordered else None,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--url", help="an already running server (or cluster front) on "
                        "127.0.0.1")
    parser.add_argument("--think", help="seconds between a person's actions, LO,HI")
    parser.add_argument("--seed", type=int, default=2566)
    args = parser.parse_args()
    think = tuple(float(v) for v in args.think.split(",")) if args.think else None
    server = None
    url = args.url
    if url is None:
        server, url = _serve("app.py")
    try:
        figures = asyncio.run(run_load(url, min(args.sessions, 200), min(args.seconds, 600),
                                       think, args.seed))
    finally:
        if server is not None:
            server.terminate()
    for key, value in figures.items():
        print(f"{key}: {value}")
    return 0 if figures["errors"] == 0 else 1


if __name__ == "__main__":
    raise SystemExit(main())
