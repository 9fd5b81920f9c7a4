"""A medium's life (DESIGN.md) and who may do what (Art. 21), Articles 16-20.

Art. 17: handover seals the original and shelves the duplicate. Art. 18: only the original is
sealed; it is unsealed and resealed, never retrieved. Art. 19: only the duplicate goes out or
to a court or procuratorate. Art. 20: a returned disc is inspected (intact, damaged, replaced,
lost). Art. 16: a concluded case's media go to the archives. Art. 21: access strictly limited
by duty — the role matrix.
"""

from __future__ import annotations

import itertools

import pytest

from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.lifecycle import (
    PERMISSIONS,
    Action,
    allowed,
    allowed_actions,
    next_status,
    require_role,
)
from keeper_app.domain.model import CopyRole, Inspection, MediumStatus, Role

ORIG, DUP, HD = CopyRole.ORIGINAL, CopyRole.DUPLICATE, CopyRole.HARD_DRIVE
S = MediumStatus
A = Action
R = Role

#: The picture of DESIGN.md, "A medium's life", as (copy role, status, action) -> next status.
#: Return (duplicate, out) depends on the inspection and is tested on its own.
EXPECTED_TRANSITIONS: dict[tuple[CopyRole, MediumStatus, Action], MediumStatus] = {
    (ORIG, S.BURNED, A.HANDOVER): S.SEALED,  # Art. 17: sealed in a bag as the original
    (DUP, S.BURNED, A.HANDOVER): S.IN_CUSTODY,  # Art. 17: kept as the duplicate
    (DUP, S.IN_CUSTODY, A.RETRIEVE): S.OUT,  # Art. 19-20
    (DUP, S.IN_CUSTODY, A.COURT_TRANSFER): S.TRANSFERRED,  # Art. 19 para 2
    (ORIG, S.SEALED, A.UNSEAL): S.UNSEALED,  # Art. 18
    (ORIG, S.UNSEALED, A.RESEAL): S.SEALED,  # Art. 18: resealed promptly after use
    (ORIG, S.SEALED, A.ARCHIVE_HANDOVER): S.ARCHIVED,  # Art. 16 para 3
    (DUP, S.IN_CUSTODY, A.ARCHIVE_HANDOVER): S.ARCHIVED,
    (HD, S.IN_CUSTODY, A.ARCHIVE_HANDOVER): S.ARCHIVED,
    # Art. 18: a damaged, replaced or lost duplicate is retired by its reproduction
    (DUP, S.DAMAGED, A.REPRODUCE_DUPLICATE): S.RETIRED,
    (DUP, S.REPLACED, A.REPRODUCE_DUPLICATE): S.RETIRED,
    (DUP, S.LOST, A.REPRODUCE_DUPLICATE): S.RETIRED,
}

EXPECTED_RETURN = {
    Inspection.INTACT: S.IN_CUSTODY,
    Inspection.DAMAGED: S.DAMAGED,
    Inspection.REPLACED: S.REPLACED,
    Inspection.LOST: S.LOST,
}

#: What allowed_actions offers in each state (order not significant). Besides the transitions:
#: a sealed original may be asked to be unsealed, an out duplicate returned, and anything on
#: the shelf (sealed, unsealed, in custody) moved to another location.
EXPECTED_ALLOWED: dict[tuple[CopyRole, MediumStatus], set[Action]] = {
    (ORIG, S.BURNED): {A.HANDOVER},
    (ORIG, S.SEALED): {A.REQUEST_UNSEAL, A.UNSEAL, A.ARCHIVE_HANDOVER, A.SET_LOCATION},
    (ORIG, S.UNSEALED): {A.RESEAL, A.SET_LOCATION},
    (ORIG, S.IN_CUSTODY): {A.SET_LOCATION},  # not a state an original reaches
    (DUP, S.BURNED): {A.HANDOVER},
    (DUP, S.IN_CUSTODY): {A.RETRIEVE, A.COURT_TRANSFER, A.ARCHIVE_HANDOVER, A.SET_LOCATION},
    (DUP, S.OUT): {A.RETURN},
    (DUP, S.SEALED): {A.SET_LOCATION},  # not reached
    (DUP, S.UNSEALED): {A.SET_LOCATION},  # not reached
    (HD, S.IN_CUSTODY): {A.ARCHIVE_HANDOVER, A.SET_LOCATION},
    (HD, S.SEALED): {A.SET_LOCATION},  # not reached
    (HD, S.UNSEALED): {A.SET_LOCATION},  # not reached
}


