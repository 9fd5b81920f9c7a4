"""Benchmark of issue 11: the counter's scan (``lookup.scan``) at 1,000,000 media on a sqlite
file and on a PostgreSQL 15 server over loopback TCP, side by side in one run.

Run it by hand (``nice .venv/bin/python bench/bench_pg_scan.py``; ``--media 20000 --entries
100000`` for a quick run); pytest never collects it.

1. The data is bench_scan.py's (issue 2): its sqlite file is built once (or reused, same
   sizes) -- 1,000,000 media and 5,000,000 retrievals with their returns, most of it loaded
   behind the services (read bench_scan.py's docstring before quoting the figures).
2. A PostgreSQL 15 cluster of the benchmark's own (tests/pg_cluster.py, started as the
   ``postgres`` user when root; fsync on, SCRAM password over TCP on 127.0.0.1; 4 GB shared
   buffers, to hold the 3.2 GB database, as docs/server.md advises for a large office; see
   pgbench_common.SERVER_SETTINGS). ``keeper server``'s migration makes the schema in a fresh
   database, then every row of the sqlite file is copied in
   (pgbench_common.copy_sqlite_to_pg: foreign keys and secondary indexes dropped, one COPY per
   table, indexes built again, foreign keys added back and validated, VACUUM ANALYZE), and
   read into the buffers (pg_prewarm: a server that has run for a while holds its working
   set; random reads from this machine's disk cost ~70 us a page, see bench/README.md).
3. The measurement: a keeper signed in on each engine (``store.open``: the file, and the
   server's URL with its password, as a desk opens them), the same random codes scanned on
   both, interleaved (sqlite then PostgreSQL for each code, so both see the same machine
   load): ``--samples`` existing codes (40 % duplicates in custody, 20 % out, 40 % sealed
   originals) plus ``--unknown`` valid codes that no medium has, after ``--warmup`` scans
   each. Every scan of an existing code is also a logged reading (a signed ``read`` event,
   committed durably: fsync of the WAL on both engines).
4. The queries of one scan on PostgreSQL are captured and EXPLAIN ANALYZEd (plans in
   bench/out/pg_scan_plans.txt).

Figures: bench/out/bench_pg_scan.json and the table printed at the end."""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
os.environ.setdefault("KEEPER_STATE_DIR", str(OUT / "state"))  # the desks' witness logs

import bench_scan  # noqa: E402
from pgbench_common import (  # noqa: E402
    copy_sqlite_to_pg,
    log,
    machine_load,
    prewarm,
    psycopg_impl,
    server_settings,
    start_cluster,
    summary,
    terminated,
)

from keeper_app.domain import codes  # noqa: E402
from keeper_app.domain.errors import RuleViolation  # noqa: E402
from keeper_app.services import lookup  # noqa: E402
from keeper_app.services.session import Session, sign_in  # noqa: E402
from keeper_app.store import open as store_open  # noqa: E402

TARGET_P99_MS = 5.0
ENGINES = ("sqlite", "postgresql")


def unknown_codes(side: sqlite3.Connection, rng: random.Random, n: int) -> list[str]:
    """Valid codes (right check character) that no medium has: year 2019, before the bulk."""
    out: list[str] = []
    while len(out) < n:
        c = codes.make(bench_scan.UNIT_CODE, 2019, rng.randint(1, 999_999), rng.choice("OD")).text
        if side.execute("SELECT 1 FROM media WHERE code=?", (c,)).fetchone() is None:
            out.append(c)
    return out


def scan_once(s: Session, code: str, expect: str) -> tuple[float, float]:
    """(wall ms, this thread's CPU ms) of one scan; checks what it found."""
    c0 = time.thread_time_ns()
    t0 = time.perf_counter_ns()
    try:
        rec = lookup.scan(s, code)
        found = rec.status
    except RuleViolation as exc:
        found = "unknown" if exc.code == "unknown_medium" else f"refused {exc.code}"
    wall = (time.perf_counter_ns() - t0) / 1e6
    cpu = (time.thread_time_ns() - c0) / 1e6
    if found != expect:
        raise SystemExit(f"{code}: expected {expect}, scan says {found}")
    return wall, cpu


