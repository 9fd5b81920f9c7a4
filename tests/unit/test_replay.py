"""The replay of a medium's entries (domain/replay.py): what status, shelf and seal they
imply, entries of the same second taken in the order a medium's life allows."""

from __future__ import annotations

from keeper_app.domain.model import CopyRole, MediumStatus
from keeper_app.domain.replay import Expected, Step, StepKind, differences, replay

K = StepKind
T0, T1, T2 = "2026-11-20T01:00:00Z", "2026-11-20T02:00:00Z", "2026-11-20T03:00:00Z"


def handover(at: str = T0, loc: str = "柜B-01", seal: str | None = None) -> Step:
    return Step(K.HANDOVER, 1, at, location=loc, seal_no=seal)


def test_a_registered_disc_is_burned_on_no_shelf_with_no_seal():
    e = replay(CopyRole.DUPLICATE, [])
    assert (e.status, e.location, e.seal_no, e.problems) == (MediumStatus.BURNED, "", "", [])


def test_retrievals_and_returns_of_the_same_second_pair_up():
    retrievals = [Step(K.RETRIEVAL, i, T1) for i in (1, 2, 3)]
    returns = [Step(K.RETURN, i, T1, inspection="intact") for i in (1, 2)]
    e = replay(CopyRole.DUPLICATE, [[handover()], retrievals, returns])
    assert e.status == MediumStatus.OUT and e.because == "retrieval #3 not returned"
    assert e.location == "柜B-01" and e.problems == []


def test_a_return_decides_the_status():
    for inspection, status in (
        ("intact", MediumStatus.IN_CUSTODY),
        ("damaged", MediumStatus.DAMAGED),
        ("replaced", MediumStatus.REPLACED),
        ("lost", MediumStatus.LOST),
    ):
        e = replay(
            CopyRole.DUPLICATE,
            [
                [handover()],
                [Step(K.RETRIEVAL, 4, T1)],
                [Step(K.RETURN, 9, T2, inspection=inspection)],
            ],
        )
        assert e.status == status and e.because == f"return #9: {inspection}"


def test_the_original_is_sealed_unsealed_and_resealed_under_a_new_seal():
    streams = [
        [handover(loc="柜A-01", seal="S-1")],
        [Step(K.UNSEAL, 2, T1)],
        [Step(K.RESEAL, 3, T1, seal_no="S-2")],
        [Step(K.LOCATION, 1, T2, location="柜A-09")],
    ]
    e = replay(CopyRole.ORIGINAL, streams)
    assert (e.status, e.location, e.seal_no) == (MediumStatus.SEALED, "柜A-09", "S-2")
    assert e.problems == []
    e = replay(CopyRole.ORIGINAL, streams[:2])
    assert (e.status, e.seal_no, e.because) == (MediumStatus.UNSEALED, "S-1", "unseal #2")


def test_transfers_and_archives_end_a_discs_custody():
    e = replay(CopyRole.DUPLICATE, [[handover()], [Step(K.COURT_TRANSFER, 5, T1)]])
    assert e.status == MediumStatus.TRANSFERRED and e.because == "court transfer #5"
    e = replay(CopyRole.ORIGINAL, [[handover(seal="S-1")], [Step(K.ARCHIVE, 2, T1)]])
    assert e.status == MediumStatus.ARCHIVED and e.because == "archive handover #2"


def test_an_entry_possible_in_no_order_is_reported():
    e = replay(CopyRole.ORIGINAL, [[handover(seal="S-1")], [Step(K.RETRIEVAL, 7, T1)]])
    assert e.status == MediumStatus.SEALED
    assert e.problems == ["retrieval #7 while the medium is sealed"]
    e = replay(
        CopyRole.DUPLICATE,
        [[handover()], [Step(K.RETRIEVAL, 1, T1)], [Step(K.LOCATION, 3, T2, location="x")]],
    )
    assert e.problems == ["location change #3 while the medium is out"] and e.location == "柜B-01"


def test_differences_name_the_medium_and_what_its_entries_imply():
    e = Expected(MediumStatus.OUT, "柜B-01", "", "retrieval #12 not returned")
    assert differences("X1", ("out", "柜B-01", ""), e) == []
    assert differences("X1", ("in_custody", "柜B-02", "S-9"), e) == [
        "medium X1: stored status 'in_custody' but its entries imply 'out' "
        "(retrieval #12 not returned)",
        "medium X1: stored location '柜B-02' but its entries imply '柜B-01'",
        "medium X1: stored seal 'S-9' but its entries imply ''",
    ]


def test_a_move_and_a_retrieval_in_the_same_second():
    e = replay(
        CopyRole.DUPLICATE,
        [[handover()], [Step(K.RETRIEVAL, 1, T1)], [Step(K.LOCATION, 3, T1, location="柜C")]],
    )
    assert (e.status, e.location, e.problems) == (MediumStatus.OUT, "柜C", [])
