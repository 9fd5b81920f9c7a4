"""The audit chain: every change appends an event that hashes the one before it and
anchors the rows it wrote, so that any edit, deletion, insertion or reordering made
behind Keeper's back is found by :func:`verify`.

An event's hash is ``sha256(prev_hash || canonical({seq, at, actor_id, action, payload, …}))``
(schemes 1 and 2); from scheme 3 on it is ``sha256(prev_hash || sha256(canonical(fields)))``,
so that a link of the chain can be shown with the digest of an event's fields in place of the
fields themselves (a transfer package shows a court one disc's events and hides the others',
Art. 21; :mod:`keeper_app.package`). A scheme-3 payload carries a random ``nonce``: the digest
of an event hidden that way cannot be confirmed by guessing its fields.
``payload["rows"]`` lists ``[table, id, row_hash]`` of every row the change wrote; the
latest anchor of each row must match the row as it is now, and every row must have one.
"""

from __future__ import annotations

import hashlib
import secrets
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import canonical, crypto
from ..domain import signing

if TYPE_CHECKING:
    from .verify import VerifyResult

GENESIS = "0" * 64

#: Every table whose rows the chain anchors (all but the chain itself).
ANCHORED_TABLES = (
    "units",
    "departments",
    "people",
    "cases",
    "case_handlers",
    "recordings",
    "recording_files",
    "manifests",
    "media",
    "medium_recordings",
    "handovers",
    "approvals",
    "approval_decisions",
    "seal_events",
    "retrievals",
    "returns",
    "incidents",
    "incident_acks",
    "court_requests",
    "court_transfers",
    "case_conclusions",
    "archive_handovers",
    "location_changes",
    "corrections",
    "signatures",
    # schema 2 (burning)
    "pair_reservations",
    "verifications",
    "recording_checks",
    # schema 4 (wrong passwords and lockouts)
    "sign_in_events",
    # schema 5 (signed events, key history)
    "person_keys",
    # schema 6 (separation of duties)
    "role_grants",
    # schema 7 (the daily checkpoint)
    "checkpoints",
    # schema 8 (enrolment codes)
    "enrolments",
    "enrolment_uses",
    # schema 10 (retrieval approvals)
    "retrieval_requests",
    "retrieval_decisions",
    "retrieval_request_uses",
    # schema 13 (reproducing the duplicate, Art. 18)
    "unseal_grounds",
    "original_uses",
    "reseal_inspections",
    "reproductions",
    # schema 12 (late means reported; claims are checks)
    "late_marks",
    "return_checks",
    "medium_findings",
    # schema 11 (court and procuratorate request items, late marks)
    "court_request_items",
    "court_item_closures",
    "court_late_marks",
    "court_late_acks",
    # schema 15 (intake flags, review submissions, storage devices, stored-file access)
    "intake_flags",
    "review_submissions",
    "storage_devices",
    "storage_device_moves",
    "stored_file_access",
    # schema 16 (spot checks)
    "spot_checks",
    "spot_check_items",
    "spot_check_results",
    "spot_check_closings",
    # schema 17 (inventory sessions that end in a signed record)
    "inventory_sessions",
    "inventory_expected",
    "inventory_observations",
    "inventory_closings",
    "inventory_discrepancies",
    "inventory_resolutions",
    # schema 18 (seized storage media, issue 15)
    "seizures",
    "seized_items",
    "seized_sealings",
    "seized_seal_events",
    "seized_receipts",
    "seized_requests",
    "seized_decisions",
    "seized_transfers",
    "seized_transfer_items",
    "seized_releases",
    "seized_incidents",
    "seized_incident_acks",
    "seized_late_marks",
    "seized_inspections",
)

_PK = {t: "id" for t in ANCHORED_TABLES}

#: The scheme new events are written in: 2 = signed by the actor's key (schema 5); 3 = the
#: same, its hash taken over the digest of its fields (a link can be shown without them).
SCHEME = 3
#: Every scheme verify knows; the events of a chain keep the scheme they were written in.
SCHEMES = (1, 2, 3)

#: Events that have no actor and are not signed: sign-in bookkeeping (before anyone is
#: signed in), the migration that brought the key history, and a restore. Each may write
#: only rows of the tables named here; any other unsigned event fails verify.
SYSTEM_ACTIONS: dict[str, frozenset[str]] = {
    "sign_in_attempt": frozenset({"sign_in_events"}),
    "sign_in_failed": frozenset({"sign_in_events"}),
    "locked_out": frozenset({"sign_in_events"}),
    "sign_in_cleared": frozenset({"sign_in_events"}),
    "schema_migrated": frozenset({"person_keys"}),
    "restore": frozenset(),
}


