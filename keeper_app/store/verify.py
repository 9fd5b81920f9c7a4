"""``keeper audit verify``: the whole history checked against itself.

One pass over the chain, in order, checks for each event: its place (seq, previous hash),
its hash, its date (never before the one ahead of it), and — for events of schemes 2 and 3 — the
actor's signature over its hash with the key that actor held at that moment, and that the
actor held a role allowed to make it. The pass replays who held which key and which roles
from the events themselves, so a key or a role put into the file behind Keeper's back
matches no event. Then every row is checked against its latest anchor; every entry
signature with the signer's key valid when it was made; every entry for exactly the
signatures its kind requires (domain.signing); and that nobody shares a key. A person's
first key made at enrolment (schema 8) must come from an enrolment code an administrator
issued to them in an earlier event, unused and unexpired.

The Ed25519 checks (the bulk of the time on a long chain) run in worker processes when
there are many; everything else is one sequential pass."""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from .. import canonical, crypto
from ..domain import signing
from ..domain.model import Role
from . import audit, checkpoints, schema, state

#: Signature checks per batch sent to a worker process.
BATCH = 4000
#: Below this many signatures, checking in this process is faster than starting workers.
PARALLEL_FROM = 20_000


@dataclass
class VerifyResult:
    ok: bool
    events: int
    head_hash: str
    signatures: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_seq: int | None = None
    #: events written before schema 5 (not signed by their actors)
    earlier_scheme: int = 0
    #: events whose actor's signature verified
    signed_events: int = 0
    head_at: str | None = None


# (public key, signature, message, what it is — for the problem text)
_Check = tuple[bytes, bytes, bytes, str]


def _check_batch(batch: list[_Check]) -> list[str]:
    return [what for pub, sig, msg, what in batch if not crypto.verify(pub, sig, msg)]


def _ro(path: str) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True)


def _events_chunk(path: str, lo: int, hi: int) -> list[tuple[int, str]]:
    """Worker: recompute the hash of events lo..hi and check their actors' signatures with
    the key each names (which key was valid when is the main pass's concern)."""
    con = _ro(path)
    try:
        keys = {
            int(r[0]): (int(r[1]), bytes(r[2]))
            for r in con.execute("SELECT id, person_id, public_key FROM person_keys")
        }
        badge = {int(r[0]): str(r[1]) for r in con.execute("SELECT id, badge FROM people")}
        out: list[tuple[int, str]] = []
        for seq, at, actor, action, payload, prev, h, scheme, key_id, sig in con.execute(
            "SELECT seq, at, actor_id, action, payload, prev_hash, hash, scheme, key_id, "
            "actor_sig FROM audit_events WHERE seq BETWEEN ? AND ? ORDER BY seq",
            (lo, hi),
        ):
            if audit.event_hash(prev, seq, at, actor, action, payload, scheme, key_id) != h:
                out.append(
                    (seq, f"event {seq} ({action}): its content was changed after it was written")
                )
                continue
            if scheme != 1 and actor is not None and key_id in keys:
                pid, pub = keys[int(key_id)]
                if pid == int(actor) and (
                    sig is None or not crypto.verify(pub, bytes(sig), crypto.event_message(h))
                ):
                    who = badge.get(int(actor), f"person #{actor}")
                    out.append(
                        (seq, f"event {seq} ({action}) by {who}: its signature does not verify")
                    )
        return out
    finally:
        con.close()


def _digest(pairs: Any) -> str:
    d = hashlib.sha256()
    for rid, rh in pairs:
        d.update(f"{rid}\t{rh}\n".encode("ascii"))
    return d.hexdigest()


def _rows_chunk(path: str, table: str, lo: int, hi: int) -> tuple[int, str]:
    """Worker: the number of rows of ``table`` with lo <= id <= hi and a digest of their
    (id, row hash), to compare with the anchors'."""
    con = _ro(path)
    try:
        cur = con.execute(f"SELECT * FROM {table} WHERE id BETWEEN ? AND ? ORDER BY id", (lo, hi))
        names = [d[0] for d in cur.description]
        pairs = []
        for r in cur:
            rec = dict(zip(names, r, strict=True))
            pairs.append((int(rec["id"]), canonical.row_hash(table, rec)))
        return len(pairs), _digest(pairs)
    finally:
        con.close()


