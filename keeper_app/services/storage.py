"""Where recording files live, and hard-drive storage (Art. 17).

A recording's files are registered with paths relative to the *storage root* (the dedicated
storage device); the same relative paths are their paths on a disc. Ingest copies a folder
(or a USB disk) into the storage root and the backup root, verifies both copies, and only then
registers the recording; if anything fails, nothing is kept and nothing is registered.

Settings: :class:`StorageSettings` — by default beside the database file, overridden by the
environment (``KEEPER_STORAGE_ROOT``, ``KEEPER_BACKUP_ROOT``, ``KEEPER_FIXITY_DAYS``,
``KEEPER_DURATION_TOLERANCE_S``, ``KEEPER_LATE_UPLOAD_HOURS``) or by the caller (the CLI's
``--storage-root`` options).
"""

from __future__ import annotations

import json
import os
import re
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .. import devices
from ..burning import BurnError, probe
from ..burning import storage as disk
from ..burning.jobs import ProgressCallback
from ..burning.layout import DiscFile
from ..devices import UsbDisk
from ..domain import intake as intake_rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action
from ..domain.model import ManifestEntry
from ..store import burning as burning_repo
from ..store import cases as cases_repo
from ..store import media as media_repo
from ..timeutil import from_db
from . import intake, reads, visibility
from .session import Change, Session, rerun_if_changed

RECORD_FILE = "keeper-record.json"
_UNSAFE = re.compile(r"[\x00-\x1f/\\:*?\"<>|]+")


@dataclass(frozen=True)
class StorageSettings:
    storage_root: Path
    backup_root: Path
    fixity_interval: timedelta = timedelta(days=730)  # archives re-test optical media ~2 years
    duration_tolerance: timedelta = timedelta(seconds=5)
    #: Art. 17(3): an upload this long after the interrogation ended is flagged late
    late_upload_after: timedelta = intake_rules.DEFAULT_LATE_UPLOAD

    @classmethod
    def for_database(
        cls, db_path: str | os.PathLike[str], env: Mapping[str, str] | None = None
    ) -> StorageSettings:
        env = os.environ if env is None else env
        base = Path(db_path).resolve().parent
        s = cls(
            Path(env.get("KEEPER_STORAGE_ROOT") or base / "recordings"),
            Path(env.get("KEEPER_BACKUP_ROOT") or base / "recordings-backup"),
        )
        if env.get("KEEPER_FIXITY_DAYS"):
            s = replace(s, fixity_interval=timedelta(days=int(env["KEEPER_FIXITY_DAYS"])))
        if env.get("KEEPER_DURATION_TOLERANCE_S"):
            s = replace(
                s, duration_tolerance=timedelta(seconds=float(env["KEEPER_DURATION_TOLERANCE_S"]))
            )
        if env.get("KEEPER_LATE_UPLOAD_HOURS"):
            s = replace(
                s,
                late_upload_after=intake_rules.check_late_upload_hours(
                    env["KEEPER_LATE_UPLOAD_HOURS"]
                ),
            )
        return s


def rule(exc: BurnError, article: str = "") -> RuleViolation:
    return RuleViolation(exc.code, exc.message, article)


def file_path(settings: StorageSettings, rel_path: str) -> Path:
    """The stored file of a registered path: the storage root's copy, or the backup's when
    the storage copy is gone (so a failed storage device does not stop a court transfer)."""
    main = settings.storage_root / rel_path
    if main.is_file():
        return main
    backup = settings.backup_root / rel_path
    return backup if backup.is_file() else main


def recording_files(
    s: Session, settings: StorageSettings, recording_ids: Sequence[int]
) -> list[DiscFile]:
    """The files of these recordings, with where they are stored, as they go on a disc
    (for those who may check the recordings of their cases, Art. 21)."""
    s.require(Action.VERIFY_MEDIUM)
    out = []
    for rid in recording_ids:
        try:
            rec = cases_repo.recording(s.conn, int(rid))
        except (LookupError, ValueError):
            raise RuleViolation("unknown_recording", f"no recording #{rid}") from None
        visibility.check_case_id(s, int(rec["case_id"]), "see its recordings")
        if not rec["files"]:
            raise RuleViolation("no_files", f"recording #{rid} has no files")
        for f in rec["files"]:
            out.append(
                DiscFile(f["path"], file_path(settings, f["path"]), int(f["size"]), f["sha256"])
            )
    return out


