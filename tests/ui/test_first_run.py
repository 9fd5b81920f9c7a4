"""First run: with no database the app sets up a new office instead of failing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from keeper_app.domain.model import Role
from keeper_app.services import lookup, people
from keeper_app.services.session import sign_in
from keeper_app.store import open_database
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.i18n import Translations
from keeper_app.ui.settings import BACKUP_FOLDER

from .test_zh_cn import untranslated


def _app(qapp: QApplication, settings, path: Path) -> KeeperApp:
    tr = Translations(qapp)
    tr.use("zh_CN")
    k = KeeperApp(None, settings, db_path=str(path), translations=tr)
    k.start()
    return k


def _close(k: KeeperApp, qtbot) -> None:
    k.shutdown()
    if k.translations is not None:
        k.translations.use("en")  # the app's translators leave with it
    if k.db is not None:
        k.db.close()
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    k.deleteLater()
    qtbot.wait(50)  # the deferred deletions happen here, in this test


def _fill(d, unit="3101", badge="010001", pw="a-long-pass-1", again=None) -> None:
    d.unit_code.setText(unit)
    d.unit_name.setText("某某市公安局")
    d.badge.setText(badge)
    d.name.setText("王管理")
    d.password.setText(pw)
    d.again.setText(again if again is not None else pw)
    # the first department head, made with the administrator (issue 10: a head countersigns
    # every later custody role)
    d.head_badge.setText("010102")
    d.head_name.setText("周建国")
    d.head_department.setText("刑事侦查大队")
    d.head_password.setText("head-long-pass-2")
    d.head_again.setText("head-long-pass-2")


def test_no_database_opens_the_set_up_and_then_sign_in(qapp, qtbot, settings, tmp_path) -> None:
    path = tmp_path / "office" / "keeper.sqlite"
    k = _app(qapp, settings, path)
    try:
        d = k.first_run
        assert d is not None and d.isVisible() and k.sign_in_window is None
        assert str(path.resolve()) == d.data_path.text()
        assert untranslated(d) == []  # in Chinese, like every window
        # refusals say what is wrong and leave no file behind
        _fill(d, again="something-else")
        d.create_button.click()
        assert d.banner.kind == "error" and "两次" in d.banner.text()
        _fill(d, unit="31")
        d.create_button.click()
        qtbot.waitUntil(lambda: d.banner.kind == "error")
        assert not path.exists()
        _fill(d, pw="short")
        d.create_button.click()
        qtbot.waitUntil(lambda: d.banner.kind == "error" and "密码" in d.banner.text())
        assert not path.exists()
        # the office is made; the sign-in window opens with the administrator's badge
        _fill(d)
        d.backup_folder.setText(str(tmp_path / "backups"))
        d.create_button.click()
        qtbot.waitUntil(lambda: k.sign_in_window is not None, timeout=20_000)
        w = k.sign_in_window
        assert w.badge.text() == "010001"
        qtbot.waitUntil(lambda: k.db is not None, timeout=20_000)
        assert not people.needs_bootstrap(k.db)
        assert settings.get(BACKUP_FOLDER) == str(tmp_path / "backups")
        # the administrator and the first department head, who heads the department named
        head = sign_in(k.db, "010102", "head-long-pass-2")
        assert head.person.roles == {Role.DEPT_HEAD} and head.person.department_id is not None
        admin = sign_in(k.db, "010001", "a-long-pass-1")
        assert [d["name"] for d in lookup.departments(admin)] == ["刑事侦查大队"]
    finally:
        _close(k, qtbot)


def test_a_database_with_nobody_in_it_also_opens_the_set_up(
    qapp, qtbot, settings, tmp_path
) -> None:
    path = tmp_path / "keeper.sqlite"
    open_database(path).close()  # the schema, nobody in it (an interrupted `keeper init`)
    k = _app(qapp, settings, path)
    try:
        qtbot.waitUntil(lambda: k.first_run is not None and k.first_run.isVisible(), timeout=20_000)
        assert k.sign_in_window is None
        _fill(k.first_run)
        k.first_run.create_button.click()
        qtbot.waitUntil(lambda: k.db is not None, timeout=20_000)
        assert not people.needs_bootstrap(k.db)
    finally:
        _close(k, qtbot)
