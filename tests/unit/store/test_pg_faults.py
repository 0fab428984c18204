"""Issue 25: a database that restarts costs no page; one that is down leaves the shipped
datasets working; a URL with a typo never reaches a library (nor its log) with its
password."""

from __future__ import annotations

import logging
import subprocess
import sys

import pytest

from ecotown import store
from ecotown.store import pgstore
from ecotown.store.names import StoreError
from tests.pgserver import PGLOCAL, start, stop


@pytest.fixture(scope="module")
def own_server(tmp_path_factory):
    """A server of this module's own: it is restarted and stopped here."""
    url, directory = start(tmp_path_factory)
    yield url, directory
    stop(directory)


@pytest.fixture(autouse=True)
def short_timeout(monkeypatch):
    """The pool's timeout, 2 s here (10 by default): a stopped database costs a query that
    long, and the module's pool is made with the timeout of the first test to connect."""
    monkeypatch.setenv("ECOTOWN_DATABASE_TIMEOUT", "2")


def _pg_ctl(directory, action: str) -> None:
    action = {"stop": "down"}.get(action, action)
    subprocess.run([sys.executable, str(PGLOCAL), action, str(directory)], check=True,
                   timeout=120, capture_output=True)


def test_a_restarted_database_costs_no_query(own_server, monkeypatch):
    url, directory = own_server
    monkeypatch.setenv(pgstore.DATABASE_ENV, url)
    backend = store.backend()
    for _ in range(3):  # the pool holds live connections
        assert backend.names() == []
    _pg_ctl(directory, "restart")
    pgstore._down_until.clear()
    for _ in range(6):  # every pooled connection died with the old server
        assert backend.names() == []


def test_a_stopped_database_leaves_the_shipped_datasets(own_server, monkeypatch):
    url, directory = own_server
    monkeypatch.setenv(pgstore.DATABASE_ENV, url)
    _pg_ctl(directory, "stop")
    try:
        names, problem = store.catalogue()
        assert names == ["public", "demo"] and problem is not None
        assert "database" in problem.messages("en")[0]
        assert store.load_dataset("demo").areas is not None
        with pytest.raises(StoreError), store.locked():  # imports refused with a message
            pass
    finally:
        _pg_ctl(directory, "start")
        pgstore._down_until.clear()


@pytest.mark.parametrize("url", [
    "postgresql://ecotown_app:s3cret-pw@127.0.0.1:54x2/ecotown",   # a typo in the port
    "postgresql://ecotown_app:s3cret-pw@127.0.0.1:5432",           # no database
    "postgres ql://ecotown_app:s3cret-pw@127.0.0.1:5432/ecotown",  # a typo in the scheme
    "mysql://ecotown_app:s3cret-pw@127.0.0.1:5432/ecotown",
    "ecotown_app:s3cret-pw@127.0.0.1",
])
def test_a_bad_url_is_refused_before_any_library_sees_it(url, monkeypatch, caplog):
    monkeypatch.setenv(pgstore.DATABASE_ENV, url)
    with caplog.at_level(logging.DEBUG):
        names, problem = store.catalogue()
    assert names == ["public", "demo"]
    text = " ".join(problem.messages("en") + problem.messages("th")) + caplog.text
    assert "s3cret-pw" not in text and "URL" in problem.messages("en")[0]


def test_library_log_lines_lose_their_passwords(caplog):
    with caplog.at_level(logging.WARNING, logger="psycopg.pool"):
        logging.getLogger("psycopg.pool").warning(
            "error connecting in %r: connection to postgresql://app:s3cret-pw@h/db failed "
            "password=s3cret-pw", "pool-1")
    assert "s3cret-pw" not in caplog.text and "***" in caplog.text


def test_repair_and_damaged_follow_the_configured_store(own_server, monkeypatch):
    """Issue 26: on PostgreSQL nothing is damaged and repair is refused with a message;
    neither touches the data directory."""
    url, _directory = own_server
    monkeypatch.setenv(pgstore.DATABASE_ENV, url)
    pgstore._down_until.clear()
    assert store.damaged_names() == []
    with pytest.raises(StoreError) as caught:
        store.repair_latest("official", "Ann")
    assert "nothing to repair" in caught.value.messages("en")[0]
    assert "ไม่มีสิ่งใดต้องซ่อม" in caught.value.messages("th")[0]


def test_a_version_changed_behind_the_apps_back_is_refused(own_server, monkeypatch):
    """Issue 25: a published version's files are verified by hash when read: rows changed in
    the database afterwards (by anyone who could) are refused, named, and logged."""
    url, directory = own_server
    monkeypatch.setenv(pgstore.DATABASE_ENV, url)
    pgstore._down_until.clear()
    with store.locked():
        store.commit_version("tampered", store.read_files("demo"), {"action": "import"})
    assert store.read_files("tampered")["areas.csv"] == store.read_files("demo")["areas.csv"]
    _as_superuser(directory, "UPDATE ecotown_files SET data = 'area_id'::bytea WHERE "
                             "dataset = 'tampered' AND filename = 'areas.csv';")
    with pytest.raises(StoreError) as caught:
        store.read_files("tampered")
    assert "areas.csv" in caught.value.messages("en")[0]
    assert "hash" in caught.value.messages("en")[0]


def _as_superuser(directory, sql: str) -> None:
    """Run ``sql`` as the server's superuser over its socket (peer: as its OS user)."""
    import glob
    import os

    pointer = directory / "server_dir"
    home = pointer.read_text().strip() if pointer.exists() else str(directory)
    port = (directory / "port").read_text().strip()
    psql = sorted(glob.glob("/usr/lib/postgresql/*/bin/psql"))[-1]
    command = [psql, "-X", "-v", "ON_ERROR_STOP=1", "-h", f"{home}/socket", "-p", port,
               "-d", "ecotown", "-f", "-"]
    if os.geteuid() == 0:
        command = ["runuser", "-u", "postgres", "--", *command[:-2], "-U", "postgres",
                   "-f", "-"]
    subprocess.run(command, input=sql, text=True, check=True, capture_output=True,
                   timeout=60)
