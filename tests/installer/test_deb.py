"""The Debian package, for real: built by installer/build_deb.py (as `make deb` does),
installed with apt-get, used by a person with a home of their own (init, demo, scan, a
change, audit verify, the desktop app under Xvfb), upgraded with a newer build, removed —
and the person's database is there, private and unchanged, all along.

Runs as root (CI does): it installs into the system, and leaves it as it found it. It only
ever removes a keeper package it built itself (versions ending in +test1/+test2): one that an
interrupted run left installed is removed first, and its own is purged at the end, even on
failure. Where any other keeper package is installed (a real one, or one whose files the
test's package would replace) the test fails, saying so, and touches nothing. The two builds
share one wheelhouse (`make deb`'s), so the second asks no index; the second is compressed
with zstd (seconds instead of xz's minute).
"""

from __future__ import annotations

import configparser
import fcntl
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# the first build of a fresh clone fills the wheelhouse from the index: longer than the
# run's per-test timeout (pyproject) allows
pytestmark = [pytest.mark.slow, pytest.mark.realtool, pytest.mark.timeout(1800)]

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "installer" / "build_deb.py"
APT = ["apt-get", "-y", "-o", "DPkg::Lock::Timeout=300", "-o", "Dpkg::Use-Pty=0"]
WANTED_DEPENDS = [
    "xorriso",
    "cups-client",
    "fonts-wqy-microhei",
    "ffmpeg",
    "poppler-utils",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libdbus-1-3",
]


def sh(cmd: list[str], timeout: float = 120, **kw) -> subprocess.CompletedProcess[str]:
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, **kw)
    assert r.returncode == 0, f"{cmd} exited {r.returncode}\n{r.stdout[-3000:]}\n{r.stderr[-3000:]}"
    return r


def installed_version() -> str | None:
    r = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Status}|${Version}", "keeper"], capture_output=True, text=True
    )
    if r.returncode != 0:
        return None
    status, version = r.stdout.split("|")
    return version if status.endswith(" installed") else None


#: the version suffixes of the packages this test builds: only these does it ever remove
TEST_SUFFIXES = ("+test1", "+test2")
LOCK = "/tmp/keeper-deb-test.lock"  # one package test at a time on this machine (dpkg is one)


def package_state() -> tuple[str, str] | None:
    """(status, version) of the keeper package as dpkg knows it (installed, or removed with
    its configuration kept), or None when dpkg has never heard of it."""
    r = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Status}|${Version}", "keeper"], capture_output=True, text=True
    )
    if r.returncode != 0 or not r.stdout.strip():
        return None
    status, version = r.stdout.split("|")
    return None if status.endswith(" not-installed") else (status, version)


def foreign_package() -> str | None:
    """What is wrong when a keeper package this test did not build is on the machine."""
    state = package_state()
    if state is None or state[1].endswith(TEST_SUFFIXES):
        return None
    return (
        f"a keeper package this test did not install is on this machine (version {state[1]}, "
        f"{state[0]}): the test installs, upgrades and removes a keeper of its own, so it "
        "will not run here and leaves that package alone. Remove it first, or run the test "
        "where no keeper is installed (CI does)"
    )


def purge() -> None:
    """Remove the package if, and only if, this test built it."""
    state = package_state()
    if state is not None and state[1].endswith(TEST_SUFFIXES):
        sh(["dpkg", "--purge", "keeper"], timeout=300)


@dataclass
class Built:
    first: Path
    second: Path
    first_version: str
    second_version: str


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Built]:
    assert os.geteuid() == 0, "the package test installs into the system: run it as root (CI does)"
    assert shutil.which("dpkg-deb") and Path("/usr/bin/python3").exists()
    problem = foreign_package()  # before waiting for the lock: says so at once
    assert problem is None, problem
    # one package test at a time on this machine (dpkg is one), whoever runs it
    lock = open(LOCK, "w")  # noqa: SIM115 - held for the module
    fcntl.flock(lock, fcntl.LOCK_EX)
    problem = foreign_package()  # again, now that no other run can be installing
    if problem is not None:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        pytest.fail(problem)
    try:
        base = tmp_path_factory.mktemp("deb")
        # the wheelhouse `make deb` keeps (filled by the first build of a fresh clone)
        wheelhouse, out = ROOT / "build" / "deb" / "wheelhouse", base / "dist"
        debs = []
        for suffix, compress in (("+test1", "xz"), ("+test2", "zstd")):
            r = sh(
                [
                    sys.executable,
                    str(BUILD),
                    "--suffix",
                    suffix,
                    "--out",
                    str(out),
                    "--work",
                    str(base / "work"),
                    "--wheelhouse",
                    str(wheelhouse),
                    "--compress",
                    compress,
                ],
                timeout=600,
                cwd=ROOT,
            )
            debs.append(Path(r.stdout.strip().splitlines()[-1]))
            if suffix == "+test2":
                assert "no index asked" in r.stdout, "the second build should use the wheelhouse"
        assert all(d.exists() for d in debs), debs
        from keeper_app import __version__

        yield Built(debs[0], debs[1], __version__ + "+test1", __version__ + "+test2")
    finally:
        purge()
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()


