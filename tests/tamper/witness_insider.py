"""What the insider of issue 10 does to the database file to hide the last changes — with
python's ``sqlite3`` only, Keeper closed, no password — and the small things the witnessed-head
tests share. Nothing here calls Keeper's code to tamper: the chain is read and cut as anyone
holding the file and Keeper's source would.

- :func:`truncate` deletes the last audit events and every row they wrote (dropping the
  append-only triggers in its way), so that what is left is a shorter chain that still
  verifies on its own;
- :func:`copy_of` / :func:`put_back` take an older copy of the file (sqlite's backup API)
  and later copy it over the live one: a rollback.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

from keeper_app.domain.model import ManifestEntry
from keeper_app.services import intake
from keeper_app.services.session import Session
from keeper_app.services.storage import StorageSettings


def truncate(path: Path, keep: int) -> list[int]:
    """Delete every audit event after event ``keep`` and every row those events wrote (a
    row an older event anchors too was only updated by them: this scenario has none, and
    says so). Returns the sequence numbers deleted."""
    con = sqlite3.connect(path)
    try:
        triggers = [
            (r[0], r[1])
            for r in con.execute("SELECT name, sql FROM sqlite_master WHERE type='trigger'")
            if r[0].endswith(("_no_delete", "_no_update"))
        ]
        for name, _sql in triggers:
            con.execute(f"DROP TRIGGER {name}")
        kept: set[tuple[str, int]] = set()
        written: list[tuple[str, int]] = []
        gone: list[int] = []
        for seq, payload in con.execute("SELECT seq, payload FROM audit_events ORDER BY seq"):
            rows = [(str(t), int(i)) for t, i, _h in json.loads(payload)["rows"]]
            if seq <= keep:
                kept.update(rows)
            else:
                written += rows
                gone.append(int(seq))
        updated = sorted(set(written) & kept)
        assert not updated, f"these rows would need their old values put back: {updated}"
        for table, rid in sorted(set(written), reverse=True):
            con.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
        con.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
        for _name, sql in triggers:  # put back as they were: the schema is pinned
            con.execute(sql)
        con.commit()
    finally:
        con.close()
    return gone


def copy_of(path: Path, target: Path) -> Path:
    """A copy of the live file as it is now (sqlite's online backup API)."""
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def put_back(old: Path, path: Path) -> None:
    """The older copy over the live file (Keeper closed: no -wal or -shm left)."""
    for extra in (Path(f"{path}-wal"), Path(f"{path}-shm")):
        assert not extra.exists(), f"{extra}: close every Keeper first"
    shutil.copyfile(old, path)


def add_recording(
    s: Session, st: StorageSettings, case_no: str, person: str, rel: str, size: int = 70_000
) -> int:
    """A recording's file (random bytes) put straight into the storage and registered."""
    import os

    path = st.storage_root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    data = os.urandom(size)
    path.write_bytes(data)
    start: datetime = s.now() - timedelta(hours=3)
    entry = ManifestEntry(rel, size, hashlib.sha256(data).hexdigest())
    return intake.register_recording(
        s, case_no, person, "suspect", start, start + timedelta(hours=1), "讯问室1", [entry]
    )


def keeper(
    db: Path, *args: str, creds: Path | None = None, state_dir: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """The ``keeper`` command as a separate process, as a person at the terminal runs it.
    ``state_dir``: another account's state (its own witness log, none of this one's)."""
    cmd = [sys.executable, "-m", "keeper_app", "--db", str(db)]
    if creds is not None:
        cmd += ["--credentials", str(creds)]
    env = dict(os.environ)
    if state_dir is not None:
        env["KEEPER_STATE_DIR"] = str(state_dir)
    return subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=600, env=env)


def write_creds(folder: Path, password: str, *badges: str) -> Path:
    p = folder / "creds.json"
    p.write_text(json.dumps({b: password for b in badges}), encoding="utf-8")
    p.chmod(0o600)
    return p


def qr_texts(pdf: Path, folder: Path) -> list[str]:
    """The QR code on each page of ``pdf``, page by page, as a scanner reads the paper: each
    page rasterised at 300 dpi (pdftoppm), its QR codes read by zbarimg."""
    for tool in ("pdftoppm", "zbarimg"):
        assert shutil.which(tool), f"{tool} is not installed: run scripts/install-deps.sh"
    folder.mkdir(parents=True, exist_ok=True)
    stem = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", "300", "-gray", str(pdf), str(stem)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    pages = sorted(folder.glob(f"{pdf.stem}-*.pgm"), key=lambda p: int(p.stem.rsplit("-", 1)[1]))
    found = []
    for page in pages:
        r = subprocess.run(
            ["zbarimg", "--raw", "-q", "-Sdisable", "-Sqrcode.enable", str(page)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert r.returncode in (0, 4), r.stderr  # 4: nothing found
        codes = [line.strip() for line in r.stdout.splitlines() if line.strip()]
        assert len(codes) == 1, (page.name, codes)
        found.append(codes[0])
    return found
