"""The daily checkpoint (issue 10, 1e): the audit chain's head signed by the keeper on duty
and countersigned by a department head with their personal keys (:func:`take`); printed as
a one-page slip with a QR code of the head, to be filed with the paper register (the
catalogue's ``checkpoint`` document, data from :func:`slip`); and exported as a small file
for the supervising unit (:func:`export`), which :func:`check_file` checks alone — its
signatures, with the public keys it carries — and, given the database, against the chain:
a chain that no longer holds the certified head was cut back, rolled back to an older copy,
or rewritten.

The file (``keeper-checkpoint-<unit>-<seq>.json``, JSON, mode 0600, never overwritten)::

    {"format": "keeper-checkpoint-1", "unit": {"code", "name"}, "seq", "hash", "head_at",
     "at", "qr": "KH1-<seq>-<hash>", "entry": {"table": "checkpoints", "row": {...}},
     "content_sha256", "signers": [{"capacity", "badge", "name", "public_key" (hex),
     "fingerprint", "signed_at", "signature" (hex)}, ...]}

``entry.row`` is the checkpoint as stored; each signature is the Ed25519 signature, kept in
the database's signatures table too, over ``crypto.signing_message("checkpoints", id,
content_sha256, capacity, badge, signed_at)``, where content_sha256 is the canonical hash
of the row — so the file needs nothing else to be checked.
"""

from __future__ import annotations

import json
import os
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path
from typing import Any

from .. import canonical, crypto
from ..domain import checkpoints as rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Capacity
from ..store import Database, audit
from ..store import checkpoints as repo
from ..store import people as people_repo
from ..timeutil import local_tz, show, to_db
from .session import Credential, Session, Signer, rerun_if_changed

FORMAT = "keeper-checkpoint-1"
#: the capacities a checkpoint is signed in (domain.signing requires exactly these)
CAPACITIES = (Capacity.KEEPER.value, Capacity.DEPT_HEAD.value)


# ------------------------------------------------------------------ taking it
def _key_id(s: Session, signer: Signer) -> int:
    cur = people_repo.current_key(s.conn, signer.person.id)
    if cur is None or cur[1] != crypto.public_bytes(signer.key):
        who = f"{signer.person.name} ({signer.person.badge})"
        raise RuleViolation(
            "key_changed", f"{who}'s key has changed meanwhile (a password change): sign again"
        )
    return cur[0]


def _moved(conn: Any, expect: tuple[int, str] | None) -> tuple[int, str] | None:
    """The head the signers were shown, or the head now when the register has moved on
    since only by sign-in bookkeeping (their own signing in is recorded too) or by logged
    readings (the desk's own views refresh and log what they show while the two sign)."""
    if expect is None:
        return None
    if audit.hash_at(conn, expect[0]) == expect[1] and audit.only_quiet_since(conn, expect[0]):
        return audit.head(conn)
    return expect


@rerun_if_changed
def take(
    s: Session,
    keeper: Credential,
    head: Credential,
    expect: tuple[int, str] | None = None,
) -> int:
    """The keeper signed in takes the checkpoint, a department head countersigns; both with
    their own passwords. ``expect``: the head (seq, hash) the signers were shown — refused
    if the chain moved on meanwhile. Returns the checkpoint's id."""
    s.require(Action.CHECKPOINT)
    k = s.keeper_signer(keeper)
    h = s.signer(head)
    rules.check_checkpoint(k.person, h.person, audit.head(s.conn), _moved(s.conn, expect))
    k_key, h_key = _key_id(s, k), _key_id(s, h)
    with s.change("checkpoint") as ch:
        seq, hash_hex, head_at = audit.head_at(ch.conn)
        rules.check_checkpoint(k.person, h.person, (seq, hash_hex), _moved(ch.conn, expect))
        ch.details.update(seq=seq, hash=hash_hex, head=h.person.badge)
        cid = ch.touch(
            "checkpoints",
            repo.insert(
                ch.conn,
                unit_id=k.person.unit_id,
                seq=seq,
                hash_hex=hash_hex,
                head_at=head_at,
                at=ch.at,
                keeper_id=k.person.id,
                keeper_key_id=k_key,
                head_id=h.person.id,
                head_key_id=h_key,
            ),
        )
        ch.sign("checkpoints", cid, (k, Capacity.KEEPER), (h, Capacity.DEPT_HEAD))
    return cid


# ------------------------------------------------------------------ reading it
def _row(s: Session, checkpoint_id: int) -> dict[str, Any]:
    row = repo.row(s.conn, int(checkpoint_id))
    if row is None:
        raise RuleViolation("unknown_checkpoint", f"no checkpoint #{checkpoint_id}")
    return row


