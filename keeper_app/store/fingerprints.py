"""The fingerprints of the applied migrations: the SHA-256 of each migration's SQL, recorded in
the file when it is applied (``schema_migrations``). A file whose recorded fingerprint differs
from this Keeper's migration of the same number was migrated by another build — its schema is
not the one this Keeper's code expects — and is refused, naming the migration.

Files migrated before fingerprints were recorded get this Keeper's fingerprints for the
versions they already have, marked as not seen applied (``applied_at`` NULL)."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime

TABLE = "schema_migrations"

CREATE = (
    f"CREATE TABLE IF NOT EXISTS {TABLE} (\n"
    "    version INTEGER PRIMARY KEY,\n"
    "    name TEXT NOT NULL,\n"
    "    sha256 TEXT NOT NULL,\n"
    "    applied_at TEXT  -- NULL: applied before fingerprints were recorded\n"
    ")"
)

Migration = tuple[int, str, str]


def fingerprint(sql: str) -> str:
    """The SHA-256 of a migration's SQL (line endings normalised)."""
    return hashlib.sha256(sql.replace("\r\n", "\n").encode("utf-8")).hexdigest()


def label(num: int, name: str) -> str:
    return f"{num:04d}_{name}"


def recorded(conn: sqlite3.Connection) -> dict[int, tuple[str, str]] | None:
    """version -> (name, sha256) as recorded in the file; None when it has no such table."""
    if (
        conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?", (TABLE,)
        ).fetchone()
        is None
    ):
        return None
    return {
        int(r[0]): (str(r[1]), str(r[2]))
        for r in conn.execute(f"SELECT version, name, sha256 FROM {TABLE}")
    }


def complete(found: dict[int, tuple[str, str]] | None, version: int) -> bool:
    """Whether every version up to ``version`` has its fingerprint recorded."""
    return found is not None and all(v in found for v in range(1, version + 1))


def record(
    conn: sqlite3.Connection, migrations: Sequence[Migration], version: int, applied_now: int
) -> None:
    """Inside the migrating transaction: the fingerprints of migrations 1..``version`` that
    are not recorded yet; those after ``applied_now`` were applied by this transaction."""
    conn.execute(CREATE)
    at = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    for num, name, sql in migrations[:version]:
        conn.execute(
            f"INSERT OR IGNORE INTO {TABLE} (version, name, sha256, applied_at) "
            "VALUES (?, ?, ?, ?)",
            (num, name, fingerprint(sql), at if num > applied_now else None),
        )


def mismatch(
    found: dict[int, tuple[str, str]], migrations: Sequence[Migration], version: int
) -> str | None:
    """What differs between the recorded fingerprints and this Keeper's migrations (up to the
    file's ``version``), or None when they agree."""
    ours = {num: (name, fingerprint(sql)) for num, name, sql in migrations}
    for num in sorted(found):
        name, sha = found[num]
        if num > version:
            return (
                f"migration {label(num, name)} is recorded as applied, but the file is "
                f"at schema version {version}"
            )
        if num not in ours:
            return (
                f"migration {label(num, name)} is recorded, but this Keeper has no such migration"
            )
        our_name, our_sha = ours[num]
        if (name, sha) != (our_name, our_sha):
            return (
                f"migration {label(num, name)} was applied from different SQL (fingerprint "
                f"{sha[:12]}) than this Keeper's {label(num, our_name)} ({our_sha[:12]})"
            )
    return None
