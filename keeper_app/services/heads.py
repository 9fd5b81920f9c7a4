"""Witnessed heads: copies of the audit chain's head (sequence number + hash) kept where an
insider holding the database file cannot rewrite them — on every burned disc (its
``LABEL.json``), on every printed page (the footer and its QR code), and in the other
witnesses built on the same check.

The one check, :func:`check_head`: the chain must hold event ``seq`` with exactly ``hash``.

- the live chain is shorter than ``seq``: the history was **truncated**, or an older copy of
  the file was put back (**rolled back**) — ``problem == "truncated"``;
- event ``seq`` has another hash (or is missing in the middle): the history was
  **rewritten** — ``problem == "rewritten"``.

Every message names the witness (``"disc 3101-2026-000001-O-7"``, ``"printout of event
57"``...), so that a failure says which copy disagrees.

The text form of a head, :func:`head_text` / :func:`parse_head_text`, is what a printed QR
code holds: ``KH1-<seq>-<hash in hex>`` — uppercase, digits and ``-`` only (the QR code's
compact alphanumeric mode); read back case-insensitively (a USB scanner with Caps Lock on
types it in lowercase).
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..domain.errors import RuleViolation
from ..store import Database, audit

#: the text a printed QR code holds: ``KH1-<seq>-<64 hex digits>``
HEAD_PREFIX = "KH1"
_HEAD_TEXT = re.compile(r"^KH1-(\d{1,18})-([0-9A-F]{64})$", re.IGNORECASE)
_HASH = re.compile(r"^[0-9a-fA-F]{64}$")
#: the key of the head in a disc's ``LABEL.json``: ``{"seq": N, "hash": "..."}``
LABEL_KEY = "audit_head"


@dataclass(frozen=True)
class HeadCheck:
    """One witness held against the chain.

    ``ok``: the chain holds event ``seq`` with ``hash``. ``witness``: what the head was read
    from (named in ``message``). ``problem``: "" (agrees), "truncated" (the chain is shorter:
    truncated or rolled back), "rewritten" (another hash at ``seq``, or no event there) or
    "unreadable" (a disc's head that is no head). ``message``: one English sentence for
    people, naming the witness."""

    ok: bool
    witness: str
    seq: int
    hash: str
    message: str
    problem: str = ""
    chain_seq: int = 0  # the live chain's last event when checked

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "witness": self.witness,
            "seq": self.seq,
            "hash": self.hash,
            "problem": self.problem,
            "chain_seq": self.chain_seq,
            "message": self.message,
        }


def head_text(seq: int, hash_: str) -> str:
    """The printed (QR) form of a head: ``KH1-<seq>-<HASH>``."""
    seq, hash_ = _valid(seq, hash_)
    return f"{HEAD_PREFIX}-{seq}-{hash_.upper()}"


def parse_head_text(text: str) -> tuple[int, str] | None:
    """(seq, lowercase hash) from a head's text form (any case, surrounding blanks
    ignored), or None when ``text`` is not one (a medium code, say)."""
    m = _HEAD_TEXT.match(text.strip())
    if m is None:
        return None
    return int(m.group(1)), m.group(2).lower()


def parse_head_args(args: Sequence[str]) -> tuple[int, str]:
    """What a person gives ``keeper audit check-head``: ``SEQ HASH``, or the QR's text as
    one argument. RuleViolation ``bad_head`` otherwise."""
    if len(args) == 1:
        parsed = parse_head_text(args[0])
        if parsed is None:
            raise RuleViolation(
                "bad_head",
                f"{args[0]!r} is not a printed head: give SEQ HASH, or the QR code's text "
                f"{HEAD_PREFIX}-<event>-<hash>",
            )
        return parsed
    if len(args) == 2:
        seq_text = args[0].strip()
        if not seq_text.isdigit():
            raise RuleViolation("bad_head", f"the event number {args[0]!r} is not a number")
        return _valid(int(seq_text), args[1].strip())
    raise RuleViolation(
        "bad_head", f"give SEQ HASH, or the QR code's text {HEAD_PREFIX}-<event>-<hash>"
    )


def _valid(seq: int, hash_: str) -> tuple[int, str]:
    if isinstance(seq, bool) or not isinstance(seq, int) or seq < 0:
        raise RuleViolation("bad_head", f"the event number must be 0 or more, not {seq!r}")
    if not isinstance(hash_, str) or not _HASH.match(hash_):
        raise RuleViolation(
            "bad_head", f"the hash must be 64 hexadecimal digits, not {str(hash_)[:80]!r}"
        )
    return seq, hash_.lower()


def check_head(
    conn_or_db: sqlite3.Connection | Database, seq: int, hash_: str, witness: str
) -> HeadCheck:
    """Hold one witnessed head against the chain (read-only; one consistent read)."""
    seq, hash_ = _valid(seq, hash_)
    if isinstance(conn_or_db, Database):
        with conn_or_db.reading() as conn:
            return _check(conn, seq, hash_, witness)
    return _check(conn_or_db, seq, hash_, witness)


def _check(conn: sqlite3.Connection, seq: int, hash_: str, witness: str) -> HeadCheck:
    last, _ = audit.head(conn)
    have = audit.hash_at(conn, seq)
    if have == hash_:
        msg = f"{witness}: event {seq} is on the chain with the same hash (chain at {last})"
        return HeadCheck(True, witness, seq, hash_, msg, "", last)
    if last < seq:
        msg = (
            f"{witness} saw event {seq}, but the chain ends at event {last}: the history was "
            "truncated or rolled back (an older copy put back)"
        )
        return HeadCheck(False, witness, seq, hash_, msg, "truncated", last)
    if have is None:
        msg = (
            f"{witness} saw event {seq}, which is missing from the chain: the history was rewritten"
        )
    else:
        msg = (
            f"{witness} saw event {seq} with hash {hash_[:16]}…, the chain has "
            f"{have[:16]}… there: the history was rewritten"
        )
    return HeadCheck(False, witness, seq, hash_, msg, "rewritten", last)


# ------------------------------------------------------------------ witnesses
def label_head(head: tuple[int, str]) -> dict[str, Any]:
    """The head as a disc's ``LABEL.json`` carries it (under :data:`LABEL_KEY`)."""
    seq, hash_ = _valid(*head)
    return {"seq": seq, "hash": hash_}


