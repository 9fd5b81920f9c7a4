"""Live desks (issue 11): two main windows of two desks on two connections to the same
office server. A return with damage taken by the keeper at one desk appears in the head's
inbox at the other without anyone pressing Refresh; the head's selection stays; when the
server cannot be reached the head's status bar says so, and once it is back the inbox is
read again (the change made meanwhile was notified while nobody listened)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from conftest import PASSWORD, Office
from PySide6.QtWidgets import QApplication

from keeper_app import store
from keeper_app.services import custody, lookup
from keeper_app.services.session import sign_in
from keeper_app.store import pg
from keeper_app.ui.app import KeeperApp
from keeper_app.ui.dialogs.return_ import ReturnDialog
from keeper_app.ui.main_window import MainWindow
from keeper_app.ui.settings import IDLE_LOCK_SECONDS, SOUND, Settings

ENGINES = ("postgresql",)

#: the longest the other desk may take to show a change (well under a second on an idle
#: machine; the margin is for a loaded one)
LIVE_MS = 8_000


@pytest.fixture
def head_desk(
    qapp: QApplication, office: Office, tmp_path: Path, qtbot: Any
) -> Iterator[MainWindow]:
    """The department head's own Keeper (another computer): its own connection to the same
    server database, signed in as D001. It takes no keyboard from this process's tests
    (its scanner and idle filters are taken off)."""
    db = store.open(office.location)
    settings = Settings.in_file(str(tmp_path / "head.ini"))
    settings.set(SOUND, False)
    settings.set(IDLE_LOCK_SECONDS, 600)
    app = KeeperApp(db, settings, clock=office.clock)
    qapp.removeEventFilter(app.detector)
    qapp.removeEventFilter(app.idle)
    app.start()
    w = app.sign_in_window
    assert w is not None
    w.badge.setText("D001")
    w.password.setText(PASSWORD)
    w.button.click()
    qtbot.waitUntil(lambda: app.main_window is not None, timeout=10_000)
    head = app.main_window
    assert head is not None and head.inbox is not None
    qtbot.waitUntil(lambda: head.live.watch is not None and head.live.watch.connected is True)
    yield head
    app.shutdown()
    db.close()


def server(office: Office) -> str:
    """The server's own database (the office's may refuse connections)."""
    return office.location.rsplit("/", 1)[0] + "/postgres"


def allow_connections(office: Office, allowed: bool) -> None:
    name = office.location.rsplit("/", 1)[1]
    with pg.raw_connection(server(office)) as c:
        c.execute(f"ALTER DATABASE {name} ALLOW_CONNECTIONS {'true' if allowed else 'false'}")


def test_a_damaged_return_at_one_desk_reaches_the_heads_inbox_at_the_other(
    ui, keeper_app: KeeperApp, office: Office, head_desk: MainWindow, qtbot
) -> None:
    pairs = [office.duplicate_out() for _ in range(2)]
    head = head_desk
    inbox = head.inbox
    assert inbox is not None
    head.tabs.setCurrentWidget(inbox)
    qtbot.waitUntil(lambda: not head.ctx.ops.running)
    assert inbox.incidents.rowCount() == 0

    # the keeper's desk: the return, inspected damaged, signed by both
    m = ui.sign_in("K001")
    m.counter.enqueue(pairs[0], "typed")
    qtbot.waitUntil(lambda: m.counter.current() is not None)
    m.counter.record.buttons["return"].click()
    dlg = m.dialog
    assert isinstance(dlg, ReturnDialog)
    dlg.findChild(type(dlg.inspection.buttons()[0]), "inspection_damaged").setChecked(True)
    dlg.note.setPlainText("盘面有划痕，无法读取第二段")
    dlg.unchecked.setText("盘面划伤，无法上机回读")
    ui.sign(dlg, "returner")
    ui.sign(dlg, "keeper")
    assert ui.submit(dlg) is not None, dlg.banner.text()

    # ... is in the head's inbox at the other desk, nobody having pressed Refresh
    qtbot.waitUntil(lambda: inbox.incidents.rowCount() == 1, timeout=LIVE_MS)
    first = inbox.incidents.row(0)
    assert (first["kind"], first["code"]) == ("damaged", pairs[0])
    assert "划痕" in first["description"]
    assert head.live.refreshes >= 1
    inbox.incident_table.selectRow(0)  # the head is about to acknowledge it

    # the server cannot be reached from the head's desk: its status bar says so
    allow_connections(office, False)
    try:
        with pg.raw_connection(server(office)) as c:
            c.execute("SELECT pg_terminate_backend(%s)", (head.live.watch.backend_pid,))
        qtbot.waitUntil(lambda: head.server_alarm.isVisible(), timeout=LIVE_MS)
        assert head.server_alarm.text() == head.tr(
            "Connection to the office server lost; reconnecting…"
        )
        # meanwhile the keeper records the second damaged return: notified, heard by nobody
        custody.return_medium(
            office.session("K001"),
            pairs[1],
            office.cred("H001"),
            office.cred("K001"),
            "damaged",
            note="盘面开裂",
        )
        assert inbox.incidents.rowCount() == 1
    finally:
        allow_connections(office, True)

    # back: the alarm goes, the inbox is read again, the head's selection has stayed
    qtbot.waitUntil(lambda: not head.server_alarm.isVisible(), timeout=LIVE_MS)
    qtbot.waitUntil(lambda: inbox.incidents.rowCount() == 2, timeout=LIVE_MS)
    assert {r["code"] for r in inbox.incidents.rows} == set(pairs)
    chosen = inbox.incident_table.selectionModel().selectedRows()
    assert [inbox.incidents.row(ix.row())["id"] for ix in chosen] == [first["id"]]


def test_the_keepers_record_media_list_and_due_board_follow_another_desk(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    """A disc's record open at the keeper's counter, the media list with that disc
    selected: another desk (its own connection) gives the duplicate out; the record, the
    list and the due board show it without Refresh, and the list keeps the selection."""
    _o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    assert m.media is not None and m.due is not None
    m.counter.enqueue(d, "typed")
    qtbot.waitUntil(lambda: m.counter.current() is not None)
    before = m.counter.current().status
    m.tabs.setCurrentWidget(m.media)
    media = m.media.model
    qtbot.waitUntil(lambda: media.rowCount() == 2 and not media.fetching)
    row = next(i for i, r in enumerate(media.rows) if r["code"] == d)
    m.media.table.selectRow(row)
    qtbot.waitUntil(lambda: not m.ctx.ops.running)
    assert not any(r.get("code") == d for r in m.due.model.rows)

    other = store.open(office.location)  # the other desk
    try:
        s = sign_in(other, "K002", PASSWORD, office.clock, office.cache)
        office.retrieve(s, d, office.cred("H001"), office.cred("K002"), "D001", "case_handling", 4)
        now = lookup.scan(s, d).status
    finally:
        other.close()
    assert now != before

    qtbot.waitUntil(lambda: m.counter.current().status == now, timeout=LIVE_MS)
    qtbot.waitUntil(
        lambda: any(r["code"] == d and r["status"] == now for r in media.rows), timeout=LIVE_MS
    )
    qtbot.waitUntil(lambda: any(r.get("code") == d for r in m.due.model.rows), timeout=LIVE_MS)
    chosen = m.media.table.selectionModel().selectedRows()
    assert [media.row(ix.row())["code"] for ix in chosen] == [d]


def test_a_server_desks_scheduled_backup_goes_to_its_own_local_folder(
    ui, keeper_app: KeeperApp, office: Office, qtbot
) -> None:
    """No backup folder chosen: the keeper's desk of a server office backs up into its
    local folder for that server (its URL made a folder, named with the password, under
    the working directory)."""
    from keeper_app.store import backup_records
    from keeper_app.ui.backup_schedule import BackupStatus

    sched = keeper_app.backups
    folder = sched.folder()
    assert folder == store.local_path(office.location).parent / "backups"
    assert folder.is_absolute() and "postgresql:" not in str(folder)
    password = urlsplit(office.location).password
    assert password and password not in str(folder)
    m = ui.sign_in("K001")
    status = m.findChild(BackupStatus)
    assert status is not None
    qtbot.waitUntil(lambda: status.kind == "ok", timeout=30_000)
    [copy] = backup_records.listing(folder)
    assert copy.verified and copy.record is not None
    assert copy.record.source == pg.safe_url(office.location)  # no password in the record
    assert not Path("postgresql:").exists()
