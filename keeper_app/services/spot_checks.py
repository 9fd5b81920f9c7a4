"""Spot checks (issue 16, part 4; supervision Art. 261): someone other than the keeper reads
back a random sample of the shelf.

1. :func:`draw` — the keeper on duty draws the sample, seeded by the audit chain's head at
   that moment (``domain.spot_checks.draw``): the draw, the head used, the population's size
   and digest and the codes drawn are written with their signed event. One spot check is
   open at a time: a keeper cannot draw again until the draw they dislike is closed.
2. :func:`check` — a reviewer or a department head (never a keeper) reads each drawn disc
   back against the register's manifest in a drive at the counter and signs the outcome
   (match, mismatch, unreadable). A mismatch or an unreadable disc is a finding, as a failing
   fixity read-back is: the disc is marked damaged and an incident goes to the head of the
   case's department, in the same change.
3. :func:`close` — the checker closes the spot check with its signed outcome; a disc left
   unchecked only with the reason why.

What the checker sees (Art. 21). The sample is drawn over the custody room's whole shelf,
so a department head may draw another department's disc. Their spot-check duty lets them
read back the drawn discs and see what finding and checking them needs — the disc's code,
copy, shelf location and the read-back's figures — never the case, the people or the
recordings of a case they may not otherwise see (:func:`show` names no case). The finding
goes to the head of the case's department, who sees the case. Every showing of a spot
check is a logged reading (services.reads) naming the cases of its discs.
"""

from __future__ import annotations

import json
import threading
from dataclasses import dataclass, replace
from typing import Any

from ..burning import BurnError
from ..burning.jobs import ProgressCallback
from ..burning.verify import VerifyReport, identify
from ..burning.xorriso import Drive
from ..domain import rules
from ..domain import spot_checks as law
from ..domain.errors import RuleViolation
from ..domain.lateness import FindingKind
from ..domain.lifecycle import Action, finding_status
from ..domain.model import Capacity
from ..store import audit, entries
from ..store import cases as cases_repo
from ..store import media as media_repo
from ..store import spot_checks as repo
from ..timeutil import show as show_time
from . import burning, findings, reads
from .burning import _record_verification, _result
from .custody import head_of_case_dept
from .session import Credential, Session, Signer, parse_code, rerun_if_changed
from .storage import rule

#: errors of a disc the drive holds but cannot read: an unreadable outcome, recorded
UNREADABLE_ERRORS = frozenset({"unreadable_disc", "not_iso", "bad_image"})


# ------------------------------------------------------------------ drawing
@rerun_if_changed
def draw(s: Session, size: int | None = None) -> int:
    """The keeper signed in draws a spot check's sample (``size`` discs, or the default
    rule) from the shelf, seeded by the chain's head. Returns the spot check's id."""
    me = s.require(Action.DRAW_SPOT_CHECK)
    still = repo.open_ids(s.conn)
    if still:
        raise RuleViolation(
            "spot_check_open",
            f"spot check #{still[0]} is still open: it is checked and closed before another "
            "sample is drawn (a sample is not drawn again until one is liked)",
            law.ARTICLE,
        )
    with s.change("draw_spot_check") as ch:
        pop = {
            str(r["code"]): int(r["id"])
            for r in repo.shelf(ch.conn)
            if law.in_population(str(r["copy_role"]), str(r["status"]))
        }
        n = law.sample_size(len(pop), size)
        seq, head_hash = audit.head(ch.conn)
        chosen = law.draw(head_hash, list(pop), n)
        digest = law.population_digest(pop)
        sid = ch.touch(
            "spot_checks",
            repo.insert_draw(
                ch.conn,
                head_seq=seq,
                head_hash=head_hash,
                population_size=len(pop),
                population_sha256=digest,
                size_rule="default" if size is None else "chosen",
                sample_size=n,
                at=ch.at,
                drawn_by=me.id,
            ),
        )
        for pos, code in enumerate(chosen, 1):
            ch.touch("spot_check_items", repo.insert_item(ch.conn, sid, pos, pop[code], code))
        ch.details.update(
            spot_check=sid,
            head_seq=seq,
            head_hash=head_hash,
            population=len(pop),
            population_sha256=digest,
            codes=chosen,
        )
    return sid


# ------------------------------------------------------------------ checking
def _spot_check(s: Session, spot_check_id: int) -> dict[str, Any]:
    sc = repo.get(s.conn, int(spot_check_id))
    if sc is None:
        raise RuleViolation("unknown_spot_check", f"no spot check #{spot_check_id}")
    return sc


def _checker(s: Session, sc: dict[str, Any], cred: Credential) -> Signer:
    """The signed-in person, allowed to check, signing with their own password."""
    me = s.person  # s.require(Action.SPOT_CHECK) was called first
    law.check_checker(me, int(sc["drawn_by"]))
    signer = s.signer(cred)
    if signer.person.id != me.id:
        raise RuleViolation(
            "checker_not_signed_in",
            f"the checker signing ({signer.person.name}) must be the person signed in "
            f"({me.name}): each signs their own checks",
        )
    return signer


