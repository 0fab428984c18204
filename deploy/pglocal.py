"""A PostgreSQL server of its own for a cluster on one machine or a test run.

    python deploy/pglocal.py up DIR [--port N]   # prints the app's URL as its last line
    python deploy/pglocal.py down DIR
    python deploy/pglocal.py start DIR | restart DIR   # an existing server, on its port

``up`` makes a data directory (``initdb``), starts the server on 127.0.0.1 and a free port
(``pg_ctl``), creates the database ``ecotown``, the tables of ``deploy/schema.sql`` (owned by
the admin role) and the app's role ``ecotown_app`` with the grants of
``deploy/schema.sql`` (see :data:`APP_GRANTS`).

Locked down (issue 25):

* **Authentication**: ``peer`` on the Unix socket (only the OS user that owns the server is
  its superuser) and ``scram-sha-256`` over TCP; no ``trust`` anywhere.
* **Directories**: the server's directory, its data and its socket directory are ``0700``,
  owned by the server's user; every file is written under ``umask 077``. No directory
  outside the server's own is changed: when this runs as root and Debian's ``postgres``
  user cannot reach ``DIR`` (a private parent), the server lives in a new private
  directory under the system's temp folder and ``DIR/server_dir`` names it.
* **No secret on a command line**: SQL (the role's password among it) goes to ``psql`` on
  its standard input, never as an argument; the URL is printed on standard output only.

PostgreSQL refuses to run as root: when run as root, the server runs as the unprivileged
``postgres`` user (Debian's).
"""

from __future__ import annotations

import argparse
import getpass
import os
import secrets
import shutil
import socket
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schema.sql"
APP_ROLE = "ecotown_app"
DATABASE = "ecotown"
SERVER_USER = "postgres"
POINTER = "server_dir"
# What the app's role may do (issue 25): read and add versions, files and audit entries,
# move the published pointer and the rate bucket, and remove only expired throttle rows
# (row-level security in schema.sql); no DDL, no other database, bounded lock and
# transaction time so that it cannot hold the import lock forever.
APP_GRANTS = f"""
REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC;
REVOKE CONNECT ON DATABASE postgres FROM PUBLIC;
REVOKE CONNECT ON DATABASE template1 FROM PUBLIC;
GRANT CONNECT ON DATABASE {DATABASE} TO {APP_ROLE};
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO {APP_ROLE};
GRANT SELECT, INSERT ON ecotown_versions, ecotown_files, ecotown_audit TO {APP_ROLE};
GRANT SELECT, INSERT, UPDATE ON ecotown_latest, ecotown_rate TO {APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ecotown_throttle TO {APP_ROLE};
GRANT USAGE ON SEQUENCE ecotown_audit_id_seq TO {APP_ROLE};
ALTER ROLE {APP_ROLE} SET statement_timeout = '60s';
ALTER ROLE {APP_ROLE} SET idle_in_transaction_session_timeout = '120s';
ALTER ROLE {APP_ROLE} SET lock_timeout = '30s';
"""


def _bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for version in sorted(Path("/usr/lib/postgresql").glob("*"), reverse=True):
        candidate = version / "bin" / name
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"{name} not found (apt-get install postgresql)")


def _root() -> bool:
    return os.geteuid() == 0


def _superuser() -> str:
    """The database superuser: the OS user that runs the server (peer authentication)."""
    return SERVER_USER if _root() else getpass.getuser()


def _as_server_user(command: list[str]) -> list[str]:
    if not _root():
        return command
    return ["runuser", "-u", SERVER_USER, "--", *command]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_dir(directory: Path) -> Path:
    """Where the server of ``directory`` lives (``directory`` itself, or the private
    directory that ``directory/server_dir`` names)."""
    pointer = directory / POINTER
    if pointer.is_file():
        return Path(pointer.read_text().strip())
    return directory


def _reachable(directory: Path) -> bool:
    """Whether the server's user can reach ``directory`` (without changing anything)."""
    if not _root():
        return True
    done = subprocess.run(_as_server_user(["test", "-x", str(directory)]),
                          capture_output=True)
    return done.returncode == 0


