#!/usr/bin/env python3
"""Build the Debian package of Keeper: ``python3 installer/build_deb.py [--suffix +2]``.

The package holds

* ``/opt/keeper``: a private virtual environment made with Debian's own ``/usr/bin/python3``
  (python3-venv), with Keeper and its Python dependencies (PySide6-Essentials, reportlab, ...)
  installed from wheels; pip and setuptools are taken out again, the developer tools of the
  Qt wheel (Designer, QML, headers, stubs) too;
* ``/usr/bin/keeper``: a small wrapper that runs it (isolated: no user site, no current folder,
  no bytecode written into /opt);
* the desktop entry, the icon (SVG and PNGs rendered from it), and the label sheets in
  ``/usr/share/keeper/resources`` (where printing looks when ``$KEEPER_RESOURCES`` is unset and
  there is no source tree);
* ``DEBIAN/control`` with the Debian packages Keeper needs at run time as Depends, and
  maintainer scripts that touch nothing of the user's: the database lives in each user's
  ``~/.local/share/keeper`` (0700, files 0600) and is never in /opt, so an upgrade or a
  removal leaves it alone;
* the README and the user guides in ``/usr/share/doc/keeper``.

The package does not list ``/opt`` itself, only ``/opt/keeper`` and what is in it: base-files
makes /opt without listing it, and dpkg removes a directory a package lists once no other
package lists it and it is empty, so ``apt-get remove keeper`` took /opt away with it where
Keeper was all it held. dpkg-deb always lists every parent directory, so the data archive is
written again without that one entry (:func:`pack`).

The dependencies are the versions pinned in ``constraints.txt`` (those the tests ran with).
Wheels of the dependencies are kept in a wheelhouse (``build/deb/wheelhouse`` unless
``--wheelhouse``): a second build installs from it without asking any index. Keeper's own
wheel is built afresh each time from a clean copy of the sources.

Needs: dpkg-deb, tar, xz (zstd for ``--compress zstd``), /usr/bin/python3 with venv
(scripts/install-deps.sh installs them).
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import stat
import struct
import subprocess
import sys
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
PREFIX = "/opt/keeper"
PACKAGE = "keeper"
#: directories the package must not list: another package's, or nobody's (base-files makes
#: /opt without listing it); dpkg would remove them with Keeper when they are left empty
NOT_OURS = ("./opt/",)

#: What Keeper needs from Debian at run time. Python: the venv's interpreter is Debian's
#: python3 of the same minor version (the wheels of pillow and the venv's lib/pythonX.Y are
#: tied to it); the bounds are filled in from the interpreter the venv is built with.
DEPENDS = [
    "python3 (>= {major}.{minor})",
    "python3 (<< {major}.{next_minor})",
    # burning, verifying and reading discs; probing recordings
    "xorriso",
    "ffmpeg",
    # printing (lp, lpstat) and PDF pages; the CJK font for labels and the register
    "cups-client",
    "poppler-utils",
    "fonts-wqy-microhei",
    # what the PySide6 wheel's xcb platform plugin and Qt libraries load from the system
    "libxkbcommon0",
    "libxkbcommon-x11-0",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxcb-xinerama0",
    "libxcb-randr0",
    "libxcb-render-util0",
    "libxcb-image0",
    "libegl1",
    "libgl1",
    "libfontconfig1",
    "libfreetype6",
    "libdbus-1-3",
    "libglib2.0-0",
    "libx11-xcb1",
    # the system's PostgreSQL client library: psycopg's fallback when its binary part cannot load
    "libpq5",
]
RECOMMENDS = ["cups", "udev"]

#: Parts of the PySide6 wheel a QtWidgets application never loads: developer tools (Designer,
#: Linguist, QML tooling, code generators), headers, type stubs, the QML modules and the Qt
#: Quick/QML/Designer libraries. Paths are relative to site-packages/PySide6; globs allowed.
PYSIDE_PRUNE = [
    "include",
    "typesystems",
    "glue",
    "scripts",
    "doc",
    "examples",
    "Qt/metatypes",
    "Qt/qml",
    "Qt/libexec",
    "Qt/mkspecs",
    "*.pyi",
    "py.typed",
    "designer",
    "linguist",
    "assistant",
    "lrelease",
    "lupdate",
    "qmlformat",
    "qmlls",
    "qmllint",
    "qmlcachegen",
    "qmltyperegistrar",
    "qmlimportscanner",
    "balsam",
    "balsamui",
    "uic",
    "rcc",
    "svgtoqml",
    "androiddeployqt",
    "qsb",
    "Qt/lib/libQt6Designer*",
    "Qt/lib/libQt6Quick*",
    "Qt/lib/libQt6Qml*",
    "Qt/lib/libQt6LabsStyleKit*",
    "Qt/lib/libQt6WaylandCompositor*",
    "Qt/lib/libQt6Help*",
    "Qt/lib/libQt6UiTools*",
    "Qt/lib/libQt6ShaderTools*",
    "QtDesigner.abi3.so",
    "QtQml.abi3.so",
    "QtQuick*.abi3.so",
    "QtHelp.abi3.so",
    "QtUiTools.abi3.so",
    "Qt/plugins/designer",
    "Qt/plugins/qmltooling",
    "Qt/plugins/qmllint",
    "Qt/plugins/wayland-shell-integration",
    "Qt/plugins/wayland-graphics-integration-server",
    "libpyside6qml*",
    # plugins for what a desktop application does not use: Qt's SQL drivers (Keeper uses
    # Python's sqlite3), embedded platforms (EGLFS, linuxfb, VNC, Vulkan display), the GTK 3
    # theme (it would need GTK), PDF and Lottie images, the virtual keyboard
    "Qt/plugins/sqldrivers",
    "Qt/plugins/egldeviceintegrations",
    "Qt/plugins/vectorimageformats",
    "Qt/plugins/platforms/libqeglfs.so",
    "Qt/plugins/platforms/libqlinuxfb.so",
    "Qt/plugins/platforms/libqvnc.so",
    "Qt/plugins/platforms/libqvkkhrdisplay.so",
    "Qt/plugins/platforms/libqminimalegl.so",
    "Qt/plugins/platformthemes/libqgtk3.so",
    "Qt/plugins/imageformats/libqpdf.so",
    "Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    "Qt/lib/libQt6EglFS*",
    "Qt/lib/libQt6Labs*",
    "Qt/lib/libQt6Lottie*",
    "Qt/lib/libQt6Sql*",
    "QtSql.abi3.so",
]
#: Qt's own translations kept (the UI is Chinese by default, English selectable).
QT_TRANSLATIONS_KEPT = ("_zh_CN.qm", "_en.qm")


START = time.monotonic()


def log(msg: str) -> None:
    print(f"build-deb [{time.monotonic() - START:5.1f} s] {msg}", flush=True)


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    log("$ " + " ".join(str(c) for c in cmd))
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def keeper_version() -> str:
    text = (ROOT / "keeper_app" / "__init__.py").read_text(encoding="utf-8")
    m = re.search(r'^__version__\s*=\s*"([^"]+)"', text, re.M)
    if not m:
        raise SystemExit("keeper_app/__init__.py has no __version__")
    return m.group(1)


def debian_version(base: str, suffix: str) -> str:
    version = base + suffix
    # Debian: upstream version [A-Za-z0-9.+~-], starting with a digit
    if not re.fullmatch(r"[0-9][A-Za-z0-9.+~-]*", version):
        raise SystemExit(f"not a valid Debian version: {version!r}")
    return version


def dependencies() -> list[str]:
    data = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    return list(data["project"]["dependencies"])


def copy_sources(dest: Path) -> None:
    """A clean copy of what the wheel is built from (no build/, no stale caches)."""
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "*.egg-info")
    for name in ("keeper_app", "printing"):
        shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    for name in ("pyproject.toml", "README.md"):
        if (ROOT / name).exists():
            shutil.copy2(ROOT / name, dest / name)


def make_venv(python: str, venv: Path, work: Path, wheelhouse: Path) -> None:
    keeper_wheels = work / "keeper-wheel"
    if venv.exists():
        shutil.rmtree(venv)
    venv.parent.mkdir(parents=True, exist_ok=True)
    run([python, "-m", "venv", venv])
    pip = [venv / "bin" / "python", "-m", "pip", "--disable-pip-version-check", "--no-input"]
    env = dict(os.environ, PIP_NO_INPUT="1")
    deps = dependencies()
    wheelhouse.mkdir(parents=True, exist_ok=True)

    # Keeper's own wheel is built from a clean copy of the sources (the build backend comes
    # from the wheelhouse too); then Keeper and its dependencies are installed from wheels
    # only. Without an index while the wheelhouse has everything; when it does not (the
    # first build, or pyproject.toml asks for something new), it is filled from the index
    # pip is configured with, once.
    src = work / "src"
    copy_sources(src)
    backend = ["setuptools>=64", "wheel"]

    def offline(quiet: bool) -> None:
        err = subprocess.DEVNULL if quiet else None
        if keeper_wheels.exists():
            shutil.rmtree(keeper_wheels)
        run(
            [
                *pip,
                "wheel",
                "--no-deps",
                "--no-index",
                "--find-links",
                wheelhouse,
                "--wheel-dir",
                keeper_wheels,
                src,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )
        run(
            [
                *pip,
                "install",
                "--no-index",
                "--only-binary",
                ":all:",
                "--constraint",
                ROOT / "constraints.txt",  # the versions Keeper was tested with
                "--find-links",
                wheelhouse,
                "--find-links",
                keeper_wheels,
                "keeper",
            ],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=err,
        )

    try:
        offline(quiet=True)
        log(f"installed from the wheelhouse {wheelhouse}, no index asked")
    except subprocess.CalledProcessError:
        log(f"filling the wheelhouse {wheelhouse} (from the index pip is configured with)")
        run(
            [
                *pip,
                "wheel",
                "--only-binary",
                ":all:",
                "--constraint",
                ROOT / "constraints.txt",
                "--find-links",
                wheelhouse,
                "--wheel-dir",
                wheelhouse,
                *deps,
                *backend,
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        offline(quiet=False)
    # pip and setuptools are not needed to run Keeper
    run([*pip, "uninstall", "--yes", "pip", "setuptools"], env=env, stdout=subprocess.DEVNULL)


def site_packages(venv: Path) -> Path:
    found = sorted((venv / "lib").glob("python3*/site-packages"))
    if len(found) != 1:
        raise SystemExit(f"expected one site-packages in {venv}, found {found}")
    return found[0]


def prune(venv: Path) -> tuple[int, set[str]]:
    """Remove what a QtWidgets application never loads; the bytes and the file names
    removed."""
    sp = site_packages(venv)
    size = 0
    names: set[str] = set()

    def drop(p: Path) -> None:
        nonlocal size
        if p.is_symlink() or p.is_file():
            size += p.lstat().st_size
            names.add(p.name)
            p.unlink()
        elif p.is_dir():
            for f in p.rglob("*"):
                if not f.is_dir():
                    size += f.lstat().st_size
                    names.add(f.name)
            shutil.rmtree(p)

    pyside = sp / "PySide6"
    for pattern in PYSIDE_PRUNE:
        for p in pyside.glob(pattern):
            drop(p)
    tr = pyside / "Qt" / "translations"
    if tr.is_dir():
        for p in tr.iterdir():
            if not p.name.endswith(QT_TRANSLATIONS_KEPT):
                drop(p)
    # the pyside6-* command-line tools (they ran the tools removed above)
    for pattern in ("pyside6-*", "shiboken6*"):
        for p in (venv / "bin").glob(pattern):
            drop(p)
    return size, names


def elf_needed(path: Path) -> list[str] | None:
    """The DT_NEEDED entries of a 64-bit little-endian ELF file; None when not such a file."""
    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2 or data[5] != 1:
        return None
    (shoff,) = struct.unpack_from("<Q", data, 0x28)
    shentsize, shnum = struct.unpack_from("<HH", data, 0x3A)
    sections = [
        struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize) for i in range(shnum)
    ]
    needed: list[str] = []
    for _name, sh_type, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if sh_type != 6:  # SHT_DYNAMIC
            continue
        strtab_offset = sections[link][4]
        for i in range(size // (entsize or 16)):
            tag, val = struct.unpack_from("<qQ", data, offset + i * (entsize or 16))
            if tag == 0:
                break
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strtab_offset + val)
                needed.append(data[strtab_offset + val : end].decode())
    return needed


def elf_files(root: Path) -> dict[Path, list[str]]:
    found = {}
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and ".so" in path.name:
            needed = elf_needed(path)
            if needed is not None:
                found[path] = needed
    return found


def resolved(path: Path) -> dict[str, str | None]:
    """What each library ``path`` needs (transitively) resolves to, as ldd sees it."""
    out = subprocess.run(["ldd", str(path)], capture_output=True, text=True).stdout
    libs: dict[str, str | None] = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) >= 3 and parts[1] == "=>":
            libs[parts[0]] = None if parts[2] == "not" else parts[2]
    return libs


def drop_dangling(venv: Path, removed: set[str]) -> list[str]:
    """Remove the ELF files that need a library that was pruned (a QML plugin, say), until
    none is left; their names."""
    dropped = []
    while True:
        bad = [
            p
            for p, needed in elf_files(site_packages(venv)).items()
            if any(n in removed for n in needed)
        ]
        if not bad:
            return dropped
        for p in bad:
            removed.add(p.name)
            dropped.append(p.name)
            p.unlink()


def system_dependencies(venv: Path) -> tuple[list[str], list[str]]:
    """The Debian packages that hold the system libraries the venv's ELF files need directly
    (as dpkg-shlibdeps finds them), and the files whose libraries do not resolve."""
    packages: set[str] = set()
    unresolved = []
    owner_cache: dict[str, str] = {}
    for path, needed in elf_files(site_packages(venv)).items():
        where = resolved(path)
        missing = [n for n in needed if n in where and where[n] is None]
        if missing:
            unresolved.append(f"{path.relative_to(venv)}: {', '.join(missing)}")
            continue
        for name in needed:
            lib = where.get(name)
            if lib is None or Path(lib).resolve().is_relative_to(venv.resolve()):
                continue
            if lib not in owner_cache:
                owner_cache[lib] = package_of(lib)
            packages.add(owner_cache[lib])
    return sorted(packages), unresolved


def package_of(lib: str) -> str:
    real = str(Path(lib).resolve())
    candidates = [lib, real]
    for c in (lib, real):
        if c.startswith("/usr/"):
            candidates.append(c[4:])
        else:
            candidates.append("/usr" + c)
    for c in candidates:
        r = subprocess.run(["dpkg-query", "-S", c], capture_output=True, text=True)
        if r.returncode == 0:
            return r.stdout.split(":")[0].strip()
    raise SystemExit(f"no Debian package holds {lib}")


def relocate(venv: Path, target: str) -> None:
    """The venv was made at ``venv``; it is installed at ``target``. Rewrite the scripts'
    interpreter lines and the paths in pyvenv.cfg and the activate scripts."""
    old = str(venv)
    for p in (venv / "bin").iterdir():
        if p.is_symlink() or not p.is_file():
            continue
        data = p.read_bytes()
        if old.encode() in data:
            p.write_bytes(data.replace(old.encode(), target.encode()))
    cfg = venv / "pyvenv.cfg"
    cfg.write_text(cfg.read_text().replace(old, target))
    # direct_url.json names the wheel's build path: not needed at run time
    for p in site_packages(venv).glob("*.dist-info/direct_url.json"):
        p.unlink()
        record = p.parent / "RECORD"
        if record.exists():
            lines = [
                ln
                for ln in record.read_text().splitlines()
                if not ln.split(",")[0].endswith("/direct_url.json")
            ]
            record.write_text("\n".join(lines) + "\n")
    leftovers = []
    for p in venv.rglob("*"):
        if (
            p.is_file()
            and not p.is_symlink()
            and p.suffix not in (".pyc", ".so")
            and p.stat().st_size < 2_000_000
            and old.encode() in p.read_bytes()
        ):
            leftovers.append(str(p.relative_to(venv)))
    if leftovers:
        raise SystemExit(f"build path left in the venv: {leftovers[:10]}")


SMOKE = """
import sys
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QLabel
import keeper_app.cli, keeper_app.ui.app, keeper_app.ui.main_window, printing.labels
app = QApplication(["keeper"])
QLabel("Keeper").show()
app.processEvents()
svg, out_dir, sizes = sys.argv[1], sys.argv[2], sys.argv[3:]
renderer = QSvgRenderer(svg)
assert renderer.isValid(), svg
for n in map(int, sizes):
    img = QImage(n, n, QImage.Format.Format_ARGB32)
    img.fill(Qt.GlobalColor.transparent)
    p = QPainter(img)
    renderer.render(p)
    p.end()
    out = f"{out_dir}/{n}x{n}/apps/keeper.png"
    assert img.save(out), out