def check_disc_label(
    conn_or_db: sqlite3.Connection | Database, label: Mapping[str, Any] | None, disc: str
) -> HeadCheck | None:
    """The head a disc's ``LABEL.json`` carries, held against the chain; None when the disc
    carries none (burned before heads were witnessed: not a failure). ``disc``: its name in
    the messages (``"disc 3101-2026-000001-O-7"``). A head that cannot be read is a
    failure: the label was burned by Keeper, so a malformed head was not."""
    raw = (label or {}).get(LABEL_KEY)
    if raw is None:
        return None
    try:
        seq, hash_ = _valid(raw["seq"], raw["hash"])
    except (RuleViolation, KeyError, TypeError):
        return HeadCheck(
            False,
            disc,
            0,
            "",
            f"{disc}: the head in its LABEL.json cannot be read ({str(raw)[:80]})",
            "unreadable",
        )
    return check_head(conn_or_db, seq, hash_, disc)


def printout_name(seq: int, hash_: str) -> str:
    """How a printout is named in messages: by the head it shows (its footer prints both)."""
    return f"printout of event {seq} ({hash_[:12]}…)"


def check_printout(conn_or_db: sqlite3.Connection | Database, text: str) -> HeadCheck:
    """A printout's QR text (scanned at the counter) held against the chain."""
    parsed = parse_head_text(text)
    if parsed is None:
        raise RuleViolation("bad_head", f"{text.strip()[:80]!r} is not a printed head")
    seq, hash_ = parsed
    return check_head(conn_or_db, seq, hash_, printout_name(seq, hash_))
