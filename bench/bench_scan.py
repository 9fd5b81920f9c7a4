"""Benchmark of issue 2: ``scan`` at 1,000,000 media and 5,000,000 register entries.

Run it by hand (``make bench``, or ``nice .venv/bin/python bench/bench_scan.py``); it is not
a test and pytest never collects it. It prints a summary block with the figures the issue asks
for: service-level ``lookup.scan`` time (median, p95, p99, max, target p99 < 5 ms), a cold-ish
first scan, ``lookup.media`` pages, ``lookup.due``, and the database size and row counts.

The database (``bench/out/scale.sqlite``) is made once (about 3 minutes on 2 cores) and
reused when its sidecar ``scale.json`` says it was completed with the same sizes, its schema
version is the code's, and its codes still pass ``codes.parse``; ``--rebuild`` makes it again.
The measurements open it with ``open_database`` (WAL, ``synchronous = FULL``, sqlite's default
page cache) and run as a signed-in keeper with a fixed clock; the OS file cache is not dropped.

How the database is made -- READ THIS before quoting the figures:

1. ``keeper_app.store.open_database`` creates the file, so the real schema (migrations,
   indexes, append-only triggers) and pragmas apply.
2. The office is made through the services, as the app does it: ``people.bootstrap``, the
   departments, 33 people (with a cheap scrypt cost, ``kdf_n = 2**10``), 300 cases opened
   over 2020-2026 (``intake.create_case``, a moving clock), a few court requests.
3. The bulk -- 500,000 pairs (1,000,000 media) with their recordings, files, manifests,
   handovers and seal events, then 5,000,000 retrievals with their returns -- is loaded
   BEHIND THE SERVICES: plain ``executemany`` in large transactions. The rows have the
   shapes the services write (valid codes from ``domain.codes.make``, the label JSON of
   ``intake.register_pair``, one manifest per pair, ``manifest_body`` text), the append-only
   triggers stay in place (they allow inserts), foreign keys stay on. What the bulk load does
   NOT write: signatures and audit events (``keeper audit verify`` therefore fails on this
   file, by design), and for speed it drops the secondary indexes of the bulk tables first
   and re-creates them afterwards with the exact SQL stored in the schema, and runs with
   ``synchronous = OFF``. The statuses that the services would have moved (out, damaged) are
   set with ``UPDATE media SET status`` at the end, as ``store.media.set_status`` does.
4. Then a small sample goes through the real services (pairs registered and handed over,
   ~200 retrieve/return cycles, all signed, all in the audit chain); from it the script
   measures what signatures and audit events cost per entry and ESTIMATES the size the file
   would have if the whole history had been written through the services.

The retrieval history is a simulation in time order (register ids grow with time): each
handed-over duplicate is retrieved at the same average rate from its handover on, never while
it is out; returns come after the estimated usage time (a few percent late); retrievals whose
return would fall after "now" are still out; one return in 10,000 finds the disc damaged
(incident to the head of the case's department).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import hashlib
import heapq
import io
import json
import math
import os
import pstats
import random
import sqlite3
import statistics
import sys
import time
from array import array
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from keeper_app.domain import codes
from keeper_app.domain.model import DeptKind, ManifestEntry
from keeper_app.services import custody, intake, lookup, retrieval_requests, transfers
from keeper_app.services import people as people_svc
from keeper_app.services.intake import manifest_body
from keeper_app.services.session import Credential, KdfCache, Session, sign_in
from keeper_app.store import Database, latest_version, open_database

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"

PASSWORD = "bench-password-1"
KDF_N = 2**10  # cheap: the bench signs in a few hundred times; the app uses crypto.DEFAULT_KDF_N
UNIT_CODE, UNIT_NAME = "3101", "某市公安局"
N_CASES = 300
T0 = datetime(2020, 1, 1, tzinfo=UTC)
T_END = datetime(2026, 11, 20, 0, 0, tzinfo=UTC)  # the bulk history ends here
NOW = datetime(2026, 11, 20, 8, 0, tzinfo=UTC)  # the clock of the measurements
TARGET_P99_MS = 5.0
SAMPLE_PAIRS = 10
SAMPLE_CYCLES = 200
BULK_TABLES = (
    "recordings",
    "recording_files",
    "manifests",
    "media",
    "medium_recordings",
    "handovers",
    "seal_events",
    "retrievals",
    "returns",
    "incidents",
)

DEPTS = [  # key, name, kind, case-number letter
    ("crim", "刑事侦查大队", DeptKind.CASE_HANDLING, "A"),
    ("drug", "禁毒大队", DeptKind.CASE_HANDLING, "B"),
    ("econ", "经济犯罪侦查大队", DeptKind.CASE_HANDLING, "J"),
    ("order", "治安管理大队", DeptKind.CASE_HANDLING, "Z"),
    ("legal", "法制大队", DeptKind.LEGAL, ""),
    ("arch", "档案室", DeptKind.ARCHIVES, ""),
]
CASE_DEPTS = [d[0] for d in DEPTS if d[2] == DeptKind.CASE_HANDLING]
SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘于蒋蔡余杜叶程"
)
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华建国志红文辉鹏飞云海波宇浩然晨阳"
CRIMES = [
    "故意伤害",
    "盗窃",
    "诈骗",
    "贩卖毒品",
    "抢劫",
    "寻衅滋事",
    "非法集资",
    "合同诈骗",
    "聚众斗殴",
    "容留他人吸毒",
    "职务侵占",
    "非法拘禁",
    "敲诈勒索",
    "开设赌场",
]
PLACES = ["讯问室1", "讯问室2", "讯问室3", "询问室1", "询问室2", "办案中心讯问室5"]
PURPOSES = [
    "补充侦查查看讯问过程",
    "核对笔录",
    "案件审核",
    "执法监督检查",
    "复核讯问过程",
    "涉案人员投诉核查",
    "",
]
EST_HOURS = [2, 4, 8, 8, 24, 24, 48, 72, 168]


def ts_db(ts: float) -> str:
    """The stored form of a time (what ``timeutil.to_db`` writes), from epoch seconds."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(ts))


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)