"""


def smoke_and_icons(venv: Path, svg: Path, out_dir: Path, sizes: list[int]) -> None:
    """Start the venv's Python offscreen: Keeper's CLI and UI modules import and a Qt window
    opens with what pruning left; and render the PNG icons from the SVG with QtSvg (or with
    rsvg-convert when the machine has it)."""
    for size in sizes:
        (out_dir / f"{size}x{size}" / "apps").mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    log(f"smoke test of the venv (offscreen Qt), icons {sizes}")
    subprocess.run(
        [
            str(venv / "bin" / "python"),
            "-I",
            "-B",
            "-c",
            SMOKE,
            str(svg),
            str(out_dir),
            *map(str, sizes),
        ],
        env=env,
        check=True,
    )
    rsvg = shutil.which("rsvg-convert")
    if rsvg:
        for size in sizes:
            run(
                [
                    rsvg,
                    "-w",
                    str(size),
                    "-h",
                    str(size),
                    "-o",
                    out_dir / f"{size}x{size}" / "apps" / "keeper.png",
                    svg,
                ]
            )


def install_file(src: Path, dest: Path, mode: int = 0o644) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(src, dest)
    dest.chmod(mode)


def normalise_modes(root: Path) -> None:
    """Directories 0755, files 0644 or 0755 (executable for anyone when for the owner)."""
    for dirpath, _dirnames, filenames in os.walk(root):
        d = Path(dirpath)
        d.chmod(0o755)
        for name in filenames:
            p = d / name
            if p.is_symlink():
                continue
            mode = p.stat().st_mode
            p.chmod(0o755 if mode & stat.S_IXUSR else 0o644)


def installed_size_kib(root: Path) -> int:
    total = 0
    for p in root.rglob("*"):
        if p.relative_to(root).parts[0] == "DEBIAN":
            continue
        total += 1 if p.is_dir() or p.is_symlink() else (p.stat().st_size + 1023) // 1024
    return total


def install_readme(doc: Path) -> None:
    """README.md into the package's doc folder, its links to docs/ made to point where the
    guides and pictures are installed (next to it), and the pictures it shows."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    for target in sorted(set(re.findall(r"\]\(docs/([^)#]+)\)", text))):
        src = ROOT / "docs" / target
        if src.suffix == ".png" and src.is_file():
            install_file(src, doc / target)
    doc.mkdir(parents=True, exist_ok=True)
    (doc / "README.md").write_text(text.replace("](docs/", "]("), encoding="utf-8")


#: how the members of the .deb are compressed: (suffix, command reading stdin)
COMPRESSORS = {
    "xz": (".xz", ["xz", "-z", "-6", "-T0", "-c"]),
    "zstd": (".zst", ["zstd", "-q", "-3", "-T0", "-c"]),
    "gzip": (".gz", ["gzip", "-n", "-9", "-c"]),
}


def ar_members(path: Path) -> list[tuple[str, bytes]]:
    """The members of an ar archive (a .deb), in order."""
    data = path.read_bytes()
    if not data.startswith(b"!<arch>\n"):
        raise SystemExit(f"{path} is not an ar archive")
    pos, out = 8, []
    while pos < len(data):
        header = data[pos : pos + 60]
        name = header[:16].decode().strip().rstrip("/")
        size = int(header[48:58].decode().strip())
        out.append((name, data[pos + 60 : pos + 60 + size]))
        pos += 60 + size + (size & 1)
    return out


def write_ar(path: Path, members: list[tuple[str, bytes]], mtime: int) -> None:
    """An ar archive as dpkg-deb writes one (owner 0, mode 100644)."""
    with open(path, "wb") as fh:
        fh.write(b"!<arch>\n")
        for name, body in members:
            header = f"{name:<16}{mtime:<12}{0:<6}{0:<6}{'100644':<8}{len(body):<10}`\n"
            assert len(header) == 60, header
            fh.write(header.encode())
            fh.write(body)
            if len(body) & 1:
                fh.write(b"\n")


def pack(pkgroot: Path, deb: Path, compress: str, work: Path) -> None:
    """dpkg-deb builds the package uncompressed; the entries of :data:`NOT_OURS` are taken
    out of its data archive, and both archives compressed with ``compress``."""
    raw = work / "uncompressed.deb"
    run(
        ["dpkg-deb", "--root-owner-group", "-Znone", "--build", pkgroot, raw],
        stdout=subprocess.DEVNULL,
    )
    parts = work / "deb-members"
    if parts.exists():
        shutil.rmtree(parts)
    parts.mkdir()
    suffix, command = COMPRESSORS[compress]
    members = []
    for name, body in ar_members(raw):
        if name in ("control.tar", "data.tar"):
            tar = parts / name
            tar.write_bytes(body)
            if name == "data.tar":
                listed = subprocess.run(
                    ["tar", "-tf", tar], capture_output=True, text=True, check=True
                ).stdout.splitlines()
                drop = [e for e in NOT_OURS if e in listed]
                if drop:
                    run(["tar", "--delete", "--no-recursion", "-f", tar, *drop])
            with open(tar, "rb") as src:
                body = subprocess.run(command, stdin=src, capture_output=True, check=True).stdout
            name += suffix
        members.append((name, body))
    raw.unlink()
    shutil.rmtree(parts)
    write_ar(deb, members, int(os.environ.get("SOURCE_DATE_EPOCH") or time.time()))


def architecture() -> str:
    return subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=True
    ).stdout.strip()


def control_text(version: str, python: str, size_kib: int, shlibs: list[str]) -> str:
    """``shlibs``: the packages of the system libraries the venv's ELF files need, added to
    DEPENDS (which names the tools Keeper runs and the libraries Qt loads at run time)."""
    out = subprocess.run(
        [python, "-c", "import sys; print(*sys.version_info[:2])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    major, minor = int(out[0]), int(out[1])
    depends = [d.format(major=major, minor=minor, next_minor=minor + 1) for d in DEPENDS]
    depends += [p for p in shlibs if p not in DEPENDS]
    description = (HERE / "debian" / "description.txt").read_text(encoding="utf-8").strip()
    lines = [
        f"Package: {PACKAGE}",
        f"Version: {version}",
        f"Architecture: {architecture()}",
        "Maintainer: Keeper maintainers <keeper@localhost>",
        f"Installed-Size: {size_kib}",
        f"Depends: {', '.join(depends)}",
        f"Recommends: {', '.join(RECOMMENDS)}",
        "Section: misc",
        "Priority: optional",
        f"Description: {description.splitlines()[0]}",
    ]
    for line in description.splitlines()[1:]:
        lines.append(" " + line if line.strip() else " .")
    return "\n".join(lines) + "\n"


def build(args: argparse.Namespace) -> Path:
    t0 = time.monotonic()
    work = Path(args.work).resolve()
    wheelhouse = Path(args.wheelhouse).resolve() if args.wheelhouse else work / "wheelhouse"
    out = Path(args.out).resolve()
    version = debian_version(keeper_version(), args.suffix)
    qm = ROOT / "keeper_app" / "ui" / "translations" / "keeper_zh_CN.qm"
    if not qm.exists():
        raise SystemExit(f"{qm} is missing: run `make translations` first")

    pkgroot = work / "root"
    if pkgroot.exists():
        shutil.rmtree(pkgroot)
    venv = pkgroot / PREFIX.lstrip("/")
    make_venv(args.python, venv, work, wheelhouse)
    if not args.no_prune:
        size, names = prune(venv)
        dangling = drop_dangling(venv, names)
        log(
            f"pruned {size / 1e6:.0f} MB of Qt developer tools, QML and unused plugins"
            + (f"; and what needed them: {', '.join(dangling)}" if dangling else "")
        )
    shlib_packages, problems = system_dependencies(venv)
    if problems:
        raise SystemExit(
            "libraries that do not resolve (install the Debian packages that "
            "hold them, or prune what needs them):\n  " + "\n  ".join(problems)
        )

    # before the paths are rewritten: the venv still runs where it was made
    share = pkgroot / "usr" / "share"
    svg = ROOT / "resources" / "icons" / "keeper.svg"
    install_file(svg, share / "icons" / "hicolor" / "scalable" / "apps" / "keeper.svg")
    smoke_and_icons(venv, svg, share / "icons" / "hicolor", [48, 128, 256])
    relocate(venv, PREFIX)

    install_file(HERE / "debian" / "keeper.sh", pkgroot / "usr" / "bin" / "keeper", 0o755)
    install_file(HERE / "debian" / "keeper.desktop", share / "applications" / "keeper.desktop")
    for sheet in sorted((ROOT / "resources" / "label_sheets").glob("*.json")):
        install_file(sheet, share / "keeper" / "resources" / "label_sheets" / sheet.name)
    install_file(HERE / "debian" / "copyright", share / "doc" / PACKAGE / "copyright")
    install_readme(share / "doc" / PACKAGE)
    # the user guide with its screenshots, as the guides link them
    for guide in sorted((ROOT / "docs").glob("guide.*.md")):
        install_file(guide, share / "doc" / PACKAGE / guide.name)
    for image in sorted((ROOT / "docs" / "images" / "guide").rglob("*.png")):
        rel = image.relative_to(ROOT / "docs")
        install_file(image, share / "doc" / PACKAGE / rel)

    debian = pkgroot / "DEBIAN"
    debian.mkdir()
    for script in ("postinst", "postrm"):
        install_file(HERE / "debian" / script, debian / script, 0o755)
    normalise_modes(pkgroot)
    control = control_text(version, args.python, installed_size_kib(pkgroot), shlib_packages)
    (debian / "control").write_text(control, encoding="utf-8")
    (debian / "control").chmod(0o644)

    out.mkdir(parents=True, exist_ok=True)
    deb = out / f"{PACKAGE}_{version}_{architecture()}.deb"
    if deb.exists():
        deb.unlink()
    pack(pkgroot, deb, args.compress, work)
    if not args.keep_root:
        shutil.rmtree(pkgroot)
    log(f"{deb} ({deb.stat().st_size / 1e6:.1f} MB, {time.monotonic() - t0:.0f} s)")
    return deb


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument(
        "--suffix",
        default=os.environ.get("DEB_SUFFIX", ""),
        help="appended to keeper_app.__version__, e.g. +2 (a higher suffix upgrades)",
    )
    p.add_argument("--out", default=str(ROOT / "dist"), help="where the .deb goes")
    p.add_argument("--work", default=str(ROOT / "build" / "deb"), help="build folder")
    p.add_argument(
        "--wheelhouse", help="dependency wheels, reused between builds (default: WORK/wheelhouse)"
    )
    p.add_argument(
        "--python", default="/usr/bin/python3", help="the Debian interpreter the venv is made with"
    )
    p.add_argument("--compress", choices=["xz", "zstd", "gzip"], default="xz")
    p.add_argument("--no-prune", action="store_true", help="keep the Qt developer tools")
    p.add_argument("--keep-root", action="store_true", help="keep the staged package tree")
    args = p.parse_args(argv)
    deb = build(args)
    print(deb)
    return 0


if __name__ == "__main__":
    sys.exit(main())