@dataclass
class SpotCheckResult:
    """One drawn disc read back: its outcome, the read-back, the incident it raised."""

    spot_check_id: int
    code: str
    outcome: str
    report: VerifyReport
    verification_id: int
    incident_id: int | None

    def to_dict(self) -> dict[str, Any]:
        return {
            "spot_check": self.spot_check_id,
            "code": self.code,
            "outcome": self.outcome,
            "verification_id": self.verification_id,
            "incident_id": self.incident_id,
            "summary": self.report.summary(),
            "files_checked": self.report.files_checked,
            "read_errors": self.report.read_errors,
        }


def _prepare_check(
    s: Session, spot_check_id: int, code: str, cred: Credential
) -> tuple[Signer, dict[str, Any]]:
    s.require(Action.SPOT_CHECK)
    sc = _spot_check(s, spot_check_id)
    signer = _checker(s, sc, cred)
    text = parse_code(code).text
    items = repo.items(s.conn, int(sc["id"]))
    law.check_item(
        int(sc["id"]),
        text,
        [str(i["code"]) for i in items],
        [str(i["code"]) for i in items if i["result_id"] is not None],
        repo.closing(s.conn, int(sc["id"])) is not None,
    )
    item = next(i for i in items if i["code"] == text)
    if not law.in_population(str(item["copy_role"]), str(item["status"])):
        raise RuleViolation(
            "not_on_shelf",
            f"{text} is no longer on the shelf (it is {item['status']}): it is checked when it "
            "is back, or the spot check is closed with the reason",
            law.ARTICLE,
        )
    return signer, item


def check(
    s: Session,
    spot_check_id: int,
    code: str,
    drive: str,
    checker: Credential,
    progress: ProgressCallback | None = None,
    cancel: threading.Event | None = None,
    via_xorriso: bool | None = None,
) -> SpotCheckResult:
    """The checker signed in reads the drawn disc ``code`` back in ``drive`` against the
    register and signs the outcome (``checker``: their own password). A disc that cannot be
    read at all is recorded unreadable; another disc in the drive, an empty drive or a
    cancelled read is refused and records nothing."""
    _signer, item = _prepare_check(s, spot_check_id, code, checker)
    try:
        d = Drive.parse(drive)
    except BurnError as exc:
        raise rule(exc) from None
    text = str(item["code"])
    row = media_repo.row(s.conn, int(item["medium_id"]))
    try:
        ident = identify(d, via_xorriso)
        found = ident.code or (ident.label or {}).get("medium_code")
        if found and found != text:
            raise RuleViolation(
                "wrong_disc",
                f"the disc in {drive} is {found}, not {text}: put the drawn disc in the drive; "
                "nothing was recorded",
            )
        rep = burning.read_against_register(
            s, d, row, text, progress=progress, cancel=cancel, via_xorriso=via_xorriso
        )
    except BurnError as exc:
        if exc.code not in UNREADABLE_ERRORS:
            raise rule(exc) from None
        rep = VerifyReport(str(d), code=text, problems=[f"the disc cannot be read: {exc.message}"])
        return _record(s, int(spot_check_id), text, checker, rep, "unreadable")
    return _record(s, int(spot_check_id), text, checker, rep, _result(rep))


@rerun_if_changed
def _record(
    s: Session, spot_check_id: int, code: str, cred: Credential, rep: VerifyReport, outcome: str
) -> SpotCheckResult:
    """Record a read-back once it is done: the rules checked again on the state the record
    is written on (another counter may have checked the same disc meanwhile)."""
    signer, item = _prepare_check(s, spot_check_id, code, cred)
    medium_id = int(item["medium_id"])
    m = media_repo.to_medium(media_repo.row(s.conn, medium_id))
    case = cases_repo.get(s.conn, m.case_id)
    head = head_of_case_dept(s, case) if outcome != "match" else None
    nxt = finding_status(m.copy_role, m.status, FindingKind.FIXITY_FAILED.value, code=m.code)
    with s.change("spot_check", spot_check=spot_check_id, code=code, result=outcome) as ch:
        vid = _record_verification(ch, rep, "on_demand", medium_id, None, s.person.id, outcome)
        iid = None
        if head is not None:
            problems = "; ".join(rep.problems[:3]) or rep.summary() or outcome
            iid, _fid = findings.write_finding(
                ch,
                medium_id,
                FindingKind.FIXITY_FAILED,
                nxt,
                description=f"抽查 #{spot_check_id} 回读核对未通过（{outcome}，读错误 "
                f"{rep.read_errors}）：{problems}",
                by_id=s.person.id,
                head_id=head.id,
                verification_id=vid,
                note=f"spot check #{spot_check_id}",
            )
            ch.details.update(incident=iid, reported_to=head.badge, status=nxt.value)
        rid = ch.touch(
            "spot_check_results",
            repo.insert_result(
                ch.conn,
                item_id=int(item["id"]),
                outcome=outcome,
                verification_id=vid,
                incident_id=iid,
                at=ch.at,
                by_id=s.person.id,
            ),
        )
        ch.sign("spot_check_results", rid, (signer, Capacity.CHECKER))
    # the disc's own label names the case: not handed back to a checker who may not see it
    return SpotCheckResult(spot_check_id, code, outcome, replace(rep, label=None), vid, iid)


