"""Issue 10, point 8 — the attack: probing badge numbers. Before, an unknown badge and a
wrong password gave different messages, so an insider learnt which badges exist (and whom
to attack). Now both get the same refusal, code and message, after the same work (a
sign-in with an unknown badge runs the same scrypt derivation)."""

from __future__ import annotations

import statistics
import time

import pytest
from conftest import PASSWORD

from keeper_app import crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import custody, lockout
from keeper_app.services import people as people_svc
from keeper_app.services.session import sign_in


def refusal(office, badge: str, password: str) -> RuleViolation:
    with pytest.raises(RuleViolation) as ei:
        sign_in(office.db, badge, password, office.clock)
    return ei.value


def test_an_unknown_badge_and_a_wrong_password_get_the_same_refusal(office):
    unknown = refusal(office, "Z404", "whatever-password")
    wrong = refusal(office, "K001", "whatever-password")
    assert (unknown.code, unknown.message) == (wrong.code, wrong.message)
    assert unknown.code == lockout.BAD_CREDENTIALS
    assert unknown.message == "the badge number or the password is wrong"
    assert "K001" not in wrong.message and "李保管" not in wrong.message


def test_a_signer_with_an_unknown_badge_is_refused_as_one_with_a_wrong_password(office):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    got = []
    for cred in (office.cred("H999"), office.cred("H001", "whatever-password")):
        with pytest.raises(RuleViolation) as ei:
            custody.retrieve(k, d, cred, office.cred("K001"), qid)
        got.append((ei.value.code, ei.value.message))
    assert got[0] == got[1]


def test_a_deactivated_person_is_told_so_only_after_the_right_password(office):
    people_svc.set_active(office.session("ADMIN"), "H002", False)
    assert refusal(office, "H002", "whatever-password").code == lockout.BAD_CREDENTIALS
    assert refusal(office, "H002", PASSWORD).code == "inactive"


def test_an_unknown_badge_takes_as_long_as_a_wrong_password(office):
    """Timing tells no more than the message: both run one derivation at the same cost."""
    people_svc.add_person(
        office.session("ADMIN"),
        "K009",
        "新保管",
        ["keeper"],
        PASSWORD,
        office.dept["legal"],
        kdf_n=crypto.DEFAULT_KDF_N,
        head=office.cred("D001"),
    )

    def took(badge: str) -> float:
        times = []
        for _ in range(3):
            t0 = time.perf_counter()
            refusal(office, badge, "whatever-password")
            times.append(time.perf_counter() - t0)
        return statistics.median(times)

    took("Z404")  # warm up
    unknown, wrong = took("Z404"), took("K009")
    assert 0.5 < unknown / wrong < 2.0, (unknown, wrong)
    # and both are a real derivation at the application's cost, not an early return
    t0 = time.perf_counter()
    crypto.dummy_unlock("whatever-password", crypto.DEFAULT_KDF_N)
    one = time.perf_counter() - t0
    assert unknown > 0.5 * one, (unknown, one)
