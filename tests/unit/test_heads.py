"""The one check of a witnessed head against the chain (services.heads): its text form, its
refusals of bad input, and its three answers on a real database — on the chain, truncated or
rolled back, rewritten. The insider's real attacks are in tests/tamper/."""

from __future__ import annotations

import pytest
from conftest import Office

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import heads
from keeper_app.store import audit


def test_the_head_text_round_trips_in_any_case() -> None:
    h = "0123456789abcdef" * 4
    text = heads.head_text(57, h)
    assert text == "KH1-57-" + h.upper()
    assert text.isascii() and text == text.upper()  # the QR code's alphanumeric mode
    assert heads.parse_head_text(text) == (57, h)
    assert heads.parse_head_text(" " + text.lower() + "\n") == (57, h)  # Caps Lock, Enter
    assert heads.parse_head_args([text]) == (57, h)
    assert heads.parse_head_args(["57", h.upper()]) == (57, h)


@pytest.mark.parametrize(
    "text",
    ["31012026000001D8", "KH1-57-" + "a" * 63, "KH1--" + "a" * 64, "KH2-5-" + "a" * 64, ""],
)
def test_what_is_not_a_head_text_is_not_taken_for_one(text: str) -> None:
    assert heads.parse_head_text(text) is None


@pytest.mark.parametrize(
    "args",
    [["x"], ["5"], ["-1", "a" * 64], ["five", "a" * 64], ["5", "g" * 64], ["5", "a" * 10], []],
)
def test_bad_input_is_refused_with_bad_head(args: list[str]) -> None:
    with pytest.raises(RuleViolation) as e:
        heads.parse_head_args(args)
    assert e.value.code == "bad_head"


def test_a_head_on_the_chain_agrees(office: Office) -> None:
    office.new_pair()
    seq, h = audit.head(office.db.conn)
    assert seq > 3
    for where in (office.db, office.db.conn):
        r = heads.check_head(where, seq, h, "disc X")
        assert r.ok and r.problem == "" and r.witness == "disc X" and r.chain_seq == seq
    earlier = audit.hash_at(office.db.conn, seq - 2)
    assert earlier is not None and heads.check_head(office.db, seq - 2, earlier, "p").ok
    assert heads.check_head(office.db, 0, audit.GENESIS, "p").ok  # the empty chain's head


def test_a_head_beyond_the_chain_is_a_truncation_or_rollback_naming_the_witness(
    office: Office,
) -> None:
    seq, h = audit.head(office.db.conn)
    r = heads.check_head(office.db, seq + 3, h, "disc 3101-2026-000001-O-7")
    assert not r.ok and r.problem == "truncated" and r.chain_seq == seq
    assert r.message.startswith("disc 3101-2026-000001-O-7 saw event")
    assert "truncated or rolled back" in r.message


def test_another_hash_at_the_seq_is_a_rewrite(office: Office) -> None:
    seq, h = audit.head(office.db.conn)
    other = ("f" if h[0] != "f" else "e") + h[1:]
    r = heads.check_printout(office.db, heads.head_text(seq, other))
    assert not r.ok and r.problem == "rewritten"
    assert r.witness == heads.printout_name(seq, other) and "rewritten" in r.message


def test_a_check_refuses_bad_input_and_writes_nothing(office: Office) -> None:
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        heads.check_head(office.db, -1, "a" * 64, "x")
    assert e.value.code == "bad_head"
    with pytest.raises(RuleViolation):
        heads.check_printout(office.db, "31012026000001D8")
    assert office.snapshot() == before


def test_a_disc_label_without_a_head_is_no_witness_and_a_garbled_one_fails(
    office: Office,
) -> None:
    assert heads.check_disc_label(office.db, {"medium_code": "x"}, "disc A") is None
    assert heads.check_disc_label(office.db, None, "disc A") is None
    bad = heads.check_disc_label(office.db, {"audit_head": {"seq": "x"}}, "disc A")
    assert bad is not None and not bad.ok and bad.problem == "unreadable"
    assert "disc A" in bad.message
    seq, h = audit.head(office.db.conn)
    good = heads.check_disc_label(office.db, {"audit_head": heads.label_head((seq, h))}, "d")
    assert good is not None and good.ok
