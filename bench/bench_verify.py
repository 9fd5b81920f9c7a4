"""Full `keeper audit verify` on a chain of 1,000,000 signed events (issue 10).

Builds, once, bench/out/verify-<N>.sqlite: a small office made through the services (people
with their keys, a case, one pair handed over), then N events appended in large
transactions the way Session.change appends them — each a location change of a disc (one
row anchored) signed by the keeper's key, and every 5th one a correction entry signed by
its corrector (one entry signature more). Then measures:

- the full verify (chain, every event signature, every row against its anchor, every entry
  signature and its required capacities, the key and role replay) using every core;
- the same in one process (workers=1), for comparison;
- sign-in, and the cost one signed event adds to a change (sign + the key lookup).

Usage: .venv/bin/python bench/bench_verify.py [--events N] [--rebuild] [--single]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from keeper_app import canonical, crypto  # noqa: E402
from keeper_app.domain.model import DeptKind, ManifestEntry  # noqa: E402
from keeper_app.services import intake  # noqa: E402
from keeper_app.services import people as people_svc  # noqa: E402
from keeper_app.services.session import Credential, KdfCache, sign_in  # noqa: E402
from keeper_app.store import audit, open_database  # noqa: E402
from keeper_app.store import people as people_repo  # noqa: E402

PASSWORD = "bench-password-1"
T0 = datetime(2026, 1, 1, 8, 0, 0, tzinfo=UTC)


def build(path: Path, n: int) -> None:
    for p in path.parent.glob(path.name + "*"):
        p.unlink()
    t = [T0]

    def clock() -> datetime:
        return t[0]

    db = open_database(path)
    cache = KdfCache()
    first = people_svc.FirstHead("D001", "周大队长", PASSWORD, "刑事侦查大队")
    people_svc.bootstrap(
        db, "3101", "某市公安局", "ADMIN", "系统管理员", PASSWORD, first, 2**10, clock
    )
    admin = sign_in(db, "ADMIN", PASSWORD, clock, cache)
    crim = int(db.conn.execute("SELECT id FROM departments").fetchone()[0])
    legal = people_svc.add_department(admin, "法制大队", DeptKind.LEGAL)
    head = Credential("D001", PASSWORD)
    people_svc.add_person(
        admin, "K001", "李保管", ["keeper"], PASSWORD, legal, kdf_n=2**10, head=head
    )
    people_svc.add_person(
        admin, "H001", "张办案", ["case_handler"], PASSWORD, crim, kdf_n=2**10, head=head
    )
    h = sign_in(db, "H001", PASSWORD, clock, cache)
    intake.create_case(h, "A2026-001", "某案", crim, ["H001"])
    f = ManifestEntry("rec/1.mp4", 1234, "ab" * 32)
    rid = intake.register_recording(
        h, "A2026-001", "王某某", "suspect", T0 - timedelta(hours=2), T0, "讯问室1", [f]
    )
    o, d = intake.register_pair(h, [rid], [f], T0)
    k = sign_in(db, "K001", PASSWORD, clock, cache)
    intake.handover(
        k, o, Credential("H001", PASSWORD), Credential("K001", PASSWORD), "S-1", "A-01", "B-01"
    )
    mid = int(db.conn.execute("SELECT id FROM media WHERE code=?", (d,)).fetchone()[0])
    kid, _pub = people_repo.current_key(db.conn, k.person.id) or (0, b"")
    key = audit.EventKey(kid, k.key)
    done = 0
    start = time.perf_counter()
    at = "2026-01-02T00:00:00Z"
    while done < n:
        with db.transaction() as conn:
            for _ in range(min(20_000, n - done)):
                done += 1
                loc = f"柜{done % 97:02d}-{done % 13:02d}"
                lid = conn.execute(
                    "INSERT INTO location_changes(medium_id, location, at, by_id) VALUES (?,?,?,?)",
                    (mid, loc, at, k.person.id),
                ).lastrowid
                conn.execute("UPDATE media SET location=? WHERE id=?", (loc, mid))
                rows = [("location_changes", int(lid or 0)), ("media", mid)]
                if done % 5 == 0:
                    cid = int(
                        conn.execute(
                            "INSERT INTO corrections(target_table, target_id, field, old_value, "
                            "new_value, reason, at, by_id) VALUES (?,?,?,?,?,?,?,?)",
                            ("media", mid, "location", "x", loc, "核对", at, k.person.id),
                        ).lastrowid
                        or 0
                    )
                    sids = audit.sign_entry(
                        conn,
                        "corrections",
                        cid,
                        [(k.person.id, "K001", k.key, "corrector")],
                        at,
                    )
                    rows += [("corrections", cid)] + [("signatures", s) for s in sids]
                audit.append(conn, at, k.person.id, "set_location", {"n": done}, rows, key)
        print(f"  built {done:,} events ({time.perf_counter() - start:.0f} s)", flush=True)
    db.close()
    (path.with_suffix(".json")).write_text(json.dumps({"events": n}))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--events", type=int, default=1_000_000)
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--single", action="store_true", help="also time one process")
    a = ap.parse_args()
    OUT.mkdir(exist_ok=True)
    path = OUT / f"verify-{a.events}.sqlite"
    meta = path.with_suffix(".json")
    if a.rebuild or not path.exists() or not meta.exists():
        print(f"building {path} ({a.events:,} events)…", flush=True)
        build(path, a.events)
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    size = path.stat().st_size / 1e6
    n_events = con.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    n_sigs = con.execute("SELECT count(*) FROM signatures").fetchone()[0]
    print(f"{path.name}: {size:.0f} MB, {n_events:,} events, {n_sigs:,} entry signatures")
    print(f"cores: {os.cpu_count()}, load: {os.getloadavg()}")
    runs = [("every core", None)] + ([("one process", 1)] if a.single else [])
    for label, workers in runs:
        t = time.perf_counter()
        v = audit.verify(con, parallel=workers != 1, workers=workers)
        dt = time.perf_counter() - t
        print(
            f"full verify, {label}: {dt:.1f} s — ok={v.ok}, {v.events:,} events "
            f"({v.signed_events:,} signed), {v.signatures:,} entry signatures, {v.rows:,} rows"
        )
        if not v.ok:
            print("  problems:", v.problems[:3])
    con.close()
    # sign-in and the per-change cost of signing
    km = crypto.new_key_material(PASSWORD)
    t = time.perf_counter()
    for _ in range(5):
        crypto.unlock(km, PASSWORD)
    ms = (time.perf_counter() - t) / 5 * 1e3
    print(f"sign-in key derivation (scrypt n={km.kdf_n}): {ms:.0f} ms")
    sk = crypto.unlock(km, PASSWORD)
    t = time.perf_counter()
    for i in range(2000):
        crypto.sign(sk, crypto.event_message(canonical.sha256_hex(i)))
    print(f"signing one event: {(time.perf_counter() - t) / 2000 * 1e6:.0f} µs")


if __name__ == "__main__":
    main()
