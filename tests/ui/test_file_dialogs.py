"""Every file dialog of the app is made by ui/widgets/file_dialogs.py (an icon provider that
never opens the files it lists: opening and closing the database file drops sqlite's locks).
A dialog made anywhere else — a QFileDialog(...) or a static QFileDialog.get...() — fails this."""

from __future__ import annotations

import os
import re
import sqlite3
from pathlib import Path

from PySide6.QtWidgets import QApplication

import keeper_app
from keeper_app.ui.widgets.file_dialogs import file_dialog, folder_dialog

PKG = Path(keeper_app.__file__).parent
MADE_THERE = PKG / "ui" / "widgets" / "file_dialogs.py"
_MAKES = re.compile(r"QFileDialog\(|QFileDialog\.get\w+\(")


def test_no_file_dialog_is_made_anywhere_else() -> None:
    offenders = [
        f"{p.relative_to(PKG)}:{i}"
        for p in sorted(PKG.rglob("*.py"))
        if p != MADE_THERE
        for i, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if _MAKES.search(line)
    ]
    assert offenders == []


def _locks(pid: int, path: Path) -> int:
    ino = os.stat(path).st_ino
    n = 0
    for line in Path("/proc/locks").read_text().splitlines():
        f = line.split()
        f = f[1:] if f[1] == "->" else f
        if f[1] == "POSIX" and int(f[4]) == pid and int(f[5].split(":")[-1]) == ino:
            n += 1
    return n


def test_a_dialog_listing_the_database_folder_keeps_the_locks(
    qapp: QApplication, qtbot, tmp_path: Path
) -> None:
    db = tmp_path / "keeper.sqlite"
    con = sqlite3.connect(db)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("CREATE TABLE t(x)")
    con.commit()
    con.execute("SELECT * FROM t").fetchall()
    shm = Path(f"{db}-shm")
    before = (_locks(os.getpid(), db), _locks(os.getpid(), shm))
    assert all(before)
    for make in (file_dialog, folder_dialog):
        fd = make(None, "x", str(tmp_path))
        fd.show()
        qtbot.wait(1500)  # the folder is listed and its icons and types looked up
        fd.reject()
        assert (_locks(os.getpid(), db), _locks(os.getpid(), shm)) == before
    con.close()
