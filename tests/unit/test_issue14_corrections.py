"""Issue 14, points 1, 7 and 9, as plain rules (no database): who may correct what
(Art. 16, 17, 20, 21), the retriever's own usage time (Art. 20), an incident only supplemented
(Art. 20), the second signer at unseal and reseal (Art. 18; Art. 129 of the supervision seed),
outside retrievers hold no other role (Art. 19, 21), who registers a court request
(Art. 19, 21), the pair's two manifests (Art. 17)."""

from __future__ import annotations

import pytest

from keeper_app.domain import access, corrections, rules, signing
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import Case, CaseStatus, Person, Role

CRIM, DRUG, LEGAL = 10, 11, 30


def person(pid: int, name: str, *roles: Role, dept: int | None = CRIM, active=True) -> Person:
    return Person(pid, f"X{pid:03d}", name, frozenset(roles), 1, dept, active)


HEAD = person(1, "周大队长", Role.DEPT_HEAD)
OTHER_HEAD = person(2, "吴大队长", Role.DEPT_HEAD, dept=DRUG)
HANDLER = person(3, "张办案", Role.CASE_HANDLER)
DRUG_HANDLER = person(4, "陈办案", Role.CASE_HANDLER, dept=DRUG)
KEEPER = person(5, "李保管", Role.KEEPER, dept=LEGAL)
REVIEWER = person(6, "孙法制", Role.REVIEWER, dept=LEGAL)
CLERK = person(7, "郑书记员", Role.OUTSIDE_RETRIEVER, dept=None)
KEEPER_HANDLER = person(8, "黄兼办", Role.KEEPER, Role.CASE_HANDLER)
REVIEWING_HANDLER = person(9, "冯兼审", Role.CASE_HANDLER, Role.REVIEWER, dept=DRUG)
CASE = Case(1, "A2026-001", "王某某故意伤害案", CRIM, CaseStatus.OPEN, frozenset({3, 8}))


def code_of(fn, *args) -> str:
    with pytest.raises(RuleViolation) as ei:
        fn(*args)
    assert ei.value.message
    return ei.value.code


# ------------------------------------------------------------------ Art. 16, 21: of the case
def test_the_people_of_a_case_and_their_duties() -> None:
    d = access.case_duties
    assert d(HANDLER, CASE, HEAD.id) == {Role.CASE_HANDLER}
    assert d(KEEPER, CASE, HEAD.id) == {Role.KEEPER}
    assert d(HEAD, CASE, HEAD.id) == {Role.DEPT_HEAD}
    # Art. 16: a keeper who handles the case acts for it as its handler, never as its keeper
    assert d(KEEPER_HANDLER, CASE, HEAD.id) == {Role.CASE_HANDLER}
    for stranger in (OTHER_HEAD, DRUG_HANDLER, REVIEWER, CLERK, REVIEWING_HANDLER):
        assert d(stranger, CASE, HEAD.id) == frozenset(), stranger.name


# ------------------------------------------------------------------ Art. 17, 20: who corrects
@pytest.mark.parametrize(
    ("who", "table", "field", "ok"),
    [
        (KEEPER, "retrievals", "purpose", True),
        (KEEPER, "retrievals", "est_usage_hours", True),
        (HANDLER, "retrievals", "retriever_unit", False),
        (HEAD, "retrievals", "purpose", False),
        (KEEPER, "returns", "note", True),
        (HANDLER, "returns", "note", False),
        (KEEPER, "handovers", "note", True),
        (HANDLER, "handovers", "note", True),
        (HEAD, "handovers", "note", False),
        (HANDLER, "media", "label.person_interrogated", True),
        (HEAD, "media", "label.case_name", True),
        (KEEPER, "media", "label.person_interrogated", False),
        (KEEPER_HANDLER, "media", "label.producer", True),
    ],
)
def test_each_kind_of_correction_by_the_duty_whose_entry_it_is(who, table, field, ok) -> None:
    if ok:
        corrections.check_corrector(who, CASE, HEAD.id, table, field)
    else:
        assert code_of(corrections.check_corrector, who, CASE, HEAD.id, table, field) == (
            "not_your_duty"
        )


@pytest.mark.parametrize("who", [OTHER_HEAD, DRUG_HANDLER, REVIEWER, REVIEWING_HANDLER, CLERK])
def test_nobody_outside_the_case_corrects_it(who) -> None:
    assert (
        code_of(corrections.check_corrector, who, CASE, HEAD.id, "handovers", "note")
        == "not_of_the_case"
    )


