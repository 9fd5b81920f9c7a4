"""The daily checkpoint in the application: the keeper is reminded when none was taken
today, opens "Daily checkpoint…", signs with a department head, then prints the slip and
exports the file; a head that moved on while signing is shown anew."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

import pytest
from conftest import Office
from PySide6.QtCore import QCoreApplication

from keeper_app.services import admin, checkpoints
from keeper_app.store import audit
from keeper_app.ui.dialogs.checkpoint import CheckpointDialog
from keeper_app.ui.dialogs.print_dialog import PrintDialog
from keeper_app.ui.errors import HEADLINES


@pytest.fixture(autouse=True)
def private_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))


def reminded(m: Any, qtbot: Any) -> bool:
    qtbot.waitUntil(lambda: m.due.checkpoint_due is not None, timeout=10_000)
    return bool(m.due.checkpoint_due) and not m.due.checkpoint_button.isHidden()


def test_keeper_is_reminded_takes_prints_and_exports(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    office.handed_over_pair()
    m = ui.sign_in("K001")
    assert not m.extras.checkpoint_button.isHidden()  # a keeper gets the action
    assert reminded(m, qtbot)
    assert "今天尚未取得审计链每日检查点" in m.due.checkpoint_note.text()  # (in Chinese)
    seq, h = office.db.conn.execute(
        "SELECT seq, hash FROM audit_events ORDER BY seq DESC"
    ).fetchone()
    m.due.checkpoint_button.click()  # from the reminder
    d = m.dialog
    assert isinstance(d, CheckpointDialog) and d.isVisible()
    assert d.head == (seq, h) and h[:8] in d.summary.text()
    ui.sign(d, "keeper")
    ui.sign(d, "head", "D001")
    done = ui.submit(d)
    row = office.db.conn.execute("SELECT id, seq, hash FROM checkpoints").fetchone()
    assert done is not None and f"第 {row['seq']} 号事件" in done
    # the head shown, or that head with the signers' own sign-ins recorded since
    assert row["seq"] >= seq and audit.hash_at(office.db.conn, seq) == h
    assert all(
        a is None
        for (a,) in office.db.conn.execute(
            "SELECT actor_id FROM audit_events WHERE seq > ? AND seq <= ?", (seq, row["seq"])
        )
    )
    assert admin.verify_audit(office.db).ok
    # then the slip and the file are offered
    qtbot.waitUntil(lambda: m.extras.checkpoint_offer is not None, timeout=5_000)
    offer = m.extras.checkpoint_offer
    offer.print_button.click()
    qtbot.waitUntil(lambda: m.extras.print_dialog is not None, timeout=5_000)
    pd = m.extras.print_dialog
    assert isinstance(pd, PrintDialog) and pd.doc.key == "checkpoint"
    pd.reject()
    out = tmp_path / "for-supervision"
    out.mkdir()
    offer.export_button.click()
    fd = m.extras.export_dialog
    assert fd is not None and fd.isVisible()
    fd.selectFile(str(out))
    fd.accept()
    qtbot.waitUntil(lambda: m.extras.exported is not None, timeout=5_000)
    f = Path(m.extras.exported)
    assert f.parent == out and stat.S_IMODE(f.stat().st_mode) == 0o600
    assert json.loads(f.read_text())["seq"] == row["seq"]
    assert checkpoints.check_against(office.db, f).ok
    assert f.name in offer.done_label.text()
    # exporting again never overwrites: said, and the file is left as it was
    before = f.read_bytes()
    m.extras._export(int(row["id"]), str(out))
    headline = QCoreApplication.translate("Refusal", HEADLINES["file_exists"])
    assert headline in offer.done_label.text() and f.read_bytes() == before
    offer.close_button.click()
    # the reminder is gone for today
    m.due.refresh()
    qtbot.waitUntil(lambda: m.due.checkpoint_due is False, timeout=10_000)
    assert m.due.checkpoint_button.isHidden()


def test_a_head_that_moved_while_signing_is_shown_anew(ui, office: Office, qtbot) -> None:
    m = ui.sign_in("K001")
    m.extras.checkpoint_button.click()
    d = m.dialog
    assert isinstance(d, CheckpointDialog)
    shown = d.head
    ui.sign(d, "keeper")
    ui.sign(d, "head", "D001")
    office.handed_over_pair()  # another counter writes meanwhile
    assert ui.submit(d) is None  # refused: the head shown is no longer the head
    assert d.head != shown and d.head[0] > shown[0]
    assert office.db.conn.execute("SELECT count(*) FROM checkpoints").fetchone()[0] == 0
    assert ui.submit(d) is not None  # signed again, on the new head


def test_a_department_head_gets_no_checkpoint_action(ui, office: Office, qtbot) -> None:
    m = ui.sign_in("D001")
    assert m.extras.checkpoint_button.isHidden()
    assert m.due is not None and m.due.checkpoint_button.isHidden()
