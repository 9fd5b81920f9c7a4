"""Every refusal names its reason and leaves the database and the audit chain exactly as
they were: each test takes a snapshot of every table and the chain's event count and head
hash before the refused call, and compares after."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, timedelta

import pytest

from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, custody, intake, lookup, retrieval_requests, transfers
from keeper_app.services import people as people_svc
from keeper_app.services.session import sign_in
from keeper_app.store import entries, signins
from keeper_app.timeutil import BadTime, parse_user

CASE_A = "A2026-001"  # 刑事侦查大队 (head D001), handlers H001, H002
CASE_B = "B2026-002"  # 禁毒大队 (head D002), handler H003
CASE_C = "C2026-003"  # 刑事侦查大队, handled by H001 and KH01, a keeper who is also a handler


@contextmanager
def refused(office, code: str) -> Iterator[pytest.ExceptionInfo[RuleViolation]]:
    """The body must raise RuleViolation(code) and change nothing at all."""
    before = office.snapshot()
    chain = admin.verify_audit(office.db)
    assert chain.ok, chain.problems
    changes = office.changes()
    with pytest.raises(RuleViolation) as ei:
        yield ei
    assert ei.value.code == code, f"{ei.value.code}: {ei.value.message}"
    assert ei.value.message
    assert office.snapshot() == before
    after = admin.verify_audit(office.db)
    assert after.ok, after.problems
    assert office.changes() == changes  # nothing but the sign-in bookkeeping (issue 10)


@contextmanager
def refused_and_recorded(office, code: str) -> Iterator[pytest.ExceptionInfo[RuleViolation]]:
    """A wrong password is refused and recorded (issue 7: wrong passwords lock a person;
    issue 10: every attempt is recorded before its password is checked): the only changes
    are sign_in_events rows and their actor-less events, and the attempt stays counted."""
    before = dict(office.snapshot(sign_ins=True))
    changes = office.changes()
    with pytest.raises(RuleViolation) as ei:
        yield ei
    assert ei.value.code == code, f"{ei.value.code}: {ei.value.message}"
    after = dict(office.snapshot(sign_ins=True))
    assert {t for t in after if after[t] != before[t]} == {"audit_events", "sign_in_events"}
    assert len(after["sign_in_events"]) > len(before["sign_in_events"])
    now = admin.verify_audit(office.db)
    assert now.ok, now.problems
    assert office.changes() == changes
    assert (
        office.db.conn.execute(
            "SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()[0]
        == signins.ATTEMPT_ACTION
    )


@pytest.fixture
def pair(office) -> tuple[str, str]:
    """A pair of case A handed over: the original sealed, the duplicate in custody."""
    return office.handed_over_pair()


def k_(office):
    return office.session("K001")


def retrieve_a(office, d: str, retriever: str = "H001") -> int:
    return office.retrieve(
        k_(office), d, office.cred(retriever), office.cred("K001"), "D001", "case_handling", 4
    )


def ask(office, d: str, retriever: str = "H001", reason: str = "case_handling", hours: int = 4):
    """A retrieval request asked by the keeper K001 on the retriever's behalf (Art. 20)."""
    return retrieval_requests.request_retrieval(k_(office), d, retriever, reason, hours)


def approved(office, o: str) -> int:
    aid = custody.request_unseal(
        k_(office), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)
    return aid


def unsealed(office, o: str) -> int:
    aid = approved(office, o)
    custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K002"))
    return aid


@pytest.fixture
def case_c(office) -> None:
    """A person who is both keeper and case handler, handling case C."""
    office.add_person("KH01", "黄兼办", ["keeper", "case_handler"], "crim")
    intake.create_case(
        office.session("H001"), CASE_C, "某某盗窃案", office.dept["crim"], ["H001", "KH01"]
    )


# ------------------------------------------------------------------ wrong state
def test_retrieve_the_original(office, pair):
    o, d = pair
    with refused(office, "original_not_retrievable") as ei:
        ask(office, o)
    assert "original" in ei.value.message and ei.value.article == "Art. 18-19"
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused(office, "original_not_retrievable") as ei:
        custody.retrieve(k_(office), o, office.cred("H001"), office.cred("K001"), qid)
    assert "original" in ei.value.message and ei.value.article == "Art. 18-19"


