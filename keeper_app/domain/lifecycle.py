"""A medium's states, the transitions between them, and which role may do what.

The picture (DESIGN.md, "A medium's life")::

    burned --handover--> sealed (original) | in_custody (duplicate)
    duplicate: in_custody --retrieve--> out --return--> in_custody | damaged | replaced | lost
    duplicate: in_custody --court transfer--> transferred
    original:  sealed --unseal--> unsealed --reseal--> sealed
    duplicate: damaged | replaced | lost --reproduce (from the unsealed original)--> retired
    any in custody: --archive handover--> archived

A transition not on this picture is refused by :func:`next_status` with a message
that says why and what is allowed from the current state.
"""

from __future__ import annotations

from enum import StrEnum

from .errors import RuleViolation
from .model import CopyRole, Inspection, MediumStatus, Role

S = MediumStatus


class Action(StrEnum):
    # custody workflows
    REGISTER_PAIR = "register_pair"
    HANDOVER = "handover"
    RETRIEVE = "retrieve"
    REQUEST_RETRIEVAL = "request_retrieval"
    RETURN = "return"
    REQUEST_UNSEAL = "request_unseal"
    DECIDE_APPROVAL = "decide_approval"
    UNSEAL = "unseal"
    RESEAL = "reseal"
    REPRODUCE_DUPLICATE = "reproduce_duplicate"  # Art. 18: a new duplicate from the original
    ACK_INCIDENT = "ack_incident"
    REGISTER_COURT_REQUEST = "register_court_request"
    COURT_TRANSFER = "court_transfer"
    CONCLUDE_CASE = "conclude_case"
    ARCHIVE_HANDOVER = "archive_handover"
    SET_LOCATION = "set_location"
    CORRECT = "correct"
    # late means reported; claims are checks (issue 14)
    SWEEP_LATE = "sweep_late"  # mark what became late and report it to the head
    REPORT_MISSING = "report_missing"  # an inventory did not find a disc on the shelf
    SUBMIT_FOR_REVIEW = "submit_for_review"  # a case goes to review with its recordings
    KEEP_STORAGE_DEVICE = "keep_storage_device"  # register and move a storage device
    EXPORT_RECORDING = "export_recording"  # copy a stored recording's files out
    # seized storage media (issue 15; supervision draft Art. 123-134, 261)
    SEIZED_INTAKE = "seized_intake"  # the seizure's inventory entered (Art. 128(4))
    SEIZED_SEAL = "seized_seal"  # sealed on site and registered by investigators (Art. 126-130)
    SEIZED_REQUEST = "seized_request"  # unseal, transfer, extension, unrelated finding
    SEIZED_KEEP = "seized_keep"  # receive, unseal, reseal, transfer out/in, release at the counter
    SEIZED_INSPECT = "seized_inspect"  # a head's periodic inspection of the register (Art. 261)
    # cases and recordings
    CREATE_CASE = "create_case"
    REGISTER_RECORDING = "register_recording"
    # reading discs and recordings back (burning, returns, fixity, durations)
    VERIFY_MEDIUM = "verify_medium"
    # reading
    VIEW_MEDIA = "view_media"
    VIEW_REGISTER = "view_register"
    VIEW_DUE = "view_due"
    VIEW_INBOX = "view_inbox"
    INVENTORY = "inventory"  # a keeper's stocktaking of the shelves (read-only)
    VIEW_READS = "view_reads"  # who read what of a department's cases (Art. 21, issue 14)
    # administration
    MANAGE_PEOPLE = "manage_people"
    VERIFY_AUDIT = "verify_audit"
    BACKUP = "backup"
    CHECKPOINT = "checkpoint"  # the daily checkpoint of the audit chain's head (issue 10)


R = Role