def _signers(s: Session, checkpoint_id: int) -> list[dict[str, Any]]:
    out = []
    for g in repo.signatures(s.conn, checkpoint_id):
        pub = bytes(g["public_key"])
        out.append(
            {
                "capacity": str(g["capacity"]),
                "badge": str(g["badge"]),
                "name": str(g["name"]),
                "public_key": pub.hex(),
                "fingerprint": crypto.fingerprint(pub),
                "signed_at": str(g["signed_at"]),
                "signature": bytes(g["signature"]).hex(),
            }
        )
    order = {c: i for i, c in enumerate(CAPACITIES)}
    return sorted(out, key=lambda g: order.get(g["capacity"], 9))


def status(s: Session) -> dict[str, Any]:
    """The head now, the latest checkpoint, and whether one was taken today (local day):
    for the reminder and the dialog."""
    s.require(Action.VERIFY_AUDIT)
    seq, hash_hex, head_at = audit.head_at(s.conn)
    midnight = datetime.combine(s.now().astimezone(local_tz()).date(), time(0), local_tz())
    last = repo.latest(s.conn)
    return {
        "seq": seq,
        "hash": hash_hex,
        "head_at": show(head_at),
        "qr": rules.head_text(seq, hash_hex),
        "last": None
        if last is None
        else {"id": last["id"], "seq": last["seq"], "at": show(last["at"])},
        "today": repo.since(s.conn, to_db(midnight)) > 0,
    }


def slip(s: Session, checkpoint_id: int) -> dict[str, Any]:
    """What the checkpoint slip shows (times as 24-hour local time)."""
    s.require(Action.VERIFY_AUDIT)
    row = _row(s, checkpoint_id)
    signers = _signers(s, row["id"])
    for g in signers:
        g["signed_at"] = show(g["signed_at"])
    return {
        "id": row["id"],
        "unit": repo.unit(s.conn, row["unit_id"]),
        "seq": row["seq"],
        "hash": row["hash"],
        "hash_grouped": rules.grouped(row["hash"]),
        "head_at": show(row["head_at"]),
        "at": show(row["at"]),
        "qr": rules.head_text(row["seq"], row["hash"]),
        "signers": signers,
        "file": file_name(repo.unit(s.conn, row["unit_id"])["code"], row["seq"]),
        "audit": dict(zip(("seq", "hash"), audit.head(s.conn), strict=True)),
    }


def file_name(unit_code: str, seq: int) -> str:
    safe = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in unit_code) or "unit"
    return f"keeper-checkpoint-{safe}-{int(seq)}.json"


def file_data(s: Session, checkpoint_id: int) -> dict[str, Any]:
    """The exported file's content (see the module docstring)."""
    s.require(Action.VERIFY_AUDIT)
    row = _row(s, checkpoint_id)
    return {
        "format": FORMAT,
        "unit": repo.unit(s.conn, row["unit_id"]),
        "seq": row["seq"],
        "hash": row["hash"],
        "head_at": row["head_at"],
        "at": row["at"],
        "qr": rules.head_text(row["seq"], row["hash"]),
        "entry": {"table": repo.TABLE, "row": row},
        "content_sha256": audit.content_sha256(s.conn, repo.TABLE, row["id"]),
        "signers": _signers(s, row["id"]),
    }


def check_export_folder(folder: str | Path) -> Path:
    """The folder a checkpoint file is to be written into: it must exist (checked before
    anything is signed, so that a mistyped folder records nothing)."""
    folder = Path(folder)
    if not folder.exists():
        raise RuleViolation("export_failed", f"the folder {folder} does not exist; make it first")
    if not folder.is_dir():
        raise RuleViolation("export_failed", f"{folder} is not a folder")
    return folder


