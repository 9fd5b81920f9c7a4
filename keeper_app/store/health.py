"""What a database file holds and whether it is sound: read-only, for backups and restores."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from . import audit

#: What a report counts, when the table exists.
COUNTED = (
    "people",
    "cases",
    "recordings",
    "media",
    "retrievals",
    "returns",
    "incidents",
    "seal_events",
    "signatures",
)


@dataclass
class FileReport:
    path: Path
    ok: bool  # sqlite's integrity check passes and the audit chain verifies
    integrity: list[str]
    schema_version: int = 0
    events: int = 0
    head: str = audit.GENESIS
    last_event_at: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def connect_read_only(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{quote(str(Path(path).resolve()))}?mode=ro", uri=True)


def inspect(path: str | Path, full: bool = True) -> FileReport:
    """Open ``path`` read-only; run ``integrity_check`` (``quick_check`` unless ``full``)
    and verify the audit chain; say what it holds."""
    path = Path(path)
    if not path.is_file():
        return FileReport(path, False, [f"{path} is not a file"], problems=["no such file"])
    try:
        conn = connect_read_only(path)
    except sqlite3.Error as exc:
        return FileReport(path, False, [f"cannot open: {exc}"], problems=[str(exc)])
    try:
        pragma = "integrity_check(10)" if full else "quick_check(10)"
        integrity = [str(r[0]) for r in conn.execute(f"PRAGMA {pragma}")]
        if integrity != ["ok"]:
            return FileReport(path, False, integrity, problems=integrity)
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        tables = {
            str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        if "audit_events" not in tables:
            return FileReport(
                path,
                False,
                integrity,
                version,
                problems=["it holds no audit chain: not a Keeper database"],
            )
        v = audit.verify(conn)
        last = conn.execute("SELECT at FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
        counts = {
            t: int(conn.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0])
            for t in COUNTED
            if t in tables
        }
        return FileReport(
            path,
            v.ok,
            integrity,
            version,
            v.events,
            v.head_hash,
            str(last[0]) if last else None,
            counts,
            list(v.problems),
        )
    except sqlite3.Error as exc:
        return FileReport(
            path,
            False,
            [f"sqlite cannot read it: {exc}"],
            problems=[f"sqlite cannot read it: {exc}"],
        )
    finally:
        conn.close()
