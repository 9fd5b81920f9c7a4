"""UI tests: the real widgets on the real database of the ``office`` fixture, offscreen."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from conftest import PASSWORD, Office
from PySide6.QtWidgets import QApplication

from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.base import WorkflowDialog
from keeper_app.ui.i18n import Translations
from keeper_app.ui.main_window import MainWindow
from keeper_app.ui.settings import IDLE_LOCK_SECONDS, SOUND, Settings
from keeper_app.ui.widgets.signature_dialog import SignatureDialog

# CI runs offscreen; set before pytest-qt creates the QApplication (at the first test)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    s = Settings.in_file(str(tmp_path / "keeper.ini"))
    s.set(SOUND, False)
    s.set(IDLE_LOCK_SECONDS, 600)
    return s


@pytest.fixture
def keeper_app(qapp: QApplication, office: Office, settings: Settings) -> Iterator[KeeperApp]:
    """The application on the office's database, in Chinese (the default language)."""
    tr = Translations(qapp)
    assert tr.use("zh_CN"), "keeper_zh_CN.qm is missing: run make translations"
    k = KeeperApp(office.db, settings, clock=office.clock, translations=tr)
    k.start()
    yield k
    k.shutdown()
    tr.use("en")
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()


class Driver:
    """Drives the real widgets the way a person does."""

    def __init__(self, qtbot: Any, app: KeeperApp):
        self.qtbot = qtbot
        self.app = app

    def sign_in(self, badge: str, password: str = PASSWORD) -> MainWindow:
        w = self.app.sign_in_window
        assert w is not None
        # typed at a person's speed (a burst would be taken for a scan)
        self.qtbot.keyClicks(w.badge, badge, delay=40)
        self.qtbot.keyClicks(w.password, password, delay=40)
        self.qtbot.waitUntil(lambda: w.password.text() == password)
        w.button.click()
        self.qtbot.waitUntil(lambda: self.app.main_window is not None, timeout=10_000)
        m = self.app.main_window
        assert m is not None
        return m

    def sign(
        self, dialog: WorkflowDialog, key: str, badge: str | None = None, password: str = PASSWORD
    ) -> None:
        """One signer signs in the workflow dialog's signature box (badge scanned)."""
        box = dialog.signers
        sd: SignatureDialog = box.open_dialog(key)
        if badge is not None:
            sd.handle_scan(badge)
        sd.password.setText(password)
        sd.sign_button.click()
        self.qtbot.waitUntil(
            lambda: (
                box.credential(key) is not None
                or (shiboken6.isValid(sd) and sd.banner.kind == "error")
            ),
            timeout=10_000,
        )
        assert box.credential(key) is not None, sd.banner.text()

    def submit(self, dialog: WorkflowDialog) -> str | None:
        """Submit; the confirmation text, or None when refused (the dialog stays open)."""
        done: list[str] = []
        dialog.completed.connect(done.append)
        dialog.submit_button.click()
        self.qtbot.waitUntil(
            lambda: bool(done) or (shiboken6.isValid(dialog) and dialog.banner.kind == "error"),
            timeout=10_000,
        )
        return done[0] if done else None


@pytest.fixture
def ui(qtbot: Any, keeper_app: KeeperApp) -> Driver:
    return Driver(qtbot, keeper_app)
