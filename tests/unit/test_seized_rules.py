"""Seized storage media, article by article (supervision draft; issue 15): the inventory
(Art. 123, 128(4)), the investigators (Art. 126, 128, 129), the possessor (Art. 126-127), the
deadlines at their boundaries (Art. 130: day 20 vs 21, day 30 vs 31; Art. 133: the one-year
period and its extension the day before vs after expiry; Art. 124, 134: three days), the item
checked against the inventory (Art. 131), the heads' inspection (Art. 261)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from keeper_app.domain import codes
from keeper_app.domain import seized as law
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import Case, CaseStatus, Person, Role
from keeper_app.domain.seized import ItemStatus, SeizedAct, SeizureClock

T0 = datetime(2026, 1, 10, 9, 0, 0, tzinfo=UTC)


def person(pid: int, *roles: Role, dept: int = 1, active: bool = True) -> Person:
    return Person(pid, f"B{pid}", f"人{pid}", frozenset(roles), 1, dept, active)


CASE = Case(1, "A-1", "案", 1, CaseStatus.OPEN, frozenset({1, 2}))
H1, H2 = person(1, Role.CASE_HANDLER), person(2, Role.CASE_HANDLER)


def base_seizure(**kw: object) -> dict[str, object]:
    f: dict[str, object] = {
        "cause": "涉嫌受贿",
        "persons": "王某",
        "record_ref": "搜查笔录1",
        "seized_at": T0,
        "place": "某地",
    }
    f.update(kw)
    return f


# ------------------------------------------------------------------ Art. 128(4), 123
def test_art128_the_inventory_head_names_cause_persons_record_time_place() -> None:
    out = law.check_seizure(base_seizure(), T0 + timedelta(days=1))
    assert out["cause"] == "涉嫌受贿" and out["seized_at"] == T0
    for key, what in (
        ("cause", "cause of action"),
        ("persons", "persons concerned"),
        ("record_ref", "record the seizure belongs to"),
        ("place", "place of seizure"),
    ):
        with pytest.raises(RuleViolation) as e:
            law.check_seizure(base_seizure(**{key: " "}), T0)
        assert e.value.field == what


def test_art128_the_time_of_seizure_is_given_and_not_in_the_future() -> None:
    with pytest.raises(RuleViolation) as e:
        law.check_seizure(base_seizure(seized_at=None), T0)
    assert e.value.code == "missing_field"
    with pytest.raises(RuleViolation) as e:
        law.check_seizure(base_seizure(), T0 - timedelta(seconds=1))
    assert e.value.code == "seized_in_future"


def test_art128_an_item_has_type_content_and_the_inventory_fields() -> None:
    it = law.check_item(
        {
            "media_type": "video_tape",
            "content": "监控录像",
            "specification": "VHS",
            "capacity": "120分钟",
            "file_formats": "",
            "copies": 2,
            "copy_length": "120分钟",
        }
    )
    assert it["kind"] == "original" and it["copies"] == 2 and it["capacity"] == "120分钟"
    with pytest.raises(RuleViolation) as e:
        law.check_item({"media_type": "floppy", "content": "x"})
    assert e.value.code == "bad_media_type"
    with pytest.raises(RuleViolation) as e:
        law.check_item({"media_type": "phone", "content": ""})
    assert e.value.field == "content"
    with pytest.raises(RuleViolation) as e:
        law.check_item({"media_type": "phone", "content": "x", "copies": -1})
    assert e.value.code == "bad_copies"


def test_art123_extracted_data_says_why_where_and_from_what() -> None:
    ok = law.check_item(
        {
            "kind": "extracted",
            "media_type": "hard_drive",
            "content": "日志",
            "not_seized_reason": "在用系统",
            "data_source": "服务器",
        }
    )
    assert ok["not_seized_reason"] == "在用系统" and ok["data_source"] == "服务器"
    with pytest.raises(RuleViolation) as e:
        law.check_item({"kind": "extracted", "media_type": "hard_drive", "content": "日志"})
    assert e.value.field == "reason the original medium could not be seized"
    with pytest.raises(RuleViolation) as e:
        law.check_item(
            {"kind": "extracted", "media_type": "other", "content": "x", "not_seized_reason": "r"}
        )
    assert "location" in e.value.message
    with pytest.raises(RuleViolation) as e:
        law.check_item({"media_type": "usb_stick", "content": "x", "not_seized_reason": "r"})
    assert e.value.code == "not_extracted"


def test_art128_an_inventory_has_items_and_names_the_bad_one() -> None:
    with pytest.raises(RuleViolation) as e:
        law.check_items([])
    assert e.value.code == "no_items"
    with pytest.raises(RuleViolation) as e:
        law.check_items([{"media_type": "usb_stick", "content": "a"}, {"media_type": "x"}])
    assert e.value.message.startswith("item 2:")


def test_a_seized_code_has_its_own_letter_and_check_and_discs_still_parse() -> None:
    c = codes.make("3101", 2026, 7, "S")
    assert codes.parse(c.text) == c and c.seized and c.copy_role == "seized"
    assert codes.parse(c.pretty.lower()) == c
    d = codes.make("3101", 2026, 7, "D")
    assert codes.parse(d.text) == d and not d.seized
    assert c.text[:15] != d.text[:15]
    with pytest.raises(ValueError):
        c.partner()
    wrong = c.text[:-1] + str((int(c.text[-1]) + 1) % 10)
    with pytest.raises(codes.CodeError) as e:
        codes.parse(wrong)
    assert e.value.reason == "bad_check"


# ------------------------------------------------------------------ Art. 126, 128, 129
def test_art126_two_investigators_of_the_case_department() -> None:
    law.check_investigators([H1, H2], CASE, "sealing")
    law.check_investigators([H1, H2, person(3, Role.CASE_HANDLER)], CASE, "sealing")
    cases = [
        ([H1], "two_investigators"),
        ([H1, H1], "same_person"),
        ([H1, person(3, Role.KEEPER)], "not_investigator"),
        ([H1, person(3, Role.CASE_HANDLER, Role.KEEPER)], "keeper_not_investigator"),
        ([H1, person(3, Role.OUTSIDE_RETRIEVER, Role.CASE_HANDLER)], "not_investigator"),
        ([H1, person(3, Role.CASE_HANDLER, dept=2)], "not_case_department"),
        ([H1, person(3, Role.CASE_HANDLER, active=False)], "inactive"),
    ]
    for signers, code in cases:
        with pytest.raises(RuleViolation) as e:
            law.check_investigators(signers, CASE, "sealing")
        assert e.value.code == code, signers


def test_art130_131_one_investigator_hands_over_with_the_keeper() -> None:
    law.check_investigator(H1, CASE, "receipt")
    with pytest.raises(RuleViolation) as e:
        law.check_investigator(person(3, Role.KEEPER), CASE, "receipt")
    assert e.value.code == "not_investigator"
    with pytest.raises(RuleViolation) as e:
        law.check_investigator(person(3, Role.CASE_HANDLER, dept=2), CASE, "receipt")
    assert e.value.code == "not_case_department"


def test_art126_127_the_possessor_signs_or_the_refusal_is_noted() -> None:
    assert law.check_possessor("signed", "") == ("signed", "")
    assert law.check_possessor("refused", "拒绝签名") == ("refused", "拒绝签名")
    for sig in ("refused", "absent"):
        with pytest.raises(RuleViolation) as e:
            law.check_possessor(sig, " ")
        assert e.value.code == "missing_field"
    with pytest.raises(RuleViolation) as e:
        law.check_possessor("maybe", "")
    assert e.value.code == "bad_possessor_signature"


def test_the_item_life_allows_only_its_next_steps() -> None:
    assert law.next_item_status("seized", SeizedAct.SEAL) == ItemStatus.SEALED
    assert law.next_item_status("in_safekeeping", SeizedAct.UNSEAL) == ItemStatus.UNSEALED
    assert law.next_item_status("unsealed", SeizedAct.RESEAL) == ItemStatus.IN_SAFEKEEPING
    assert law.next_item_status("out", SeizedAct.TRANSFER_IN) == ItemStatus.IN_SAFEKEEPING
    with pytest.raises(RuleViolation) as e:
        law.next_item_status("out", SeizedAct.UNSEAL, "X")
    assert e.value.code == "wrong_state" and "allowed now: transfer_in" in e.value.message
    with pytest.raises(RuleViolation):
        law.next_item_status("released", SeizedAct.RELEASE)


# ------------------------------------------------------------------ Art. 130
def test_art130_registration_day_20_on_time_day_21_late() -> None:
    d = law.registration_deadline(T0)
    assert d == T0 + timedelta(days=20)
    assert law.check_late("registration", d, T0 + timedelta(days=20), None, "Art. 130") == ""
    with pytest.raises(RuleViolation) as e:
        law.check_late("registration", d, T0 + timedelta(days=20, seconds=1), None, "Art. 130")
    assert e.value.code == "missing_field"
    assert law.check_late("registration", d, T0 + timedelta(days=21), "停电", "Art. 130") == "停电"


def test_art130_safekeeping_day_30_on_time_day_31_late() -> None:
    assert law.safekeeping_deadline(T0) == T0 + timedelta(days=30)
    c = SeizureClock(1, "A-1", T0, 365, registered=True, received=False, held=True)
    on30 = law.due_items(T0 + timedelta(days=30), [c])
    assert [(d.kind, d.late) for d in on30] == [("seized_safekeeping", False)]
    on31 = law.due_items(T0 + timedelta(days=31), [c])
    assert [(d.kind, d.late) for d in on31] == [("seized_safekeeping", True)]
    assert law.new_lateness(T0 + timedelta(days=30), [c], []) == []
    late = law.new_lateness(T0 + timedelta(days=31), [c], [])
    assert [x.kind.value for x in late] == ["safekeeping"]
    assert law.new_lateness(T0 + timedelta(days=31), [c], [late[0].key]) == []


def test_art130_the_due_board_shows_the_unregistered_seizure_until_day_20() -> None:
    c = SeizureClock(1, "A-1", T0, 365, registered=False, received=False, held=True)
    kinds = {d.kind: d.late for d in law.due_items(T0 + timedelta(days=20), [c])}
    assert kinds == {"seized_registration": False, "seized_safekeeping": False}
    late = law.new_lateness(T0 + timedelta(days=21), [c], [])
    assert [x.kind.value for x in late] == ["registration"]


# ------------------------------------------------------------------ Art. 133
def test_art133_the_period_is_one_year_and_flagged_before_it_ends() -> None:
    c = SeizureClock(1, "A-1", T0, 365, registered=True, received=True, held=True)
    end = T0 + timedelta(days=365)
    assert c.end() == (0, end)
    assert law.due_items(end - law.PERIOD_WARN_BEFORE - timedelta(seconds=1), [c]) == []
    soon = law.due_items(end - timedelta(days=1), [c])
    assert [(d.kind, d.late, d.extra) for d in soon] == [("seized_period", False, {"soon": "1"})]
    assert law.new_lateness(end, [c], []) == []
    late = law.new_lateness(end + timedelta(seconds=1), [c], [])
    assert [(x.kind.value, x.ref) for x in late] == [("period", 0)]
    # released: nothing held, nothing runs
    done = SeizureClock(1, "A-1", T0, 365, registered=True, received=True, held=False)
    assert law.new_lateness(end + timedelta(days=5), [done], []) == []


def test_art133_an_extension_is_approved_only_before_the_period_expires() -> None:
    end = law.period_end(T0, 365)
    assert end == T0 + timedelta(days=365)
    assert law.check_extension(end - timedelta(days=1), end, 180) == end + timedelta(days=180)
    for at in (end, end + timedelta(days=1)):
        with pytest.raises(RuleViolation) as e:
            law.check_extension(at, end, 180)
        assert e.value.code == "period_expired"
    with pytest.raises(RuleViolation) as e:
        law.check_extension(end - timedelta(days=1), end, 366)
    assert e.value.code == "bad_period"
    assert law.check_period_days(365) == 365
    new_end = end + timedelta(days=180)
    assert law.period_end(T0, 365, [new_end]) == new_end
    c = SeizureClock(1, "A-1", T0, 365, True, True, True, extensions=((7, new_end),))
    assert law.new_lateness(end + timedelta(days=1), [c], []) == []
    assert [x.ref for x in law.new_lateness(new_end + timedelta(seconds=1), [c], [])] == [7]


# ------------------------------------------------------------------ Art. 124, 134
def test_art134_release_within_three_days_of_the_finding() -> None:
    found = T0 + timedelta(days=40)
    assert law.release_deadline(found) == found + timedelta(days=3)
    c = SeizureClock(1, "A-1", T0, 365, True, True, True, releases=((5, found),))
    on3 = law.due_items(found + timedelta(days=3), [c])
    assert [(d.kind, d.ref, d.late) for d in on3] == [("seized_release", 5, False)]
    assert law.new_lateness(found + timedelta(days=3), [c], []) == []
    late = law.new_lateness(found + timedelta(days=3, seconds=1), [c], [])
    assert [(x.kind.value, x.ref) for x in late] == [("release", 5)]
    assert "3 days" in late[0].description()


# ------------------------------------------------------------------ Art. 131
def test_art131_the_inventory_is_checked_item_by_item() -> None:
    chk = law.compare_scans(["A", "B", "C"], ["B", "A", "X", "A"])
    assert chk.missing == ("C",) and chk.unexpected == ("X",) and chk.repeated == ("A",)
    assert not chk.ok and "not scanned: C" in chk.text()
    assert law.compare_scans(["A", "B"], ["B", "A"]).ok
    law.check_scans_exact(["A", "B"], ["B", "A"], "transfer")
    with pytest.raises(RuleViolation) as e:
        law.check_scans_exact(["A", "B"], ["A"], "transfer")
    assert e.value.code == "inventory_mismatch" and "not scanned: B" in e.value.message


# ------------------------------------------------------------------ Art. 261
def test_art261_an_inspection_records_its_findings() -> None:
    assert law.check_inspection("账物相符", 12) == "账物相符"
    with pytest.raises(RuleViolation):
        law.check_inspection(" ", 1)
    with pytest.raises(RuleViolation):
        law.check_inspection("x", -1)


def test_art133_the_decision_may_set_a_shorter_period_never_a_longer_one() -> None:
    assert law.check_seizure(base_seizure(), T0)["period_days"] == 365
    assert law.check_seizure(base_seizure(period_days=90), T0)["period_days"] == 90
    for bad in (0, 366, "90", True):
        with pytest.raises(RuleViolation) as e:
            law.check_seizure(base_seizure(period_days=bad), T0)
        assert e.value.code == "bad_period"


def test_art56_the_sealing_s_own_recording_is_linked() -> None:
    law.check_recording_kind("sealing", "sealing")
    law.check_recording_kind("search", "sealing")
    with pytest.raises(RuleViolation) as e:
        law.check_recording_kind("interrogation", "sealing")
    assert e.value.code == "wrong_recording_kind"