class Clock:
    def __init__(self, t: datetime):
        self.t = t

    def __call__(self) -> datetime:
        return self.t


# ====================================================================== the office (services)
@dataclass
class Office:
    dept_ids: dict[str, int] = field(default_factory=dict)
    dept_names: dict[str, str] = field(default_factory=dict)
    heads: dict[str, tuple[int, str]] = field(default_factory=dict)  # dept -> (id, badge)
    handlers: dict[str, list[tuple[int, str, str]]] = field(default_factory=dict)  # id,badge,name
    keepers: list[int] = field(default_factory=list)
    reviewers: list[int] = field(default_factory=list)
    # per case: (id, case_no, name, dept key, opened epoch, [handler (id, badge, name)])
    cases: list[tuple[int, str, str, str, float, list[tuple[int, str, str]]]] = field(
        default_factory=list
    )


def person_name(rng: random.Random) -> str:
    n = rng.choice((1, 2, 2))
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(n))


def make_office(db: Database, clock: Clock, cache: KdfCache, rng: random.Random) -> Office:
    off = Office()
    clock.t = T0 - timedelta(days=60)
    # the first run makes the administrator with the first department head (D001, crim),
    # who countersigns every custody role after
    first = people_svc.FirstHead("D001", person_name(rng), PASSWORD, DEPTS[0][1])
    people_svc.bootstrap(
        db, UNIT_CODE, UNIT_NAME, "ADMIN", "系统管理员", PASSWORD, first, kdf_n=KDF_N, clock=clock
    )
    admin = sign_in(db, "ADMIN", PASSWORD, clock, cache)
    for key, name, kind, _ in DEPTS:
        if key == DEPTS[0][0]:
            off.dept_ids[key] = next(
                int(d["id"]) for d in lookup.departments(admin) if d["name"] == name
            )
        else:
            off.dept_ids[key] = people_svc.add_department(admin, name, kind)
        off.dept_names[key] = name

    def person(
        badge: str, roles: list[str], dept: str | None, org: str = ""
    ) -> tuple[int, str, str]:
        name = person_name(rng)
        pid = people_svc.add_person(
            admin,
            badge,
            name,
            roles,
            PASSWORD,
            off.dept_ids[dept] if dept else None,
            org_name=org,
            kdf_n=KDF_N,
            head=Credential("D001", PASSWORD),
        )
        return pid, badge, name

    for i in range(3):
        off.keepers.append(person(f"K{i + 1:03d}", ["keeper"], "legal")[0])
    for i in range(2):
        off.reviewers.append(person(f"R{i + 1:03d}", ["reviewer"], "legal")[0])
    person("A001", ["case_handler"], "arch")
    person("C001", ["outside_retriever"], None, "某市中级人民法院")
    person("C002", ["outside_retriever"], None, "某市人民检察院")
    n = 0
    for i, dept in enumerate(CASE_DEPTS):
        if i == 0:
            hid, hbadge = sign_in(db, "D001", PASSWORD, clock, cache).person.id, "D001"
        else:
            hid, hbadge, _ = person(f"D{i + 1:03d}", ["dept_head"], dept)
            people_svc.set_head(admin, off.dept_ids[dept], hbadge)
        off.heads[dept] = (hid, hbadge)
        off.handlers[dept] = []
        for _ in range(5):
            n += 1
            off.handlers[dept].append(person(f"H{n:03d}", ["case_handler"], dept))

    sessions: dict[str, Session] = {}
    span = (T_END - T0).total_seconds()
    seq: dict[tuple[str, int], int] = {}
    for i in range(N_CASES):
        opened = T0 - timedelta(days=30) + timedelta(seconds=span * i / N_CASES)
        clock.t = opened
        dept = CASE_DEPTS[rng.randrange(len(CASE_DEPTS))]
        hs = rng.sample(off.handlers[dept], 2)
        letter = next(d[3] for d in DEPTS if d[0] == dept)
        k = (letter, opened.year)
        seq[k] = seq.get(k, 0) + 1
        case_no = f"{letter}{opened.year}-{seq[k]:04d}"
        name = f"{rng.choice(SURNAMES)}某{rng.choice(CRIMES)}案"
        badge = hs[0][1]
        if badge not in sessions:
            sessions[badge] = sign_in(db, badge, PASSWORD, clock, cache)
        cid = intake.create_case(
            sessions[badge],
            case_no,
            name,
            off.dept_ids[dept],
            [h[1] for h in hs],
            major=rng.random() < 0.1,
        )
        off.cases.append((cid, case_no, name, dept, opened.timestamp(), hs))
    return off


# ====================================================================== bulk load (no services)
def drop_secondary_indexes(conn: sqlite3.Connection) -> list[str]:
    """Drop the CREATE INDEX indexes of the bulk tables; return their SQL to re-create them."""
    rows = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type='index' AND sql IS NOT NULL AND "
        f"tbl_name IN ({','.join('?' * len(BULK_TABLES))})",
        BULK_TABLES,
    ).fetchall()
    for name, _ in rows:
        conn.execute(f"DROP INDEX {name}")
    return [sql for _, sql in rows]