def expected_allowed(copy_role: CopyRole, status: MediumStatus) -> set[Action]:
    return EXPECTED_ALLOWED.get((copy_role, status), set())


ALL = list(itertools.product(CopyRole, MediumStatus, Action))


# ---------------------------------------------------------------- transitions
@pytest.mark.parametrize("copy_role, status, action", ALL)
def test_every_transition(copy_role: CopyRole, status: MediumStatus, action: Action) -> None:
    key = (copy_role, status, action)
    if key in EXPECTED_TRANSITIONS:
        assert next_status(copy_role, status, action) is EXPECTED_TRANSITIONS[key]
        return
    with pytest.raises(RuleViolation) as ei:
        next_status(copy_role, status, action, code="31012026000123O7")
    e = ei.value
    if copy_role == DUP and status == S.OUT and action == A.RETURN:
        assert e.code == "missing_inspection"
        return
    if copy_role == ORIG and action in (A.RETRIEVE, A.COURT_TRANSFER):
        assert e.code == "original_not_retrievable"
        assert "31012026000123O7" in e.message
        assert "only the duplicate" in e.message
        assert "Art. 18" in e.article
        return
    assert e.code == "wrong_state"
    assert "31012026000123O7" in e.message
    assert f"{copy_role.value} in state '{status.value}'" in e.message
    assert f"cannot {action.value.replace('_', ' ')}" in e.message
    listed = e.message.split("allowed now: ", 1)[1]
    want = expected_allowed(copy_role, status)
    if want:
        assert set(listed.split(", ")) == {a.value for a in want}
    else:
        assert listed == "nothing"


def test_the_expected_table_covers_every_transition_the_code_allows() -> None:
    """Guards the table above: every combination that succeeds is one we documented."""
    ok = set()
    for c, s, a in ALL:
        try:
            next_status(c, s, a, Inspection.INTACT)
        except RuleViolation:
            continue
        ok.add((c, s, a))
    assert ok == set(EXPECTED_TRANSITIONS) | {(DUP, S.OUT, A.RETURN)}


def test_wrong_state_without_a_code_still_says_what() -> None:
    with pytest.raises(RuleViolation) as ei:
        next_status(DUP, S.TRANSFERRED, A.RETRIEVE)
    assert ei.value.code == "wrong_state"
    assert ei.value.message.startswith("the medium is duplicate in state 'transferred'")
    assert ei.value.message.endswith("allowed now: nothing")


@pytest.mark.parametrize("status", list(MediumStatus))
def test_the_original_is_never_retrieved_in_any_state(status: MediumStatus) -> None:
    for action in (A.RETRIEVE, A.COURT_TRANSFER):
        with pytest.raises(RuleViolation) as ei:
            next_status(ORIG, status, action)
        assert ei.value.code == "original_not_retrievable"


# ---------------------------------------------------------------- return
@pytest.mark.parametrize("inspection", list(Inspection))
def test_return_outcome_per_inspection(inspection: Inspection) -> None:
    assert next_status(DUP, S.OUT, A.RETURN, inspection) is EXPECTED_RETURN[inspection]


def test_return_needs_the_inspection_result() -> None:
    with pytest.raises(RuleViolation) as ei:
        next_status(DUP, S.OUT, A.RETURN)
    assert ei.value.code == "missing_inspection"
    assert ei.value.article == "Art. 20"


@pytest.mark.parametrize("status", [s for s in MediumStatus if s != S.OUT])
def test_return_of_a_duplicate_that_is_not_out_is_refused(status: MediumStatus) -> None:
    with pytest.raises(RuleViolation) as ei:
        next_status(DUP, status, A.RETURN, Inspection.INTACT)
    assert ei.value.code == "wrong_state"


