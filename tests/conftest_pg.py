"""A private PostgreSQL server on loopback for the storage tests.

Import the fixtures where needed (``from tests.conftest_pg import pg_server``, or
list this module in ``pytest_plugins``). The server is Debian's ``postgresql``
package: ``initdb`` a cluster in a temporary folder owned by the ``postgres`` user
(PostgreSQL refuses to run as root), start it with ``pg_ctl`` on a free port bound to
127.0.0.1 only, and stop it at the end of the session. Tests skip, saying why, when
the binaries are not installed (``apt-get install -y postgresql``).
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
import uuid

import pytest


def _bin_dir() -> str | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return os.path.dirname(found[-1]) if found else None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _run_as(user: str | None, args: list[str], **kw) -> subprocess.CompletedProcess:
    if user:
        args = ["runuser", "-u", user, "--"] + args
    return subprocess.run(args, check=True, capture_output=True, text=True, **kw)


@pytest.fixture(scope="session")
def pg_server():
    """Base URL (no database name) of a running private PostgreSQL server."""
    bin_dir = _bin_dir()
    if bin_dir is None:
        pytest.skip("PostgreSQL binaries not found (/usr/lib/postgresql/*/bin); apt-get install -y postgresql")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        pytest.skip("psycopg is not installed: pip install 'psycopg[binary]'")
    user = None
    if os.geteuid() == 0:
        try:
            user = pwd.getpwnam("postgres").pw_name
        except KeyError:
            pytest.skip("running as root and there is no 'postgres' user to run the server as")
    root = tempfile.mkdtemp(prefix="newsevents-pg-")
    data = os.path.join(root, "data")
    if user:
        shutil.chown(root, user)
    port = _free_port()
    _run_as(user, [f"{bin_dir}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8",
                   "--no-sync", "--locale=C"])
    options = f"-c listen_addresses=127.0.0.1 -c port={port} -c unix_socket_directories={root} -c fsync=off"
    _run_as(user, [f"{bin_dir}/pg_ctl", "-D", data, "-o", options, "-l", os.path.join(root, "log"), "-w",
                   "-t", "60", "start"])
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}"
    finally:
        subprocess.run((["runuser", "-u", user, "--"] if user else []) +
                       [f"{bin_dir}/pg_ctl", "-D", data, "-m", "immediate", "-w", "stop"], capture_output=True)
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture
def pg_url(pg_server):
    """A URL to a fresh, empty database on the private server (dropped afterwards)."""
    import psycopg

    name = "t_" + uuid.uuid4().hex[:12]
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as con:
        con.execute(f"CREATE DATABASE {name}")
    yield f"{pg_server}/{name}"
    with psycopg.connect(f"{pg_server}/postgres", autocommit=True) as con:
        con.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
