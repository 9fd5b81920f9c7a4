"""The office server lost (issue 11, point 6): the person is told so plainly, with what
became of the change, never as an unexpected error."""

from __future__ import annotations

from pathlib import Path

import pytest
from pg_cluster import free_port
from PySide6.QtCore import QCoreApplication

from keeper_app.store import open as store_open
from keeper_app.store.connection import ServerLost
from keeper_app.store.pgdb import ChangeOutcomeUnknown, ChangeRecordedButConnectionLost
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.crash import error_box
from keeper_app.ui.errors import refusal, server_lost_headline


def test_a_lost_office_server_reaches_the_person_with_its_text(
    keeper_app: KeeperApp, qtbot
) -> None:
    with pytest.raises(ServerLost) as ei:  # nothing listens at that port
        store_open(f"postgresql://keeper@127.0.0.1:{free_port()}/keeper")
    exc = ei.value
    generic = QCoreApplication.translate("Refusal", "The database cannot be used.")
    r = refusal(exc)
    assert r.headline == server_lost_headline(False) != generic
    box = error_box(type(exc), exc, exc.__traceback__, Path("/nowhere/keeper.log"))
    qtbot.addWidget(box)
    assert box.text().startswith(r.headline)
    assert "/nowhere/keeper.log" not in box.text()  # not the unexpected-error box
    # the three outcomes of a change have three headlines
    assert refusal(ChangeOutcomeUnknown("lost")).headline == server_lost_headline(None)
    assert refusal(ChangeRecordedButConnectionLost("found")).headline == server_lost_headline(True)
    assert len({server_lost_headline(x) for x in (True, False, None)}) == 3
    assert keeper_app.translations is not None
    keeper_app.translations.use("en")  # in English the server's own words follow
    try:
        r = refusal(exc)
        assert r.detail == str(exc) and "cannot be reached" in r.detail
        assert "nothing was recorded" in r.headline
        assert "cannot be reached" in error_box(type(exc), exc, None, Path("x")).text()
    finally:
        keeper_app.translations.use("zh_CN")
