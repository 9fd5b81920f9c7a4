"""``keeper verify-package PATH``: a transfer package checked from its own files, with no
database: every file's hash, every signature (Ed25519), the links of the chain from this
disc's events to the head, each register row against its anchor, and the history against
the rows. Every failure is named by the file it is found in."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import (
    Encoding,
    PublicFormat,
    load_pem_public_key,
)

from .. import canonical, crypto
from . import (
    CHAIN,
    CHECKPOINT_LINK,
    FORMAT,
    HISTORY,
    KEYS,
    MANIFEST,
    PACKAGE_JSON,
    RECORDINGS,
    SIGNATURES,
    SUMS,
    UNLINKED,
    fields_name,
    history_text,
)

_CHUNK = 1 << 20


@dataclass
class PackageCheck:
    path: Path
    problems: list[str] = field(default_factory=list)
    #: what the package cannot show, by design (not a failure): rows signed in events
    #: written before the redactable scheme, which are not linked to the head
    notes: list[str] = field(default_factory=list)
    files: int = 0
    recordings: int = 0
    signatures: int = 0
    events: int = 0
    head: tuple[int, str] = (0, "")
    linked_from: int = 0
    code: str = ""

    @property
    def ok(self) -> bool:
        return not self.problems


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        while chunk := f.read(_CHUNK):
            h.update(chunk)
    return h.hexdigest()


def _sum_lines(text: str, what: str, problem: Any) -> list[tuple[str, str]]:
    out = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        sha, sep, name = line.partition("  ")
        if not sep or len(sha) != 64 or not name:
            problem(f"{what} line {n}: not '<sha256>  <file>'")
            continue
        out.append((sha, name))
    return out


def _inside(root: Path, name: str) -> Path | None:
    p = (root / name).resolve()
    return p if p.is_relative_to(root.resolve()) else None


class _Checker:
    def __init__(self, root: Path):
        self.root = root
        self.r = PackageCheck(root)
        self.keys_doc: dict[str, dict[str, Any]] = {}
        #: each signed file with the keys whose signatures over it verified
        self.signed: dict[str, set[str]] = {}

    def problem(self, text: str) -> None:
        self.r.problems.append(text)

    def read(self, name: str) -> bytes | None:
        p = _inside(self.root, name)
        try:
            if p is None:
                raise FileNotFoundError(name)
            return p.read_bytes()
        except OSError:
            self.problem(f"{name}: missing")
            return None

    def text(self, name: str) -> str | None:
        b = self.read(name)
        if b is None:
            return None
        try:
            return b.decode("utf-8")
        except UnicodeDecodeError:
            self.problem(f"{name}: not UTF-8 text")
            return None

    def json(self, name: str) -> Any:
        t = self.text(name)
        if t is None:
            return None
        try:
            return json.loads(t)
        except json.JSONDecodeError as exc:
            self.problem(f"{name}: not JSON ({exc.msg}, line {exc.lineno})")
            return None

    # ---------------------------------------------------------------- files
    def sums(self) -> None:
        t = self.text(SUMS)
        if t is None:
            return
        listed = set()
        for sha, name in _sum_lines(t, SUMS, self.problem):
            listed.add(name)
            p = _inside(self.root, name)
            if p is None or not p.is_file():
                self.problem(f"{name}: missing (listed in {SUMS})")
                continue
            self.r.files += 1
            if sha256_file(p) != sha:
                self.problem(f"{name}: changed (its SHA-256 is not the one in {SUMS})")
        for p in sorted(self.root.rglob("*")):
            rel = p.relative_to(self.root).as_posix()
            if p.is_file() and rel != SUMS and not rel.startswith(RECORDINGS + "/"):
                if rel not in listed:
                    self.problem(f"{rel}: not listed in {SUMS} (added to the package)")

    def recordings(self, manifest_sha: str | None) -> None:
        t = self.text(MANIFEST)
        if t is None:
            return
        got = hashlib.sha256(t.encode("utf-8")).hexdigest()
        if manifest_sha is None:
            self.problem(f"{MANIFEST}: the register row of the disc's manifest is missing")
        elif got != manifest_sha:
            self.problem(f"{MANIFEST}: not the manifest the register holds for this disc")
        rec_root = self.root / RECORDINGS
        listed = set()
        for sha, name in _sum_lines(t, MANIFEST, self.problem):
            listed.add(name)
            p = _inside(rec_root, name)
            shown = f"{RECORDINGS}/{name}"
            if p is None or not p.is_file():
                self.problem(f"{shown}: missing (listed in {MANIFEST})")
                continue
            self.r.recordings += 1
            if sha256_file(p) != sha:
                self.problem(f"{shown}: changed (its SHA-256 is not the one in {MANIFEST})")
        if rec_root.is_dir():
            for p in sorted(rec_root.rglob("*")):
                rel = p.relative_to(rec_root).as_posix()
                if p.is_file() and rel not in listed:
                    self.problem(f"{RECORDINGS}/{rel}: not in {MANIFEST} (added)")

    # ---------------------------------------------------------------- the chain
    def chain(self, pkg: dict[str, Any]) -> tuple[dict[int, dict[str, Any]], dict[int, str]]:
        """The linked events' hashes and the fields of this disc's events (linked or not)."""
        fields: dict[int, dict[str, Any]] = {}
        hashes: dict[int, str] = {}
        t = self.text(CHAIN)
        prev: str | None = None
        prev_seq = 0
        for sha, name in _sum_lines(t or "", CHAIN, self.problem):
            seq = _seq_of(name)
            if seq is None:
                self.problem(f"{CHAIN}: {name} is not a link file")
                continue
            if prev is not None and seq != prev_seq + 1:
                self.problem(
                    f"{CHAIN}: event {prev_seq + 1} is missing (the chain goes from event "
                    f"{prev_seq} to event {seq})"
                )
            f = self._link(name, sha, seq, fields)
            if f is not None and prev is not None and f[:64] != prev:
                self.problem(
                    f"{name}: does not follow event {prev_seq} (its previous hash differs)"
                )
            hashes[seq] = sha
            prev, prev_seq = sha, seq
            self.r.events += 1
        for sha, name in _sum_lines(self.text(UNLINKED) or "", UNLINKED, self.problem):
            seq = _seq_of(name)
            if seq is not None:
                self._link(name, sha, seq, fields)
        head = pkg.get("head") or {}
        self.r.head = (int(head.get("seq", 0)), str(head.get("hash", "")))
        self.r.linked_from = int(pkg.get("linked_from") or 0)
        if hashes:
            first = min(hashes)
            if first != self.r.linked_from:
                self.problem(
                    f"{CHAIN}: starts at event {first}, {PACKAGE_JSON} says {self.r.linked_from}"
                )
            if (prev_seq, prev) != self.r.head:
                self.problem(
                    f"{CHAIN}: ends at event {prev_seq} ({prev}), not at the head named in "
                    f"{PACKAGE_JSON} (event {self.r.head[0]}, {self.r.head[1]})"
                )
        else:
            self.problem(f"{CHAIN}: no event links this disc to the head")
        for seq in pkg.get("disc_events") or []:
            if int(seq) not in fields:
                self.problem(f"event {seq} of this disc: its fields are missing")
        return fields, hashes

    def _link(self, name: str, sha: str, seq: int, fields: dict[int, dict[str, Any]]) -> str | None:
        raw = self.read(name)
        if raw is None:
            return None
        if hashlib.sha256(raw).hexdigest() != sha:
            self.problem(f"{name}: changed (its SHA-256 is not event {seq}'s hash)")
        try:
            text = raw.decode("ascii")
        except UnicodeDecodeError:
            text = raw.decode("utf-8", "replace")
        rest = text[64:]
        if len(rest) == 64 and not rest.startswith("{"):  # scheme 3: the fields' digest
            fname = fields_name(seq)
            p = _inside(self.root, fname)
            if p is not None and p.is_file():
                body = p.read_bytes()
                if hashlib.sha256(body).hexdigest() != rest:
                    self.problem(f"{fname}: changed (its SHA-256 is not the digest in {name})")
                self._fields(fname, body.decode("utf-8", "replace"), seq, fields, 3)
        else:  # schemes 1 and 2: the fields themselves
            self._fields(name, rest, seq, fields, None)
        return text

    def _fields(
        self,
        name: str,
        body: str,
        seq: int,
        out: dict[int, dict[str, Any]],
        scheme: int | None,
    ) -> None:
        try:
            f = json.loads(body)
        except json.JSONDecodeError:
            self.problem(f"{name}: the event's fields are not JSON")
            return
        if not isinstance(f, dict) or f.get("seq") != seq:
            self.problem(f"{name}: the fields are not those of event {seq}")
            return
        if scheme is not None and f.get("scheme") != scheme:
            self.problem(f"{name}: event {seq} names scheme {f.get('scheme')}, not {scheme}")
        if canonical.dumps(f) != body:
            self.problem(f"{name}: the fields are not in canonical form")
        out[seq] = f

    # ---------------------------------------------------------------- signatures
    def signatures(self, fields: dict[int, dict[str, Any]], entries: dict[str, Any]) -> None:
        t = self.text(SIGNATURES)
        signed_events: set[int] = set()
        signed_entries: set[tuple[str, int, str]] = set()
        for n, line in enumerate((t or "").splitlines(), start=1):
            parts = line.split()
            if not parts:
                continue
            if len(parts) != 4:
                self.problem(f"{SIGNATURES} line {n}: not '<msg> <sig> <key> <signed file>'")
                continue
            msg_n, sig_n, key_n, target = parts
            msg = self.read(f"signatures/{msg_n}")
            sig = self.read(f"signatures/{sig_n}")
            pub = self._key(f"keys/{key_n}")
            body = self.read(target)
            if msg is None or sig is None or pub is None or body is None:
                continue
            self.r.signatures += 1
            if not crypto.verify(pub, sig, msg):
                self.problem(f"signatures/{sig_n}: does not verify ({msg_n} with keys/{key_n})")
                continue
            lines = msg.decode("utf-8", "replace").split("\n")
            digest = hashlib.sha256(body).hexdigest()
            if digest not in lines:
                self.problem(f"signatures/{msg_n}: does not name {target} (its SHA-256)")
                continue
            self.signed.setdefault(target, set()).add(key_n)
            holder = self.keys_doc.get(key_n) or {}
            if lines[0] == "KEEPER-EVENT-2":
                seq = _seq_of(target)
                f = fields.get(seq or -1)
                if f is not None and holder.get("person_id") != f.get("actor_id"):
                    self.problem(
                        f"signatures/{sig_n}: keys/{key_n} is not the key of event {seq}'s actor"
                    )
                if f is not None and f.get("key_id") is not None:
                    if key_n != f"key-{f['key_id']}.pem":
                        self.problem(
                            f"signatures/{sig_n}: event {seq} names key {f['key_id']}, "
                            f"signed with keys/{key_n}"
                        )
                if seq is not None:
                    signed_events.add(seq)
            elif lines[0] == "KEEPER-SIGNATURE-1" and len(lines) >= 7:
                if holder.get("badge") != lines[5]:
                    self.problem(
                        f"signatures/{msg_n}: signed for {lines[5]}, with the key of "
                        f"{holder.get('badge')} (keys/{key_n})"
                    )
                signed_entries.add((lines[1], int(lines[2]), lines[4]))
        for seq, f in sorted(fields.items()):
            signed_scheme = int(f.get("scheme") or 1) > 1
            if f.get("actor_id") is not None and signed_scheme and seq not in signed_events:
                self.problem(f"event {seq} ({f.get('action')}): its signature is missing")
        for name, e in entries.items():
            if e["table"] != "signatures":
                continue
            row = e["row"]
            want = (str(row["entry_table"]), int(row["entry_id"]), str(row["capacity"]))
            if want not in signed_entries:
                self.problem(
                    f"{name}: the {want[2]} signature of {want[0]} #{want[1]} is missing "
                    f"from {SIGNATURES}"
                )

    def _key(self, name: str) -> bytes | None:
        b = self.read(name)
        if b is None:
            return None
        try:
            k = load_pem_public_key(b)
        except ValueError:
            self.problem(f"{name}: not a PEM public key")
            return None
        if not isinstance(k, Ed25519PublicKey):
            self.problem(f"{name}: not an Ed25519 key")
            return None
        return k.public_bytes(Encoding.Raw, PublicFormat.Raw)

    # ---------------------------------------------------------------- rows
    def entries(self, pkg: dict[str, Any]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in pkg.get("entries") or []:
            t = self.text(name)
            if t is None:
                continue
            try:
                e = json.loads(t)
                if canonical.dumps(e) != t or set(e) != {"table", "row"}:
                    raise ValueError
            except ValueError:
                self.problem(f"{name}: not a register row in canonical form")
                continue
            out[name] = e
        return out

    def anchors(
        self, entries: dict[str, Any], fields: dict[int, dict[str, Any]], first_linked: int
    ) -> None:
        latest: dict[tuple[str, int], tuple[int, str]] = {}
        for seq in sorted(fields):
            try:
                body = json.loads(str(fields[seq]["payload"]))
                for t, i, rh in body["rows"]:
                    latest[(str(t), int(i))] = (seq, str(rh))
            except (ValueError, KeyError, TypeError):
                self.problem(f"event {seq}: its payload is not valid")
        for name, e in entries.items():
            if name.startswith("checkpoint/"):
                continue
            key = (str(e["table"]), int(e["row"]["id"]))
            got = hashlib.sha256(canonical.dumps(e).encode("utf-8")).hexdigest()
            anchor = latest.get(key)
            if anchor is None:
                self.problem(f"{name}: no event of this disc anchors it")
            elif anchor[1] != got:
                self.problem(
                    f"{name}: not the row the register holds (its anchor in event "
                    f"{anchor[0]} differs)"
                )
            elif anchor[0] < first_linked:
                self.r.notes.append(
                    f"{name}: anchored by event {anchor[0]}, written before the redactable "
                    "scheme: signed, but not linked to the head"
                )

    def checkpoint(self, pkg: dict[str, Any], hashes: dict[int, str]) -> None:
        cp = pkg.get("checkpoint")
        if not cp:
            return
        seq, h = int(cp["seq"]), str(cp["hash"])
        e = self.json(str(cp["entry"]))
        if e is not None and (e["row"].get("seq"), e["row"].get("hash")) != (seq, h):
            self.problem(f"{cp['entry']}: not the checkpoint named in {PACKAGE_JSON}")
        if len(self.signed.get(str(cp["entry"]), set())) < 2:
            self.problem(f"{cp['entry']}: not signed by two people (a keeper and a head)")
        if seq in hashes:
            if hashes[seq] != h:
                self.problem(
                    f"{CHAIN}: event {seq}'s hash is not the one the checkpoint of "
                    f"{cp.get('at', '')} witnessed"
                )
        want = f"{h}  chain/{seq:08d}.link\n" if seq in hashes else None
        p = self.root / CHECKPOINT_LINK
        got = p.read_text(encoding="utf-8", errors="replace") if p.is_file() else None
        if got != want:
            self.problem(f"{CHECKPOINT_LINK}: does not name the checkpoint's place on the chain")


def _seq_of(name: str) -> int | None:
    base = name.rsplit("/", 1)[-1].split(".", 1)[0]
    return int(base) if base.isdigit() else None


def check(path: str | Path) -> PackageCheck:
    """Check the package at ``path`` (a folder) from its own files."""
    c = _Checker(Path(path))
    if not c.root.is_dir():
        c.problem(f"{path}: not a folder")
        return c.r
    pkg = c.json(PACKAGE_JSON)
    if not isinstance(pkg, dict) or pkg.get("format") != FORMAT:
        c.problem(f"{PACKAGE_JSON}: not a Keeper transfer package ({FORMAT})")
        return c.r
    c.r.code = str(pkg.get("code", ""))
    c.sums()
    keys = c.json(KEYS)
    c.keys_doc = keys if isinstance(keys, dict) else {}
    entries = c.entries(pkg)
    manifest_sha = None
    for e in entries.values():
        if e["table"] == "manifests":
            manifest_sha = str(e["row"].get("sha256"))
    c.recordings(manifest_sha)
    fields, hashes = c.chain(pkg)
    c.anchors(entries, fields, c.r.linked_from)
    c.signatures(fields, entries)
    c.checkpoint(pkg, hashes)
    hist = c.text(HISTORY)
    disc_events = [fields[s] for s in sorted(fields) if s in set(pkg.get("disc_events") or [])]
    rows = [
        (str(e["table"]), e["row"]) for n, e in entries.items() if not n.startswith("checkpoint/")
    ]
    if hist is not None and hist != history_text(pkg.get("disc") or {}, rows, disc_events):
        c.problem(f"{HISTORY}: does not match the register rows and events in the package")
    for name, k in c.keys_doc.items():
        pub = c._key(f"keys/{name}")
        if pub is not None and crypto.fingerprint(pub) != k.get("fingerprint"):
            c.problem(f"{KEYS}: the fingerprint of {name} is not its key's")
    return c.r
