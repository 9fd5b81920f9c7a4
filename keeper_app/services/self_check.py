"""The running app checks itself (issue 10, point 7).

At start (off the GUI thread) and before every change — every change is signed by its
actor — the chain's new end since the last verified head is verified
(:func:`keeper_app.store.verify.incremental`): that head must still be on the chain, and
every later event must verify. The last verified head is kept in this account's witness
log ("verified" lines) and in memory. While the check fails nothing can be signed
(RuleViolation ``history_unverified``) and department heads' inboxes show the alarm; the
state lives in this process only, never in the database an insider can edit."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..domain.errors import RuleViolation
from ..store import Database, audit, witness_log
from ..store.verify import ChainState, events_since_stmt, incremental

if TYPE_CHECKING:
    from .witnesses import WitnessSummary


@dataclass(frozen=True)
class SelfCheck:
    ok: bool
    seq: int  # verified up to this event (the last good head when failing)
    hash: str
    at: str | None
    checked: int  # events checked this time
    seconds: float
    problems: list[str] = field(default_factory=list)

    @property
    def problem_text(self) -> str:
        return "; ".join(self.problems[:3])


_lock = threading.Lock()
#: one check at a time (they share what the last one learnt)
_checking = threading.RLock()
#: per database file (resolved path): the last good verified head, what the check knew
#: there, and the last result
_good: dict[Path, tuple[int, str]] = {}
_state: dict[Path, ChainState] = {}
_last: dict[Path, SelfCheck] = {}


def _key(db: Database) -> Path:
    return Path(db.path).resolve()


def last_result(db: Database) -> SelfCheck | None:
    """The latest self-check of this database in this process (None: not checked yet)."""
    with _lock:
        return _last.get(_key(db))


def forget(db: Database) -> None:
    """After a restore: start again from the witness log (its "restored" line)."""
    with _lock:
        _good.pop(_key(db), None)
        _state.pop(_key(db), None)
        _last.pop(_key(db), None)


def run(db: Database) -> SelfCheck:
    """Verify the chain from the last verified head to the current head; on success
    record "verified up to" in the witness log. Reads only (inside the caller's
    transaction when there is one)."""
    with _checking:
        return _run(db)


def _run(db: Database) -> SelfCheck:
    key = _key(db)
    t0 = time.perf_counter()
    with _lock:
        start = _good.get(key)
        state = _state.setdefault(key, ChainState())
    if start is None:
        line = db.witness.last_verified(db.conn)
        start = (line.seq, line.hash) if line is not None else (0, audit.GENESIS)
    # the snapshot and the chain's new end: one round trip to a server
    with db.reading(prefetch=[events_since_stmt(db.conn, start[0])]) as conn:
        r = incremental(conn, start[0], start[1], state=state)
        if r.ok:
            seq = start[0] + r.events
            result = SelfCheck(True, seq, r.head_hash, r.head_at, r.events, 0.0)
        else:
            result = SelfCheck(False, start[0], start[1], None, r.events, 0.0, list(r.problems))
    result = SelfCheck(
        result.ok,
        result.seq,
        result.hash,
        result.at,
        result.checked,
        time.perf_counter() - t0,
        result.problems,
    )
    with _lock:
        _last[key] = result
        if result.ok:
            _good[key] = (result.seq, result.hash)
    if result.ok and result.checked:
        db.witness.write(
            db.conn,
            witness_log.Line("verified", result.seq, result.hash, result.at or "", ""),
            force=True,
        )
    return result


def refuse_unless_verified(db: Database, head: tuple[int, str] | None = None) -> None:
    """Before a signature: the history must verify up to its head. ``head``: the chain's
    head (seq, hash) as the caller's transaction has just read it -- when the last check
    verified up to exactly that head, there is nothing new to check (what :func:`run` would
    find, without asking the database again)."""
    r = None
    if head is not None:
        with _lock:
            last = _last.get(_key(db))
            if last is not None and last.ok and _good.get(_key(db)) == head:
                r = last
    if r is None:
        r = run(db)
    if not r.ok:
        raise RuleViolation(
            "history_unverified",
            f"the register's history does not verify ({r.problem_text}): nothing can be "
            "signed until it is checked — tell the department head",
        )


def alarm(db: Database) -> str | None:
    """The integrity alarm for department heads' inboxes (None: the history verifies)."""
    r = run(db)
    if r.ok:
        return None
    return (
        f"The register's history does not verify after event {r.seq}: {r.problem_text}. "
        "Nothing can be signed until it is checked: run keeper audit verify"
    )


@dataclass(frozen=True)
class Integrity:
    """What the window shows: the self-check and the witnesses."""

    check: SelfCheck
    witnesses: WitnessSummary


def integrity(db: Database, backup_folder: str | Path | None = None) -> Integrity:
    """The self-check, then the chain against every witness this account can reach (for
    the status bar; off the GUI thread). ``backup_folder``: where the backups are (default:
    backups/ next to the database)."""
    from .witnesses import check_all

    return Integrity(run(db), check_all(db, backup_folder=backup_folder))
