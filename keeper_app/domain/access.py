"""Who may see which case's media (Art. 21): access "strictly limited ... taking into account
departmental responsibilities, job nature and work authority".

- keepers hold every disc (the shelf), reviewers (the legal department) review every case,
  administrators keep the system: they see every case;
- a department head sees the cases of the department they belong to (the one they head);
- a case handler sees the cases they handle.

A person with several roles sees the union. Every service that shows a disc, a case or its
recordings asks here (through ``services.visibility``), so that no path shows more.
"""

from __future__ import annotations

from .errors import RuleViolation
from .model import Case, Person, Role

#: roles that see the media of every case
SEES_ALL_CASES = frozenset({Role.KEEPER, Role.REVIEWER, Role.ADMIN})


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