#: Art. 21: access strictly limited by duty. Who may *perform* each action as the
#: signed-in person. (Who may *sign* an entry is a separate rule in rules.py.) The
#: administrator sees no case data (issue 10: separation of duties, domain.access).
PERMISSIONS: dict[Action, frozenset[Role]] = {
    Action.REGISTER_PAIR: frozenset({R.CASE_HANDLER}),
    Action.HANDOVER: frozenset({R.KEEPER}),
    Action.RETRIEVE: frozenset({R.KEEPER}),
    # Art. 20: the retriever asks (a handler, reviewer or head), or a keeper on his behalf
    Action.REQUEST_RETRIEVAL: frozenset({R.KEEPER, R.CASE_HANDLER, R.REVIEWER, R.DEPT_HEAD}),
    Action.RETURN: frozenset({R.KEEPER}),
    Action.REQUEST_UNSEAL: frozenset({R.KEEPER, R.CASE_HANDLER}),
    Action.DECIDE_APPROVAL: frozenset({R.DEPT_HEAD}),
    Action.UNSEAL: frozenset({R.KEEPER}),
    Action.RESEAL: frozenset({R.KEEPER}),
    Action.REPRODUCE_DUPLICATE: frozenset({R.KEEPER}),
    Action.ACK_INCIDENT: frozenset({R.DEPT_HEAD}),
    Action.REGISTER_COURT_REQUEST: frozenset({R.KEEPER, R.CASE_HANDLER, R.DEPT_HEAD}),
    Action.COURT_TRANSFER: frozenset({R.KEEPER}),
    Action.CONCLUDE_CASE: frozenset({R.CASE_HANDLER, R.DEPT_HEAD}),
    Action.ARCHIVE_HANDOVER: frozenset({R.KEEPER}),
    Action.SET_LOCATION: frozenset({R.KEEPER}),
    Action.CORRECT: frozenset({R.KEEPER, R.CASE_HANDLER, R.DEPT_HEAD}),
    Action.SWEEP_LATE: frozenset({R.KEEPER, R.DEPT_HEAD}),
    Action.REPORT_MISSING: frozenset({R.KEEPER}),
    Action.SUBMIT_FOR_REVIEW: frozenset({R.CASE_HANDLER, R.DEPT_HEAD}),
    Action.KEEP_STORAGE_DEVICE: frozenset({R.KEEPER}),
    Action.EXPORT_RECORDING: frozenset({R.KEEPER, R.CASE_HANDLER, R.DEPT_HEAD, R.REVIEWER}),
    Action.SEIZED_INTAKE: frozenset({R.CASE_HANDLER}),
    Action.SEIZED_SEAL: frozenset({R.CASE_HANDLER}),
    Action.SEIZED_REQUEST: frozenset({R.CASE_HANDLER}),
    Action.SEIZED_KEEP: frozenset({R.KEEPER}),
    Action.SEIZED_INSPECT: frozenset({R.DEPT_HEAD}),
    Action.CREATE_CASE: frozenset({R.CASE_HANDLER, R.DEPT_HEAD}),
    Action.REGISTER_RECORDING: frozenset({R.CASE_HANDLER}),
    Action.VERIFY_MEDIUM: frozenset({R.KEEPER, R.CASE_HANDLER, R.REVIEWER, R.DEPT_HEAD}),
    Action.VIEW_MEDIA: frozenset({R.KEEPER, R.CASE_HANDLER, R.DEPT_HEAD, R.REVIEWER}),
    Action.VIEW_REGISTER: frozenset({R.KEEPER, R.DEPT_HEAD, R.REVIEWER}),
    Action.VIEW_DUE: frozenset({R.KEEPER, R.DEPT_HEAD, R.REVIEWER}),
    Action.VIEW_INBOX: frozenset({R.DEPT_HEAD}),
    Action.INVENTORY: frozenset({R.KEEPER, R.DEPT_HEAD, R.REVIEWER}),
    Action.VIEW_READS: frozenset({R.DEPT_HEAD}),
    Action.MANAGE_PEOPLE: frozenset({R.ADMIN}),
    Action.VERIFY_AUDIT: frozenset({R.KEEPER, R.DEPT_HEAD, R.REVIEWER, R.ADMIN}),
    Action.BACKUP: frozenset({R.KEEPER, R.ADMIN}),
    Action.CHECKPOINT: frozenset({R.KEEPER}),
}