class _Signatures:
    """Ed25519 checks, in batches, in worker processes once there are many."""

    def __init__(self, parallel: bool, workers: int | None):
        self.parallel = parallel
        self.workers = workers or os.cpu_count() or 1
        self.pending: list[_Check] = []
        self.futures: list[Future[list[str]]] = []
        self.failed: list[str] = []
        self.pool: ProcessPoolExecutor | None = None
        self.count = 0

    def add(self, pub: bytes, sig: bytes | None, msg: bytes, what: str) -> None:
        self.count += 1
        if sig is None:
            self.failed.append(what)
            return
        self.pending.append((pub, bytes(sig), msg, what))
        if len(self.pending) >= BATCH:
            self._flush()

    def executor(self) -> ProcessPoolExecutor:
        if self.pool is None:
            import multiprocessing

            self.pool = ProcessPoolExecutor(
                self.workers, mp_context=multiprocessing.get_context("forkserver")
            )
        return self.pool

    def _flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.parallel and self.workers > 1:
            self.futures.append(self.executor().submit(_check_batch, batch))
        else:
            self.failed.extend(_check_batch(batch))

    def results(self) -> list[str]:
        self._flush()
        try:
            for f in self.futures:
                self.failed.extend(f.result())
        finally:
            if self.pool is not None:
                self.pool.shutdown()
        return self.failed


@dataclass
class _Key:
    id: int
    person_id: int
    public_key: bytes
    reason: str
    endorsement: bytes | None


#: the most rows one statement of :func:`incremental` asks for (sqlite's parameter limit
#: is far above)
_ROWS_AT_ONCE = 500


def _rows(
    conn: sqlite3.Connection, sql: str, params: Sequence[Any] = ()
) -> Iterator[dict[str, Any]]:
    cur = conn.execute(sql, tuple(params)) if params else conn.execute(sql)
    names = [d[0] for d in cur.description]
    for r in cur:
        yield dict(zip(names, r, strict=True))


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")}


class _Replay:
    """Who held which key and which roles, event by event."""

    def __init__(self, conn: sqlite3.Connection):
        self.keys: dict[int, _Key] = {}
        self.badge: dict[int, str] = {}
        self.enrolments: dict[int, dict[str, Any]] = {}
        self.read_new(conn)
        self.current: dict[int, int] = {}  # person -> key id
        self.history: dict[int, list[tuple[int, int]]] = {}  # person -> [(from seq, key id)]
        self.roles: dict[str, frozenset[Role]] = {}  # badge -> roles
        self.active: dict[str, bool] = {}
        self.seen_keys: set[int] = set()
        # schema 8: enrolment codes (read_new), who issued each (an administrator, in which
        # event), and those already used
        self.enrolment_issued: dict[int, tuple[int, int | None, bool]] = {}  # seq, by, admin?
        self.enrolments_used: set[Any] = set()  # named by an earlier 'enrol' event

    def read_new(self, conn: sqlite3.Connection) -> None:
        """Read the keys, people and enrolment codes written since the last read (every one
        the first time). Keys and codes are append-only, and a person's badge never changes:
        what was read once stays as read -- a key row rewritten afterwards does not replace
        the key the check already knows."""
        present = _tables(conn)
        if "person_keys" in present:
            for r in _rows(
                conn, "SELECT * FROM person_keys WHERE id > ?", (max(self.keys, default=0),)
            ):
                self.keys[int(r["id"])] = _Key(
                    int(r["id"]),
                    int(r["person_id"]),
                    bytes(r["public_key"]),
                    str(r["reason"]),
                    None if r["endorsement"] is None else bytes(r["endorsement"]),
                )
        for pid, badge in conn.execute(
            "SELECT id, badge FROM people WHERE id > ?", (max(self.badge, default=0),)
        ):
            self.badge[int(pid)] = str(badge)
        if "enrolments" in present:
            for r in _rows(
                conn,
                "SELECT id, person_id, issued_by, expires_at FROM enrolments WHERE id > ?",
                (max(self.enrolments, default=0),),
            ):
                self.enrolments[int(r["id"])] = r

    def roles_of(self, person_id: int) -> frozenset[Role]:
        badge = self.badge.get(person_id)
        if badge is None or not self.active.get(badge, True):
            return frozenset()
        return self.roles.get(badge, frozenset())

    def key_at(self, person_id: int, seq: int) -> int | None:
        h = self.history.get(person_id, [])
        i = bisect.bisect_right(h, (seq, 1 << 62)) - 1
        return h[i][1] if i >= 0 else None

    def apply_details(self, action: str, details: dict[str, Any], actor: int | None) -> None:
        def roles(v: Any) -> frozenset[Role]:
            out = set()
            for x in v or ():
                try:
                    out.add(Role(x))
                except ValueError:
                    pass
            return frozenset(out)

        if action == "bootstrap":
            b = details.get("admin")
            if isinstance(b, str):
                self.roles[b] = frozenset({Role.ADMIN})
            h = details.get("head")  # schema 6: the first department head comes with them
            if isinstance(h, str):
                self.roles[h] = frozenset({Role.DEPT_HEAD})
        elif action in ("add_person", "set_roles"):
            b = details.get("badge")
            if isinstance(b, str):
                self.roles[b] = roles(details.get("roles"))
        elif action == "set_active":
            b = details.get("badge")
            if isinstance(b, str):
                self.active[b] = bool(details.get("active"))


