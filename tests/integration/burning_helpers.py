"""Helpers of the burning tests: recordings on disk, images to damage, a small file system.

Nothing here stands in for Keeper's code: xorriso, ffmpeg and ffprobe run for real, on
file-backed drives (``stdio:/path/disc.iso``)."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime
from pathlib import Path
from typing import Any

from keeper_app.burning.isoread import SECTOR, IsoImage
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import intake
from keeper_app.services.session import Session
from keeper_app.services.storage import StorageSettings


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def settings(tmp_path: Path) -> StorageSettings:
    return StorageSettings(tmp_path / "storage", tmp_path / "backup")


def register_file_recording(
    s: Session,
    st: StorageSettings,
    case_no: str,
    person: str,
    rel: str,
    data: bytes | None = None,
    size: int | None = None,
    start: datetime | None = None,
    seconds: int = 3600,
) -> int:
    """A recording whose file is put straight into the storage root (random bytes, or a
    sparse file of ``size`` zero bytes for a long burn), registered as it is."""
    from datetime import timedelta

    path = st.storage_root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if data is not None:
        path.write_bytes(data)
    else:
        with open(path, "wb") as f:
            f.truncate(size or 0)
    start = start or (s.now() - timedelta(hours=3))
    entry = ManifestEntry(rel, path.stat().st_size, sha256_file(path))
    return intake.register_recording(
        s, case_no, person, "suspect", start, start + timedelta(seconds=seconds), "讯问室1", [entry]
    )


def file_extent(image: Path, path: str) -> tuple[int, int]:
    """(byte offset, size) of a file's data inside an ISO image."""
    with IsoImage(image) as iso:
        f = next(f for f in iso.files() if f.path == path)
    lba, size = f.extents[0]
    return lba * SECTOR, size


def flip_bytes(image: Path, offset: int, count: int = 16) -> None:
    with open(image, "r+b") as f:
        f.seek(offset)
        data = f.read(count)
        f.seek(offset)
        f.write(bytes(b ^ 0xFF for b in data))


def has_joliet(image: Path) -> bool:
    """A supplementary volume descriptor with a Joliet escape sequence (%/@, %/C, %/E)."""
    with open(image, "rb") as f:
        for sector in range(16, 40):
            f.seek(sector * SECTOR)
            vd = f.read(SECTOR)
            if vd[1:6] != b"CD001" or vd[0] == 255:
                return False
            if vd[0] == 2 and vd[88:91] in (b"%/@", b"%/C", b"%/E"):
                return True
    return False


def keeper_cmd(
    db: str | Path, *args: str, creds: Path | None = None, as_badge: str | None = None
) -> list[str]:
    cmd = [sys.executable, "-m", "keeper_app", "--db", str(db)]
    if creds is not None:
        cmd += ["--credentials", str(creds)]
    if as_badge:
        cmd += ["--as", as_badge]
    return cmd + list(args)


def write_creds(tmp_path: Path, password: str, *badges: str) -> Path:
    p = tmp_path / "creds.json"
    p.write_text(json.dumps({b: password for b in badges}), encoding="utf-8")
    p.chmod(0o600)
    return p


def on_small_fs(folder: Path, size_mb: int, argv: list[str]) -> list[str]:
    """``argv`` run with a ``size_mb`` tmpfs mounted on ``folder``, in a private mount
    namespace (the mount is gone when the command ends): as root with ``unshare -m``,
    otherwise in a user namespace (``unshare -rm``). xorriso takes a stdio: drive's capacity
    from the free space of its file system, so this is how a too-small "disc" is made."""
    unshare = shutil.which("unshare")
    assert unshare, "unshare (util-linux) is needed for the small file system"
    folder.mkdir(parents=True, exist_ok=True)
    ns = (
        ["--mount", "--propagation", "private"]
        if os.geteuid() == 0
        else ["--map-root-user", "--mount"]
    )
    script = 'mount -t tmpfs -o size="$1"m keeper-test "$2" && shift 2 && exec "$@"'
    return [unshare, *ns, "sh", "-c", script, "sh", str(size_mb), str(folder), *argv]


def run(argv: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, capture_output=True, text=True, timeout=600, **kw)  # type: ignore[call-overload]


def shelf_of_discs(office: Any, tmp_path: Path, pairs: int = 4) -> dict[str, Path]:
    """``pairs`` pairs burned to file-backed drives and handed over (A2026-001 of 刑事侦查
    大队, head D001): the duplicates' codes -> their images (the drive of each)."""
    from keeper_app.services.burning import PairBurn

    st = settings(tmp_path)
    h = office.session("H001")
    images: dict[str, Path] = {}
    for n in range(pairs):
        rid = register_file_recording(
            h, st, "A2026-001", f"王{n}", f"rec/{n}/cam1.mp4", data=bytes([n + 1]) * 40_000
        )
        o_iso, d_iso = tmp_path / f"o{n}.iso", tmp_path / f"d{n}.iso"
        r = PairBurn(h, [rid], [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
        intake.handover(
            office.session("K001"),
            r.original,
            office.cred("H001"),
            office.cred("K001"),
            f"S-{n}",
            f"柜A-0{n}",
            f"柜B-0{n}",
        )
        images[r.duplicate] = d_iso
    return images
