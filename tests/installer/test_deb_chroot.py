"""The Debian package on a clean Debian 12: a fresh minbase debootstrap of bookworm (nothing in
its /opt, nothing of the build machine), where the chroot's own apt installs the package and
resolves every dependency from Debian; then the desktop entry is checked with bookworm's own
desktop-file-validate, the README is where Debian keeps it, a refused `keeper init` leaves no
file, the app's X11 window is `keeper`, and removing and purging the package leave /opt and the
user's database where they were.

Runs as root (CI does): it mounts /proc and a package cache into the chroot. The debootstrap
(40 s here) is made once and kept as a tarball in /var/cache/keeper-test/ (made again after
KEEP_DAYS), and so are the .debs apt downloads into it (~260 MB once): a run after the first
downloads nothing but the package lists. KEEPER_DEBIAN_MIRROR overrides the mirror.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

pytestmark = [pytest.mark.slow, pytest.mark.realtool]

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build_deb.py"
CACHE = Path("/var/cache/keeper-test")
SUITE = "bookworm"
MIRROR = os.environ.get("KEEPER_DEBIAN_MIRROR", "http://deb.debian.org/debian")
BASE = CACHE / f"{SUITE}-minbase.tar"
ARCHIVES = CACHE / f"{SUITE}-apt-archives"
KEEP_DAYS = 30
APT = [
    "apt-get",
    "-y",
    "-o",
    "Dpkg::Use-Pty=0",
    "-o",
    "APT::Sandbox::User=root",
    "--no-install-recommends",
]
HOME = "/home/keeper"
INIT = [
    "init",
    "--unit-code",
    "3101",
    "--unit-name",
    "Test unit",
    "--admin-badge",
    "010001",
    "--admin-name",
    "Admin",
    "--head-badge",
    "010102",
    "--head-name",
    "Head",
    "--head-department",
    "Crime",
]


def sh(
    cmd: list[str], timeout: float = 600, check: bool = True, **kw: Any
) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    if check:
        assert r.returncode == 0, (
            f"{cmd} exited {r.returncode}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
        )
    return r


class Chroot:
    def __init__(self, root: Path):
        self.root = root

    def run(
        self, *cmd: str, timeout: float = 600, check: bool = True, env: dict[str, str] | None = None
    ) -> subprocess.CompletedProcess[str]:
        base = {
            "PATH": "/usr/sbin:/usr/bin:/sbin:/bin",
            "LANG": "C.UTF-8",
            "DEBIAN_FRONTEND": "noninteractive",
            "HOME": HOME,
        }
        envs = [f"{k}={v}" for k, v in {**base, **(env or {})}.items()]
        return sh(
            ["chroot", str(self.root), "env", "-i", *envs, *cmd],
            timeout=timeout,
            check=check,
            stdin=subprocess.DEVNULL,
        )

    def path(self, p: str) -> Path:
        return self.root / p.lstrip("/")


def base_tarball() -> Path:
    """The minbase debootstrap of bookworm, made once (again after KEEP_DAYS)."""
    if BASE.exists() and time.time() - BASE.stat().st_mtime < KEEP_DAYS * 86400:
        return BASE
    assert shutil.which("debootstrap"), "debootstrap is missing: run scripts/install-deps.sh"
    with tempfile.TemporaryDirectory(dir=CACHE) as tmp:
        target = Path(tmp) / "root"
        t0 = time.monotonic()
        sh(["debootstrap", "--variant=minbase", SUITE, str(target), MIRROR], timeout=1800)
        print(f"debootstrap --variant=minbase {SUITE}: {time.monotonic() - t0:.0f} s")
        # its own downloads go to the shared package cache, not into the tarball
        for deb in (target / "var/cache/apt/archives").glob("*.deb"):
            if not (ARCHIVES / deb.name).exists():
                shutil.move(deb, ARCHIVES / deb.name)
            else:
                deb.unlink()
        part = Path(tmp) / "base.tar"
        sh(["tar", "-C", str(target), "--numeric-owner", "-cf", str(part), "."])
        part.replace(BASE)
    return BASE


def mounted_under(root: Path) -> list[str]:
    """The mount points at or under ``root`` (from the kernel's table: a bind mount within
    one file system is no mount point to os.path.ismount)."""
    with open("/proc/self/mounts", encoding="utf-8") as fh:
        points = [line.split()[1].replace("\\040", " ") for line in fh]
    return [m for m in points if m == str(root) or m.startswith(str(root) + "/")]


def umount(path: Path) -> None:
    if mounted_under(path):
        if subprocess.run(["umount", str(path)], capture_output=True).returncode != 0:
            subprocess.run(["umount", "-l", str(path)], capture_output=True)


@pytest.fixture(scope="module")
def chroot(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Chroot]:
    assert os.geteuid() == 0, "the chroot test mounts and installs: run it as root (CI does)"
    CACHE.mkdir(parents=True, exist_ok=True)
    (ARCHIVES / "partial").mkdir(parents=True, exist_ok=True)
    # one chroot test at a time on this machine: they share the cache
    lock = open(CACHE / "lock", "w")  # noqa: SIM115 - held for the module
    fcntl.flock(lock, fcntl.LOCK_EX)
    root = tmp_path_factory.mktemp("chroot") / SUITE
    mounts = [root / "proc", root / "var/cache/apt/archives"]
    try:
        root.mkdir()
        sh(["tar", "-C", str(root), "--numeric-owner", "-xf", str(base_tarball())])
        shutil.copyfile("/etc/resolv.conf", root / "etc/resolv.conf")
        # no daemon of the chroot starts on the build machine
        policy = root / "usr/sbin/policy-rc.d"
        policy.write_text("#!/bin/sh\nexit 101\n")
        policy.chmod(0o755)
        (root / HOME.lstrip("/")).mkdir(parents=True)
        sh(["mount", "-t", "proc", "proc", str(mounts[0])])
        sh(["mount", "--bind", str(ARCHIVES), str(mounts[1])])
        c = Chroot(root)
        c.run("apt-get", "update", timeout=900)
        yield c
    finally:
        try:
            for m in reversed(mounts):
                umount(m)
            # never delete through a mount that is still there (the package cache, /proc)
            left = mounted_under(root)
            assert not left, f"still mounted, {root} is left as it is: {left}"
            shutil.rmtree(root)
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
            lock.close()


@pytest.fixture(scope="module")
def installed(chroot: Chroot, tmp_path_factory: pytest.TempPathFactory) -> Chroot:
    """Keeper built from this tree (as `make deb` does, zstd for speed) and installed by the
    chroot's apt: every dependency comes from Debian."""
    out = tmp_path_factory.mktemp("deb")
    r = sh(
        [
            sys.executable,
            str(BUILD),
            "--out",
            str(out),
            "--work",
            str(out / "work"),
            "--wheelhouse",
            str(ROOT / "build" / "deb" / "wheelhouse"),
            "--compress",
            "zstd",
        ],
        timeout=900,
        cwd=ROOT,
    )
    deb = Path(r.stdout.strip().splitlines()[-1])
    shutil.copyfile(deb, chroot.path("/tmp/keeper.deb"))
    assert not any(chroot.path("/opt").iterdir()), "a fresh Debian has nothing in /opt"
    t0 = time.monotonic()
    chroot.run(*APT, "install", "/tmp/keeper.deb", "desktop-file-utils", timeout=1800)
    print(f"apt-get install ./keeper.deb in the chroot: {time.monotonic() - t0:.0f} s")
    assert (
        chroot.run("dpkg-query", "-W", "-f", "${Status}", "keeper").stdout == "install ok installed"
    )
    return chroot


