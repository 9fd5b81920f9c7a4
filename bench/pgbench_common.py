"""What the PostgreSQL benchmarks of issue 11 share (bench_pg_scan.py, bench_pg_desks.py):
a PostgreSQL 15 cluster of their own (the tests' :class:`PgCluster`, tests/pg_cluster.py),
the bulk copy of a sqlite file into a server database, and the statistics.

Not a benchmark itself (``make bench`` runs ``bench_*.py`` only)."""

from __future__ import annotations

import os
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"

if str(ROOT / "tests") not in sys.path:  # the tests' cluster helper, used as it is
    sys.path.insert(0, str(ROOT / "tests"))

from bench_scan import pct as pct  # noqa: E402  (one percentile rule for every benchmark)
from bench_scan import summary as summary  # noqa: E402
from pg_cluster import PgCluster  # noqa: E402

#: The server's settings for the benchmarks, over the tests' (32 MB shared buffers, sized for
#: many small clusters): what an office server on a machine like this one would be given. The
#: load-only settings (big WAL, no full-page writes) are NOT used: the copy runs with the
#: settings the measurements run with.
#: a server sized for a 1,000,000-media office (its database is 3.2 GB): the buffers hold
#: the database, as docs/server.md advises ("A large office")
SERVER_SETTINGS = {
    "shared_buffers": "'4GB'",
    "effective_cache_size": "'8GB'",
    "maintenance_work_mem": "'512MB'",
    "work_mem": "'16MB'",
    "max_wal_size": "'4GB'",
    "max_connections": "50",
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


def machine_load() -> str:
    """``uptime``'s load averages and the core count, for the figures' caption."""
    one, five, fifteen = os.getloadavg()
    return f"load average {one:.2f} {five:.2f} {fifteen:.2f} on {os.cpu_count()} cores"


def start_cluster(name: str, settings: dict[str, str] | None = None) -> PgCluster:
    """A fresh PostgreSQL 15 cluster (SCRAM passwords over TCP on 127.0.0.1, fsync on) with
    :data:`SERVER_SETTINGS`; its log is kept in bench/out/<name>.log when it is destroyed."""
    OUT.mkdir(parents=True, exist_ok=True)
    cluster = PgCluster(OUT, name).start()
    with cluster.connect() as con:
        for key, value in {**SERVER_SETTINGS, **(settings or {})}.items():
            con.execute(f"ALTER SYSTEM SET {key} = {value}")
    cluster.restart()
    return cluster


def prewarm(url: str) -> dict[str, Any]:
    """Read every table and index into the server's buffers (pg_prewarm), as a server that
    has been running for a while holds them (pg_prewarm's autoprewarm keeps them across a
    restart: docs/server.md). Returns the pages read and the seconds."""
    import psycopg

    t0 = time.perf_counter()
    with psycopg.connect(url, autocommit=True) as con:
        con.execute("CREATE EXTENSION IF NOT EXISTS pg_prewarm")
        r = con.execute(
            "SELECT sum(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relnamespace = "
            "current_schema()::regnamespace AND c.relkind IN ('r', 'i')"
        ).fetchone()
    return {"pages": int(r[0] or 0) if r else 0, "seconds": time.perf_counter() - t0}


def psycopg_impl() -> str:
    """Which psycopg runs: 'python' (pure Python over ctypes, as Keeper is packaged) or
    'binary'/'c' (the C optimisation, e.g. ``PYTHONPATH`` pointing at psycopg-binary)."""
    import psycopg

    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__})"


def server_settings(url: str) -> dict[str, str]:
    import psycopg

    names = (
        "server_version",
        "shared_buffers",
        "fsync",
        "synchronous_commit",
        "wal_sync_method",
        "password_encryption",
    )
    with psycopg.connect(url, autocommit=True) as con:
        return {n: str(con.execute(f"SHOW {n}").fetchone()[0]) for n in names}  # type: ignore[index]


# ====================================================================== sqlite -> PostgreSQL
def _copy_line_sql(columns: Sequence[str]) -> str:
    """One SELECT that makes each row's COPY text line in sqlite itself (C, not Python):
    NULL as \\N, blobs as bytea hex, backslash, tab, newline and CR escaped."""
    exprs = []
    for c in columns:
        q = f'"{c}"'
        exprs.append(
            f"CASE WHEN {q} IS NULL THEN '\\N' "
            f"WHEN typeof({q}) = 'blob' THEN '\\\\x' || hex({q}) "
            f"ELSE replace(replace(replace(replace(CAST({q} AS TEXT), '\\', '\\\\'), "
            f"char(9), '\\t'), char(10), '\\n'), char(13), '\\r') END"
        )
    return "SELECT " + " || char(9) || ".join(exprs)