def test_return_a_disc_in_custody(office, pair):
    o, d = pair
    with refused(office, "not_out") as ei:
        custody.return_medium(k_(office), d, office.cred("H001"), office.cred("K001"), "intact")
    assert "in_custody" in ei.value.message
    with refused(office, "not_out"):
        custody.return_medium(k_(office), o, office.cred("H001"), office.cred("K001"), "intact")


def test_reseal_a_sealed_original(office, pair):
    o, _ = pair
    with refused(office, "wrong_state") as ei:
        custody.reseal(
            k_(office), o, "S-NEW-1", office.cred("K001"), office.cred("K002"), inspection="intact"
        )
    assert "sealed" in ei.value.message and "request_unseal" in ei.value.message


def test_handover_twice(office, pair):
    o, d = pair
    with refused(office, "wrong_state"):
        intake.handover(
            k_(office), d, office.cred("H001"), office.cred("K001"), "S-AGAIN", "柜A", "柜B"
        )


def test_retrieve_a_disc_not_yet_handed_over(office):
    _, d = office.new_pair()
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused(office, "wrong_state") as ei:
        custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), qid)
    assert "burned" in ei.value.message


def test_unseal_an_unsealed_original(office, pair):
    o, _ = pair
    unsealed(office, o)
    with refused(office, "not_sealed"):
        custody.request_unseal(
            k_(office), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        )


def test_set_location_of_a_disc_that_is_out(office, pair):
    _, d = pair
    retrieve_a(office, d)
    with refused(office, "wrong_state"):
        custody.set_location(k_(office), d, "柜Z-99")


def test_court_transfer_of_a_disc_that_is_out(office, pair):
    _, d = pair
    qid = transfers.register_court_request(
        k_(office),
        CASE_A,
        "court",
        "某市中级人民法院",
        "(2026)1号",
        office.clock(),
        whole_case=True,
    )
    retrieve_a(office, d)
    with refused(office, "wrong_state"):
        transfers.court_transfer(k_(office), qid, d, office.cred("C001"), office.cred("K001"))


# ------------------------------------------------------------------ wrong role
def test_a_case_handler_may_not_retrieve_or_hand_over(office, pair):
    o, d = pair
    h = office.session("H001")
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4, asker="H001")
    with refused(office, "role_refused") as ei:
        custody.retrieve(h, d, office.cred("H001"), office.cred("K001"), qid)
    assert "keeper" in ei.value.message and ei.value.article == "Art. 21"
    o2, _ = office.new_pair(person="王某某")
    with refused(office, "role_refused"):
        intake.handover(h, o2, office.cred("H001"), office.cred("K001"), "S-X", "A", "B")


