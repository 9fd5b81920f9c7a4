"""The transfer package of a duplicate that went to a court or procuratorate (issue 16; Art.
19, 21): written into a folder the keeper picks (a USB disk), beside the disc — not appended
to it, which would change the disc the court receives; the folder can be burned later.

The package holds the disc's files and manifest, its register rows and custody history, every
signature with the message it signs, the signers' public keys and enrolment fingerprints,
and the links of the audit chain from this disc's events to the head (other events only as
the digest of their fields, scheme 3 of :mod:`keeper_app.store.audit`). Writing it is one
change: its event carries the package's top-level hash (the SHA-256 of ``SHA256SUMS``).
:func:`verify_package` checks a package with no database (:mod:`keeper_app.package.check`)."""

from __future__ import annotations

import hashlib
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat

from .. import canonical, crypto, package
from ..burning.layout import parse_manifest
from ..domain import court
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Medium
from ..files import copy_new, refusal_for_existing, write_private
from ..package import check as package_check
from ..package.readme import readmes
from ..store import audit
from ..store import burning as burning_repo
from ..store import packages as repo
from ..timeutil import show
from . import visibility
from .custody import medium_and_case
from .session import Session, rerun_if_changed
from .storage import StorageSettings, file_path

Progress = Callable[[int, int], None]


def _pem(public_key: bytes) -> bytes:
    return Ed25519PublicKey.from_public_bytes(public_key).public_bytes(
        Encoding.PEM, PublicFormat.SubjectPublicKeyInfo
    )


def _sources(
    m: Medium, manifest: str, settings: StorageSettings, source: Path | None
) -> list[tuple[Path, str, str]]:
    """(file to copy, path on the disc, SHA-256) of each file of the disc's manifest."""
    out = []
    for e in parse_manifest(manifest):
        src = (Path(source) / e.path) if source is not None else file_path(settings, e.path)
        if not src.is_file():
            where = str(source) if source is not None else "Keeper's storage"
            raise RuleViolation(
                "package_file_missing",
                f"{e.path} of {m.code} is not in {where}: give the folder of the mounted "
                "duplicate (or its read-back) instead; nothing was written",
                "Art. 19",
            )
        out.append((src, e.path, e.sha256))
    return out


def check_folder(folder: str | Path) -> Path:
    """The folder a package is written into: given, and an existing folder."""
    if not str(folder).strip():
        raise RuleViolation(
            "package_no_folder", "choose the folder to write the transfer package into"
        )
    folder = Path(folder)
    if not folder.is_dir():
        raise RuleViolation(
            "package_no_folder", f"{folder} is not a folder: choose (or make) the folder first"
        )
    return folder


