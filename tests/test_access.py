"""The admin token: constant-time check, configuration, and the throttle on failures."""

from __future__ import annotations

import pytest

from ecotown import access

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

    code = "import sys, ecotown.access; print('streamlit' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True).stdout
    assert out.strip() == "False"
