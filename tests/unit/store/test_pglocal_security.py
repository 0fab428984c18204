"""Issue 25: the cluster's own PostgreSQL is not everyone's. Peer/scram authentication only,
private directories and files, nothing changed outside its own directory, and no secret on
any process's command line while it starts."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.pgserver import PGLOCAL, require_postgres, stop


def _cmdlines() -> list[str]:
    lines = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                lines.append((entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(
                    "utf-8", "replace"))
            except OSError:
                continue
    return lines


@pytest.fixture(scope="module")
def started(tmp_path_factory):
    """A server started while every process's command line is read, over and over."""
    require_postgres()
    parent = tmp_path_factory.mktemp("private-parent")
    os.chmod(parent, 0o700)
    directory = parent / "pg"
    parents_before = {p: p.stat().st_mode for p in directory.parents}
    seen: list[str] = []
    done = threading.Event()

    def watch():
        while not done.is_set():
            seen.extend(_cmdlines())

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        out = subprocess.run([sys.executable, str(PGLOCAL), "up", str(directory)],
                             capture_output=True, text=True, timeout=180, check=True)
    finally:
        done.set()
        watcher.join()
    url = out.stdout.strip().splitlines()[-1]
    yield url, directory, parents_before, seen
    stop(directory)


def test_no_secret_on_any_command_line(started):
    url, _directory, _parents, seen = started
    password = url.split(":", 2)[2].split("@", 1)[0]
    assert len(password) >= 16 and seen
    assert not [line for line in seen if password in line]


def test_no_directory_outside_its_own_is_changed(started):
    _url, directory, parents_before, _seen = started
    assert {p: p.stat().st_mode for p in directory.parents} == parents_before


def test_every_directory_and_file_it_writes_is_private(started):
    _url, directory, _parents, _seen = started
    homes = [directory]
    pointer = directory / "server_dir"
    if pointer.exists():
        homes.append(Path(pointer.read_text().strip()))
    loose = []
    for home in homes:
        for path in [home, *home.rglob("*")]:
            if path.is_socket():
                continue
            mode = path.lstat().st_mode
            if mode & (stat.S_IRWXG | stat.S_IRWXO):
                loose.append(f"{path} {stat.filemode(mode)}")
    assert not loose


def test_local_connections_are_not_trusted(started):
    """Over the socket as the superuser, only the server's own OS user gets in (peer);
    another OS user (``nobody``) is refused."""
    _url, directory, _parents, _seen = started
    pointer = directory / "server_dir"
    home = Path(pointer.read_text().strip()) if pointer.exists() else directory
    port = (directory / "port").read_text().strip()
    hba = (home / "data" / "pg_hba.conf").read_text()
    rules = [line.split() for line in hba.splitlines() if line.strip() and
             not line.lstrip().startswith("#")]
    assert rules and all(rule[-1] in ("peer", "scram-sha-256") for rule in rules)
    if os.geteuid() != 0:
        pytest.skip("needs root to act as another OS user")
    psql = next(Path("/usr/lib/postgresql").glob("*/bin/psql"))
    tried = subprocess.run(["runuser", "-u", "nobody", "--", str(psql), "-h",
                            str(home / "socket"), "-p", port, "-U", "postgres", "-d",
                            "postgres", "-c", "SELECT 1"], capture_output=True, text=True,
                           timeout=30)
    assert tried.returncode != 0