def test_a_keeper_may_not_decide_an_approval(office, pair):
    o, _ = pair
    aid = custody.request_unseal(
        k_(office), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    with refused(office, "role_refused"):
        custody.decide_approval(k_(office), aid, office.cred("K001"), True)


def test_a_case_handler_may_not_scan_another_cases_disc(office, pair):
    o, d = pair
    with refused(office, "not_your_case") as ei:
        lookup.scan(office.session("H003"), d)
    assert "A2026-001" in ei.value.message
    assert [m["code"] for m in lookup.media(office.session("H003"))] == []


def test_a_case_handler_of_another_case_may_not_retrieve_or_ask_to_unseal(office, pair):
    o, d = pair
    with refused(office, "not_case_handler"):
        ask(office, d, "H003")
    with refused(office, "not_case_handler"):
        custody.request_unseal(
            office.session("H003"),
            o,
            "check_duplicate",
            doubted_by="辩护律师王某",
            doubt="副本时间码不连续",
        )


def test_only_a_fitting_duty_may_retrieve(office, pair):
    _, d = pair
    with refused(office, "retriever_not_allowed"):  # a handler retrieving "for review"
        ask(office, d, "H001", "case_review")
    with refused(office, "self_approval"):  # the head of the case's department himself
        ask(office, d, "D001", "case_review")
    with refused(office, "bad_retrieval_reason"):
        ask(office, d, "H001", "curiosity")
    with refused(office, "bad_usage_time"):
        ask(office, d, "H001", "case_handling", 0)


def test_conclude_a_case_one_does_not_handle(office, pair):
    with refused(office, "not_own_case"):
        transfers.conclude_case(office.session("H003"), CASE_A)
    with refused(office, "not_own_case"):
        transfers.conclude_case(office.session("D002"), CASE_A)


# ------------------------------------------------------------------ same person twice
def test_retriever_and_keeper_the_same_person(office, pair):
    _, d = pair
    office.add_person("KR01", "何兼审", ["keeper", "reviewer"], "legal")
    s = office.session("KR01")
    qid = office.approved_request(d, "KR01", "D001", "case_review", 4, asker="KR01")
    with refused(office, "same_person") as ei:
        custody.retrieve(s, d, office.cred("KR01"), office.cred("KR01"), qid)
    assert "何兼审" in ei.value.message


def test_returner_and_keeper_the_same_person(office, pair):
    _, d = pair
    retrieve_a(office, d)
    with refused(office, "same_person"):
        custody.return_medium(k_(office), d, office.cred("K001"), office.cred("K001"), "intact")


def test_unseal_and_reseal_keeper_and_witness_the_same_person(office, pair):
    o, _ = pair
    aid = approved(office, o)
    with refused(office, "same_person"):
        custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K001"))
    custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K002"))
    with refused(office, "same_person"):
        custody.reseal(
            k_(office), o, "S-NEW-1", office.cred("K001"), office.cred("K001"), inspection="intact"
        )


def test_a_keeper_handler_cannot_hand_over_to_themself(office, case_c):
    o, _ = office.new_pair(CASE_C, "KH01", "赵某")
    with refused(office, "same_person"):
        intake.handover(
            office.session("KH01"), o, office.cred("KH01"), office.cred("KH01"), "S-C1", "A", "B"
        )


# ------------------------------------------------------------------ missing fields
@pytest.mark.parametrize("seal", ["", "   ", None])
def test_handover_with_a_blank_seal_number(office, seal):
    o, _ = office.new_pair()
    with refused(office, "missing_field") as ei:
        intake.handover(k_(office), o, office.cred("H001"), office.cred("K001"), seal, "柜A", "柜B")
    assert "seal number" in ei.value.message


@pytest.mark.parametrize("where", ["original", "duplicate"])
def test_handover_with_a_blank_location(office, where):
    o, _ = office.new_pair()
    locs = {"original": ("  ", "柜B"), "duplicate": ("柜A", "")}[where]
    with refused(office, "missing_field") as ei:
        intake.handover(k_(office), o, office.cred("H001"), office.cred("K001"), "S-1", *locs)
    assert where in ei.value.message


def test_blank_location_and_blank_reseal_number(office, pair):
    o, d = pair
    with refused(office, "missing_field"):
        custody.set_location(k_(office), d, " ")
    unsealed(office, o)
    with refused(office, "missing_field"):
        custody.reseal(
            k_(office), o, "  ", office.cred("K001"), office.cred("K002"), inspection="intact"
        )


@pytest.mark.parametrize("inspection", ["damaged", "replaced", "lost"])
def test_return_not_intact_without_a_description(office, pair, inspection):
    _, d = pair
    retrieve_a(office, d)
    with refused(office, "missing_field") as ei:
        custody.return_medium(
            k_(office), d, office.cred("H001"), office.cred("K001"), inspection, note="   "
        )
    assert inspection in ei.value.message


def test_a_failed_verification_is_not_intact(office, pair):
    _, d = pair
    retrieve_a(office, d)
    with refused(office, "inconsistent_inspection"):
        custody.return_medium(
            k_(office), d, office.cred("H001"), office.cred("K001"), "intact", "mismatch"
        )
    with refused(office, "bad_inspection"):
        custody.return_medium(k_(office), d, office.cred("H001"), office.cred("K001"), "ok")


def test_court_request_without_a_document_number(office):
    with refused(office, "missing_field"):
        transfers.register_court_request(
            k_(office), CASE_A, "court", "某市中级人民法院", " ", office.clock(), whole_case=True
        )


def test_correction_without_a_reason_or_change(office, pair):
    o, _ = pair
    mid = office.medium_id(o)
    with refused(office, "missing_field"):
        admin.correct(
            office.session("H001"),
            "media",
            mid,
            "label.person_interrogated",
            "王某甲",
            "  ",
            office.cred("H001"),
        )
    with refused(office, "no_change"):
        admin.correct(
            office.session("H001"),
            "media",
            mid,
            "label.person_interrogated",
            "王某某",
            "check",
            office.cred("H001"),
        )
    with refused(office, "not_correctable"):
        admin.correct(k_(office), "media", mid, "status", "in_custody", "typo", office.cred("K001"))
    with refused(office, "not_correctable"):
        admin.correct(k_(office), "audit_events", 1, "payload", "{}", "typo", office.cred("K001"))
    with refused(office, "unknown_entry"):
        admin.correct(
            office.session("H001"),
            "media",
            999_999,
            "label.person_interrogated",
            "王某甲",
            "typo",
            office.cred("H001"),
        )


# ------------------------------------------------------------------ deadlines
def test_handover_after_24_hours_without_a_reason(office):
    o, _ = office.new_pair()
    office.clock.advance(hours=24, seconds=1)
    for reason in (None, "", "   "):
        with refused(office, "handover_late") as ei:
            intake.handover(
                k_(office),
                o,
                office.cred("H001"),
                office.cred("K001"),
                "S-1",
                "柜A",
                "柜B",
                late_reason=reason,
            )
        assert "24 h" in ei.value.message and ei.value.article == "Art. 17"


def test_handover_at_exactly_24_hours_is_on_time(office):
    o, _ = office.new_pair()
    office.clock.advance(hours=24)
    intake.handover(k_(office), o, office.cred("H001"), office.cred("K001"), "S-1", "A", "B")
    assert entries.incidents(office.db.conn) == []


# ------------------------------------------------------------------ who signs
def test_unknown_badge(office, pair):
    o, d = pair
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused(office, "bad_credentials"):  # as a wrong password (issue 10)
        custody.retrieve(k_(office), d, office.cred("H999"), office.cred("K001"), qid)
    with refused(office, "unknown_badge"):
        ask(office, d, "H999")
    with refused(office, "bad_credentials"):
        sign_in(office.db, "Z404", "whatever-password", office.clock)
    with refused(office, "bad_badge"):
        custody.retrieve(k_(office), d, office.cred("H 001!"), office.cred("K001"), qid)


def test_wrong_password(office, pair):
    o, d = pair
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused_and_recorded(office, "bad_credentials") as ei:
        custody.retrieve(
            k_(office), d, office.cred("H001", "not-the-password"), office.cred("K001"), qid
        )
    assert ei.value.message == "the badge number or the password is wrong"
    with refused_and_recorded(office, "bad_credentials"):  # H001 cleared, K001 wrong
        custody.retrieve(
            k_(office), d, office.cred("H001"), office.cred("K001", "not-the-password"), qid
        )


def test_sign_in_with_a_wrong_or_missing_password(office):
    with refused_and_recorded(office, "bad_credentials"):
        sign_in(office.db, "K001", "not-the-password", office.clock)
    with refused(office, "missing_password"):
        sign_in(office.db, "K001", "", office.clock)


def test_the_keeper_who_signs_is_the_keeper_signed_in(office):
    o, _ = office.new_pair()
    with refused(office, "keeper_not_signed_in") as ei:
        intake.handover(k_(office), o, office.cred("H001"), office.cred("K002"), "S-1", "A", "B")
    assert "赵保管" in ei.value.message and "李保管" in ei.value.message


def test_a_deactivated_person_can_neither_sign_nor_sign_in_nor_act(office):
    o, _ = office.new_pair(handler="H002")
    s_h2 = office.session("H002")  # signed in before being deactivated
    people_svc.set_active(office.session("ADMIN"), "H002", False)
    with refused(office, "inactive"):
        intake.handover(k_(office), o, office.cred("H002"), office.cred("K001"), "S-1", "A", "B")
    with refused(office, "inactive"):
        sign_in(office.db, "H002", "correct-horse-1", office.clock)
    with refused(office, "inactive"):
        intake.register_recording(
            s_h2,
            CASE_A,
            "王某某",
            "suspect",
            office.clock() - timedelta(hours=2),
            office.clock() - timedelta(hours=1),
            "讯问室2",
            [],
        )


# ------------------------------------------------------------------ codes and media
def _checked(body: str) -> str:
    return body + codes.check_char(body)


def _wrong_check(body: str) -> str:
    right = codes.check_char(body)
    return body + ("1" if right != "1" else "2")


@pytest.mark.parametrize(
    "text, reason",
    [
        ("", "empty"),
        (" - ", "empty"),
        ("3101-2026-000001-D-?", "bad_character"),
        ("31012026", "bad_length"),
        ("ABCD2026000001D7", "bad_format"),
        (_checked("31011999000001O"), "bad_format"),  # year before 2000, check right
        (_checked("31012026000000D"), "bad_format"),  # serial 0, check right
        ("31012026000001X7", "bad_copy_letter"),
        (_wrong_check("31012026000001D"), "bad_check"),
    ],
)
def test_malformed_code(office, pair, text, reason):
    with pytest.raises(codes.CodeError) as ce:
        codes.parse(text)
    assert ce.value.reason == reason
    with refused(office, f"code_{reason}"):
        custody.set_location(k_(office), text, "柜Z")
    with refused(office, f"code_{reason}"):
        lookup.scan(k_(office), text)
    with refused(office, f"code_{reason}"):
        intake.handover(k_(office), text, office.cred("H001"), office.cred("K001"), "S-1", "A", "B")


def test_a_transposition_or_a_mistyped_digit_is_caught_by_the_check_character(office, pair):
    _, d = pair
    # neighbours swapped among the 14 digits (where they differ), or one digit mistyped
    typos = [d[:i] + d[i + 1] + d[i] + d[i + 2 :] for i in range(13) if d[i] != d[i + 1]]
    typos += [d[:i] + str((int(d[i]) + 1) % 10) + d[i + 1 :] for i in range(14)]
    assert len(typos) >= 17
    for typo in typos:
        with refused(office, "code_bad_check"):
            lookup.scan(k_(office), typo)


def test_unknown_medium(office, pair):
    ghost = codes.make("3101", 2026, 999, "D").text
    with refused(office, "unknown_medium") as ei:
        ask(office, ghost)
    assert codes.parse(ghost).pretty in ei.value.message
    with refused(office, "unknown_medium"):
        custody.retrieve(k_(office), ghost, office.cred("H001"), office.cred("K001"), 1)
    with refused(office, "unknown_medium"):
        lookup.scan(k_(office), ghost)
    with refused(office, "unknown_medium"):
        intake.handover(
            k_(office), ghost, office.cred("H001"), office.cred("K001"), "S-1", "A", "B"
        )


def test_second_checkout_names_who_has_the_disc(office, pair):
    _, d = pair
    rid = retrieve_a(office, d, "H002")
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused(office, "already_out") as ei:
        custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), qid)
    assert "刘办案" in ei.value.message and "H002" in ei.value.message
    assert f"#{rid}" in ei.value.message


