"""Who may import: the admin token, checked in constant time, and a throttle on failures.

The token comes from ``$ECOTOWN_ADMIN_TOKEN`` (or the page passes Streamlit's secrets).
Without one, imports are disabled. Wrong tokens slow the client down: after ``n``
failures the next attempt waits ``base · 2**(n-1)`` seconds, at most ``cap``. No Streamlit
import here; the clock is injectable for tests.
"""

from __future__ import annotations

import hmac
import os
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

__all__ = [
    "MIN_TOKEN_LENGTH",
    "THROTTLE",
    "TOKEN_ENV",
    "Attempt",
    "Throttle",
    "check_token",
    "configured_token",
]

TOKEN_ENV = "ECOTOWN_ADMIN_TOKEN"
MIN_TOKEN_LENGTH = 12
MAX_TOKEN_LENGTH = 1_000


def configured_token(secrets: Mapping | None = None) -> str | None:
    """The admin token: ``$ECOTOWN_ADMIN_TOKEN``, else ``secrets["ECOTOWN_ADMIN_TOKEN"]``.

    A token shorter than :data:`MIN_TOKEN_LENGTH` counts as not configured (imports stay
    disabled rather than guarded by a guessable secret).
    """
    token = os.environ.get(TOKEN_ENV, "")
    if not token.strip() and secrets is not None:
        try:  # Streamlit's secrets raise if no secrets file exists
            token = str(secrets.get(TOKEN_ENV) or "")
        except Exception:
            token = ""
    token = token.strip()
    return token if len(token) >= MIN_TOKEN_LENGTH else None


def check_token(given: object, expected: str | None) -> bool:
    """Whether ``given`` is the configured token (constant-time; ``False`` if none is set)."""
    if not expected or not isinstance(given, str) or not given \
            or len(given) > MAX_TOKEN_LENGTH:
        return False
    return hmac.compare_digest(given.strip().encode("utf-8"), expected.encode("utf-8"))


@dataclass(frozen=True)
class Attempt:
    """The outcome of one sign-in attempt: accepted, or refused (and how long to wait)."""

    ok: bool
    wait: float = 0.0
    throttled: bool = False


class Throttle:
    """Exponential delay per client key after failed attempts, capped; bounded memory.

    Parameters
    ----------
    base
        Seconds to wait after the first failure.
    cap
        The longest wait, in seconds.
    forget_after
        Seconds after the last failure when a client's record is forgotten.
    max_clients
        How many clients are remembered (the oldest are dropped first).
    clock
        A monotonic clock returning seconds (``time.monotonic`` by default).
    """

    def __init__(self, base: float = 1.0, cap: float = 60.0, forget_after: float = 3600.0,
                 max_clients: int = 10_000, clock: Callable[[], float] = time.monotonic):
        if not (0 < base <= cap):
            raise ValueError(f"'base' should be > 0 and <= cap, got base={base}, cap={cap}")
        if max_clients < 1:
            raise ValueError(f"'max_clients' should be at least 1, got {max_clients}")
        self.base, self.cap, self.forget_after = base, cap, forget_after
        self.max_clients, self.clock = max_clients, clock
        self._failures: OrderedDict[str, tuple[int, float]] = OrderedDict()
        self._lock = threading.Lock()

    def delay(self, key: str) -> float:
        """Seconds ``key`` must still wait before the next attempt (0 if none)."""
        with self._lock:
            record = self._record(key)
        if record is None:
            return 0.0
        count, last = record
        wait = min(self.cap, self.base * 2 ** (count - 1))
        return max(0.0, last + wait - self.clock())

    def _record(self, key: str) -> tuple[int, float] | None:
        record = self._failures.get(key)
        if record is not None and self.clock() - record[1] > self.forget_after:
            del self._failures[key]
            return None
        return record

    def failure(self, key: str) -> None:
        """Count a failed attempt of ``key``."""
        with self._lock:
            count = (self._record(key) or (0, 0.0))[0]
            self._failures[key] = (count + 1, self.clock())
            self._failures.move_to_end(key)
            while len(self._failures) > self.max_clients:
                self._failures.popitem(last=False)

    def success(self, key: str) -> None:
        """Forget the failures of ``key``."""
        with self._lock:
            self._failures.pop(key, None)

    def reset(self) -> None:
        """Forget every failure."""
        with self._lock:
            self._failures.clear()

    def attempt(self, key: str, given: object, expected: str | None) -> Attempt:
        """Check a token for ``key``: refused without checking while it must wait."""
        wait = self.delay(key)
        if wait > 0:
            return Attempt(False, wait, throttled=True)
        if check_token(given, expected):
            self.success(key)
            return Attempt(True)
        self.failure(key)
        return Attempt(False, self.delay(key))


THROTTLE = Throttle()
