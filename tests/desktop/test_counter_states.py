"""The counter's states on a real X server, each shown as a keeper sees it (with
KEEPER_DESKTOP_SHOTS=DIR each is saved as a picture of its window): the record of discs in each
state with exactly its actions, a refused scan that leaves no disc one click away, the same
disc twice, and the first-run set-up."""

from __future__ import annotations

import sqlite3
import time
from pathlib import Path

from .conftest import App, _wait, media_codes


def _actions(app: App) -> set[str]:
    return {k[len("action_") :] for k in app.state()["named"] if k.startswith("action_")}


def _shown(app: App, n: int) -> dict:
    _wait(lambda: len(app.events("counter")) == n, 20, f"scan {n} handled")
    time.sleep(0.3)
    return app.events("counter")[-1]


def test_each_state_of_the_counter(app: App) -> None:
    db = app.db
    main = app.sign_in()
    app.screenshot(main, "counter-empty")
    states = (
        # court transfer only for a disc an open request asks for (issue 14)
        ("in_custody", "duplicate", {"retrieve", "set_location"}),
        ("sealed", "original", {"request_unseal", "set_location"}),
        ("out", "duplicate", {"return"}),
        ("burned", "duplicate", {"handover"}),
    )
    n = 0
    for status, role, expected in states:
        code = media_codes(db, 1, status=status, copy_role=role)[0]
        app.scan(code)
        n += 1
        e = _shown(app, n)
        assert e["ok"] and e["status"] == status
        assert expected <= _actions(app), (status, _actions(app))
        app.screenshot(main, f"counter-{status}-{role}")
    # the same disc twice: flagged, and its record stays
    app.scan(code)
    n += 1
    assert _shown(app, n)["ok"]
    assert _actions(app) == {"handover"}
    app.screenshot(main, "counter-twice")
    # a refused scan: the previous disc and its buttons are gone, not one click away
    app.scan("31012026000001D9")
    n += 1
    e = _shown(app, n)
    assert not e["ok"] and e["status"] == "code_bad_check"
    assert _actions(app) == set()
    app.screenshot(main, "counter-refused")


def test_first_run_sets_up_a_new_office(display: str, tmp_path: Path) -> None:
    db = tmp_path / "new" / "office.sqlite"
    app = App(display, db, tmp_path / "home")
    try:
        w = app.wait_window("first_run")
        app.activate(w)
        app.screenshot(w, "first-run")
        app.click("unit_code")
        app.type("3101")
        for name, text in (
            ("unit_name", "Test unit"),
            ("admin_badge", "010001"),
            ("admin_name", "Admin"),
            ("admin_password", "first-pass-1"),
            ("admin_password_again", "first-pass-1"),
            ("head_badge", "010102"),
            ("head_name", "Head"),
            ("head_department", "Crime"),
            ("head_password", "head-pass-22"),
            ("head_password_again", "head-pass-22"),
        ):
            app.click(name)
            app.type(text)
        app.key("Return")
        app.wait_window("sign_in")
        fields = {f["path"].rsplit("/", 1)[-1]: f["text"] for f in app.state()["fields"]}
        assert fields["badge"] == "010001"
        app.type("first-pass-1")
        app.key("Return")
        app.wait_window("main_window")
    finally:
        app.close()
    con = sqlite3.connect(db)
    assert con.execute("SELECT badge, roles FROM people ORDER BY id").fetchall() == [
        ("010001", "admin"),
        ("010102", "dept_head"),  # the first department head, made with the administrator
    ]
    con.close()
