"""The running app's self-check at start (issue 10, point 7): the incremental verify from
the last verified head kept in the witness log.

Builds ``bench/out/incremental.sqlite`` (once; ``--rebuild`` to make it again): a register
whose chain holds ``--events`` (100,000) signed events — the first administrator's
``add_department`` events (no rows), appended with ``audit.append`` and one key in one transaction,
as Keeper appends them — and a witness log whose last "verified" line is ``--new`` (1,000)
events before the head. Then, in a fresh process state, opens the file and times
``services.self_check.run`` (what the app runs at start, off the GUI thread), five times from
the same verified head. Goal: <= 0.5 s.

    nice .venv/bin/python bench/bench_incremental_verify.py
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

PASSWORD = "bench-password-1"


def build(path: Path, events: int) -> None:
    from keeper_app import crypto
    from keeper_app.services import people
    from keeper_app.store import audit, open_database

    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)
    db = open_database(path)
    try:
        people.bootstrap(db, "3101", "某市公安局", "ADMIN", "系统管理员", PASSWORD, kdf_n=2**10)
        pid, kid, km = db.conn.execute(
            "SELECT p.id, k.id, 0 FROM people p JOIN person_keys k ON k.person_id = p.id"
        ).fetchone()
        from keeper_app.store import people as repo

        sk = crypto.unlock(repo.key_material(db.conn, pid), PASSWORD)
        key = audit.EventKey(int(kid), sk)
        at = audit.head_at(db.conn)[2] or "2026-01-01T00:00:00Z"
        with db.transaction() as conn:
            for i in range(events - 1):
                audit.append(conn, at, int(pid), "add_department", {"n": i}, (), key)
    finally:
        db.close()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--new", type=int, default=1_000)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--db", type=Path, default=OUT / "incremental.sqlite")
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    os.environ.setdefault("KEEPER_STATE_DIR", tempfile.mkdtemp(prefix="keeper-bench-state-"))

    from keeper_app.services import self_check
    from keeper_app.store import audit, open_database, witness_log

    t0 = time.perf_counter()
    if a.rebuild or not a.db.exists():
        build(a.db, a.events)
        print(f"built {a.db}: {a.events} events in {time.perf_counter() - t0:.1f} s")
    db = open_database(a.db)
    try:
        n = audit.head(db.conn)[0]
        start = n - a.new
        h = audit.hash_at(db.conn, start)
        assert h is not None
        times = []
        for _ in range(5):
            log = db.witness._bind(db.conn)
            assert log is not None
            log.unlink(missing_ok=True)  # a log whose last verified head is `new` events back
            db.witness.write(db.conn, witness_log.Line("verified", start, h, "", ""), force=True)
            self_check.forget(db)
            t = time.perf_counter()
            r = self_check.run(db)
            times.append(time.perf_counter() - t)
            assert r.ok and r.checked == a.new and r.seq == n, r
        print(
            f"start-up self-check: chain of {n} events, {a.new} new since the last verified "
            f"head: median {statistics.median(times):.3f} s, min {min(times):.3f} s, "
            f"max {max(times):.3f} s (goal <= 0.5 s); load average {os.getloadavg()[0]:.2f}"
        )
        t = time.perf_counter()
        r = self_check.run(db)  # goes on from what the last check learnt, as before a signature
        print(f"next check with nothing new (before a signature): {time.perf_counter() - t:.4f} s")
        self_check.forget(db)
        t = time.perf_counter()
        r = self_check.run(db)
        print(
            f"a new process with nothing new since its log's verified head: "
            f"{time.perf_counter() - t:.4f} s"
        )
    finally:
        db.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
