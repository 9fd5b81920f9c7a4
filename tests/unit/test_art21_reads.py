"""Art. 21 (issue 14): reading is logged — what a read event names, whose reads a head's
report holds, who may sign a read, and that a read or a sign-in writes no row."""

from __future__ import annotations

import pytest

from keeper_app.domain import access, signing
from keeper_app.domain.model import Role


def test_a_read_names_what_and_the_cases_once_each_and_leaves_empty_references_out() -> None:
    d = access.read_record("media", [3, 1, 3], status="sealed", case_no=None, offset=None)
    assert d == {"what": "media", "cases": [1, 3], "status": "sealed"}
    assert access.read_record("scan", [7], code="X") == {"what": "scan", "cases": [7], "code": "X"}


def test_a_read_of_something_keeper_does_not_know_is_refused() -> None:
    with pytest.raises(ValueError, match="not a kind of reading"):
        access.read_record("whole_database")


def test_a_head_sees_the_reads_that_showed_one_of_their_cases() -> None:
    d = access.read_record("media", [1, 2])
    assert access.read_concerns(d, {2, 9})
    assert not access.read_concerns(d, {5})
    assert not access.read_concerns(access.read_record("cases"), {1})
    assert access.read_concerns(d, None)


def test_a_read_needs_a_role_that_sees_cases_and_a_sign_in_anyone() -> None:
    for role in (Role.KEEPER, Role.CASE_HANDLER, Role.DEPT_HEAD, Role.REVIEWER):
        assert signing.event_problem("read", frozenset({role})) is None
    for role in (Role.ADMIN, Role.OUTSIDE_RETRIEVER):
        assert signing.event_problem("read", frozenset({role})) is not None
        assert signing.event_problem("sign_in", frozenset({role})) is None


def test_a_read_or_a_sign_in_writes_no_row() -> None:
    assert signing.rows_problem("read", []) is None
    assert signing.rows_problem("sign_in", ()) is None
    assert "writes no row, but wrote media" in str(signing.rows_problem("read", ["media"]))
    assert signing.rows_problem("sign_in", ["people"]) is not None
    assert signing.rows_problem("handover", ["media", "handovers"]) is None
