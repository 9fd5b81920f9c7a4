"""What Keeper knows about its backup copies: each copy ``NAME.sqlite`` has a record
``NAME.sqlite.json`` next to it, written after the copy was opened and its audit chain
verified. A copy without a record, or whose size no longer matches its record, does not
count as verified.

The default folder is ``backups/`` next to the database file; for an office server, in the
desk's local folder that stands for it (never a folder named after the URL)."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

RECORD_SUFFIX = ".json"


def default_folder(location: str | os.PathLike[str]) -> Path:
    """``backups/`` next to the file at ``location``; a server's URL is taken to the desk's
    local folder for it (a URL as a path made a folder named by it, its password too,
    under the working directory)."""
    from . import local_path

    return local_path(location).parent / "backups"


@dataclass
class BackupRecord:
    """The verification record of one backup copy."""

    file: str  # the copy's file name, in the same folder as the record
    taken_at: str  # UTC, stored form (YYYY-MM-DDTHH:MM:SSZ)
    source: str  # the database it was copied from
    verified: bool  # integrity_check ok and the audit chain verifies
    events: int
    head: str
    size: int
    schema_version: int
    problems: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False, indent=1, sort_keys=True)


@dataclass
class BackupListing:
    path: Path
    record: BackupRecord | None
    size: int

    @property
    def verified(self) -> bool:
        """A record says it verified, and the file is still the size it had then."""
        return self.record is not None and self.record.verified and self.record.size == self.size

    @property
    def state(self) -> str:
        if self.record is None:
            return "no verification record"
        if self.record.size != self.size:
            return "changed since it was verified"
        return "verified" if self.record.verified else "failed verification"


def record_path(copy: Path) -> Path:
    return copy.with_name(copy.name + RECORD_SUFFIX)


def write_record(copy: Path, record: BackupRecord) -> Path:
    """Write the record next to the copy, private to its owner, all or nothing."""
    target = record_path(copy)
    tmp = target.with_name(target.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, record.to_json().encode("utf-8"))
        os.fsync(fd)
    finally:
        os.close(fd)
    os.replace(tmp, target)
    return target


def read_record(copy: Path) -> BackupRecord | None:
    try:
        data: Any = json.loads(record_path(copy).read_text(encoding="utf-8"))
        return BackupRecord(
            file=str(data["file"]),
            taken_at=str(data["taken_at"]),
            source=str(data["source"]),
            verified=data["verified"] is True,
            events=int(data["events"]),
            head=str(data["head"]),
            size=int(data["size"]),
            schema_version=int(data["schema_version"]),
            problems=[str(p) for p in data.get("problems", [])],
        )
    except (OSError, ValueError, KeyError, TypeError):
        return None


def listing(folder: str | os.PathLike[str]) -> list[BackupListing]:
    """Every ``*.sqlite`` copy in ``folder``, newest first (by its record's time, else the
    file's modification time)."""
    out: list[tuple[str, BackupListing]] = []
    try:
        entries = list(Path(folder).iterdir())
    except OSError:
        return []
    for p in entries:
        if p.suffix != ".sqlite" or not p.is_file():
            continue
        rec = read_record(p)
        st = p.stat()
        key = rec.taken_at if rec else _stamp_of_mtime(st.st_mtime)
        out.append((key, BackupListing(p, rec, st.st_size)))
    out.sort(key=lambda kv: (kv[0], kv[1].path.name), reverse=True)
    return [b for _, b in out]


def latest_verified(folder: str | os.PathLike[str]) -> BackupListing | None:
    for b in listing(folder):
        if b.verified:
            return b
    return None


def _stamp_of_mtime(mtime: float) -> str:
    from datetime import UTC, datetime

    return datetime.fromtimestamp(mtime, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
