"""The whole retrieval → return → inspection flow from the keyboard alone: a scan, F3, the form,
Enter to each signer's box, the passwords, Enter to register; then F4 and the same for the
return. No mouse after sign-in."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from keeper_app.demo import DEMO_PASSWORD

from .conftest import App, _wait, media_codes


def _one(db: Path, sql: str, *args: object) -> tuple:
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return con.execute(sql, args).fetchone()
    finally:
        con.close()


def _dialog(app: App, cls: str) -> dict:
    return _wait(
        lambda: next((w for w in app.state()["windows"] if w["class"] == cls), None),
        20,
        f"the {cls}",
        0.2,
    )


def _gone(app: App, cls: str) -> None:
    _wait(
        lambda: all(w["class"] != cls for w in app.state()["windows"]), 20, f"the {cls} closed", 0.2
    )


def _sign(app: App, badge: str | None) -> None:
    """In the signer's box that just opened: the badge (typed, at a person's pace), Enter
    moves on to the password; the password, Enter signs."""
    _dialog(app, "SignatureDialog")
    if badge is not None:
        app.type(badge)
        app.key("Return")
    app.type(DEMO_PASSWORD)
    app.key("Return")
    _gone(app, "SignatureDialog")


def approve_retrieval(db: Path, code: str, retriever: str, head: str, purpose: str) -> None:
    """The keeper asked for the retriever and the head approved, at their own desks."""
    from keeper_app.services import retrieval_requests
    from keeper_app.services.session import Credential, sign_in
    from keeper_app.store import open_database

    from .harness import KEEPER

    office = open_database(db, create=False)
    try:
        qid = retrieval_requests.request_retrieval(
            sign_in(office, KEEPER, DEMO_PASSWORD), code, retriever, "case_handling", 24, purpose
        )
        retrieval_requests.decide_retrieval(
            sign_in(office, head, DEMO_PASSWORD), qid, Credential(head, DEMO_PASSWORD), True
        )
    finally:
        office.close()


def test_retrieval_and_return_without_the_mouse(app: App) -> None:
    code = media_codes(app.db, 1, copy_role="duplicate", status="in_custody")[0]
    handler = _one(
        app.db,
        "SELECT p.badge FROM media m JOIN case_handlers h ON h.case_id = m.case_id "
        "JOIN people p ON p.id = h.person_id WHERE m.code = ? ORDER BY p.badge",
        code,
    )[0]
    count = (
        "SELECT m.status, count(r.id) FROM media m LEFT JOIN retrievals r "
        "ON r.medium_id = m.id WHERE m.code = ?"
    )
    n = _one(app.db, count, code)[1]
    head = _one(
        app.db,
        "SELECT p.badge FROM media m JOIN cases c ON c.id = m.case_id JOIN departments d "
        "ON d.id = c.department_id JOIN people p ON p.id = d.head_id WHERE m.code = ?",
        code,
    )[0]
    approve_retrieval(app.db, code, handler, head, "review of the interrogation")
    main = app.sign_in()
    app.scan(code)
    _wait(lambda: len(app.events("counter")) == 1, 20, "the disc shown")
    assert app.events("counter")[0]["status"] == "in_custody"
    app.screenshot(main, "counter-in-custody")

    # F3: the retrieval form opens with the focus in its first field, not on Cancel: the
    # head's approval (Art. 20), already chosen as it is the only one
    app.key("F3")
    d = _dialog(app, "RetrievalDialog")
    assert app.state()["focus"]["class"] == "QComboBox"
    app.screenshot(d, "retrieval-form")
    app.key("Return")  # signatures missing: the retriever's box opens
    _sign(app, handler)
    assert app.state()["focus"]["name"] == "sign_keeper"
    app.key("Return")  # the keeper's box (the keeper signed in: badge fixed)
    _sign(app, None)
    assert app.state()["focus"]["name"] == "submit"
    app.key("Return")
    _gone(app, "RetrievalDialog")
    assert _one(app.db, count, code) == ("out", n + 1)
    last = _one(
        app.db,
        "SELECT p.badge, r.purpose FROM retrievals r JOIN media m ON "
        "m.id = r.medium_id JOIN people p ON p.id = r.retriever_id "
        "WHERE m.code = ? ORDER BY r.id DESC LIMIT 1",
        code,
    )
    assert last == (handler, "review of the interrogation")

    # the same disc comes back: scan, F4, Enter through the signatures
    app.scan(code)
    _wait(lambda: len(app.events("counter")) == 2, 20, "the disc shown again")
    assert app.events("counter")[1]["status"] == "out"
    time.sleep(0.3)
    app.screenshot(main, "counter-out")
    app.key("F4")
    d = _dialog(app, "ReturnDialog")
    app.screenshot(d, "return-form")
    # intact is preselected; no read-back was made, so the focus waits in the reason box
    app.type("no drive at the counter")
    app.key("Return")  # the returner's box opens, the retriever's badge in it
    _sign(app, None)
    app.key("Return")
    _sign(app, None)
    app.key("Return")
    _gone(app, "ReturnDialog")
    back = _one(
        app.db,
        "SELECT m.status, rt.inspection FROM media m JOIN retrievals r ON "
        "r.medium_id = m.id JOIN returns rt ON rt.retrieval_id = r.id "
        "WHERE m.code = ? ORDER BY r.id DESC LIMIT 1",
        code,
    )
    assert back == ("in_custody", "intact")
    reason = _one(
        app.db,
        "SELECT c.reason FROM return_checks c JOIN returns rt ON rt.id = c.return_id JOIN "
        "retrievals r ON r.id = rt.retrieval_id JOIN media m ON m.id = r.medium_id "
        "WHERE m.code = ? ORDER BY c.id DESC LIMIT 1",
        code,
    )
    assert reason == ("no drive at the counter",)  # not checked, and why (issue 14)