def _copy_table(sqlite_path: Path, url: str, table: str) -> int:
    """One table by ``COPY ... FROM STDIN`` on connections of its own; returns its rows."""
    import psycopg

    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True, check_same_thread=False)
    n = 0
    try:
        cols = [str(r[1]) for r in src.execute(f'PRAGMA table_info("{table}")')]
        col_list = ", ".join(f'"{c}"' for c in cols)
        with psycopg.connect(url, autocommit=True) as con, con.cursor() as cur:
            with cur.copy(f'COPY "{table}" ({col_list}) FROM STDIN') as copy:
                q = src.execute(_copy_line_sql(cols) + f' FROM "{table}"')
                while True:
                    batch = q.fetchmany(20_000)
                    if not batch:
                        break
                    n += len(batch)
                    copy.write("\n".join(r[0] for r in batch).encode() + b"\n")
    finally:
        src.close()
    return n


def copy_sqlite_to_pg(
    sqlite_path: Path, url: str, progress: Callable[[str], None] = log
) -> dict[str, Any]:
    """Copy every row of the sqlite file into the (freshly migrated, empty) server database
    at ``url``, the way pg_restore does it: the foreign keys and secondary indexes are dropped
    first, each table is filled with one ``COPY ... FROM STDIN`` (the lines are made by
    sqlite; two tables at a time), then the indexes are built again and the foreign keys
    added back (each one VALIDATED over the whole table), the identity sequences moved past
    the ids, and the
    tables analysed. The append-only triggers stay (they refuse UPDATE, DELETE and TRUNCATE,
    never an INSERT). Only ``schema_migrations`` is left: the server's migration wrote its
    own. Returns per-table rows and the seconds of each phase."""
    import psycopg

    src = sqlite3.connect(f"file:{sqlite_path}?mode=ro", uri=True)
    t0 = time.perf_counter()
    timing: dict[str, float] = {}
    rows: dict[str, int] = {}
    try:
        tables = [
            str(r[0])
            for r in src.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "AND name != 'schema_migrations' ORDER BY rowid"
            )
        ]
        with psycopg.connect(url, autocommit=True) as con:
            filled = [
                t
                for t in tables
                if con.execute(f'SELECT EXISTS (SELECT 1 FROM "{t}")').fetchone()[0]  # type: ignore[index]
            ]
            if filled:
                raise SystemExit(f"the server database is not empty: {', '.join(filled)}")
            fks = con.execute(
                "SELECT c.conrelid::regclass::text, c.conname, pg_get_constraintdef(c.oid) "
                "FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
                "WHERE c.contype = 'f' AND n.nspname = current_schema()"
            ).fetchall()
            indexes = con.execute(
                "SELECT i.indexname, i.indexdef FROM pg_indexes i "
                "WHERE i.schemaname = current_schema() AND NOT EXISTS "
                "(SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname)"
            ).fetchall()
            for table, name, _ in fks:
                con.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            for name, _ in indexes:
                con.execute(f'DROP INDEX "{name}"')
            t1 = time.perf_counter()
            timing["drop_s"] = t1 - t0
            # two tables at a time, biggest first: sqlite makes the lines and libpq sends
            # them with the GIL released, so the two threads use both cores
            sizes = {
                t: int(src.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]) for t in tables
            }
            with ThreadPoolExecutor(max_workers=2) as pool:
                done = pool.map(
                    lambda t: (t, _copy_table(sqlite_path, url, t)),
                    sorted(tables, key=lambda t: -sizes[t]),
                )
                for t, n in done:
                    rows[t] = n
                    if n >= 500_000:
                        progress(f"  copied {t}: {n:,} rows")
            t2 = time.perf_counter()
            timing["copy_s"] = t2 - t1
            for _name, definition in indexes:
                con.execute(definition)
            t3 = time.perf_counter()
            timing["indexes_s"] = t3 - t2
            for table, name, definition in fks:
                con.execute(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
            t4 = time.perf_counter()
            timing["foreign_keys_s"] = t4 - t3
            identity = con.execute(
                "SELECT table_name, column_name FROM information_schema.columns "
                "WHERE table_schema = current_schema() AND is_identity = 'YES'"
            ).fetchall()
            for t, c in identity:
                con.execute(
                    f'SELECT setval(pg_get_serial_sequence(%s, %s), coalesce(max("{c}"), 1), '
                    f'max("{c}") IS NOT NULL) FROM "{t}"',
                    (t, c),
                )
            con.execute("VACUUM ANALYZE")
            timing["analyze_s"] = time.perf_counter() - t4
    finally:
        src.close()
    timing["total_s"] = time.perf_counter() - t0
    return {
        "rows": rows,
        "timing": timing,
        "foreign_keys": len(fks),
        "indexes": len(indexes),
    }


# ====================================================================== the run
def terminated(signum: int, frame: Any) -> None:
    """SIGTERM as SystemExit: the benchmark's clusters are stopped on the way out."""
    raise SystemExit(f"terminated by signal {signum}")