def allowed(roles: frozenset[Role] | set[Role], action: Action) -> bool:
    return bool(PERMISSIONS[action] & set(roles))


def require_role(roles: frozenset[Role] | set[Role], action: Action, who: str) -> None:
    """Art. 21: refuse an action the person's roles do not allow, saying which roles may."""
    if not allowed(roles, action):
        may = ", ".join(sorted(r.value for r in PERMISSIONS[action]))
        have = ", ".join(sorted(r.value for r in roles)) or "none"
        raise RuleViolation(
            "role_refused",
            f"{who} (roles: {have}) may not {action.value.replace('_', ' ')}; only {may} may",
            "Art. 21",
        )


# (copy role, current status, action) -> next status
_TRANSITIONS: dict[tuple[CopyRole, MediumStatus, Action], MediumStatus] = {
    (CopyRole.ORIGINAL, S.BURNED, Action.HANDOVER): S.SEALED,
    (CopyRole.DUPLICATE, S.BURNED, Action.HANDOVER): S.IN_CUSTODY,
    (CopyRole.DUPLICATE, S.IN_CUSTODY, Action.RETRIEVE): S.OUT,
    (CopyRole.DUPLICATE, S.IN_CUSTODY, Action.COURT_TRANSFER): S.TRANSFERRED,
    (CopyRole.ORIGINAL, S.SEALED, Action.UNSEAL): S.UNSEALED,
    (CopyRole.ORIGINAL, S.UNSEALED, Action.RESEAL): S.SEALED,
    (CopyRole.ORIGINAL, S.SEALED, Action.ARCHIVE_HANDOVER): S.ARCHIVED,
    (CopyRole.DUPLICATE, S.IN_CUSTODY, Action.ARCHIVE_HANDOVER): S.ARCHIVED,
    (CopyRole.HARD_DRIVE, S.IN_CUSTODY, Action.ARCHIVE_HANDOVER): S.ARCHIVED,
}

#: what a check found on the shelf (issue 14): a failing fixity read-back damages the disc
#: in custody; a disc an inventory did not find is lost (Art. 20: reported to the head).
#: Not actions at the counter: no button offers them (:func:`finding_status`).
_FINDING_TO: dict[tuple[CopyRole, MediumStatus, str], MediumStatus] = {
    (CopyRole.DUPLICATE, S.IN_CUSTODY, "fixity_failed"): S.DAMAGED,
    (CopyRole.HARD_DRIVE, S.IN_CUSTODY, "fixity_failed"): S.DAMAGED,
    (CopyRole.ORIGINAL, S.SEALED, "missing"): S.LOST,
    (CopyRole.ORIGINAL, S.UNSEALED, "missing"): S.LOST,
    (CopyRole.DUPLICATE, S.IN_CUSTODY, "missing"): S.LOST,
    (CopyRole.HARD_DRIVE, S.IN_CUSTODY, "missing"): S.LOST,
}


def finding_status(
    copy_role: CopyRole, status: MediumStatus, finding: str, code: str = ""
) -> MediumStatus:
    """The status after a finding (``fixity_failed``, ``missing``), or :class:`RuleViolation`
    when the disc is not where such a finding is made (on the shelf)."""
    nxt = _FINDING_TO.get((copy_role, status, finding))
    if nxt is None:
        raise RuleViolation(
            "wrong_state",
            f"{code or 'the medium'} is {copy_role.value} in state '{status.value}': a "
            f"'{finding}' finding is made only of a disc on the shelf",
            "Art. 20",
        )
    return nxt


_RETURN_TO: dict[Inspection, MediumStatus] = {
    Inspection.INTACT: S.IN_CUSTODY,
    Inspection.DAMAGED: S.DAMAGED,
    Inspection.REPLACED: S.REPLACED,
    Inspection.LOST: S.LOST,
}


