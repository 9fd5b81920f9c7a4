"""Who must sign what (issue 10, points 3 and 4), as plain rules that verify replays.

- Every audit event is signed by its actor, who must have held, at that moment, a role that
  allows the event's action (:data:`EVENT_ACTIONS`, Art. 21).
- Every register entry carries exactly the signatures its kind requires, in the right
  capacities (:func:`required_capacities`): Art. 17 (handover: handler and keeper), Art. 19
  (retrieval and return: the person and the keeper), Art. 18 (unsealing: keeper and witness;
  resealing: two people), approvals and acknowledgements: the department head.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    "return": Action.RETURN,
    "request_unseal": Action.REQUEST_UNSEAL,
    "decide_approval": Action.DECIDE_APPROVAL,
    "unseal": Action.UNSEAL,
    "reseal": Action.RESEAL,
    "ack_incident": Action.ACK_INCIDENT,
    "register_court_request": Action.REGISTER_COURT_REQUEST,
    "court_transfer": Action.COURT_TRANSFER,
    "conclude_case": Action.CONCLUDE_CASE,
    "archive_handover": Action.ARCHIVE_HANDOVER,
    "set_location": Action.SET_LOCATION,
    "correct": Action.CORRECT,
    "submit_for_review": Action.SUBMIT_FOR_REVIEW,
    "register_storage_device": Action.KEEP_STORAGE_DEVICE,
    "move_storage_device": Action.KEEP_STORAGE_DEVICE,
    "export_recording": Action.EXPORT_RECORDING,
    "checkpoint": Action.CHECKPOINT,
}


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
    "incident_acks": (C.DEPT_HEAD,),
    "court_transfers": (C.KEEPER, C.RECIPIENT),
    "archive_handovers": (C.KEEPER, C.RECIPIENT),
    "corrections": (C.CORRECTOR,),
    "checkpoints": (C.KEEPER, C.DEPT_HEAD),
}
_SEAL: dict[str, tuple[Capacity, ...]] = {
    "seal": (),  # sealed at the handover, whose entry the handler and keeper sign
    "unseal": (C.KEEPER, C.WITNESS),
    "reseal": (C.SEALER, C.SEALER),
}

#: Entry tables whose rows are checked for their signatures.
SIGNED_TABLES = frozenset(_REQUIRED) | {"seal_events", "role_grants", "sign_in_events"}


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
    else:
        caps = _REQUIRED.get(table, ())
    return tuple(sorted(c.value for c in caps))


#: Which role a signer needs for each capacity (None: anyone registered, e.g. a retriever
#: from a court, the witness of an unsealing).
CAPACITY_ROLES: dict[Capacity, frozenset[Role] | None] = {
    C.CASE_HANDLER: frozenset({Role.CASE_HANDLER}),
    C.KEEPER: frozenset({Role.KEEPER}),
    C.APPROVER: frozenset({Role.DEPT_HEAD}),
    C.DEPT_HEAD: frozenset({Role.DEPT_HEAD}),
    C.RETRIEVER: None,
    C.RETURNER: None,
    C.SEALER: None,
    C.WITNESS: None,
    C.RECIPIENT: None,
    C.CORRECTOR: None,
    C.COUNTERSIGN: frozenset({Role.DEPT_HEAD}),
}


def capacity_problem(capacity: str, roles: frozenset[Role]) -> str | None:
    try:
        need = CAPACITY_ROLES[Capacity(capacity)]
    except (ValueError, KeyError):
        return f"'{capacity}' is not a capacity an entry is signed in"
    if need is not None and not (need & roles):
        return f"signing as {capacity} needs the role " + " or ".join(sorted(r.value for r in need))
    return None
