"""Hard-drive storage (Art. 17): recordings are uploaded to the dedicated storage device
"immediately after the interrogation and a data backup is made". Each file is read once and
written to both roots while it is hashed, flushed to the device, then read back from both
copies (page cache dropped first) and compared. Too little space is refused before anything is
written (Art. 14 names insufficient storage space as a cause to stop and change the medium);
a failure or a cancel removes every file this ingest wrote.
"""

from __future__ import annotations

import errno
import hashlib
import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..domain.model import ManifestEntry
from . import BurnError
from .jobs import Progress, ProgressCallback
from .layout import check_disc_path

CHUNK = 8 << 20
#: kept free on a storage file system beyond what an ingest needs
MARGIN = 64 << 20
SKIP_NAMES = frozenset({"keeper-record.json"})


@dataclass(frozen=True)
class IngestItem:
    source: Path
    rel_path: str  # under the storage root; also the path on a disc
    size: int


def free_bytes(path: Path) -> int:
    """Free space (for an unprivileged writer) of the file system that holds ``path``."""
    p = Path(path)
    while not p.exists():
        if p.parent == p:
            break
        p = p.parent
    st = os.statvfs(p)
    return st.f_bavail * st.f_frsize


def _same_fs(a: Path, b: Path) -> bool:
    def dev(p: Path) -> int:
        while not p.exists() and p.parent != p:
            p = p.parent
        return p.stat().st_dev

    return dev(a) == dev(b)


def scan_source(source: Path, dest_dir: str) -> list[IngestItem]:
    """The files to ingest from a folder (recursively, hidden files and Keeper's own
    record file left out) or a single file, placed under ``dest_dir``."""
    source = Path(source)
    if source.is_file():
        found = [source]
        base = source.parent
    elif source.is_dir():
        found = sorted(
            p
            for p in source.rglob("*")
            if p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(source).parts)
            and p.name not in SKIP_NAMES
        )
        base = source
    else:
        raise BurnError("no_source", f"{source} does not exist")
    if not found:
        raise BurnError("no_source", f"{source} holds no recording files")
    items = []
    for p in found:
        rel = f"{dest_dir}/{p.relative_to(base).as_posix()}"
        items.append(IngestItem(p, check_disc_path(rel), p.stat().st_size))
    return items


def check_space(items: Sequence[IngestItem], roots: Sequence[Path]) -> None:
    need = sum(i.size for i in items)
    demand: dict[int, int] = {}
    for root in roots:
        # two roots on one file system need the space twice
        key = next((k for k, r in enumerate(roots) if _same_fs(r, root)), 0)
        demand[key] = demand.get(key, 0) + need
    for key, total in demand.items():
        root = roots[key]
        free = free_bytes(root)
        if total + MARGIN > free:
            raise BurnError(
                "no_space",
                f"not enough space on {root}: the recordings need "
                f"{total / 1e6:,.1f} MB (+{MARGIN >> 20} MB reserve), "
                f"{free / 1e6:,.1f} MB are free; free space or change the storage "
                "device before continuing (Art. 14)",
            )


def _hash_file(path: Path) -> str:
    h = hashlib.sha256()
    buf = bytearray(CHUNK)
    mv = memoryview(buf)
    with open(path, "rb", buffering=0) as f:
        try:
            os.posix_fadvise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except (AttributeError, OSError):
            pass
        while n := f.readinto(buf):
            h.update(mv[:n])
    return h.hexdigest()


def _write_all(out: Any, data: memoryview) -> None:
    """A raw file's write() may write less than asked (a device filling up): go on
    until all is written or the OS says why not."""
    while data:
        n = out.write(data)
        data = data[n:]


def _write_error(exc: OSError, target: Path) -> BurnError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return BurnError(
            "no_space",
            f"the device of {target.parent} became full while "
            "copying: nothing was kept; free space or change the storage device "
            "before continuing (Art. 14)",
        )
    return BurnError(
        "write_failed",
        f"writing {target} failed ({exc.strerror or exc}): "
        "nothing was kept; the storage device may be failing",
    )


def _remove(paths: Sequence[Path], roots: Sequence[Path]) -> None:
    """Remove the files an ingest wrote, and the folders it made for them that are now
    empty (never a root itself)."""
    for p in paths:
        try:
            p.unlink()
        except OSError:
            pass
    keep = {r.resolve() for r in roots}
    for p in paths:
        d = p.parent
        while d.resolve() not in keep and d != d.parent:
            try:
                d.rmdir()
            except OSError:
                break
            d = d.parent


