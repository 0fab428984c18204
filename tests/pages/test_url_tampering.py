"""URL tampering: 30 generated malformed query strings each give the normal page (the parser's
property over any query: tests/unit/analysis/test_urlstate.py, with hypothesis)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

APP = str(Path(__file__).resolve().parents[2] / "app.py")
KEYS = ["dataset", "lang", "color", "phase", "level", "region", "province", "q", "sel", "area",
        "code", "present", "utm_source", "x", "", "phase[]", "__proto__", "dataset%00"]
NASTY = ["", " ", "0", "-1", "4", "99999999999999999999", "1e309", "NaN", "true", "null",
         "1,2,3,4,5,6", ",,,", "1;DROP TABLE areas", "' OR '1'='1", "<script>alert(1)</script>",
         "${alert(1)}", "</script>", "javascript:alert(1)", "../../etc/passwd", "..\\..\\win",
         "%00", "\u0000", "\u202e", "ระยอง", "🏭", "a" * 5000, "1" * 300, "east,mars",
         "demo\r\nSet-Cookie: x=1", "{{7*7}}", "[1,2]", "{\"a\":1}"]


def _cases(count: int = 30, seed: int = 20261128) -> list[dict[str, str]]:
    rng = random.Random(seed)
    cases = []
    for _ in range(count):
        params = {}
        for _ in range(rng.randint(1, 4)):
            params[rng.choice(KEYS)] = rng.choice(NASTY)
        cases.append(params)
    return cases


@pytest.fixture(scope="module")
def app():
    return AppTest.from_file(APP, default_timeout=60)


@pytest.mark.parametrize("params", _cases(), ids=lambda p: "&".join(p)[:40])
def test_malformed_query_gives_the_normal_page(app, params):
    """Any mix of unknown keys and hostile values: no exception, the title, no raw markup."""
    app.query_params.clear()
    for key, value in params.items():
        app.query_params[key] = value
    app.run()
    assert not app.exception, [e.value for e in app.exception]
    assert len(app.title) == 1
    shown = " ".join(t.proto.body for t in app.toast)
    assert "<script>" not in shown
