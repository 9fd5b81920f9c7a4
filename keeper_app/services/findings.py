"""What an inventory finds (issue 14, "claims, not checks"): a disc the register puts on the
shelf that the keeper did not find is recorded missing — its status becomes lost and the head
of the case's department is told (Art. 20: loss is recorded truthfully and reported), in one
change with its signed event. (A failing fixity read-back does the same through
``burning.verify_medium(purpose="fixity")``.)"""

from __future__ import annotations

from ..domain import rules
from ..domain.lateness import FindingKind
from ..domain.lifecycle import Action, finding_status
from ..domain.model import Medium, MediumStatus, Person
from ..store import entries
from ..store import media as media_repo
from .custody import head_of_case_dept, medium_and_case
from .session import Change, Session, rerun_if_changed


@rerun_if_changed
def report_missing(s: Session, code: str, note: str) -> int:
    """An inventory did not find ``code`` where the register puts it: it is lost, and the
    head of the case's department is told. ``note``: where it was looked for, by whom."""
    me = s.require(Action.REPORT_MISSING)
    m, case = medium_and_case(s, code)
    rules.check_keeper_for_case(me, case)
    finding_status(m.copy_role, m.status, FindingKind.MISSING.value, code=m.code)
    what = rules.require_text(note, "where the disc was looked for", "Art. 20", 500)
    head = head_of_case_dept(s, case)
    with s.change("report_missing", code=m.code) as ch:
        iid, fid = record_missing(ch, me, m, head, what)
        ch.details.update(incident=iid, reported_to=head.badge)
    return fid


def record_missing(ch: Change, me: Person, m: Medium, head: Person, what: str) -> tuple[int, int]:
    """In ``ch``: ``m`` was not found where the register puts it — the incident to the
    head, the finding, the status lost (shared by :func:`report_missing` and the closing of
    an inventory session). Returns (incident id, finding id)."""
    nxt = finding_status(m.copy_role, m.status, FindingKind.MISSING.value, code=m.code)
    return write_finding(
        ch,
        m.id,
        FindingKind.MISSING,
        nxt,
        description=f"清点时未在 {m.location or '登记位置'} 找到：{what}",
        by_id=me.id,
        head_id=head.id,
        note=what,
    )


def write_finding(
    ch: Change,
    medium_id: int,
    kind: FindingKind,
    status: MediumStatus,
    *,
    description: str,
    by_id: int,
    head_id: int,
    verification_id: int | None = None,
    note: str = "",
) -> tuple[int, int]:
    """A finding on a disc on the shelf, in the change ``ch`` that records it: the incident
    reported to the head of the case's department, the finding, the disc's new ``status``
    (:func:`lifecycle.finding_status`). Returns (incident id, finding id). Used by
    :func:`report_missing`, the failing fixity read-back and a failing spot check."""
    iid = ch.touch(
        "incidents",
        entries.insert(
            ch.conn,
            "incidents",
            kind=kind.value,
            medium_id=medium_id,
            return_id=None,
            handover_id=None,
            description=description,
            at=ch.at,
            reported_by=by_id,
            reported_to=head_id,
        ),
    )
    fid = ch.touch(
        "medium_findings",
        entries.insert(
            ch.conn,
            "medium_findings",
            medium_id=medium_id,
            kind=kind.value,
            verification_id=verification_id,
            at=ch.at,
            by_id=by_id,
            note=note,
            incident_id=iid,
        ),
    )
    media_repo.set_status(ch.conn, medium_id, status)
    ch.touch("media", medium_id)
    return iid, fid
