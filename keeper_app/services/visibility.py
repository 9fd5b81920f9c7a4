"""The one visibility helper (Art. 21) every service that shows a disc, a case or its
recordings uses: :func:`check_case` for one record, :func:`case_filter` and
:func:`visible_case_ids` for lists. The rule itself is ``domain.access``."""

from __future__ import annotations

from typing import Any

from ..domain import access
from ..domain.model import Case
from ..store import cases as cases_repo
from .session import Session


def check_case(s: Session, case: Case, what: str = "see its media") -> None:
    """Refuse unless the signed-in person may see ``case`` (call after ``s.require``, which
    re-reads the person)."""
    access.check_may_see_case(s.person, case, what)


def check_case_id(s: Session, case_id: int, what: str = "see its media") -> Case:
    case = cases_repo.get(s.conn, case_id)
    check_case(s, case, what)
    return case


def case_filter(s: Session) -> dict[str, Any]:
    """Keyword arguments for the store's listings: {} for those who see every case, else the
    cases the person handles and, for a head, those of their department."""
    me = s.person
    if access.sees_all_cases(me):
        return {}
    return {"handler_id": me.id, "department_id": access.head_department(me)}


def visible_case_ids(s: Session) -> set[int] | None:
    """The ids of the cases the person may see; None: every case."""
    f = case_filter(s)
    if not f:
        return None
    return {int(c["id"]) for c in cases_repo.listing(s.conn, **f)}


def visible_case_nos(s: Session) -> set[str] | None:
    """The numbers of the cases the person may see; None: every case."""
    f = case_filter(s)
    if not f:
        return None
    return {str(c["case_no"]) for c in cases_repo.listing(s.conn, **f)}


def only_visible(
    s: Session, rows: list[dict[str, Any]], key: str = "case_id"
) -> list[dict[str, Any]]:
    """The rows (each with the case id under ``key``) the person may see."""
    ids = visible_case_ids(s)
    return rows if ids is None else [r for r in rows if int(r[key]) in ids]
