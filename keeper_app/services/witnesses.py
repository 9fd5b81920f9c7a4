"""The chain held against its witnesses: copies of its head (seq, hash) kept where an
insider holding the database file cannot rewrite them — this account's witness log
(store.witness_log), the backup records, and any file named on the command line (a
checkpoint file, another account's witness log).

A witness agrees when the chain holds event ``seq`` with exactly that hash. A chain that
ends before ``seq`` was truncated, or an older copy was put back (rollback); a different
hash at ``seq`` means the history was rewritten."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..store import Database, audit, witness_log
from ..store import backup_records as records
from ..timeutil import show


@dataclass(frozen=True)
class WitnessCheck:
    """One witness held against the chain."""

    name: str  # what the witness is, to name it: "witness log /…", "backup /…"
    seq: int  # the (last) head it witnessed
    hash: str
    at: str | None  # that event's date, when known
    ok: bool
    problem: str | None = None
    heads: int = 1  # how many heads it holds (a log: one per line)


@dataclass
class WitnessSummary:
    checks: list[WitnessCheck] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return all(c.ok for c in self.checks)

    @property
    def agreed(self) -> int:
        return sum(1 for c in self.checks if c.ok)

    @property
    def problems(self) -> list[str]:
        return [c.problem for c in self.checks if c.problem]

    @property
    def last(self) -> WitnessCheck | None:
        """The agreeing witness of the latest head."""
        good = [c for c in self.checks if c.ok]
        return max(good, key=lambda c: c.seq) if good else None

    def text(self) -> str:
        if not self.checks:
            return "History witnessed: no witness found"
        last = self.last
        when = show(last.at) if last is not None and last.at else "?"
        head = f", last {when} (event {last.seq})" if last is not None else ""
        n = len(self.checks)
        if self.ok:
            agree = "witnesses agree" if n != 1 else "witness agrees"
            return f"History witnessed: {n} {agree}{head}"
        return (
            f"History NOT as witnessed: {n - self.agreed} of {n} witnesses disagree{head}: "
            + "; ".join(self.problems[:3])
        )

    def to_dict(self) -> dict[str, Any]:
        last = self.last
        return {
            "ok": self.ok,
            "witnesses": len(self.checks),
            "agreed": self.agreed,
            "last_seq": last.seq if last else None,
            "last_hash": last.hash if last else None,
            "last_at": last.at if last else None,
            "checks": [
                {"name": c.name, "seq": c.seq, "hash": c.hash, "ok": c.ok, "problem": c.problem}
                for c in self.checks
            ],
            "problems": self.problems,
        }


def head_problem(conn: sqlite3.Connection, seq: int, hash_: str, name: str) -> str | None:
    """Why the chain does not hold the head ``seq``/``hash_`` that ``name`` witnessed
    (None: it does)."""
    if seq <= 0:
        return None
    found = audit.hash_at(conn, seq)
    if found == hash_:
        return None
    if found is None:
        n = audit.head(conn)[0]
        return (
            f"{name} witnessed event {seq} ({hash_[:12]}…) but the register ends at event {n}: "
            "truncated, or an older copy was put back (rollback)"
        )
    return (
        f"{name} witnessed event {seq} as {hash_[:12]}…, the register has {found[:12]}… "
        "there: rewritten"
    )


def _at(conn: sqlite3.Connection, seq: int) -> str | None:
    r = conn.execute("SELECT at FROM audit_events WHERE seq = ?", (seq,)).fetchone()
    return None if r is None else str(r[0])


def check_lines(
    conn: sqlite3.Connection, lines: Iterable[witness_log.Line], name: str
) -> WitnessCheck | None:
    """A witness log: every head it holds must be on the chain. Lines before a
    "restored" line witnessed the chain a restore replaced, and are not held against it."""
    heads: dict[tuple[int, str], witness_log.Line] = {}  # in the log's order, each head once
    for line in lines:
        if line.kind == "restored":
            heads = {}
        heads.setdefault((line.seq, line.hash), line)
    if not heads:
        return None
    wanted = sorted({seq for seq, _ in heads if seq > 0})
    have: dict[int, str] = {}
    for i in range(0, len(wanted), 500):
        part = wanted[i : i + 500]
        marks = ",".join("?" * len(part))
        for seq, h in conn.execute(
            f"SELECT seq, hash FROM audit_events WHERE seq IN ({marks})", part
        ):
            have[int(seq)] = str(h)
    for (seq, h), line in heads.items():
        if seq > 0 and have.get(seq) != h:
            why = head_problem(conn, seq, h, name)
            return WitnessCheck(name, seq, h, line.at or None, False, why, len(heads))
    top = max(heads.values(), key=lambda x: x.seq)
    return WitnessCheck(name, top.seq, top.hash, _at(conn, top.seq), True, None, len(heads))


def check_one(conn: sqlite3.Connection, seq: int, hash_: str, name: str) -> WitnessCheck:
    why = head_problem(conn, seq, hash_, name)
    return WitnessCheck(name, seq, hash_, _at(conn, seq) if why is None else None, why is None, why)


def check_backups(conn: sqlite3.Connection, folder: str | os.PathLike[str]) -> list[WitnessCheck]:
    """Each verified backup copy's record in ``folder`` against the live chain: a copy
    with a longer chain, or another hash at its head, means the live file was truncated
    or rolled back."""
    out = []
    for b in records.listing(folder):
        rec = b.record
        if rec is None or not rec.verified or rec.events <= 0:
            continue
        out.append(check_one(conn, rec.events, rec.head, f"backup {b.path}"))
    return out


def read_witness_file(conn: sqlite3.Connection, path: Path) -> WitnessCheck:
    """A file named with ``--witness``: a witness log (any account's), a checkpoint or
    backup record (JSON with seq and hash, or events and head)."""
    name = f"witness file {path}"
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return WitnessCheck(name, 0, "", None, False, f"{name}: cannot be read ({exc})")
    try:
        data: Any = json.loads(text)
    except ValueError:
        data = None
    if isinstance(data, dict):
        seq, h = data.get("seq", data.get("events")), data.get("hash", data.get("head"))
        if isinstance(data.get("head"), dict):  # {"head": {"seq": …, "hash": …}}
            seq, h = data["head"].get("seq"), data["head"].get("hash")
        if isinstance(seq, int) and isinstance(h, str) and len(h) == 64:
            return check_one(conn, seq, h, name)
    lines = [x for x in map(witness_log.parse_line, text.splitlines()) if x is not None]
    got = check_lines(conn, lines, name)
    if got is None:
        return WitnessCheck(
            name, 0, "", None, False, f"{name}: holds no chain head (seq and hash) Keeper can read"
        )
    return got


def logs_now(db_path: str | os.PathLike[str]) -> dict[Path, list[witness_log.Line] | OSError]:
    """This account's witness logs of the database at ``db_path`` as they stand now (for
    :func:`check_all`'s ``logs``): each log's lines, or why it cannot be read."""
    out: dict[Path, list[witness_log.Line] | OSError] = {}
    for p in witness_log.logs_for(db_path):
        try:
            out[p] = list(witness_log.read(p))
        except OSError as exc:
            out[p] = exc
    return out


def check_all(
    db: Database,
    extra_files: Sequence[str | os.PathLike[str]] = (),
    backup_folder: str | os.PathLike[str] | None = None,
    logs: dict[Path, list[witness_log.Line] | OSError] | None = None,
) -> WitnessSummary:
    """The chain against every witness this account can reach: its witness log of this
    database (``logs``: as :func:`logs_now` read them before; default: as they are now),
    the backup records in the backup folder, and ``extra_files``."""
    conn = db.conn
    summary = WitnessSummary()
    for p, lines in (logs_now(db.path) if logs is None else logs).items():
        if isinstance(lines, OSError):
            got: WitnessCheck | None = WitnessCheck(
                f"witness log {p}", 0, "", None, False, f"witness log {p}: cannot be read ({lines})"
            )
        else:
            got = check_lines(conn, lines, f"witness log {p}")
        if got is not None:
            summary.checks.append(got)
    folder = backup_folder if backup_folder is not None else records.default_folder(db.path)
    summary.checks.extend(check_backups(conn, folder))
    for f in extra_files:
        summary.checks.append(read_witness_file(conn, Path(f)))
    return summary