# ------------------------------------------------------------------ approvals and seals
def test_unseal_without_a_granted_unused_approval(office, pair):
    o, _ = pair
    aid = custody.request_unseal(
        k_(office), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    with refused(office, "not_approved") as ei:  # still waiting
        custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K002"))
    assert "waiting" in ei.value.message
    with refused(office, "approval_pending"):
        custody.request_unseal(
            k_(office), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        )
    custody.decide_approval(office.session("D001"), aid, office.cred("D001"), False)
    with refused(office, "not_approved") as ei:  # refused
        custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K002"))
    assert "refused" in ei.value.message
    with refused(office, "already_decided"):
        custody.decide_approval(office.session("D001"), aid, office.cred("D001"), True)

    aid2 = approved(office, o)
    custody.unseal(k_(office), o, aid2, office.cred("K001"), office.cred("K002"))
    custody.reseal(
        k_(office), o, "S-NEW-1", office.cred("K001"), office.cred("K002"), inspection="intact"
    )
    with refused(office, "approval_used"):  # used
        custody.unseal(k_(office), o, aid2, office.cred("K001"), office.cred("K002"))
    with refused(office, "no_approval"):
        custody.unseal(k_(office), o, 999, office.cred("K001"), office.cred("K002"))


def test_an_approval_for_another_disc_does_not_open_this_one(office, pair):
    o, _ = pair
    o2, _ = office.handed_over_pair(person="王某某")
    aid = approved(office, o2)
    with refused(office, "no_approval"):
        custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K002"))


def test_approval_by_the_head_of_the_other_department(office, pair):
    o, _ = pair
    aid = custody.request_unseal(
        k_(office), o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
    )
    with refused(office, "not_head_of_case_dept") as ei:
        custody.decide_approval(office.session("D002"), aid, office.cred("D002"), True)
    assert "刑事侦查大队" in ei.value.message
    with refused(office, "not_signed_in"):
        custody.decide_approval(office.session("D001"), aid, office.cred("D002"), True)


def test_only_two_reasons_open_the_original(office, pair):
    o, d = pair
    with refused(office, "bad_unseal_reason"):
        custody.request_unseal(k_(office), o, "curiosity")
    with refused(office, "not_original"):
        custody.request_unseal(
            k_(office), d, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        )


def test_reused_seal_number(office, pair):
    o, _ = pair
    first = lookup.scan(k_(office), o).seal_no
    unsealed(office, o)
    with refused(office, "seal_reused"):  # the seal just broken
        custody.reseal(
            k_(office), o, first, office.cred("K001"), office.cred("K002"), inspection="intact"
        )
    with refused(office, "seal_reused"):  # spaces do not make it new
        custody.reseal(
            k_(office),
            o,
            f"  {first} ",
            office.cred("K001"),
            office.cred("K002"),
            inspection="intact",
        )
    o2, _ = office.new_pair(person="王某某")
    with refused(office, "seal_reused"):  # another bag's seal at a handover
        intake.handover(k_(office), o2, office.cred("H001"), office.cred("K001"), first, "A", "B")


def test_incident_acknowledged_only_by_its_head_and_once(office, pair):
    _, d = pair
    retrieve_a(office, d)
    custody.return_medium(
        k_(office), d, office.cred("H001"), office.cred("K001"), "damaged", note="cracked"
    )
    [inc] = entries.incidents(office.db.conn)
    with refused(office, "not_addressed"):
        custody.acknowledge_incident(office.session("D002"), inc["id"], office.cred("D002"))
    custody.acknowledge_incident(office.session("D001"), inc["id"], office.cred("D001"))
    with refused(office, "already_acknowledged"):
        custody.acknowledge_incident(office.session("D001"), inc["id"], office.cred("D001"))


# ------------------------------------------------------------------ courts and archives
def test_court_transfer_of_the_original(office, pair):
    o, _ = pair
    qid = transfers.register_court_request(
        k_(office),
        CASE_A,
        "court",
        "某市中级人民法院",
        "(2026)1号",
        office.clock(),
        whole_case=True,
    )
    with refused(office, "original_not_retrievable"):
        transfers.court_transfer(k_(office), qid, o, office.cred("C001"), office.cred("K001"))
    with refused(office, "not_outside_retriever"):
        transfers.court_transfer(k_(office), qid, pair[1], office.cred("H001"), office.cred("K001"))


def test_court_transfer_of_another_cases_disc(office, pair):
    _, dB = office.handed_over_pair(CASE_B, "H003", "李某")
    qid = transfers.register_court_request(
        k_(office),
        CASE_A,
        "court",
        "某市中级人民法院",
        "(2026)1号",
        office.clock(),
        whole_case=True,
    )
    with refused(office, "wrong_case"):
        transfers.court_transfer(k_(office), qid, dB, office.cred("C001"), office.cred("K001"))


def test_archive_of_an_open_case(office, pair):
    o, d = pair
    with refused(office, "case_not_concluded"):
        transfers.archive_handover(
            k_(office), CASE_A, [o, d], office.cred("K001"), office.cred("A001")
        )


def test_archive_needs_every_disc_back_and_scanned(office, pair):
    o, d = pair
    _, dB = office.handed_over_pair(CASE_B, "H003", "李某")
    retrieve_a(office, d)
    transfers.conclude_case(office.session("H001"), CASE_A)
    with refused(office, "media_not_in_custody") as ei:
        transfers.archive_handover(
            k_(office), CASE_A, [o, d], office.cred("K001"), office.cred("A001")
        )
    assert d in ei.value.message
    custody.return_medium(k_(office), d, office.cred("H001"), office.cred("K001"), "intact")
    with refused(office, "archive_missing"):
        transfers.archive_handover(
            k_(office), CASE_A, [o], office.cred("K001"), office.cred("A001")
        )
    with refused(office, "not_of_case"):
        transfers.archive_handover(
            k_(office), CASE_A, [o, d, dB], office.cred("K001"), office.cred("A001")
        )
    with refused(office, "not_archives"):
        transfers.archive_handover(
            k_(office), CASE_A, [o, d], office.cred("K001"), office.cred("R001")
        )
    with refused(office, "case_not_open"):
        transfers.conclude_case(office.session("H001"), CASE_A)


# ------------------------------------------------------------------ Art. 16: keeper vs handler
def test_a_keeper_who_handles_the_case_may_not_keep_its_discs(office, case_c):
    o, d = office.new_pair(CASE_C, "H001", "赵某")
    kh = office.session("KH01")
    with refused(office, "keeper_is_handler") as ei:
        intake.handover(kh, o, office.cred("H001"), office.cred("KH01"), "S-C1", "A", "B")
    assert "C2026-003" in ei.value.message and ei.value.article == "Art. 16"

    intake.handover(k_(office), o, office.cred("H001"), office.cred("K001"), "S-C1", "A", "B")
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused(office, "keeper_is_handler"):
        custody.retrieve(kh, d, office.cred("H001"), office.cred("KH01"), qid)
    qid = transfers.register_court_request(
        k_(office),
        CASE_C,
        "court",
        "某市中级人民法院",
        "(2026)9号",
        office.clock(),
        whole_case=True,
    )
    with refused(office, "keeper_is_handler"):
        transfers.court_transfer(kh, qid, d, office.cred("C001"), office.cred("KH01"))
    with refused(office, "keeper_is_handler"):
        custody.set_location(kh, d, "柜Q")

    custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), qid)
    with refused(office, "keeper_is_handler"):
        custody.return_medium(kh, d, office.cred("H001"), office.cred("KH01"), "intact")

    aid = approved(office, o)
    with refused(office, "keeper_is_handler"):
        custody.unseal(kh, o, aid, office.cred("KH01"), office.cred("K002"))
    custody.unseal(k_(office), o, aid, office.cred("K001"), office.cred("K002"))
    with refused(office, "keeper_is_handler"):
        custody.reseal(kh, o, "S-C2", office.cred("KH01"), office.cred("K002"), inspection="intact")

    custody.reseal(
        k_(office), o, "S-C2", office.cred("K001"), office.cred("K002"), inspection="intact"
    )
    custody.return_medium(k_(office), d, office.cred("H001"), office.cred("K001"), "intact")
    transfers.conclude_case(office.session("H001"), CASE_C)
    with refused(office, "keeper_is_handler"):
        transfers.archive_handover(kh, CASE_C, [o, d], office.cred("KH01"), office.cred("A001"))


