"""The insider's tools for the witness tests: python's sqlite3 on the file, no secret."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path


def drop_triggers(con: sqlite3.Connection) -> list[str]:
    """Drops every trigger; returns their SQL, to put them back as they were (a careful
    insider does: the schema is pinned, a missing trigger gives him away at once)."""
    saved = con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'").fetchall()
    for name, _sql in saved:
        con.execute(f"DROP TRIGGER {name}")
    return [sql for _name, sql in saved]


def restore_triggers(con: sqlite3.Connection, saved: list[str]) -> None:
    for sql in saved:
        con.execute(sql)


def truncate(path: Path, keep: int) -> int:
    """Delete every event after ``keep`` and the rows those events made (a clean
    truncation: the rest of the chain still verifies). Returns how many events went."""
    con = sqlite3.connect(path)
    try:
        saved = drop_triggers(con)
        first: dict[tuple[str, int], int] = {}
        for seq, payload in con.execute("SELECT seq, payload FROM audit_events ORDER BY seq"):
            for t, i, _ in json.loads(payload)["rows"]:
                first.setdefault((t, int(i)), int(seq))
        made_after = [(t, i) for (t, i), s in first.items() if s > keep]
        for t, i in made_after:
            con.execute(f"DELETE FROM {t} WHERE id = ?", (i,))
        n = con.execute("DELETE FROM audit_events WHERE seq > ?", (keep,)).rowcount
        restore_triggers(con, saved)
        con.commit()
        return int(n)
    finally:
        con.close()


def insider_copy(path: Path, to: Path) -> None:
    """A plain copy of the file, as anyone who can read it makes one."""
    src, dst = sqlite3.connect(path), sqlite3.connect(to)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()


def put_back(copy: Path, path: Path) -> None:
    """Copy an older copy over the live file (the rollback)."""
    for suffix in ("-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    path.write_bytes(copy.read_bytes())


def keeper(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real `keeper` command on the file (the witness folder comes from the test's
    KEEPER_STATE_DIR)."""
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(db), *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=dict(os.environ),
    )