@dataclass
class Pairs:
    """What the retrieval simulation needs to know of each pair (compact arrays)."""

    n: int
    first_media_id: int
    elig: array  # epoch: the duplicate may be retrieved from then on (after the handover)
    case_idx: array
    handed_over: int = 0  # pairs that were handed over (the rest are still 'burned')


def load_pairs(db: Database, off: Office, n_pairs: int, rng: random.Random) -> Pairs:
    conn = db.conn
    t0, t_end = T0.timestamp(), T_END.timestamp()
    span = t_end - 2 * 3600 - t0
    base = {
        t: int(conn.execute(f"SELECT coalesce(max(id), 0) FROM {t}").fetchone()[0])
        for t in ("recordings", "recording_files", "manifests", "media", "handovers", "seal_events")
    }
    pairs = Pairs(n_pairs, base["media"] + 1, array("d"), array("H"))
    case_open = [c[4] for c in off.cases]
    serial_of_year: dict[int, int] = {}
    n_open = 0
    chunk = 25_000
    for start in range(0, n_pairs, chunk):
        rec_rows, file_rows, man_rows, media_rows, link_rows = [], [], [], [], []
        hand_rows, seal_rows = [], []
        for j in range(start, min(n_pairs, start + chunk)):
            burned = t0 + span * (j + rng.random()) / n_pairs
            while n_open < len(case_open) and case_open[n_open] <= burned:
                n_open += 1
            ci = max(0, n_open - 1 - int(rng.expovariate(1 / 12)))
            cid, case_no, case_name, dept, _, hs = off.cases[ci]
            hid, _, hname = hs[rng.randrange(2)]
            year = time.gmtime(burned).tm_year
            serial_of_year[year] = serial = serial_of_year.get(year, 0) + 1
            o = codes.make(UNIT_CODE, year, serial, "O")
            d = o.partner()
            pair_no = o.body[:14]
            started = burned - rng.uniform(2, 48) * 3600
            ended = started + rng.uniform(0.5, 3) * 3600
            rec_id = base["recordings"] + j + 1
            who = person_name(rng)
            rec_rows.append(
                (
                    rec_id,
                    cid,
                    "interrogation",
                    who,
                    rng.choice(("suspect", "suspect", "witness", "victim")),
                    ts_db(started),
                    ts_db(ended),
                    rng.choice(PLACES),
                    "[]",
                    hid,
                    ts_db(ended + 600),
                )
            )
            path = f"rec/{case_no}/{pair_no}-{who}.mp4"
            size = rng.randrange(200_000_000, 4_000_000_000)
            sha = hashlib.sha256(f"{pair_no}{who}{started}".encode()).hexdigest()
            file_rows.append((base["recording_files"] + j + 1, rec_id, path, size, sha))
            body = manifest_body([ManifestEntry(path, size, sha)])
            man_id = base["manifests"] + j + 1
            man_rows.append((man_id, body, hashlib.sha256(body.encode()).hexdigest()))
            label = json.dumps(
                {
                    "production_unit": UNIT_NAME,
                    "producer": hname,
                    "production_time": ts_db(burned),
                    "person_interrogated": who,
                    "case_name": case_name,
                    "case_number": case_no,
                },
                ensure_ascii=False,
                sort_keys=True,
            )
            handover = burned + rng.uniform(0.5, 20) * 3600
            done = handover <= t_end
            seal = f"S-{pair_no}"
            o_loc = f"原件柜{j // 4000 + 1:03d}-{j % 4000 // 100 + 1:02d}"
            d_loc = f"复制件柜{j // 2000 + 1:03d}-{j % 2000 // 50 + 1:02d}"
            oid = base["media"] + 2 * j + 1
            did = oid + 1
            reg = ts_db(burned + 300)
            bt = ts_db(burned)
            for mid, c, role, st, loc, sn in (
                (oid, o, "original", "sealed", o_loc, seal),
                (did, d, "duplicate", "in_custody", d_loc, ""),
            ):
                if not done:
                    st, loc, sn = "burned", "", ""
                media_rows.append(
                    (
                        mid,
                        c.text,
                        pair_no,
                        role,
                        "disc",
                        "DVD-R",
                        f"K{c.text}",
                        cid,
                        man_id,
                        label,
                        bt,
                        hid,
                        reg,
                        st,
                        loc,
                        sn,
                    )
                )
                link_rows.append((mid, rec_id))
            if done:
                pairs.handed_over += 1
                at = ts_db(handover)
                kid = off.keepers[rng.randrange(len(off.keepers))]
                hand_rows.append(
                    (
                        base["handovers"] + pairs.handed_over,
                        cid,
                        oid,
                        did,
                        hid,
                        kid,
                        at,
                        seal,
                        o_loc,
                        d_loc,
                        None,
                        "",
                    )
                )
                seal_rows.append(
                    (
                        base["seal_events"] + pairs.handed_over,
                        oid,
                        "seal",
                        seal,
                        at,
                        None,
                        kid,
                        "sealed at handover",
                    )
                )
            pairs.elig.append(burned + 24 * 3600 if done else math.inf)
            pairs.case_idx.append(ci)
        with db.transaction() as c:
            c.executemany(
                "INSERT INTO recordings(id, case_id, kind, person_name, person_role, "
                "started_at, ended_at, place, interruptions, registered_by, "
                "registered_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                rec_rows,
            )
            c.executemany(
                "INSERT INTO recording_files(id, recording_id, path, size, sha256) "
                "VALUES (?,?,?,?,?)",
                file_rows,
            )
            c.executemany("INSERT INTO manifests(id, body, sha256) VALUES (?,?,?)", man_rows)
            c.executemany(
                "INSERT INTO media(id, code, pair_no, copy_role, kind, disc_type, "
                "volume_id, case_id, manifest_id, label, burned_at, producer_id, "
                "registered_at, status, location, seal_no) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                media_rows,
            )
            c.executemany(
                "INSERT INTO medium_recordings(medium_id, recording_id) VALUES (?,?)", link_rows
            )
            c.executemany(
                "INSERT INTO handovers(id, case_id, original_id, duplicate_id, "
                "handler_id, keeper_id, at, seal_no, original_location, "
                "duplicate_location, late_reason, note) "
                "VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                hand_rows,
            )
            c.executemany(
                "INSERT INTO seal_events(id, medium_id, kind, seal_no, at, "
                "approval_id, keeper_id, note) VALUES (?,?,?,?,?,?,?,?)",
                seal_rows,
            )
        done_n = min(n_pairs, start + chunk)
        if done_n % 100_000 == 0 or done_n == n_pairs:
            log(f"  pairs {done_n:,}/{n_pairs:,}")
    return pairs


