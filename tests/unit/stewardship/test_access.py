"""The admin token: constant-time check, configuration, and the throttle on failures."""

from __future__ import annotations

import pytest

from ecotown.stewardship import access

TOKEN = "correct-horse-battery"


@pytest.mark.parametrize(("given", "expected", "ok"), [
    (TOKEN, TOKEN, True), (f"  {TOKEN} ", TOKEN, True), ("wrong", TOKEN, False),
    (TOKEN[:-1], TOKEN, False), ("", TOKEN, False), (None, TOKEN, False), (123, TOKEN, False),
    (TOKEN, None, False), (TOKEN, "", False), ("", "", False), ("x" * 5000, TOKEN, False),
    ("ก" * 20, "ก" * 20, True),
])
def test_check_token(given, expected, ok):
    assert access.check_token(given, expected) is ok


def test_configured_token_from_env_or_secrets(monkeypatch):
    monkeypatch.delenv(access.TOKEN_ENV, raising=False)
    assert access.configured_token() is None
    assert access.configured_token({access.TOKEN_ENV: TOKEN}) == TOKEN
    assert access.configured_token({access.TOKEN_ENV: "short"}) is None

    class NoSecrets:
        def get(self, key):
            raise FileNotFoundError("no secrets.toml")

    assert access.configured_token(NoSecrets()) is None
    monkeypatch.setenv(access.TOKEN_ENV, " from-the-environment ")
    assert access.configured_token({access.TOKEN_ENV: TOKEN}) == "from-the-environment"
    monkeypatch.setenv(access.TOKEN_ENV, "   ")
    assert access.configured_token({access.TOKEN_ENV: TOKEN}) == TOKEN


class Clock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_throttle_doubles_the_wait_up_to_the_cap():
    clock = Clock()
    throttle = access.Throttle(base=1.0, cap=8.0, clock=clock)
    waits = []
    for _ in range(6):
        attempt = throttle.attempt("1.2.3.4", "wrong", TOKEN)
        assert not attempt.ok and not attempt.throttled
        waits.append(attempt.wait)
        clock.now += attempt.wait
    assert waits == [1.0, 2.0, 4.0, 8.0, 8.0, 8.0]


def test_throttled_attempts_are_not_even_checked():
    clock = Clock()
    throttle = access.Throttle(base=2.0, clock=clock)
    throttle.attempt("a", "wrong", TOKEN)
    refused = throttle.attempt("a", TOKEN, TOKEN)
    assert not refused.ok and refused.throttled and refused.wait == 2.0
    clock.now += 1.5
    assert throttle.delay("a") == pytest.approx(0.5)
    assert throttle.delay("b") == 0.0  # other clients are not slowed
    clock.now += 0.5
    assert throttle.attempt("a", TOKEN, TOKEN).ok
    assert throttle.delay("a") == 0.0  # success forgets the failures


def test_throttle_forgets_and_bounds_memory():
    clock = Clock()
    throttle = access.Throttle(forget_after=60, max_clients=3, clock=clock)
    for key in "abcd":
        throttle.failure(key)
    assert throttle.delay("a") == 0.0 and throttle.delay("d") > 0
    clock.now += 61
    assert throttle.delay("d") == 0.0
    throttle.failure("x")
    throttle.reset()
    assert throttle.delay("x") == 0.0


@pytest.mark.parametrize("kwargs", [{"base": 0}, {"base": 5, "cap": 1}, {"max_clients": 0}])
def test_bad_throttle_settings_name_the_value(kwargs):
    with pytest.raises(ValueError, match=str(next(iter(kwargs.values())))):
        access.Throttle(**kwargs)


def test_access_does_not_import_streamlit():
    import subprocess
    import sys

    code = "import sys, ecotown.stewardship.access; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"


# --- issue 11: one guesser behind a shared address, token rotation ---------------------

def test_attacker_behind_the_same_address_cannot_lock_out_another_steward():
    """The throttle is per session: failures of one session never delay another one."""
    clock = Clock()
    throttle = access.Throttle(clock=clock)
    rate = access.GlobalRate(per_second=5, burst=20, clock=clock)
    for _ in range(6):
        throttle.attempt("attacker-session", "wrong", TOKEN, rate=rate, client="10.0.0.1")
        clock.now += 0.01
    assert throttle.attempt("attacker-session", TOKEN, TOKEN, rate=rate).throttled
    assert throttle.attempt("steward-session", TOKEN, TOKEN, rate=rate,
                            client="10.0.0.1").ok


