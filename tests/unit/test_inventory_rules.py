"""Inventory sessions as plain rules (issue 16, part 5; Art. 20: loss recorded truthfully and
reported; Art. 261 of the supervision seed: periodic inspection by those responsible)."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from keeper_app.domain import inventory as inv
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.inventory import Discrepancy, Observation
from keeper_app.domain.model import MediumStatus, Person, Role

S = MediumStatus


def person(pid: int, *roles: Role, active: bool = True) -> Person:
    return Person(pid, f"P{pid:03d}", f"人{pid}", frozenset(roles), unit_id=1, active=active)


def code_of(fn) -> str:
    with pytest.raises(RuleViolation) as ei:
        fn()
    return ei.value.code


def test_art261_a_session_is_run_by_a_keeper() -> None:
    inv.check_runner(person(1, Role.KEEPER))
    for role in (Role.DEPT_HEAD, Role.CASE_HANDLER, Role.REVIEWER, Role.ADMIN):
        assert code_of(lambda r=role: inv.check_runner(person(2, r))) == "not_keeper"


def test_one_open_session_per_location() -> None:
    assert inv.location_prefix("  柜B ") == "柜B" and inv.location_prefix(None) == ""
    assert code_of(lambda: inv.location_prefix("柜\x07")) == "bad_location"
    inv.check_one_open("柜A", [(1, "柜B"), (2, "柜C-01")])
    assert code_of(lambda: inv.check_one_open("柜B-01", [(1, "柜B")])) == "inventory_open"
    assert code_of(lambda: inv.check_one_open("柜B", [(1, "柜B-01")])) == "inventory_open"
    assert code_of(lambda: inv.check_one_open("", [(3, "柜A")])) == "inventory_open"
    assert inv.overlaps("", "柜A") and not inv.overlaps("柜A", "柜B")
    inv.check_open(1, False)
    assert code_of(lambda: inv.check_open(1, True)) == "inventory_closed"


def test_art20_one_observation_per_medium_that_fits_its_status() -> None:
    r = inv.resolve_observation
    assert r("X", S.SEALED, Observation.SEALED, False) == Observation.SEALED
    assert r("X", S.SEALED, Observation.SEAL_BROKEN, False) == Observation.SEAL_BROKEN
    assert r("X", S.IN_CUSTODY, Observation.SHELF, False) == Observation.SHELF
    assert r("X", S.UNSEALED, Observation.MISSING, False) == Observation.MISSING
    assert r("X", S.OUT, Observation.OUT, False) == Observation.OUT
    assert r("X", S.TRANSFERRED, Observation.OUT, False) == Observation.OUT
    # found though the register says it is out, or not expected at all: unexpected
    assert r("X", S.OUT, Observation.SHELF, False) == Observation.UNEXPECTED
    assert r("X", None, Observation.SEALED, False) == Observation.UNEXPECTED
    assert code_of(lambda: r("X", None, Observation.MISSING, False)) == "not_expected"
    assert code_of(lambda: r("X", S.SEALED, Observation.SHELF, False)) == "wrong_observation"
    assert code_of(lambda: r("X", S.IN_CUSTODY, Observation.OUT, False)) == "wrong_observation"
    assert code_of(lambda: r("X", S.OUT, Observation.MISSING, False)) == "wrong_observation"
    assert code_of(lambda: r("X", S.IN_CUSTODY, Observation.SHELF, True)) == "already_observed"
    assert inv.parse_observation(" Shelf ") == Observation.SHELF
    assert code_of(lambda: inv.parse_observation("lost")) == "bad_observation"


def test_art20_closing_is_refused_while_an_expected_medium_has_no_observation() -> None:
    inv.check_closable(1, [])
    with pytest.raises(RuleViolation) as ei:
        inv.check_closable(4, ["A", "B"])
    assert ei.value.code == "inventory_incomplete" and "A, B" in str(ei.value)


def test_s129_the_witness_is_a_second_person_of_the_staff() -> None:
    k = person(1, Role.KEEPER)
    for role in (Role.KEEPER, Role.DEPT_HEAD, Role.REVIEWER, Role.CASE_HANDLER):
        inv.check_witness(k, person(2, role))
    assert code_of(lambda: inv.check_witness(k, k)) == "same_signer"
    court = person(3, Role.OUTSIDE_RETRIEVER)
    assert code_of(lambda: inv.check_witness(k, court)) == "second_signer_not_staff"
    admin = person(4, Role.ADMIN)
    assert code_of(lambda: inv.check_witness(k, admin)) == "second_signer_not_staff"


def test_art20_discrepancies_are_resolved_within_three_days() -> None:
    assert inv.discrepancy_of(Observation.MISSING) == Discrepancy.NOT_LOCATED
    assert inv.discrepancy_of(Observation.UNEXPECTED) == Discrepancy.UNEXPECTED
    assert inv.discrepancy_of(Observation.SEAL_BROKEN) == Discrepancy.SEAL_BROKEN
    for ok in (Observation.SHELF, Observation.SEALED, Observation.OUT):
        assert inv.discrepancy_of(ok) is None
    closed = datetime(2026, 3, 1, 10, 0, 0)
    due = inv.resolve_due(closed, closed + timedelta(days=3))
    assert due.due_at == closed + timedelta(days=3) and not due.late
    assert inv.resolve_due(closed, closed + timedelta(days=3, seconds=1)).late
