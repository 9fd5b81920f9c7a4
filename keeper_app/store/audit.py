"""The audit chain: every change appends an event that hashes the one before it and
anchors the rows it wrote, so that any edit, deletion, insertion or reordering made
behind Keeper's back is found by :func:`verify`.

An event's hash is ``sha256(prev_hash || canonical({seq, at, actor_id, action, payload}))``.
``payload["rows"]`` lists ``[table, id, row_hash]`` of every row the change wrote; the
latest anchor of each row must match the row as it is now, and every row must have one.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from .. import canonical, crypto

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
    # schema 6 (separation of duties)
    "role_grants",
)

_PK = {t: "id" for t in ANCHORED_TABLES}


def event_hash(
    prev_hash: str, seq: int, at: str, actor_id: int | None, action: str, payload: str
) -> str:
    body = canonical.dumps(
        {"seq": seq, "at": at, "actor_id": actor_id, "action": action, "payload": payload}
    )
    import hashlib

    return hashlib.sha256((prev_hash + body).encode("utf-8")).hexdigest()


def read_row(conn: sqlite3.Connection, table: str, row_id: int) -> dict[str, Any]:
    if table not in _PK:
        raise ValueError(f"not an anchored table: {table}")
    cur = conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
    row = cur.fetchone()
    if row is None:
        raise LookupError(f"{table} #{row_id} not found")
    return {d[0]: row[i] for i, d in enumerate(cur.description)}


def head(conn: sqlite3.Connection) -> tuple[int, str]:
    r = conn.execute("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1").fetchone()
    return (0, GENESIS) if r is None else (int(r[0]), str(r[1]))


def append(
    conn: sqlite3.Connection,
    at: str,
    actor_id: int | None,
    action: str,
    details: Mapping[str, Any],
    rows: Iterable[tuple[str, int]] = (),
) -> int:
    """Append one event inside the caller's transaction; returns its sequence number."""
    if not conn.in_transaction:
        raise RuntimeError("audit.append must run inside the change's transaction")
    anchors = [[t, int(i), canonical.row_hash(t, read_row(conn, t, i))] for t, i in rows]
    payload = canonical.dumps({"details": dict(details), "rows": anchors})
    seq, prev = head(conn)
    seq += 1
    h = event_hash(prev, seq, at, actor_id, action, payload)
    conn.execute(
        "INSERT INTO audit_events(seq, at, actor_id, action, payload, prev_hash, hash) "
        "VALUES (?,?,?,?,?,?,?)",
        (seq, at, actor_id, action, payload, prev, h),
    )
    return seq


@dataclass
class VerifyResult:
    ok: bool
    events: int
    head_hash: str
    signatures: int = 0
    rows: int = 0
    problems: list[str] = field(default_factory=list)
    first_bad_seq: int | None = None


def verify(conn: sqlite3.Connection, max_problems: int = 20) -> VerifyResult:
    """Check the chain, every row against its anchor, and every signature."""
    problems: list[str] = []
    first_bad: int | None = None
    prev = GENESIS
    expected_seq = 1
    count = 0
    latest: dict[str, dict[int, str]] = {t: {} for t in ANCHORED_TABLES}
    cur = conn.execute(
        "SELECT seq, at, actor_id, action, payload, prev_hash, hash FROM audit_events "
        "ORDER BY rowid"
    )
    for seq, at, actor_id, action, payload, prev_hash, h in cur:
        count += 1
        bad = None
        if seq != expected_seq:
            bad = f"event {seq}: out of order or missing — expected event {expected_seq}"
        elif prev_hash != prev:
            bad = f"event {seq}: its previous-hash does not match event {seq - 1}"
        elif event_hash(prev_hash, seq, at, actor_id, action, payload) != h:
            bad = f"event {seq} ({action}): its content was changed after it was written"
        if bad:
            problems.append(bad)
            first_bad = first_bad if first_bad is not None else int(seq)
            break
        try:
            for t, i, rh in canonical_loads(payload)["rows"]:
                latest[t][int(i)] = rh
        except (ValueError, KeyError, TypeError):
            problems.append(f"event {seq}: payload is not valid")
            first_bad = int(seq)
            break
        prev = h
        expected_seq += 1
    head_hash = prev
    rows_checked = 0
    if first_bad is None:
        present = {
            str(r[0]) for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
        }
        for table in ANCHORED_TABLES:
            anchors = latest[table]
            seen: set[int] = set()
            if table not in present:  # an older schema (a backup), or a table dropped
                for rid in sorted(anchors):
                    problems.append(f"{table} #{rid}: deleted outside Keeper (no such table)")
                continue
            c = conn.execute(f"SELECT * FROM {table}")
            names = [d[0] for d in c.description]
            for row in c:
                rows_checked += 1
                rec = dict(zip(names, row, strict=True))
                rid = int(rec["id"])
                seen.add(rid)
                want = anchors.get(rid)
                if want is None:
                    problems.append(f"{table} #{rid}: written outside Keeper (no audit event)")
                elif canonical.row_hash(table, rec) != want:
                    problems.append(f"{table} #{rid}: changed outside Keeper")
                if len(problems) >= max_problems:
                    break
            for rid in sorted(anchors.keys() - seen):
                problems.append(f"{table} #{rid}: deleted outside Keeper")
            if len(problems) >= max_problems:
                break
    sigs, sig_problems = verify_signatures(conn) if first_bad is None else (0, [])
    problems.extend(sig_problems)
    return VerifyResult(
        ok=not problems,
        events=count,
        head_hash=head_hash,
        signatures=sigs,
        rows=rows_checked,
        problems=problems[:max_problems],
        first_bad_seq=first_bad,
    )


def canonical_loads(text: str) -> Any:
    import json

    return json.loads(text)


def content_of(conn: sqlite3.Connection, table: str, entry_id: int) -> dict[str, Any]:
    """The canonical content a signature covers: the entry's stored row."""
    return read_row(conn, table, entry_id)


def content_sha256(conn: sqlite3.Connection, table: str, entry_id: int) -> str:
    return canonical.sha256_hex({"table": table, "row": content_of(conn, table, entry_id)})


def verify_signatures(conn: sqlite3.Connection) -> tuple[int, list[str]]:
    problems: list[str] = []
    keys: dict[int, tuple[str, bytes]] = {
        int(r[0]): (str(r[1]), bytes(r[2]))
        for r in conn.execute("SELECT id, badge, public_key FROM people")
    }
    n = 0
    per_entry: dict[tuple[str, int], set[int]] = {}
    for sid, table, eid, signer, capacity, at, csha, sig in conn.execute(
        "SELECT id, entry_table, entry_id, signer_id, capacity, signed_at, content_sha256, "
        "signature FROM signatures ORDER BY id"
    ):
        n += 1
        if signer not in keys:
            problems.append(f"signature #{sid}: unknown signer {signer}")
            continue
        badge, pub = keys[signer]
        try:
            actual = content_sha256(conn, table, eid)
        except (LookupError, ValueError):
            problems.append(f"signature #{sid}: the signed entry {table} #{eid} is missing")
            continue
        if actual != csha:
            problems.append(
                f"signature #{sid} by {badge}: {table} #{eid} no longer matches what was signed"
            )
            continue
        msg = crypto.signing_message(table, eid, csha, capacity, badge, at)
        if not crypto.verify(pub, bytes(sig), msg):
            problems.append(f"signature #{sid} by {badge} on {table} #{eid}: does not verify")
        per_entry.setdefault((table, eid), set()).add(signer)
    return n, problems


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