def write_package(
    s: Session,
    code: str,
    folder: str | Path,
    settings: StorageSettings,
    source: str | Path | None = None,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Write the transfer package of the duplicate ``code`` into a new folder inside
    ``folder``; the recordings are copied from ``source`` (the mounted duplicate or its
    read-back) or else from Keeper's storage, each checked against the disc's manifest.
    Refused before anything is written for anything but a duplicate transferred to a court
    or procuratorate, of a case the keeper may see; on any failure nothing is left and
    nothing recorded."""
    s.require(Action.COURT_TRANSFER)
    m, case = medium_and_case(s, code)
    visibility.check_case_id(s, m.case_id, "write its transfer package")
    rows = repo.disc_rows(s.conn, m.id)
    court.check_transfer_package(m.code, m.copy_role, sum(t == "court_transfers" for t, _ in rows))
    folder = check_folder(folder)
    manifest = burning_repo.manifest_of_medium(s.conn, m.id)
    files = _sources(m, manifest, settings, Path(source) if source is not None else None)
    root = folder / f"{m.code}-transfer-package"
    try:
        root.mkdir(mode=0o700)
    except FileExistsError:
        raise refusal_for_existing(root) from None
    except OSError as exc:
        raise RuleViolation(
            "output_failed", f"cannot make {root}: {exc.strerror}; nothing was written"
        ) from None
    try:
        total = sum(src.stat().st_size for src, _, _ in files)
        done = 0
        for src, rel, sha in files:
            target = root / package.RECORDINGS / rel
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            got, size = copy_new(src, target)
            if got != sha:
                raise RuleViolation(
                    "package_source_changed",
                    f"{src} is not the file on the disc's manifest ({rel}: its SHA-256 "
                    "differs); nothing was written",
                    "Art. 19",
                )
            done += size
            if progress is not None:
                progress(done, total)
        top, head = _record(s, m.code, root, len(files), total)
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return {
        "code": m.code,
        "folder": str(root),
        "package_sha256": top,
        "head": head,
        "files": len(files),
        "bytes": total,
    }


@rerun_if_changed
def _record(
    s: Session, code: str, root: Path, n_files: int, n_bytes: int
) -> tuple[str, dict[str, Any]]:
    """Write the package's files but the recordings, read in the transaction that records
    it (the rules checked again on what it commits on); returns the top-level hash and
    the head the package links to."""
    s.require(Action.COURT_TRANSFER)
    m, case = medium_and_case(s, code)
    rows = repo.disc_rows(s.conn, m.id)
    court.check_transfer_package(m.code, m.copy_role, sum(t == "court_transfers" for t, _ in rows))
    manifest = burning_repo.manifest_of_medium(s.conn, m.id)
    with s.change("transfer_package", code=m.code) as ch:
        contents = _contents(s, m, case.case_no, case.name, manifest, ch.at, n_files, n_bytes)
        for rel, body in contents.items():
            target = root / rel
            target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            write_private(target, body)
        top = hashlib.sha256(contents[package.SUMS]).hexdigest()
        head = json.loads(contents[package.PACKAGE_JSON])["head"]
        ch.details.update(
            package_sha256=top,
            head_seq=head["seq"],
            head_hash=head["hash"],
            files=n_files,
            bytes=n_bytes,
        )
    return top, head


def _contents(
    s: Session,
    m: Medium,
    case_no: str,
    case_name: str,
    manifest: str,
    at: str,
    n_files: int,
    n_bytes: int,
) -> dict[str, bytes]:
    """Every file of the package but the recordings, read inside the change's transaction."""
    conn = s.conn
    rows = repo.disc_rows(conn, m.id)
    disc = set(rows)
    entry_rows = [(t, audit.read_row(conn, t, i)) for t, i in rows]
    out: dict[str, bytes] = {package.MANIFEST: manifest.encode("utf-8")}
    for t, r in entry_rows:
        out[package.entry_name(t, int(r["id"]))] = package.entry_text(t, r).encode("utf-8")
    head_seq, head_hash, head_at = audit.head_at(conn)
    # --- the events: which are this disc's, from where the chain can be shown
    events = []
    start = repo.first_anchoring(conn, "media", m.id) or 1  # the disc's registration
    for e in repo.events_from(conn, start):
        anchors = {(str(t), int(i)) for t, i, _ in json.loads(e["payload"])["rows"]}
        e["disc"] = bool(anchors & disc)
        events.append(e)
    disc_seqs = [int(e["seq"]) for e in events if e["disc"]]
    first = disc_seqs[0] if disc_seqs else head_seq
    old_others = [int(e["seq"]) for e in events if not e["disc"] and int(e["scheme"]) != 3]
    linked_from = max([first] + [q + 1 for q in old_others if q >= first])
    chain: list[str] = []
    unlinked: list[str] = []
    sig_lines: list[tuple[int, int, str]] = []
    key_ids: set[int] = set()
    disc_fields = []
    n = 0
    for e in events:
        seq = int(e["seq"])
        if seq < linked_from and not e["disc"]:
            continue
        scheme = int(e["scheme"])
        fields = audit.event_fields(
            seq, e["at"], e["actor_id"], e["action"], e["payload"], scheme, e["key_id"]
        )
        out[package.link_name(seq)] = audit.link_text(e["prev_hash"], fields, scheme).encode()
        line = f"{e['hash']}  {package.link_name(seq)}"
        (chain if seq >= linked_from else unlinked).append(line)
        if not e["disc"]:
            continue
        disc_fields.append(fields)
        if scheme == 3:
            out[package.fields_name(seq)] = canonical.dumps(fields).encode("utf-8")
        if e["actor_sig"] is not None and e["key_id"] is not None:
            n += 1
            out[f"signatures/{n:05d}.msg"] = crypto.event_message(e["hash"])
            out[f"signatures/{n:05d}.sig"] = bytes(e["actor_sig"])
            key_ids.add(int(e["key_id"]))
            sig_lines.append((n, int(e["key_id"]), package.link_name(seq)))
    # --- entry signatures (and the latest checkpoint's)
    cp = repo.latest_checkpoint(conn)
    signed = list(repo.signatures_of(conn, rows))
    cp_name = None
    if cp is not None:
        cp_name = f"checkpoint/checkpoints-{int(cp['id'])}.json"
        out[cp_name] = package.entry_text("checkpoints", cp).encode("utf-8")
        signed += repo.signatures_of(conn, [("checkpoints", int(cp["id"]))])
        if linked_from <= int(cp["seq"]) <= head_seq:
            out[package.CHECKPOINT_LINK] = (
                f"{cp['hash']}  {package.link_name(int(cp['seq']))}\n".encode()
            )
    for _sid, g in signed:

        def message(badge: str, g: dict[str, Any] = g) -> bytes:
            return crypto.signing_message(
                g["entry_table"],
                int(g["entry_id"]),
                g["content_sha256"],
                g["capacity"],
                badge,
                g["signed_at"],
            )

        keys = repo.keys_of(conn, int(g["signer_id"]))
        kid, msg = keys[-1][0], message(keys[-1][2])
        for k_id, pub, badge in keys:  # the key the signer held then: the one that verifies
            if crypto.verify(pub, bytes(g["signature"]), message(badge)):
                kid, msg = k_id, message(badge)
                break
        n += 1
        out[f"signatures/{n:05d}.msg"] = msg
        out[f"signatures/{n:05d}.sig"] = bytes(g["signature"])
        key_ids.add(kid)
        target = (
            cp_name
            if g["entry_table"] == "checkpoints"
            else package.entry_name(g["entry_table"], int(g["entry_id"]))
        )
        sig_lines.append((n, kid, str(target)))
    out[package.SIGNATURES] = "".join(
        f"{i:05d}.msg {i:05d}.sig {package.key_name(k)} {t}\n" for i, k, t in sig_lines
    ).encode()
    keys_doc = {}
    for k in repo.keys(conn, key_ids):
        name = package.key_name(int(k["id"]))
        out[f"keys/{name}"] = _pem(bytes(k["public_key"]))
        keys_doc[name] = {
            "key_id": int(k["id"]),
            "person_id": int(k["person_id"]),
            "badge": k["badge"],
            "name": k["name"],
            "fingerprint": crypto.fingerprint(bytes(k["public_key"])),
            "reason": k["reason"],
            "made_at": k["made_at"],
        }
    out[package.KEYS] = _pretty(keys_doc)
    out[package.CHAIN] = "".join(x + "\n" for x in chain).encode()
    out[package.UNLINKED] = "".join(x + "\n" for x in unlinked).encode()
    disc_doc = {
        "code": m.code,
        "case_no": case_no,
        "case_name": case_name,
        "copy_role": m.copy_role.value,
    }
    names = [package.entry_name(t, int(r["id"])) for t, r in entry_rows]
    out[package.HISTORY] = package.history_text(disc_doc, entry_rows, disc_fields).encode("utf-8")
    facts: dict[str, Any] = {
        "format": package.FORMAT,
        "code": m.code,
        "disc": disc_doc,
        "written_at": at,
        "written_at_shown": show(at),
        "written_by": {"badge": s.person.badge, "name": s.person.name},
        "head": {"seq": head_seq, "hash": head_hash, "at": head_at},
        "linked_from": linked_from,
        "disc_events": disc_seqs,
        "unlinked_events": [q for q in disc_seqs if q < linked_from],
        "entries": names,
        "checkpoint": None
        if cp is None
        else {
            "id": int(cp["id"]),
            "seq": int(cp["seq"]),
            "hash": cp["hash"],
            "at": cp["at"],
            "at_shown": show(cp["at"]),
            "entry": cp_name,
            "in_chain": linked_from <= int(cp["seq"]) <= head_seq,
        },
        "recordings": {"files": n_files, "bytes": n_bytes},
    }
    out[package.PACKAGE_JSON] = _pretty(facts)
    zh, en = readmes(facts)
    out[package.README_ZH] = zh.encode("utf-8")
    out[package.README_EN] = en.encode("utf-8")
    out[package.SUMS] = "".join(
        f"{hashlib.sha256(body).hexdigest()}  {rel}\n" for rel, body in sorted(out.items())
    ).encode()
    return out


def _pretty(doc: Any) -> bytes:
    return (json.dumps(doc, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode("utf-8")


def verify_package(path: str | Path) -> package_check.PackageCheck:
    """Check a transfer package from its own files (no database, no sign-in)."""
    return package_check.check(path)
