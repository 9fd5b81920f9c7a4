"""Articles 16 and 17: who keeps the discs, how they are made, labelled and handed over.

Art. 16: the case-handling department designates personnel *other than* the case handlers
to keep the recordings; the case handlers may not keep them themselves.
Art. 17: two copies (original and duplicate) are burned; the label carries production unit,
producer, production time, person interrogated, case name and case number; several
interrogations share a disc only if they are of one suspect in one case; within 24 hours of
burning the case handler hands the discs to the keeper, who registers them, both signing.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from keeper_app.domain import rules
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import (
    LABEL_FIELDS,
    Case,
    CaseStatus,
    ManifestEntry,
    Person,
    Role,
)

BURNED = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
SHA = "ab" * 32
CRIM = 10


def person(pid: int, badge: str, name: str, *roles: Role, dept: int | None = CRIM) -> Person:
    return Person(pid, badge, name, frozenset(roles), unit_id=1, department_id=dept)


HANDLER = person(1, "H001", "张办案", Role.CASE_HANDLER)
CO_HANDLER = person(2, "H002", "刘办案", Role.CASE_HANDLER)
OTHER_HANDLER = person(3, "H003", "陈办案", Role.CASE_HANDLER)  # handles other cases
KEEPER = person(4, "K001", "李保管", Role.KEEPER, dept=30)
HEAD = person(5, "D001", "周大队长", Role.DEPT_HEAD)
REVIEWER = person(6, "R001", "孙法制", Role.REVIEWER, dept=30)
# a keeper who is also a case handler, and handles this case
KEEPER_HANDLER = person(7, "K002", "赵保管", Role.KEEPER, Role.CASE_HANDLER)
# listed as a handler of the case, but without the case-handler role (e.g. role withdrawn)
LISTED_NO_ROLE = person(8, "X001", "王某", Role.REVIEWER)


def case(status: CaseStatus = CaseStatus.OPEN, handlers: frozenset[int] | None = None) -> Case:
    ids = frozenset({1, 2, 7, 8}) if handlers is None else handlers
    return Case(100, "A2026-001", "王某某故意伤害案", CRIM, status, ids)


def violation(fn: Any, *args: Any, **kw: Any) -> RuleViolation:
    with pytest.raises(RuleViolation) as ei:
        fn(*args, **kw)
    assert ei.value.article, "every rule cites its article"
    return ei.value


# ---------------------------------------------------------------- handover: who
def test_a_case_handler_of_the_case_hands_over_to_a_keeper_in_time() -> None:
    late = rules.check_handover(case(), HANDLER, KEEPER, BURNED, BURNED + timedelta(hours=2))
    assert late is False
    assert rules.check_handover(case(), CO_HANDLER, KEEPER, BURNED, BURNED) is False


def test_handler_must_handle_this_case() -> None:
    e = violation(rules.check_handover, case(), OTHER_HANDLER, KEEPER, BURNED, BURNED)
    assert e.code == "not_case_handler"
    assert "H003" in e.message and "A2026-001" in e.message
    assert "Art. 17" in e.article


def test_handler_must_have_the_case_handler_role() -> None:
    e = violation(rules.check_handover, case(), LISTED_NO_ROLE, KEEPER, BURNED, BURNED)
    assert e.code == "not_case_handler"
    # nor may a keeper or head hand over a case they are not handling
    for p in (HEAD, REVIEWER):
        assert violation(rules.check_handover, case(), p, KEEPER, BURNED, BURNED).code == (
            "not_case_handler"
        )


@pytest.mark.parametrize("who", [HEAD, REVIEWER, OTHER_HANDLER, CO_HANDLER])
def test_keeper_must_have_the_keeper_role(who: Person) -> None:
    e = violation(rules.check_handover, case(), HANDLER, who, BURNED, BURNED)
    assert e.code == "not_keeper"
    assert who.badge in e.message
    assert e.article == "Art. 16"


def test_keeper_who_handles_the_case_is_refused() -> None:
    e = violation(rules.check_handover, case(), HANDLER, KEEPER_HANDLER, BURNED, BURNED)
    assert e.code == "keeper_is_handler"
    assert KEEPER_HANDLER.name in e.message and "A2026-001" in e.message
    assert e.article == "Art. 16"


def test_keeper_who_handles_other_cases_only_may_keep_this_one() -> None:
    c = case(handlers=frozenset({1, 2}))
    assert rules.check_handover(c, HANDLER, KEEPER_HANDLER, BURNED, BURNED) is False


def test_same_person_cannot_hand_over_to_themself() -> None:
    e = violation(rules.check_handover, case(), KEEPER_HANDLER, KEEPER_HANDLER, BURNED, BURNED)
    assert e.code == "same_person"
    assert KEEPER_HANDLER.name in e.message


def test_check_keeper_for_case_directly() -> None:
    rules.check_keeper_for_case(KEEPER, case())
    assert violation(rules.check_keeper_for_case, HANDLER, case()).code == "not_keeper"
    assert violation(rules.check_keeper_for_case, KEEPER_HANDLER, case()).code == (
        "keeper_is_handler"
    )


# ---------------------------------------------------------------- handover: when
@pytest.mark.parametrize(
    "after",
    [
        timedelta(0),
        timedelta(minutes=1),
        timedelta(hours=23, minutes=59, seconds=59),
        timedelta(hours=24),
    ],
)
def test_within_24_hours_is_on_time(after: timedelta) -> None:
    assert rules.check_handover(case(), HANDLER, KEEPER, BURNED, BURNED + after) is False


def test_exactly_24_hours_is_on_time_and_is_the_deadline() -> None:
    assert rules.handover_deadline(BURNED) == BURNED + timedelta(hours=24)
    assert rules.check_handover(case(), HANDLER, KEEPER, BURNED, BURNED + timedelta(hours=24)) is (
        False
    )


@pytest.mark.parametrize("reason", [None, "", "   ", "\n"])
@pytest.mark.parametrize("after", [timedelta(hours=24, seconds=1), timedelta(days=3)])
def test_after_24_hours_without_a_reason_is_refused(after: timedelta, reason: str | None) -> None:
    e = violation(rules.check_handover, case(), HANDLER, KEEPER, BURNED, BURNED + after, reason)
    assert e.code == "handover_late"
    assert "24 h" in e.message
    assert "2026-03-03 09:00:00" in e.message  # when the limit passed
    assert "reason" in e.message
    assert e.article == "Art. 17"


def test_after_24_hours_with_a_reason_is_registered_late() -> None:
    now = BURNED + timedelta(hours=30)
    reason = "嫌疑人转押，夜间无保管员"
    assert rules.check_handover(case(), HANDLER, KEEPER, BURNED, now, reason) is True


def test_late_reason_is_still_a_checked_text() -> None:
    now = BURNED + timedelta(hours=30)
    e = violation(rules.check_handover, case(), HANDLER, KEEPER, BURNED, now, "x" * 501)
    assert e.code == "field_too_long"
    e = violation(rules.check_handover, case(), HANDLER, KEEPER, BURNED, now, "bad\x00text")
    assert e.code == "bad_field"


def test_handover_before_burning_is_refused() -> None:
    e = violation(
        rules.check_handover, case(), HANDLER, KEEPER, BURNED, BURNED - timedelta(seconds=1)
    )
    assert e.code == "bad_time"
    assert "before" in e.message


@pytest.mark.parametrize("status", [CaseStatus.CONCLUDED, CaseStatus.ARCHIVED])
def test_case_not_open_is_refused(status: CaseStatus) -> None:
    e = violation(rules.check_handover, case(status), HANDLER, KEEPER, BURNED, BURNED)
    assert e.code == "case_not_open"
    assert status.value in e.message and "A2026-001" in e.message


# ---------------------------------------------------------------- label
def full_label() -> dict[str, object]:
    return {
        "production_unit": "某市公安局",
        "producer": "张办案",
        "production_time": BURNED,
        "person_interrogated": "王某某",
        "case_name": "王某某故意伤害案",
        "case_number": "A2026-001",
    }


NAMES = {
    "production_unit": "production unit",
    "producer": "producer",
    "production_time": "production time",
    "person_interrogated": "person interrogated",
    "case_name": "case name",
    "case_number": "case number",
}


def test_a_complete_label_passes() -> None:
    rules.check_label(full_label())


def test_label_fields_are_the_six_of_article_17() -> None:
    assert set(LABEL_FIELDS) == set(NAMES)


@pytest.mark.parametrize("field", LABEL_FIELDS)
@pytest.mark.parametrize("how", ["absent", "none", "empty", "blank"])
def test_each_label_field_is_required(field: str, how: str) -> None:
    label = full_label()
    if how == "absent":
        del label[field]
    else:
        label[field] = {"none": None, "empty": "", "blank": "  \t "}[how]
    e = violation(rules.check_label, label)
    assert e.code == "label_incomplete"
    assert e.message == f"the disc label lacks: {NAMES[field]}"
    assert e.article == "Art. 17"


def test_every_missing_label_field_is_named() -> None:
    e = violation(rules.check_label, {"producer": "张办案"})
    assert e.code == "label_incomplete"
    for f, name in NAMES.items():
        if f != "producer":
            assert name in e.message


def test_label_text_too_long_is_refused() -> None:
    label = full_label()
    label["case_name"] = "案" * 201
    e = violation(rules.check_label, label)
    assert e.code == "field_too_long"
    assert "case name" in e.message


# ---------------------------------------------------------------- manifest
def entry(path: str = "rec/1.mp4", size: int = 10, sha: str = SHA) -> ManifestEntry:
    return ManifestEntry(path, size, sha)


def test_a_good_manifest_passes() -> None:
    rules.check_manifest([entry("rec/1.mp4"), entry("rec/2.mp4", 0), entry("label.json")])


def test_empty_manifest_is_refused() -> None:
    e = violation(rules.check_manifest, [])
    assert e.code == "empty_manifest"


def test_duplicate_path_is_refused() -> None:
    e = violation(
        rules.check_manifest, [entry("rec/1.mp4"), entry("rec/2.mp4"), entry("rec/1.mp4")]
    )
    assert e.code == "bad_manifest"
    assert "listed twice" in e.message and "rec/1.mp4" in e.message


@pytest.mark.parametrize(
    "sha",
    ["", "ab" * 31, "ab" * 33, "AB" * 32, "g" * 64, " " + "a" * 63, "a" * 63 + "\n"],
)
def test_bad_sha256_is_refused(sha: str) -> None:
    e = violation(rules.check_manifest, [entry(sha=sha)])
    assert e.code == "bad_manifest"
    assert "SHA-256" in e.message and "rec/1.mp4" in e.message


@pytest.mark.parametrize(
    "path", ["", "/etc/passwd", "/rec/1.mp4", "..", "../1.mp4", "rec/../../1.mp4", "rec/.."]
)
def test_absolute_or_escaping_path_is_refused(path: str) -> None:
    e = violation(rules.check_manifest, [entry("ok.mp4"), entry(path)])
    assert e.code == "bad_manifest"
    assert "bad path" in e.message


def test_dots_inside_a_name_are_fine() -> None:
    rules.check_manifest([entry("rec/..1.mp4"), entry("rec/a..b.mp4"), entry(".hidden")])


def test_negative_size_is_refused() -> None:
    e = violation(rules.check_manifest, [entry(size=-1)])
    assert e.code == "bad_manifest"
    assert "negative size" in e.message


# ---------------------------------------------------------------- pair
def test_pair_with_the_same_manifest_passes() -> None:
    rules.check_pair("m" * 64, "m" * 64)


def test_pair_with_different_manifests_is_refused() -> None:
    e = violation(rules.check_pair, "a" * 64, "b" * 64)
    assert e.code == "pair_mismatch"
    assert "original" in e.message and "duplicate" in e.message
    assert e.article == "Art. 17"


# ---------------------------------------------------------------- one person, one case
def test_several_interrogations_of_one_person_in_one_case_share_a_disc() -> None:
    rules.check_recordings_one_person_one_case([(100, "王某某"), (100, "王某某 "), (100, "王某某")])


def test_no_recordings_is_refused() -> None:
    assert violation(rules.check_recordings_one_person_one_case, []).code == "no_recordings"


def test_mixed_cases_are_refused() -> None:
    e = violation(rules.check_recordings_one_person_one_case, [(100, "王某某"), (101, "王某某")])
    assert e.code == "mixed_cases"
    assert e.article == "Art. 17"


def test_mixed_persons_are_refused_and_named() -> None:
    e = violation(rules.check_recordings_one_person_one_case, [(100, "王某某"), (100, "李某")])
    assert e.code == "mixed_persons"
    assert "王某某" in e.message and "李某" in e.message
