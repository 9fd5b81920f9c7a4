"""The daily checkpoint's rule (domain.checkpoints): a keeper takes it, a department head
countersigns, two different people, on the head as it is at the moment of signing."""

from __future__ import annotations

import pytest

from keeper_app.domain.checkpoints import check_checkpoint, grouped, head_text, parse_head
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import Person, Role

KEEPER = Person(1, "K001", "李保管", frozenset({Role.KEEPER}), 1)
KEEPER2 = Person(2, "K002", "赵保管", frozenset({Role.KEEPER}), 1)
HEAD = Person(3, "D001", "周大队长", frozenset({Role.DEPT_HEAD}), 1)
BOTH = Person(4, "X001", "双职", frozenset({Role.DEPT_HEAD, Role.KEEPER}), 1)
HANDLER = Person(5, "H001", "张办案", frozenset({Role.CASE_HANDLER}), 1)
GONE = Person(6, "D009", "离任", frozenset({Role.DEPT_HEAD}), 1, active=False)
NOW = (41, "ab" * 32)


def code(keeper: Person, head: Person, expected: tuple[int, str] | None = None) -> str:
    try:
        check_checkpoint(keeper, head, NOW, expected)
    except RuleViolation as exc:
        return exc.code
    return "ok"


def test_who_may_sign_it() -> None:
    assert code(KEEPER, HEAD) == "ok"
    assert code(BOTH, HEAD) == "ok"
    assert code(KEEPER, BOTH) == "ok"
    assert code(BOTH, BOTH) == "same_person"
    assert code(KEEPER, KEEPER) == "same_person"
    assert code(KEEPER, KEEPER2) == "checkpoint_not_head"
    assert code(KEEPER, HANDLER) == "checkpoint_not_head"
    assert code(HANDLER, HEAD) == "checkpoint_not_keeper"
    assert code(HEAD, KEEPER) == "checkpoint_not_keeper"
    assert code(KEEPER, GONE) == "inactive"


def test_the_head_signed_is_the_head_now() -> None:
    assert code(KEEPER, HEAD, NOW) == "ok"
    assert code(KEEPER, HEAD, (40, "cd" * 32)) == "checkpoint_head_moved"
    assert code(KEEPER, HEAD, (41, "cd" * 32)) == "checkpoint_head_moved"


def test_the_head_as_text_and_back() -> None:
    h = "AB" * 32
    assert head_text(7, h) == f"KH1-7-{h.lower()}"
    assert parse_head(f"KH1-7-{h.lower()}") == (7, h.lower())
    assert parse_head(f"  kh1-7-{h}\n") == (7, h.lower())
    for bad in ("", "KH1-7-abc", f"KH2-7-{h}", f"KH1--1-{h}", f"KH1-x-{h}"):
        with pytest.raises(RuleViolation) as e:
            parse_head(bad)
        assert e.value.code == "bad_head_text"
    assert grouped("0123456789abcdef" * 4).split() == ["01234567", "89abcdef"] * 4
