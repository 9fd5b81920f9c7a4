"""Retrieval approval is an act of the approver (Art. 20; issue 14, point 2), through the
services on a real sqlite file: the keeper asks at the counter for the retriever, the head of
the case's department finds the request in his inbox and decides it, signing with his own key;
the checkout uses the approval once; the register (on screen and printed) shows who approved
and when; `keeper audit verify` holds on a database that used all of it."""

from __future__ import annotations

from printing_tools import pdf_text, squash

from keeper_app.services import admin, custody, documents, lookup, retrieval_requests
from keeper_app.store import entries
from keeper_app.timeutil import show
from printing import register as reg


def test_ask_decide_in_the_inbox_check_out_and_the_register_shows_the_approval(office, tmp_path):
    o, d = office.handed_over_pair()
    k = office.session("K001")
    qid = retrieval_requests.request_retrieval(k, d, "H001", "case_handling", 6, "补充侦查")

    # the head of the case's department sees it in his inbox; another head does not
    [row] = lookup.inbox(office.session("D001"))["retrieval_requests"]
    assert (row["id"], row["code"], row["retriever"], row["reason"]) == (
        qid,
        d,
        "张办案",
        "case_handling",
    )
    assert (row["est_usage_hours"], row["purpose"], row["requested_by_name"]) == (
        6,
        "补充侦查",
        "李保管",
    )
    assert row["requested_at"] == show(office.clock())
    assert lookup.inbox(office.session("D002"))["retrieval_requests"] == []
    # nothing to give out under yet
    assert retrieval_requests.usable_requests(k, d) == []

    office.clock.advance(minutes=30)
    decided_at = office.clock()
    h = office.session("D001")
    did = retrieval_requests.decide_retrieval(h, qid, office.cred("D001"), True, "同意")
    sigs = entries.signatures(office.db.conn, "retrieval_decisions", did)
    assert [(s["badge"], s["capacity"]) for s in sigs] == [("D001", "approver")]
    assert lookup.inbox(h)["retrieval_requests"] == []
    [usable] = retrieval_requests.usable_requests(k, d)
    assert (usable["id"], usable["decided_by_name"], usable["decided_at"]) == (
        qid,
        "周大队长",
        show(decided_at),
    )

    office.clock.advance(minutes=30)
    rid = custody.retrieve(k, d, office.cred("H001"), office.cred("K001"), qid)
    assert retrieval_requests.usable_requests(k, d) == []  # used once
    [e] = lookup.register(k, code=d)
    assert (e["id"], e["approver"], e["approved_at"]) == (rid, "周大队长", show(decided_at))
    assert (e["reason"], e["est_usage_hours"], e["purpose"]) == ("case_handling", 6, "补充侦查")

    doc = documents.register_document(k)
    [printed] = doc["rows"]
    assert (printed["approver"], printed["approved_at"]) == ("周大队长", show(decided_at))
    pdf = tmp_path / "register.pdf"
    reg.register_pdf(doc, pdf)
    text = squash(pdf_text(pdf))
    assert "周大队长" in text and squash(show(decided_at)[5:16]) in text

    result = admin.verify_audit(office.db)
    assert result.ok, result.problems
    actions = [a for _, a in office.changes()]
    assert actions[-3:] == ["request_retrieval", "decide_retrieval", "retrieve"]


def test_a_refusal_is_signed_and_says_why(office):
    _, d = office.handed_over_pair()
    qid = retrieval_requests.request_retrieval(
        office.session("H001"), d, "H001", "case_handling", 2
    )
    did = retrieval_requests.decide_retrieval(
        office.session("D001"), qid, office.cred("D001"), False, "已有复制件在用"
    )
    row = entries.retrieval_request(office.db.conn, qid)
    assert row is not None
    assert (row["decision"], row["decision_note"], row["decided_by_name"]) == (
        "refused",
        "已有复制件在用",
        "周大队长",
    )
    sigs = entries.signatures(office.db.conn, "retrieval_decisions", did)
    assert [(s["badge"], s["capacity"]) for s in sigs] == [("D001", "approver")]
    assert retrieval_requests.usable_requests(office.session("K001"), d) == []
    assert admin.verify_audit(office.db).ok


def test_a_new_head_decides_what_waits_for_his_department(office):
    """The request goes to the department, not to a name: after a change of head, the new
    head sees and decides it, the old one may not."""
    _, d = office.handed_over_pair()
    qid = retrieval_requests.request_retrieval(
        office.session("K001"), d, "H001", "case_handling", 2
    )
    office.add_person("D009", "冯新队长", ["dept_head"], "crim")
    from keeper_app.services import people as people_svc

    people_svc.set_head(office.session("ADMIN"), office.dept["crim"], "D009")
    office.clock.advance(minutes=1)
    assert [q["id"] for q in lookup.inbox(office.session("D009"))["retrieval_requests"]] == [qid]
    assert lookup.inbox(office.session("D001"))["retrieval_requests"] == []
    retrieval_requests.decide_retrieval(office.session("D009"), qid, office.cred("D009"), True)
    office.clock.advance(hours=1)
    custody.retrieve(office.session("K001"), d, office.cred("H001"), office.cred("K001"), qid)
    [e] = lookup.register(office.session("K001"), code=d)
    assert e["approver"] == "冯新队长"
    assert admin.verify_audit(office.db).ok


def test_the_signed_decision_cannot_be_moved_to_another_request(office):
    """An insider who points a decision at another request breaks the head's signature."""
    from conftest import raw_connect
    from insider_sql import drop_trigger

    _, d = office.handed_over_pair()
    k = office.session("K001")
    q1 = retrieval_requests.request_retrieval(k, d, "H001", "case_handling", 2)
    q2 = retrieval_requests.request_retrieval(k, d, "H002", "case_handling", 2)
    retrieval_requests.decide_retrieval(office.session("D001"), q1, office.cred("D001"), True)
    assert admin.verify_audit(office.db).ok
    con = raw_connect(office.location)
    drop_trigger(con, "retrieval_decisions_no_update", "retrieval_decisions")
    con.execute("UPDATE retrieval_decisions SET request_id=? WHERE request_id=?", (q2, q1))
    con.commit()
    con.close()
    result = admin.verify_audit(office.db)
    assert not result.ok
    assert any("retrieval_decisions" in p for p in result.problems), result.problems


def test_the_head_signs_the_approval_at_the_counter(office):
    """The other way of Art. 20: the head of the case's department types his own password at
    the counter; his key signs the approval, in the same change as the register entry."""
    _, d = office.handed_over_pair()
    k = office.session("K001")
    rid = retrieval_requests.retrieve_countersigned(
        k,
        d,
        office.cred("H001"),
        office.cred("K001"),
        office.cred("D001"),
        "case_handling",
        3,
        "辨认笔录核对",
    )
    [e] = lookup.register(k, code=d)
    assert (e["id"], e["approver"], e["approved_at"], e["purpose"]) == (
        rid,
        "周大队长",
        e["out_at"],
        "辨认笔录核对",
    )
    q = office.db.conn.execute(
        "SELECT d.id FROM retrieval_decisions d JOIN retrieval_request_uses u "
        "ON u.request_id = d.request_id WHERE u.retrieval_id=?",
        (rid,),
    ).fetchone()
    sigs = entries.signatures(office.db.conn, "retrieval_decisions", q[0])
    assert [(s["badge"], s["capacity"]) for s in sigs] == [("D001", "approver")]
    assert [a for _, a in office.changes()][-1] == "retrieve"  # one change
    result = admin.verify_audit(office.db)
    assert result.ok, result.problems