def load_retrievals(
    db: Database, off: Office, pairs: Pairs, n_entries: int, rng: random.Random
) -> dict[str, int]:
    """``n_entries`` retrievals in time order over the handed-over duplicates, each medium
    retrieved at the same rate from its handover on; returns in time order."""
    conn = db.conn
    t_end = T_END.timestamp()
    elig = pairs.elig
    n_elig = sum(1 for e in elig if e <= t_end)
    if n_elig == 0:
        raise SystemExit("no handed-over pair to retrieve")
    # cumulative "medium-seconds" of eligibility: the events are spread evenly over it
    lam_total = sum(t_end - e for e in elig if e <= t_end)
    busy = array("d", bytes(8 * n_elig))  # until when each duplicate is out (inf: for good)
    base_r = int(conn.execute("SELECT coalesce(max(id), 0) FROM retrievals").fetchone()[0])
    base_x = int(conn.execute("SELECT coalesce(max(id), 0) FROM returns").fetchone()[0])
    base_i = int(conn.execute("SELECT coalesce(max(id), 0) FROM incidents").fetchone()[0])
    pending: list[tuple[float, int, int, int, int, str, str]] = []  # the heap of returns
    ret_rows: list[tuple[Any, ...]] = []
    inc_rows: list[tuple[Any, ...]] = []
    r_rows: list[tuple[Any, ...]] = []
    out_ids: list[int] = []
    damaged_ids: list[int] = []
    n_ret = n_inc = 0
    k, cur_t, lam_at = 1, elig[0], 0.0
    first = pairs.first_media_id

    def pop_returns(upto: float) -> None:
        nonlocal n_ret, n_inc
        while pending and pending[0][0] <= upto:
            at, rid, mid, by, kid, insp, ver = heapq.heappop(pending)
            n_ret += 1
            xid = base_x + n_ret
            ret_rows.append(
                (
                    xid,
                    rid,
                    ts_db(at),
                    by,
                    kid,
                    insp,
                    ver,
                    "外包装破损，盘面划伤" if insp == "damaged" else "",
                )
            )
            if insp == "damaged":
                n_inc += 1
                ci = pairs.case_idx[(mid - first) // 2]
                head = off.heads[off.cases[ci][3]][0]
                inc_rows.append(
                    (
                        base_i + n_inc,
                        "damaged",
                        mid,
                        xid,
                        None,
                        "外包装破损，盘面划伤",
                        ts_db(at),
                        kid,
                        head,
                    )
                )

    def flush() -> None:
        with db.transaction() as c:
            c.executemany(
                "INSERT INTO retrievals(id, medium_id, retriever_id, retriever_unit, "
                "out_at, reason, purpose, est_usage_hours, approver_id, keeper_id) "
                "VALUES (?,?,?,?,?,?,?,?,?,?)",
                r_rows,
            )
            c.executemany(
                "INSERT INTO returns(id, retrieval_id, returned_at, returned_by, "
                "keeper_id, inspection, verification, note) VALUES (?,?,?,?,?,?,?,?)",
                ret_rows,
            )
            c.executemany(
                "INSERT INTO incidents(id, kind, medium_id, return_id, handover_id, "
                "description, at, reported_by, reported_to) "
                "VALUES (?,?,?,?,?,?,?,?,?)",
                inc_rows,
            )
        r_rows.clear()
        ret_rows.clear()
        inc_rows.clear()

    rnd = rng.random
    for m in range(n_entries):
        target = (m + rnd()) * lam_total / n_entries
        while k < n_elig and lam_at + k * (elig[k] - cur_t) <= target:
            lam_at += k * (elig[k] - cur_t)
            cur_t = elig[k]
            k += 1
        t = cur_t + (target - lam_at) / k
        for _ in range(1000):
            i = int(rnd() * k)
            if busy[i] <= t:
                break
        else:
            raise SystemExit(f"no duplicate free at {ts_db(t)}: too many entries for the media")
        pop_returns(t)
        mid = first + 2 * i + 1
        cid, _, _, dept, _, hs = off.cases[pairs.case_idx[i]]
        if rnd() < 0.85:
            reason, who = "case_handling", hs[int(rnd() * 2)][0]
        else:
            reason = ("case_review", "supervision", "complaint")[int(rnd() * 3)]
            who = off.reviewers[int(rnd() * len(off.reviewers))]
        est = EST_HOURS[int(rnd() * len(EST_HOURS))]
        kid = off.keepers[int(rnd() * len(off.keepers))]
        rid = base_r + m + 1
        r_rows.append(
            (
                rid,
                mid,
                who,
                UNIT_NAME,
                ts_db(t),
                reason,
                PURPOSES[int(rnd() * len(PURPOSES))],
                est,
                off.heads[dept][0],
                kid,
            )
        )
        dur = est * 3600 * (rng.uniform(1.0, 2.5) if rnd() < 0.03 else rng.uniform(0.15, 1.0))
        back = t + max(dur, 60.0)
        if back > t_end:
            busy[i] = math.inf
            out_ids.append(mid)
        else:
            damaged = rnd() < 1e-4
            busy[i] = math.inf if damaged else back
            if damaged:
                damaged_ids.append(mid)
            heapq.heappush(
                pending,
                (
                    back,
                    rid,
                    mid,
                    who,
                    kid,
                    "damaged" if damaged else "intact",
                    "match" if rnd() < 0.3 else "not_checked",
                ),
            )
        if len(r_rows) >= 100_000:
            flush()
            if (m + 1) % 500_000 == 0:
                log(f"  retrievals {m + 1:,}/{n_entries:,} (at {ts_db(t)[:10]})")
    pop_returns(t_end)
    flush()
    with db.transaction() as c:  # what store.media.set_status does, without the services
        c.executemany("UPDATE media SET status='out' WHERE id=?", ((x,) for x in out_ids))
        c.executemany("UPDATE media SET status='damaged' WHERE id=?", ((x,) for x in damaged_ids))
    log(
        f"  retrievals {n_entries:,}, returns {n_ret:,}, out {len(out_ids):,}, "
        f"damaged {len(damaged_ids)}"
    )
    return {"out": len(out_ids), "damaged": len(damaged_ids), "returns": n_ret}


# ====================================================================== the services sample
def table_pages(conn: sqlite3.Connection, names: Iterable[str]) -> int:
    return sum(
        int(
            conn.execute(
                "SELECT coalesce(sum(pgsize), 0) FROM dbstat WHERE name=?", (n,)
            ).fetchone()[0]
        )
        for n in names
    )


def index_names(conn: sqlite3.Connection, table: str) -> list[str]:
    return [table] + [
        r[0]
        for r in conn.execute(
            "SELECT name FROM sqlite_master WHERE type='index' AND tbl_name=?", (table,)
        )
    ]


def services_sample(
    db: Database, off: Office, clock: Clock, cache: KdfCache, rng: random.Random
) -> dict[str, Any]:
    """A few pairs and retrieve/return cycles through the real services (signed, audited);
    returns what signatures and audit events cost per entry."""
    clock.t = T_END + timedelta(minutes=5)
    ci = len(off.cases) - 1
    cid, case_no, _, dept, _, hs = off.cases[ci]
    h_badge = hs[0][1]
    head_badge = off.heads[dept][1]
    s_h = sign_in(db, h_badge, PASSWORD, clock, cache)
    s_k = sign_in(db, "K001", PASSWORD, clock, cache)
    dups = []
    for i in range(SAMPLE_PAIRS):
        start = clock.t - timedelta(hours=3)
        f = ManifestEntry(
            f"rec/{case_no}/sample-{i}.mp4",
            1_234_567,
            hashlib.sha256(f"sample{i}".encode()).hexdigest(),
        )
        rid = intake.register_recording(
            s_h,
            case_no,
            person_name(rng),
            "suspect",
            start,
            start + timedelta(hours=1),
            PLACES[0],
            [f],
        )
        o, d = intake.register_pair(s_h, [rid], [f], clock.t)
        clock.t += timedelta(seconds=30)
        intake.handover(
            s_k,
            o,
            Credential(h_badge, PASSWORD),
            Credential("K001", PASSWORD),
            f"S-{o[:14]}",
            "原件柜900-01",
            "复制件柜900-01",
        )
        clock.t += timedelta(seconds=30)
        dups.append(d)
    for i in range(SAMPLE_CYCLES):
        d = dups[i % len(dups)]
        # Art. 20: the keeper asks, the head approves in his own session, the disc goes out
        qid = retrieval_requests.request_retrieval(
            s_k, d, h_badge, "case_handling", 4, "补充侦查查看讯问过程"
        )
        retrieval_requests.decide_retrieval(
            sign_in(db, head_badge, PASSWORD, clock, cache),
            qid,
            Credential(head_badge, PASSWORD),
            True,
        )
        custody.retrieve(s_k, d, Credential(h_badge, PASSWORD), Credential("K001", PASSWORD), qid)
        clock.t += timedelta(seconds=20)
        custody.return_medium(
            s_k, d, Credential(h_badge, PASSWORD), Credential("K001", PASSWORD), "intact"
        )
        clock.t += timedelta(seconds=20)
    # a few court requests, recent and not yet served: they show in scan's due list and in due
    for j in range(5):
        _, cno, *_ = off.cases[-1 - 7 * j]
        transfers.register_court_request(
            s_k,
            cno,
            "court",
            "某市中级人民法院",
            f"(2026)刑调{100 + j}号",
            clock.t - timedelta(hours=j),
            whole_case=True,
        )
    if clock.t >= NOW:
        raise SystemExit("the services sample ran past the measurement clock")
    conn = db.conn
    sig_bytes = table_pages(conn, index_names(conn, "signatures"))
    sig_rows = int(conn.execute("SELECT count(*) FROM signatures").fetchone()[0])
    aud_bytes = table_pages(conn, index_names(conn, "audit_events"))
    tot_len = int(
        conn.execute(
            "SELECT sum(length(CAST(payload AS BLOB)) + 200) FROM audit_events"
        ).fetchone()[0]
    )
    per_action = {
        a: float(n) * aud_bytes / tot_len
        for a, n in conn.execute(
            "SELECT action, avg(length(CAST(payload AS BLOB)) + 200) FROM audit_events "
            "GROUP BY action"
        )
    }
    return {
        "bytes_per_signature": sig_bytes / max(sig_rows, 1),
        "bytes_per_audit_event": per_action,
        "signatures": sig_rows,
        "audit_events": int(conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]),
    }