# ------------------------------------------------------------------ times
@pytest.mark.parametrize(
    "text",
    [
        "",
        "yesterday",
        "2026-13-01",
        "2026-02-30",
        "2026-11-26 25:00",
        "2026-11-26 12:60",
        "26-11-2026",
        "2026/11/26",
        "2026-11-26T12:00:00+08:00",
    ],
)
def test_malformed_date_is_refused(text):
    with pytest.raises(BadTime):
        parse_user(text)


def test_well_formed_dates_parse_in_the_given_zone():
    assert parse_user("2026-11-26 14:30", UTC).isoformat() == "2026-11-26T14:30:00+00:00"
    assert parse_user(" 2026-11-26 ", UTC).isoformat() == "2026-11-26T00:00:00+00:00"


def test_court_request_in_the_future(office):
    tomorrow = parse_user("2026-11-21 09:00", UTC)  # the office clock is 2026-11-20 01:00
    assert tomorrow > office.clock()
    with refused(office, "bad_time") as ei:
        transfers.register_court_request(
            k_(office), CASE_A, "court", "某市中级人民法院", "(2026)1号", tomorrow, whole_case=True
        )
    assert "future" in ei.value.message
    with refused(office, "bad_org"):
        transfers.register_court_request(
            k_(office), CASE_A, "police", "某派出所", "1号", office.clock(), whole_case=True
        )