class ClockBehind(Exception):
    """A change dated before the register's last entry: the computer's clock is wrong."""

    def __init__(self, at: str, last_at: str, last_seq: int):
        from ..timeutil import show

        super().__init__(
            f"the computer's clock says {show(at)}, earlier than the register's last entry "
            f"(event {last_seq}, {show(last_at)}): the clock is wrong (set back?). Nothing was "
            "recorded; have the clock corrected, then do it again"
        )
        self.at, self.last_at, self.last_seq = at, last_at, last_seq


@dataclass(frozen=True)
class EventKey:
    """The key an actor signs an event with: its row in person_keys and the private key."""

    key_id: int
    private_key: Any = field(repr=False)


def event_fields(
    seq: int,
    at: str,
    actor_id: int | None,
    action: str,
    payload: str,
    scheme: int = 1,
    key_id: int | None = None,
) -> dict[str, Any]:
    """What an event's hash covers besides the previous hash: seq, at, actor, action and
    payload; from scheme 2 on also the scheme and the signing key's id."""
    fields: dict[str, Any] = {
        "seq": seq,
        "at": at,
        "actor_id": actor_id,
        "action": action,
        "payload": payload,
    }
    if scheme != 1:
        fields["scheme"] = scheme
        fields["key_id"] = key_id
    return fields


def link_text(prev_hash: str, fields: Mapping[str, Any], scheme: int) -> str:
    """The text whose SHA-256 is the event's hash: the previous hash followed by the canonical
    fields (schemes 1 and 2) or by their SHA-256 (scheme 3). ValueError for another scheme."""
    if scheme not in SCHEMES:
        raise ValueError(f"unknown event scheme {scheme!r}")
    body = canonical.dumps(dict(fields))
    if scheme == 3:
        body = hashlib.sha256(body.encode("utf-8")).hexdigest()
    return prev_hash + body


def event_hash(
    prev_hash: str,
    seq: int,
    at: str,
    actor_id: int | None,
    action: str,
    payload: str,
    scheme: int = 1,
    key_id: int | None = None,
) -> str:
    """The hash of an event written in ``scheme`` (:func:`link_text`); an unknown scheme
    hashes to nothing any event can have (verify then says its content was changed)."""
    fields = event_fields(seq, at, actor_id, action, payload, scheme, key_id)
    try:
        text = link_text(prev_hash, fields, scheme)
    except ValueError:
        return ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def read_row(conn: sqlite3.Connection, table: str, row_id: int) -> dict[str, Any]:
    if table not in _PK:
        raise ValueError(f"not an anchored table: {table}")
    written = getattr(conn, "written_row", None)  # a server: the row its INSERT returned
    if written is not None:
        mine: dict[str, Any] | None = written(table, row_id)  # (a copy of its own)
        if mine is not None:
            return mine
    cur = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None:
        raise LookupError(f"{table} #{row_id} not found")
    return {d[0]: row[i] for i, d in enumerate(cur.description)}


#: the statement :func:`head` runs
HEAD = "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    r = conn.execute(HEAD, ()).fetchone()
    return (0, GENESIS) if r is None else (int(r[0]), str(r[1]))


