"""Saving a document from the print dialog (issue 10, point 10): private (0600), an existing
file replaced only when it is the name the Save dialog asked about (and then in one step),
never through a symbolic link."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from conftest import Office

from keeper_app.ui.print_errors import print_headline

from .test_printing_ui import made, print_dialog
from .test_workflows import open_record


@pytest.fixture(autouse=True)
def private_printing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("CUPS_SERVER", str(tmp_path / "no-cupsd.sock"))


def test_the_print_dialog_saves_private_and_asks_before_replacing(
    ui, office: Office, qtbot, tmp_path: Path
) -> None:
    old = os.umask(0o022)
    try:
        o, _d = office.handed_over_pair(person="王某某")
        m = ui.sign_in("K001")
        open_record(m, qtbot, o)
        m.counter.record.print_actions["sleeve"].trigger()
        dlg = print_dialog(m, qtbot)
        made(qtbot, dlg)
        out = tmp_path / "out"
        out.mkdir()
        target = out / "sleeve.pdf"
        dlg.save_to(str(target))
        assert dlg.banner.kind == "ok" and target.read_bytes()[:5] == b"%PDF-"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        # "sleeve" becomes sleeve.pdf, which the Save dialog did not ask about: refused
        target.write_bytes(b"kept")
        dlg.save_to(str(out / "sleeve"))
        assert dlg.banner.kind == "error" and target.read_bytes() == b"kept"
        assert print_headline("output_exists") in dlg.banner.text()
        # the name the Save dialog asked about (and the person confirmed): replaced, private
        target.chmod(0o644)
        dlg.save_to(str(target))
        assert dlg.banner.kind == "ok" and target.read_bytes()[:5] == b"%PDF-"
        assert stat.S_IMODE(target.stat().st_mode) == 0o600
        # a link where the file would go: refused, its destination untouched
        victim = tmp_path / "victim"
        victim.write_bytes(b"not Keeper's")
        (out / "link.pdf").symlink_to(victim)
        dlg.save_to(str(out / "link.pdf"))
        assert dlg.banner.kind == "error" and victim.read_bytes() == b"not Keeper's"
        assert sorted(os.listdir(out)) == ["link.pdf", "sleeve.pdf"]
    finally:
        os.umask(old)