def test_keeper_runs_from_the_installed_package(installed: Chroot) -> None:
    r = installed.run("keeper", "--help")
    assert "audit" in r.stdout
    assert installed.path("/opt/keeper/bin/python3").exists()


def test_the_package_does_not_claim_opt(installed: Chroot) -> None:
    r = installed.run("dpkg", "-S", "/opt", check=False)
    assert r.returncode != 0, f"a package lists /opt: {r.stdout}"


def test_the_desktop_entry_validates_on_bookworm(installed: Chroot) -> None:
    r = installed.run(
        "desktop-file-validate", "/usr/share/applications/keeper.desktop", check=False
    )
    assert r.returncode == 0 and not r.stdout.strip(), r.stdout + r.stderr


def test_the_readme_is_in_the_doc_folder(installed: Chroot) -> None:
    readme = installed.path("/usr/share/doc/keeper/README.md")
    assert readme.is_file()
    text = readme.read_text(encoding="utf-8")
    assert "keeper init" in text and "](docs/" not in text
    assert installed.path("/usr/share/doc/keeper/images/counter.png").is_file()


def test_a_refused_init_leaves_no_file(installed: Chroot) -> None:
    r = installed.run("keeper", *INIT, check=False)  # stdin is no terminal: no password
    assert r.returncode == 1 and "no terminal" in r.stderr, r.stderr
    data = installed.path(f"{HOME}/.local/share/keeper")
    assert not (data / "keeper.sqlite").exists()
    assert not data.exists() or not any(data.iterdir()), sorted(data.iterdir())


