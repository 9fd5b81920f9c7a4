"""Full disk, for real (issue 7, 3): ``python disk_full_driver.py SOURCE_DB DIR`` copies
the database into DIR — a small filesystem made for the test (a tmpfs) — opens it as a
counter does, fills the filesystem, and then tries workflows with 0, 1, 2 ... 12 pages of
room left, then more (each signer's password check records its attempt first, in
transactions of its own: issue 10). Each attempt must either commit whole or fail with a
StoreError saying the disk is full, leaving every table exactly as it was — but for the
sign-in bookkeeping of the signers checked before the disk filled. Prints one JSON object."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import sys
from pathlib import Path

from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.signing import ROWLESS_ACTIONS
from keeper_app.services import admin, custody, retrieval_requests
from keeper_app.services.session import Credential, sign_in
from keeper_app.store import StoreError, open_database, signins

PASSWORD = "correct-horse-1"


# sign-in bookkeeping, and readings and sign-ins (issue 14: logged, but they change nothing)
ACTORLESS = sorted(signins.ACTORLESS_ACTIONS | ROWLESS_ACTIONS)
NOT_BOOKKEEPING = f"action NOT IN ({','.join('?' * len(ACTORLESS))})"


def snapshot(path: Path) -> list[tuple[str, list[tuple[object, ...]]]]:
    """Every table but the sign-in bookkeeping (its rows and their audit events)."""
    con = sqlite3.connect(path)
    try:
        tables = [
            r[0]
            for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")
            if r[0] != "sign_in_events"
        ]
        return [
            (
                t,
                sorted(
                    con.execute(
                        f"SELECT * FROM {t}"
                        + (f" WHERE {NOT_BOOKKEEPING}" if t == "audit_events" else ""),
                        ACTORLESS if t == "audit_events" else (),
                    ).fetchall(),
                    key=repr,
                ),
            )
            for t in tables
        ]
    finally:
        con.close()


def changes(path: Path) -> int:
    """The audit events that change something (not sign-in bookkeeping, readings or sign-ins)."""
    con = sqlite3.connect(path)
    try:
        q = f"SELECT count(*) FROM audit_events WHERE {NOT_BOOKKEEPING}"
        return int(con.execute(q, ACTORLESS).fetchone()[0])
    finally:
        con.close()


def fill(folder: Path, leave: int) -> Path:
    """Fill the filesystem, then free ``leave`` bytes."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        for size in (1 << 16, 4096, 512, 1):
            block = b"\0" * size
            try:
                while os.write(fd, block) == size:
                    pass
            except OSError:
                pass
    finally:
        os.close(fd)
    if leave:
        os.truncate(filler, max(0, filler.stat().st_size - leave))
    return filler


def room_again(filler: Path) -> None:
    filler.unlink(missing_ok=True)


def main() -> None:
    source, folder = Path(sys.argv[1]), Path(sys.argv[2])
    path = folder / "keeper.sqlite"
    shutil.copy(source, path)
    db = open_database(path, create=False)
    k = sign_in(db, "K001", PASSWORD)
    code = db.conn.execute(
        "SELECT code FROM media WHERE copy_role='duplicate' AND status='in_custody' LIMIT 1"
    ).fetchone()[0]
    report: dict[str, object] = {"attempts": []}
    attempts: list[dict[str, object]] = report["attempts"]  # type: ignore[assignment]
    filler = folder / "filler"
    for pages in (*range(0, 13), *range(16, 65, 8)):
        room_again(filler)
        filler = fill(folder, pages * 4096)
        for _ in range(3):
            before = snapshot(path)
            status = db.conn.execute("SELECT status FROM media WHERE code=?", (code,)).fetchone()[0]
            try:
                if status == "out":
                    custody.return_medium(
                        k,
                        code,
                        Credential("H001", PASSWORD),
                        Credential("K001", PASSWORD),
                        "intact",
                    )
                else:  # under the oldest approval the test made (Art. 20)
                    qid = min(q["id"] for q in retrieval_requests.usable_requests(k, code))
                    custody.retrieve(
                        k,
                        code,
                        Credential("H001", PASSWORD),
                        Credential("K001", PASSWORD),
                        qid,
                    )
                attempts.append({"room": pages, "result": "committed"})
            except StoreError as exc:
                attempts.append(
                    {
                        "room": pages,
                        "result": type(exc).__name__,
                        "message": str(exc),
                        "unchanged": snapshot(path) == before,
                        "in_transaction": db.conn.in_transaction,
                    }
                )
            except RuleViolation as exc:
                attempts.append(
                    {"room": pages, "result": "refused", "code": exc.code, "message": exc.message}
                )
    # a backup to the full disk fails cleanly and leaves no partial copy behind
    try:
        admin.backup(k, folder / "backup.sqlite")
        report["backup"] = "written"
    except RuleViolation as exc:
        report["backup"] = {
            "code": exc.code,
            "message": exc.message,
            "left": sorted(p.name for p in folder.iterdir()),
        }
    # room again: the same workflow goes through, and the file is sound
    room_again(filler)
    custody.set_location(k, code, "柜Z-99") if db.conn.execute(
        "SELECT status FROM media WHERE code=?", (code,)
    ).fetchone()[0] == "in_custody" else custody.return_medium(
        k, code, Credential("H001", PASSWORD), Credential("K001", PASSWORD), "intact"
    )
    report["after"] = "committed"
    v = admin.verify_audit(db)
    db.close()
    con = sqlite3.connect(path)
    report["integrity"] = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    report["verify"] = {
        "ok": v.ok,
        "events": v.events,
        "changes": changes(path),
        "problems": v.problems,
    }
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