def safe_name(text: str) -> str:
    return _UNSAFE.sub("_", text.strip()).strip(". ") or "_"


def read_record_file(source: Path) -> dict[str, Any]:
    """The interrogation record's data left beside the files (``keeper-record.json``), if
    any: case_no, person_name, person_role, started_at, ended_at, place, interruptions."""
    p = Path(source) / RECORD_FILE if Path(source).is_dir() else None
    if p is None or not p.is_file():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise RuleViolation("bad_record_file", f"{p} cannot be read: {exc}") from None
    if not isinstance(data, dict):
        raise RuleViolation("bad_record_file", f"{p} is not a JSON object")
    return data


# ------------------------------------------------------------------ before an ingest
# Each of these touches a file system (a USB disk, a storage device that may hang): the GUI
# calls them on a worker thread, never on its own.
def source_facts(source: Path) -> dict[str, Any]:
    """The files an ingest of ``source`` would copy (count, total ``size``) and the record
    file beside them, if any (``record``: {} when there is none)."""
    try:
        items = disk.scan_source(Path(source), "x")
    except BurnError as exc:
        raise rule(exc) from None
    return {
        "size": sum(i.size for i in items),
        "files": len(items),
        "record": read_record_file(Path(source)),
    }


def space(settings: StorageSettings) -> dict[str, Any]:
    """The two roots and the free space on each (bytes)."""
    return {
        "storage_root": str(settings.storage_root),
        "backup_root": str(settings.backup_root),
        "storage_free": disk.free_bytes(settings.storage_root),
        "backup_free": disk.free_bytes(settings.backup_root),
    }


def usb_sources() -> list[UsbDisk]:
    """The USB disks plugged in now, with their partitions and where they are mounted
    (none when udev cannot be read)."""
    try:
        return list(devices.snapshot().usb_disks)
    except devices.DeviceError:
        return []


def ingest(
    s: Session,
    settings: StorageSettings,
    source: Path,
    *,
    case_no: str,
    person_name: str,
    person_role: str,
    started_at: datetime,
    ended_at: datetime,
    place: str,
    interruptions: Sequence[dict[str, str]] = (),
    kind: str = "interrogation",
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
) -> tuple[int, list[ManifestEntry]]:
    """Upload one recording to the storage and backup roots, verify both copies, register
    it. Refused before a byte is copied when the person may not, a field of the record is
    wrong (the checks of ``intake.register_recording``), or the space is short (Art. 14).

    Registered, it is flagged when its footage is another recording's or the upload is later
    than ``settings.late_upload_after`` (``intake.flags``), and its duration is checked
    against the record at once (:func:`check_recording`: a mismatch goes on the review
    list)."""
    case, person_name, place = intake.check_recording(
        s, case_no, person_name, person_role, started_at, ended_at, place, kind, interruptions
    )
    dest = (
        f"{safe_name(case.case_no)}/{started_at:%Y%m%dT%H%M%SZ}_{safe_name(person_name)}"
        f"_{safe_name(kind)}"
    )
    try:
        items = disk.scan_source(Path(source), dest)
        entries = disk.ingest(items, settings.storage_root, settings.backup_root, progress, cancel)
    except BurnError as exc:
        raise rule(exc, "Art. 14, 17") from None
    try:
        rid = intake.register_recording(
            s,
            case_no,
            person_name,
            person_role,
            started_at,
            ended_at,
            place,
            entries,
            kind,
            interruptions,
            late_after=settings.late_upload_after,
        )
    except BaseException:
        for e in entries:
            for root in (settings.storage_root, settings.backup_root):
                try:
                    (root / e.path).unlink()
                except OSError:
                    pass
        raise
    check_recording(s, settings, rid)  # the duration check at ingest (Art. 10, 22(4))
    return rid, entries