@contextmanager
def x_server() -> Iterator[str]:
    """A virtual X server of the build machine; the chroot reaches it through its abstract
    socket (one network namespace)."""
    r, w = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(w), "-screen", "0", "1280x800x24", "-nolisten", "tcp"],
        pass_fds=(w,),
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    os.close(w)
    try:
        with os.fdopen(r) as fh:
            number = fh.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        yield f":{number}"
    finally:
        os.killpg(xvfb.pid, signal.SIGTERM)
        xvfb.wait()


def x11_classes(display: str) -> list[str]:
    """WM_CLASS of each visible window of the X server, as xprop says it."""
    env = {**os.environ, "DISPLAY": display}
    wins = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--class", "."],
        capture_output=True,
        text=True,
        env=env,
    ).stdout.split()
    props = [
        subprocess.run(
            ["xprop", "-id", w, "WM_CLASS"], capture_output=True, text=True, env=env
        ).stdout.strip()
        for w in wins
    ]
    return [p for p in props if p.startswith("WM_CLASS(STRING)")]


def test_the_app_window_is_keeper_on_x11(installed: Chroot) -> None:
    creds = installed.path(f"{HOME}/creds.json")
    creds.write_text('{"010001": "correct-horse-1", "010102": "correct-horse-2"}')
    creds.chmod(0o600)
    installed.run("keeper", "--credentials", f"{HOME}/creds.json", *INIT)
    with x_server() as display:
        envs = [
            f"{k}={v}"
            for k, v in {
                "PATH": "/usr/bin:/bin",
                "LANG": "C.UTF-8",
                "HOME": HOME,
                "DISPLAY": display,
                "QT_QPA_PLATFORM": "xcb",
            }.items()
        ]
        app = subprocess.Popen(
            ["chroot", str(installed.root), "env", "-i", *envs, "keeper", "gui"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
            text=True,
        )
        classes: list[str] = []
        try:
            # wait for its first window (a bound on the wait, not on how fast it is)
            for _ in range(1200):
                if app.poll() is not None:
                    break
                classes = x11_classes(display)
                if classes:
                    break
                time.sleep(0.1)
        finally:
            if app.poll() is None:
                os.killpg(app.pid, signal.SIGTERM)
            _out, err = app.communicate(timeout=60)
        assert classes, f"no window appeared: {err[-2000:]}"
        assert all(c == 'WM_CLASS(STRING) = "keeper", "keeper"' for c in classes), classes
        assert "platform plugin" not in err and "Traceback" not in err, err[-2000:]


def test_remove_and_purge_keep_opt_and_the_users_data(installed: Chroot) -> None:
    db = installed.path(f"{HOME}/.local/share/keeper/keeper.sqlite")
    if not db.exists():  # the window test made it; on its own this test makes it here
        creds = installed.path(f"{HOME}/creds.json")
        creds.write_text('{"010001": "correct-horse-1", "010102": "correct-horse-2"}')
        creds.chmod(0o600)
        installed.run("keeper", "--credentials", f"{HOME}/creds.json", *INIT)
    before = db.read_bytes()
    installed.run(*APT, "remove", "keeper")
    assert not installed.path("/opt/keeper").exists()
    assert installed.path("/opt").is_dir(), "removing Keeper took /opt away"
    assert not installed.path("/usr/bin/keeper").exists()
    assert db.read_bytes() == before
    installed.run(*APT, "purge", "keeper")
    assert installed.path("/opt").is_dir()
    assert db.read_bytes() == before