def test_recording_that_ends_before_it_starts(office):
    h = office.session("H001")
    with refused(office, "bad_time"):
        intake.register_recording(
            h,
            CASE_A,
            "王某某",
            "suspect",
            office.clock(),
            office.clock() - timedelta(minutes=1),
            "讯问室1",
            [],
        )


# ------------------------------------------------------------------ retrieval approval (Art. 20)
def test_a_head_of_another_department_may_not_approve_a_retrieval(office, pair):
    _, d = pair
    qid = ask(office, d)
    with refused(office, "not_head_of_case_dept") as ei:
        retrieval_requests.decide_retrieval(office.session("D002"), qid, office.cred("D002"), True)
    assert "吴大队长" in ei.value.message and "A2026-001" in ei.value.message
    assert ei.value.article == "Art. 20"
    with refused(office, "role_refused"):  # nor the keeper
        retrieval_requests.decide_retrieval(k_(office), qid, office.cred("K001"), True)
    with refused(office, "not_signed_in"):  # the head signs for himself only
        retrieval_requests.decide_retrieval(office.session("D001"), qid, office.cred("D002"), True)


def test_the_checkout_needs_an_approved_unused_request_for_that_disc_and_retriever(office, pair):
    _, d = pair
    _, d2 = office.handed_over_pair(person="钱某某")
    waiting = ask(office, d)
    with refused(office, "request_not_approved") as ei:
        custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), waiting)
    assert "waiting" in ei.value.message
    no = ask(office, d2)
    with refused(office, "missing_field"):  # a refusal says why
        retrieval_requests.decide_retrieval(
            office.session("D001"), no, office.cred("D001"), False, " "
        )
    retrieval_requests.decide_retrieval(
        office.session("D001"), no, office.cred("D001"), False, "不必调取"
    )
    with refused(office, "request_not_approved") as ei:
        custody.retrieve(k_(office), d2, office.cred("H001"), office.cred("K001"), no)
    assert "refused" in ei.value.message
    with refused(office, "already_decided"):
        retrieval_requests.decide_retrieval(office.session("D001"), no, office.cred("D001"), True)
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    with refused(office, "request_other_disc"):
        custody.retrieve(k_(office), d2, office.cred("H001"), office.cred("K001"), qid)
    with refused(office, "request_other_retriever"):
        custody.retrieve(k_(office), d, office.cred("H002"), office.cred("K001"), qid)
    with refused(office, "unknown_retrieval_request"):
        custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), 999)
    custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), qid)
    custody.return_medium(k_(office), d, office.cred("H001"), office.cred("K001"), "intact")
    with refused(office, "request_used"):  # one approval, one retrieval
        custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), qid)