def add_sample_recordings(
    s: Session,
    settings: StorageSettings,
    case_no: str,
    person_name: str,
    started_at: datetime,
    *,
    count: int = 2,
    seconds: float = 4.0,
    person_role: str = "suspect",
    place: str = "讯问室1",
    gap: timedelta = timedelta(hours=3),
) -> list[int]:
    """``count`` short interrogations of ``person_name`` in ``case_no``, ``gap`` apart from
    ``started_at``: made with ffmpeg (burning.samples), ingested into both roots, registered
    with a record whose start and end match the file. Returns the recording ids."""
    import tempfile

    from ..burning.samples import make_recording

    s.require(Action.REGISTER_RECORDING)  # before ffmpeg makes anything
    ids = []
    with tempfile.TemporaryDirectory(prefix="keeper-samples-") as tmp:
        for i in range(count):
            start = started_at + i * gap
            folder = Path(tmp) / f"sitting-{i + 1}"
            try:
                make_recording(
                    folder / f"interrogation-{i + 1}.mp4",
                    seconds,
                    start,
                    title=f"{case_no} {person_name} {i + 1}",
                    tone_hz=440 + 110 * i,
                )
            except BurnError as exc:
                raise rule(exc) from None
            rid, _ = ingest(
                s,
                settings,
                folder,
                case_no=case_no,
                person_name=person_name,
                person_role=person_role,
                started_at=start,
                ended_at=start + timedelta(seconds=seconds),
                place=place,
            )
            ids.append(rid)
    return ids


def parse_interruptions(raw: Any) -> list[dict[str, str]]:
    """Interruptions from a record file: a list of {start, end, reason} with stored times."""
    out = []
    for it in raw or []:
        if not isinstance(it, dict):
            raise RuleViolation("bad_record_file", "an interruption must be an object")
        try:
            from_db(str(it.get("start"))), from_db(str(it.get("end")))
        except ValueError:
            raise RuleViolation(
                "bad_time", "interruption times are written YYYY-MM-DDTHH:MM:SSZ"
            ) from None
        out.append(
            {
                "start": str(it["start"]),
                "end": str(it["end"]),
                "reason": str(it.get("reason") or ""),
            }
        )
    return out


# ------------------------------------------------------------------ recording durations
def _may_check(s: Session, case_id: int) -> None:
    s.require(Action.VERIFY_MEDIUM)
    visibility.check_case_id(s, case_id, "check its recordings")


def measure_recording(s: Session, settings: StorageSettings, recording_id: int) -> dict[str, Any]:
    """ffprobe the stored files of one recording and compare their duration with the record
    (start to end less interruptions; Art. 10, 13-15, 22(4)), recording nothing: the result,
    and ``row``, the recording check to record (:func:`record_measured`)."""
    try:
        rec = cases_repo.recording(s.conn, int(recording_id))
    except (LookupError, ValueError):
        raise RuleViolation("unknown_recording", f"no recording #{recording_id}") from None
    _may_check(s, int(rec["case_id"]))
    files = [file_path(settings, f["path"]) for f in rec["files"]]
    chk = probe.check_durations(
        files,
        from_db(rec["started_at"]),
        from_db(rec["ended_at"]),
        json.loads(rec["interruptions"]),
        from_db,
        settings.duration_tolerance,
    )
    # durations kept as text: the audit chain hashes no floats
    file_rows: list[dict[str, Any]] = [
        {
            "path": f["path"],
            "error": d.error,
            "creation_time": d.creation_time,
            "seconds": None if d.seconds is None else f"{d.seconds:.3f}",
        }
        for f, d in zip(rec["files"], chk.files, strict=True)
    ]
    media_ms = None if chk.media is None else round(chk.media.total_seconds() * 1000)
    record_ms = round(chk.record.total_seconds() * 1000)
    return {
        "recording_id": int(recording_id),
        "result": chk.result,
        "media_ms": media_ms,
        "record_ms": record_ms,
        "message": chk.message,
        "files": file_rows,
        "row": {
            "recording_id": int(recording_id),
            "result": chk.result,
            "media_ms": media_ms,
            "record_ms": record_ms,
            "tolerance_ms": round(chk.tolerance.total_seconds() * 1000),
            "details": {"message": chk.message, "files": file_rows},
        },
    }