def control(deb: Path) -> dict[str, str]:
    text = sh(["dpkg-deb", "--field", str(deb)]).stdout
    fields: dict[str, str] = {}
    key = ""
    for line in text.splitlines():
        if line.startswith(" ") and key:
            fields[key] += "\n" + line
        else:
            key, _, value = line.partition(":")
            fields[key] = value.strip()
    return fields


def test_package_contents(built: Built, tmp_path: Path) -> None:
    f = control(built.first)
    assert f["Package"] == "keeper" and f["Version"] == built.first_version
    assert f["Architecture"] == sh(["dpkg", "--print-architecture"]).stdout.strip()
    depends = [d.strip() for d in f["Depends"].split(",")]
    names = {d.split()[0] for d in depends}
    missing = [d for d in WANTED_DEPENDS if d not in names]
    assert not missing, f"Depends lacks {missing}: {f['Depends']}"
    assert "python3 (>= 3.11)" in depends
    assert (
        sh(
            ["dpkg", "--compare-versions", built.second_version, "gt", built.first_version]
        ).returncode
        == 0
    )

    listing = sh(["dpkg-deb", "--contents", str(built.first)]).stdout
    paths = {line.split()[5].lstrip(".") for line in listing.splitlines()}
    for p in (
        "/usr/bin/keeper",
        "/usr/share/applications/keeper.desktop",
        "/usr/share/icons/hicolor/scalable/apps/keeper.svg",
        "/usr/share/icons/hicolor/256x256/apps/keeper.png",
        "/usr/share/icons/hicolor/48x48/apps/keeper.png",
        "/usr/share/keeper/resources/label_sheets/avery-l7676.json",
        "/opt/keeper/pyvenv.cfg",
        "/usr/share/doc/keeper/guide.zh_CN.md",
        "/usr/share/doc/keeper/images/guide/zh_CN/counter.png",
        "/opt/keeper/bin/python3",
    ):
        assert p in paths, f"{p} is not in the package"
    assert any(
        p.startswith("/opt/keeper/lib/python3") and p.endswith("/keeper_app/cli/__init__.py")
        for p in paths
    )
    assert any("/PySide6/Qt/plugins/platforms/libqxcb.so" in p for p in paths)
    # no pip, no build tools, nothing outside /opt/keeper and /usr, no user data
    assert not any("/site-packages/pip/" in p or "/PySide6/designer" in p for p in paths)
    assert all(
        p == "/" or p.startswith(("/opt", "/usr/")) or p in ("/opt/", "/usr/") for p in paths
    ), sorted(p for p in paths if not p.startswith(("/opt", "/usr")))
    assert not any(p.endswith((".sqlite", ".sqlite-wal")) for p in paths)
    owners = {" ".join(line.split()[1:2]) for line in listing.splitlines()}
    assert owners == {"root/root"}, owners

    sh(["dpkg-deb", "--raw-extract", str(built.first), str(tmp_path / "x")])
    x = tmp_path / "x"
    desktop = configparser.ConfigParser(interpolation=None)
    desktop.optionxform = str  # type: ignore[assignment,method-assign]
    desktop.read(x / "usr/share/applications/keeper.desktop", encoding="utf-8")
    entry = desktop["Desktop Entry"]
    assert entry["Type"] == "Application" and entry["Name"] == "Keeper"
    assert entry["Name[zh_CN]"] == "讯问录音录像资料保管系统"
    assert "Office" in entry["Categories"].split(";")
    assert entry["Exec"].split()[0] == "keeper" and entry["Icon"] == "keeper"
    pyvenv = (x / "opt/keeper/pyvenv.cfg").read_text()
    assert "home = /usr/bin" in pyvenv and "include-system-site-packages = false" in pyvenv
    link = x / "opt/keeper/bin/python"
    while link.is_symlink() and not os.readlink(link).startswith("/"):
        link = link.parent / os.readlink(link)
    assert os.readlink(link).startswith("/usr/bin/python3"), os.readlink(link)
    for script in (x / "opt/keeper/bin").iterdir():
        if script.is_file() and not script.is_symlink():
            assert str(x) not in script.read_text(errors="replace")
            assert "/build/" not in script.read_text(errors="replace").splitlines()[0]
    assert stat.S_IMODE((x / "usr/bin/keeper").stat().st_mode) == 0o755
    # the maintainer scripts never name a user's home or the data folder as a thing to touch
    for script in ("postinst", "postrm"):
        text = (x / "DEBIAN" / script).read_text()
        code = "\n".join(ln for ln in text.splitlines() if not ln.lstrip().startswith("#"))
        assert ".local" not in code and "/home" not in code and "sqlite" not in code


