"""Reading is scoped and logged (issue 14; Art. 21): every view, list, print and export of
case data, and every successful sign-in, is an audit event signed by the reader, naming what
was read and the cases it showed; a refused reading writes nothing; ``keeper audit verify``
passes on a database that holds them and fails on a read event that wrote a row or that an
administrator signed. A department head's report of who read what shows the readings of
their departments' cases only. People of two departments: the criminal squad (D001, H001:
case A2026-001) and the drug squad (D002, H003: case B2026-002)."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest
from conftest import Office, raw_connect

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, documents, intake, lookup, reads, storage, transfers
from keeper_app.services.session import Session, rerun_if_changed, sign_in
from keeper_app.store import audit
from keeper_app.store import open as store_open


def _case_id(office: Office, case_no: str) -> int:
    return int(
        office.db.conn.execute("SELECT id FROM cases WHERE case_no=?", (case_no,)).fetchone()[0]
    )


def _events_after(office: Office, seq: int) -> list[tuple[str | None, str, dict[str, Any]]]:
    """(actor's badge, action, details) of every event after ``seq``."""
    out = []
    for badge, action, payload in office.db.conn.execute(
        "SELECT p.badge, e.action, e.payload FROM audit_events e "
        "LEFT JOIN people p ON p.id = e.actor_id WHERE e.seq > ? ORDER BY e.seq",
        (seq,),
    ):
        out.append((badge, str(action), json.loads(payload)["details"]))
    return out


def _reads_after(office: Office, seq: int) -> list[tuple[str | None, dict[str, Any]]]:
    return [(b, d) for b, a, d in _events_after(office, seq) if a == "read"]


@pytest.fixture
def pairs(office: Office) -> dict[str, tuple[str, str]]:
    return {
        "crim": office.handed_over_pair("A2026-001", "H001", "王某某"),
        "drug": office.handed_over_pair("B2026-002", "H003", "李某"),
    }


def test_a_successful_sign_in_is_the_persons_own_signed_event(office: Office) -> None:
    head = audit.head(office.db.conn)[0]
    s = office.session("H003")
    got = [(b, a, d) for b, a, d in _events_after(office, head) if a == "sign_in"]
    assert got == [("H003", "sign_in", {"badge": "H003"})]
    assert s.person.badge == "H003"
    # a wrong password signs nobody in and logs no sign-in
    head = audit.head(office.db.conn)[0]
    with pytest.raises(RuleViolation) as ei:
        sign_in(office.db, "H003", "wrong-password-9", office.clock, office.cache)
    assert ei.value.code == "bad_credentials"
    assert [a for _b, a, _d in _events_after(office, head) if a == "sign_in"] == []


def _every_read(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> list[tuple[str, Callable[[Session], Any]]]:
    o, d = pairs["crim"]
    return [
        ("scan", lambda s: lookup.scan(s, d)),
        ("media", lambda s: lookup.media(s)),
        ("cases", lambda s: lookup.cases(s)),
        ("approvals", lambda s: lookup.approvals_for(s, o)),
        ("court_requests", lambda s: lookup.court_requests(s, "A2026-001")),
        ("document", lambda s: documents.label_data(s, o)),
        ("document", lambda s: documents.pair_label_data(s, o)),
        ("document", lambda s: documents.handover_receipt(s, documents.handover_of(s, o))),
        ("recordings", lambda s: storage.case_recordings(s, "A2026-001")),
    ]


def test_every_view_list_and_print_of_a_case_is_logged_signed_by_the_reader(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    crim = _case_id(office, "A2026-001")
    for badge in ("H001", "D001", "K001", "R001"):
        s = office.session(badge)
        for what, call in _every_read(office, pairs):
            head = audit.head(office.db.conn)[0]
            call(s)
            got = _reads_after(office, head)
            assert len(got) == 1, (badge, what, got)
            reader, details = got[0]
            assert reader == badge and details["what"] == what, (badge, what, details)
            assert crim in details["cases"], (badge, what, details)
    # the lists of a keeper: what is due, the register, the shelves, an archive's discs
    k = office.session("K001")
    for what, call in (
        ("due", lookup.due),
        ("register", lookup.register),
        ("inventory", lookup.inventory_expected),
        ("archive_expected", lambda s: transfers.archive_expected(s, "A2026-001")),
        ("document", lambda s: documents.register_document(s)),
    ):
        head = audit.head(office.db.conn)[0]
        call(k)
        got = _reads_after(office, head)
        assert [(b, d["what"]) for b, d in got] == [("K001", what)], got
    # a head's inbox is a reading of its cases too
    head = audit.head(office.db.conn)[0]
    lookup.inbox(office.session("D002"))
    assert [(b, d["what"]) for b, d in _reads_after(office, head)] == [("D002", "inbox")]


def test_a_list_names_only_the_cases_the_reader_saw(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    crim, drug = _case_id(office, "A2026-001"), _case_id(office, "B2026-002")
    for badge, seen in (
        ("D001", [crim]),
        ("H001", [crim]),
        ("D002", [drug]),
        ("H003", [drug]),
        ("K001", sorted([crim, drug])),
    ):
        s = office.session(badge)
        head = audit.head(office.db.conn)[0]
        lookup.media(s, status="sealed")
        [(reader, details)] = _reads_after(office, head)
        assert reader == badge
        assert details == {"what": "media", "cases": seen, "status": "sealed"}, badge


def test_a_refused_reading_writes_nothing(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    o, d = pairs["crim"]
    hid = documents.handover_of(office.session("K001"), o)
    for badge, code in (("H003", "not_your_case"), ("D002", "not_your_department")):
        s = office.session(badge)
        before, head = office.snapshot(sign_ins=True), audit.head(office.db.conn)
        calls: list[Callable[[Session], Any]] = [
            lambda s: lookup.scan(s, d),
            lambda s: lookup.approvals_for(s, o),
            lambda s: lookup.court_requests(s, "A2026-001"),
            lambda s: documents.label_data(s, o),
            lambda s: documents.pair_label_data(s, o),
            lambda s: documents.handover_of(s, o),
            lambda s: documents.handover_receipt(s, hid),
            lambda s: storage.case_recordings(s, "A2026-001"),
        ]
        if badge == "D002":
            calls.append(lambda s: reads.report(s, case_no="A2026-001"))
        for call in calls:
            with pytest.raises(RuleViolation) as ei:
                call(s)
            assert ei.value.code == code and ei.value.article == "Art. 21"
        assert audit.head(office.db.conn) == head
        assert office.snapshot(sign_ins=True) == before
    # the administrator reads no case data, and nothing is logged for trying
    a = office.session("ADMIN")
    head = audit.head(office.db.conn)
    for call in (lambda: lookup.scan(a, d), lambda: lookup.media(a), lambda: reads.report(a)):
        with pytest.raises(RuleViolation) as ei:
            call()
        assert ei.value.code == "role_refused"
    assert audit.head(office.db.conn) == head


def test_verify_passes_with_readings_and_finds_a_read_that_wrote_or_an_admins_read(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    for badge in ("K001", "D001", "D002", "H001", "R001"):
        s = office.session(badge)
        lookup.cases(s)
        lookup.media(s)
    reads.report(office.session("D001"))
    office.db.close()
    r = admin.verify_audit_file(office.location)
    assert r.ok, r.problems
    # an insider holding a keeper's key writes a "read" that anchors a row: verify says so
    db2 = store_open(office.location)
    try:
        ks = sign_in(db2, "K001", "correct-horse-1", office.clock, office.cache)
        mid = int(db2.conn.execute("SELECT id FROM media LIMIT 1").fetchone()[0])
        with db2.transaction() as conn:
            key = ks._event_key(conn)
            audit.append(
                conn,
                str(audit.head_at(conn)[2]),
                ks.person.id,
                "read",
                {"what": "scan"},
                [("media", mid)],
                key,
            )
    finally:
        db2.close()
    r = admin.verify_audit_file(office.location)
    assert not r.ok
    assert any("records a reading and writes no row, but wrote media" in p for p in r.problems)


def test_verify_finds_a_read_signed_by_the_administrator(office: Office) -> None:
    office.db.close()
    db2 = store_open(office.location)
    try:
        a = sign_in(db2, "ADMIN", "correct-horse-1", office.clock, office.cache)
        with db2.transaction() as conn:
            audit.append(
                conn,
                str(audit.head_at(conn)[2]),
                a.person.id,
                "read",
                {"what": "cases", "cases": [1]},
                (),
                a._event_key(conn),
            )
    finally:
        db2.close()
    r = admin.verify_audit_file(office.location)
    assert not r.ok
    assert any("'read' needs a role allowed to view_media" in p for p in r.problems), r.problems


def test_the_heads_report_shows_who_read_their_departments_cases_only(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    o_crim, d_crim = pairs["crim"]
    o_drug, d_drug = pairs["drug"]
    lookup.scan(office.session("H001"), d_crim)
    lookup.scan(office.session("H003"), d_drug)
    documents.label_data(office.session("K001"), o_crim)
    lookup.media(office.session("K001"))  # both departments' discs in one list
    office.clock.advance(minutes=5)
    crim = reads.report(office.session("D001"))
    drug = reads.report(office.session("D002"))
    assert [(r["badge"], r["what"], r["cases"]) for r in crim] == [
        ("K001", "media", ["A2026-001"]),  # the drug case it also showed is left out
        ("K001", "document", ["A2026-001"]),
        ("H001", "scan", ["A2026-001"]),
    ]
    assert crim[0]["at"] == "2026-11-20 01:00:00" and crim[2]["refs"] == {"code": d_crim}
    assert [(r["badge"], r["what"], r["cases"]) for r in drug] == [
        ("K001", "media", ["B2026-002"]),
        ("H003", "scan", ["B2026-002"]),
    ]
    # one case; the report itself is a logged reading (D001's first report shows in it)
    one = reads.report(office.session("D001"), case_no="A2026-001")
    assert [(r["badge"], r["what"]) for r in one] == [
        ("D001", "reads"),
        ("K001", "media"),
        ("K001", "document"),
        ("H001", "scan"),
    ]
    # the period
    since = office.clock.advance(minutes=1)
    assert reads.report(office.session("D002"), since=since) == []


def test_the_report_refuses_an_unknown_case_and_non_heads_changing_nothing(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    d = office.session("D001")
    before, head = office.snapshot(sign_ins=True), audit.head(office.db.conn)
    with pytest.raises(RuleViolation) as ei:
        reads.report(d, case_no="X-404")
    assert ei.value.code == "unknown_case"
    for badge in ("K001", "H001", "R001"):
        s = office.session(badge)
        before, head = office.snapshot(sign_ins=True), audit.head(office.db.conn)
        with pytest.raises(RuleViolation) as ei:
            reads.report(s)
        assert ei.value.code == "role_refused"
        assert audit.head(office.db.conn) == head and office.snapshot(sign_ins=True) == before


def test_reading_on_a_clock_set_back_is_shown_but_not_logged(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    s = office.session("K001")
    office.clock.advance(hours=-2)  # before the register's last entry: nothing can be signed
    head = audit.head(office.db.conn)
    assert lookup.scan(s, pairs["crim"][1]).code == pairs["crim"][1]
    assert audit.head(office.db.conn) == head


def test_the_database_has_the_index_the_report_reads_by(office: Office) -> None:
    query = "SELECT seq FROM audit_events WHERE action = 'read' AND at >= '2026-01-01'"
    con = raw_connect(office.location)
    try:
        if getattr(con, "engine", "sqlite") == "postgresql":
            # a few rows: the planner would scan the table; asked not to, it takes the index
            con.run_raw("SET enable_seqscan = off")
            plan = " ".join(str(r[0]) for r in con.run_raw("EXPLAIN " + query).fetchall())
        else:
            plan = " ".join(str(r[-1]) for r in con.execute("EXPLAIN QUERY PLAN " + query))
    finally:
        con.close()
    assert "audit_events_action_at" in plan


def test_another_desks_reading_does_not_make_a_change_run_again(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    """A change checks, then writes; another counter's change in between makes it run again
    on the new state (session.rerun_if_changed). A reading in between changes nothing: the
    change goes on."""
    other = office.session("K002")
    runs: list[int] = []

    @rerun_if_changed
    def act(s: Session, meanwhile: Callable[[], object]) -> None:
        runs.append(1)
        if len(runs) == 1:
            meanwhile()
        with s.change("clock_jump", note="test"):
            pass

    k = office.session("K001")
    act(k, lambda: lookup.cases(other))
    assert len(runs) == 1
    runs.clear()
    act(
        k,
        lambda: intake.create_case(
            office.session("H001"), "A2026-009", "某案", office.dept["crim"], ["H001"]
        ),
    )
    assert len(runs) == 2


def test_the_same_reading_again_within_the_window_is_logged_once(
    office: Office, pairs: dict[str, tuple[str, str]]
) -> None:
    """The due board refreshes itself every minute; a record is looked at twice: the same
    reading by the same person within reads.REPEAT_WINDOW is one event. Another reading, or
    the same one later, is logged."""
    _o, d = pairs["crim"]
    k = office.session("K001")
    head = audit.head(office.db.conn)[0]
    for _ in range(3):
        lookup.due(k)
        office.clock.advance(minutes=1)
    lookup.scan(k, d)
    lookup.scan(k, d)
    lookup.due(k)  # after another reading: the board again is logged again
    office.clock.advance(minutes=20)
    lookup.due(k)
    lookup.due(office.session("K002"))  # another person
    got = [(b, det["what"]) for b, det in _reads_after(office, head)]
    assert got == [
        ("K001", "due"),
        ("K001", "scan"),
        ("K001", "due"),
        ("K001", "due"),
        ("K002", "due"),
    ]