def capture_pg_statements(s: Session, code: str) -> tuple[list[tuple[str, Any]], int]:
    """The statements one scan sends to the server (PostgreSQL's dialect, with parameters)
    and the round trips they take (a statement on its own, or one pipeline of several)."""
    from contextlib import contextmanager

    raw = s.db.pg.raw  # type: ignore[attr-defined]
    seen: list[tuple[str, Any]] = []
    trips = 0
    in_pipeline = False
    real_execute, real_pipeline = raw.execute, raw.pipeline

    def execute(query: Any, params: Any = None, **kw: Any) -> Any:
        nonlocal trips
        seen.append((str(query), params))
        if not in_pipeline:
            trips += 1
        return real_execute(query, params, **kw)

    @contextmanager
    def pipeline() -> Any:
        nonlocal trips, in_pipeline
        trips += 1
        in_pipeline = True
        try:
            with real_pipeline() as p:
                yield p
        finally:
            in_pipeline = False

    raw.execute, raw.pipeline = execute, pipeline
    try:
        lookup.scan(s, code)
    finally:
        del raw.execute, raw.pipeline
    return seen, trips


def explain(url: str, statements: list[tuple[str, Any]]) -> tuple[str, list[dict[str, Any]]]:
    """EXPLAIN (ANALYZE, BUFFERS) of each reading statement, in a transaction rolled back."""
    import psycopg

    text: list[str] = []
    brief: list[dict[str, Any]] = []
    with psycopg.connect(url) as con:
        for sql, params in statements:
            head = sql.lstrip().split(None, 1)[0].upper()
            if head not in ("SELECT", "WITH") or "pg_advisory" in sql or "pg_notify" in sql:
                text.append(f"-- not explained ({head}): {sql}\n")
                continue
            rows = con.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}", params).fetchall()
            plan = [str(r[0]) for r in rows]
            text.append(f"-- {sql}\n-- params {params!r}\n" + "\n".join(plan) + "\n")
            nodes = [
                ln.strip().lstrip("-> ").split("  (")[0]
                for ln in plan
                if "Scan" in ln or "Join" in ln or "Sort" in ln
            ]
            exec_ms = next(
                (float(ln.split()[2]) for ln in plan if ln.startswith("Execution Time")), 0.0
            )
            brief.append({"sql": sql[:160], "nodes": nodes, "exec_ms": exec_ms})
        con.rollback()
    return "\n".join(text), brief


