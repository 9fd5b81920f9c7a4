"""Cases, recordings, a newly burned pair, and its handover to the keeper (Art. 16-17)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from ..burning.layout import manifest_body as manifest_body
from ..domain import codes, court, rules
from ..domain import intake as intake_rules
from ..domain.errors import RuleViolation
from ..domain.lateness import Late, LateKind
from ..domain.lifecycle import Action, next_status
from ..domain.model import (
    Capacity,
    Case,
    CopyRole,
    ManifestEntry,
    MediumStatus,
    Role,
)
from ..store import burning as burning_repo
from ..store import cases as cases_repo
from ..store import court as court_repo
from ..store import entries
from ..store import intake_records as intake_repo
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db, show, to_db
from . import lateness, visibility
from .session import Change, Credential, Session, check_badge_text, parse_code, rerun_if_changed


def case_by_no(s: Session, case_no: str) -> Case:
    c = cases_repo.by_no(s.conn, (case_no or "").strip())
    if c is None:
        raise RuleViolation("unknown_case", f"no case with number {case_no!r}")
    return c


@rerun_if_changed
def create_case(
    s: Session,
    case_no: str,
    name: str,
    department_id: int,
    handler_badges: Sequence[str],
    major: bool = False,
) -> int:
    """A case, its handling department and its case handlers (Art. 16: the handlers are
    known, so that they are never made keepers of its recordings)."""
    me = s.require(Action.CREATE_CASE)
    case_no = rules.require_text(case_no, "case number", limit=40)
    name = rules.require_text(name, "case name", limit=100)
    if cases_repo.by_no(s.conn, case_no) is not None:
        raise RuleViolation("case_exists", f"case {case_no} exists already")
    dept = people_repo.department(s.conn, department_id)
    if dept is None:
        raise RuleViolation("unknown_department", f"no department #{department_id}")
    handlers = []
    for b in handler_badges:
        p = people_repo.by_badge(s.conn, check_badge_text(b))
        if p is None:
            raise RuleViolation("unknown_badge", f"no person with badge number {b}")
        if Role.CASE_HANDLER not in p.roles:
            raise RuleViolation("not_case_handler", f"{p.name} is not a case handler")
        handlers.append(p)
    if not handlers:
        raise RuleViolation(
            "missing_field", "a case needs at least one case handler", field="case handlers"
        )
    if (
        me.has(Role.CASE_HANDLER)
        and not me.has(Role.DEPT_HEAD)
        and me.id not in {h.id for h in handlers}
    ):
        raise RuleViolation("not_own_case", "a case handler opens cases they handle")
    with s.change("create_case", case_no=case_no) as ch:
        cid = ch.touch(
            "cases", cases_repo.insert(ch.conn, case_no, name, department_id, major, ch.at)
        )
        for h in handlers:
            ch.touch("case_handlers", cases_repo.add_handler(ch.conn, cid, h.id))
    return cid


def check_recording(
    s: Session,
    case_no: str,
    person_name: str,
    person_role: str,
    started_at: datetime,
    ended_at: datetime,
    place: str,
    kind: str = "interrogation",
    interruptions: Sequence[dict[str, str]] = (),
) -> tuple[Case, str, str]:
    """Everything register_recording checks but the files: the person's role and case
    (Art. 21), the record's fields (``rules.check_recording_record``). Ingest calls it
    before copying a byte. Returns the case, the person's name and the place as kept."""
    me = s.require(Action.REGISTER_RECORDING)
    case = case_by_no(s, case_no)
    if me.id not in case.handler_ids:
        raise RuleViolation(
            "not_case_handler", f"{me.name} is not a handler of case {case_no}", "Art. 21"
        )
    person_name, place = rules.check_recording_record(
        person_name, person_role, kind, place, started_at, ended_at, interruptions
    )
    return case, person_name, place


