"""Storage device full, for real (issue 7 with issue 5's hard-drive storage):
``python ingest_full_driver.py LOCATION DIR SOURCE`` (LOCATION: a file or a server URL)
ingests the recording in SOURCE through ``services.storage.ingest`` onto a storage root
and a backup root on DIR — a small file system made for the test (a tmpfs) — three times:

1. the device is full before the ingest starts: refused before anything is written;
2. the device fills up *during* the copy (something else writes the rest of it): the copy
   fails with a clear message and every file this ingest wrote is removed;
3. with room again: the same ingest goes through.

After each attempt it lists the files left under both roots and counts the recordings.
Prints one JSON object."""

from __future__ import annotations

import json
import sys
from datetime import timedelta
from pathlib import Path

from disk_full_driver import PASSWORD, fill, room_again

from keeper_app.burning.jobs import Progress
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin
from keeper_app.services.session import sign_in
from keeper_app.services.storage import StorageSettings, ingest
from keeper_app.store import open as store_open


def files_under(*roots: Path) -> list[str]:
    return sorted(str(p) for r in roots if r.exists() for p in r.rglob("*") if p.is_file())


def main() -> None:
    location, folder, source = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
    st = StorageSettings(folder / "store", folder / "backup")
    db = store_open(location, create=False)
    h = sign_in(db, "H001", PASSWORD)
    start = h.now() - timedelta(hours=5)

    def recordings() -> int:
        return int(db.conn.execute("SELECT count(*) FROM recordings").fetchone()[0])

    def attempt(name: str, progress: object = None) -> dict[str, object]:
        before = recordings()
        out: dict[str, object] = {"name": name}
        try:
            rid, entries = ingest(
                h,
                st,
                source,
                case_no="A2026-001",
                person_name="王某某",
                person_role="suspect",
                started_at=start,
                ended_at=start + timedelta(hours=1),
                place="讯问室1",
                progress=progress,
            )  # type: ignore[arg-type]
            out.update(result="committed", recording=rid, files=len(entries))
        except RuleViolation as exc:
            out.update(result="refused", code=exc.code, message=exc.message, article=exc.article)
        except Exception as exc:  # noqa: BLE001 - reported: the test fails on it
            out.update(result=type(exc).__name__, message=str(exc))
        out.update(
            left=files_under(st.storage_root, st.backup_root), registered=recordings() - before
        )
        return out

    report: dict[str, object] = {"attempts": []}
    attempts: list[dict[str, object]] = report["attempts"]  # type: ignore[assignment]
    filler = folder / "filler"
    fill(folder, 0)  # 1. full before the ingest
    attempts.append(attempt("full_before"))
    room_again(filler)
    fired: list[bool] = []

    def fill_meanwhile(p: Progress) -> None:
        """2. once the copy is under way, the device fills up."""
        if p.stage == "copy" and not fired:
            fired.append(True)
            fill(folder, 0)

    attempts.append(attempt("fills_during_copy", fill_meanwhile))
    room_again(filler)
    attempts.append(attempt("room_again"))  # 3.
    v = admin.verify_audit(db)
    report["verify"] = {"ok": v.ok, "problems": v.problems}
    db.close()
    print(json.dumps(report, ensure_ascii=False))


if __name__ == "__main__":
    main()