def test_an_approval_lapses_unused(office, pair):
    _, d = pair
    qid = office.approved_request(d, "H001", "D001", "case_handling", 4)
    office.clock.advance(days=7, seconds=1)
    with refused(office, "request_expired"):
        custody.retrieve(k_(office), d, office.cred("H001"), office.cred("K001"), qid)


def test_only_the_retriever_or_a_keeper_asks(office, pair):
    _, d = pair
    with refused(office, "request_for_another"):
        retrieval_requests.request_retrieval(office.session("H002"), d, "H001", "case_handling", 4)
    with refused(office, "role_refused"):  # an outside retriever asks at the counter
        retrieval_requests.request_retrieval(office.session("C001"), d, "C001", "case_handling", 4)


def test_at_the_counter_only_the_head_of_the_cases_department_signs_the_approval(office, pair):
    _, d = pair

    def at_counter(approver: str, retriever: str = "H001", keeper: str = "K001") -> int:
        return retrieval_requests.retrieve_countersigned(
            office.session(keeper),
            d,
            office.cred(retriever),
            office.cred(keeper),
            office.cred(approver),
            "case_handling",
            4,
        )

    with refused(office, "not_head_of_case_dept") as ei:
        at_counter("D002")
    assert "吴大队长" in ei.value.message
    with refused(office, "not_head_of_case_dept"):  # nor the keeper himself
        at_counter("K002")
    with refused(office, "not_head_of_case_dept"):  # nor a case handler
        at_counter("H002")
