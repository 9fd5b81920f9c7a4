"""The transfer package (issue 16): what Keeper writes beside a duplicate that goes to a court
or procuratorate (Art. 19), so that the court can check the disc, its custody history, its
signatures and their place in the audit chain without Keeper — with ``keeper verify-package``
or with ``sha256sum``, ``openssl`` and a shell (the README in the package says how).

The layout (paths relative to the package folder)::

    README.zh_CN.txt, README.en.txt   how to check it, what it proves and what it does not
    PACKAGE.json                      the disc, the head of the chain, the checkpoint, counts
    SHA256SUMS                        every file below except recordings/ (sha256sum -c)
    MANIFEST.sha256                   the disc's manifest as registered (paths in recordings/)
    recordings/…                      the duplicate's files
    history.json                      the disc's custody history (canonical JSON)
    entries/<table>-<id>.json         each register row of the disc: {"table", "row"} in
                                      canonical JSON, whose SHA-256 is the row's anchor in the
                                      chain and the content hash its signers signed
    signatures/<n>.msg, <n>.sig       each signed message and its Ed25519 signature
    signatures/SIGNATURES.txt         "<msg> <sig> <key> <signed file>" per signature
    keys/key-<id>.pem, keys/KEYS.json the signers' public keys, their enrolment fingerprints
    chain/<seq>.link                  per event: previous hash, then its canonical fields
                                      (schemes 1-2) or their SHA-256 (scheme 3); the file's
                                      SHA-256 is the event's hash
    chain/<seq>.fields.json           the fields of a scheme-3 event of this disc
    chain/CHAIN.sha256                "<hash>  chain/<seq>.link", from the first linked event
                                      to the head, in order
    chain/UNLINKED.sha256             this disc's events written before the redactable scheme
                                      that cannot be linked without other cases' events
    checkpoint/…                      the latest daily checkpoint (its row, signed) and, when
                                      the chain passes it, CHECKPOINT.sha256 (its link)

Only this module's pure parts live here (names, the history's form); the writing is
:mod:`keeper_app.services.packages`, the check :mod:`keeper_app.package.check`."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from .. import canonical

FORMAT = "keeper-transfer-package/1"
PACKAGE_JSON = "PACKAGE.json"
SUMS = "SHA256SUMS"
MANIFEST = "MANIFEST.sha256"
HISTORY = "history.json"
RECORDINGS = "recordings"
README_ZH = "README.zh_CN.txt"
README_EN = "README.en.txt"
SIGNATURES = "signatures/SIGNATURES.txt"
KEYS = "keys/KEYS.json"
CHAIN = "chain/CHAIN.sha256"
UNLINKED = "chain/UNLINKED.sha256"
#: "<checkpoint's hash>  chain/<seq>.link" when the linked chain passes the checkpoint
CHECKPOINT_LINK = "checkpoint/CHECKPOINT.sha256"


def link_name(seq: int) -> str:
    return f"chain/{int(seq):08d}.link"


def fields_name(seq: int) -> str:
    return f"chain/{int(seq):08d}.fields.json"


def entry_name(table: str, row_id: int) -> str:
    return f"entries/{table}-{int(row_id)}.json"


def key_name(key_id: int) -> str:
    return f"key-{int(key_id)}.pem"


def entry_text(table: str, row: Mapping[str, Any]) -> str:
    """An entry file: the canonical form whose SHA-256 is ``canonical.row_hash``."""
    return canonical.dumps({"table": table, "row": dict(row)})


def history_text(
    disc: Mapping[str, Any],
    entries: Iterable[tuple[str, Mapping[str, Any]]],
    events: Iterable[Mapping[str, Any]],
) -> str:
    """``history.json``: the disc, its register rows (oldest first) and its events with their
    details, as canonical JSON. Derived from the entry files and the events' fields, so
    ``keeper verify-package`` can derive it again and compare."""
    rows = [{"table": t, "row": dict(r)} for t, r in entries]
    evs = []
    for f in events:
        body = json.loads(str(f["payload"]))
        evs.append(
            {
                "seq": f["seq"],
                "at": f["at"],
                "actor_id": f["actor_id"],
                "action": f["action"],
                "details": body.get("details") or {},
                "rows": [[t, i] for t, i, _ in body.get("rows") or []],
            }
        )
    evs.sort(key=lambda e: int(e["seq"]))
    return canonical.dumps({"format": FORMAT, "disc": dict(disc), "entries": rows, "events": evs})
