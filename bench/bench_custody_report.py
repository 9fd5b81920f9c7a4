"""The chain-of-custody report (issue 16) of one disc with a long life: 200 retrieval/return
cycles, each an approved request, the retrieval and the return (800 events, 1,000 signed
entries), in an office where other discs went out and back too.

Everything is written through the services on a real sqlite file (cheap scrypt cost
``kdf_n = 2**10``; a moving clock), so the chain, the signatures and the indexes are the
application's own. Then, as a signed-in keeper:

* ``services.custody_report.custody_report(session, code)``: the data (rows of the disc,
  the events that wrote them, their signatures) — median and max of ``--repeat`` runs;
* ``printing.custody.custody_report_pdf``: the A4 PDF of that data, into memory — pages;
* the whole catalogue document (``catalogue.custody_report(code).make``: data, reading
  logged, PDF written to a file), as the print dialog and ``keeper report custody`` make it.

Run it by hand: ``nice .venv/bin/python bench/bench_custody_report.py`` (``--cycles``,
``--others``, ``--repeat``). Files go to bench/out/.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import statistics
import sys
import time
from dataclasses import asdict
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

from keeper_app.domain.model import DeptKind, ManifestEntry  # noqa: E402
from keeper_app.services import catalogue, custody, intake, retrieval_requests  # noqa: E402
from keeper_app.services import people as people_svc  # noqa: E402
from keeper_app.services.custody_report import custody_report  # noqa: E402
from keeper_app.services.session import Credential, KdfCache, sign_in  # noqa: E402
from keeper_app.store import open_database  # noqa: E402
from printing.custody import custody_report_pdf  # noqa: E402

PASSWORD = "bench-password-1"
KDF_N = 2**10


class Clock:
    def __init__(self) -> None:
        self.t = datetime(2026, 1, 5, 1, 0, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **kw: float) -> None:
        self.t += timedelta(**kw)


def build(path: Path, cycles: int, others: int) -> str:
    """The office, and the code of the disc with ``cycles`` retrievals."""
    db = open_database(path)
    clock = Clock()
    cache = KdfCache()
    people_svc.bootstrap(
        db,
        "3101",
        "某市公安局",
        "ADMIN",
        "系统管理员",
        PASSWORD,
        people_svc.FirstHead("D001", "周大队长", PASSWORD, "刑事侦查大队"),
        kdf_n=KDF_N,
        clock=clock,
    )

    def session(badge: str):  # type: ignore[no-untyped-def]
        return sign_in(db, badge, PASSWORD, clock, cache)

    admin = session("ADMIN")
    crim = session("D001").person.department_id
    legal = people_svc.add_department(admin, "法制大队", DeptKind.LEGAL)
    head = Credential("D001", PASSWORD)
    for badge, name, roles, dept in (
        ("K001", "李保管", ["keeper"], legal),
        ("H001", "张办案", ["case_handler"], crim),
        ("H002", "刘办案", ["case_handler"], crim),
    ):
        people_svc.add_person(admin, badge, name, roles, PASSWORD, dept, kdf_n=KDF_N, head=head)
    h = session("H001")
    intake.create_case(h, "A2026-001", "王某某故意伤害案", crim, ["H001", "H002"])
    k = session("K001")
    d_head = session("D001")
    keeper = Credential("K001", PASSWORD)

    def pair(n: int) -> str:
        start = clock() - timedelta(hours=2)
        f = ManifestEntry("rec/i.mp4", 1234, hashlib.sha256(f"{n}".encode()).hexdigest())
        rid = intake.register_recording(
            h, "A2026-001", f"王某{n}", "suspect", start, start + timedelta(hours=1), "讯问室1", [f]
        )
        o, d = intake.register_pair(h, [rid], [f], clock())
        clock.advance(minutes=30)
        intake.handover(k, o, Credential("H001", PASSWORD), keeper, f"S-{n}", "柜A", "柜B")
        return d

    def cycle(d: str, who: str) -> None:
        clock.advance(hours=1)
        qid = retrieval_requests.request_retrieval(k, d, who, "case_handling", 4)
        retrieval_requests.decide_retrieval(d_head, qid, head, True, "同意")
        custody.retrieve(k, d, Credential(who, PASSWORD), keeper, qid)
        clock.advance(hours=2)
        custody.return_medium(
            k, d, Credential(who, PASSWORD), keeper, "intact", unchecked_reason="目视检查完好"
        )

    target = pair(0)
    others_d = [pair(n) for n in range(1, others + 1)]
    for i in range(cycles):
        cycle(target, "H001" if i % 2 else "H002")
        if others_d:
            cycle(others_d[i % len(others_d)], "H002")
    db.close()
    return target


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--cycles", type=int, default=200)
    ap.add_argument("--others", type=int, default=20, help="other discs, cycled as often")
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / "custody-report.sqlite"
    for p in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        p.unlink(missing_ok=True)
    t0 = time.perf_counter()
    code = build(path, a.cycles, a.others)
    built = time.perf_counter() - t0
    db = open_database(path)
    s = sign_in(db, "K001", PASSWORD, clock=lambda: datetime(2026, 12, 1, 8, 0, tzinfo=UTC))
    events = db.conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    print(f"office built through the services in {built:.1f} s: {events} audit events")

    data_t, pdf_t = [], []
    rep = None
    pages = 0
    for _ in range(a.repeat):
        t1 = time.perf_counter()
        rep = custody_report(s, code)
        t2 = time.perf_counter()
        r = custody_report_pdf(asdict(rep), io.BytesIO())
        t3 = time.perf_counter()
        data_t.append(t2 - t1)
        pdf_t.append(t3 - t2)
        pages = r.pages
    assert rep is not None
    entries = sum(len(e.entries) for e in rep.events)
    sigs = sum(len(x.signatures) for e in rep.events for x in e.entries)
    print(f"disc {code}: {len(rep.events)} events, {entries} entries, {sigs} signatures")
    print(
        f"data  median {statistics.median(data_t) * 1000:.0f} ms, max {max(data_t) * 1000:.0f} ms"
    )
    print(
        f"PDF   median {statistics.median(pdf_t) * 1000:.0f} ms, max {max(pdf_t) * 1000:.0f} ms, "
        f"{pages} pages"
    )
    target = OUT / "custody-report.pdf"
    target.unlink(missing_ok=True)
    t4 = time.perf_counter()
    catalogue.custody_report(code).make(s, catalogue.Options(), target)
    whole = time.perf_counter() - t4
    print(
        f"the catalogue's document (data + logged reading + PDF file): {whole * 1000:.0f} ms, "
        f"{target.stat().st_size // 1024} KB -> {target}"
    )
    print(f"load average: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    db.close()


if __name__ == "__main__":
    main()
