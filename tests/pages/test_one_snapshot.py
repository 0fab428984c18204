"""Issue 26: a page resolves its data once per rerun: one look at the store (whatever the
backend), never two versions of a dataset on one page."""

from __future__ import annotations

import uuid

import pytest

from ecotown import store
from ecotown.store import pgstore
from ecotown.store.filestore import FileStore
from ecotown.store.pgstore import PgStore
from tests.pages.apptest import open_page

LOOKUPS = ("names", "latest", "latest_all", "versions")


def _count(monkeypatch, cls) -> list[str]:
    calls: list[str] = []
    for name in LOOKUPS:
        real = getattr(cls, name)
        monkeypatch.setattr(cls, name, lambda self, *a, _real=real, _name=name, **k:
                            calls.append(_name) or _real(self, *a, **k))
    return calls


def _imported() -> str:
    name = f"official-{uuid.uuid4().hex[:6]}"
    with store.locked():
        store.commit_version(name, store.read_files("demo"), {"action": "import"})
    return name


@pytest.mark.parametrize("page, params", [
    ("app.py", {"lang": "en", "phase": "2"}),
    ("pages/area.py", {"area": "ET-001"}),
    ("pages/province.py", {"code": "21", "lang": "en"}),
])
def test_one_version_lookup_a_rerun_on_the_file_store(data_dir, monkeypatch, page, params):
    name = _imported()
    calls = _count(monkeypatch, FileStore)
    app = open_page(page, {**params, "dataset": name})
    assert calls == ["latest_all"], calls
    calls.clear()
    app.run()  # a rerun
    assert not app.exception
    assert calls == ["latest_all"], calls


def test_one_query_a_rerun_on_postgresql(postgres, monkeypatch):
    monkeypatch.setenv(pgstore.DATABASE_ENV, postgres)
    pgstore._down_until.clear()
    name = _imported()
    calls = _count(monkeypatch, PgStore)
    queries: list[int] = []
    real_conn = PgStore._conn
    monkeypatch.setattr(PgStore, "_conn", lambda self: queries.append(1) or real_conn(self))
    app = open_page("app.py", {"dataset": name, "lang": "th", "year": "2567"})
    assert calls == ["latest_all"], calls  # (and the first run reads the version's files)
    calls.clear()
    queries.clear()
    app.run()
    assert calls == ["latest_all"] and len(queries) == 1, (calls, queries)