def _copy_one(
    item: IngestItem,
    targets: Sequence[Path],
    done: list[int],
    progress: ProgressCallback | None,
    total: int,
    cancel: threading.Event,
) -> str:
    """Read once, write every target, hash on the way; fsync. Returns the SHA-256. A full
    or failing device is a BurnError (``no_space``, ``write_failed``) naming the target."""
    h = hashlib.sha256()
    buf = bytearray(CHUNK)
    mv = memoryview(buf)
    outs: list[tuple[Any, Path]] = []
    try:
        for t in targets:
            try:
                t.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                fd = os.open(t, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # private
                outs.append((open(fd, "wb", buffering=0), t))  # noqa: SIM115 - closed below
            except OSError as exc:
                raise _write_error(exc, t) from None
        try:
            src = open(item.source, "rb", buffering=0)  # noqa: SIM115 - closed below
        except OSError as exc:
            raise BurnError(
                "source_unreadable", f"{item.source} cannot be read: {exc.strerror or exc}"
            ) from None
        with src:
            while True:
                try:
                    n = src.readinto(buf)
                except OSError as exc:
                    raise BurnError(
                        "source_unreadable", f"{item.source} cannot be read: {exc.strerror or exc}"
                    ) from None
                if not n:
                    break
                if cancel.is_set():
                    raise BurnError("cancelled", "the ingest was cancelled; nothing was kept")
                chunk = mv[:n]
                h.update(chunk)
                for o, t in outs:
                    try:
                        _write_all(o, chunk)
                    except OSError as exc:
                        raise _write_error(exc, t) from None
                done[0] += n
                if progress is not None:
                    progress(Progress(done[0] / max(total, 1), f"copying {item.rel_path}", "copy"))
        for o, t in outs:
            try:
                os.fsync(o.fileno())
            except OSError as exc:
                raise _write_error(exc, t) from None
    finally:
        for o, _t in outs:
            try:
                o.close()
            except OSError:
                pass
    return h.hexdigest()


def ingest(
    items: Sequence[IngestItem],
    storage_root: Path,
    backup_root: Path,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> list[ManifestEntry]:
    """Copy ``items`` into both roots and verify both copies; returns the manifest entries
    (path under the roots, size, SHA-256). All or nothing."""
    cancel = cancel or threading.Event()
    storage_root, backup_root = Path(storage_root), Path(backup_root)
    if storage_root.resolve() == backup_root.resolve():
        raise BurnError(
            "same_root",
            "the backup root must be another folder (preferably "
            "another device) than the storage root",
        )
    for root in (storage_root, backup_root):
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
    for it in items:
        for root in (storage_root, backup_root):
            if (root / it.rel_path).exists():
                raise BurnError(
                    "exists",
                    f"{root / it.rel_path} exists already; Keeper never "
                    "overwrites a stored recording",
                )
    check_space(items, [storage_root, backup_root])
    written: list[Path] = []
    total = sum(i.size for i in items)
    done = [0]
    entries = []
    try:
        for it in items:
            targets = [storage_root / it.rel_path, backup_root / it.rel_path]
            try:
                sha = _copy_one(it, targets, done, progress, total, cancel)
            finally:
                written += [t for t in targets if t.exists()]
            for t in targets:
                if progress is not None:
                    progress(Progress(None, f"checking {t}", "check"))
                if t.stat().st_size != it.size or _hash_file(t) != sha:
                    raise BurnError(
                        "copy_mismatch",
                        f"the copy {t} does not match what was "
                        "read from the source: the storage device may be failing",
                    )
            entries.append(ManifestEntry(it.rel_path, it.size, sha))
    except BaseException:
        _remove(written, [storage_root, backup_root])
        raise
    return entries


def export(files: Sequence[tuple[Path, str, str]], dest: Path) -> int:
    """Copy stored files out: ``files`` as (stored path, relative path under ``dest``,
    registered SHA-256). Each copy is hashed as it is written and must be the registered
    file; nothing is overwritten; on any failure the copies made are removed. Returns the
    bytes copied."""
    dest = Path(dest)
    written: list[Path] = []
    total = 0
    try:
        dest.mkdir(parents=True, exist_ok=True, mode=0o700)
        for src, rel, sha in files:
            target = dest / rel
            if target.exists():
                raise BurnError(
                    "exists", f"{target} exists already; Keeper does not overwrite a file"
                )
            size = Path(src).stat().st_size if Path(src).is_file() else 0
            got = _copy_one(
                IngestItem(Path(src), rel, size), [target], [0], None, 1, threading.Event()
            )
            written.append(target)
            total += size
            if got != sha:
                raise BurnError(
                    "source_changed",
                    f"{src} is not the file registered (its SHA-256 differs); nothing exported",
                )
    except BaseException:
        _remove(written, [dest])
        raise
    return total