def record_measured(ch: Change, measured: dict[str, Any], by_id: int) -> int:
    """Write a :func:`measure_recording` result as a recording check, in the change ``ch``
    (its own, or the one that reserves a pair's code before burning)."""
    return ch.touch(
        "recording_checks",
        burning_repo.insert_recording_check(ch.conn, **measured["row"], at=ch.at, by_id=by_id),
    )


def check_recording(s: Session, settings: StorageSettings, recording_id: int) -> dict[str, Any]:
    """ffprobe the stored files of one recording and compare their duration with the record
    (start to end less interruptions; Art. 10, 13-15, 22(4)). The result is recorded on the
    recording; a mismatch stays on the review list until a later check matches."""
    m = measure_recording(s, settings, recording_id)
    cid = _record_check(s, m)
    out = {k: v for k, v in m.items() if k != "row"}
    return {"id": cid, **out}


@rerun_if_changed
def _record_check(s: Session, m: dict[str, Any]) -> int:
    """Record a duration check once ffprobe is done: the person's right to check it is
    checked again on the state the record is written on (only this part runs again when
    another counter wrote meanwhile, not ffprobe)."""
    rid = int(m["recording_id"])
    _may_check(s, int(cases_repo.recording(s.conn, rid)["case_id"]))
    with s.change("check_recording", recording=rid, result=m["result"]) as ch:
        return record_measured(ch, m, s.person.id)


def case_recordings(s: Session, case_no: str) -> list[dict[str, Any]]:
    """The recordings of one case, for picking what goes on a disc (Art. 17): each with its
    files, their total ``size``, and the ``discs`` it is on already. For the case's handlers
    (and keepers, heads and reviewers, who check recordings)."""
    case = intake.case_by_no(s, case_no)
    _may_check(s, case.id)
    with s.db.reading():
        recs = burning_repo.recordings_of_case(s.conn, case.id)
        on: dict[int, list[str]] = {}
        for m in media_repo.of_case(s.conn, case.id):
            for r in media_repo.recordings_of(s.conn, int(m["id"])):
                on.setdefault(int(r["id"]), []).append(str(m["code"]))
    for r in recs:
        r.update(
            case_no=case.case_no,
            case_id=case.id,
            size=sum(int(f["size"]) for f in r["files"]),
            discs=sorted(on.get(int(r["id"]), []), key=lambda c: (c[:14], c[14] != "O")),
        )
    reads.record(s, "recordings", [case.id], case_no=case.case_no)
    return recs


def review_list(s: Session) -> list[dict[str, Any]]:
    """Recordings whose last duration check did not match their record (Art. 22(4)); a case
    handler sees those of their own cases, a head those of their department (Art. 21)."""
    s.require(Action.VERIFY_MEDIUM)
    rows = visibility.only_visible(s, burning_repo.flagged_recordings(s.conn))
    reads.record(s, "recordings", (int(r["case_id"]) for r in rows), list="review")
    return rows


def intake_report(s: Session, recording_id: int) -> dict[str, Any]:
    """What intake found about one recording, as the ingest shows it: its flags (the same
    footage twice, a late upload: ``intake.flags``) and its latest duration check (``result``
    and ``message``; None when never checked)."""
    flags = intake.flags(s, recording_id)  # checks the person may see the recording
    checks = burning_repo.recording_checks(s.conn, int(recording_id))
    last = checks[-1] if checks else None
    return {
        "recording_id": int(recording_id),
        "flags": [
            {
                k: f[k]
                for k in (
                    "kind",
                    "message",
                    "other_recording_id",
                    "other_case_no",
                    "late_minutes",
                    "limit_hours",
                )
            }
            for f in flags
        ],
        "duration": None
        if last is None
        else {"result": last["result"], "message": last["details"].get("message", "")},
    }