class _Chain:
    """The event-by-event checks of one pass over the chain (or of its new end).
    ``farmed``: the events' hashes and signatures are checked by worker processes."""

    def __init__(
        self, conn: sqlite3.Connection, problem: Any, sigs: _Signatures, farmed: bool = False
    ):
        self.problem = problem
        self.sigs = sigs
        self.farmed = farmed
        self.rp = _Replay(conn)
        self.prev, self.prev_at, self.prev_at_seq, self.last_at = audit.GENESIS, "", 0, ""
        self.expected_seq = 1
        self.count = self.earlier = self.signed = 0
        self.seen_scheme2 = False
        self.first_bad: int | None = None
        self.latest: dict[str, dict[int, str]] = {t: {} for t in audit.ANCHORED_TABLES}
        self.first_anchor: dict[tuple[str, int], int] = {}

    def event(self, row: tuple[Any, ...]) -> bool:
        """Check one event; False when the chain breaks there (nothing after it counts)."""
        seq, at, actor, action, payload, prev_hash, h, scheme, key_id, sig = row
        problem, rp, sigs = self.problem, self.rp, self.sigs
        self.count += 1
        bad = None
        if seq != self.expected_seq:
            bad = f"event {seq}: out of order or missing — expected event {self.expected_seq}"
        elif prev_hash != self.prev:
            bad = f"event {seq}: its previous-hash does not match event {seq - 1}"
        elif not self.farmed and (
            audit.event_hash(prev_hash, seq, at, actor, action, payload, scheme, key_id) != h
        ):
            bad = f"event {seq} ({action}): its content was changed after it was written"
        if bad:
            problem(bad)
            self.first_bad = int(seq)
            return False
        try:
            anchors, details = _parse(payload)
        except (ValueError, KeyError, TypeError):
            problem(f"event {seq}: payload is not valid")
            self.first_bad = int(seq)
            return False
        if actor is not None:  # a person's events are in time order (system events: no)
            if str(at) < self.prev_at:
                problem(
                    f"event {seq} ({action}) is dated {at}, before event {self.prev_at_seq} "
                    f"({self.prev_at}): times edited, or Keeper was run under a wrong clock"
                )
            else:
                self.prev_at, self.prev_at_seq = str(at), int(seq)
        # --- who made it, and with which key
        if scheme == 1:
            self.earlier += 1
            if self.seen_scheme2:
                problem(
                    f"event {seq} ({action}): written in the earlier, unsigned scheme after "
                    "signed events — appended outside Keeper"
                )
        else:
            self.seen_scheme2 = True
            if actor is None:
                allowed_tables = audit.SYSTEM_ACTIONS.get(action)
                if allowed_tables is None or key_id is not None or sig is not None:
                    problem(
                        f"event {seq} ({action}): has no actor but is not one of Keeper's "
                        "system events — written outside Keeper"
                    )
                elif any(t not in allowed_tables for t, _, _ in anchors):
                    problem(
                        f"event {seq} ({action}): an unsigned system event that wrote rows "
                        "it may not write — written outside Keeper"
                    )
            else:
                actor = int(actor)
                k = rp.keys.get(int(key_id)) if key_id is not None else None
                new_keys = {
                    i for t, i, _ in anchors if t == "person_keys" and i not in rp.seen_keys
                }
                who = rp.badge.get(actor, f"person #{actor}")
                if k is None:
                    problem(f"event {seq} ({action}) by {who}: signed with an unknown key")
                elif k.person_id != actor:
                    problem(
                        f"event {seq} ({action}) by {who}: signed with the key of "
                        f"{rp.badge.get(k.person_id, k.person_id)}"
                    )
                elif rp.current.get(actor) != k.id and not (
                    actor not in rp.current and k.id in new_keys
                ):
                    problem(
                        f"event {seq} ({action}) by {who}: signed with a key that was not "
                        "theirs at that moment"
                    )
                else:
                    self.signed += 1
                    if not self.farmed:
                        sigs.add(
                            k.public_key,
                            sig,
                            crypto.event_message(h),
                            f"event {seq} ({action}) by {who}: its signature does not verify",
                        )
                if action == "bootstrap":
                    if seq != 1 and self.earlier == 0:
                        problem(f"event {seq}: a second bootstrap — written outside Keeper")
                else:
                    why = signing.event_problem(action, rp.roles_of(actor))
                    if why is not None:
                        problem(f"event {seq} by {who}: {why}")
                    why = signing.rows_problem(action, (t for t, _, _ in anchors))
                    if why is not None:
                        problem(f"event {seq} by {who}: {why} — written outside Keeper")
        # --- what it wrote: anchors, and the keys it brought
        brought_key = False
        for t, i, rh in anchors:
            if t not in self.latest:
                problem(f"event {seq}: anchors a row of an unknown table {t}")
                continue
            self.latest[t][i] = rh
            self.first_anchor.setdefault((t, i), int(seq))
            if t == "enrolments" and i not in rp.enrolment_issued:
                by = None if actor is None else int(actor)
                admin = by is not None and Role.ADMIN in rp.roles_of(by)
                rp.enrolment_issued[i] = (int(seq), by, admin)
            if t == "person_keys" and i not in rp.seen_keys:
                rp.seen_keys.add(i)
                brought_key = True
                _new_key(rp, sigs, i, int(seq), action, actor, problem, str(at), details)
        if action == "enrol":
            if not brought_key:
                problem(
                    f"event {seq} (enrol): enrolment #{details.get('enrolment')} brought no new "
                    "key — an enrolment replayed outside Keeper (a code is used once)"
                )
            rp.enrolments_used.add(details.get("enrolment"))
        rp.apply_details(action, details, actor)
        self.prev = h
        self.last_at = str(at)
        self.expected_seq += 1
        return True

    def resume(
        self, conn: sqlite3.Connection, problem: Any, sigs: _Signatures, read_new: bool = True
    ) -> None:
        """Go on after the head this pass verified: the keys, people and enrolment codes
        written since are read (``read_new``: the new events may name some); the counts
        start from zero."""
        if read_new:
            self.rp.read_new(conn)
        self.problem, self.sigs = problem, sigs
        self.count = self.signed = 0
        self.first_bad = None
        self.latest = {t: {} for t in audit.ANCHORED_TABLES}
        self.first_anchor = {}

    def replay(self, seq: int, action: str, actor: int | None, payload: str) -> None:
        """An event already verified: only who held which key and which roles after it."""
        anchors, details = _parse(payload)
        for t, i, _ in anchors:
            if t == "enrolments" and i not in self.rp.enrolment_issued:
                admin = actor is not None and Role.ADMIN in self.rp.roles_of(int(actor))
                self.rp.enrolment_issued[i] = (seq, actor, admin)
            if t == "person_keys" and i not in self.rp.seen_keys:
                k = self.rp.keys.get(i)
                self.rp.seen_keys.add(i)
                if k is not None:
                    self.rp.current[k.person_id] = i
                    self.rp.history.setdefault(k.person_id, []).append((seq, i))
        if action == "enrol":
            self.rp.enrolments_used.add(details.get("enrolment"))
        self.rp.apply_details(action, details, actor)


