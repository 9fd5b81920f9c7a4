"""Real, throwaway PostgreSQL 15 clusters for the tests (issue 11), run with Debian's own
binaries (initdb, pg_ctl, psql from ``/usr/lib/postgresql/15/bin``).

Each :class:`PgCluster` lives in a private folder of its own (``/tmp/keeper-pg-<name>-*``)
that it removes when destroyed. Postgres refuses to run as root, and CI runs the tests as
root: then every server program runs as the ``postgres`` system user (made by Debian's
postgresql package) through ``runuser``, and the folder belongs to that user (a pytest
``tmp_path`` under ``/tmp/pytest-of-root`` is 0700, which that user cannot enter). The
``folder`` given to the cluster receives the server's log when it is destroyed, for reading
after a failed test.

The cluster: UTF8 with the C locale (text orders byte by byte, as sqlite does), the
superuser ``postgres`` with a random password, trusted on the Unix socket (in the cluster's
folder) and asked for that password (SCRAM-SHA-256) over TCP on 127.0.0.1 at a free port;
fsync on, so a killed server recovers what was committed as a real one would.
``logical=True`` sets ``wal_level = logical`` for logical replication.

Every cluster still alive when the interpreter exits is stopped and removed then too, so a
failed or interrupted test does not leave a postmaster behind; so is it when the process is
told to end by SIGTERM or SIGHUP (a CI job's timeout, a closed terminal), which would end it
without running the exit handlers: the first cluster made installs a handler for them (when
nothing else handles them) that destroys the clusters and then ends the process by the same
signal.
"""

from __future__ import annotations

import atexit
import os
import pwd
import secrets
import shutil
import signal
import socket
import subprocess
import tempfile
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import Any
from urllib.parse import quote

import psycopg
from psycopg import sql

SUPERUSER = "postgres"
#: the folder of PostgreSQL 15's server programs on Debian
DEBIAN_BINDIR = Path("/usr/lib/postgresql/15/bin")
#: seconds pg_ctl waits for the server to accept connections, or to stop
PG_CTL_TIMEOUT = 120

#: every cluster made and not yet destroyed, for the stop at exit (held strongly: a cluster a
#: test dropped is still running)
_live: set[PgCluster] = set()


