"""Opening a database file to check it, writing nothing at all (issue 10, point 6).

``keeper audit verify`` must not change what it checks: no migration, no ``.bak`` next to
the file, no ``-wal``/``-shm`` files left behind, no change of journal mode, no lock file
created. sqlite's ``mode=ro`` alone is not enough: on a WAL file that no other connection
has open, it creates the ``-wal`` and ``-shm`` files and, being read-only, cannot remove
them. So:

* when the ``-wal`` file exists, another Keeper has the file open: ``mode=ro`` reads
  through that connection's shared memory, like any reader, and creates nothing;
* otherwise nobody has it open and everything is in the file itself: it is opened
  ``immutable`` (no locks, no -shm), and for the time of the check this process holds the
  database's lock file exclusively when it can, so no Keeper opens the file and writes
  to it meanwhile (a Keeper opening waits, as it does for a restore)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from urllib.parse import quote

from . import inuse
from .connection import BUSY_TIMEOUT_MS, Database, StoreError, _damaged, _primary


def open_read_only(path: str | Path) -> Database:
    """The database at ``path``, read-only; nothing is written to it or next to it. A file
    sqlite finds damaged (``quick_check``) is refused as :func:`open_database` refuses it;
    the schema is not checked here (``audit.verify`` reports it: a checker must not refuse
    to look at a tampered file)."""
    path = Path(path)
    if not path.is_file():
        raise StoreError(f"no database at {path}; run 'keeper init' first")
    held = None
    immutable = False
    if not path.with_name(path.name + "-wal").exists():
        held = inuse.hold_exclusive_if_present(path)
        immutable = held is not None or not inuse.lock_path(path).exists()
    if held is None:
        held = inuse.hold_shared_if_present(path)
    uri = f"file:{quote(str(path.resolve()))}?mode=ro" + ("&immutable=1" if immutable else "")
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        rows = [str(r[0]) for r in conn.execute("PRAGMA quick_check(5)")]
    except sqlite3.DatabaseError as exc:
        if held is not None:
            held.release()
        if _primary(exc) == sqlite3.SQLITE_NOTADB:
            raise _damaged(path, "it is not a sqlite database (bad header)", None) from exc
        raise _damaged(path, f"sqlite cannot read it ({exc})", None) from exc
    if rows != ["ok"]:  # damaged, not tampered with: as open_database refuses it
        conn.close()
        if held is not None:
            held.release()
        raise _damaged(path, "quick_check found: " + "; ".join(rows), None)
    return Database(conn, path, held)
