"""Making a pair of discs (Art. 17) and checking discs against the register.

:class:`PairBurn` burns the original, reads it back, burns the duplicate (on a second drive,
or after the next blank disc is inserted), reads it back, and only then registers the pair:
a disc that failed, or a burn that was cancelled, is never registered as made. The pair's
code is reserved before burning, so the volume id and ``LABEL.json`` on each disc carry the
code the register gives it; a reservation whose burn failed stays unused (audited).

:func:`verify_medium` reads a disc and checks every file against the manifest the *register*
holds (after burning, on return, on demand, and in the fixity check); the result is recorded
per disc with its read errors, and on return feeds ``custody.return_medium(verification=)``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from ..burning import BurnError
from ..burning.jobs import JobState, Progress, ProgressCallback
from ..burning.layout import (
    LABEL_FORMAT,
    DiscLayout,
    manifest_body,
    manifest_sha256,
    parse_manifest,
    volume_id,
)
from ..burning.verify import VerifyReport, identify, verify_disc
from ..burning.xorriso import BurnJob, Drive, MediaCheck
from ..domain import codes, lateness
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, finding_status
from ..domain.model import CopyRole
from ..store import audit
from ..store import burning as burning_repo
from ..store import cases as cases_repo
from ..store import media as media_repo
from ..store import people as people_repo
from . import findings, heads, intake, reads, visibility
from .session import Change, Session, rerun_if_changed
from .storage import StorageSettings, measure_recording, record_measured, recording_files, rule

#: asked between the two discs when there is one drive: (copy role, drive, what was wrong
#: with the disc inserted last, or "") -> go on?
AskNextDisc = Callable[[str, str, str], bool]
#: refusals of the next disc that another disc may cure: ask again
RETRY_DISC = frozenset({"no_disc", "not_blank", "too_small", "drive_busy"})
#: share of the whole pair job each stage takes, for one progress bar
STAGES = (
    ("burn_original", 0.35),
    ("verify_original", 0.15),
    ("burn_duplicate", 0.35),
    ("verify_duplicate", 0.15),
)
PURPOSES = ("burn", "return", "on_demand", "fixity")


def _drive(text: str) -> Drive:
    try:
        return Drive.parse(text)
    except BurnError as exc:
        raise rule(exc) from None


def verification_details(rep: VerifyReport) -> dict[str, Any]:
    return {
        "missing": rep.missing,
        "extra": rep.extra,
        "changed": rep.changed,
        "unreadable": rep.unreadable,
        "problems": rep.problems,
        "md5": rep.md5,
        "volume_id": rep.volume_id,
        "seconds": round(rep.seconds, 3),
    }


def _result(rep: VerifyReport) -> str:
    """match; unreadable when the only fault is reading (a failing disc); else mismatch."""
    if rep.ok:
        return "match"
    if rep.unreadable and not (rep.missing or rep.extra or rep.changed or rep.md5 == "mismatch"):
        return "unreadable"
    return "mismatch"


def _record_verification(
    ch: Change,
    rep: VerifyReport,
    purpose: str,
    medium_id: int | None,
    reservation_id: int | None,
    by_id: int,
    result: str | None = None,
) -> int:
    """Record one read-back; ``result``: as the report says (:func:`_result`), or the
    outcome a caller found (a disc that could not be read at all: unreadable)."""
    return ch.touch(
        "verifications",
        burning_repo.insert_verification(
            ch.conn,
            medium_id=medium_id,
            reservation_id=reservation_id,
            disc_code=rep.code or "",
            purpose=purpose,
            result=result or _result(rep),
            files_checked=rep.files_checked,
            bytes_read=rep.bytes_read,
            read_errors=rep.read_errors,
            details=verification_details(rep),
            drive=rep.drive,
            at=ch.at,
            by_id=by_id,
        ),
    )


@dataclass
class PairResult:
    original: str
    duplicate: str
    burned_at: datetime
    reports: dict[str, VerifyReport] = field(default_factory=dict)


class PairBurn:
    """One action makes the pair. Qt-free: ``run()`` blocks (call it from a worker thread),
    ``progress`` is called from that thread, ``cancel()`` from any thread.

    ``drives``: one or two addresses (``/dev/sr0``, ``stdio:/path/disc.iso``). With one, the
    duplicate goes on the next disc in the same drive: ``ask_next_disc("duplicate", drive,
    problem)`` must return True once it is inserted (False cancels); it is asked again, with
    the ``problem`` ("not blank", "too small"...), until a disc fits."""

    def __init__(
        self,
        s: Session,
        recording_ids: Sequence[int],
        drives: Sequence[str],
        settings: StorageSettings,
        *,
        disc_type: str = "DVD-R",
        ask_next_disc: AskNextDisc | None = None,
        progress: ProgressCallback | None = None,
        burned_at: datetime | None = None,
        via_xorriso: bool | None = None,
    ):
        if not 1 <= len(drives) <= 2:
            raise RuleViolation("no_drive", "give one drive, or two (original, duplicate)")
        self.s = s
        self.recording_ids = [int(r) for r in recording_ids]
        self.drives = [_drive(d) for d in drives]
        self.settings = settings
        self.disc_type = disc_type
        self.ask_next_disc = ask_next_disc
        self.progress = progress
        self.burned_at = (burned_at or s.now()).replace(microsecond=0)
        self.via_xorriso = via_xorriso
        self._cancel = threading.Event()
        self._job: BurnJob | None = None
        self.plan: intake.PairPlan | None = None
        self.reservation_id: int | None = None
        self.code: codes.MediumCode | None = None
        self.media_check: MediaCheck | None = None
        #: the duration checks prepare() made (storage.check_recording's results)
        self.duration_checks: list[dict[str, Any]] = []

    # ------------------------------------------------------------ steps
    def prepare(self) -> str:
        """Check everything that can be checked before burning (rules, files, the first
        drive's disc and its space); raise RuleViolation, or say what will be burned. The
        recordings' durations are measured against their records (``duration_checks``,
        recorded with the pair's code reservation); a mismatch is named in what it says."""
        self.plan = intake.plan_pair(self.s, self.recording_ids, self.burned_at)
        files = recording_files(self.s, self.settings, self.recording_ids)
        trial = codes.make(self.plan.unit_code, self.burned_at.year, 1, "O").text
        try:
            layout = DiscLayout.build(trial, files, self._label(trial, CopyRole.ORIGINAL))
        except BurnError as exc:
            raise rule(exc, "Art. 17") from None
        job = BurnJob(self.drives[0], layout)
        try:
            prep = job.prepare()
        finally:
            job.discard()
        if not prep.ok:
            raise RuleViolation(prep.code, prep.message, "Art. 17")
        self.media_check = job.check  # image size and free space, for the GUI
        # the duration check before burning (Art. 10, 22(4)): recorded with the pair's code
        # reservation; a recording whose files disagree with its record is named here and
        # stays on the review list
        self.duration_checks = [
            measure_recording(self.s, self.settings, rid) for rid in self.recording_ids
        ]
        off = [c for c in self.duration_checks if c["result"] != "match"]
        if not off:
            return prep.message
        return "; ".join(
            [prep.message]
            + [f"recording #{c['recording_id']}: {c['result']}: {c['message']}" for c in off]
        )

    def cancel(self) -> None:
        self._cancel.set()
        job = self._job
        if job is not None:
            job.cancel()

    def run(self) -> PairResult:
        if self.plan is None:
            self.prepare()
        assert self.plan is not None
        files = recording_files(self.s, self.settings, self.recording_ids)
        self._reserve()
        assert self.code is not None
        reports: dict[str, VerifyReport] = {}
        layouts = {}
        for n, (role, mc) in enumerate(
            ((CopyRole.ORIGINAL, self.code), (CopyRole.DUPLICATE, self.code.partner()))
        ):
            drive = self.drives[min(n, len(self.drives) - 1)]
            layouts[role] = DiscLayout.build(mc.text, files, self._label(mc.text, role))
            self._burn(role, drive, layouts[role], 2 * n, ask=n == 1 and len(self.drives) == 1)
            reports[role.value] = self._verify(role, drive, layouts[role], mc.text, 2 * n + 1)
        manifest = layouts[CopyRole.ORIGINAL].manifest
        me = self.s.person.id

        def record(ch: Change, ids: dict[str, int]) -> None:
            for role_name, rep in reports.items():
                _record_verification(ch, rep, "burn", ids[role_name], self.reservation_id, me)

        self._report("register", 1.0, "registering the pair")
        o, d = intake.register_pair(
            self.s,
            self.recording_ids,
            manifest,
            self.burned_at,
            self.disc_type,
            (volume_id(self.code.text), volume_id(self.code.partner().text)),
            code=self.code.text,
            on_registered=record,
            duplicate_manifest=layouts[CopyRole.DUPLICATE].manifest,
        )
        return PairResult(o, d, self.burned_at, reports)

    # ------------------------------------------------------------ internals
    def _label(self, code: str, role: CopyRole) -> dict[str, Any]:
        """The disc's ``LABEL.json``: the register's label fields, which disc of which pair,
        and the audit chain's head as it is now (a witness: in :meth:`run`, the head after
        the pair's code was reserved, before the pair's registration)."""
        assert self.plan is not None
        files = recording_files(self.s, self.settings, self.recording_ids)
        body = manifest_body([f.entry for f in files])
        return {
            **self.plan.label,
            "format": LABEL_FORMAT,
            "medium_code": code,
            "copy_role": role.value,
            "pair_no": code[:14],
            "volume_id": volume_id(code),
            "disc_type": self.disc_type,
            "manifest_sha256": manifest_sha256(body),
            heads.LABEL_KEY: heads.label_head(audit.head(self.s.conn)),
            "recordings": [
                {
                    "id": r["id"],
                    "kind": r["kind"],
                    "person_role": r["person_role"],
                    "started_at": r["started_at"],
                    "ended_at": r["ended_at"],
                    "place": r["place"],
                }
                for r in self.plan.recordings
            ],
        }

    def _reserve(self) -> None:
        assert self.plan is not None
        plan, ids = self.plan, self.recording_ids
        with self.s.change("reserve_pair_code", case_no=plan.case.case_no) as ch:
            serial = media_repo.next_serial(ch.conn, plan.unit_code, self.burned_at.year)
            self.code = codes.make(plan.unit_code, self.burned_at.year, serial, "O")
            self.reservation_id = ch.touch(
                "pair_reservations",
                burning_repo.insert_reservation(
                    ch.conn, self.code.body[:14], plan.case.id, ids, self.s.person.id, ch.at
                ),
            )
            ch.details.update(original=self.code.text, recordings=sorted(ids))
            for m in self.duration_checks:  # measured by prepare(), just before
                m["id"] = record_measured(ch, m, self.s.person.id)
            if self.duration_checks:
                ch.details["durations"] = [m["result"] for m in self.duration_checks]

    def _report(self, stage: str, fraction: float | None, message: str) -> None:
        if self.progress is None:
            return
        names = [s for s, _ in STAGES]
        done = sum(w for s, w in STAGES[: names.index(stage)]) if stage in names else 1.0
        weight = dict(STAGES).get(stage, 0.0)
        overall = done + weight * (fraction or 0.0)
        self.progress(Progress(min(overall, 1.0), message, stage))

    def _failed(
        self, code: str, message: str, role: CopyRole, rep: VerifyReport | None = None
    ) -> None:
        """Record the failed attempt (audited; nothing registered) and refuse."""
        assert self.code is not None
        with self.s.change(
            "burn_failed",
            original=self.code.text,
            copy_role=role.value,
            code=code,
            message=message[:300],
        ) as ch:
            if rep is not None:
                _record_verification(ch, rep, "burn", None, self.reservation_id, self.s.person.id)
        raise RuleViolation(code, f"{role.value}: {message}; nothing was registered", "Art. 17")

    def _next_disc(self, role: CopyRole, drive: Drive, layout: DiscLayout) -> BurnJob:
        """One drive: ask for the next blank disc until one fits (or the user gives up)."""
        problem = ""
        while True:
            ok = (
                self.ask_next_disc(role.value, str(drive), problem) if self.ask_next_disc else False
            )
            if not ok or self._cancel.is_set():
                self._failed("cancelled", f"cancelled before the {role.value} was burned", role)
            job = BurnJob(drive, layout)
            prep = job.prepare()
            if prep.ok:
                return job
            job.discard()
            if prep.code not in RETRY_DISC:
                self._failed(prep.code, prep.message, role)
            problem = prep.message

    def _burn(
        self, role: CopyRole, drive: Drive, layout: DiscLayout, stage_no: int, ask: bool = False
    ) -> None:
        stage = STAGES[stage_no][0]
        if self._cancel.is_set():
            self._failed("cancelled", "the burn was cancelled", role)
        job = self._next_disc(role, drive, layout) if ask else BurnJob(drive, layout)
        self._job = job
        self._report(stage, 0.0, f"checking the disc in {drive}")
        try:
            result = job.run(
                lambda p: self._report(stage, p.fraction, f"{role.value}: {p.message}"),
                prepared=job.prepared,
            )
        finally:
            self._job = None
        if result.state == JobState.CANCELLED or self._cancel.is_set():
            self._failed("cancelled", result.message or "the burn was cancelled", role)
        if not result.ok:
            self._failed(result.code or "burn_failed", result.message, role)

    def _verify(
        self, role: CopyRole, drive: Drive, layout: DiscLayout, code: str, stage_no: int
    ) -> VerifyReport:
        stage = STAGES[stage_no][0]
        self._report(stage, 0.0, f"reading the {role.value} back")
        try:
            rep = verify_disc(
                drive,
                layout.manifest,
                expected_code=code,
                progress=lambda p: self._report(stage, p.fraction, f"{role.value}: {p.message}"),
                cancel=self._cancel,
                via_xorriso=self.via_xorriso,
            )
        except BurnError as exc:
            if exc.code == "cancelled":
                self._failed("cancelled", "cancelled while reading the disc back", role)
            self._failed(
                "verification_mismatch", f"the disc cannot be read back: {exc.message}", role
            )
        if not rep.ok:
            self._failed(
                "verification_mismatch",
                "the disc does not match what was burned: " + rep.summary(),
                role,
                rep,
            )
        return rep


# ------------------------------------------------------------------ checking discs
@dataclass
class MediumCheck:
    """One read-back of a disc against the register."""

    code: str | None
    registered: bool
    medium: dict[str, Any] | None
    report: VerifyReport
    verification_id: int | None = None
    #: the head the disc's LABEL.json carries, held against the chain (None: it has none)
    head: heads.HeadCheck | None = None

    @property
    def result(self) -> str:
        """For custody.return_medium(verification=...)."""
        return "match" if self.registered and self.report.ok else "mismatch"

    @property
    def ok(self) -> bool:
        """The disc matches the register, and the head it witnessed is on the chain."""
        return self.result == "match" and (self.head is None or self.head.ok)

    def to_dict(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "registered": self.registered,
            "medium": self.medium,
            "result": self.result,
            "verification_id": self.verification_id,
            "report": self.report.to_dict(),
            "head": None if self.head is None else self.head.to_dict(),
        }


def _check_may_verify(s: Session, case_id: int, what: str = "check its discs") -> None:
    s.require(Action.VERIFY_MEDIUM)
    visibility.check_case_id(s, case_id, what)


def verify_medium(
    s: Session,
    drive: str,
    purpose: str = "on_demand",
    expect_code: str | None = None,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    via_xorriso: bool | None = None,
    with_md5: bool = False,
) -> MediumCheck:
    """Identify the disc in ``drive``, check every file against the register's manifest,
    record the result (with read errors) on that disc. ``expect_code``: the disc that should
    be in the drive (on return): another disc is a mismatch (replaced)."""
    s.require(Action.VERIFY_MEDIUM)
    if purpose not in PURPOSES:
        raise RuleViolation("bad_purpose", f"'{purpose}' is not one of " + ", ".join(PURPOSES))
    d = _drive(drive)
    try:
        ident = identify(d, via_xorriso)
    except BurnError as exc:
        raise rule(exc) from None
    code = ident.code or (ident.label or {}).get("medium_code")
    head = _disc_head_check(s, ident.label, code, ident.volume_id)
    row = media_repo.row_by_code(s.conn, code) if code else None
    if row is None:
        try:
            rep = verify_disc(
                d,
                None,
                progress=progress,
                cancel=cancel,
                via_xorriso=via_xorriso,
                with_md5=with_md5,
            )
        except BurnError as exc:
            raise rule(exc) from None
        rep.problems.insert(0, f"this disc ({code or 'no Keeper code'}) is not in the register")
        return MediumCheck(code, False, None, rep, head=head)
    _check_may_verify(s, int(row["case_id"]))
    try:
        rep = read_against_register(
            s,
            d,
            row,
            expect_code or code,
            progress=progress,
            cancel=cancel,
            via_xorriso=via_xorriso,
            with_md5=with_md5,
        )
    except BurnError as exc:
        raise rule(exc) from None
    medium = {
        "id": int(row["id"]),
        "code": row["code"],
        "copy_role": row["copy_role"],
        "status": row["status"],
        "location": row["location"],
    }
    check = MediumCheck(row["code"], True, medium, rep, head=head)
    check.verification_id = _record_check(s, int(row["id"]), rep, purpose)
    return check


def read_against_register(
    s: Session,
    drive: Drive,
    row: Any,
    expect_code: str | None,
    *,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    via_xorriso: bool | None = None,
    with_md5: bool = False,
) -> VerifyReport:
    """The disc in ``drive`` read back against the register's manifest and label of the
    medium ``row`` (who may do it is the caller's check). BurnError when it cannot be read
    at all."""
    expected = parse_manifest(burning_repo.manifest_of_medium(s.conn, int(row["id"])))
    rep = verify_disc(
        drive,
        expected,
        expected_code=expect_code,
        progress=progress,
        cancel=cancel,
        via_xorriso=via_xorriso,
        with_md5=with_md5,
    )
    label = json.loads(row["label"])
    if rep.label is not None:
        differs = sorted(k for k, v in label.items() if rep.label.get(k) != v)
        if differs:
            rep.problems.append("LABEL.json differs from the register in: " + ", ".join(differs))
    return rep


@rerun_if_changed
def _record_check(s: Session, medium_id: int, rep: VerifyReport, purpose: str) -> int:
    """Record a read-back once it is done (minutes after it began): the person's right to
    check that disc is checked again on the state the record is written on, and only the
    write runs again when another counter wrote meanwhile, not the reading."""
    row = media_repo.row(s.conn, medium_id)
    _check_may_verify(s, int(row["case_id"]))
    finding = lateness.finding_for_read_back(purpose, _result(rep), str(row["status"]))
    head_id = _head_of_case(s, int(row["case_id"])) if finding is not None else None
    if finding is None or head_id is None:
        with s.change("verify_medium", code=row["code"], purpose=purpose, result=rep.result) as ch:
            return _record_verification(ch, rep, purpose, medium_id, None, s.person.id)
    # issue 14: a failing fixity read-back damages the disc in custody and is reported to the
    # head of the case's department, in the change that records the read-back
    medium = media_repo.to_medium(row)
    nxt = finding_status(medium.copy_role, medium.status, finding.value, code=medium.code)
    with s.change("fixity_failed", code=row["code"], purpose=purpose, result=_result(rep)) as ch:
        vid = _record_verification(ch, rep, purpose, medium_id, None, s.person.id)
        problems = "; ".join(rep.problems[:3]) or _result(rep)
        iid, _fid = findings.write_finding(
            ch,
            medium_id,
            finding,
            nxt,
            description=f"定期回读核对未通过（{_result(rep)}，读错误 {rep.read_errors}）："
            f"{problems}",
            by_id=s.person.id,
            head_id=head_id,
            verification_id=vid,
        )
        ch.details.update(incident=iid, status=nxt.value)
        return vid


def _head_of_case(s: Session, case_id: int) -> int | None:
    dept = people_repo.department(s.conn, cases_repo.get(s.conn, case_id).department_id)
    return None if dept is None else dept.head_id


def _disc_head_check(
    s: Session, label: dict[str, Any] | None, code: str | None, volume: str = ""
) -> heads.HeadCheck | None:
    """The head a disc witnessed when it was burned (its ``LABEL.json``) held against the
    chain, the disc named by its code; None for a disc burned before heads were witnessed."""
    if code:
        try:
            name = f"disc {codes.parse(code).pretty}"
        except codes.CodeError:
            name = f"disc {code}"
    else:
        name = f"disc with volume id {volume or '?'}"
    return heads.check_disc_label(s.db, label, name)


def identify_disc(s: Session, drive: str, via_xorriso: bool | None = None) -> dict[str, Any]:
    """A disc just inserted: what it says it is, and what the register says of that code.
    Reads only the volume id, the label and the manifest (seconds, not a full check).
    ``head``: the head the disc witnessed, held against the chain (HeadCheck.to_dict(), or
    None for a disc that carries none)."""
    s.require(Action.VERIFY_MEDIUM)
    try:
        ident = identify(_drive(drive), via_xorriso)
    except BurnError as exc:
        raise rule(exc) from None
    code = ident.code or (ident.label or {}).get("medium_code")
    row = media_repo.row_by_code(s.conn, code) if code else None
    out: dict[str, Any] = {
        "volume_id": ident.volume_id,
        "code": code,
        "label": ident.label,
        "problems": list(ident.problems),
        "registered": row is not None,
    }
    head = _disc_head_check(s, ident.label, code, ident.volume_id)
    out["head"] = None if head is None else head.to_dict()
    if row is not None:  # what the register says: for those who may see that case (Art. 21)
        _check_may_verify(
            s, int(row["case_id"]), what=f"see what the register holds of disc {row['code']}"
        )
        body = burning_repo.manifest_of_medium(s.conn, int(row["id"]))
        out.update(
            status=row["status"],
            copy_role=row["copy_role"],
            location=row["location"],
            manifest_matches=ident.manifest_text == body,
            verifications=[
                {k: v[k] for k in ("at", "purpose", "result", "read_errors")}
                for v in burning_repo.verifications_of(s.conn, int(row["id"]))
            ],
        )
        reads.record(s, "identify", [int(row["case_id"])], code=str(row["code"]))
    return out


def verifications(s: Session, code: str) -> list[dict[str, Any]]:
    """Every read-back recorded for one disc, oldest first."""
    s.require(Action.VIEW_MEDIA)
    row = media_repo.row_by_code(s.conn, code)
    if row is None:
        raise RuleViolation("unknown_medium", f"no medium {code}")
    _check_may_verify(s, int(row["case_id"]), "see its discs")
    rows = burning_repo.verifications_of(s.conn, int(row["id"]))
    reads.record(s, "verifications", [int(row["case_id"])], code=str(row["code"]))
    return rows
