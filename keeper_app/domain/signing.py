"""Who must sign what (issue 10, points 3 and 4), as plain rules that verify replays.

- Every audit event is signed by its actor, who must have held, at that moment, a role that
  allows the event's action (:data:`EVENT_ACTIONS`, Art. 21).
- Every register entry carries exactly the signatures its kind requires, in the right
  capacities (:func:`required_capacities`): Art. 17 (handover: handler and keeper), Art. 19
  (retrieval and return: the person and the keeper), Art. 18 (unsealing: keeper and witness;
  resealing: two people), approvals (of unsealing and of retrievals) and acknowledgements:
  the department head.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from .lifecycle import Action, allowed
from .model import Capacity, Role

C = Capacity

#: Each audit action a signed event may carry, and the Action whose roles it needs (None:
#: anyone signed in may do it for themselves — their own password, a failed burn attempt
#: recorded with the burn that needed its role already checked).
EVENT_ACTIONS: dict[str, Action | None] = {
    "bootstrap": None,  # the first administrator, on an empty register (checked apart)
    "add_department": Action.MANAGE_PEOPLE,
    "add_person": Action.MANAGE_PEOPLE,
    "set_head": Action.MANAGE_PEOPLE,
    "set_roles": Action.MANAGE_PEOPLE,
    "set_active": Action.MANAGE_PEOPLE,
    "sign_in_cleared": Action.MANAGE_PEOPLE,  # signed: an administrator's unlocking (schema 5)
    "sign_in_unlocked": Action.MANAGE_PEOPLE,  # with a department head's countersignature
    "change_password": None,
    "clock_jump": None,  # the computer's clock jumped, noticed by whoever was signed in
    "issue_enrolment": Action.MANAGE_PEOPLE,  # a new enrolment code for a person
    "enrol": None,  # a person's first sign-in with their code (checked apart in verify)
    "create_case": Action.CREATE_CASE,
    "register_recording": Action.REGISTER_RECORDING,
    "reserve_pair_code": Action.REGISTER_PAIR,
    "register_pair": Action.REGISTER_PAIR,
    "burn_failed": Action.REGISTER_PAIR,
    "verify_medium": Action.VERIFY_MEDIUM,
    "check_recording": Action.VERIFY_MEDIUM,
    "handover": Action.HANDOVER,
    "retrieve": Action.RETRIEVE,
    "request_retrieval": Action.REQUEST_RETRIEVAL,
    "decide_retrieval": Action.DECIDE_APPROVAL,  # the head decides, signing (Art. 20)
    "return": Action.RETURN,
    "request_unseal": Action.REQUEST_UNSEAL,
    "decide_approval": Action.DECIDE_APPROVAL,
    "unseal": Action.UNSEAL,
    "reseal": Action.RESEAL,
    # Art. 18: a duplicate reproduced from the unsealed original (schema 13)
    "reserve_reproduction_code": Action.REPRODUCE_DUPLICATE,
    "reproduction_failed": Action.REPRODUCE_DUPLICATE,
    "reproduce_duplicate": Action.REPRODUCE_DUPLICATE,
    "ack_incident": Action.ACK_INCIDENT,
    "register_court_request": Action.REGISTER_COURT_REQUEST,
    "court_transfer": Action.COURT_TRANSFER,
    "court_item_reason": Action.COURT_TRANSFER,  # an item closed with a reason (schema 11)
    "court_late": Action.VIEW_DUE,  # open requests past 3 days marked late, found by a sweep
    "ack_court_late": Action.ACK_INCIDENT,  # the head acknowledges a late request (schema 11)
    "conclude_case": Action.CONCLUDE_CASE,
    "archive_handover": Action.ARCHIVE_HANDOVER,
    "set_location": Action.SET_LOCATION,
    "correct": Action.CORRECT,
    "supplement_incident": Action.CORRECT,  # a signed supplement to an incident (Art. 20)
    "submit_for_review": Action.SUBMIT_FOR_REVIEW,
    "register_storage_device": Action.KEEP_STORAGE_DEVICE,
    "move_storage_device": Action.KEEP_STORAGE_DEVICE,
    "export_recording": Action.EXPORT_RECORDING,
    "checkpoint": Action.CHECKPOINT,
    # Art. 21 (issue 14): reading is logged. A read of case data needs a role that sees
    # cases (the administrator sees none); a sign-in is anyone's own.
    "read": Action.VIEW_MEDIA,
    "sign_in": None,
    # issue 14: a lateness marked and reported by the person running the sweep (a keeper or
    # a head); a disc found missing at an inventory; a failing read-back of a disc on the shelf
    "mark_late": Action.SWEEP_LATE,
    "report_missing": Action.REPORT_MISSING,
    "fixity_failed": Action.VERIFY_MEDIUM,
    # issue 15: seized storage media (supervision draft Art. 123-134, 261)
    "seized_intake": Action.SEIZED_INTAKE,
    "seized_seal": Action.SEIZED_SEAL,
    "seized_request": Action.SEIZED_REQUEST,
    "seized_decide": Action.DECIDE_APPROVAL,
    "seized_receive": Action.SEIZED_KEEP,
    "seized_unseal": Action.SEIZED_KEEP,
    "seized_reseal": Action.SEIZED_KEEP,
    "seized_transfer_out": Action.SEIZED_KEEP,
    "seized_transfer_in": Action.SEIZED_KEEP,
    "seized_release": Action.SEIZED_KEEP,
    "seized_late": Action.SWEEP_LATE,
    "seized_ack": Action.ACK_INCIDENT,
    "seized_inspect": Action.SEIZED_INSPECT,
}

#: Signed events that record a reading and change nothing: they write no row at all.
ROWLESS_ACTIONS = frozenset({"read", "sign_in"})


def rows_problem(action: str, tables: Iterable[str]) -> str | None:
    """Art. 21: why an event ``action`` could not have written rows of ``tables`` (a read
    or a sign-in writes none), or None."""
    written = sorted(set(tables))
    if action in ROWLESS_ACTIONS and written:
        return f"'{action}' records a reading and writes no row, but wrote " + ", ".join(written)
    return None


def event_problem(action: str, roles: frozenset[Role]) -> str | None:
    """Why an actor holding ``roles`` could not have made a signed event ``action``, or None."""
    if action not in EVENT_ACTIONS:
        return f"'{action}' is not an action Keeper records"
    need = EVENT_ACTIONS[action]
    if need is not None and not allowed(roles, need):
        have = ", ".join(sorted(r.value for r in roles)) or "no role"
        return f"'{action}' needs a role allowed to {need.value}, and the actor had {have}"
    return None


#: The capacities each kind of entry is signed in, exactly (entries not listed carry none).
_REQUIRED: dict[str, tuple[Capacity, ...]] = {
    "handovers": (C.CASE_HANDLER, C.KEEPER),
    "retrievals": (C.KEEPER, C.RETRIEVER),
    "returns": (C.KEEPER, C.RETURNER),
    "approval_decisions": (C.APPROVER,),
    "retrieval_decisions": (C.APPROVER,),
    "incident_acks": (C.DEPT_HEAD,),
    "court_late_acks": (C.DEPT_HEAD,),
    "court_transfers": (C.KEEPER, C.RECIPIENT),
    "archive_handovers": (C.KEEPER, C.RECIPIENT),
    "corrections": (C.CORRECTOR,),
    "checkpoints": (C.KEEPER, C.DEPT_HEAD),
    # schema 13 (Art. 18): the use of the unsealed original (its user and the keeper), the
    # reseal's inspection and the reproduction of the duplicate (keeper and witness)
    "original_uses": (C.KEEPER, C.RETRIEVER),
    "reseal_inspections": (C.KEEPER, C.WITNESS),
    "reproductions": (C.KEEPER, C.WITNESS),
    # issue 15 (supervision Art. 130, 131, 134, 133, 261): seized media
    "seized_receipts": (C.INVESTIGATOR, C.KEEPER),
    "seized_transfers": (C.INVESTIGATOR, C.KEEPER),
    "seized_releases": (C.INVESTIGATOR, C.KEEPER),
    "seized_decisions": (C.APPROVER,),
    "seized_incident_acks": (C.DEPT_HEAD,),
    "seized_inspections": (C.DEPT_HEAD,),
}

#: Entries signed by as many investigators as their ``signers`` column says (two or more,
#: supervision Art. 126, 128, 129); a seized item's 'seal' is signed by its sealing.
_BY_INVESTIGATORS = frozenset({"seized_sealings", "seized_seal_events"})
_SEAL: dict[str, tuple[Capacity, ...]] = {
    "seal": (),  # sealed at the handover, whose entry the handler and keeper sign
    "unseal": (C.KEEPER, C.WITNESS),
    "reseal": (C.SEALER, C.SEALER),
}

#: Entry tables whose rows are checked for their signatures.
SIGNED_TABLES = (
    frozenset(_REQUIRED) | _BY_INVESTIGATORS | {"seal_events", "role_grants", "sign_in_events"}
)


def required_capacities(
    table: str, row: Mapping[str, Any], added_roles: frozenset[Role] = frozenset()
) -> tuple[str, ...]:
    """The capacities (sorted, repeated where two people sign alike) an entry must carry.
    ``added_roles``: for a role grant, the roles it gives that the person did not have."""
    caps: tuple[Capacity, ...]
    if table == "seal_events":
        caps = _SEAL.get(str(row.get("kind")), ())
    elif table == "role_grants":
        # Art. 21 and issue 10: a custody role is granted by the administrator and
        # countersigned by a department head (the first run's grants have no granter)
        custody = any(r != Role.ADMIN for r in added_roles)
        caps = (C.COUNTERSIGN,) if row.get("granted_by") is not None and custody else ()
    elif table == "sign_in_events":
        # an administrator lifts a lock only with a department head's countersignature
        admin_clear = row.get("kind") == "cleared" and row.get("by_id") is not None
        caps = (C.COUNTERSIGN,) if admin_clear else ()
    elif table in _BY_INVESTIGATORS:
        caps = (C.INVESTIGATOR,) * int(row.get("signers") or 0)
    else:
        caps = _REQUIRED.get(table, ())
    return tuple(sorted(c.value for c in caps))


#: Art. 129 (supervision): the witness of an unsealing and the two sealers of a reseal are
#: staff of the organ, never an outside retriever
_STAFF = frozenset({Role.KEEPER, Role.CASE_HANDLER, Role.DEPT_HEAD, Role.REVIEWER})

#: Which role a signer needs for each capacity (None: anyone registered, e.g. a retriever
#: from a court).
CAPACITY_ROLES: dict[Capacity, frozenset[Role] | None] = {
    C.CASE_HANDLER: frozenset({Role.CASE_HANDLER}),
    C.KEEPER: frozenset({Role.KEEPER}),
    C.APPROVER: frozenset({Role.DEPT_HEAD}),
    C.DEPT_HEAD: frozenset({Role.DEPT_HEAD}),
    C.RETRIEVER: None,
    C.RETURNER: None,
    C.SEALER: _STAFF,
    C.WITNESS: _STAFF,
    C.RECIPIENT: None,
    C.CORRECTOR: None,
    C.COUNTERSIGN: frozenset({Role.DEPT_HEAD}),
    C.INVESTIGATOR: frozenset({Role.CASE_HANDLER}),
}


def capacity_problem(capacity: str, roles: frozenset[Role]) -> str | None:
    try:
        need = CAPACITY_ROLES[Capacity(capacity)]
    except (ValueError, KeyError):
        return f"'{capacity}' is not a capacity an entry is signed in"
    if need is not None and not (need & roles):
        return f"signing as {capacity} needs the role " + " or ".join(sorted(r.value for r in need))
    return None
