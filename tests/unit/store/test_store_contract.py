"""The store's contract, run against both backends: the data directory and PostgreSQL.

Commit and read back, versions and audit, a crash in the middle of a commit, two imports at
once, restore; and PostgreSQL's credentials never in a message."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from ecotown import store
from ecotown.store.pgstore import PgStore, redact

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(params=["files", "postgres"])
def backend_env(request, tmp_path, monkeypatch):
    """The environment that selects one backend (a fresh data directory either way)."""
    monkeypatch.setenv(store.DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.delenv("ECOTOWN_DATABASE_URL", raising=False)
    if request.param == "postgres":
        monkeypatch.setenv("ECOTOWN_DATABASE_URL", request.getfixturevalue("postgres"))
    return request.param


def fresh() -> str:
    return "t" + uuid.uuid4().hex[:12]


def test_the_backend_is_chosen_by_the_setting(backend_env):
    assert isinstance(store.backend(), PgStore) == (backend_env == "postgres")


def test_commit_read_versions_and_audit(backend_env):
    name = fresh()
    files = store.read_files("demo")
    with store.locked():
        first = store.commit_version(name, files, {"action": "import", "steward": "a"})
        changed = {**files, "dataset.json": b'{"synthetic": true, "id": "x"}\n'}
        second = store.commit_version(name, changed, {"action": "import", "steward": "b"})
    assert (first, second) == ("0001", "0002")
    assert store.latest_version(name) == "0002" and name in store.dataset_names()
    assert store.read_files(name) == changed and store.read_files(name, 1) == files
    versions = store.list_versions(name)
    assert [v["version"] for v in versions] == ["0002", "0001"]
    assert [v["latest"] for v in versions] == [True, False]
    assert [e["steward"] for e in store.read_audit(name)] == ["a", "b"]
    assert len(store.load_dataset(name).areas) == 54
    with pytest.raises(store.StoreError):
        store.read_files(name, 9)


def test_a_commit_needs_the_lock(backend_env):
    with pytest.raises(RuntimeError):
        store.commit_version(fresh(), store.read_files("demo"), {"action": "import"})


def _commit_in_a_process(name: str, env: dict, steward: str,
                         crash: str = "") -> subprocess.CompletedProcess:
    code = (f"from tests.crashhook import install; install({crash!r})\n"
            "import sys; from ecotown import store; f = store.read_files('demo')\n"
            "with store.locked():\n"
            f"    v = store.commit_version({name!r}, f, {{'action': 'import', "
            f"'steward': {steward!r}}})\n"
            "print(v)")
    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.mark.parametrize("step", ["before_rename", "before_latest", "before_audit"])
def test_a_crash_mid_commit_leaves_the_previous_version_published(backend_env, step):
    name = fresh()
    with store.locked():
        store.commit_version(name, store.read_files("demo"), {"action": "import"})
    crashed = _commit_in_a_process(name, dict(os.environ), "x", crash=step)
    assert crashed.returncode == 86
    if backend_env == "postgres" or step != "before_audit":
        assert store.latest_version(name) == "0001"  # one transaction: nothing landed
        assert len(store.read_audit(name)) == 1
    else:  # the file store publishes, then logs; the manifest holds the entry meanwhile
        assert store.latest_version(name) == "0002"
        assert [e["version"] for e in store.read_audit(name)] == ["0001", "0002"]
    assert len(store.load_dataset(name).areas) == 54


def test_two_imports_at_once_take_turns(backend_env):
    name = fresh()
    env = dict(os.environ)
    procs = [subprocess.Popen([sys.executable, "-c",
                               "from tests.crashhook import install\n"
                               "install(pause='before_latest:1.0')\n"
                               "from ecotown import store; f = store.read_files('demo')\n"
                               "with store.locked():\n"
                               f"    print(store.commit_version({name!r}, f, "
                               f"{{'action': 'import', 'steward': 's{i}'}}))"],
                              cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
             for i in range(2)]
    outputs = sorted(p.communicate(timeout=120)[0].strip() for p in procs)
    assert outputs == ["0001", "0002"]
    assert sorted(e["steward"] for e in store.read_audit(name)) == ["s0", "s1"]
    assert store.latest_version(name) == "0002"


def test_restore_publishes_an_old_version_as_the_newest(backend_env):
    name = fresh()
    demo = store.read_files("demo")
    with store.locked():
        store.commit_version(name, demo, {"action": "import", "steward": "a"})
        store.commit_version(name, store.read_files("public"), {"action": "import",
                                                                 "steward": "a"})
    result = subprocess.run([sys.executable, "-m", "ecotown", "restore", name, "1", "--yes",
                             "--steward", "restorer", "--lang", "en"], cwd=ROOT,
                            env=os.environ.copy(), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert store.latest_version(name) == "0003" and store.read_files(name) == demo
    last = store.read_audit(name)[-1]
    assert last["action"] == "restore" and last["restored_from"] == "0001"


def test_credentials_never_in_messages_logs_or_the_audit(postgres, monkeypatch):
    password = postgres.split(":")[2].split("@")[0]
    assert password not in redact(postgres) and "***" in redact(postgres)
    assert password not in repr(PgStore(postgres))
    wrong = postgres.replace(password, "not-the-password")
    monkeypatch.setenv("ECOTOWN_DATABASE_URL", wrong)
    monkeypatch.setenv("ECOTOWN_DATABASE_TIMEOUT", "1")  # the refusal is all it waits for
    with pytest.raises(store.StoreError) as caught:
        store.latest_version(fresh())
    text = " ".join(caught.value.messages("en")) + str(caught.value)
    assert "not-the-password" not in text and "database cannot be reached" in text
    monkeypatch.setenv("ECOTOWN_DATABASE_URL", postgres)
    name = fresh()
    with store.locked():
        store.commit_version(name, store.read_files("demo"), {"action": "import"})
    assert password not in json.dumps(store.read_audit(name))