@pytest.mark.parametrize("copy_role", [ORIG, HD])
def test_only_a_duplicate_is_returned(copy_role: CopyRole) -> None:
    with pytest.raises(RuleViolation) as ei:
        next_status(copy_role, S.OUT, A.RETURN, Inspection.INTACT)
    assert ei.value.code == "wrong_state"


# ---------------------------------------------------------------- allowed_actions
@pytest.mark.parametrize("copy_role, status", list(itertools.product(CopyRole, MediumStatus)))
def test_allowed_actions(copy_role: CopyRole, status: MediumStatus) -> None:
    got = allowed_actions(copy_role, status)
    assert len(got) == len(set(got))
    assert set(got) == expected_allowed(copy_role, status)


def test_a_sealed_original_offers_the_unseal_request_first() -> None:
    assert allowed_actions(ORIG, S.SEALED)[0] is A.REQUEST_UNSEAL


# ---------------------------------------------------------------- the role matrix (Art. 21)
K, CH, DH, RV, AD, OR = (
    R.KEEPER,
    R.CASE_HANDLER,
    R.DEPT_HEAD,
    R.REVIEWER,
    R.ADMIN,
    R.OUTSIDE_RETRIEVER,
)

#: Who may perform each action as the signed-in person, written out from the law and DESIGN:
#: - the keeper registers handover, retrieval, return, seals, transfers and archive
#:   handovers (Art. 17, 18, 19, 20, 16), and keeps the shelf;
#: - case handlers make the discs (Art. 17) and the recordings, open cases;
#: - the head of the case-handling department approves unsealing (Art. 18) and retrievals
#:   (Art. 20), and is told of incidents (Art. 20);
#: - reviewers see the register and deadlines for case review and supervision (Art. 19, 22);
#: - the administrator manages people, checks the audit chain and backs up, and sees no case
#:   data (issue 10: separation of duties);
#: - court or procuratorate staff only sign for what they receive (Art. 19): no action;
#: - who read what of a department's cases is for its head (Art. 21, issue 14).
EXPECTED_PERMISSIONS: dict[Action, set[Role]] = {
    A.REGISTER_PAIR: {CH},
    A.HANDOVER: {K},
    A.RETRIEVE: {K},
    # Art. 20: the retriever asks (a handler, a reviewer or a head), or a keeper for him
    A.REQUEST_RETRIEVAL: {K, CH, RV, DH},
    A.RETURN: {K},
    A.REQUEST_UNSEAL: {K, CH},
    A.DECIDE_APPROVAL: {DH},
    A.UNSEAL: {K},
    A.RESEAL: {K},
    A.REPRODUCE_DUPLICATE: {K},  # Art. 18: the keeper, who holds the unsealed original
    A.ACK_INCIDENT: {DH},
    A.REGISTER_COURT_REQUEST: {K, CH, DH},  # the head of the case too (issue 14)
    A.COURT_TRANSFER: {K},
    A.CONCLUDE_CASE: {CH, DH},
    A.ARCHIVE_HANDOVER: {K},
    A.SET_LOCATION: {K},
    A.CORRECT: {K, CH, DH},
    A.SUBMIT_FOR_REVIEW: {CH, DH},
    A.KEEP_STORAGE_DEVICE: {K},
    A.EXPORT_RECORDING: {K, CH, DH, RV},
    A.CREATE_CASE: {CH, DH},
    A.REGISTER_RECORDING: {CH},
    A.VERIFY_MEDIUM: {K, CH, DH, RV},
    A.VIEW_MEDIA: {K, CH, DH, RV},
    A.VIEW_REGISTER: {K, DH, RV},
    A.VIEW_DUE: {K, DH, RV},
    A.VIEW_INBOX: {DH},
    A.INVENTORY: {K, DH, RV},
    A.VIEW_READS: {DH},
    A.MANAGE_PEOPLE: {AD},
    A.VERIFY_AUDIT: {K, DH, RV, AD},
    A.BACKUP: {K, AD},
    A.CHECKPOINT: {K},
    A.SWEEP_LATE: {K, DH},  # issue 14: the sweep is signed by a keeper or a head
    A.REPORT_MISSING: {K},  # the keeper's inventory
    # issue 15 (supervision Art. 123-134, 261): investigators seize, seal and ask; the keeper
    # keeps, lends and releases; the head inspects the register
    A.SEIZED_INTAKE: {CH},
    A.SEIZED_SEAL: {CH},
    A.SEIZED_REQUEST: {CH},
    A.SEIZED_KEEP: {K},
    A.SEIZED_INSPECT: {DH},
}


