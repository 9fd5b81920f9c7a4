"""Art. 21 as a plain rule (domain.access): who sees which case's media."""

from __future__ import annotations

import pytest

from keeper_app.domain import access
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import Case, CaseStatus, Person, Role

CRIM, DRUG = 1, 2
CASE = Case(100, "A2026-001", "王某某故意伤害案", CRIM, CaseStatus.OPEN, frozenset({3}))


def person(pid: int, *roles: Role, dept: int | None = CRIM) -> Person:
    return Person(pid, f"P{pid}", f"人{pid}", frozenset(roles), 1, dept)


@pytest.mark.parametrize(
    ("who", "sees"),
    [
        (person(1, Role.KEEPER, dept=None), True),
        (person(2, Role.REVIEWER, dept=None), True),
        (person(9, Role.ADMIN, dept=None), False),  # issue 10: an admin sees no case
        (person(3, Role.CASE_HANDLER), True),  # handles the case
        (person(4, Role.CASE_HANDLER), False),  # same department, another case
        (person(5, Role.DEPT_HEAD), True),  # heads the case's department
        (person(6, Role.DEPT_HEAD, dept=DRUG), False),  # heads another department
        (person(7, Role.DEPT_HEAD, dept=None), False),  # a head without a department
        (person(3, Role.CASE_HANDLER, Role.DEPT_HEAD, dept=DRUG), True),  # the union
        (person(8, Role.OUTSIDE_RETRIEVER, dept=None), False),
    ],
)
def test_who_sees_a_case(who: Person, sees: bool) -> None:
    assert access.may_see_case(who, CASE) is sees
    if sees:
        access.check_may_see_case(who, CASE)
    else:
        with pytest.raises(RuleViolation) as ei:
            access.check_may_see_case(who, CASE, "see its discs")
        assert ei.value.code == (
            "not_your_department" if who.has(Role.DEPT_HEAD) else "not_your_case"
        )
        assert "A2026-001" in ei.value.message and "see its discs" in ei.value.message
        assert ei.value.article == "Art. 21"
