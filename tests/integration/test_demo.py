"""The demo office: made through the services on a real sqlite file, it verifies, reads like
a real register, leaves something due, and refuses a database that already has people."""

from __future__ import annotations

import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from keeper_app.demo import DEMO_PASSWORD, DemoInfo, make_demo
from keeper_app.domain import codes
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, lookup
from keeper_app.services import people as people_svc
from keeper_app.services.session import KdfCache, Session, sign_in
from keeper_app.store import Database, open_database

NOW = datetime(2026, 11, 26, 3, 30, 0, tzinfo=UTC)  # 11:30 in the office (UTC+8)
KEEPER, CRIM_HEAD = "010231", "010102"


class Demo:
    def __init__(self, db: Database, path: Path, info: DemoInfo):
        self.db, self.path, self.info = db, path, info
        self.cache = KdfCache()

    def session(self, badge: str) -> Session:
        return sign_in(self.db, badge, DEMO_PASSWORD, lambda: NOW, self.cache)

    def snapshot(self) -> list[tuple[str, list[tuple[object, ...]]]]:
        con = sqlite3.connect(self.path)
        try:
            tables = [
                r[0]
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                )
            ]
            return [
                (t, sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr)) for t in tables
            ]
        finally:
            con.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    path = tmp_path_factory.mktemp("demo") / "keeper.sqlite"
    db = open_database(path)
    d = Demo(db, path, make_demo(db, NOW))
    yield d
    db.close()


def test_counts_and_people(demo: Demo) -> None:
    info = demo.info
    assert info.password == DEMO_PASSWORD and len(info.password) >= 8
    assert 14 <= info.counts["people"] == len(info.people) <= 17
    assert info.counts["cases"] == 20 and info.counts["media"] == 200
    # the same figures through the services, as a keeper sees them
    s = demo.session(KEEPER)
    cases = lookup.cases(s)
    assert len(cases) == 20
    assert all(c["name"].endswith("案") for c in cases)
    assert sum(bool(c["major"]) for c in cases) >= 3
    assert Counter(c["status"] for c in cases) == {"open": 17, "concluded": 2, "archived": 1}
    media = lookup.media(s, limit=1000)
    assert len(media) == 200
    by_role = Counter(m["copy_role"] for m in media)
    assert by_role == {"original": 100, "duplicate": 100}
    assert len(admin_listing(demo)) == info.counts["people"]
    roles = Counter(r for _, _, rs, _ in info.people for r in rs)
    assert roles["keeper"] == 2 and roles["outside_retriever"] == 2 and roles["dept_head"] == 3
    assert roles["reviewer"] == 1 and roles["admin"] == 1
    depts = {dept for _, _, _, dept in info.people}
    assert {
        "刑事侦查大队",
        "禁毒大队",
        "经济犯罪侦查大队",
        "法制大队",
        "档案室",
        "某某市中级人民法院",
        "某某区人民检察院",
    } <= depts
    # everyone signs in with the one demo password
    for badge, _name, _roles, _dept in info.people:
        assert demo.session(badge).person.badge == badge


def admin_listing(demo: Demo) -> list[dict[str, object]]:
    return people_svc.listing(demo.session(demo.info.people[0][0]))


def test_audit_verifies_and_every_entry_is_signed(demo: Demo) -> None:
    r = admin.verify_audit(demo.db)
    assert r.ok, r.problems
    c = demo.info.counts
    two_signers = (
        c["handovers"]
        + c["retrievals"]
        + c["returns"]
        + c["court_transfers"]
        + c["archive_handovers"]
        + c["unseals"]
        + c["reseals"]
        # schema 13 (Art. 18): the use of each unsealed original and each reseal's inspection
        + c["unseals"]
        + c["reseals"]
    )
    # the head's approval of the unseal, and of every retrieval (Art. 20)
    one_signer = c["incident_acks"] + 1 + c["retrievals"]
    # and a department head's countersignature of each custody role granted (issue 10): every
    # person but the administrator and the first head, made with him at the first run
    granted = len(demo.info.people) - 2
    # seized media (issue 15): three sealings and two receipts by two, an unsealing and a
    # reseal by two investigators, a release and a transfer by investigator and keeper, three
    # decisions of the head and his inspection
    seized_signatures = 2 * (3 + 2 + 1 + 1 + 1 + 1) + 3 + 1
    assert r.signatures == 2 * two_signers + one_signer + granted + seized_signatures
    assert c["handovers"] == 99 and c["retrievals"] >= 30 and c["returns"] >= 28
    assert r.events > 400


def test_every_retrieval_went_out_under_the_approval_of_the_head_of_its_case(demo: Demo) -> None:
    """Art. 20: each demo retrieval used its own request, approved (and signed) by the head
    of the case's department before the disc went out."""
    con = sqlite3.connect(demo.path)
    try:
        rows = con.execute(
            "SELECT r.id, r.out_at, r.approver_id, d.decided_by, d.at, dep.head_id "
            "FROM retrievals r JOIN retrieval_request_uses u ON u.retrieval_id=r.id "
            "JOIN retrieval_decisions d ON d.request_id=u.request_id AND d.decision='approved' "
            "JOIN media m ON m.id=r.medium_id JOIN cases c ON c.id=m.case_id "
            "JOIN departments dep ON dep.id=c.department_id"
        ).fetchall()
        total = con.execute("SELECT count(*) FROM retrievals").fetchone()[0]
    finally:
        con.close()
    assert len(rows) == total == demo.info.counts["retrievals"]
    for _rid, out_at, approver, decided_by, decided_at, head in rows:
        assert approver == decided_by == head and decided_at < out_at


