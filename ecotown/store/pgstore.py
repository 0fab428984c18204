"""PostgreSQL as a :class:`~ecotown.store.protocol.DatasetStore` backend: what replicas
share (imported datasets, their versions, the audit log), switched on by
``ECOTOWN_DATABASE_URL=postgresql://…``.

* A commit is **one transaction**: the version, its files, the published pointer and the
  audit entry land together or not at all (a crash leaves the previous version published).
* Writers are serialised by a PostgreSQL **advisory lock** (:meth:`PgStore.locked`), so two
  replicas importing at once take turns, as two processes do on the file lock.
* Readers ask one cheap query per rerun (:meth:`PgStore.latest`): a new version is seen at the
  next rerun of every replica, without a restart.
* Connections come from a psycopg 3 pool. The URL's password never reaches a message, a log
  line, a page or the audit (:func:`redact`).

The tables (``deploy/schema.sql``) are created by the deployment, not by the app: the app's
role may read and write its own tables and nothing else.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import re
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Mapping
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ecotown.config import settings
from ecotown.store.files import (
    MANIFEST,
    VERSION_FILES,
    StoreError,
    check_name,
    check_version,
    clean_record,
)

__all__ = ["DATABASE_ENV", "LOCK_KEY", "SCHEMA_FILE", "PgStore", "check_url", "redact",
           "redact_text"]
_log = logging.getLogger("ecotown.store")

DATABASE_ENV = "ECOTOWN_DATABASE_URL"
LOCK_KEY = 0x45636F546F776E  # "EcoTown": the advisory lock of every import
SCHEMA_FILE = Path(__file__).resolve().parents[2] / "deploy" / "schema.sql"
LOCK_TIMEOUT_MS = 30_000
_pools: dict[str, object] = {}
_pools_lock = threading.Lock()
_held = threading.local()


_SECRET_IN_TEXT = re.compile(r"(://[^:/@\s]*:)[^@\s]*(@)|(password\s*=\s*)('[^']*'|\S+)",
                             re.IGNORECASE)
# After a failure, how long every caller is refused at once instead of waiting for the
# pool's timeout again (a stopped database costs a page one timeout, not one per query).
DOWN_FOR = 15.0
_down_until: dict[str, float] = {}


def redact(url: str) -> str:
    """``url`` without its password (``postgresql://app:***@host/db``); any text that
    cannot be parsed as a URL loses everything after the scheme."""
    try:
        parts = urlsplit(url)
        _ = parts.port  # a bad port raises here, not later inside a library
    except (ValueError, TypeError):
        return "postgresql://***"
    if parts.scheme not in ("postgresql", "postgres") or not parts.netloc:
        return "postgresql://***"  # not a URL as expected: nothing of it is shown
    if parts.password is None:
        return url if "@" not in parts.netloc else "postgresql://***"
    netloc = parts.netloc.replace(f":{parts.password}@", ":***@")
    return urlunsplit(parts._replace(netloc=netloc))


def redact_text(text: str) -> str:
    """``text`` with every password of a URL or a ``password=`` setting replaced."""
    return _SECRET_IN_TEXT.sub(lambda m: (m.group(1) + "***" + m.group(2)) if m.group(1)
                               else m.group(3) + "***", text)


def check_url(url: str) -> str:
    """``url`` if it is a PostgreSQL URL the app can use (scheme, user, host, port, database
    name), else :class:`StoreError` ``d_database_url`` naming the URL without its password.

    Checked before any library sees the URL, so that a typo never reaches a library's own
    error message or log line.
    """
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except (ValueError, TypeError, AttributeError):
        raise StoreError("d_database_url", redact(str(url))) from None
    database = parts.path.lstrip("/")
    socket_host = "host=/" in parts.query  # a Unix socket: ?host=/run/postgresql
    if parts.scheme not in ("postgresql", "postgres") or not (parts.hostname or socket_host) \
            or not parts.username or (port is not None and not 0 < port < 65536) \
            or not _DB_NAME.fullmatch(database) or parts.fragment:
        raise StoreError("d_database_url", redact(str(url)))
    return url.strip()


_DB_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_$-]{0,62}")


class _RedactSecrets(logging.Filter):
    """Redact passwords from psycopg's and psycopg_pool's own log records."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record that cannot be formatted: drop its arguments
            message = str(record.msg)
        cleaned = redact_text(message)
        if cleaned != message or record.args:
            record.msg, record.args = cleaned, None
        return True


for _name in ("psycopg", "psycopg.pool", "psycopg_pool"):
    logging.getLogger(_name).addFilter(_RedactSecrets())


def _timeout() -> float:
    return settings.current().database_timeout


def _pool(url: str):
    with _pools_lock:
        pool = _pools.get(url)
        if pool is None:
            from psycopg_pool import ConnectionPool

            timeout = _timeout()
            pool = ConnectionPool(
                check_url(url), min_size=1, max_size=settings.current().database_pool,
                open=True, name="ecotown",
                timeout=timeout, reconnect_timeout=max(timeout, 60.0),
                # a connection that died (the database restarted) is replaced, not handed out
                check=ConnectionPool.check_connection,
                kwargs={"autocommit": True, "application_name": "ecotown",
                        "connect_timeout": max(1, int(timeout))})
            _pools[url] = pool
        return pool


class PgStore:
    """Imported datasets in PostgreSQL (see the module's text)."""

    writable = True

    def __init__(self, url: str, hook: Callable[[str], None] | None = None):
        self.url = url
        self.hook = hook

    def __repr__(self) -> str:
        return f"PgStore({redact(self.url)!r})"

    @contextlib.contextmanager
    def _conn(self):
        import psycopg

        if time.monotonic() < _down_until.get(self.url, 0.0):
            raise StoreError("d_database", "unavailable")
        try:
            with _pool(self.url).connection() as conn:
                yield conn
        except psycopg.OperationalError as exc:  # never the URL, never the password
            _down_until[self.url] = time.monotonic() + DOWN_FOR
            _log.warning("database unavailable (%s): %s", type(exc).__name__,
                         redact_text(str(exc))[:300])
            raise StoreError("d_database", type(exc).__name__) from None
        _down_until.pop(self.url, None)

    def connection(self):
        """A pooled connection (a context manager; autocommit): for the store's own
        companions, such as the shared steward throttle."""
        return self._conn()

    def names(self) -> list[str]:
        """Imported datasets with a published version, sorted."""
        with self._conn() as conn:
            rows = conn.execute("SELECT dataset FROM ecotown_latest ORDER BY dataset")
            return [r[0] for r in rows]

    def damaged(self) -> list[str]:
        """None: the published pointer moves in the version's own transaction."""
        return []

    def repair(self, name: str, steward: str) -> str:
        """Nothing to repair in the database: refused with a message saying so."""
        check_name(name)
        raise StoreError("d_repair_database", name, dataset=name)

    def latest_all(self) -> dict[str, str]:
        """``{name: published version}`` of every imported dataset: one query."""
        with self._conn() as conn:
            rows = conn.execute("SELECT dataset, version FROM ecotown_latest ORDER BY dataset")
            return {name: f"{version:04d}" for name, version in rows}

    def latest(self, name: str) -> str | None:
        """The published version of ``name`` (one indexed row), or ``None``."""
        check_name(name)
        with self._conn() as conn:
            row = conn.execute("SELECT version FROM ecotown_latest WHERE dataset = %s",
                               (name,)).fetchone()
        return None if row is None else f"{row[0]:04d}"

    def versions(self, name: str) -> list[dict]:
        """Every published version, newest first: its record plus ``latest``."""
        check_name(name)
        latest = self.latest(name)
        if latest is None:
            return []
        with self._conn() as conn:
            rows = conn.execute("SELECT version, record FROM ecotown_versions WHERE "
                                "dataset = %s AND version <= %s ORDER BY version DESC",
                                (name, int(latest))).fetchall()
        return [{**clean_record(record), "version": f"{version:04d}",
                 "latest": f"{version:04d}" == latest} for version, record in rows]

    def read(self, name: str, version: object | None = None) -> dict[str, bytes]:
        """The files of a published version (the latest if ``version`` is ``None``)."""
        check_name(name)
        if version is None:
            version = self.latest(name)
            if version is None:
                raise StoreError("d_no_versions", name)
        number = int(check_version(version))
        with self._conn() as conn:
            rows = conn.execute("SELECT filename, data FROM ecotown_files WHERE dataset = %s "
                                "AND version = %s ORDER BY filename", (name, number)).fetchall()
            record = conn.execute("SELECT record FROM ecotown_versions WHERE dataset = %s "
                                  "AND version = %s", (name, number)).fetchone()
        if not rows:
            raise StoreError("d_unknown_version", f"{number:04d}", dataset=name)
        files = {filename: bytes(data) for filename, data in rows}
        expected = (record[0] or {}).get("content_sha256") if record else None
        if isinstance(expected, dict):  # versions written before hashes were kept have none
            found = {f: hashlib.sha256(d).hexdigest() for f, d in files.items()}
            if found != expected:
                changed = sorted(f for f in set(found) | set(expected)
                                 if found.get(f) != expected.get(f))
                _log.error("dataset %s version %04d: files changed since publishing: %s",
                           name, number, ", ".join(changed))
                raise StoreError("d_version_tampered", f"{number:04d}", dataset=name,
                                 files=", ".join(changed))
        return files

    def commit(self, name: str, files: Mapping[str, bytes], record: Mapping,
               verify: Callable[[Path], None] | None = None) -> str:
        """Publish ``files`` as the next version of ``name`` in one transaction (the caller
        holds :meth:`locked`)."""
        if not getattr(_held, "depth", 0):
            raise RuntimeError("the database lock must be held (use store.locked())")
        check_name(name)
        unknown = sorted(set(files) - (VERSION_FILES - {MANIFEST}))
        if unknown:
            raise ValueError(f"'files' may only hold dataset files, got {unknown}")
        if verify is not None:  # the same check as the file store: on the files as written
            with tempfile.TemporaryDirectory(prefix="ecotown-verify-") as temp:
                for filename, data in files.items():
                    Path(temp, filename).write_bytes(data)
                verify(Path(temp))
        step = self.hook or (lambda _step: None)
        with self._conn() as conn, conn.transaction():
            row = conn.execute("SELECT coalesce(max(version), 0) FROM ecotown_versions "
                               "WHERE dataset = %s", (name,)).fetchone()
            number = int(row[0]) + 1
            version = f"{number:04d}"
            entry = {**record, "time": datetime.now(UTC).isoformat(timespec="seconds"),
                     "dataset": name, "version": version,
                     # each file's hash, checked whenever the version is read
                     "content_sha256": {f: hashlib.sha256(bytes(d)).hexdigest()
                                        for f, d in sorted(files.items())}}
            payload = json.dumps(entry, ensure_ascii=False, sort_keys=True)
            conn.execute("INSERT INTO ecotown_versions (dataset, version, record) "
                         "VALUES (%s, %s, %s::jsonb)", (name, number, payload))
            with conn.cursor() as cursor:
                cursor.executemany("INSERT INTO ecotown_files (dataset, version, filename, "
                                   "data) VALUES (%s, %s, %s, %s)",
                                   [(name, number, f, bytes(d)) for f, d in files.items()])
            step("before_rename")
            step("before_latest")
            conn.execute("INSERT INTO ecotown_latest (dataset, version) VALUES (%s, %s) "
                         "ON CONFLICT (dataset) DO UPDATE SET version = EXCLUDED.version",
                         (name, number))
            step("before_audit")
            conn.execute("INSERT INTO ecotown_audit (entry) VALUES (%s::jsonb)", (payload,))
            conn.execute("SELECT pg_notify('ecotown_versions', %s)", (f"{name}:{version}",))
        return version

    def audit(self, dataset: str | None = None) -> list[dict]:
        """The audit log, oldest first (optionally of one dataset)."""
        with self._conn() as conn:
            if dataset is None:
                rows = conn.execute("SELECT entry FROM ecotown_audit ORDER BY id")
            else:
                rows = conn.execute("SELECT entry FROM ecotown_audit WHERE entry->>'dataset' "
                                    "= %s ORDER BY id", (dataset,))
            return [clean_record(r[0]) for r in rows]

    @contextlib.contextmanager
    def locked(self) -> Iterator[None]:
        """Hold the imports' advisory lock (re-entrant within a thread); ``d_busy`` after
        30 s of waiting for another writer."""
        import psycopg

        if getattr(_held, "depth", 0):
            _held.depth += 1
            try:
                yield None
            finally:
                _held.depth -= 1
            return
        with self._conn() as conn:
            try:
                conn.execute(f"SET lock_timeout = {LOCK_TIMEOUT_MS}")
                with conn.transaction():
                    conn.execute("SELECT pg_advisory_xact_lock(%s)", (LOCK_KEY,))
                    _held.depth = 1
                    try:
                        yield None
                    finally:
                        _held.depth = 0
            except psycopg.errors.LockNotAvailable:
                raise StoreError("d_busy", f"{LOCK_TIMEOUT_MS / 1000:g}") from None
