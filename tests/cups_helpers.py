"""A private ``cupsd`` for the tests that print for real: its own config, spool and socket
in a temporary folder (nothing of the system's CUPS is touched) with two cups-pdf queues,
KeeperPDF and KeeperReject. The session fixture ``cups_server`` is made available to every
test folder by tests/conftest.py, so one cupsd serves the whole run.

cups-pdf reads its queue's settings from /etc/cups/cups-pdf-<instance>.conf, a path built
into it. So cupsd (and the backends it starts) runs in a private mount namespace in which
/etc/cups is the test's own folder: the machine's /etc/cups is never written."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import pytest

from printing import PrintError, cups


def tool(name: str) -> str:
    path = shutil.which(name)
    assert path, f"{name} is not installed: run scripts/install-deps.sh"
    return path


PPD = Path("/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd")
PRINTER = "KeeperPDF"


@dataclass
class CupsServer:
    socket: str
    out: Path
    printer: str
    log: Path


def admin(server: str, *args: str) -> None:
    r = subprocess.run(
        [*args[:1], "-h", server, *args[1:]], capture_output=True, text=True, timeout=60
    )
    assert r.returncode == 0, f"{args}: {r.stderr}"


@pytest.fixture(scope="session")
def cups_server():
    """A private cupsd with a cups-pdf queue, for the whole session. Its folder is under
    /tmp and readable by all: CUPS runs the filters as user lp (pytest's own temporary
    folders are private to root, and a job there never prints)."""
    assert os.geteuid() == 0, (
        "the CUPS tests start a private cupsd whose cups-pdf backend "
        "runs only as root: run them as root (CI does)"
    )
    cupsd = shutil.which("cupsd") or "/usr/sbin/cupsd"
    assert Path(cupsd).exists(), "cupsd is not installed: run scripts/install-deps.sh"
    assert PPD.exists() and Path("/usr/lib/cups/backend/cups-pdf").exists(), (
        "printer-driver-cups-pdf is not installed: run scripts/install-deps.sh"
    )
    base = Path(tempfile.mkdtemp(prefix="keeper-cups-"))
    base.chmod(0o755)
    for d in ("conf", "spool/tmp", "cache", "state", "log", "out", "cups-pdf-spool"):
        (base / d).mkdir(parents=True, exist_ok=True)
    sock = str(base / "cups.sock")
    (base / "conf" / "cupsd.conf").write_text(
        f"LogLevel info\nListen {sock}\nBrowsing Off\nWebInterface No\n"
        "DefaultAuthType None\n<Location />\n  Order allow,deny\n  Allow all\n</Location>\n"
        "<Policy default>\n  <Limit All>\n    Order deny,allow\n  </Limit>\n</Policy>\n"
    )
    (base / "conf" / "cups-files.conf").write_text(
        f"ServerRoot {base}/conf\nRequestRoot {base}/spool\nTempDir {base}/spool/tmp\n"
        f"CacheDir {base}/cache\nStateDir {base}/state\nErrorLog {base}/log/error_log\n"
        f"AccessLog {base}/log/access_log\nPageLog {base}/log/page_log\n"
        "DataDir /usr/share/cups\nServerBin /usr/lib/cups\nUser lp\nGroup lp\n"
        "SystemGroup root\nFileDevice Yes\nSandboxing Relaxed\n"
    )
    # cups-pdf reads /etc/cups/cups-pdf-<instance>.conf for the queue cups-pdf:/<instance>:
    # our own /etc/cups, seen only by our cupsd (below)
    instance = f"keepertest{os.getpid()}"
    etc_cups = base / "etc-cups"
    etc_cups.mkdir()
    conf = etc_cups / f"cups-pdf-{instance}.conf"
    conf.write_text(
        f"Out {base}/out\nAnonDirName {base}/out\nSpool {base}/cups-pdf-spool\n"
        f"Log {base}/log\nGrp root\nUserUMask 0022\nAnonUMask 0022\nLabel 2\n"
        "TitlePref 1\nLogType 3\n"
    )
    assert shutil.which("unshare"), (
        "unshare (util-linux) is not installed: the private cupsd "
        "runs in a mount namespace of its own"
    )
    assert Path("/etc/cups").is_dir(), "/etc/cups is missing: run scripts/install-deps.sh"
    # unshare -m: a private mount namespace (its mounts propagate nowhere); the bind mount
    # is gone when cupsd, the last process in it, ends
    private = 'mount --bind "$0" /etc/cups && exec "$@"'
    proc = subprocess.Popen(
        [
            "unshare",
            "-m",
            "sh",
            "-c",
            private,
            str(etc_cups),
            cupsd,
            "-f",
            "-c",
            f"{base}/conf/cupsd.conf",
            "-s",
            f"{base}/conf/cups-files.conf",
        ],
        stdout=subprocess.DEVNULL,
        stderr=open(base / "log" / "stderr", "wb"),
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            r = subprocess.run(
                [tool("lpstat"), "-h", sock, "-r"], capture_output=True, text=True, timeout=10
            )
            if r.stdout.strip() == "scheduler is running":
                break
            assert proc.poll() is None, (base / "log" / "stderr").read_text()
            assert time.monotonic() < deadline, "the private cupsd did not start"
            time.sleep(0.2)
        for name in (PRINTER, "KeeperReject"):
            admin(
                sock,
                tool("lpadmin"),
                "-p",
                name,
                "-E",
                "-v",
                f"cups-pdf:/{instance}",
                "-P",
                str(PPD),
            )
        yield CupsServer(sock, base / "out", PRINTER, base / "log")
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=5)
        shutil.rmtree(base, ignore_errors=True)


def logs(server: CupsServer) -> str:
    return "\n".join(p.read_text(errors="replace")[-2000:] for p in server.log.iterdir())


def printed(server: CupsServer, job: str, timeout: float = 60) -> Path:
    try:
        cups.wait_for_job(job, timeout=timeout, server=server.socket)
    except PrintError as exc:
        raise AssertionError(f"{exc}\n{logs(server)}") from None
    n = job.rsplit("-", 1)[1]
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [p for p in server.out.glob("*.pdf") if f"job_{n}" in p.name]
        if found and found[0].stat().st_size > 0:
            return found[0]
        time.sleep(0.2)
    raise AssertionError(f"cups-pdf wrote nothing for {job}:\n{logs(server)}")
