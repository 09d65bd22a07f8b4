"""A throwaway PostgreSQL cluster for the desk server's tests and benchmark.

``initdb`` and ``pg_ctl`` from the distribution's packages, in a temporary
folder, on a free loopback port. PostgreSQL refuses to run as root, so under
root (CI) the cluster belongs to the ``postgres`` system user the Debian
package creates (or ``nobody``) and its programs run through ``runuser``; the
tests themselves stay root and connect over TCP. The superuser connects
without a password (loopback only, the cluster dies with the run); editors'
roles use SCRAM passwords read from a pgpass file, as on a real desk.
"""

from __future__ import annotations

import contextlib
import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ADMIN = "desk_admin"
PG_BIN_ENV = "NEWSDESK_PG_BIN"


def find_bin_dir() -> Path | None:
    """The folder holding ``initdb``, ``pg_ctl`` and ``postgres``, or ``None``."""
    candidates: list[str] = []
    if os.environ.get(PG_BIN_ENV):
        candidates.append(os.environ[PG_BIN_ENV])
    candidates += sorted(
        glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]), reverse=True
    )
    on_path = shutil.which("initdb")
    if on_path:
        candidates.append(str(Path(on_path).resolve().parent))
    for folder in candidates:
        path = Path(folder)
        if all((path / name).exists() for name in ("initdb", "pg_ctl", "postgres")):
            return path
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _owner() -> str | None:
    """The system user the cluster runs as when we are root; ``None`` when we are not."""
    if os.geteuid() != 0:
        return None
    for name in ("postgres", "nobody"):
        try:
            pwd.getpwnam(name)
        except KeyError:
            continue
        return name
    raise RuntimeError("running as root and no 'postgres' or 'nobody' user to run PostgreSQL")


class Cluster:
    """One throwaway cluster: :meth:`start`, :meth:`stop`, :meth:`destroy`."""

    def __init__(self, bin_dir: Path, *, fsync: bool = False) -> None:
        self.bin_dir = bin_dir
        self.owner = _owner()
        self.base = Path(tempfile.mkdtemp(prefix="newsdesk-pg-"))
        self.data = self.base / "data"
        self.log = self.base / "server.log"
        self.port = free_port()
        self.fsync = fsync
        if self.owner is not None:
            entry = pwd.getpwnam(self.owner)
            os.chown(self.base, entry.pw_uid, entry.pw_gid)
        self._run(
            "initdb", "-D", str(self.data), "-U", ADMIN, "--auth=trust", "--no-sync",
            "-E", "UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        (self.data / "pg_hba.conf").write_text(
            f"local all all trust\n"
            f"host all {ADMIN} 127.0.0.1/32 trust\n"
            "host all all 127.0.0.1/32 scram-sha-256\n"
        )

    def _run(self, program: str, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin_dir / program), *args]
        if self.owner is not None:
            command = ["runuser", "-u", self.owner, "--", *command]
        return subprocess.run(
            command, check=True, capture_output=True, text=True, cwd=self.base, timeout=120
        )

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.base} -c listen_addresses=127.0.0.1 "
            f"-c fsync={'on' if self.fsync else 'off'} -c max_connections=60"
        )
        if not self.fsync:
            # Commits still reach the OS before they are acknowledged (synchronous_commit
            # stays on), so a server killed with "immediate" keeps them, as a real one does.
            options += " -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "start")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``immediate``: as if the machine had gone away)."""
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "stop")

    @property
    def running(self) -> bool:
        return (self.data / "postmaster.pid").exists()

    def destroy(self) -> None:
        if self.running:
            with contextlib.suppress(subprocess.SubprocessError):
                self.stop("immediate")
        shutil.rmtree(self.base, ignore_errors=True)

    def conninfo(self, dbname: str = "postgres", user: str = ADMIN) -> str:
        return f"host=127.0.0.1 port={self.port} dbname={dbname} user={user}"

    def admin_sql(self, sql: str, dbname: str = "postgres") -> None:
        """Run ``sql`` as the superuser, outside a transaction (CREATE DATABASE)."""
        import psycopg

        with psycopg.connect(self.conninfo(dbname), autocommit=True) as connection:
            connection.execute(sql)