def _parse(payload: str) -> tuple[list[tuple[str, int, str]], dict[str, Any]]:
    body = json.loads(payload)
    anchors = [(str(t), int(i), str(rh)) for t, i, rh in body["rows"]]
    details = body.get("details") or {}
    if not isinstance(details, dict):
        raise TypeError("details")
    return anchors, details


def events_since_stmt(conn: sqlite3.Connection, from_seq: int) -> tuple[str, Any]:
    """The statement :func:`incremental` reads the chain with: event ``from_seq`` and every
    one after it (for ``Database.reading(prefetch=...)``)."""
    return (
        f"SELECT {_event_columns(conn)} FROM audit_events WHERE seq >= ? ORDER BY seq",
        (from_seq,),
    )


def _event_columns(conn: sqlite3.Connection) -> str:
    has_scheme = "scheme" in _columns(conn, "audit_events")
    return "seq, at, actor_id, action, payload, prev_hash, hash" + (
        ", scheme, key_id, actor_sig" if has_scheme else ", 1, NULL, NULL"
    )


def verify(
    conn: sqlite3.Connection,
    max_problems: int = 20,
    *,
    parallel: bool | None = None,
    workers: int | None = None,
) -> VerifyResult:
    """Check the chain, every row against its anchor, every signature, who signed and in
    what capacity (see the module docstring). Reads only."""
    problems: list[str] = []

    def problem(text: str) -> None:
        if len(problems) < max_problems:
            problems.append(text)

    n_events = int(conn.execute("SELECT count(*) FROM audit_events").fetchone()[0])
    sigs = _Signatures(parallel if parallel is not None else n_events >= PARALLEL_FROM, workers)
    has_scheme = "scheme" in _columns(conn, "audit_events")
    path = _file_of(conn)
    # a long chain of a file: the events' hashes and signatures are checked by worker
    # processes (reading the file themselves) while this pass checks the rest
    farmed = sigs.parallel and sigs.workers > 1 and path is not None and has_scheme
    event_checks: list[Future[list[tuple[int, str]]]] = []
    if farmed:
        assert path is not None
        top = int(conn.execute("SELECT COALESCE(max(seq), 0) FROM audit_events").fetchone()[0])
        step = max(1, -(-top // (sigs.workers * 8)))
        for lo in range(1, top + 1, step):
            event_checks.append(sigs.executor().submit(_events_chunk, path, lo, lo + step - 1))
    # the schema is pinned (issue 10, point 6): a planted or dropped trigger first of all
    for text in schema.problems(conn):
        problem(text)
    ch = _Chain(conn, problem, sigs, farmed)
    for row in conn.execute(f"SELECT {_event_columns(conn)} FROM audit_events ORDER BY seq"):
        if not ch.event(row):
            break
    rows_checked = 0
    entry_sigs = 0
    for f in event_checks:  # the workers' findings, in chain order
        for bad_seq, text in f.result():
            problem(text)
            if "content was changed" in text:
                ch.first_bad = bad_seq if ch.first_bad is None else min(ch.first_bad, bad_seq)
    if ch.first_bad is None:
        rows_checked = (
            _check_rows_farmed(conn, path, ch.latest, sigs, problem)
            if farmed and path is not None
            else _check_rows(conn, ch.latest, problem)
        )
        entry_sigs = _check_entry_signatures(conn, ch.rp, ch.first_anchor, sigs, problem)
        _check_keys(conn, ch.rp, problem)
        for text in checkpoints.problems(conn):
            problem(text)
    # state matches history (issue 10, point 11)
    for text in state.problems(conn):
        problem(f"state: {text}")
    failed = sigs.results()
    for what in failed:
        problem(what)
    return VerifyResult(
        ok=not problems,
        events=ch.count,
        head_hash=ch.prev,
        signatures=entry_sigs,
        rows=rows_checked,
        problems=problems,
        first_bad_seq=ch.first_bad,
        earlier_scheme=ch.earlier,
        signed_events=ch.signed - len([w for w in failed if w.startswith("event ")]),
        head_at=ch.last_at or None,
    )


#: Events that change who holds which roles, or bring keys (replayed before an incremental
#: check; a key brought by any other event is found by a slower search of the payloads)
_REPLAY_ACTIONS = (
    "bootstrap",
    "add_person",
    "set_roles",
    "set_active",
    "change_password",
    "schema_migrated",
    "issue_enrolment",
    "enrol",
)


#: the tables :meth:`_Replay.read_new` reads: an event that wrote a row of one of them makes
#: an incremental check read them again
_REPLAY_TABLES = ("person_keys", "people", "enrolments")


class ChainState:
    """What an incremental check knows after the head it verified (who held which key
    and which roles): kept by the caller and handed back, the next check goes on from there
    instead of replaying the history again."""

    def __init__(self) -> None:
        self.chain: _Chain | None = None


def _replay_until(conn: sqlite3.Connection, ch: _Chain, from_seq: int) -> None:
    marks = ",".join("?" * len(_REPLAY_ACTIONS))
    for seq, action, actor, payload in conn.execute(
        "SELECT seq, action, actor_id, payload FROM audit_events WHERE seq <= ? AND "
        f"action IN ({marks}) ORDER BY seq",
        (from_seq, *_REPLAY_ACTIONS),
    ):
        ch.replay(int(seq), str(action), actor, str(payload))
    later = {
        i
        for (payload,) in conn.execute(
            "SELECT payload FROM audit_events WHERE seq > ?", (from_seq,)
        )
        for t, i, _ in _parse(str(payload))[0]
        if t == "person_keys"
    }
    if set(ch.rp.keys) - ch.rp.seen_keys - later:  # a key some other event brought
        ch.rp = _Replay(conn)
        for seq, action, actor, payload in conn.execute(
            "SELECT seq, action, actor_id, payload FROM audit_events WHERE seq <= ? AND "
            f"(action IN ({marks}) OR instr(payload, '\"person_keys\"') > 0) ORDER BY seq",
            (from_seq, *_REPLAY_ACTIONS),
        ):
            ch.replay(int(seq), str(action), actor, str(payload))


def incremental(
    conn: sqlite3.Connection,
    from_seq: int,
    from_hash: str,
    max_problems: int = 20,
    *,
    state: ChainState | None = None,
) -> VerifyResult:
    """The chain's new end since a verified head: that head (``from_seq``, ``from_hash``)
    must still be on the chain; each event after it is checked as :func:`verify` does
    (place, hash, date, the actor's signature with the key they held, their role) and each
    row those events wrote against its latest anchor among them. Rows and entries older
    than ``from_seq`` are left to the full verify. ``events`` counts the events checked.
    ``state``: kept between calls, so that the next check need not replay the history."""
    problems: list[str] = []

    def problem(text: str) -> None:
        if len(problems) < max_problems:
            problems.append(text)

    sigs = _Signatures(False, 1)
    # the verified event and every one after it, in one statement
    events = iter(conn.execute(*events_since_stmt(conn, from_seq)))
    row = None
    if from_seq > 0:
        row = next(events, None)
        if row is None or int(row[0]) != from_seq:
            n = audit.head(conn)[0]
            problem(
                f"the verified event {from_seq} is gone: the register ends at event {n} "
                "(truncated, or an older copy was put back)"
            )
            return VerifyResult(False, 0, audit.GENESIS, problems=problems, first_bad_seq=n + 1)
        if row[6] != from_hash:
            problem(
                f"event {from_seq} was verified as {from_hash[:12]}…, now it is "
                f"{row[6][:12]}…: rewritten"
            )
            return VerifyResult(False, 0, audit.GENESIS, problems=problems, first_bad_seq=from_seq)
    elif from_hash != audit.GENESIS:
        problem("the verified head is not the start of a chain")
        return VerifyResult(False, 0, audit.GENESIS, problems=problems, first_bad_seq=1)
    kept = state.chain if state is not None else None
    if kept is not None and kept.prev == from_hash and kept.expected_seq == from_seq + 1:
        new = list(events)
        if not new:  # nothing since the verified head: nothing to read or check
            return VerifyResult(
                ok=True, events=0, head_hash=from_hash, head_at=kept.prev_at or None
            )
        ch = kept
        # the keys, people and enrolment codes written since are read only when one of the
        # new events names a key the check does not know, or wrote such a row
        ch.resume(
            conn,
            problem,
            sigs,
            read_new=any(
                (r[8] is not None and int(r[8]) not in ch.rp.keys)
                or any(f'"{t}"' in str(r[4]) for t in _REPLAY_TABLES)
                for r in new
            ),
        )
        rest: Iterable[Any] = new
    else:
        ch = _Chain(conn, problem, sigs)
        if row is not None:
            ch.prev, ch.prev_at, ch.expected_seq = str(row[6]), str(row[1]), from_seq + 1
            ch.seen_scheme2 = row[7] != 1
            ch.earlier = int(
                conn.execute(
                    "SELECT count(*) FROM audit_events WHERE seq <= ? AND "
                    + ("scheme = 1" if "scheme" in _columns(conn, "audit_events") else "1"),
                    (from_seq,),
                ).fetchone()[0]
            )
            _replay_until(conn, ch, from_seq)
        rest = events
    for r in rest:
        if not ch.event(r):
            break
    if ch.first_bad is None:
        # the rows of a table in a few statements, not one each; on an office server, where
        # every desk checks every other desk's new events, all of them in one round trip
        compares = []
        for table, anchors in ch.latest.items():
            ids = sorted(anchors)
            for i in range(0, len(ids), _ROWS_AT_ONCE):
                chunk = ids[i : i + _ROWS_AT_ONCE]
                where = f"WHERE id IN ({', '.join('?' for _ in chunk)})"
                compares.append((table, {rid: anchors[rid] for rid in chunk}, where, chunk))
        pipelined = getattr(conn, "pipelined", None)
        if pipelined is not None and len(compares) > 1 and conn.in_transaction:
            pipelined([], [(_compare_stmt(t, w), tuple(c)) for t, _, w, c in compares])
        for table, want, where, chunk in compares:
            _compare(conn, table, want, problem, where, chunk)
    for what in sigs.results():
        problem(what)
    if state is not None:
        state.chain = ch if not problems else None
    return VerifyResult(
        ok=not problems,
        events=ch.count,
        head_hash=ch.prev,
        problems=problems,
        first_bad_seq=ch.first_bad,
        signed_events=ch.signed,
        head_at=ch.prev_at or None,
    )


def _new_key(
    rp: _Replay,
    sigs: _Signatures,
    key_id: int,
    seq: int,
    action: str,
    actor: int | None,
    problem: Any,
    at: str = "",
    details: dict[str, Any] | None = None,
) -> None:
    k = rp.keys.get(key_id)
    if k is None:
        return  # the row check names the missing row
    who = rp.badge.get(k.person_id, f"person #{k.person_id}")
    ok_by = {
        "earlier": action == "schema_migrated",
        "added": action in ("add_person", "bootstrap"),
        "enrolment": actor == k.person_id and action == "enrol",
        "password_change": actor == k.person_id and action == "change_password",
    }.get(k.reason, False)
    if not ok_by:
        problem(
            f"key #{key_id} of {who} ({k.reason}): not made the way Keeper makes keys "
            f"(event {seq}, {action}) — a key change outside Keeper"
        )
    if k.reason == "enrolment" and ok_by:
        why = _enrolment_problem(rp, k, seq, at, (details or {}).get("enrolment"))
        if why:
            problem(f"key #{key_id} of {who} (enrolment, event {seq}): {why}")
    if k.reason == "password_change":
        before = rp.current.get(k.person_id)
        if before is None or k.endorsement is None:
            problem(f"key #{key_id} of {who}: a new key without the endorsement of the old one")
        else:
            sigs.add(
                rp.keys[before].public_key,
                k.endorsement,
                crypto.endorsement_message(k.person_id, k.public_key),
                f"key #{key_id} of {who}: the previous key's endorsement does not verify",
            )
    rp.current[k.person_id] = key_id
    rp.history.setdefault(k.person_id, []).append((seq, key_id))


def _file_of(conn: sqlite3.Connection) -> str | None:
    if getattr(conn, "engine", "sqlite") != "sqlite":
        return None  # a server: read through the connection itself
    for _n, name, file in conn.execute("PRAGMA database_list"):
        if name == "main" and file:
            return str(file)
    return None


#: Rows per digest compared by a worker (a mismatch is then looked at row by row).
ROW_CHUNK = 50_000


def _check_rows_farmed(
    conn: sqlite3.Connection,
    path: str,
    latest: dict[str, dict[int, str]],
    sigs: _Signatures,
    problem: Any,
) -> int:
    """The row check with the hashing done by workers, a digest per chunk of ids; a chunk
    whose digest differs from its anchors' is checked row by row here."""
    present = _tables(conn)
    jobs = []
    for table in audit.ANCHORED_TABLES:
        if table not in present:
            continue
        top = conn.execute(f"SELECT COALESCE(max(id), 0) FROM {table}").fetchone()[0]
        top = max(int(top), max(latest[table], default=0))
        for lo in range(1, top + 1, ROW_CHUNK):
            hi = lo + ROW_CHUNK - 1
            jobs.append((table, lo, hi, sigs.executor().submit(_rows_chunk, path, table, lo, hi)))
    rows = 0
    redo: dict[str, list[tuple[int, int]]] = {}
    for table, lo, hi, fut in jobs:
        n, digest = fut.result()
        rows += n
        want = sorted((i, h) for i, h in latest[table].items() if lo <= i <= hi)
        if n != len(want) or digest != _digest(want):
            redo.setdefault(table, []).append((lo, hi))
    for table in audit.ANCHORED_TABLES:
        if table not in present:
            for rid in sorted(latest[table]):
                problem(f"{table} #{rid}: deleted outside Keeper (no such table)")
    for table, ranges in redo.items():
        for lo, hi in ranges:
            part = {i: h for i, h in latest[table].items() if lo <= i <= hi}
            _compare(conn, table, part, problem, f"WHERE id BETWEEN {int(lo)} AND {int(hi)}")
    return rows


def _compare_stmt(table: str, where: str = "") -> str:
    """The statement :func:`_compare` reads ``table``'s rows with (read ahead by the same
    text on a server)."""
    return f"SELECT * FROM {table} {where}"


def _compare(
    conn: sqlite3.Connection,
    table: str,
    anchors: dict[int, str],
    problem: Any,
    where: str = "",
    params: Sequence[Any] = (),
) -> int:
    seen: set[int] = set()
    n = 0
    for rec in _rows(conn, _compare_stmt(table, where), params):
        n += 1
        rid = int(rec["id"])
        seen.add(rid)
        want = anchors.get(rid)
        if want is None:
            problem(f"{table} #{rid}: written outside Keeper (no audit event)")
        elif canonical.row_hash(table, rec) != want:
            problem(f"{table} #{rid}: changed outside Keeper")
    for rid in sorted(anchors.keys() - seen):
        problem(f"{table} #{rid}: deleted outside Keeper")
    return n


def _enrolment_problem(rp: _Replay, k: _Key, seq: int, at: str, eid: Any) -> str | None:
    """Why a first key brought by an 'enrol' event does not come from an enrolment code: the
    event must name a code issued to that person by an administrator in an earlier event,
    unused and unexpired at that moment, and the person must have had no key before."""
    if k.person_id in rp.current:
        return "the person had a key already — an enrolment code is for a first key only"
    if not isinstance(eid, int) or eid not in rp.enrolments:
        return "names no enrolment code — a key made outside Keeper"
    e = rp.enrolments[eid]
    issued = rp.enrolment_issued.get(eid)
    if int(e["person_id"]) != k.person_id:
        return f"enrolment #{eid} was issued to {rp.badge.get(int(e['person_id']))}, not to them"
    if issued is None or issued[0] >= seq:
        return f"enrolment #{eid} was not issued before it was used"
    if not issued[2] or issued[1] != int(e["issued_by"]):
        return f"enrolment #{eid} was not issued by an administrator"
    if eid in rp.enrolments_used:
        return f"enrolment #{eid} was used already — an enrolment code is used once"
    if at > str(e["expires_at"]):
        return f"enrolment #{eid} had expired ({e['expires_at']})"
    return None


def _check_rows(conn: sqlite3.Connection, latest: dict[str, dict[int, str]], problem: Any) -> int:
    rows_checked = 0
    present = _tables(conn)
    for table in audit.ANCHORED_TABLES:
        if table not in present:  # an older schema (a backup), or a table dropped
            for rid in sorted(latest[table]):
                problem(f"{table} #{rid}: deleted outside Keeper (no such table)")
            continue
        rows_checked += _compare(conn, table, latest[table], problem)
    return rows_checked


def _check_entry_signatures(
    conn: sqlite3.Connection,
    rp: _Replay,
    first_anchor: dict[tuple[str, int], int],
    sigs: _Signatures,
    problem: Any,
) -> int:
    n = 0
    per_entry: dict[tuple[str, int], list[str]] = {}
    for r in _rows(conn, "SELECT * FROM signatures ORDER BY id"):
        n += 1
        sid, table, eid = int(r["id"]), str(r["entry_table"]), int(r["entry_id"])
        signer, capacity, at = int(r["signer_id"]), str(r["capacity"]), str(r["signed_at"])
        badge = rp.badge.get(signer)
        if badge is None:
            problem(f"signature #{sid}: unknown signer {signer}")
            continue
        try:
            actual = audit.content_sha256(conn, table, eid)
        except (LookupError, ValueError):
            problem(f"signature #{sid}: the signed entry {table} #{eid} is missing")
            continue
        if actual != r["content_sha256"]:
            problem(
                f"signature #{sid} by {badge}: {table} #{eid} no longer matches what was signed"
            )
            continue
        made = first_anchor.get(("signatures", sid))
        entry_made = first_anchor.get((table, eid))
        if made is not None and entry_made is not None and made != entry_made:
            problem(
                f"signature #{sid} by {badge} on {table} #{eid}: added after the entry was "
                f"made (event {made}, the entry event {entry_made})"
            )
        key_id = rp.key_at(signer, made) if made is not None else None
        if key_id is not None:
            pub = rp.keys[key_id].public_key
        elif rp.history.get(signer):  # made before schema 5: the key held then ('earlier')
            pub = rp.keys[rp.history[signer][0][1]].public_key
        else:  # a file from before schema 5 (a backup): the stored key
            pub_row = conn.execute("SELECT public_key FROM people WHERE id=?", (signer,)).fetchone()
            pub = bytes(pub_row[0]) if pub_row else b""
        msg = crypto.signing_message(table, eid, r["content_sha256"], capacity, badge, at)
        sigs.add(
            pub,
            bytes(r["signature"]),
            msg,
            f"signature #{sid} by {badge} on {table} #{eid}: does not verify",
        )
        per_entry.setdefault((table, eid), []).append(capacity)
        if made is not None and key_id is not None:
            why = signing.capacity_problem(capacity, rp.roles_of(signer))
            if why is not None:
                problem(f"signature #{sid} by {badge} on {table} #{eid}: {why}")
    present = _tables(conn)
    held: dict[int, frozenset[Role]] = {}  # role grants: each person's roles before it
    for table in sorted(signing.SIGNED_TABLES & present):
        for rec in _rows(conn, f"SELECT * FROM {table} ORDER BY id"):
            eid = int(rec["id"])
            added: frozenset[Role] = frozenset()
            if table == "role_grants":
                now = frozenset(Role(x) for x in str(rec["roles"]).split(",") if x)
                added = now - held.get(int(rec["person_id"]), frozenset())
                held[int(rec["person_id"])] = now
            if first_anchor.get((table, eid)) is None:
                continue  # the row check names it
            want = signing.required_capacities(table, rec, added)
            have = tuple(sorted(per_entry.get((table, eid), [])))
            if have != want:
                problem(
                    f"{table} #{eid}: signed as {', '.join(have) or 'nobody'}, but such an "
                    f"entry must be signed as {', '.join(want) or 'nobody'}"
                )
    return n


def _check_keys(conn: sqlite3.Connection, rp: _Replay, problem: Any) -> None:
    owners: dict[bytes, int] = {}
    for k in rp.keys.values():
        other = owners.setdefault(k.public_key, k.person_id)
        if other != k.person_id:
            problem(
                f"{rp.badge.get(k.person_id)} and {rp.badge.get(other)} share one key — "
                "a key copied outside Keeper"
            )
    if not rp.keys:
        return  # a file from before schema 5 (a backup being checked)
    pubs: dict[bytes, str] = {}
    for r in conn.execute("SELECT id, badge, public_key FROM people"):
        pid, badge, pub = int(r[0]), str(r[1]), bytes(r[2])
        if pub in pubs and pub:
            problem(f"{badge} and {pubs[pub]} share one key — a key copied outside Keeper")
        pubs[pub] = badge
        cur = rp.current.get(pid)
        if cur is None:
            if pub:
                problem(f"{badge}: holds a key that no event of the history made")
        elif rp.keys[cur].public_key != pub:
            problem(
                f"{badge}: the stored key is not the one the history gave them — a key "
                "change not made through Keeper"
            )