#: Art. 18: a duplicate that can no longer serve, which a reproduction retires.
UNUSABLE = frozenset({S.DAMAGED, S.REPLACED, S.LOST})


def allowed_actions(copy_role: CopyRole, status: MediumStatus) -> list[Action]:
    acts = [a for (c, s, a) in _TRANSITIONS if c == copy_role and s == status]
    if copy_role == CopyRole.DUPLICATE and status == S.OUT:
        acts.append(Action.RETURN)
    if copy_role == CopyRole.ORIGINAL and status == S.SEALED:
        acts.insert(0, Action.REQUEST_UNSEAL)
    if status in (S.SEALED, S.IN_CUSTODY, S.UNSEALED):
        acts.append(Action.SET_LOCATION)
    return acts


def next_status(
    copy_role: CopyRole,
    status: MediumStatus,
    action: Action,
    inspection: Inspection | None = None,
    code: str = "",
) -> MediumStatus:
    """The status after ``action``, or :class:`RuleViolation` saying what is allowed instead."""
    if action == Action.RETURN and copy_role == CopyRole.DUPLICATE and status == S.OUT:
        if inspection is None:
            raise RuleViolation(
                "missing_inspection", "a return needs the inspection result", "Art. 20"
            )
        return _RETURN_TO[inspection]
    if (
        action == Action.REPRODUCE_DUPLICATE
        and copy_role == CopyRole.DUPLICATE
        and status in UNUSABLE
    ):
        # Art. 18: the unusable duplicate is retired by the one reproduced from the unsealed
        # original (the original stays unsealed until it is resealed)
        return S.RETIRED
    nxt = _TRANSITIONS.get((copy_role, status, action))
    if nxt is None:
        if action in (Action.RETRIEVE, Action.COURT_TRANSFER) and copy_role == CopyRole.ORIGINAL:
            raise RuleViolation(
                "original_not_retrievable",
                f"{code or 'this disc'} is the sealed original: only the duplicate may be "
                "retrieved or transferred; the original is opened only to reproduce or "
                "check the duplicate, with the department head's approval",
                "Art. 18-19",
            )
        allowed_now = ", ".join(a.value for a in allowed_actions(copy_role, status)) or "nothing"
        raise RuleViolation(
            "wrong_state",
            f"{code or 'the medium'} is {copy_role.value} in state '{status.value}': "
            f"cannot {action.value.replace('_', ' ')}; allowed now: {allowed_now}",
            "DESIGN: a medium's life",
        )
    return nxt


def available_actions(
    copy_role: CopyRole,
    status: MediumStatus,
    *,
    case_open: bool,
    case_concluded: bool,
    unseal_approved: bool,
    unseal_pending: bool,
    court_request_open: bool,
    burned_after_conclusion: bool = False,
) -> list[Action]:
    """What may be done next with a medium, given its record — the buttons at the counter.

    Narrower than :func:`allowed_actions`: the original is unsealed only under an approved
    request (Art. 18) and a new request only when none is open; the duplicate goes to a
    court only against an open request (Art. 19); media go to the archives only once the
    case is concluded (Art. 16); nothing goes out of a case that is not open or concluded;
    a pair is handed over only while its case is open, or after its conclusion when it was
    transcribed then for a court (Art. 16-17, 19; issue 14 point 4: the counter never
    offers what the service would refuse).
    """
    out = []
    for a in allowed_actions(copy_role, status):
        if a == Action.UNSEAL and not unseal_approved:
            continue
        if a == Action.REQUEST_UNSEAL and (unseal_pending or unseal_approved):
            continue
        if a == Action.COURT_TRANSFER and not court_request_open:
            continue
        if a == Action.ARCHIVE_HANDOVER and not case_concluded:
            continue
        if a == Action.HANDOVER and not (case_open or (case_concluded and burned_after_conclusion)):
            continue  # Art. 16-17: refused once the case is not open, but for a court copy
        if a == Action.RETRIEVE and not (case_open or case_concluded):
            continue
        out.append(a)
    return out
