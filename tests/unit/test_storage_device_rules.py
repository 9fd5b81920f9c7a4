"""The dedicated storage device and its backup as custody items (issue 14): Art. 17(3) — a
dedicated device with a backup, each registered with its place; Art. 16 — kept by a keeper,
never by case-handling personnel; Art. 19 para 1 — a stored recording is accessed for the
purposes a duplicate is retrieved for."""

from __future__ import annotations

import pytest

from keeper_app.domain import storage_devices as rules
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import RetrievalReason, Role


def test_art17_a_device_is_storage_or_backup_with_a_label_and_a_place() -> None:
    assert rules.check_device(" 存储1 ", "storage", " 机房柜1 ") == ("存储1", "机房柜1")
    assert rules.check_device("备份1", "backup", "档案室") == ("备份1", "档案室")
    with pytest.raises(RuleViolation) as ei:
        rules.check_device("U盘", "usb", "机房")
    assert ei.value.code == "bad_device_role" and ei.value.article == "Art. 17"
    with pytest.raises(RuleViolation) as ei:
        rules.check_device("  ", "storage", "机房")
    assert ei.value.code == "missing_field"


def test_art16_a_device_has_a_place() -> None:
    with pytest.raises(RuleViolation) as ei:
        rules.check_location("")
    assert ei.value.code == "missing_field" and ei.value.article == "Art. 16"


def test_art16_a_device_is_kept_by_a_keeper_who_handles_no_case() -> None:
    rules.check_device_keeper("李保管", {Role.KEEPER})
    with pytest.raises(RuleViolation) as ei:
        rules.check_device_keeper("孙法制", {Role.REVIEWER})
    assert ei.value.code == "not_keeper"
    with pytest.raises(RuleViolation) as ei:
        rules.check_device_keeper("王", {Role.KEEPER, Role.CASE_HANDLER})
    assert ei.value.code == "keeper_is_handler" and ei.value.article == "Art. 16"
    with pytest.raises(RuleViolation) as ei:
        rules.check_device_keeper("李", {Role.KEEPER}, active=False)
    assert ei.value.code == "inactive"


def test_art19_stored_recordings_are_accessed_for_the_purposes_of_a_retrieval() -> None:
    for r in RetrievalReason:
        assert rules.check_export_purpose(r.value) == r
    with pytest.raises(RuleViolation) as ei:
        rules.check_export_purpose("curiosity")
    assert ei.value.code == "bad_access_purpose" and ei.value.article == "Art. 19"
