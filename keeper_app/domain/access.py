"""Who may see which case's media (Art. 21): access "strictly limited ... taking into account
departmental responsibilities, job nature and work authority".

- keepers hold every disc (the shelf) and reviewers (the legal department) review every
  case: they see every case; administrators keep the system and see no case (issue 10:
  separation of duties, below);
- a department head sees the cases of the department they belong to (the one they head);
- a case handler sees the cases they handle.

A person with several roles sees the union. Every service that shows a disc, a case or its
recordings asks here (through ``services.visibility``), so that no path shows more.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from .errors import RuleViolation
from .model import Case, Person, Role

#: roles that see the media of every case
SEES_ALL_CASES = frozenset({Role.KEEPER, Role.REVIEWER})


def sees_all_cases(person: Person) -> bool:
    return bool(person.roles & SEES_ALL_CASES)


def head_department(person: Person) -> int | None:
    """The department whose cases a department head sees (None: not a head, or no
    department)."""
    return person.department_id if person.has(Role.DEPT_HEAD) else None


def may_see_case(person: Person, case: Case) -> bool:
    """Art. 21: see the table in the module docstring."""
    if sees_all_cases(person) or person.id in case.handler_ids:
        return True
    dept = head_department(person)
    return dept is not None and dept == case.department_id


def check_may_see_case(person: Person, case: Case, what: str = "see its media") -> None:
    """Refuse (Art. 21) unless ``person`` may see ``case``; the message says why."""
    if may_see_case(person, case):
        return
    if person.has(Role.DEPT_HEAD):
        raise RuleViolation(
            "not_your_department",
            f"{person.name} heads another department than the one handling case "
            f"{case.case_no} and may not {what}",
            "Art. 21",
        )
    raise RuleViolation(
        "not_your_case",
        f"{person.name} does not handle case {case.case_no} and may not {what}",
        "Art. 21",
    )


def case_duties(person: Person, case: Case, head_id: int | None) -> frozenset[Role]:
    """Art. 16, 21: the duties in which ``person`` acts for ``case`` — keeper (a keeper who
    is not one of its handlers, Art. 16), case handler (one of its handlers), head of the
    department handling it (``head_id``: that department's head). Empty: not of the case."""
    out: set[Role] = set()
    if person.has(Role.CASE_HANDLER) and person.id in case.handler_ids:
        out.add(Role.CASE_HANDLER)
    if person.has(Role.KEEPER) and person.id not in case.handler_ids:
        out.add(Role.KEEPER)
    if person.has(Role.DEPT_HEAD) and (
        person.id == head_id or person.department_id == case.department_id
    ):
        out.add(Role.DEPT_HEAD)
    return frozenset(out)


# Separation of duties (issue 10, point 9): the administrator keeps the system (people,
# settings, backups, the audit) and holds no custody role; nobody changes their own roles;
# a custody role is granted by the administrator and countersigned by a department head.

#: every role that handles custody or sees case data: all but the administrator's
CUSTODY_ROLES = frozenset(Role) - {Role.ADMIN}


def check_duties(roles: frozenset[Role] | set[Role], who: str) -> None:
    """Refuse a set of roles that makes an administrator a custodian too."""
    if Role.ADMIN in roles and roles & CUSTODY_ROLES:
        custody = ", ".join(sorted(r.value for r in roles & CUSTODY_ROLES))
        raise RuleViolation(
            "admin_custody_role",
            f"{who} cannot be an administrator and hold a custody role ({custody}): the "
            "administrator keeps the system and sees no case data",
        )


def check_outside_roles(
    before: frozenset[Role] | set[Role], after: frozenset[Role] | set[Role], who: str
) -> None:
    """Art. 19, 21 and Art. 129 (supervision): an outside retriever (court or procuratorate
    staff) holds no other role, ever — neither beside it nor instead of it — and staff of
    the organ do not become outside retrievers: a court clerk never becomes a keeper, a
    handler, a head or a reviewer, and can never sign as staff of the organ."""
    before, after = frozenset(before), frozenset(after)
    outside = Role.OUTSIDE_RETRIEVER
    if outside in after and after != {outside}:
        others = ", ".join(sorted(r.value for r in after - {outside}))
        raise RuleViolation(
            "outside_retriever_other_role",
            f"{who} cannot be an outside retriever (court or procuratorate staff) and hold "
            f"another role ({others}): an outside retriever holds no other role",
            "Art. 19, 21",
        )
    if before and after and (outside in before) != (outside in after):
        was, now = ("court or procuratorate staff", "staff of the organ")
        if outside in after:
            was, now = now, was
        raise RuleViolation(
            "outside_retriever_other_role",
            f"{who} is registered as {was} and cannot become {now}: an outside retriever "
            "holds no other role; register the person anew with their own badge",
            "Art. 19, 21",
        )


def custody_roles_added(
    before: frozenset[Role] | set[Role], after: frozenset[Role] | set[Role]
) -> frozenset[Role]:
    """The custody roles a change of roles gives (they need a head's countersignature)."""
    return frozenset(after) - frozenset(before) - {Role.ADMIN}


def check_not_own_roles(actor_id: int, person_id: int, actor_name: str) -> None:
    if actor_id == person_id:
        raise RuleViolation(
            "own_roles", f"{actor_name} cannot change their own roles; another administrator can"
        )


def check_countersigner(head: Person, admin: Person, what: str) -> None:
    """A department head, another person than the administrator, countersigns."""
    if head.id == admin.id:
        raise RuleViolation(
            "countersign_self", f"{admin.name} cannot countersign their own request to {what}"
        )
    if not head.has(Role.DEPT_HEAD) or not head.active:
        raise RuleViolation(
            "not_head",
            f"{head.name} ({head.badge}) is not a department head: only a department head "
            f"countersigns an administrator's request to {what}",
        )


# Reading is logged (Art. 21: access strictly limited "and management systems strictly
# implemented"; issue 14): every view, list, print and export of case data, and every
# successful sign-in, is an audit event signed by the reader. It names what was read and
# the cases it showed, never the data itself; it writes no row.

READ_ACTION = "read"
SIGN_IN_ACTION = "sign_in"

#: What a read event may name: the record, list, print or export read.
READ_KINDS = frozenset(
    {
        "scan",  # one disc's record at the counter
        "media",  # the list of discs
        "cases",  # the list of cases
        "register",  # the special retrieval register (Art. 20), on screen
        "due",  # what is due and late
        "inbox",  # a department head's inbox
        "inventory",  # the shelves a stocktaking expects
        "approvals",  # a disc's unseal approvals
        "court_requests",  # a case's court and procuratorate requests
        "identify",  # a disc in a drive matched to the register
        "verifications",  # a disc's read-backs
        "fixity",  # the fixity report
        "recordings",  # a case's recordings, their files, the review list
        "archive_expected",  # what an archive handover expects
        "document",  # a printed or exported document (label, receipt, register pages ...)
        "reads",  # the report of who read what
        "seized",  # one seized item's record or one seizure's inventory (issue 15)
        "seized_list",  # the list of seized items
    }
)


def read_record(what: str, case_ids: Iterable[int] = (), **refs: object) -> dict[str, object]:
    """Art. 21: the details of a read event — what was read (:data:`READ_KINDS`), the ids of
    the cases it showed (sorted, each once) and the references asked for (a disc code, a
    case number, a list's filter), compactly: empty references are left out."""
    if what not in READ_KINDS:
        raise ValueError(f"'{what}' is not a kind of reading Keeper records")
    out: dict[str, object] = {"what": what, "cases": sorted({int(c) for c in case_ids})}
    for k, v in sorted(refs.items()):
        if v is not None and v != "" and v is not False:
            out[k] = v
    return out


def read_concerns(details: Mapping[str, object], case_ids: set[int] | None) -> bool:
    """Art. 21: whether a logged read showed any of ``case_ids`` (None: any case) — what a
    department head's report of who read what holds for their departments' cases."""
    cases = details.get("cases")
    shown = {int(c) for c in cases} if isinstance(cases, list) else set()
    if case_ids is None:
        return True
    return bool(shown & case_ids)
