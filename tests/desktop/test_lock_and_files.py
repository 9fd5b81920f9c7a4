"""The lock screen is shut (scans there are not passwords; the toolbar is dead), and file dialogs
on the database's own folder leave the app's sqlite locks alone."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from keeper_app.demo import DEMO_PASSWORD
from keeper_app.store import signins

from .conftest import KEEPER, ROOT, App, _wait, media_codes


def _sign_in_failures(db: Path) -> tuple[int, int]:
    """The keeper's wrong passwords not cleared and lockouts (every password typed is recorded
    as an attempt first, issue 10: one that no clearing follows counts as wrong), and the
    number of attempts recorded for anybody."""
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        pid = con.execute("SELECT id FROM people WHERE badge=?", (KEEPER,)).fetchone()[0]
        st = signins.state(con, int(pid))
        attempts = con.execute("SELECT count(*) FROM sign_in_events WHERE kind='attempt'")
        return st.failures + st.lockouts, int(attempts.fetchone()[0])
    finally:
        con.close()


def test_scans_at_the_lock_screen_are_ignored_not_counted_as_passwords(app: App) -> None:
    codes = media_codes(app.db, 6)
    main = app.sign_in()
    before = _sign_in_failures(app.db)
    app.key("ctrl+l")
    _wait(lambda: app.state()["locked"], 10, "the lock screen")
    st = app.state()
    assert st["focus"]["name"] == "unlock_password"
    assert st["named"]["lock_button"]["enabled"] is False  # the toolbar is dead
    assert st["named"]["settings_button"]["enabled"] is False
    assert st["named"]["inventory"]["enabled"] is False
    app.screenshot(main, "lock-screen")
    app.scan(*codes)  # six scans: one more than the lockout allows
    _wait(lambda: len(app.events("scan")) >= len(codes), 30, "the scans recognised")
    time.sleep(0.5)
    assert _sign_in_failures(app.db) == before, "a scan was counted as a password"
    assert app.events("counter") == []  # nothing was looked up while locked
    st = app.state()
    assert st["locked"]
    assert st["labels"].get("unlock_banner", "").startswith("已锁定")
    assert all(f["text"] == "" for f in st["fields"] if f["path"].endswith("unlock_password"))
    # shortcuts do nothing while locked (Ctrl+F would open the counter's code field)
    app.key("ctrl+f", "F3")
    assert app.state()["locked"]
    # the keeper's own password unlocks
    app.type(DEMO_PASSWORD)
    app.key("Return")
    _wait(lambda: not app.state()["locked"], 20, "unlocked")
    after = _sign_in_failures(app.db)
    assert after == (0, before[1] + 1)  # the password's attempt, cleared
    app.scan(codes[0])
    _wait(lambda: len(app.events("counter")) == 1, 20, "a scan after unlocking")


def _locks(pid: int, paths: list[Path]) -> dict[str, int]:
    inodes = {os.stat(p).st_ino: p.name for p in paths}
    out = {name: 0 for name in inodes.values()}
    for line in Path("/proc/locks").read_text().splitlines():
        f = line.split()
        if f[1] == "->":
            f = f[1:]
        if f[1] != "POSIX" or int(f[4]) != pid:
            continue
        ino = int(f[5].split(":")[-1])
        if ino in inodes:
            out[inodes[ino]] += 1
    return out


def test_file_dialogs_on_the_database_folder_keep_the_locks(
    display: str, office_db: Path, tmp_path: Path
) -> None:
    folder = office_db.parent
    app = App(
        display,
        office_db,
        tmp_path / "home",
        settings={"print/save_folder": str(folder), "backup/folder": str(folder)},
    )
    try:
        app.sign_in()
        code = media_codes(office_db, 1, copy_role="duplicate", status="in_custody")[0]
        app.scan(code)
        _wait(lambda: len(app.events("counter")) == 1, 20, "the disc shown")
        files = [office_db, Path(f"{office_db}-shm")]
        held = _locks(app.proc.pid, files)
        assert all(held.values()), held
        # the backup folder chooser, opened on the database's folder
        app.click("settings_button")
        app.click("choose_backup_folder")
        _wait(
            lambda: any(w["class"] == "QFileDialog" for w in app.state()["windows"]),
            20,
            "the folder chooser",
        )
        time.sleep(2)  # it lists the folder, sorts, looks up icons
        assert _locks(app.proc.pid, files) == held, "the folder chooser dropped sqlite's locks"
        app.key("Escape")
        app.key("Escape")
        # Save as PDF from the disc's labels, also on the database's folder
        app.key("ctrl+p")
        app.click("save_pdf")
        _wait(
            lambda: any(w["class"] == "QFileDialog" for w in app.state()["windows"]),
            20,
            "the save dialog",
        )
        time.sleep(2)
        assert _locks(app.proc.pid, files) == held, "Save as PDF dropped sqlite's locks"
        # a second Keeper writes and checkpoints meanwhile: with the app's locks intact it
        # cannot take itself for the last user, so the WAL and -shm stay
        creds = tmp_path / "creds.json"
        creds.write_text(json.dumps({KEEPER: DEMO_PASSWORD}))
        creds.chmod(0o600)
        done = subprocess.run(
            [
                sys.executable,
                "-m",
                "keeper_app",
                "--db",
                str(office_db),
                "--as",
                KEEPER,
                "--credentials",
                str(creds),
                "location",
                code,
                "副本柜Z-99-01",
            ],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        assert done.returncode == 0, done.stderr
        con = sqlite3.connect(office_db)
        con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        con.close()
        assert Path(f"{office_db}-wal").exists() and Path(f"{office_db}-shm").exists()
        app.key("Escape")
        app.key("Escape")
        # the app reads the other desk's change through its own connection, and nobody's
        # file is damaged
        app.scan(code)
        _wait(lambda: len(app.events("counter")) == 2, 20, "the disc shown again")
        assert app.events("counter")[-1]["location"] == "副本柜Z-99-01"
    finally:
        app.close()
    con = sqlite3.connect(office_db)
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    verify = subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(office_db), "audit", "verify"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert verify.returncode == 0, verify.stdout + verify.stderr