# ------------------------------------------------------------------ closing
@rerun_if_changed
def close(s: Session, spot_check_id: int, checker: Credential, reason: str = "") -> str:
    """The checker signed in closes the spot check with its outcome (``all_match``,
    ``findings``, ``incomplete``), signed; discs left unchecked need ``reason``."""
    s.require(Action.SPOT_CHECK)
    sc = _spot_check(s, spot_check_id)
    signer = _checker(s, sc, checker)
    sid = int(sc["id"])
    if repo.closing(s.conn, sid) is not None:
        raise RuleViolation("spot_check_closed", f"spot check #{sid} is already closed")
    items = repo.items(s.conn, sid)
    outcomes = {str(i["code"]): i["outcome"] for i in items}
    why = ""
    if (reason or "").strip():
        why = rules.require_text(reason, "why discs were left unchecked", law.ARTICLE, 500)
    outcome = law.closing_outcome(sid, outcomes, why)
    with s.change("close_spot_check", spot_check=sid, outcome=outcome) as ch:
        cid = ch.touch(
            "spot_check_closings",
            repo.insert_closing(
                ch.conn,
                spot_check_id=sid,
                outcome=outcome,
                checked=sum(1 for o in outcomes.values() if o is not None),
                failed=sum(1 for o in outcomes.values() if o not in (None, "match")),
                unchecked=sum(1 for o in outcomes.values() if o is None),
                reason=why,
                at=ch.at,
                by_id=s.person.id,
            ),
        )
        ch.sign("spot_check_closings", cid, (signer, Capacity.CHECKER))
    return outcome


# ------------------------------------------------------------------ reading
def current(s: Session) -> int | None:
    """The id of the spot check still open, or None: what the dialog shows."""
    s.require(Action.VIEW_REGISTER)
    ids = repo.open_ids(s.conn)
    return ids[0] if ids else None


def show(s: Session, spot_check_id: int) -> dict[str, Any]:
    """A spot check: the draw (head, population, sample), each disc with its outcome and
    who signed it, and the closing — disc codes, copies and locations only, no case data
    (see the module docstring). A logged reading."""
    s.require(Action.VIEW_REGISTER)
    sc = _spot_check(s, spot_check_id)
    sid = int(sc["id"])
    items = repo.items(s.conn, sid)
    closing = repo.closing(s.conn, sid)
    out_items = []
    for i in items:
        details = json.loads(i["details"]) if i["details"] else {}
        out_items.append(
            {
                "position": int(i["position"]),
                "code": str(i["code"]),
                "copy_role": str(i["copy_role"]),
                "status": str(i["status"]),
                "location": str(i["location"] or ""),
                "outcome": i["outcome"],
                "checked_at": show_time(i["checked_at"]) if i["checked_at"] else "",
                "checker": f"{i['checker_badge']} {i['checker_name']}"
                if i["checker_badge"]
                else "",
                "files_checked": i["files_checked"],
                "read_errors": i["read_errors"],
                "problems": list(details.get("problems", []))[:3]
                + [f"changed: {p}" for p in details.get("changed", [])[:3]],
                "incident": i["incident_id"],
                "signatures": [
                    f"{g['badge']} {g['name']} ({g['capacity']}) {show_time(g['signed_at'])}"
                    for g in entries.signatures(s.conn, "spot_check_results", i["result_id"])
                ]
                if i["result_id"]
                else [],
            }
        )
    data: dict[str, Any] = {
        "id": sid,
        "at": show_time(sc["at"]),
        "drawn_by": f"{sc['drawn_badge']} {sc['drawn_name']}",
        "head_seq": int(sc["head_seq"]),
        "head_hash": str(sc["head_hash"]),
        "population": int(sc["population_size"]),
        "population_sha256": str(sc["population_sha256"]),
        "size_rule": str(sc["size_rule"]),
        "sample_size": int(sc["sample_size"]),
        "items": out_items,
        "closing": None,
        "status": "open",
    }
    if closing is not None:
        data["status"] = "closed"
        data["closing"] = {
            "outcome": str(closing["outcome"]),
            "checked": int(closing["checked"]),
            "failed": int(closing["failed"]),
            "unchecked": int(closing["unchecked"]),
            "reason": str(closing["reason"]),
            "at": show_time(closing["at"]),
            "by": f"{closing['by_badge']} {closing['by_name']}",
            "signatures": [
                f"{g['badge']} {g['name']} ({g['capacity']}) {show_time(g['signed_at'])}"
                for g in entries.signatures(s.conn, "spot_check_closings", int(closing["id"]))
            ],
        }
    reads.record(s, "spot_check", {int(i["case_id"]) for i in items}, spot_check=sid)
    return data
