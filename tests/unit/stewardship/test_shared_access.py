"""The steward throttle replicas share in PostgreSQL: the same rules as the process's own,
seen by every replica, the session never stored as its key, and the app's role limited to
its own tables."""

from __future__ import annotations

import threading

import psycopg
import pytest

from ecotown.stewardship import access, shared_access
from ecotown.stewardship.shared_access import SharedRate, SharedThrottle
from ecotown.store.names import StoreError

TOKEN = "a-steward-token-long-enough"


class Clock:
    def __init__(self, now: float = 1_000_000.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def shared(postgres):
    """Two replicas' throttles on one database, a clock they share, a clean table."""
    clock = Clock()
    one = SharedThrottle(postgres, base=1.0, cap=8.0, forget_after=600.0, clock=clock)
    two = SharedThrottle(postgres, base=1.0, cap=8.0, forget_after=600.0, clock=clock)
    one.reset()
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute("UPDATE ecotown_rate SET tokens = 1000, at = 0")
    return one, two, clock


def test_failures_on_one_replica_slow_the_session_on_another(shared):
    one, two, clock = shared
    assert two.delay("session-a") == 0
    one.failure("session-a")
    assert two.delay("session-a") == pytest.approx(1.0)
    two.failure("session-a")
    one.failure("session-a")
    assert one.delay("session-a") == pytest.approx(4.0)
    for _ in range(5):
        two.failure("session-a")
    assert one.delay("session-a") == pytest.approx(8.0)  # capped
    clock.now += 3
    assert two.delay("session-a") == pytest.approx(5.0)
    assert one.delay("session-b") == 0  # another session is not slowed


def test_success_and_time_forget_the_failures(shared):
    one, two, clock = shared
    one.failure("s1")
    one.failure("s2")
    two.success("s1")
    assert one.delay("s1") == 0 and one.delay("s2") > 0
    clock.now += 601
    assert two.delay("s2") == 0
    two.failure("s2")  # counted afresh after the pause, not as the second failure
    assert one.delay("s2") == pytest.approx(1.0)


def test_attempt_through_the_shared_throttle(shared):
    one, two, clock = shared
    rate = SharedRate(one._store.url, per_second=1000, burst=1000, clock=clock)
    wrong = one.attempt("s", "wrong-token-xxxxxxxx", TOKEN, rate=rate)
    assert not wrong.ok and not wrong.throttled and wrong.wait == pytest.approx(1.0)
    refused = two.attempt("s", TOKEN, TOKEN, rate=rate)  # too soon, even with the right one
    assert refused.throttled and not refused.ok
    clock.now += 1.5
    assert two.attempt("s", TOKEN, TOKEN, rate=rate).ok
    assert one.delay("s") == 0


def test_the_session_key_is_not_stored(shared, postgres):
    one, _, _ = shared
    one.failure("session-key-7f3a")
    with psycopg.connect(postgres) as conn:
        stored = [r[0] for r in conn.execute("SELECT client FROM ecotown_throttle")]
    assert len(stored) == 1 and "session-key-7f3a" not in stored[0]


def test_the_rate_is_one_bucket_for_every_replica(postgres):
    clock = Clock(5_000_000.0)
    replicas = [SharedRate(postgres, per_second=2.0, burst=10, clock=clock) for _ in range(3)]
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute("UPDATE ecotown_rate SET tokens = 10, at = %s", (clock.now,))
    waits: list[float] = []
    lock = threading.Lock()

    def take(rate):
        wait = rate.take()
        with lock:
            waits.append(wait)

    threads = [threading.Thread(target=take, args=(replicas[i % 3],)) for i in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(waits)[:10] == [0.0] * 10 and all(w > 0 for w in sorted(waits)[10:])
    clock.now += 1.0  # two more checks a second
    assert replicas[0].take() == 0 and replicas[1].take() == 0 and replicas[2].take() > 0


def test_the_setting_chooses_the_shared_throttle(postgres, monkeypatch):
    monkeypatch.delenv("ECOTOWN_DATABASE_URL", raising=False)
    assert shared_access.throttles() == (access.THROTTLE, access.GLOBAL_RATE)
    monkeypatch.setenv("ECOTOWN_DATABASE_URL", postgres)
    throttle, rate = shared_access.throttles()
    assert isinstance(throttle, SharedThrottle) and isinstance(rate, SharedRate)
    assert shared_access.throttles()[0] is throttle


def test_a_database_that_is_down_refuses_without_a_traceback(monkeypatch):
    monkeypatch.setenv("ECOTOWN_DATABASE_TIMEOUT", "1")  # how long a page waits for a connection
    throttle = SharedThrottle("postgresql://ecotown_app:secret-pw@127.0.0.1:9/none")
    with pytest.raises(StoreError) as caught:
        throttle.attempt("s", TOKEN, TOKEN)
    assert "secret-pw" not in str(caught.value.messages("en"))


@pytest.mark.parametrize("statement", [
    "DROP TABLE ecotown_audit",
    "DELETE FROM ecotown_audit",
    "DELETE FROM ecotown_versions",
    "TRUNCATE ecotown_files",
    "CREATE TABLE ecotown_other (x int)",
    "ALTER TABLE ecotown_latest ADD COLUMN x int",
    "SELECT * FROM pg_authid",
    "CREATE DATABASE other",
    "CREATE ROLE other",
    # issue 25: history is append-only for the app's role
    "UPDATE ecotown_versions SET record = '{}'::jsonb",
    "UPDATE ecotown_files SET data = ''::bytea",
    "UPDATE ecotown_audit SET entry = '{}'::jsonb",
    "DELETE FROM ecotown_latest",
    "DELETE FROM ecotown_rate",
    "COPY ecotown_audit TO PROGRAM 'id'",
])
def test_the_app_role_may_touch_only_its_own_rows(postgres, statement):
    with psycopg.connect(postgres, autocommit=True) as conn, \
            pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(statement)


def test_the_app_role_deletes_only_expired_throttle_rows(postgres):
    """Issue 25: a guesser's fresh failure record cannot be wiped by the app's role."""
    import time as _time

    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute("INSERT INTO ecotown_throttle (client, failures, last) VALUES "
                     "('fresh-row', 3, %s), ('old-row', 3, 1) ON CONFLICT (client) DO UPDATE "
                     "SET failures = EXCLUDED.failures, last = EXCLUDED.last", (_time.time(),))
        deleted = conn.execute("DELETE FROM ecotown_throttle WHERE client IN "
                               "('fresh-row', 'old-row') RETURNING client").fetchall()
        assert deleted == [("old-row",)]
        assert conn.execute("SELECT failures FROM ecotown_throttle WHERE client = "
                            "'fresh-row'").fetchone() == (3,)


def test_the_app_role_cannot_connect_to_other_databases(postgres):
    other = postgres.rsplit("/", 1)[0] + "/postgres"
    with pytest.raises(psycopg.OperationalError, match=r"permission denied|not permitted"):
        psycopg.connect(other, connect_timeout=5).close()


def test_a_guesser_with_fresh_sessions_does_not_lock_out_the_steward(shared, postgres):
    """Issue 25: one guesser opening a fresh session per guess (one address) spends only the
    bucket of clients that have failed; the steward at another address gets in at once."""
    one, _two, clock = shared
    rate = SharedRate(postgres, per_second=5.0, burst=20, clock=clock)
    rate.suspect = SharedRate(postgres, per_second=5.0, burst=20, clock=clock, bucket=2)
    with psycopg.connect(postgres, autocommit=True) as conn:
        conn.execute("UPDATE ecotown_rate SET tokens = 20, at = 0")  # both buckets full
    refused = 0
    for i in range(200):
        attempt = one.attempt(f"guess-{i}", "wrong-token", TOKEN, rate=rate,
                              client="203.0.113.9")
        refused += attempt.throttled
        clock.now += 0.01
    assert refused > 100  # the guesser is slowed down
    steward = one.attempt("steward", TOKEN, TOKEN, rate=rate, client="198.51.100.4")
    assert steward.ok