def export(s: Session, checkpoint_id: int, folder: str | Path) -> Path:
    """Write the checkpoint's file into ``folder``: private (0600), never over an existing
    file nor through a symbolic link. Returns its path."""
    data = file_data(s, checkpoint_id)
    folder = check_export_folder(folder)
    path = folder / file_name(data["unit"]["code"], data["seq"])
    text = json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise RuleViolation(
            "file_exists", f"{path} already exists; nothing was overwritten"
        ) from None
    except OSError as exc:
        raise RuleViolation("export_failed", f"cannot write {path}: {exc.strerror}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as exc:
        path.unlink(missing_ok=True)
        raise RuleViolation("export_failed", f"cannot write {path}: {exc.strerror}") from None
    return path


# ------------------------------------------------------------------ checking a file
@dataclass
class CheckResult:
    """What :func:`check_file` found. ``on_chain``: None when no database was given."""

    file: Path
    seq: int = 0
    hash: str = ""
    unit: str = ""
    signers: list[dict[str, Any]] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    on_chain: bool | None = None

    @property
    def ok(self) -> bool:
        return not self.problems


def load_file(path: str | Path) -> dict[str, Any]:
    """A checkpoint file read and its shape checked; RuleViolation naming the file."""
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except OSError as exc:
        raise RuleViolation("bad_checkpoint_file", f"cannot read {p}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RuleViolation("bad_checkpoint_file", f"{p} is not a checkpoint file: {exc}") from None
    ok = (
        isinstance(data, dict)
        and data.get("format") == FORMAT
        and isinstance(data.get("entry"), dict)
        and isinstance(data["entry"].get("row"), dict)
        and isinstance(data.get("signers"), list)
        and all(isinstance(g, dict) for g in data["signers"])
        and isinstance(data.get("seq"), int)
        and isinstance(data.get("hash"), str)
    )
    if not ok:
        raise RuleViolation(
            "bad_checkpoint_file", f"{p} is not a checkpoint file (format {FORMAT})"
        )
    return dict(data)


def _hex(text: Any) -> bytes:
    try:
        return bytes.fromhex(str(text))
    except ValueError:
        return b""


def check_file(conn: sqlite3.Connection | None, path: str | Path) -> CheckResult:
    """Check a checkpoint file alone (its two signatures, with the keys it carries), and
    with ``conn`` against the chain: the head on the chain, the signers' keys theirs, the
    checkpoint itself still recorded. Every problem names the file."""
    p = Path(path)
    data = load_file(p)
    row = data["entry"]["row"]
    unit = str((data.get("unit") or {}).get("code", ""))
    r = CheckResult(p, int(data["seq"]), str(data["hash"]), unit)
    name = p.name

    def problem(text: str) -> None:
        r.problems.append(f"checkpoint file {name}: {text}")

    # --- alone: what is shown is what was signed, and the two signatures
    for key in ("seq", "hash", "head_at", "at"):
        if data.get(key) != row.get(key):
            problem(f"its {key} ({data.get(key)}) is not the one signed ({row.get(key)}) — edited")
    if data.get("qr") != rules.head_text(int(row.get("seq") or 0), str(row.get("hash") or "")):
        problem("its QR text is not the head signed — edited")
    csha = canonical.sha256_hex({"table": repo.TABLE, "row": row})
    if data.get("content_sha256") != csha:
        problem("its content hash is not that of the checkpoint it holds — edited")
    caps = sorted(str(g.get("capacity")) for g in data["signers"])
    if caps != sorted(CAPACITIES):
        problem(
            f"signed as {', '.join(caps) or 'nobody'}; a checkpoint is signed by a keeper "
            "and a department head"
        )
    badges = [str(g.get("badge")) for g in data["signers"]]
    if len(set(badges)) != len(badges):
        problem("signed twice by the same person")
    for g in data["signers"]:
        who = f"the signature of {g.get('badge')} ({g.get('capacity')})"
        pub = _hex(g.get("public_key"))
        if len(pub) != 32:
            problem(f"{who} carries no valid public key")
            continue
        if g.get("fingerprint") != crypto.fingerprint(pub):
            problem(f"{who}: the fingerprint shown is not that of its key — edited")
        msg = crypto.signing_message(
            repo.TABLE,
            int(row.get("id") or 0),
            csha,
            str(g.get("capacity")),
            str(g.get("badge")),
            str(g.get("signed_at")),
        )
        if not crypto.verify(pub, _hex(g.get("signature")), msg):
            problem(f"{who} does not verify — the file was changed after it was signed")
        r.signers.append(
            {k: g.get(k) for k in ("capacity", "badge", "name", "fingerprint", "signed_at")}
        )
    if conn is None:
        return r
    alone = len(r.problems)
    # --- with the database: the certified head on the chain, the keys, the entry itself
    seq, want = int(row.get("seq") or 0), str(row.get("hash") or "")
    found = audit.hash_at(conn, seq) if seq > 0 else audit.GENESIS
    last = audit.head(conn)[0]
    if found is None:
        problem(
            f"the chain has no event {seq} (it ends at event {last}): the history was "
            "truncated or an older copy put back (rollback)"
        )
    elif found != want:
        problem(f"the chain's event {seq} is not the one certified: the history was rewritten")
    for g in data["signers"]:
        badge = str(g.get("badge"))
        if _hex(g.get("public_key")) not in repo.keys_of(conn, badge):
            problem(
                f"the signature of {badge} ({g.get('capacity')}) was made with a key that is "
                f"not {badge}'s (fingerprint {g.get('fingerprint')}) — forged"
            )
    stored = repo.row(conn, int(row.get("id") or 0)) if found == want else None
    if found == want and stored is None:
        problem(
            f"checkpoint #{row.get('id')} is not in the database: the chain was cut back "
            f"after event {seq} (truncated, or an older copy put back: rollback)"
        )
    elif stored is not None and stored != row:
        problem(f"checkpoint #{row.get('id')} in the database is not the one in the file")
    r.on_chain = len(r.problems) == alone
    return r


def check_against(db: Database | None, path: str | Path) -> CheckResult:
    """:func:`check_file` with the database opened by the caller (read only), or alone."""
    if db is None:
        return check_file(None, path)
    with db.reading():
        return check_file(db.conn, path)