def pg_bindir() -> Path:
    """Where initdb, pg_ctl, postgres and psql of PostgreSQL 15 are: Debian's folder, else
    what ``pg_config --bindir`` names (when that exists and is version 15)."""
    if (DEBIAN_BINDIR / "initdb").is_file():
        return DEBIAN_BINDIR
    pg_config = shutil.which("pg_config")
    if pg_config:
        out = subprocess.run([pg_config, "--bindir", "--version"], capture_output=True, text=True)
        lines = out.stdout.split("\n")
        if out.returncode == 0 and len(lines) >= 2 and lines[1].startswith("PostgreSQL 15"):
            candidate = Path(lines[0].strip())
            if (candidate / "initdb").is_file():
                return candidate
    raise RuntimeError(
        f"PostgreSQL 15's server programs are not in {DEBIAN_BINDIR}: "
        "install postgresql-15 (scripts/install-deps.sh)"
    )


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on now (the kernel's pick for port 0)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_root() -> bool:
    return os.geteuid() == 0


class PgCluster:
    """One PostgreSQL 15 cluster of its own: ``start()``, then connect with :meth:`url`."""

    def __init__(self, folder: Path, name: str = "pg", logical: bool = False) -> None:
        self.folder = Path(folder)
        self.name = name
        self.logical = logical
        self.bindir = pg_bindir()
        self.password = secrets.token_urlsafe(18)
        self.port = 0
        self.base: Path | None = None  # made at the first start, removed by destroy()
        self._owner = pwd.getpwnam(SUPERUSER) if _as_root() else None
        _live.add(self)
        _handle_termination()

    # -- paths and programs ------------------------------------------------------------

    @property
    def data(self) -> Path:
        assert self.base is not None, "the cluster was never started"
        return self.base / "data"

    @property
    def socket_dir(self) -> Path:
        assert self.base is not None, "the cluster was never started"
        return self.base

    @property
    def logfile(self) -> Path:
        assert self.base is not None, "the cluster was never started"
        return self.base / "server.log"

    def _run(
        self, program: str, *args: str, check: bool = True
    ) -> subprocess.CompletedProcess[str]:
        """A server program, as the ``postgres`` user when we are root."""
        cmd = [str(self.bindir / program), *args]
        if self._owner is not None:
            cmd = ["runuser", "-u", SUPERUSER, "--", *cmd]
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG")}
        env["LC_ALL"] = "C"
        r = subprocess.run(
            cmd,
            capture_output=True,
            text=True,
            cwd=self.base,  # the postgres user may not enter the test's working folder
            env=env,
            timeout=PG_CTL_TIMEOUT + 30,
        )
        if check and r.returncode != 0:
            raise RuntimeError(
                f"{program} {' '.join(args)} failed ({r.returncode}):\n{r.stdout}{r.stderr}"
                f"\n--- server log ---\n{self.log()}"
            )
        return r

    def _chown(self, path: Path) -> None:
        if self._owner is not None:
            os.chown(path, self._owner.pw_uid, self._owner.pw_gid)

    def log(self) -> str:
        """The server's log so far ('' before the first start)."""
        try:
            return self.logfile.read_text(errors="replace")
        except (OSError, AssertionError):
            return ""

    # -- making the cluster ------------------------------------------------------------

    def _initdb(self) -> None:
        # /tmp, not $TMPDIR: the postgres user must enter every parent, and the socket's
        # path must stay short (108 bytes at most)
        self.base = Path(tempfile.mkdtemp(prefix=f"keeper-pg-{self.name}-", dir="/tmp"))
        self._chown(self.base)
        pwfile = self.base / "pwfile"
        pwfile.write_text(self.password + "\n")
        self._chown(pwfile)
        self._run(
            "initdb",
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "-E",
            "UTF8",
            "--no-locale",
            "--auth-local=trust",
            "--auth-host=scram-sha-256",
            f"--pwfile={pwfile}",
            "--no-sync",  # initdb's own files; the server itself runs with fsync on
        )
        pwfile.unlink()
        (self.data / "pg_hba.conf").write_text(
            "# TYPE  DATABASE     USER  ADDRESS        METHOD\n"
            "local   all          all                  trust\n"
            "local   replication  all                  trust\n"
            "host    all          all   127.0.0.1/32   scram-sha-256\n"
            "host    replication  all   127.0.0.1/32   scram-sha-256\n"
        )
        self._chown(self.data / "pg_hba.conf")
        with (self.data / "postgresql.conf").open("a") as f:
            f.write("\ninclude 'keeper_test.conf'\n")

    def _configure(self) -> None:
        """The settings of this run, in keeper_test.conf that postgresql.conf includes last
        (what a test sets with ALTER SYSTEM, in postgresql.auto.conf, still wins)."""
        settings = {
            "listen_addresses": "'127.0.0.1'",
            "port": str(self.port),
            "unix_socket_directories": f"'{self.socket_dir}'",
            "fsync": "on",
            "synchronous_commit": "on",
            "password_encryption": "'scram-sha-256'",
            "max_connections": "50",
            "shared_buffers": "'32MB'",
            "wal_level": "logical" if self.logical else "replica",
            "max_replication_slots": "10",
            "max_wal_senders": "10",
            "max_logical_replication_workers": "4",
            "logging_collector": "off",
            "log_min_messages": "warning",
        }
        conf = self.data / "keeper_test.conf"
        conf.write_text("".join(f"{k} = {v}\n" for k, v in settings.items()))
        self._chown(conf)

    # -- running -----------------------------------------------------------------------

    def start(self) -> PgCluster:
        """Start the server (making the cluster at the first start) and return once it
        accepts connections. A port taken between its choice and the start is retried."""
        if self.base is None:
            self._initdb()
        if self.is_running():
            return self
        port_fixed = self.port != 0  # a restart keeps its port: URLs handed out stay valid
        for attempt in range(5):
            if not port_fixed:
                self.port = free_port()
            self._configure()
            r = self._run(
                "pg_ctl",
                "start",
                "-D",
                str(self.data),
                "-l",
                str(self.logfile),
                "-w",
                "-t",
                str(PG_CTL_TIMEOUT),
                check=False,
            )
            if r.returncode == 0:
                return self
            if port_fixed or "Address already in use" not in self.log() or attempt == 4:
                raise RuntimeError(
                    f"pg_ctl start failed ({r.returncode}):\n{r.stdout}{r.stderr}"
                    f"\n--- server log ---\n{self.log()}"
                )
        raise AssertionError("unreachable")

    def stop(self, mode: str = "fast") -> None:
        """Stop the server (``smart``, ``fast`` or ``immediate``); the cluster stays and
        :meth:`start` runs it again. Nothing to do when it is not running."""
        if self.base is None or not self.is_running():
            return
        self._run(
            "pg_ctl", "stop", "-D", str(self.data), "-m", mode, "-w", "-t", str(PG_CTL_TIMEOUT)
        )

    def restart(self) -> None:
        """A clean stop then a start, on the same port."""
        self.stop()
        self.start()

    def is_running(self) -> bool:
        """Whether the postmaster of ``postmaster.pid`` lives (a killed one's zombie, not yet
        reaped, does not count: ``pg_ctl status`` would say it runs)."""
        pid = self.postmaster_pid()
        return pid is not None and _alive(pid)

    def postmaster_pid(self) -> int | None:
        try:
            first = (self.data / "postmaster.pid").read_text().split("\n", 1)[0]
        except (OSError, AssertionError):
            return None
        return int(first) if first.strip().isdigit() else None

    def kill(self) -> None:
        """A crash: SIGKILL to the postmaster and to every process of the server at once
        (as when the machine dies), and wait until they are all gone. The next
        :meth:`start` recovers from the WAL."""
        pid = self.postmaster_pid()
        if pid is None or not _alive(pid):
            return
        os.kill(pid, signal.SIGSTOP)  # forks no more backends while its children are listed
        victims = [pid, *_children(pid)]
        for p in victims:
            try:
                os.kill(p, signal.SIGKILL)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 30
        while any(_alive(p) for p in victims):
            if time.monotonic() > deadline:
                raise RuntimeError(f"the killed server's processes {victims} did not end")
            time.sleep(0.05)
        # The dead postmaster stays a zombie until its new parent (PID 1) reaps it, which
        # takes up to seconds here; meanwhile a new postmaster takes postmaster.pid for a
        # live server's (kill(pid, 0) succeeds on a zombie) and refuses to start; so with the
        # socket's lock file. No process of the server is left: the files are stale, as
        # postgres itself would find them once the zombie is gone.
        if Path(f"/proc/{pid}").exists():
            (self.data / "postmaster.pid").unlink(missing_ok=True)
            (self.socket_dir / f".s.PGSQL.{self.port}.lock").unlink(missing_ok=True)

    def destroy(self) -> None:
        """Stop the server (immediately when a clean stop fails), keep its log in
        ``folder/<name>.log``, and remove the cluster's folder."""
        if self.base is None:
            _live.discard(self)
            return
        try:
            self.stop()
        except Exception:
            self.kill()
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / f"{self.name}.log").write_text(self.log())
        except OSError:
            pass
        shutil.rmtree(self.base, ignore_errors=True)
        self.base = None
        _live.discard(self)

    def __enter__(self) -> PgCluster:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.destroy()

    # -- connecting ----------------------------------------------------------------------

    def url(
        self, user: str = SUPERUSER, password: str | None = None, dbname: str = "postgres"
    ) -> str:
        """``postgresql://user:password@127.0.0.1:PORT/dbname`` (TCP, password checked).
        No password given: the superuser's own for ``postgres``, none for anyone else."""
        if password is None and user == SUPERUSER:
            password = self.password
        auth = quote(user, safe="")
        if password is not None:
            auth += ":" + quote(password, safe="")
        return f"postgresql://{auth}@127.0.0.1:{self.port}/{quote(dbname, safe='')}"

    def superuser_url(self, dbname: str = "postgres") -> str:
        return self.url(SUPERUSER, self.password, dbname)

    def connect(self, dbname: str = "postgres", autocommit: bool = True) -> psycopg.Connection[Any]:
        """A psycopg connection as the superuser over TCP."""
        return psycopg.connect(self.superuser_url(dbname), autocommit=autocommit)

    def create_database(self, name: str, template: str = "template0") -> str:
        """A new database (UTF8, C collation), returning its superuser URL: empty, or a copy
        of ``template`` (a database nobody is connected to)."""
        with self.connect() as con:
            con.execute(
                sql.SQL(
                    "CREATE DATABASE {} TEMPLATE {} ENCODING 'UTF8' LC_COLLATE 'C' LC_CTYPE 'C'"
                ).format(sql.Identifier(name), sql.Identifier(template))
            )
        return self.superuser_url(name)

    def drop_database(self, name: str) -> None:
        """Drop it, ending any connection still open to it (a failed test's)."""
        with self.connect() as con:
            con.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )

    def psql(self, sql_text: str, dbname: str = "postgres") -> str:
        """Run SQL with the real psql client (on the Unix socket, as the superuser); its
        unaligned, tuples-only output. An SQL error raises."""
        r = subprocess.run(
            [
                str(self.bindir / "psql"),
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                str(self.socket_dir),
                "-p",
                str(self.port),
                "-U",
                SUPERUSER,
                "-d",
                dbname,
                "-c",
                sql_text,
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if r.returncode != 0:
            raise RuntimeError(f"psql failed ({r.returncode}): {r.stderr.strip()}\nSQL: {sql_text}")
        return r.stdout

    def __repr__(self) -> str:
        state = "running" if self.base is not None and self.is_running() else "stopped"
        return f"<PgCluster {self.name} port {self.port} {state} at {self.base}>"


def _alive(pid: int) -> bool:
    """Whether the process exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def _children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (the server's backends and workers)."""
    out = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            out.append(int(entry.name))
    return out


@atexit.register
def _destroy_leftovers() -> None:
    for cluster in list(_live):
        try:
            cluster.destroy()
        except Exception:
            pass


#: the signals that end a process without its exit handlers, and that the clusters outlive
TERMINATING = (signal.SIGTERM, signal.SIGHUP)
_handling = False


def _handle_termination() -> None:
    """Destroy the clusters before a SIGTERM or SIGHUP ends the process (once, from the main
    thread, and only for a signal nothing else handles)."""
    global _handling
    if _handling or threading.current_thread() is not threading.main_thread():
        return
    _handling = True
    for signum in TERMINATING:
        if signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _terminated)


def _terminated(signum: int, frame: object) -> None:
    signal.signal(signum, signal.SIG_DFL)  # a second signal ends the process at once
    _destroy_leftovers()
    os.kill(os.getpid(), signum)  # ended by the signal, as it would have been
