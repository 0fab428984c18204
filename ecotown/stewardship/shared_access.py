"""The steward throttle shared by replicas: the same rules as :mod:`.access`, kept in
PostgreSQL when ``ECOTOWN_DATABASE_URL`` is set (tables ``ecotown_throttle`` and
``ecotown_rate`` of ``deploy/schema.sql``).

Behind a load balancer one person's attempts may reach several replicas, and a guesser who
spreads many sessions over all of them must not get N times the global rate: the failures of
every session and the one bucket of checks live in the database, read and written in short
transactions (the bucket row is locked while it is spent). Sessions are stored as a hash,
never as their key. Times come from the replicas' clocks (``time.time``, injectable).
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Callable

from ecotown.config import settings
from ecotown.stewardship import access
from ecotown.stewardship.access import GlobalRate, Throttle
from ecotown.store.pgstore import PgStore

__all__ = ["SharedRate", "SharedThrottle", "shared_for", "throttles"]


def _client(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


class SharedThrottle(Throttle):
    """:class:`~.access.Throttle` with its failures in PostgreSQL."""

    def __init__(self, url: str, base: float = 1.0, cap: float = 60.0,
                 forget_after: float = 3600.0, clock: Callable[[], float] = time.time):
        super().__init__(base, cap, forget_after, clock=clock)
        self._store = PgStore(url)

    def delay(self, key: str) -> float:
        with self._store.connection() as conn:
            row = conn.execute("SELECT failures, last FROM ecotown_throttle WHERE client = %s",
                               (_client(key),)).fetchone()
        now = self.clock()
        if row is None or now - row[1] > self.forget_after:
            return 0.0
        count, last = row
        wait = min(self.cap, self.base * 2 ** (count - 1))
        return max(0.0, last + wait - now)

    def failed(self, key: str) -> bool:
        with self._store.connection() as conn:
            row = conn.execute("SELECT last FROM ecotown_throttle WHERE client = %s",
                               (_client(key),)).fetchone()
        return row is not None and self.clock() - row[0] <= self.forget_after

    def failure(self, key: str) -> None:
        now = self.clock()
        with self._store.connection() as conn, conn.transaction():
            conn.execute(
                "INSERT INTO ecotown_throttle AS t (client, failures, last) VALUES (%s, 1, %s) "
                "ON CONFLICT (client) DO UPDATE SET failures = CASE WHEN "
                "EXCLUDED.last - t.last > %s THEN 1 ELSE t.failures + 1 END, "
                "last = EXCLUDED.last", (_client(key), now, self.forget_after))
            conn.execute("DELETE FROM ecotown_throttle WHERE last < %s",
                         (now - self.forget_after,))

    def success(self, key: str) -> None:
        # marked expired, not deleted: the app's role may delete only expired rows
        with self._store.connection() as conn:
            conn.execute("UPDATE ecotown_throttle SET last = 0 WHERE client = %s",
                         (_client(key),))

    def reset(self) -> None:
        with self._store.connection() as conn:
            conn.execute("DELETE FROM ecotown_throttle")


class SharedRate(GlobalRate):
    """:class:`~.access.GlobalRate` with its one bucket in PostgreSQL: every replica spends
    from it, so many sessions over many replicas get ``per_second`` checks in all."""

    def __init__(self, url: str, per_second: float = 5.0, burst: int = 20,
                 clock: Callable[[], float] = time.time, bucket: int = 1):
        super().__init__(per_second, burst, clock=clock)
        self._store = PgStore(url)
        self.bucket = bucket  # 1: clients that have not failed; 2: those that have

    def take(self) -> float:
        now = self.clock()
        with self._store.connection() as conn, conn.transaction():
            conn.execute("INSERT INTO ecotown_rate (id, tokens, at) VALUES (%s, %s, %s) "
                         "ON CONFLICT (id) DO NOTHING", (self.bucket, float(self.burst), now))
            tokens, at = conn.execute("SELECT tokens, at FROM ecotown_rate WHERE id = %s "
                                      "FOR UPDATE", (self.bucket,)).fetchone()
            tokens = min(float(self.burst), tokens + max(0.0, now - at) * self.per_second)
            wait = 0.0
            if tokens >= 1:
                tokens -= 1
            else:
                wait = (1 - tokens) / self.per_second
            conn.execute("UPDATE ecotown_rate SET tokens = %s, at = %s WHERE id = %s",
                         (tokens, max(now, at), self.bucket))
        return wait


_shared: dict[str, tuple[SharedThrottle, SharedRate]] = {}
_shared_lock = threading.Lock()


def shared_for(url: str) -> tuple[SharedThrottle, SharedRate]:
    """The throttle and rate of the database at ``url`` (one pair per process)."""
    with _shared_lock:
        if url not in _shared:
            rate = SharedRate(url)
            rate.suspect = SharedRate(url, bucket=2)
            _shared[url] = (SharedThrottle(url), rate)
        return _shared[url]


def throttles() -> tuple[Throttle | SharedThrottle, GlobalRate | SharedRate]:
    """The throttle and global rate to use: this process's (:data:`.access.THROTTLE`,
    :data:`.access.GLOBAL_RATE`), or, with ``ECOTOWN_DATABASE_URL`` set, the ones every
    replica shares in PostgreSQL (:func:`shared_for`)."""
    url = settings.current().database_url
    if not url:
        return access.THROTTLE, access.GLOBAL_RATE
    return shared_for(url)
