"""The dedicated storage devices and their backups as custody items (Art. 16, 17(3)):
registered with where they are and who keeps them, moved with a signed event; and access to
the recordings they hold — a stored recording's files copied out only by those who may see
its case, for a purpose Art. 19 allows, each copy kept as an audited access (Art. 21)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..burning import BurnError
from ..burning import storage as disk
from ..domain import storage_devices as rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import Person
from ..store import cases as cases_repo
from ..store import people as people_repo
from ..store import storage_devices as repo
from ..timeutil import show
from . import visibility
from .session import Session, check_badge_text, rerun_if_changed
from .storage import StorageSettings, file_path


def _keeper(s: Session, badge: str) -> Person:
    p = people_repo.by_badge(s.conn, check_badge_text(badge))
    if p is None:
        raise RuleViolation("unknown_badge", f"no person with badge number {badge}")
    rules.check_device_keeper(f"{p.name} ({p.badge})", p.roles, p.active)
    return p


@rerun_if_changed
def register_device(
    s: Session,
    label: str,
    role: str,
    location: str,
    keeper_badge: str,
    serial: str = "",
) -> int:
    """A dedicated storage device (``role`` 'storage') or its backup ('backup'), where it is
    kept and by which keeper (Art. 16, 17(3)); registered by a keeper."""
    s.require(Action.KEEP_STORAGE_DEVICE)
    label, location = rules.check_device(label, role, location)
    keeper = _keeper(s, keeper_badge)
    if repo.by_label(s.conn, label) is not None:
        raise RuleViolation("device_exists", f"a storage device labelled {label} exists already")
    serial = (serial or "").strip()[:100]
    with s.change("register_storage_device", label=label, role=role, location=location) as ch:
        did = ch.touch(
            "storage_devices", repo.insert_device(ch.conn, label, role, serial, ch.at, s.person.id)
        )
        ch.touch(
            "storage_device_moves",
            repo.insert_move(ch.conn, did, location, keeper.id, "registered", ch.at, s.person.id),
        )
    return did


@rerun_if_changed
def move_device(
    s: Session, label: str, location: str, keeper_badge: str | None = None, note: str = ""
) -> int:
    """A device moved, or handed to another keeper (Art. 16): a new entry of where it is
    and who keeps it; the keeper stays when none is given."""
    s.require(Action.KEEP_STORAGE_DEVICE)
    dev = repo.by_label(s.conn, (label or "").strip())
    if dev is None:
        raise RuleViolation("unknown_device", f"no storage device labelled {label!r}")
    location = rules.check_location(location)
    if keeper_badge:
        keeper_id = _keeper(s, keeper_badge).id
    else:
        last = repo.moves_of(s.conn, int(dev["id"]))[-1]
        keeper_id = int(last["keeper_id"])
        k = people_repo.get(s.conn, keeper_id)
        rules.check_device_keeper(f"{k.name} ({k.badge})", k.roles, k.active)
    with s.change("move_storage_device", label=dev["label"], location=location) as ch:
        return ch.touch(
            "storage_device_moves",
            repo.insert_move(
                ch.conn,
                int(dev["id"]),
                location,
                keeper_id,
                (note or "").strip()[:300],
                ch.at,
                s.person.id,
            ),
        )


def devices(s: Session) -> list[dict[str, Any]]:
    """The storage devices, each where it is now, who keeps it and since when, with its
    history (``moves``). For keepers, heads and reviewers (the inventory's readers)."""
    s.require(Action.INVENTORY)
    with s.db.reading():
        out = repo.current(s.conn)
        for d in out:
            d["since"] = show(d["since"])
            d["registered_at"] = show(d["registered_at"])
            d["moves"] = [
                {
                    "at": show(m["at"]),
                    "location": m["location"],
                    "keeper": f"{m['keeper_name']} ({m['keeper_badge']})",
                    "by": m["by_name"],
                    "note": m["note"],
                }
                for m in repo.moves_of(s.conn, int(d["id"]))
            ]
    return out


def export_recording(
    s: Session, settings: StorageSettings, recording_id: int, dest: Path, purpose: str
) -> dict[str, Any]:
    """Copy one stored recording's files to ``dest`` (a folder), each checked against its
    registered SHA-256, for a purpose of Art. 19 para 1, by someone who may see its case
    (Art. 21); the access is recorded with a signed event. Refused before a byte is copied
    otherwise; a copy that fails keeps nothing and records nothing."""
    s.require(Action.EXPORT_RECORDING)
    reason = rules.check_export_purpose(purpose)
    try:
        rec = cases_repo.recording(s.conn, int(recording_id))
    except (LookupError, ValueError):
        raise RuleViolation("unknown_recording", f"no recording #{recording_id}") from None
    visibility.check_case_id(s, int(rec["case_id"]), "see its recordings")
    if not rec["files"]:
        raise RuleViolation("no_files", f"recording #{recording_id} has no files")
    dest = Path(dest)
    files = [
        (file_path(settings, f["path"]), f["path"].rsplit("/", 1)[-1], f["sha256"])
        for f in rec["files"]
    ]
    if len({rel for _, rel, _ in files}) != len(files):
        files = [
            (src, f["path"], sha) for (src, _, sha), f in zip(files, rec["files"], strict=True)
        ]
    try:
        size = disk.export(files, dest)
    except BurnError as exc:
        raise RuleViolation(exc.code, exc.message, "Art. 19") from None
    try:
        aid = _record_access(s, int(recording_id), reason.value, str(dest), len(files), size)
    except BaseException:
        for _, rel, _ in files:
            try:
                (dest / rel).unlink()
            except OSError:
                pass
        raise
    return {
        "id": aid,
        "recording_id": int(recording_id),
        "destination": str(dest),
        "files": [rel for _, rel, _ in files],
        "bytes": size,
    }


@rerun_if_changed
def _record_access(
    s: Session, recording_id: int, purpose: str, dest: str, files: int, size: int
) -> int:
    rec = cases_repo.recording(s.conn, recording_id)
    s.require(Action.EXPORT_RECORDING)
    visibility.check_case_id(s, int(rec["case_id"]), "see its recordings")
    with s.change("export_recording", recording=recording_id, purpose=purpose) as ch:
        return ch.touch(
            "stored_file_access",
            repo.insert_access(
                ch.conn, recording_id, purpose, dest, files, size, ch.at, s.person.id
            ),
        )


def accesses(s: Session) -> list[dict[str, Any]]:
    """Who copied which stored recording out, when and why — for a head, of their
    department's cases (Art. 21)."""
    s.require(Action.VIEW_REGISTER)
    rows = visibility.only_visible(s, repo.accesses(s.conn))
    for r in rows:
        r["at"] = show(r["at"])
    return rows