def test_global_rate_bounds_guesses_from_many_sessions():
    """A thousand fresh sessions guessing at once get the burst, then a short wait."""
    clock = Clock()
    throttle = access.Throttle(clock=clock)
    rate = access.GlobalRate(per_second=5, burst=20, clock=clock)
    checked = [throttle.attempt(f"s{i}", "wrong", TOKEN, rate=rate) for i in range(1000)]
    assert sum(not a.throttled for a in checked) == 20
    assert all(0 < a.wait <= 0.2 + 1e-9 for a in checked if a.throttled)
    clock.now += 1.0  # a second later five more checks are free: a steward gets in
    assert throttle.attempt("steward", TOKEN, TOKEN, rate=rate).ok


def test_refusals_are_logged_without_the_token(caplog):
    """Every refusal is logged with a session key and address, never with the token."""
    throttle = access.Throttle(clock=Clock())
    with caplog.at_level("WARNING", logger="ecotown.stewardship.access"):
        throttle.attempt("session-1", "guess-123456789", TOKEN, client="192.0.2.7")
        throttle.attempt("session-1", "guess-987654321", TOKEN, client="192.0.2.7")
    text = caplog.text
    assert text.count("refused") == 2 and "192.0.2.7" in text
    assert "guess-" not in text and TOKEN not in text and "session-1" not in text


def test_rotated_token_signs_sessions_out():
    """A session keeps the fingerprint of the token it signed in with; a new token ends it."""
    fingerprint = access.token_fingerprint(TOKEN)
    assert TOKEN not in fingerprint and len(fingerprint) == 64
    assert access.still_signed_in(fingerprint, TOKEN)
    assert not access.still_signed_in(fingerprint, TOKEN + "-rotated")
    assert not access.still_signed_in(fingerprint, None)
    assert not access.still_signed_in(True, TOKEN)  # the old session flag means nothing
    assert not access.still_signed_in("", TOKEN)


# --- issue 25: a guesser with a fresh session per guess; the address behind the front ---

def test_fresh_sessions_from_one_address_do_not_lock_out_a_steward_elsewhere():
    """Each guess from a fresh session spends the bucket of a failed address, never the
    bucket a steward who typed no wrong token draws from."""
    clock = Clock()
    throttle = access.Throttle(clock=clock)
    rate = access.GlobalRate(per_second=5, burst=20, clock=clock)
    rate.suspect = access.GlobalRate(per_second=5, burst=20, clock=clock)
    outcomes = []
    for i in range(300):
        outcomes.append(throttle.attempt(f"fresh-{i}", "wrong", TOKEN, rate=rate,
                                         client="203.0.113.9"))
        clock.now += 0.01
    assert sum(not a.throttled for a in outcomes) <= 20 + 1 + 5 * 3
    for i in range(7):  # the steward, seven times in the guesser's storm: never refused
        assert throttle.attempt(f"steward-{i}", TOKEN, TOKEN, rate=rate,
                                client="198.51.100.4").ok


def test_without_a_suspect_bucket_the_old_rule_holds():
    clock = Clock()
    throttle = access.Throttle(clock=clock)
    rate = access.GlobalRate(per_second=5, burst=3, clock=clock)
    for i in range(3):
        throttle.attempt(f"s{i}", "wrong", TOKEN, rate=rate, client="203.0.113.9")
    assert throttle.attempt("s9", TOKEN, TOKEN, rate=rate, client="198.51.100.4").throttled


@pytest.mark.parametrize(("peer", "headers", "trusted", "expected"), [
    ("127.0.0.1", {"X-Real-IP": "203.0.113.9"}, {"127.0.0.1"}, "203.0.113.9"),
    ("127.0.0.1", {"X-Real-IP": "203.0.113.9"}, set(), "127.0.0.1"),  # front not trusted
    ("198.51.100.4", {"X-Real-IP": "10.0.0.1"}, {"127.0.0.1"}, "198.51.100.4"),  # spoofed
    ("127.0.0.1", {"X-Real-IP": "<script>"}, {"127.0.0.1"}, "127.0.0.1"),  # not an address
    ("127.0.0.1", {}, {"127.0.0.1"}, "127.0.0.1"),
    (None, None, set(), "local"),
    ("::1", {"X-Real-IP": "2001:db8::7"}, {"::1"}, "2001:db8::7"),
])
def test_the_client_address_comes_from_the_front_only(peer, headers, trusted, expected):
    assert access.client_address(peer, headers, frozenset(trusted)) == expected


def test_trusted_proxies_setting_is_parsed():
    from ecotown.config.settings import read_settings

    parsed = read_settings({"ECOTOWN_TRUSTED_PROXIES": " 127.0.0.1, ::1 ,"}).trusted_proxies
    assert parsed == frozenset({"127.0.0.1", "::1"})
    assert read_settings({}).trusted_proxies == frozenset()