def test_scan_of_sample_codes_shows_a_believable_record(demo: Demo) -> None:
    s = demo.session(KEEPER)
    samples = demo.info.samples
    for code in samples.values():
        codes.parse(code)  # every sample is a valid, printed-style code

    dup = lookup.scan(s, samples["in_custody_duplicate"])
    assert (dup.copy_role, dup.status, dup.case_status) == ("duplicate", "in_custody", "open")
    assert all(str(v).strip() for v in dup.label.values()) and len(dup.label) == 6
    assert dup.label["production_unit"] == demo.info.unit_name
    assert dup.case_name.endswith("案") and dup.case_no.startswith("A3101")
    assert dup.location.startswith("副本柜")
    assert dup.partner is not None and dup.partner["status"] == "sealed"
    assert dup.recordings and all(r["place"] for r in dup.recordings)
    kinds = [h["kind"] for h in dup.history]
    assert kinds[-1] == "handover" and "retrieval" in kinds and "return" in kinds
    assert "retrieve" in dup.actions and dup.open_entry is None

    orig = lookup.scan(s, samples["resealed_original"])
    assert (orig.copy_role, orig.status) == ("original", "sealed")
    kinds = [h["kind"] for h in orig.history]
    assert set(kinds[:2]) == {"reseal", "inspection"} and "seal" in kinds
    assert set(kinds[2:4]) == {"unseal", "original_use"}
    first_seal = next(h["detail"] for h in orig.history if h["kind"] == "seal")
    assert orig.seal_no and orig.seal_no != first_seal

    out = lookup.scan(s, samples["out_overdue"])
    assert out.status == "out" and out.open_entry is not None
    assert out.open_entry["reason"] == "case_handling"
    assert [d["kind"] for d in out.due] == ["return"] and out.due[0]["late"]

    damaged = lookup.scan(s, samples["damaged_duplicate"])
    assert damaged.status == "damaged"
    assert any(h["kind"] == "incident" for h in damaged.history)

    assert lookup.scan(s, samples["burned_not_handed_over"]).status == "burned"
    assert lookup.scan(s, samples["transferred_duplicate"]).status == "transferred"
    archived = lookup.scan(s, samples["archived_original"])
    assert (archived.status, archived.case_status) == ("archived", "archived")
    assert lookup.scan(s, samples["sealed_original"]).status == "sealed"


def test_due_board_and_inbox_are_not_empty(demo: Demo) -> None:
    due = lookup.due(demo.session(KEEPER))
    kinds = Counter(d["kind"] for d in due)
    assert kinds["handover"] == 1 and kinds["court_transfer"] == 1 and kinds["return"] == 2
    handover = next(d for d in due if d["kind"] == "handover")
    assert not handover["late"]
    assert any(d["kind"] == "return" and d["late"] for d in due)
    court = next(d for d in due if d["kind"] == "court_transfer")
    assert not court["late"]
    inbox = lookup.inbox(demo.session(CRIM_HEAD))
    kinds = Counter(i["kind"] for i in inbox["incidents"])
    assert kinds["late_handover"] == 1 and set(kinds) <= {"late_handover", "late_return"}
    assert inbox["approvals"] == []
    # issue 14: a return after its estimated usage time was reported by the return itself
    late_returns = demo.info.counts["late_returns"]
    assert late_returns > 0
    marked = demo.db.conn.execute("SELECT count(*) FROM late_marks WHERE kind='return'")
    assert marked.fetchone()[0] == late_returns
    # the other late handovers and the damaged disc were acknowledged by their heads; the
    # late returns wait in the heads' inboxes
    assert demo.info.counts["incident_acks"] == demo.info.counts["incidents"] - 1 - late_returns


def test_a_second_run_is_refused_and_changes_nothing(demo: Demo) -> None:
    before = demo.snapshot()
    with pytest.raises(RuleViolation) as exc:
        make_demo(demo.db, NOW)
    assert exc.value.code == "not_empty"
    assert demo.snapshot() == before
    assert admin.verify_audit(demo.db).ok


def test_seized_media_in_each_state(demo: Demo) -> None:
    """Issue 15: the demo holds seized items in each state of their life; one seizure's
    sealing period ends within the due board's warning, its extension waits for the head."""
    from keeper_app.services import seized

    s = demo.session(KEEPER)
    samples = demo.info.samples
    states = {
        what: seized.lookup(s, code)["status"]
        for what, code in samples.items()
        if what.startswith("seized_")
    }
    assert states == {
        "seized_in_safekeeping": "in_safekeeping",
        "seized_extracted": "in_safekeeping",
        "seized_out": "out",
        "seized_released": "released",
        "seized_sealed": "sealed",
        "seized_entered": "seized",
    }
    rec = seized.lookup(s, samples["seized_in_safekeeping"])
    assert [e["kind"] for e in rec["seals"]] == ["seal", "unseal", "reseal"]
    assert [(d["kind"], d["late"], d["soon"]) for d in rec["due"]] == [
        ("seized_period", False, True)
    ]
    extracted = seized.lookup(s, samples["seized_extracted"])
    assert extracted["kind"] == "extracted" and extracted["not_seized_reason"]
    box = lookup.inbox(demo.session("010502"))
    assert [q["kind"] for q in box["seized_requests"]] == ["extension"]
    assert box["seized_incidents"] == []
    due = {d["kind"] for d in lookup.due(s)}
    assert {"seized_period", "seized_registration", "seized_safekeeping"} <= due
