"""Spot checks (issue 16; supervision Art. 261: periodic inspection) as plain rules: the
sample drawn from the chain's head (reproducible, never picked), its size, the population's
digest, who checks, each disc once, the closing."""

from __future__ import annotations

import hashlib

import pytest

from keeper_app.domain import spot_checks as law
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import Person, Role

HEAD_A = hashlib.sha256(b"event 41").hexdigest()
HEAD_B = hashlib.sha256(b"event 42").hexdigest()
SHELF = [f"3101-2026-{n:06d}-D" for n in range(1, 101)]


def person(pid: int, *roles: Role) -> Person:
    return Person(pid, f"B{pid:03d}", f"某{pid}", frozenset(roles), 1, None)


def test_s261_the_same_head_draws_the_same_sample() -> None:
    size = law.sample_size(len(SHELF))
    first = law.draw(HEAD_A, SHELF, size)
    assert first == law.draw(HEAD_A, SHELF, size)
    # the population is sorted first: the order it is read in does not matter
    assert first == law.draw(HEAD_A, list(reversed(SHELF)), size)
    assert len(first) == len(set(first)) == size and set(first) <= set(SHELF)


def test_s261_another_head_draws_another_sample() -> None:
    size = law.sample_size(len(SHELF))
    assert law.draw(HEAD_A, SHELF, size) != law.draw(HEAD_B, SHELF, size)
    # the k-th pick is sha256(head || k) mod (discs left), over the sorted shelf
    seed = bytes.fromhex(HEAD_A)
    pool = sorted(SHELF)
    want = []
    for k in range(size):
        h = hashlib.sha256(seed + k.to_bytes(8, "big")).digest()
        want.append(pool.pop(int.from_bytes(h, "big") % len(pool)))
    assert law.draw(HEAD_A, SHELF, size) == want
    with pytest.raises(RuleViolation) as ei:
        law.draw("not a head", SHELF, 3)
    assert ei.value.code == "bad_head"


def test_s261_the_sample_size_rule() -> None:
    # by default max(3, ceil(sqrt(n))), at most 20, never more than the shelf
    assert [law.sample_size(n) for n in (1, 2, 3, 9, 10, 100, 101, 400, 10_000)] == [
        1,
        2,
        3,
        3,
        4,
        10,
        11,
        20,
        20,
    ]
    assert law.sample_size(100, 30) == 30 and law.sample_size(5, 5) == 5
    for n, size in ((5, 6), (5, 0), (5, -1)):
        with pytest.raises(RuleViolation) as ei:
            law.sample_size(n, size)
        assert ei.value.code == "bad_sample_size" and f"1 to {n}" in ei.value.message
    with pytest.raises(RuleViolation) as ei:
        law.sample_size(0)
    assert ei.value.code == "empty_shelf"


def test_s261_a_change_of_the_population_changes_its_digest() -> None:
    d = law.population_digest(SHELF)
    assert d == law.population_digest(reversed(SHELF))  # the same shelf, however read
    assert d != law.population_digest(SHELF[:-1])  # a disc less
    assert d != law.population_digest([*SHELF, "3101-2026-000101-D"])  # a disc more
    assert d == hashlib.sha256("\n".join(sorted(SHELF)).encode()).hexdigest()


def test_r18_s261_the_population_is_the_duplicates_in_custody() -> None:
    assert law.in_population("duplicate", "in_custody")
    # a sealed original is not opened for a spot check (Art. 18); a disc out is not there
    for role, status in (
        ("original", "sealed"),
        ("original", "unsealed"),
        ("duplicate", "out"),
        ("duplicate", "damaged"),
        ("hard_drive", "in_custody"),
    ):
        assert not law.in_population(role, status), (role, status)


def test_s261_the_checker_is_a_reviewer_or_head_never_a_keeper() -> None:
    law.check_checker(person(2, Role.REVIEWER), drawn_by_id=1)
    law.check_checker(person(3, Role.DEPT_HEAD), drawn_by_id=1)
    for p, code in (
        (person(1, Role.REVIEWER), "checker_is_keeper"),  # the keeper who drew it
        (person(4, Role.KEEPER, Role.REVIEWER), "checker_is_keeper"),
        (person(5, Role.CASE_HANDLER), "not_a_checker"),
    ):
        with pytest.raises(RuleViolation) as ei:
            law.check_checker(p, drawn_by_id=1)
        assert ei.value.code == code


def test_s261_a_drawn_disc_is_checked_once_while_open() -> None:
    sample = ["A", "B"]
    law.check_item(7, "A", sample, [], closed=False)
    for code, checked, closed, why in (
        ("C", [], False, "not_in_sample"),
        ("A", ["A"], False, "already_checked"),
        ("B", [], True, "spot_check_closed"),
    ):
        with pytest.raises(RuleViolation) as ei:
            law.check_item(7, code, sample, checked, closed)
        assert ei.value.code == why


def test_s261_closing_needs_every_disc_checked_or_the_reason() -> None:
    assert law.closing_outcome(1, {"A": "match", "B": "match"}) == "all_match"
    assert law.closing_outcome(1, {"A": "match", "B": "mismatch"}) == "findings"
    assert law.closing_outcome(1, {"A": "unreadable", "B": None}, "光驱故障") == "findings"
    assert law.closing_outcome(1, {"A": "match", "B": None}, "光驱故障") == "incomplete"
    with pytest.raises(RuleViolation) as ei:
        law.closing_outcome(1, {"A": "match", "B": None}, "  ")
    assert ei.value.code == "unchecked_items" and "B" in ei.value.message