class Person:
    """Someone with a home of their own running the installed keeper."""

    def __init__(self, home: Path):
        self.home = home
        self.creds = home / "creds.json"
        self.env = {"HOME": str(home), "PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "USER": "root"}

    @property
    def data(self) -> Path:
        return self.home / ".local" / "share" / "keeper"

    def keeper(self, *args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
        return sh(
            ["/usr/bin/keeper", *args],
            timeout=timeout,
            env=self.env,
            cwd=self.home,
            preexec_fn=lambda: os.umask(0o022),
        )

    def as_keeper(self, badge: str, *args: str) -> subprocess.CompletedProcess[str]:
        return self.keeper("--credentials", str(self.creds), "--as", badge, "--json", *args)


def not_private(data: Path) -> list[str]:
    """What makes the data folder readable by others: the folder must be 0700 (nobody else
    can enter it, whatever is inside), the database and its journal files 0600, backups'
    folders 0700; and nothing in it is writable by others."""

    def mode(p: Path) -> int:
        return stat.S_IMODE(p.lstat().st_mode)

    wrong = [f"{data} {mode(data):o}"] if mode(data) != 0o700 else []
    for p in sorted(data.rglob("*")):
        rel = p.relative_to(data)
        if p.name.startswith("keeper.sqlite") or "backups" in rel.parts[:1]:
            want = 0o700 if p.is_dir() else 0o600
            if mode(p) != want:
                wrong.append(f"{rel} {mode(p):o}")
        elif mode(p) & 0o022:
            wrong.append(f"{rel} {mode(p):o} (writable by others)")
    return wrong


def sha256(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def audit(person: Person) -> str:
    out = person.keeper("audit", "verify").stdout
    assert "audit chain verified" in out, out
    return out


def test_install_use_upgrade_remove(built: Built, tmp_path: Path) -> None:
    purge()  # a package an interrupted run left behind
    home = tmp_path / "home"
    home.mkdir()
    person = Person(home)

    # install, as an office would
    sh([*APT, "install", f"./{built.first.name}"], timeout=300, cwd=built.first.parent)
    assert installed_version() == built.first_version
    assert Path("/usr/bin/keeper").exists() and Path("/opt/keeper/bin/python3").exists()
    where = sh(
        [
            "/opt/keeper/bin/python3",
            "-I",
            "-c",
            "import keeper_app, printing.layouts as l; print(keeper_app.__file__); "
            "print(l.SHEETS_DIR)",
        ],
        env={**person.env, "KEEPER_RESOURCES": ""},
    ).stdout.split()
    assert where[0].startswith("/opt/keeper/lib/python3"), where
    assert where[1] == "/usr/share/keeper/resources/label_sheets", where

    # first use: the data folder is made, private
    r = person.keeper("init")
    assert str(person.data / "keeper.sqlite") in r.stdout
    demo = json.loads(person.keeper("--json", "demo", timeout=300).stdout)
    keeper_badge = next(p[0] for p in demo["people"] if "keeper" in p[2])
    person.creds.write_text(json.dumps({keeper_badge: demo["password"]}))
    person.creds.chmod(0o600)
    sealed = demo["samples"]["sealed_original"]
    duplicate = demo["samples"]["in_custody_duplicate"]
    scanned = json.loads(person.as_keeper(keeper_badge, "scan", sealed).stdout)
    assert scanned["code"] == sealed and scanned["status"] == "sealed"
    person.keeper(
        "--credentials",
        str(person.creds),
        "--as",
        keeper_badge,
        "location",
        duplicate,
        "TEST-SHELF-9",
    )
    assert not not_private(person.data), not_private(person.data)
    before = audit(person)

    # the desktop app starts from the installed copy (real X server, xcb plugin); it is
    # still running when timeout stops it
    entry = Path("/usr/share/applications/keeper.desktop").read_text(encoding="utf-8")
    exec_line = next(ln.split("=", 1)[1] for ln in entry.splitlines() if ln.startswith("Exec="))
    gui = subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", "timeout", "8", *exec_line.split()],
        capture_output=True,
        text=True,
        timeout=120,
        env=person.env,
        cwd=home,
    )
    assert gui.returncode == 124, (gui.returncode, gui.stderr[-2000:])
    assert "Traceback" not in gui.stderr and "platform plugin" not in gui.stderr, gui.stderr

    # upgrade to the newer build: the database is where it was, the same
    db_sum = sha256(person.data / "keeper.sqlite")
    sh([*APT, "install", f"./{built.second.name}"], timeout=300, cwd=built.second.parent)
    assert installed_version() == built.second_version
    assert sha256(person.data / "keeper.sqlite") == db_sum
    assert audit(person) == before
    again = json.loads(person.as_keeper(keeper_badge, "scan", duplicate).stdout)
    assert again["location"] == "TEST-SHELF-9"
    person.keeper("init")  # idempotent on the upgraded package
    assert not not_private(person.data), not_private(person.data)

    # remove: Keeper goes, the person's data stays
    data_sum = sha256(person.data / "keeper.sqlite")
    sh([*APT, "remove", "keeper"], timeout=300)
    assert installed_version() is None
    assert not Path("/usr/bin/keeper").exists() and not Path("/opt/keeper").exists()
    assert not Path("/usr/share/applications/keeper.desktop").exists()
    assert sha256(person.data / "keeper.sqlite") == data_sum
    assert not not_private(person.data), not_private(person.data)
