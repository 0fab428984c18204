"""Memory a session can make a server hold over the websocket (issue 25), measured.

    python -m bench.ws_memory [--url http://127.0.0.1:PORT --pid PID] [--sessions 12]
                              [--mb 1.9,15.7]

For each size, ``--sessions`` anonymous sessions each open the overview, then send one
rerun message of that size whose province filter (a multiselect's state, the widget id read
from the page as a browser would) holds junk option values, and close. The server's resident
memory is printed before, with the sessions open, and after they closed; a message over
``server.maxMessageSize`` is refused by the server (the connection closes). Loopback only,
bounded in count and time. Without ``--url`` a server is started from this checkout.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sys
import time

import websockets
from streamlit.proto import BackMsg_pb2, ForwardMsg_pb2

from bench.load import rss_mb, warm, ws_connect
from bench.server import serve as _serve
from bench.server import stop as _stop

SETTLE = 2 + int(os.environ.get("STREAMLIT_SERVER_DISCONNECTED_SESSION_TTL", "0") or 0)


async def _first_page(ws) -> str:
    """Run the overview; return the province multiselect's widget id."""
    message = BackMsg_pb2.BackMsg()
    message.rerun_script.query_string = ""
    await ws.send(message.SerializeToString())
    widget = ""
    while True:
        forward = ForwardMsg_pb2.ForwardMsg()
        forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
        if forward.WhichOneof("type") == "delta" and \
                forward.delta.WhichOneof("type") == "new_element":
            element = forward.delta.new_element
            if element.WhichOneof("type") == "multiselect" and \
                    "w_province" in element.multiselect.id:
                widget = element.multiselect.id
        if forward.WhichOneof("type") == "script_finished":
            return widget


async def _attack(url: str, size_mb: float) -> str:
    try:
        ws = await ws_connect(url)
    except (OSError, websockets.WebSocketException) as exc:
        return f"connect: {type(exc).__name__}"
    try:
        widget = await _first_page(ws)
        message = BackMsg_pb2.BackMsg()
        message.rerun_script.query_string = ""
        state = message.rerun_script.widget_states.widgets.add()
        state.id = os.environ.get("BENCH_WIDGET_ID") or widget or "$$ID-0-w_province"
        count = int(size_mb * 1e6 / 40)
        state.string_array_value.data.extend(f"{i:038d}" for i in range(count))
        try:
            await ws.send(message.SerializeToString())
            while True:
                forward = ForwardMsg_pb2.ForwardMsg()
                forward.ParseFromString(await asyncio.wait_for(ws.recv(), timeout=60))
                if forward.WhichOneof("type") == "script_finished":
                    return "accepted"
        except websockets.ConnectionClosed as exc:
            return f"refused (close {exc.rcvd.code if exc.rcvd else '-'})"
        except TimeoutError:
            return "no answer in 60 s"
    finally:
        await ws.close()


async def _round(url: str, sessions: int, size_mb: float) -> list[str]:
    return list(await asyncio.gather(*(_attack(url, size_mb) for _ in range(sessions))))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url")
    parser.add_argument("--pid", type=int)
    parser.add_argument("--sessions", type=int, default=12)
    parser.add_argument("--mb", default="1.9,15.7")
    args = parser.parse_args()
    sessions = max(1, min(args.sessions, 50))
    sizes = [float(s) for s in args.mb.split(",")]
    print(f"{'server':<26} {'message MB':>10} {'sessions':>8} {'outcome':<24} "
          f"{'RSS before':>10} {'after':>8} {'MB/session':>10}")
    if args.url:
        _measure("given", args.url, args.pid, sessions, sizes)
        return 0
    # Streamlit's default limit (the baseline) beside this checkout's config, in one run
    for label, env in (("maxMessageSize 200 (default)", {"STREAMLIT_SERVER_MAX_MESSAGE_SIZE":
                                                         "200"}), ("this config", {})):
        server, url = _serve("app.py", env=env)
        try:
            _measure(label, url, server.pid, sessions, sizes)
        finally:
            _stop(server)
    return 0


def _measure(label: str, url: str, pid: int | None, sessions: int,
             sizes: list[float]) -> None:
    warm(url)  # the data and the views loaded: what grows after this is the sessions'
    asyncio.run(_round(url, sessions, 0.0))  # control: plain sessions, no large message
    time.sleep(2)
    for size in sizes:
        before = rss_mb(pid)
        outcomes = asyncio.run(_round(url, sessions, size))
        time.sleep(SETTLE)  # past the server's disconnected-session TTL: sessions are gone
        after = rss_mb(pid)
        grown = (after - before) / sessions if before and after else float("nan")
        common = max(set(outcomes), key=outcomes.count)
        print(f"{label:<26} {size:>10.1f} {sessions:>8} {common:<24} {before or 0:>10.0f} "
              f"{after or 0:>8.0f} {grown:>10.1f}")


if __name__ == "__main__":
    sys.exit(main())
