"""The atlas's settings, in one place: one frozen :class:`Settings`, read from the
environment, then from Streamlit's secrets (``.streamlit/secrets.toml``), and handed to the
store, the steward throttle and the uploads. Nothing is ever written back into
``os.environ``.

Every setting is listed in :data:`SETTINGS` with its variable, its default and what it does;
``docs/operators.md`` documents each, and a test checks the two agree. Importable without
Streamlit (the page hands the secrets in with :func:`use_secrets`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field

__all__ = ["SETTINGS", "Settings", "current", "read_settings", "use_secrets"]


@dataclass(frozen=True)
class Setting:
    """One setting: its environment variable, the field it fills and what it does."""

    variable: str
    field: str
    default: str
    meaning: str
    secret: bool = False


SETTINGS: tuple[Setting, ...] = (
    Setting("ECOTOWN_DATA_DIR", "data_dir", "data/ beside app.py",
            "the writable data directory of the embedded default (imports, versions, audit)"),
    Setting("ECOTOWN_DATABASE_URL", "database_url", "(none: files on disk)",
            "postgresql://user:password@host:port/database: imports, versions, audit and the "
            "steward throttle in PostgreSQL, shared by replicas", secret=True),
    Setting("ECOTOWN_DATABASE_TIMEOUT", "database_timeout", "10",
            "seconds a page waits for a database connection before it says the database "
            "is unavailable"),
    Setting("ECOTOWN_DATABASE_POOL", "database_pool", "4",
            "database connections each replica keeps at most"),
    Setting("ECOTOWN_ADMIN_TOKEN", "admin_token", "(none: imports disabled)",
            "the steward token, at least 12 characters", secret=True),
    Setting("ECOTOWN_TRUSTED_PROXIES", "trusted_proxies", "(none)",
            "comma-separated addresses of the front (nginx) whose X-Real-IP header names the "
            "client; deploy/cluster.sh sets 127.0.0.1"),
    Setting("ECOTOWN_MAX_BYTES", "max_bytes", "20971520",
            "bytes an uploaded file may have at most"),
    Setting("ECOTOWN_MAX_ROWS", "max_rows", "200000", "rows an uploaded table may have at most"),
)


@dataclass(frozen=True)
class Settings:
    """What the atlas is configured with (see :data:`SETTINGS`)."""

    data_dir: str = ""
    database_url: str = field(default="", repr=False)
    database_timeout: float = 10.0
    database_pool: int = 4
    admin_token: str = field(default="", repr=False)
    trusted_proxies: frozenset[str] = frozenset()
    max_bytes: int | None = None
    max_rows: int | None = None


def _number(variable: str, raw: str, kind: type, low: float):
    try:
        value = kind(raw)
    except ValueError:
        raise ValueError(f"{variable} should be a number, got {raw!r}") from None
    if value < low:
        raise ValueError(f"{variable} should be at least {low:g}, got {raw!r}")
    return value


def read_settings(environ: Mapping[str, str] | None = None,
                  secrets: Mapping | None = None) -> Settings:
    """Settings from ``environ`` (default ``os.environ``), then ``secrets`` for what the
    environment leaves unset. A bad number raises ``ValueError`` naming the variable."""
    environ = os.environ if environ is None else environ
    values: dict[str, object] = {}
    for setting in SETTINGS:
        raw = str(environ.get(setting.variable, "") or "").strip()
        if not raw and secrets is not None:
            try:
                raw = str(secrets.get(setting.variable, "") or "").strip()
            except Exception:  # a secrets object that cannot be read: none
                raw = ""
        if not raw:
            continue
        if setting.field == "database_timeout":
            values[setting.field] = _number(setting.variable, raw, float, 0.1)
        elif setting.field in ("database_pool", "max_bytes", "max_rows"):
            values[setting.field] = _number(setting.variable, raw, int, 1)
        elif setting.field == "trusted_proxies":
            values[setting.field] = frozenset(p.strip() for p in raw.split(",") if p.strip())
        else:
            values[setting.field] = raw
    return Settings(**values)


_secrets: dict[str, str] = {}
_cache: dict[tuple, Settings] = {}


def use_secrets(secrets: Mapping) -> None:
    """Take the settings Streamlit's secrets hold (the page calls this once per process);
    only the variables of :data:`SETTINGS` are kept, in memory, never in ``os.environ``."""
    found = {}
    for setting in SETTINGS:
        try:
            value = secrets.get(setting.variable)
        except Exception:
            value = None
        if value:
            found[setting.variable] = str(value)
    if found != _secrets:
        _secrets.clear()
        _secrets.update(found)
        _cache.clear()


def current() -> Settings:
    """The settings now: read once for each state of the environment and secrets (a
    process reads them once; a test that changes a variable gets the new value)."""
    key = (tuple(os.environ.get(s.variable, "") for s in SETTINGS),
           tuple(sorted(_secrets.items())))
    found = _cache.get(key)
    if found is None:
        if len(_cache) > 64:
            _cache.clear()
        found = _cache[key] = read_settings(os.environ, _secrets)
    return found