def head_at(conn: sqlite3.Connection) -> tuple[int, str, str | None]:
    """The head's seq, hash and date (None for an empty chain)."""
    r = conn.execute("SELECT seq, hash, at FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS, None) if r is None else (int(r[0]), str(r[1]), str(r[2]))


def last_signed_at(conn: sqlite3.Connection) -> tuple[int, str] | None:
    """The seq and date of the latest event made by a person (a system event — sign-in
    bookkeeping — is not ordered: nobody vouches for its date)."""
    r = conn.execute(
        "SELECT seq, at FROM audit_events WHERE actor_id IS NOT NULL ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    return None if r is None else (int(r[0]), str(r[1]))


#: the statement of :func:`head_and_last_signed` (for ``Database.transaction(prefetch=...)``)
HEAD_AND_LAST_SIGNED: tuple[str, Any] = (
    "SELECT (SELECT seq FROM audit_events ORDER BY seq DESC LIMIT 1), "
    "(SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1), "
    "(SELECT seq FROM audit_events WHERE actor_id IS NOT NULL ORDER BY seq DESC LIMIT 1), "
    "(SELECT at FROM audit_events WHERE actor_id IS NOT NULL ORDER BY seq DESC LIMIT 1)",
    (),
)


def head_and_last_signed(
    conn: sqlite3.Connection,
) -> tuple[tuple[int, str], tuple[int, str] | None]:
    """:func:`head` and :func:`last_signed_at` in one statement (one round trip to a
    server, where an event is appended)."""
    r = conn.execute(*HEAD_AND_LAST_SIGNED).fetchone()
    top = (0, GENESIS) if r is None or r[0] is None else (int(r[0]), str(r[1]))
    last = None if r is None or r[2] is None else (int(r[2]), str(r[3]))
    return top, last


def only_system_since(conn: sqlite3.Connection, seq: int) -> bool:
    """Whether every event after ``seq`` is a system event (sign-in bookkeeping): the
    register has not moved on by anyone's change."""
    r = conn.execute(
        "SELECT 1 FROM audit_events WHERE seq > ? AND actor_id IS NOT NULL LIMIT 1", (int(seq),)
    ).fetchone()
    return r is None


def only_readings_since(conn: sqlite3.Connection, seq: int) -> bool:
    """Whether every event after ``seq`` is a logged reading or sign-in (issue 14:
    ``domain.signing.ROWLESS_ACTIONS``): they change no state, so checks made at ``seq``
    still hold."""
    marks = ",".join("?" * len(signing.ROWLESS_ACTIONS))
    r = conn.execute(
        f"SELECT 1 FROM audit_events WHERE seq > ? AND action NOT IN ({marks}) LIMIT 1",
        (int(seq), *sorted(signing.ROWLESS_ACTIONS)),
    ).fetchone()
    return r is None


def only_quiet_since(conn: sqlite3.Connection, seq: int) -> bool:
    """Whether every event after ``seq`` is either sign-in bookkeeping (a system event) or a
    logged reading: nobody's change, in any mix of the two."""
    marks = ",".join("?" * len(signing.ROWLESS_ACTIONS))
    r = conn.execute(
        f"SELECT 1 FROM audit_events WHERE seq > ? AND actor_id IS NOT NULL "
        f"AND action NOT IN ({marks}) LIMIT 1",
        (int(seq), *sorted(signing.ROWLESS_ACTIONS)),
    ).fetchone()
    return r is None


def hash_at(conn: sqlite3.Connection, seq: int) -> str | None:
    """The stored hash of event ``seq`` (0: the genesis hash), or None when the chain has no
    such event. What a witness of the head is held against (:mod:`..services.heads`)."""
    if seq == 0:
        return GENESIS
    r = conn.execute("SELECT hash FROM audit_events WHERE seq = ?", (int(seq),)).fetchone()
    return None if r is None else str(r[0])


def events_of(conn: sqlite3.Connection, action: str, since: str) -> list[dict[str, Any]]:
    """Events of one action since a date, newest first, with the actor's badge and name and
    the event's details."""
    out = []
    for seq, at, badge, name, payload in conn.execute(
        "SELECT e.seq, e.at, p.badge, p.name, e.payload FROM audit_events e "
        "LEFT JOIN people p ON p.id = e.actor_id WHERE e.action = ? AND e.at >= ? "
        "ORDER BY e.seq DESC",
        (action, since),
    ):
        details = canonical_loads(payload).get("details") or {}
        out.append({"seq": seq, "at": at, "badge": badge, "name": name, "details": details})
    return out


def append(
    conn: sqlite3.Connection,
    at: str,
    actor_id: int | None,
    action: str,
    details: Mapping[str, Any],
    rows: Iterable[tuple[str, int]] = (),
    key: EventKey | None = None,
    known: tuple[tuple[int, str], tuple[int, str] | None] | None = None,
) -> int:
    """Append one event inside the caller's transaction; returns its sequence number. An
    event with an actor is signed with ``key`` (the actor's current key); one without is a
    system event (:data:`SYSTEM_ACTIONS`). A person's event dated before the latest
    person's event is refused (:class:`ClockBehind`). ``known``: the chain's head and its
    last signed event (:func:`head_and_last_signed`) as the caller read them in this
    transaction, under its write lock, or the event this transaction has just appended
    (:func:`just_appended`) -- used only while nothing else has been appended in the
    transaction since (else read again)."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside the change's transaction")
    if actor_id is not None and key is None:
        raise RuntimeError(f"event {action!r} by person {actor_id} needs the actor's key")
    if actor_id is None and action not in SYSTEM_ACTIONS:
        raise RuntimeError(f"event {action!r} has no actor and is not a system event")
    anchors = [[t, int(i), canonical.row_hash(t, read_row(conn, t, i))] for t, i in rows]
    body: dict[str, Any] = {"details": dict(details), "rows": anchors}
    if SCHEME == 3:
        body["nonce"] = secrets.token_hex(16)
    payload = canonical.dumps(body)
    if known is not None and id(conn) in _APPENDED and _APPENDED[id(conn)][:2] != known[0]:
        known = None  # this transaction has appended since: the head has moved
    if actor_id is not None:
        (seq, prev), last = known if known is not None else head_and_last_signed(conn)
        if last is not None and at < last[1]:
            raise ClockBehind(at, last[1], last[0])
    else:
        seq, prev = known[0] if known is not None else head(conn)
    seq += 1
    key_id = key.key_id if key is not None else None
    h = event_hash(prev, seq, at, actor_id, action, payload, SCHEME, key_id)
    sig = crypto.sign(key.private_key, crypto.event_message(h)) if key is not None else None
    conn.execute(
        "INSERT INTO audit_events(seq, at, actor_id, action, payload, prev_hash, hash, scheme, "
        "key_id, actor_sig) VALUES (?,?,?,?,?,?,?,?,?,?)",
        (seq, at, actor_id, action, payload, prev, h, SCHEME, key_id, sig),
    )
    _APPENDED[id(conn)] = (seq, h, at)
    return seq


#: per connection (by id): the last event :func:`append` wrote in its open transaction. The
#: appends of a database are serialised (its write lock), so at COMMIT it is the chain's
#: head: the transaction hands it to the witness log (and a server's desks are notified of
#: it) without asking the database again. Taken at the start and the end of every write
#: transaction (:func:`take_appended`), so a rolled-back one leaves nothing behind.
_APPENDED: dict[int, tuple[int, str, str]] = {}


def just_appended(conn: sqlite3.Connection) -> tuple[int, str]:
    """The (seq, hash) of the event :func:`append` has just written on ``conn``: the chain's
    head for the next append in the same transaction (the write lock is held)."""
    seq, h, _ = _APPENDED[id(conn)]
    return seq, h


def take_appended(conn: sqlite3.Connection) -> tuple[int, str, str] | None:
    """The (seq, hash, at) of the last event appended on ``conn`` since the last call."""
    return _APPENDED.pop(id(conn), None)


def verify(conn: sqlite3.Connection, max_problems: int = 20, **kw: Any) -> VerifyResult:
    """The whole history checked against itself: see :mod:`keeper_app.store.verify`."""
    from .verify import verify as _verify

    return _verify(conn, max_problems, **kw)


def canonical_loads(text: str) -> Any:
    import json

    return json.loads(text)


def content_of(conn: sqlite3.Connection, table: str, entry_id: int) -> dict[str, Any]:
    """The canonical content a signature covers: the entry's stored row."""
    return read_row(conn, table, entry_id)


def content_sha256(conn: sqlite3.Connection, table: str, entry_id: int) -> str:
    return canonical.sha256_hex({"table": table, "row": content_of(conn, table, entry_id)})


def sign_entry(
    conn: sqlite3.Connection,
    table: str,
    entry_id: int,
    signers: Sequence[tuple[int, str, Any, str]],
    at: str,
    drawn: Mapping[int, bytes] | None = None,
) -> list[int]:
    """Sign an entry inside the transaction. ``signers`` = (person_id, badge, private key,
    capacity). Returns the signature row ids."""
    csha = content_sha256(conn, table, entry_id)
    ids = []
    for pid, badge, sk, capacity in signers:
        msg = crypto.signing_message(table, entry_id, csha, capacity, badge, at)
        sig = crypto.sign(sk, msg)
        cur = conn.execute(
            "INSERT INTO signatures(entry_table, entry_id, signer_id, capacity, signed_at, "
            "content_sha256, method, signature, drawn_png) VALUES (?,?,?,?,?,?,?,?,?)",
            (table, entry_id, pid, capacity, at, csha, "password", sig, (drawn or {}).get(pid)),
        )
        ids.append(int(cur.lastrowid or 0))
    return ids


def __getattr__(name: str) -> Any:  # audit.VerifyResult, as before verify had its own module
    if name == "VerifyResult":
        from .verify import VerifyResult

        return VerifyResult
    raise AttributeError(name)