def _psql(home: Path, port: int, sql: str, database: str = "postgres") -> None:
    """Run ``sql`` as the superuser over the socket; the SQL goes on standard input."""
    subprocess.run(_as_server_user([_bin("psql"), "-X", "-v", "ON_ERROR_STOP=1", "-q", "-h",
                                    str(home / "socket"), "-p", str(port), "-U",
                                    _superuser(), "-d", database, "-f", "-"]),
                   input=sql, check=True, capture_output=True, text=True)


def _prepare(directory: Path) -> Path:
    """The server's private home (made ``0700``, owned by the server's user)."""
    directory.mkdir(parents=True, exist_ok=True)
    os.chmod(directory, 0o700)
    home = directory
    if _root():
        if _reachable(directory):
            subprocess.run(["chown", "-R", f"{SERVER_USER}:{SERVER_USER}", str(directory)],
                           check=True)
        else:  # a private parent: a home of its own, not a changed parent
            home = server_dir(directory)
            if home == directory or not home.is_dir():
                home = Path(tempfile.mkdtemp(prefix="ecotown-pg-"))
                (directory / POINTER).write_text(f"{home}\n")
            subprocess.run(["chown", "-R", f"{SERVER_USER}:{SERVER_USER}", str(home)],
                           check=True)
    os.chmod(home, 0o700)
    (home / "socket").mkdir(mode=0o700, exist_ok=True)
    os.chmod(home / "socket", 0o700)
    if _root():
        subprocess.run(["chown", f"{SERVER_USER}:{SERVER_USER}", str(home / "socket")],
                       check=True)
    return home


def _pg_ctl(home: Path, port: int, action: str) -> None:
    """``pg_ctl start`` or ``restart`` with this server's options (its log in a file, so
    that no caller's pipe is held by the server)."""
    subprocess.run(_as_server_user([
        _bin("pg_ctl"), "-D", str(home / "data"), "-l", str(home / "server.log"), "-w",
        "-t", "60", "-m", "fast",
        "-o", f"-p {port} -k {home / 'socket'} -c listen_addresses=127.0.0.1 -c fsync=on "
              f"-c unix_socket_permissions=0700 -c log_file_mode=0600 "
              f"-c password_encryption=scram-sha-256",
        action]), check=True, capture_output=True, text=True, stdin=subprocess.DEVNULL)


def start(directory: Path, restart: bool = False) -> None:
    """Start (or restart) the server of an existing ``directory`` on its port."""
    os.umask(0o077)
    directory = directory.resolve()
    port = int((directory / "port").read_text())
    _pg_ctl(server_dir(directory), port, "restart" if restart else "start")


def up(directory: Path, port: int | None = None) -> str:
    """Start the server and return the app role's URL (password in it, for the app only)."""
    os.umask(0o077)
    directory = directory.resolve()
    home = _prepare(directory)
    data = home / "data"
    port = port or free_port()
    if not (data / "PG_VERSION").exists():
        subprocess.run(_as_server_user([_bin("initdb"), "-D", str(data), "-U", _superuser(),
                                        "--auth-local=peer", "--auth-host=scram-sha-256",
                                        "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, capture_output=True, text=True)
    (directory / "port").write_text(str(port))
    _pg_ctl(home, port, "start")
    password = secrets.token_urlsafe(18)
    _psql(home, port, f"CREATE DATABASE {DATABASE};")
    _psql(home, port, SCHEMA.read_text(), DATABASE)
    _psql(home, port, f"SET log_statement = 'none';\n"
                      f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{password}';\n{APP_GRANTS}",
          DATABASE)
    return f"postgresql://{APP_ROLE}:{password}@127.0.0.1:{port}/{DATABASE}"


def down(directory: Path) -> None:
    """Stop the server (fast shutdown) if it runs."""
    data = server_dir(directory.resolve()) / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(_as_server_user([_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                                        "stop"]), capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("up", "down", "start", "restart"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    if args.action == "up":
        print(up(args.directory, args.port))
    elif args.action in ("start", "restart"):
        start(args.directory, restart=args.action == "restart")
    else:
        down(args.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())