def test_the_expected_matrix_names_every_action() -> None:
    assert set(EXPECTED_PERMISSIONS) == set(Action)
    assert set(PERMISSIONS) == set(Action)


@pytest.mark.parametrize("action, role", list(itertools.product(Action, Role)))
def test_require_role_matrix(action: Action, role: Role) -> None:
    roles = frozenset({role})
    if role in EXPECTED_PERMISSIONS[action]:
        require_role(roles, action, "某人 (X001)")
        assert allowed(roles, action)
        return
    assert not allowed(roles, action)
    with pytest.raises(RuleViolation) as ei:
        require_role(roles, action, "某人 (X001)")
    e = ei.value
    assert e.code == "role_refused"
    assert e.article == "Art. 21"
    assert "某人 (X001)" in e.message
    assert f"roles: {role.value})" in e.message
    assert f"may not {action.value.replace('_', ' ')}" in e.message
    only = e.message.split("only ", 1)[1].removesuffix(" may")
    assert set(only.split(", ")) == {r.value for r in EXPECTED_PERMISSIONS[action]}


def test_outside_retrievers_may_do_nothing() -> None:
    assert not any(allowed(frozenset({OR}), a) for a in Action)


def test_any_one_fitting_role_is_enough() -> None:
    require_role({R.REVIEWER, R.KEEPER}, A.RETRIEVE, "x")
    require_role(frozenset({R.ADMIN, R.CASE_HANDLER}), A.REGISTER_PAIR, "x")


def test_no_roles_at_all_is_refused_saying_none() -> None:
    with pytest.raises(RuleViolation) as ei:
        require_role(frozenset(), A.VIEW_MEDIA, "张三 (H009)")
    assert ei.value.code == "role_refused"
    assert "(roles: none)" in ei.value.message


# ---------------------------------------------------------------- available_actions (the counter)
def _avail(copy_role: CopyRole, status: MediumStatus, **kw: bool) -> list[str]:
    from keeper_app.domain.lifecycle import available_actions

    ctx = dict(
        case_open=True,
        case_concluded=False,
        unseal_approved=False,
        unseal_pending=False,
        court_request_open=False,
    )
    ctx.update(kw)
    return [a.value for a in available_actions(copy_role, status, **ctx)]


def test_sealed_original_unseals_only_under_an_approved_request() -> None:
    """Art. 18: no approval, no unseal button; an open request hides a second request."""
    assert _avail(CopyRole.ORIGINAL, MediumStatus.SEALED) == ["request_unseal", "set_location"]
    assert _avail(CopyRole.ORIGINAL, MediumStatus.SEALED, unseal_pending=True) == ["set_location"]
    assert _avail(CopyRole.ORIGINAL, MediumStatus.SEALED, unseal_approved=True) == [
        "unseal",
        "set_location",
    ]


def test_court_transfer_only_against_an_open_request() -> None:
    """Art. 19: the duplicate goes to a court or procuratorate that has asked for it."""
    assert "court_transfer" not in _avail(CopyRole.DUPLICATE, MediumStatus.IN_CUSTODY)
    assert "court_transfer" in _avail(
        CopyRole.DUPLICATE, MediumStatus.IN_CUSTODY, court_request_open=True
    )


def test_archive_only_when_the_case_is_concluded() -> None:
    """Art. 16 para 3: after the investigation is concluded."""
    assert "archive_handover" not in _avail(CopyRole.DUPLICATE, MediumStatus.IN_CUSTODY)
    assert "archive_handover" in _avail(
        CopyRole.DUPLICATE, MediumStatus.IN_CUSTODY, case_open=False, case_concluded=True
    )
    assert "retrieve" not in _avail(
        CopyRole.DUPLICATE, MediumStatus.IN_CUSTODY, case_open=False, case_concluded=False
    )
