"""Who may import: the admin token, checked in constant time, and a throttle on failures.

The token comes from ``$ECOTOWN_ADMIN_TOKEN`` (or the page passes Streamlit's secrets).
Without one, imports are disabled. Wrong tokens slow the one who typed them down: after
``n`` failures in a browser session the next attempt from that session waits
``base · 2**(n-1)`` seconds, at most ``cap``. The throttle is keyed by session, not by
address, so behind one address (a proxy, a ministry's NAT) a guesser never locks out the
other stewards; a global rate on checks bounds how fast many sessions together can guess.
Refusals are logged (session key and address, never the token). A signed-in session keeps
the token's fingerprint and is checked against the configured token on every write, so
rotating the token signs every session out. No Streamlit import here; the clock is
injectable for tests.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import re
import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from ecotown.config import settings

__all__ = [
    "GLOBAL_RATE",
    "MIN_TOKEN_LENGTH",
    "THROTTLE",
    "TOKEN_ENV",
    "Attempt",
    "Throttle",
    "check_token",
    "client_address",
    "configured_token",
    "still_signed_in",
    "token_fingerprint",
]

_log = logging.getLogger("ecotown.stewardship.access")
_ADDRESS = re.compile(r"[0-9A-Fa-f:.]+")

TOKEN_ENV = "ECOTOWN_ADMIN_TOKEN"
ADDRESS_PREFIX = "address:"
LOCAL = "local"
MIN_TOKEN_LENGTH = 12
MAX_TOKEN_LENGTH = 1_000


def configured_token(secrets: Mapping | None = None) -> str | None:
    """The admin token: ``$ECOTOWN_ADMIN_TOKEN``, else ``secrets["ECOTOWN_ADMIN_TOKEN"]``.

    A token shorter than :data:`MIN_TOKEN_LENGTH` counts as not configured (imports stay
    disabled rather than guarded by a guessable secret).
    """
    token = settings.current().admin_token
    if not token and secrets is not None:
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


def token_fingerprint(token: str | None) -> str:
    """A fingerprint of the configured token (not the token, not reversible); ``""`` if none."""
    if not token:
        return ""
    return hmac.new(token.encode("utf-8"), b"ecotown steward session", hashlib.sha256
                    ).hexdigest()


def still_signed_in(fingerprint: object, expected: str | None) -> bool:
    """Whether a session signed in with ``fingerprint`` may still write (token unchanged)."""
    current = token_fingerprint(expected)
    return bool(current) and isinstance(fingerprint, str) and \
        hmac.compare_digest(fingerprint, current)


@dataclass(frozen=True)
class Attempt:
    """The outcome of one sign-in attempt: accepted, or refused (and how long to wait)."""

    ok: bool
    wait: float = 0.0
    throttled: bool = False
    problems: tuple[str, ...] = ()  # why the check could not be made (a database down)


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

    def failed(self, key: str) -> bool:
        """Whether ``key`` has failures that are not yet forgotten."""
        with self._lock:
            return self._record(key) is not None

    def attempt(self, key: str, given: object, expected: str | None,
                rate: GlobalRate | None = None, client: str = "") -> Attempt:
        """Check a token for ``key`` (a session) from ``client`` (an address).

        Refused without checking while the session must wait, or while its bucket of the
        global ``rate`` is spent: a session or address that has failed before spends
        ``rate.suspect``, every other one ``rate`` itself. A guesser (however many fresh
        sessions it opens from its address) therefore cannot spend the checks that a
        steward who typed no wrong token needs. Refusals are logged.
        """
        keys = [key, *([ADDRESS_PREFIX + client] if client and client != LOCAL else [])]
        wait = self.delay(key)  # per session: a guesser never delays another session
        if wait <= 0 and rate is not None:
            suspect = any(self.failed(k) for k in keys)
            wait = (rate.suspect if suspect and rate.suspect is not None else rate).take()
        if wait > 0:
            _log.warning("steward sign-in refused without a check (wait %.1f s): session %s, "
                         "address %s", wait, _short(key), client or "-")
            return Attempt(False, wait, throttled=True)
        if check_token(given, expected):
            for each in keys:
                self.success(each)
            _log.info("steward signed in: session %s, address %s", _short(key), client or "-")
            return Attempt(True)
        for each in keys:
            self.failure(each)
        _log.warning("steward sign-in refused (wrong token): session %s, address %s",
                     _short(key), client or "-")
        return Attempt(False, self.delay(key))


def client_address(peer: object, headers: Mapping | None, trusted: frozenset[str]) -> str:
    """The client's address for the throttle and the log.

    ``peer`` is the address the server sees; behind the front (nginx, a ``peer`` listed in
    ``trusted``, the setting ``ECOTOWN_TRUSTED_PROXIES``) the front's ``X-Real-IP`` header
    names the client (the front overwrites it, so a client cannot choose it). A header from
    any other peer is ignored.
    """
    peer_text = peer if isinstance(peer, str) and peer else ""
    if peer_text and peer_text in trusted and headers is not None:
        try:
            forwarded = str(headers.get("X-Real-IP") or "").strip()
        except Exception:  # a headers object that cannot be read: the peer stands
            forwarded = ""
        if forwarded and len(forwarded) <= 64 and _ADDRESS.fullmatch(forwarded):
            return forwarded
    return peer_text or LOCAL


def _short(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()[:10]


class GlobalRate:
    """A token bucket over every token check of the process: ``per_second``, ``burst``.

    ``take`` returns 0 when a check may go ahead (and spends one), else the seconds until
    one may. Many sessions guessing together get no more than ``per_second`` checks.
    """

    def __init__(self, per_second: float = 5.0, burst: int = 20,
                 clock: Callable[[], float] = time.monotonic):
        if per_second <= 0 or burst < 1:
            raise ValueError(f"'per_second' and 'burst' should be positive, got {per_second}, "
                             f"{burst}")
        self.per_second, self.burst, self.clock = per_second, burst, clock
        self._tokens, self._at = float(burst), clock()
        self.suspect: GlobalRate | None = None  # the bucket of clients that have failed
        self._lock = threading.Lock()

    def take(self) -> float:
        """Spend one check, or say how long until one is free."""
        with self._lock:
            now = self.clock()
            self._tokens = min(self.burst, self._tokens + (now - self._at) * self.per_second)
            self._at = now
            if self._tokens >= 1:
                self._tokens -= 1
                return 0.0
            return (1 - self._tokens) / self.per_second


THROTTLE = Throttle()
GLOBAL_RATE = GlobalRate()
GLOBAL_RATE.suspect = GlobalRate()