def test_every_correctable_field_names_its_article() -> None:
    for (table, field), (duties, article) in corrections.CORRECTORS.items():
        assert duties and article.startswith("Art."), (table, field)
    assert corrections.correctable_fields("media") == {
        "label.person_interrogated",
        "label.case_name",
        "label.producer",
        "label.production_unit",
    }
    assert corrections.is_label_field("media", "label.case_name")
    assert not corrections.is_label_field("retrievals", "purpose")


def test_an_incident_is_never_rewritten_only_supplemented() -> None:
    """Art. 20: damage, replacement and loss are recorded truthfully."""
    assert code_of(corrections.check_correctable, "incidents", "description") == (
        "incident_supplement_only"
    )
    assert code_of(corrections.check_correctable, "audit_events", "payload") == "not_correctable"
    for who in (KEEPER, HANDLER, HEAD):
        corrections.check_supplementer(who, CASE, HEAD.id)
    assert code_of(corrections.check_supplementer, DRUG_HANDLER, CASE, HEAD.id) == (
        "not_of_the_case"
    )


def test_a_retriever_never_changes_his_own_usage_time() -> None:
    """Art. 20: a longer use is a new approval."""
    with pytest.raises(RuleViolation) as ei:
        corrections.check_not_own_usage_time(HANDLER, HANDLER.id)
    assert ei.value.code == "own_usage_time"
    assert "new approval" in ei.value.message
    corrections.check_not_own_usage_time(KEEPER, HANDLER.id)


# ------------------------------------------------------------------ Art. 18; 129 (supervision)
@pytest.mark.parametrize("who", [KEEPER, HANDLER, HEAD, REVIEWER, KEEPER_HANDLER])
def test_staff_of_the_organ_sign_the_unsealing(who) -> None:
    rules.check_second_signer(who, "opening of the original")


def test_no_court_clerk_or_inactive_person_signs_the_unsealing() -> None:
    assert code_of(rules.check_second_signer, CLERK, "x") == "second_signer_not_staff"
    nobody = person(10, "无角色", dept=None)
    assert code_of(rules.check_second_signer, nobody, "x") == "second_signer_not_staff"
    gone = person(11, "离职", Role.KEEPER, active=False)
    assert code_of(rules.check_second_signer, gone, "x") == "inactive"


def test_verify_holds_witnesses_and_sealers_to_the_staff() -> None:
    outside = frozenset({Role.OUTSIDE_RETRIEVER})
    assert signing.capacity_problem("witness", outside) is not None
    assert signing.capacity_problem("sealer", outside) is not None
    assert signing.capacity_problem("witness", frozenset({Role.REVIEWER})) is None
    assert signing.capacity_problem("recipient", outside) is None  # a court receives


# ------------------------------------------------------------------ Art. 19, 21: outsiders
def test_an_outside_retriever_holds_no_other_role() -> None:
    o, k = Role.OUTSIDE_RETRIEVER, Role.KEEPER
    check = access.check_outside_roles
    assert code_of(check, frozenset(), {o, k}, "x") == "outside_retriever_other_role"
    assert code_of(check, {o}, {k}, "x") == "outside_retriever_other_role"  # clerk → keeper
    assert code_of(check, {k}, {o}, "x") == "outside_retriever_other_role"  # keeper → clerk
    check(frozenset(), {o}, "x")
    check({o}, {o}, "x")
    check({k}, {k, Role.REVIEWER}, "x")


def test_a_court_request_is_registered_by_the_people_of_the_case() -> None:
    for who in (KEEPER, HANDLER, HEAD, KEEPER_HANDLER):
        rules.check_court_request_registrar(who, CASE, HEAD.id)
    for who in (DRUG_HANDLER, REVIEWING_HANDLER, OTHER_HEAD):
        assert code_of(rules.check_court_request_registrar, who, CASE, HEAD.id) == (
            "not_of_the_case"
        )


# ------------------------------------------------------------------ Art. 17: the pair
def test_the_pair_carries_one_manifest() -> None:
    rules.check_pair("a" * 64, "a" * 64)
    assert code_of(rules.check_pair, "a" * 64, "b" * 64) == "pair_mismatch"
