"""A PostgreSQL server of its own for a cluster on one machine or a test run.

    python deploy/pglocal.py up DIR [--port N]   # prints the app's URL as its last line
    python deploy/pglocal.py down DIR

``up`` makes a data directory in ``DIR`` (``initdb``), starts the server on 127.0.0.1 and a
free port (``pg_ctl``), creates the database ``ecotown``, the tables of
``deploy/schema.sql`` (owned by the admin role) and the app's role ``ecotown_app``, which may
only SELECT, INSERT and UPDATE those tables (and DELETE the throttle's expired rows), and
create, alter or drop nothing. PostgreSQL refuses to run as root: when run as
root, the server runs as the unprivileged ``postgres`` user (Debian's), which owns ``DIR``.
"""

from __future__ import annotations

import argparse
import os
import secrets
import shutil
import socket
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SCHEMA = HERE / "schema.sql"
APP_ROLE = "ecotown_app"
DATABASE = "ecotown"


def _bin(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for version in sorted(Path("/usr/lib/postgresql").glob("*"), reverse=True):
        candidate = version / "bin" / name
        if candidate.exists():
            return str(candidate)
    raise FileNotFoundError(f"{name} not found (apt-get install postgresql)")


def _as_server_user(command: list[str]) -> list[str]:
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", "postgres", "--", *command]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _psql(directory: Path, port: int, sql: str, database: str = "postgres") -> None:
    subprocess.run(_as_server_user([_bin("psql"), "-v", "ON_ERROR_STOP=1", "-q", "-h",
                                    str(directory / "socket"), "-p", str(port), "-U",
                                    "postgres", "-d", database, "-c", sql]),
                   check=True, capture_output=True, text=True)


def up(directory: Path, port: int | None = None) -> str:
    """Start the server and return the app role's URL (password in it, for the app only)."""
    directory = directory.resolve()
    data, sock = directory / "data", directory / "socket"
    port = port or free_port()
    sock.mkdir(parents=True, exist_ok=True)
    if os.geteuid() == 0:
        subprocess.run(["chown", "-R", "postgres:postgres", str(directory)], check=True)
        for parent in directory.parents:  # the postgres user must reach its directory:
            mode = parent.stat().st_mode     # let it pass through (o+x), never list or read
            if not mode & 0o001:
                parent.chmod(mode | 0o001)
    if not (data / "PG_VERSION").exists():
        subprocess.run(_as_server_user([_bin("initdb"), "-D", str(data), "-U", "postgres",
                                        "--auth-local=trust", "--auth-host=scram-sha-256",
                                        "-E", "UTF8", "--locale=C.UTF-8"]),
                       check=True, capture_output=True, text=True)
    subprocess.run(_as_server_user([
        _bin("pg_ctl"), "-D", str(data), "-l", str(directory / "server.log"), "-w", "-t", "60",
        "-o", f"-p {port} -k {sock} -c listen_addresses=127.0.0.1 -c fsync=on",
        "start"]), check=True, capture_output=True, text=True)
    (directory / "port").write_text(str(port))
    password = secrets.token_urlsafe(18)
    _psql(directory, port, f"CREATE DATABASE {DATABASE}")
    _psql(directory, port, SCHEMA.read_text(), DATABASE)
    _psql(directory, port, f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{password}'")
    _psql(directory, port, f"REVOKE ALL ON DATABASE {DATABASE} FROM PUBLIC; "
                           f"GRANT CONNECT ON DATABASE {DATABASE} TO {APP_ROLE}; "
                           f"REVOKE CREATE ON SCHEMA public FROM PUBLIC; "
                           f"GRANT USAGE ON SCHEMA public TO {APP_ROLE}; "
                           f"GRANT SELECT, INSERT, UPDATE ON ecotown_versions, ecotown_files, "
                           f"ecotown_latest, ecotown_audit TO {APP_ROLE}; "
                           f"GRANT USAGE ON SEQUENCE ecotown_audit_id_seq TO {APP_ROLE}; "
                           f"GRANT SELECT, INSERT, UPDATE ON ecotown_rate TO {APP_ROLE}; "
                           f"GRANT SELECT, INSERT, UPDATE, DELETE ON ecotown_throttle "
                           f"TO {APP_ROLE}",
          DATABASE)
    return f"postgresql://{APP_ROLE}:{password}@127.0.0.1:{port}/{DATABASE}"


def down(directory: Path) -> None:
    """Stop the server (fast shutdown) if it runs."""
    data = directory.resolve() / "data"
    if (data / "postmaster.pid").exists():
        subprocess.run(_as_server_user([_bin("pg_ctl"), "-D", str(data), "-m", "fast", "-w",
                                        "stop"]), capture_output=True, text=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("action", choices=("up", "down"))
    parser.add_argument("directory", type=Path)
    parser.add_argument("--port", type=int)
    args = parser.parse_args(argv)
    if args.action == "up":
        print(up(args.directory, args.port))
    else:
        down(args.directory)
    return 0


if __name__ == "__main__":
    sys.exit(main())