def proc_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (/proc, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sqlite_statement_count(s: Session, code: str) -> int:
    n = 0

    def count(_stmt: str) -> None:
        nonlocal n
        n += 1

    s.db.conn.set_trace_callback(count)
    try:
        lookup.scan(s, code)
    finally:
        s.db.conn.set_trace_callback(None)
    return n


def measure(sqlite_path: Path, url: str, args: argparse.Namespace) -> tuple[dict[str, Any], str]:
    rng = random.Random(args.seed + 1)
    side = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    try:
        warm = bench_scan.sample_codes(side, rng, args.warmup)
        picked = bench_scan.sample_codes(side, rng, args.samples)
        unknown = [("unknown", c) for c in unknown_codes(side, rng, args.unknown)]
    finally:
        side.close()
    todo = picked + unknown
    rng.shuffle(todo)
    clock = bench_scan.Clock(bench_scan.NOW)
    sessions: dict[str, Session] = {}
    opened: dict[str, float] = {}
    for engine, location in (("sqlite", str(sqlite_path)), ("postgresql", url)):
        t0 = time.perf_counter()
        db = store_open(location, create=False)
        opened[engine] = (time.perf_counter() - t0) * 1000
        sessions[engine] = sign_in(db, "K001", bench_scan.PASSWORD, clock)
    for _, c in warm:
        for e in ENGINES:
            lookup.scan(sessions[e], c)
    wall: dict[str, dict[str, list[float]]] = {e: {"all": []} for e in ENGINES}
    cpu: dict[str, list[float]] = {e: [] for e in ENGINES}
    pg_raw = sessions["postgresql"].db.pg.raw  # type: ignore[attr-defined]
    backend = int(pg_raw.execute("SELECT pg_backend_pid()").fetchone()[0])
    server0 = proc_cpu_s(backend)
    load0 = os.getloadavg()
    t_start = time.perf_counter()
    for i, (kind, c) in enumerate(todo):
        order = ENGINES if i % 2 == 0 else ENGINES[::-1]  # neither always goes first
        for e in order:
            w, u = scan_once(sessions[e], c, kind)
            wall[e]["all"].append(w)
            wall[e].setdefault(kind, []).append(w)
            cpu[e].append(u)
    elapsed = time.perf_counter() - t_start
    load1 = os.getloadavg()
    server_ms = (proc_cpu_s(backend) - server0) * 1000 / len(todo)
    sample_code = next(c for k, c in todo if k == "in_custody")
    statements, trips = capture_pg_statements(sessions["postgresql"], sample_code)
    plans_text, plans = explain(url, statements)
    res: dict[str, Any] = {
        "open_ms": opened,
        "scans": {e: {k: summary(v) for k, v in wall[e].items()} for e in ENGINES},
        "cpu": {e: summary(cpu[e]) for e in ENGINES},
        "server_cpu_ms_per_scan": server_ms,
        "statements_per_scan": {
            "sqlite": sqlite_statement_count(sessions["sqlite"], sample_code),
            "postgresql": len(statements),
        },
        "round_trips_per_scan": {"postgresql": trips},
        "plans": plans,
        "loadavg_before": load0,
        "loadavg_after": load1,
        "seconds": elapsed,
    }
    for s in sessions.values():
        s.db.close()
    return res, plans_text


def report(meta: dict[str, Any], copy: dict[str, Any], res: dict[str, Any]) -> str:
    line = "=" * 86
    out = [line]
    out.append(
        f"Keeper bench_pg_scan — lookup.scan, {meta['media']:,} media, {meta['entries']:,} "
        "register entries: sqlite file vs PostgreSQL 15 over TCP 127.0.0.1 (SCRAM)"
    )
    out.append(f"client: {psycopg_impl()}, sqlite {sqlite3.sqlite_version}")
    out.append(line)
    out.append(
        f"{'engine':11} {'codes':11} {'n':>5} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}  ms"
    )
    for e in ENGINES:
        for k in ("all", "in_custody", "out", "sealed", "unknown"):
            v = res["scans"][e].get(k)
            if v is None:
                continue
            out.append(
                f"{e:11} {k:11} {v['n']:>5} {v['median']:>8.2f} {v['p95']:>8.2f} "
                f"{v['p99']:>8.2f} {v['max']:>8.2f}"
            )
        c = res["cpu"][e]
        out.append(
            f"{e:11} {'(CPU time)':11} {c['n']:>5} {c['median']:>8.2f} {c['p95']:>8.2f} "
            f"{c['p99']:>8.2f} {c['max']:>8.2f}   the client's CPU only"
        )
    out.append(
        f"{'postgresql':11} {'(server)':11} {'':>5} {res['server_cpu_ms_per_scan']:>8.2f} "
        f"{'':>8} {'':>8} {'':>8}   the backend's CPU per scan, mean"
    )
    p99 = res["scans"]["postgresql"]["all"]["p99"]
    out.append(
        f"target p99 < {TARGET_P99_MS:.0f} ms on PostgreSQL: "
        f"{'MET' if p99 < TARGET_P99_MS else 'NOT MET'} ({p99:.2f} ms)"
    )
    out.append(
        f"statements per scan: sqlite {res['statements_per_scan']['sqlite']}, PostgreSQL "
        f"{res['statements_per_scan']['postgresql']} in "
        f"{res['round_trips_per_scan']['postgresql']} round trips; store.open: sqlite "
        f"{res['open_ms']['sqlite']:.0f} ms, PostgreSQL {res['open_ms']['postgresql']:.0f} ms "
        "(connect, schema check)"
    )
    out.append(
        "load average before {:.2f} {:.2f} {:.2f}, after {:.2f} {:.2f} {:.2f} on {} cores "
        "({:.0f} s of scans)".format(
            *res["loadavg_before"], *res["loadavg_after"], os.cpu_count(), res["seconds"]
        )
    )
    t = copy["timing"]
    out.append(
        f"PostgreSQL load: {sum(copy['rows'].values()):,} rows in {t['total_s']:.0f} s (COPY "
        f"{t['copy_s']:.0f} s, {copy['indexes']} indexes {t['indexes_s']:.0f} s, "
        f"{copy['foreign_keys']} foreign keys validated {t['foreign_keys_s']:.0f} s, "
        f"VACUUM ANALYZE {t['analyze_s']:.0f} s); database {copy['size_mb']:,.0f} MB, "
        f"sqlite file {meta['file_mb']:,.0f} MB"
    )
    out.append("PostgreSQL plans of one scan (EXPLAIN ANALYZE; bench/out/pg_scan_plans.txt):")
    for p in res["plans"]:
        out.append(f"  {p['exec_ms']:6.3f} ms  {'; '.join(p['nodes']) or '(no scan node)'}")
    out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--media", type=int, default=int(os.environ.get("KEEPER_BENCH_MEDIA", 1_000_000))
    )
    ap.add_argument("--entries", type=int, help="retrievals (default 5 per medium)")
    ap.add_argument("--samples", type=int, default=2000, help="existing codes scanned")
    ap.add_argument("--unknown", type=int, default=200, help="unknown codes scanned")
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20261120)
    ap.add_argument("--rebuild", action="store_true", help="make the sqlite file again")
    ap.add_argument("--json", type=Path, default=OUT / "bench_pg_scan.json")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, terminated)  # the cluster is stopped on the way out
    entries = args.entries if args.entries is not None else 5 * args.media
    OUT.mkdir(parents=True, exist_ok=True)
    default = (args.media, entries) == (1_000_000, 5_000_000)
    path = OUT / ("scale.sqlite" if default else f"scale_{args.media}_{entries}.sqlite")
    meta = None if args.rebuild else bench_scan.existing(path, args.media, entries)
    if meta is None:
        log(f"building {path}: {args.media:,} media, {entries:,} register entries")
        meta = bench_scan.build(path, args.media, entries, args.seed)
    else:
        log(f"reusing {path} (bench_scan.py's; --rebuild to make it again)")
    meta["file_mb"] = path.stat().st_size / 1e6
    # this bench's witness logs: a rebuilt file must not meet the heads of the one before
    shutil.rmtree(Path(os.environ["KEEPER_STATE_DIR"]), ignore_errors=True)
    log(f"starting a PostgreSQL 15 cluster ({machine_load()})")
    cluster = start_cluster("pg-scan")
    try:
        url = cluster.create_database("keeper_scan")
        store_open(url, migrate=True).close()  # the schema, as `keeper server init` makes it
        log("copying the sqlite file into the server")
        copy = copy_sqlite_to_pg(path, url)
        import psycopg

        with psycopg.connect(url, autocommit=True) as con:
            size = con.execute("SELECT pg_database_size(current_database())").fetchone()
        copy["size_mb"] = int(size[0]) / 1e6 if size else 0.0
        copy["prewarm"] = prewarm(url)
        log(
            f"copied in {copy['timing']['total_s']:.0f} s, prewarmed "
            f"{copy['prewarm']['pages'] * 8 / 1024:,.0f} MB in {copy['prewarm']['seconds']:.0f} s;"
            f" scanning ({machine_load()})"
        )
        settings = server_settings(url)
        res, plans_text = measure(path, url, args)
    finally:
        cluster.destroy()
    (OUT / "pg_scan_plans.txt").write_text(plans_text)
    text = report(meta, copy, res)
    print(text)
    (OUT / "bench_pg_scan.txt").write_text(text + "\n")
    args.json.write_text(
        json.dumps(
            {"meta": meta, "copy": copy, "server": settings, "results": res},
            indent=2,
            ensure_ascii=False,
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
