"""Signing in, who is signed in, the idle lock, and what each role sees."""

from __future__ import annotations

import shiboken6
from conftest import PASSWORD, Office

from keeper_app.ui.app import KeeperApp
from keeper_app.ui.settings import IDLE_LOCK_SECONDS

from .test_scan import scan


def test_keeper_signs_in_and_sees_who(ui, keeper_app: KeeperApp) -> None:
    m = ui.sign_in("K001")
    assert "李保管" in m.who.text() and "K001" in m.who.text() and "保管员" in m.who.text()
    assert keeper_app.sign_in_window is None
    assert m.counter is not None and m.register is not None and m.due is not None
    assert m.people is None and m.inbox is None


def test_wrong_password_is_shown_and_nobody_is_signed_in(
    keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    w = keeper_app.sign_in_window
    w.badge.setText("K001")
    w.password.setText(PASSWORD + "!")
    w.button.click()
    qtbot.waitUntil(lambda: w.banner.kind == "error")
    wrong = w.banner.text()
    assert "警号或密码错误" in wrong  # issue 10: the same words for an unknown badge
    assert keeper_app.main_window is None and w.password.text() == ""
    w.banner.clear_message()
    w.badge.setText("X999")
    w.password.setText(PASSWORD)
    w.button.click()
    qtbot.waitUntil(lambda: w.banner.kind == "error")
    assert w.banner.text() == wrong
    assert keeper_app.main_window is None


def test_a_scanned_badge_fills_the_sign_in_form(keeper_app: KeeperApp, qtbot) -> None:
    w = keeper_app.sign_in_window
    scan(qtbot, w.badge, "d001")
    assert w.badge.text() == "D001" and w.password.text() == ""
    assert w.password.hasFocus()
    # keys for the password field are never a scan: a fast password stays secret
    scan(qtbot, w.password, "secret-pass-2")
    assert w.badge.text() == "D001"


def test_roles_decide_the_tabs(ui, keeper_app: KeeperApp, qtbot) -> None:
    head = ui.sign_in("D001")
    assert head.inbox is not None and head.register is not None and head.people is None
    head.out_button.click()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    admin = ui.sign_in("ADMIN")
    assert admin.people is not None and admin.register is None and admin.inbox is None
    qtbot.waitUntil(lambda: admin.people.model.rowCount() == 11)


def test_idle_lock_hides_case_data_and_asks_the_same_persons_password(
    ui, keeper_app: KeeperApp, office: Office, settings, qtbot
) -> None:
    _o, d = office.handed_over_pair()
    settings.set(IDLE_LOCK_SECONDS, 1)
    keeper_app.idle.set_timeout(settings.idle_lock_ms)
    m = ui.sign_in("K001")
    scan(qtbot, m.counter.manual, d)
    qtbot.waitUntil(lambda: m.counter.record.record is not None)
    m.counter.record.buttons["retrieve"].click()
    form = m.dialog
    assert form.isVisible()
    qtbot.waitUntil(lambda: m.locked, timeout=5000)
    assert m.stack.currentWidget() is m.lock_page
    assert not m.tabs.isVisible()
    assert not shiboken6.isValid(form) or not form.isVisible()  # the open form was closed
    # a scan while locked opens nothing
    scan(qtbot, m.lock_page, d)
    assert m.locked and m.lock_page.banner.kind == "warn"
    # a wrong password keeps it locked
    m.lock_page.password.setText("wrong-password")
    m.lock_page.unlock_button.click()
    qtbot.waitUntil(lambda: m.lock_page.banner.kind == "error")
    assert m.locked
    m.lock_page.password.setText(PASSWORD)
    m.lock_page.unlock_button.click()
    qtbot.waitUntil(lambda: not m.locked)
    assert m.stack.currentWidget() is m.tabs


def test_language_can_be_switched_to_english(ui, keeper_app: KeeperApp, settings, qtbot):
    m = ui.sign_in("K001")
    assert m.tabs.tabText(0) == "柜台"
    m.language.setCurrentIndex(m.language.findData("en"))
    qtbot.waitUntil(lambda: m.tabs.tabText(0) == "Counter")
    assert m.counter.lookup_button.text() == "Look up"
    assert settings.language == "en"
    m.language.setCurrentIndex(m.language.findData("zh_CN"))
    qtbot.waitUntil(lambda: m.tabs.tabText(0) == "柜台")


def test_the_database_is_checked_off_the_gui_thread_before_anyone_signs_in(
    qapp, office: Office, settings, qtbot
) -> None:
    from keeper_app.ui.app import KeeperApp

    k = KeeperApp(None, settings, db_path=str(office.path), clock=office.clock)
    try:
        k.start()
        w = k.sign_in_window
        # the window is there at once; signing in waits for the check
        assert w.isVisible() and k.db is None and not w.button.isEnabled()
        qtbot.waitUntil(lambda: k.db is not None and w.button.isEnabled(), timeout=10_000)
        w.badge.setText("K001")
        w.password.setText(PASSWORD)
        w.button.click()
        qtbot.waitUntil(lambda: k.main_window is not None, timeout=10_000)
    finally:
        k.shutdown()
        if k.db is not None:
            k.db.close()


def test_a_file_that_is_not_a_database_is_refused_in_the_sign_in_window(
    qapp, tmp_path, settings, qtbot
) -> None:
    from keeper_app.ui.app import KeeperApp

    bad = tmp_path / "keeper.sqlite"
    bad.write_bytes(b"this is not a database" * 100)
    k = KeeperApp(None, settings, db_path=str(bad))
    try:
        k.start()
        w = k.sign_in_window
        qtbot.waitUntil(lambda: k.open_error is not None, timeout=10_000)
        assert w.banner.kind == "error" and not w.button.isEnabled() and k.db is None
    finally:
        k.shutdown()