@rerun_if_changed
def register_recording(
    s: Session,
    case_no: str,
    person_name: str,
    person_role: str,
    started_at: datetime,
    ended_at: datetime,
    place: str,
    files: Sequence[ManifestEntry],
    kind: str = "interrogation",
    interruptions: Sequence[dict[str, str]] = (),
    late_after: timedelta = intake_rules.DEFAULT_LATE_UPLOAD,
) -> int:
    """One interrogation (or questioning, search, sealing) as written in its record:
    start and end time (Art. 10), interruptions with reason (Art. 14-15), its files.

    Flagged with it, in the same change (``intake_flags``; :func:`flags`): a file another
    recording has already (the same footage twice, Art. 10, 13), and an upload more than
    ``late_after`` after the interrogation ended (Art. 17(3): "at once")."""
    case, person_name, place = check_recording(
        s, case_no, person_name, person_role, started_at, ended_at, place, kind, interruptions
    )
    me = s.person
    rules.check_manifest(files)
    with s.change("register_recording", case_no=case_no, person=person_name) as ch:
        rid = ch.touch(
            "recordings",
            cases_repo.insert_recording(
                ch.conn,
                case.id,
                kind,
                person_name,
                person_role,
                to_db(started_at),
                to_db(ended_at),
                place,
                list(interruptions),
                me.id,
                ch.at,
            ),
        )
        holders = intake_repo.first_holders(ch.conn, [f.sha256 for f in files])
        for f in files:
            ch.touch(
                "recording_files",
                cases_repo.insert_recording_file(ch.conn, rid, f.path, f.size, f.sha256),
            )
        flagged = []
        for sha, other in intake_rules.same_footage([f.sha256 for f in files], holders):
            fid = intake_repo.insert_flag(
                ch.conn, rid, "same_footage", ch.at, other_recording_id=other, sha256=sha
            )
            ch.touch("intake_flags", fid)
            flagged.append(f"same_footage:{other}")
        late = intake_rules.late_upload(ended_at, from_db(ch.at), late_after)
        if late is not None:
            fid = intake_repo.insert_flag(
                ch.conn,
                rid,
                "late_upload",
                ch.at,
                late_minutes=int(late.total_seconds() // 60),
                limit_hours=int(late_after.total_seconds() // 3600),
            )
            ch.touch("intake_flags", fid)
            flagged.append("late_upload")
        if flagged:
            ch.details["flags"] = flagged
    return rid


def flags(s: Session, recording_id: int) -> list[dict[str, Any]]:
    """What intake flagged on a recording (:func:`register_recording`), each with a
    ``message``. The other recording of a same-footage flag is named by its number; its
    case and person only to those who may see that case (Art. 21)."""
    s.require(Action.VERIFY_MEDIUM)
    try:
        rec = cases_repo.recording(s.conn, int(recording_id))
    except (LookupError, ValueError):
        raise RuleViolation("unknown_recording", f"no recording #{recording_id}") from None
    visibility.check_case_id(s, int(rec["case_id"]), "see its recordings")
    out = []
    for f in intake_repo.flags_of(s.conn, int(recording_id)):
        if f["kind"] == "same_footage":
            other = f"recording #{f['other_recording_id']}"
            try:
                visibility.check_case_id(s, int(f["other_case_id"]), "see its recordings")
            except RuleViolation:
                f["other_case_no"] = f["other_person"] = f["other_started_at"] = None
            else:
                other += (
                    f" (case {f['other_case_no']}, {f['other_person']}, "
                    f"{show(from_db(f['other_started_at']))})"
                )
            f["message"] = (
                f"the same footage twice: file {f['sha256'][:12]}… is registered already "
                f"for {other}"
            )
        else:
            m = int(f["late_minutes"] or 0)
            f["message"] = (
                f"uploaded late: {m // 60} h {m % 60:02d} min after the interrogation ended "
                f"(the limit is {f['limit_hours']} h; Art. 17: at once)"
            )
        out.append(f)
    return out


def plan_pair(s: Session, recording_ids: Sequence[int], burned_at: datetime) -> PairPlan:
    """Everything register_pair checks before it writes, and the label it will store: the
    burning service calls it *before* burning, so that the label data written on the disc is
    the label the register keeps (Art. 17)."""
    me = s.require(Action.REGISTER_PAIR)
    recs = []
    for rid in recording_ids:
        try:
            recs.append(cases_repo.recording(s.conn, int(rid)))
        except (LookupError, ValueError):
            raise RuleViolation("unknown_recording", f"no recording #{rid}") from None
    rules.check_recordings_one_person_one_case((r["case_id"], r["person_name"]) for r in recs)
    case = cases_repo.get(s.conn, recs[0]["case_id"])
    if me.id not in case.handler_ids:
        raise RuleViolation(
            "not_case_handler", f"{me.name} is not a case handler of case {case.case_no}", "Art. 17"
        )
    court.check_burn_for_case(
        case.case_no,
        case.status.value,
        [int(r["id"]) for r in recs],
        court_repo.open_recording_items(s.conn, case.id),
    )
    if burned_at > s.now():
        raise RuleViolation("bad_time", "the burning time is in the future", "Art. 17")
    dept = people_repo.department(s.conn, case.department_id)
    unit = people_repo.unit(s.conn, dept.unit_id if dept else me.unit_id)
    label = {
        "production_unit": unit["name"],
        "producer": me.name,
        "production_time": to_db(burned_at),
        "person_interrogated": recs[0]["person_name"],
        "case_name": case.name,
        "case_number": case.case_no,
    }
    rules.check_label(label)
    return PairPlan(case, recs, label, unit["code"])


@dataclass(frozen=True)
class PairPlan:
    case: Case
    recordings: list[dict[str, Any]]
    label: dict[str, str]
    unit_code: str


@rerun_if_changed
def register_pair(
    s: Session,
    recording_ids: Sequence[int],
    manifest: Sequence[ManifestEntry],
    burned_at: datetime,
    disc_type: str = "DVD-R",
    volume_ids: tuple[str, str] | None = None,
    code: str | None = None,
    on_registered: Callable[[Change, dict[str, int]], None] | None = None,
    duplicate_manifest: Sequence[ManifestEntry] | None = None,
) -> tuple[str, str]:
    """Register the two discs just burned and verified (Art. 17): one manifest, one label,
    two codes (O and D of one serial). The producer is the signed-in case handler.

    ``code``: the original's code reserved before burning (services.burning), written on
    the discs; otherwise the next serial. ``on_registered(change, {"original": id,
    "duplicate": id})`` writes further rows (the read-back checks) in the same transaction.

    ``manifest`` is the original's; ``duplicate_manifest`` the duplicate's, as burned and read
    back (services.burning): the two must be the same (Art. 17). None: the pair is
    registered from one list of files, without discs of its own to compare (the demo and
    the test office)."""
    plan = plan_pair(s, recording_ids, burned_at)
    case, recs, label = plan.case, plan.recordings, plan.label
    rules.check_manifest(manifest)
    body = manifest_body(manifest)
    msha = hashlib.sha256(body.encode("utf-8")).hexdigest()
    if duplicate_manifest is not None:
        dup_body = manifest_body(duplicate_manifest)
        rules.check_pair(msha, hashlib.sha256(dup_body.encode("utf-8")).hexdigest())
    reserved = _reserved_code(s, code, case.id, burned_at) if code else None
    with s.change("register_pair", case_no=case.case_no) as ch:
        if reserved is None:
            serial = media_repo.next_serial(ch.conn, plan.unit_code, burned_at.year)
            o = codes.make(plan.unit_code, burned_at.year, serial, "O")
        else:
            o = reserved
        d = o.partner()
        mid = ch.touch("manifests", media_repo.insert_manifest(ch.conn, body, msha))
        label_json = json.dumps(label, ensure_ascii=False, sort_keys=True)
        ids: dict[str, int] = {}
        for c, role in ((o, CopyRole.ORIGINAL), (d, CopyRole.DUPLICATE)):
            vol = (
                (volume_ids[0] if role == CopyRole.ORIGINAL else volume_ids[1])
                if volume_ids
                else f"K{c.text}"
            )
            medium_id = ch.touch(
                "media",
                media_repo.insert(
                    ch.conn,
                    code=c.text,
                    pair_no=o.body[:14],
                    copy_role=role,
                    kind="disc",
                    disc_type=disc_type,
                    volume_id=vol,
                    case_id=case.id,
                    manifest_id=mid,
                    label_json=label_json,
                    burned_at=to_db(burned_at),
                    producer_id=s.person.id,
                    registered_at=ch.at,
                    status=MediumStatus.BURNED,
                ),
            )
            ids[role.value] = medium_id
            for r in recs:
                ch.touch(
                    "medium_recordings", media_repo.link_recording(ch.conn, medium_id, r["id"])
                )
        ch.details.update(original=o.text, duplicate=d.text)
        if on_registered is not None:
            on_registered(ch, ids)
    return o.text, d.text


def _reserved_code(s: Session, code: str, case_id: int, burned_at: datetime) -> codes.MediumCode:
    """A code reserved for this case before burning, not yet used by a registered pair."""
    mc = parse_code(code)
    if mc.copy != "O":
        raise RuleViolation("not_original", f"{mc.pretty}: give the original's code")
    res = burning_repo.reservation(s.conn, mc.body[:14])
    if res is None or int(res["case_id"]) != case_id:
        raise RuleViolation("not_reserved", f"{mc.pretty} was not reserved for this case")
    if media_repo.pair(s.conn, mc.body[:14]):
        raise RuleViolation("code_used", f"{mc.pretty} is registered already")
    if mc.year != burned_at.year:
        raise RuleViolation(
            "bad_time",
            f"{mc.pretty} is a code of {mc.year}, the discs were burned in {burned_at.year}",
        )
    return mc


@rerun_if_changed
def handover(
    s: Session,
    code: str,
    handler: Credential,
    keeper: Credential,
    seal_no: str,
    original_location: str,
    duplicate_location: str,
    late_reason: str | None = None,
    note: str = "",
) -> int:
    """Art. 16-17: the case handler hands the new pair to the keeper within 24 h of
    burning; the keeper registers it; both sign. The original is sealed in its bag with
    a seal number; the duplicate goes on the shelf."""
    s.require(Action.HANDOVER)
    mc = parse_code(code)
    if mc.copy == "H":
        raise RuleViolation("not_disc", "a hard-drive volume is not handed over as a pair")
    h = s.signer(handler)
    k = s.keeper_signer(keeper)
    rules.check_two_signers([h.person.id, k.person.id], [h.person.name])
    pair_rows = media_repo.pair(s.conn, mc.body[:14])
    if not pair_rows:
        raise RuleViolation("unknown_medium", f"{mc.pretty} is not registered")
    by_role = {r["copy_role"]: media_repo.to_medium(r) for r in pair_rows}
    orig, dup = by_role.get("original"), by_role.get("duplicate")
    if orig is None or dup is None:
        raise RuleViolation("pair_incomplete", "the pair is incomplete", "Art. 17")
    case = cases_repo.get(s.conn, orig.case_id)
    now = s.now()
    late = rules.check_handover(
        case,
        h.person,
        k.person,
        orig.burned_at,
        now,
        late_reason,
        for_court_after_conclusion=court.burned_after_conclusion(case, orig.burned_at),
    )
    o_next = next_status(orig.copy_role, orig.status, Action.HANDOVER, code=orig.code)
    d_next = next_status(dup.copy_role, dup.status, Action.HANDOVER, code=dup.code)
    seal = rules.check_new_seal(seal_no, entries.used_seal_nos(s.conn, (seal_no or "").strip()))
    o_loc = rules.require_text(original_location, "shelf location of the original", limit=60)
    d_loc = rules.require_text(duplicate_location, "shelf location of the duplicate", limit=60)
    dept = people_repo.department(s.conn, case.department_id)
    if late and (dept is None or dept.head_id is None):
        raise RuleViolation("no_head", "the case's department has no head to report to")
    with s.change("handover", original=orig.code, duplicate=dup.code, late=late) as ch:
        hid = ch.touch(
            "handovers",
            entries.insert(
                ch.conn,
                "handovers",
                case_id=case.id,
                original_id=orig.id,
                duplicate_id=dup.id,
                handler_id=h.person.id,
                keeper_id=k.person.id,
                at=ch.at,
                seal_no=seal,
                original_location=o_loc,
                duplicate_location=d_loc,
                late_reason=late_reason.strip() if late and late_reason else None,
                note=(note or "").strip(),
            ),
        )
        ch.sign("handovers", hid, (h, Capacity.CASE_HANDLER), (k, Capacity.KEEPER))
        ch.touch(
            "seal_events",
            entries.insert(
                ch.conn,
                "seal_events",
                medium_id=orig.id,
                kind="seal",
                seal_no=seal,
                at=ch.at,
                approval_id=None,
                keeper_id=k.person.id,
                note="sealed at handover",
            ),
        )
        media_repo.set_status(ch.conn, orig.id, o_next)
        media_repo.set_seal(ch.conn, orig.id, seal)
        media_repo.set_location(ch.conn, orig.id, o_loc)
        media_repo.set_status(ch.conn, dup.id, d_next)
        media_repo.set_location(ch.conn, dup.id, d_loc)
        ch.touch("media", orig.id)
        ch.touch("media", dup.id)
        if late:
            # Art. 16-17: reported to the head — once: a sweep that found the pair late
            # before it came has reported it already (issue 14)
            hours = (now - orig.burned_at).total_seconds() / 3600
            lateness.mark_in(
                ch,
                Late(LateKind.HANDOVER, orig.id, orig.id, rules.handover_deadline(orig.burned_at)),
                k.person.id,
                dept.head_id,  # type: ignore[union-attr, arg-type]  # checked above
                now,
                description=f"烧录后 {hours:.1f} 小时才移交（超过 24 小时）：{late_reason}",
                handover_id=hid,
            )
    return hid