# ====================================================================== build
def build(path: Path, n_media: int, n_entries: int, seed: int) -> dict[str, Any]:
    if n_media % 2:
        raise SystemExit("--media must be even: discs come in pairs")
    tmp = path.with_name(path.name + ".building")
    for p in (tmp, Path(f"{tmp}-wal"), Path(f"{tmp}-shm")):
        p.unlink(missing_ok=True)
    rng = random.Random(seed)
    t_start = time.perf_counter()
    db = open_database(tmp)
    conn = db.conn
    conn.execute("PRAGMA synchronous = OFF")  # bulk load only; the measurements reopen (FULL)
    conn.execute("PRAGMA cache_size = -262144")  # 256 MiB while loading
    clock, cache = Clock(T0), KdfCache()
    log("office through the services: bootstrap, departments, people, cases")
    off = make_office(db, clock, cache, rng)
    dropped = drop_secondary_indexes(conn)
    log(f"bulk load behind the services ({len(dropped)} secondary indexes dropped for the load)")
    pairs = load_pairs(db, off, n_media // 2, rng)
    t_pairs = time.perf_counter()
    log(f"  {n_media:,} media in {t_pairs - t_start:.0f} s; retrievals and returns next")
    stats = load_retrievals(db, off, pairs, n_entries, rng)
    t_ret = time.perf_counter()
    log(f"  register in {t_ret - t_pairs:.0f} s; re-creating the indexes")
    for sql in dropped:
        conn.execute(sql)
    t_idx = time.perf_counter()
    log(f"  indexes in {t_idx - t_ret:.0f} s; services sample (signed, audited)")
    sample = services_sample(db, off, clock, cache, rng)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    os.replace(tmp, path)
    build_s = time.perf_counter() - t_start
    meta = {
        "media": n_media,
        "entries": n_entries,
        "seed": seed,
        "now": NOW.isoformat(),
        "pairs_handed_over": pairs.handed_over,
        "build_seconds": round(build_s, 1),
        "sample": sample,
        **stats,
    }
    path.with_suffix(".json").write_text(json.dumps(meta, indent=2, ensure_ascii=False))
    log(f"built {path} in {build_s:.0f} s")
    return meta


def existing(path: Path, n_media: int, n_entries: int) -> dict[str, Any] | None:
    side = path.with_suffix(".json")
    if not (path.exists() and side.exists()):
        return None
    meta: dict[str, Any] = json.loads(side.read_text())
    if meta.get("media") != n_media or meta.get("entries") != n_entries:
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        if con.execute("PRAGMA user_version").fetchone()[0] != latest_version():
            log(f"{path} has an older schema than the migrations: rebuilding")
            return None
        m = con.execute("SELECT count(*) FROM media").fetchone()[0]
        r = con.execute("SELECT count(*) FROM retrievals").fetchone()[0]
        some = [
            x[0]
            for x in con.execute(
                "SELECT code FROM media WHERE id IN (SELECT id FROM media ORDER BY id LIMIT 5) "
                "OR id IN (SELECT id FROM media ORDER BY id DESC LIMIT 5)"
            )
        ]
    finally:
        con.close()
    try:
        for c in some:
            codes.parse(c)
    except codes.CodeError:
        log(f"{path} has codes made by another check-character rule: rebuilding")
        return None
    # the services sample adds its own few pairs and entries on top of the bulk
    ok = n_media <= m <= n_media + 2 * SAMPLE_PAIRS and n_entries <= r <= n_entries + SAMPLE_CYCLES
    return meta if ok else None


# ====================================================================== measurements
def pct(xs: Sequence[float], p: float) -> float:
    s = sorted(xs)
    return s[min(len(s) - 1, max(0, math.ceil(p / 100 * len(s)) - 1))]


def summary(xs: Sequence[float]) -> dict[str, float]:
    if not xs:
        return {"n": 0, "median": math.nan, "p95": math.nan, "p99": math.nan, "max": math.nan}
    return {
        "n": len(xs),
        "median": statistics.median(xs),
        "p95": pct(xs, 95),
        "p99": pct(xs, 99),
        "max": max(xs),
    }


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t = time.perf_counter_ns()
    r = fn()
    return (time.perf_counter_ns() - t) / 1e6, r


def sample_codes(conn: sqlite3.Connection, rng: random.Random, n: int) -> list[tuple[str, str]]:
    """(category, code): 40 % duplicates in custody, 20 % out, 40 % sealed originals."""
    lo, hi = conn.execute("SELECT min(id), max(id) FROM media").fetchone()
    out = [r[0] for r in conn.execute("SELECT code FROM media WHERE status='out'")]
    want = {"in_custody": int(n * 0.4), "out": int(n * 0.2) if out else 0}
    want["sealed"] = n - want["in_custody"] - want["out"]
    got: list[tuple[str, str]] = [("out", rng.choice(out)) for _ in range(want["out"])]
    have = {"in_custody": 0, "sealed": 0}
    while have["in_custody"] < want["in_custody"] or have["sealed"] < want["sealed"]:
        code, status = conn.execute(
            "SELECT code, status FROM media WHERE id=?", (rng.randint(lo, hi),)
        ).fetchone()
        if status in have and have[status] < want[status]:
            have[status] += 1
            got.append((status, code))
    rng.shuffle(got)
    return got


def measure(path: Path, meta: dict[str, Any], args: argparse.Namespace) -> dict[str, Any]:
    rng = random.Random(args.seed + 1)
    clock = Clock(NOW)
    gc.collect()  # not the build's garbage in the timings
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    version = con.execute("PRAGMA user_version").fetchone()[0]
    con.close()
    if version != latest_version():  # open_database would migrate, after a 2 GB backup
        raise SystemExit(
            f"{path}: schema {version}, the code has {latest_version()} (changed "
            "while building?): run again with --rebuild"
        )
    res: dict[str, Any] = {}
    res["open_ms"], db = timed(lambda: open_database(path, create=False))
    res["sign_in_ms"], s = timed(lambda: sign_in(db, "K001", PASSWORD, clock))
    # codes are picked through a separate read-only connection: the measured one stays cold
    side = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        warm = sample_codes(side, rng, args.warmup)
        codes_ = sample_codes(side, rng, args.samples)
        heavy = (
            side.execute(
                "SELECT m.code, count(*) AS n FROM retrievals r JOIN media m "
                "ON m.id=r.medium_id GROUP BY r.medium_id ORDER BY n DESC "
                "LIMIT 1"
            ).fetchone()
            if args.heaviest
            else None
        )
    finally:
        side.close()
    first = [timed(lambda c=c: lookup.scan(s, c))[0] for _, c in codes_[:10]]
    res["first_scan_ms"] = first[0]
    res["first_10_scans_ms"] = first
    for _, c in warm:
        lookup.scan(s, c)
    times: dict[str, list[float]] = {"all": []}
    cpu: list[float] = []  # CPU time of this thread: what the scan costs without preemption
    load0 = os.getloadavg()[0]
    for cat, c in codes_:
        c0 = time.thread_time_ns()
        ms, rec = timed(lambda c=c: lookup.scan(s, c))
        cpu.append((time.thread_time_ns() - c0) / 1e6)
        times["all"].append(ms)
        times.setdefault(cat, []).append(ms)
        if rec.status != cat:
            raise SystemExit(f"{c}: expected {cat}, scan says {rec.status}")
    res["scan"] = {k: summary(v) for k, v in times.items()}
    res["scan_cpu"] = summary(cpu)
    res["loadavg"] = (load0, os.getloadavg()[0])
    if heavy:
        hs = [timed(lambda: lookup.scan(s, heavy[0]))[0] for _ in range(50)]
        res["heaviest"] = {"code": heavy[0], "retrievals": heavy[1], **summary(hs)}

    def runs(fn: Callable[[], Any], n: int) -> dict[str, Any]:
        first_ms, r = timed(fn)
        xs = [timed(fn)[0] for _ in range(n)]
        return {"first": first_ms, "median": statistics.median(xs), "max": max(xs), "rows": len(r)}

    res["media_page"] = runs(lambda: lookup.media(s, limit=200), 20)
    res["media_out_page"] = runs(lambda: lookup.media(s, status="out", limit=200), 20)
    res["due"] = runs(lambda: lookup.due(s), 5)
    if args.profile:
        prof = cProfile.Profile()
        prof.enable()
        for _, c in codes_[:500]:
            lookup.scan(s, c)
        prof.disable()
        buf = io.StringIO()
        pstats.Stats(prof, stream=buf).sort_stats("cumulative").print_stats(30)
        res["profile"] = buf.getvalue()
    db.close()
    return res


def sizes(path: Path, meta: dict[str, Any]) -> dict[str, Any]:
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            r[0]
            for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' "
                "ORDER BY name"
            )
        ]
        rows = {t: int(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}
        owner = dict(
            con.execute(
                "SELECT name, tbl_name FROM sqlite_master WHERE type IN ('table', 'index')"
            ).fetchall()
        )
        per_table: dict[str, int] = {}
        for name, b in con.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name"):
            t = owner.get(name, name)
            per_table[t] = per_table.get(t, 0) + int(b)
    finally:
        con.close()
    file_b = path.stat().st_size
    wal = Path(f"{path}-wal")
    smp = meta["sample"]
    per_sig = smp["bytes_per_signature"]
    per_ev = smp["bytes_per_audit_event"]
    bulk_pairs = meta["media"] // 2
    ho = meta["pairs_handed_over"]
    n_ret = meta["returns"]
    est_sig = 2 * (ho + meta["entries"] + n_ret) * per_sig
    est_aud = (
        bulk_pairs * (per_ev.get("register_recording", 0) + per_ev.get("register_pair", 0))
        + ho * per_ev.get("handover", 0)
        + meta["entries"] * per_ev.get("retrieve", 0)
        + n_ret * per_ev.get("return", 0)
    )
    return {
        "file_mb": file_b / 1e6,
        "wal_mb": wal.stat().st_size / 1e6 if wal.exists() else 0,
        "rows": rows,
        "table_mb": {t: b / 1e6 for t, b in per_table.items()},
        "est_signatures_mb": est_sig / 1e6,
        "est_audit_mb": est_aud / 1e6,
        "est_full_mb": (file_b + est_sig + est_aud) / 1e6,
    }


def report(meta: dict[str, Any], res: dict[str, Any], sz: dict[str, Any]) -> None:
    sc = res["scan"]
    a = sc["all"]
    ok = a["p99"] < TARGET_P99_MS
    line = "=" * 78
    print(line)
    print(
        f"Keeper bench_scan — {meta['media']:,} media, {meta['entries']:,} register entries "
        f"(built in {meta['build_seconds']:.0f} s)"
    )
    print(line)
    print(f"lookup.scan, service level, {a['n']} random codes after a warm-up (times in ms):")
    print(f"  {'':12} {'n':>5} {'median':>8} {'p95':>8} {'p99':>8} {'max':>8}")
    for k in ("all", "in_custody", "out", "sealed"):
        if k in sc:
            v = sc[k]
            print(
                f"  {k:12} {v['n']:>5} {v['median']:>8.2f} {v['p95']:>8.2f} {v['p99']:>8.2f} "
                f"{v['max']:>8.2f}"
            )
    c = res["scan_cpu"]
    print(
        f"  {'(CPU time)':12} {c['n']:>5} {c['median']:>8.2f} {c['p95']:>8.2f} "
        f"{c['p99']:>8.2f} {c['max']:>8.2f}   this thread's CPU time, without preemption"
    )
    print(
        f"  target p99 < {TARGET_P99_MS:.0f} ms: {'MET' if ok else 'NOT MET'} "
        f"(p99 {a['p99']:.2f} ms wall clock; load average {res['loadavg'][0]:.2f} before, "
        f"{res['loadavg'][1]:.2f} after, on {os.cpu_count()} cores)"
    )
    if "heaviest" in res:
        h = res["heaviest"]
        print(
            f"  most-retrieved disc {h['code']} ({h['retrievals']} retrievals): median "
            f"{h['median']:.2f}, max {h['max']:.2f}"
        )
    print(
        f"cold-ish: open_database {res['open_ms']:.1f} ms, sign_in {res['sign_in_ms']:.1f} ms, "
        f"first scan {res['first_scan_ms']:.2f} ms, first 10 median "
        f"{statistics.median(res['first_10_scans_ms']):.2f} ms "
        "(new connection, OS file cache not dropped)"
    )
    for key, what in (
        ("media_page", "lookup.media(limit=200), first page"),
        ("media_out_page", "lookup.media(status='out', limit=200)"),
        ("due", "lookup.due()"),
    ):
        v = res[key]
        print(
            f"{what}: first {v['first']:.1f} ms, then median {v['median']:.1f} ms, max "
            f"{v['max']:.1f} ms ({v['rows']:,} rows)"
        )
    print(f"database file: {sz['file_mb']:,.0f} MB (+ WAL {sz['wal_mb']:.0f} MB)")
    print(
        f"  estimated with the signatures and audit events the services would write: "
        f"{sz['est_full_mb']:,.0f} MB (signatures ~{sz['est_signatures_mb']:,.0f} MB, "
        f"audit ~{sz['est_audit_mb']:,.0f} MB)"
    )
    print("  table (with its indexes)       rows        MB")
    for t, n in sorted(sz["rows"].items(), key=lambda x: -sz["table_mb"].get(x[0], 0)):
        if n or sz["table_mb"].get(t, 0) > 0.01:
            print(f"  {t:26} {n:>12,} {sz['table_mb'].get(t, 0):>9,.1f}")
    print(line)


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", type=Path, help="database file (default bench/out/scale.sqlite)")
    ap.add_argument("--media", type=int, default=1_000_000)
    ap.add_argument("--entries", type=int, default=5_000_000, help="retrievals")
    ap.add_argument("--rebuild", action="store_true", help="make the database again")
    ap.add_argument("--samples", type=int, default=2000)
    ap.add_argument("--warmup", type=int, default=200)
    ap.add_argument("--seed", type=int, default=20261120)
    ap.add_argument("--profile", action="store_true", help="cProfile 500 scans, print the top")
    ap.add_argument(
        "--no-heaviest",
        dest="heaviest",
        action="store_false",
        help="skip timing the most-retrieved disc (a GROUP BY over the register)",
    )
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    default = (args.media, args.entries) == (1_000_000, 5_000_000)
    path = args.db or OUT / (
        "scale.sqlite" if default else f"scale_{args.media}_{args.entries}.sqlite"
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    meta = None if args.rebuild else existing(path, args.media, args.entries)
    if meta is None:
        log(f"building {path}: {args.media:,} media, {args.entries:,} register entries")
        meta = build(path, args.media, args.entries, args.seed)
    else:
        log(f"reusing {path} (built in {meta['build_seconds']:.0f} s; --rebuild to make it again)")
    res = measure(path, meta, args)
    sz = sizes(path, meta)
    report(meta, res, sz)
    if res.get("profile"):
        print(res["profile"])
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "meta": meta,
                    "results": {k: v for k, v in res.items() if k != "profile"},
                    "sizes": sz,
                },
                indent=2,
                ensure_ascii=False,
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
