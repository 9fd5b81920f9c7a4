"""Benchmark of issue 11: 8 desk processes doing signed retrieve/return cycles against one
office, on a PostgreSQL 15 server (over TCP 127.0.0.1, SCRAM password) and on one sqlite file,
in one run; throughput against what the password key derivations alone allow on this machine.

Run it by hand (``nice .venv/bin/python bench/bench_pg_desks.py``; ``--seconds 5 --desks 2
--engines postgresql`` for a quick run); pytest never collects it.

The office (made through the services for each engine, every person with the application's
default scrypt cost ``crypto.DEFAULT_KDF_N``): per desk, a case-handling department with its
head, a case handler, a keeper, a case, and one handed-over pair. Each desk is a process of
its own (``spawn``) with its own connection (``store.open(location)`` as a desk opens it) and
its own state folder (witness log); it signs in its keeper and its department head once, then
repeats the Art. 20 cycle until the time is up:

1. ``retrieval_requests.request_retrieval`` (the keeper asks for the case handler);
2. ``retrieval_requests.decide_retrieval`` (the head approves, signing: 1 key derivation);
3. ``custody.retrieve`` (case handler and keeper both sign: 2 derivations);
4. ``custody.return_medium`` (both sign again: 2 derivations).

So a cycle needs 5 password key derivations when nothing is run again; each desk counts the
derivations it really did (``crypto.unlock`` counted), the calls ``rerun_if_changed`` ran again
because another desk wrote in between, the calls refused (``busy_changing`` after
``MAX_RERUNS``, a busy store: done again), and its CPU time (and its server backend's). A desk
ends the cycle it is in when the time is up; a step still refused half the run time later (at
least 10 s) stops the desk where it is ("stuck").

Afterwards: every retrieval, return, request and decision row of each desk's disc against the
ids the desk reported (none lost, none doubled), each disc's status against its last step, and
``keeper audit verify`` on the database (clean).

``--repeat N`` runs the engines in turn N times (this machine's speed drifts: one run is one
sample); the table has a row for each run.

The bounds: processes doing nothing but ``crypto.unlock`` at the default cost for
``--kdf-seconds``, just before and again just after the run (this shared machine's speed
drifts by up to a fifth from one minute to the next; the mean of the two is the bound, both are
reported): derivations per second; divided by 5, the cycles per second the derivations alone
allow. Two of them, each with its ratio:

- ``|core``: one process a core (2 here) -- a derivation with a core to itself;
- ``|desk``: one process a desk (8) -- the desks' derivations alone, as many processes as
  desks on these cores. Eight processes sharing two cores make each derivation cost a fifth
  more CPU than with a core to itself, and no scheduling tried brought it back (bench/README,
  sixth run): this is what eight desks' derivations alone allow; ``|core``, no eight
  processes reach.

Goal: the desks reach 80 % of ``|desk``; ``|core`` is reported beside it.

Figures: bench/out/bench_pg_desks.txt and .json, and the table printed at the end."""

from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import traceback
from collections import Counter
from datetime import timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
ROOT = HERE.parent
os.environ.setdefault("KEEPER_STATE_DIR", str(OUT / "state-desks" / "main"))

from pgbench_common import (  # noqa: E402
    log,
    machine_load,
    psycopg_impl,
    server_settings,
    start_cluster,
    summary,
    terminated,
)

from keeper_app import crypto  # noqa: E402
from keeper_app.domain.model import DeptKind, ManifestEntry  # noqa: E402
from keeper_app.services import custody, intake, retrieval_requests, self_check  # noqa: E402
from keeper_app.services import people as people_svc  # noqa: E402
from keeper_app.services.session import Credential, KdfCache, sign_in  # noqa: E402
from keeper_app.store import open as store_open  # noqa: E402
from keeper_app.timeutil import now_utc  # noqa: E402

PASSWORD = "bench-desk-password-1"
KDF_PER_CYCLE = 5  # decide 1, retrieve 2, return 2
GOAL = 0.80
ENGINES = ("postgresql", "sqlite")
STEPS = ("request", "decide", "retrieve", "return")


# ====================================================================== the office
def make_office(location: str, desks: int) -> list[dict[str, str]]:
    """Through the services, at the default key derivation cost: per desk a department, its
    head, a case handler, a keeper, a case and a handed-over pair. Returns each desk's badges
    and its duplicate's code."""
    db = store_open(location, migrate=True)
    # a new office where the last run's was (--repeat): what this process verified of that
    # one is not this one's
    self_check.forget(db)
    cache = KdfCache()  # the set-up only: the administrator and D001 sign many times
    try:
        people_svc.bootstrap(
            db,
            "3101",
            "某市公安局",
            "ADMIN",
            "系统管理员",
            PASSWORD,
            people_svc.FirstHead("D001", "周大队长", PASSWORD, "刑事侦查大队"),
        )
        admin = sign_in(db, "ADMIN", PASSWORD, kdf_cache=cache)
        legal = people_svc.add_department(admin, "法制大队", DeptKind.LEGAL)
        head0 = Credential("D001", PASSWORD)
        out = []
        for i in range(1, desks + 1):
            dept = people_svc.add_department(admin, f"第{i}侦查大队", DeptKind.CASE_HANDLING)
            badges = {"head": f"D{100 + i}", "handler": f"H{100 + i}", "keeper": f"K{100 + i}"}
            people_svc.add_person(
                admin, badges["head"], f"大队长{i}", ["dept_head"], PASSWORD, dept, head=head0
            )
            people_svc.set_head(admin, dept, badges["head"])
            people_svc.add_person(
                admin, badges["handler"], f"办案{i}", ["case_handler"], PASSWORD, dept, head=head0
            )
            people_svc.add_person(
                admin, badges["keeper"], f"保管{i}", ["keeper"], PASSWORD, legal, head=head0
            )
            h = sign_in(db, badges["handler"], PASSWORD, kdf_cache=cache)
            case_no = f"A2026-{900 + i}"
            intake.create_case(h, case_no, f"某{i}盗窃案", dept, [badges["handler"]])
            now = now_utc().replace(microsecond=0)
            f = ManifestEntry(
                f"rec/{case_no}/1.mp4", 1234, hashlib.sha256(case_no.encode()).hexdigest()
            )
            rid = intake.register_recording(
                h,
                case_no,
                "王某某",
                "suspect",
                now - timedelta(hours=2),
                now - timedelta(hours=1),
                "讯问室1",
                [f],
            )
            o, d = intake.register_pair(h, [rid], [f], now)
            k = sign_in(db, badges["keeper"], PASSWORD, kdf_cache=cache)
            intake.handover(
                k,
                o,
                Credential(badges["handler"], PASSWORD),
                Credential(badges["keeper"], PASSWORD),
                f"S-{o[:14]}",
                f"原件柜{i:03d}",
                f"复制件柜{i:03d}",
            )
            out.append({**badges, "duplicate": d, "case_no": case_no})
        return out
    finally:
        db.close()


# ====================================================================== one desk (a process)
def proc_cpu_s(pid: int) -> float:
    """CPU seconds (user + system) a process has used so far (/proc, clock ticks)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Stuck(Exception):
    """A desk's step was still refused when the run's grace time was over."""


def desk(
    n: int,
    location: str,
    d: dict[str, str],
    seconds: float,
    grace: float,
    barrier: Any,
    results: Any,
) -> None:
    """One desk: sign in the keeper and the head, wait for the others, then cycles until
    ``seconds`` are up (a step refused is done again, until ``grace`` seconds after that).
    Puts its report on ``results``."""
    os.environ["KEEPER_STATE_DIR"] = str(OUT / "state-desks" / f"desk-{n}")
    from keeper_app.domain.errors import RuleViolation
    from keeper_app.services import session as session_mod
    from keeper_app.store import StoreError

    counts: Counter[str] = Counter()
    real_unlock = crypto.unlock

    cpu: Counter[str] = Counter()

    def unlock(km: Any, password: str) -> Any:
        counts["kdf"] += 1
        c0 = time.thread_time()
        try:
            return real_unlock(km, password)
        finally:
            cpu["kdf"] += time.thread_time() - c0

    crypto.unlock = unlock  # type: ignore[assignment]
    real_init = session_mod.ChangedMeanwhile.__init__

    def changed(self: Any, *a: Any) -> None:
        counts["rerun"] += 1
        real_init(self, *a)

    session_mod.ChangedMeanwhile.__init__ = changed  # type: ignore[method-assign]
    report: dict[str, Any] = {"desk": n, "ok": False}
    try:
        db = store_open(location, create=False)
        k = sign_in(db, d["keeper"], PASSWORD)
        h = sign_in(db, d["head"], PASSWORD)
        handler = Credential(d["handler"], PASSWORD)
        keeper = Credential(d["keeper"], PASSWORD)
        head = Credential(d["head"], PASSWORD)
        code = d["duplicate"]
        ids: dict[str, list[int]] = {s: [] for s in STEPS}
        times: dict[str, list[float]] = {s: [] for s in STEPS}
        refused: Counter[str] = Counter()
        give_up = 0.0

        def step(name: str, fn: Any) -> Any:
            while True:
                t0 = time.perf_counter()
                try:
                    r = fn()
                except (RuleViolation, StoreError) as exc:
                    refused[f"{name}: {getattr(exc, 'code', type(exc).__name__)}"] += 1
                    if time.time() > give_up:
                        raise Stuck(name) from exc
                    continue
                times[name].append(time.perf_counter() - t0)
                ids[name].append(int(r))
                return r

        backend = None
        if location.startswith("postgresql://"):  # the server process of this desk's connection
            backend = int(db.pg.raw.execute("SELECT pg_backend_pid()").fetchone()[0])  # type: ignore[attr-defined]
        counts.clear()
        cpu.clear()
        prof = None
        if os.environ.get("KEEPER_BENCH_PROFILE_DESK") == str(n):  # a look at where time goes
            import cProfile

            prof = cProfile.Profile(time.process_time)  # CPU, not waiting
        barrier.wait()
        if prof is not None:
            prof.enable()
        cpu0 = time.process_time()
        ru0 = resource.getrusage(resource.RUSAGE_SELF)
        server0 = proc_cpu_s(backend) if backend else 0.0
        start = time.time()
        end = start + seconds
        give_up = end + grace
        cycles = 0
        stuck = None
        try:
            while time.time() < end:
                qid = step(
                    "request",
                    lambda: retrieval_requests.request_retrieval(
                        k, code, d["handler"], "case_handling", 4, "核对笔录"
                    ),
                )
                step(
                    "decide",
                    lambda q=qid: retrieval_requests.decide_retrieval(h, q, head, True, "同意"),
                )
                step("retrieve", lambda q=qid: custody.retrieve(k, code, handler, keeper, q))
                step("return", lambda: custody.return_medium(k, code, handler, keeper, "intact"))
                cycles += 1
        except Stuck as exc:
            stuck = str(exc)
        if prof is not None:
            prof.disable()
            prof.dump_stats(str(OUT / f"desk-{n}.prof"))
        report.update(
            ok=True,
            start=start,
            finish=time.time(),
            cpu_s=time.process_time() - cpu0,
            cpu_sys_s=resource.getrusage(resource.RUSAGE_SELF).ru_stime - ru0.ru_stime,
            kdf_cpu_s=cpu["kdf"],
            server_cpu_s=(proc_cpu_s(backend) - server0) if backend else 0.0,
            cycles=cycles,
            stuck=stuck,
            ids=ids,
            times=times,
            kdf=counts["kdf"],
            reruns=counts["rerun"],
            refused=dict(refused),
        )
        db.close()
    except BaseException:
        report["error"] = traceback.format_exc()
        try:
            barrier.abort()
        except Exception:
            pass
    results.put(report)


def run_desks(location: str, desks: list[dict[str, str]], seconds: float) -> list[dict[str, Any]]:
    ctx = mp.get_context("spawn")
    barrier = ctx.Barrier(len(desks))
    results = ctx.Queue()
    grace = max(10.0, seconds / 2)
    procs = [
        ctx.Process(target=desk, args=(i + 1, location, d, seconds, grace, barrier, results))
        for i, d in enumerate(desks)
    ]
    for p in procs:
        p.start()
    reports = [results.get(timeout=seconds + grace + 600) for _ in procs]
    for p in procs:
        p.join(timeout=60)
    return sorted(reports, key=lambda r: r["desk"])


# ====================================================================== the checks
def check(
    location: str, desks: list[dict[str, str]], reports: list[dict[str, Any]]
) -> dict[str, Any]:
    """The rows of each desk's disc against what the desk reported; the discs' status;
    ``keeper audit verify``."""
    db = store_open(location, create=False)
    problems: list[str] = []
    try:
        c = db.conn
        for d, r in zip(desks, reports, strict=True):
            mid = c.execute(
                "SELECT id, status FROM media WHERE code=?", (d["duplicate"],)
            ).fetchone()
            # a desk still refused at the end of the grace time may have left its disc out
            out = len(r["ids"]["retrieve"]) > len(r["ids"]["return"])
            if mid[1] != ("out" if out else "in_custody"):
                problems.append(f"desk {r['desk']}: {d['duplicate']} is {mid[1]}")
            found = {
                "request": c.execute(
                    "SELECT id FROM retrieval_requests WHERE medium_id=?", (mid[0],)
                ).fetchall(),
                "decide": c.execute(
                    "SELECT d.id FROM retrieval_decisions d JOIN retrieval_requests q "
                    "ON q.id = d.request_id WHERE q.medium_id=?",
                    (mid[0],),
                ).fetchall(),
                "retrieve": c.execute(
                    "SELECT id FROM retrievals WHERE medium_id=?", (mid[0],)
                ).fetchall(),
                "return": c.execute(
                    "SELECT x.id FROM returns x JOIN retrievals r ON r.id = x.retrieval_id "
                    "WHERE r.medium_id=?",
                    (mid[0],),
                ).fetchall(),
            }
            for step in STEPS:
                rows = sorted(int(x[0]) for x in found[step])
                said = sorted(r["ids"][step])
                if rows != said:
                    lost = sorted(set(rows) - set(said))
                    extra = sorted(set(said) - set(rows))
                    problems.append(
                        f"desk {r['desk']} {step}: {len(rows)} rows, {len(said)} reported "
                        f"(rows not reported {lost[:5]}, reported without a row {extra[:5]})"
                    )
            if len(r["ids"]["return"]) != r["cycles"]:
                problems.append(
                    f"desk {r['desk']}: {r['cycles']} cycles, {len(r['ids']['return'])} returns"
                )
        events = int(c.execute("SELECT count(*) FROM audit_events").fetchone()[0])
    finally:
        db.close()
    t0 = time.perf_counter()
    v = subprocess.run(
        [str(ROOT / ".venv" / "bin" / "keeper"), "--db", location, "--json", "audit", "verify"],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    verify_s = time.perf_counter() - t0
    how = "keeper audit verify"
    try:
        verdict = json.loads(v.stdout)
        ok = v.returncode == 0 and bool(verdict.get("ok"))
    except ValueError:
        verdict = {"ok": False, "problems": [(v.stdout + v.stderr).strip()[-2000:]]}
        ok = False
    if not ok and "no database at postgresql:" in v.stdout + v.stderr:
        # this branch's CLI opens the file read-only only: the server's chain is verified
        # in this process with the same service (services.admin.verify_audit)
        from keeper_app.services import admin

        t0 = time.perf_counter()
        db = store_open(location, create=False)
        try:
            r = admin.verify_audit(db)
        finally:
            db.close()
        verify_s = time.perf_counter() - t0
        verdict = {"ok": r.ok, "events": r.events, "problems": r.problems}
        ok = r.ok
        how = "services.admin.verify_audit (the CLI took the URL for a file)"
    if not ok:
        problems.append(f"audit verify: {verdict.get('problems')} (exit {v.returncode})")
    return {
        "problems": problems,
        "events": events,
        "verify_ok": ok,
        "verify_how": how,
        "verify_s": verify_s,
        "verify_events": verdict.get("events"),
    }


# ====================================================================== the bound
def _kdf_worker(seconds: float, out: Any) -> None:
    km = crypto.new_key_material(PASSWORD)
    n = 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        crypto.unlock(km, PASSWORD)
        n += 1
    out.put((n, time.perf_counter() - t0))


def kdf_rate(procs: int, seconds: float) -> dict[str, Any]:
    """Derivations per second of ``procs`` processes doing nothing else."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    ps = [ctx.Process(target=_kdf_worker, args=(seconds, out)) for _ in range(procs)]
    for p in ps:
        p.start()
    got = [out.get(timeout=seconds + 120) for _ in ps]
    for p in ps:
        p.join()
    rate = sum(n / t for n, t in got)
    return {"processes": procs, "derivations": sum(n for n, _ in got), "per_s": rate}


# ====================================================================== one engine
def engine_run(engine: str, location: str, args: argparse.Namespace) -> dict[str, Any]:
    # the desks' witness logs of an earlier run would hold heads this new office never had
    shutil.rmtree(OUT / "state-desks", ignore_errors=True)
    t0 = time.perf_counter()
    desks = make_office(location, args.desks)
    setup_s = time.perf_counter() - t0
    log(f"{engine}: office of {args.desks} desks made in {setup_s:.0f} s; the bounds first")
    cores = os.cpu_count() or 2
    # the two bounds: one process a core, and one a desk (as many as the run has), each doing
    # nothing but derivations; measured before the run and again after it (in the other
    # order), since this shared machine's speed drifts by a fifth from one minute to the next
    before = {
        "core": kdf_rate(cores, args.kdf_seconds),
        "desk": kdf_rate(args.desks, args.kdf_seconds),
    }
    load0 = os.getloadavg()
    log(
        f"{engine}: {before['core']['per_s']:.1f} derivations/s one a core, "
        f"{before['desk']['per_s']:.1f} one a desk; {args.desks} desks for {args.seconds:g} s"
    )
    reports = run_desks(location, desks, args.seconds)
    load1 = os.getloadavg()
    after = {
        "desk": kdf_rate(args.desks, args.kdf_seconds),
        "core": kdf_rate(cores, args.kdf_seconds),
    }
    log(
        f"{engine}: {after['core']['per_s']:.1f} derivations/s one a core, "
        f"{after['desk']['per_s']:.1f} one a desk, after the run"
    )
    bounds = {
        kind: {
            "processes": before[kind]["processes"],
            "derivations": before[kind]["derivations"] + after[kind]["derivations"],
            "per_s": (before[kind]["per_s"] + after[kind]["per_s"]) / 2,
            "before_per_s": before[kind]["per_s"],
            "after_per_s": after[kind]["per_s"],
            # CPU time a derivation took (every core busy the whole time)
            "cpu_ms_each": 1000
            * min(cores, before[kind]["processes"])
            * 2
            / (before[kind]["per_s"] + after[kind]["per_s"]),
        }
        for kind in ("core", "desk")
    }
    bad = [r for r in reports if not r["ok"]]
    if bad:
        for r in bad:
            print(f"desk {r['desk']} failed:\n{r['error']}", file=sys.stderr)
        raise SystemExit(f"{engine}: {len(bad)} desk(s) failed")
    start = min(r["start"] for r in reports)
    finish = max(r["finish"] for r in reports)
    cycles = sum(r["cycles"] for r in reports)
    kdfs = sum(r["kdf"] for r in reports)
    log(f"{engine}: {cycles} cycles; checking rows and audit verify")
    checked = check(location, desks, reports)
    refused: Counter[str] = Counter()
    for r in reports:
        refused.update(r["refused"])
    step_times = {s: summary([t * 1000 for r in reports for t in r["times"][s]]) for s in STEPS}
    elapsed = finish - start
    per_s = cycles / elapsed
    allowed = {kind: b["per_s"] / KDF_PER_CYCLE for kind, b in bounds.items()}
    return {
        "engine": engine,
        "desks": args.desks,
        "setup_s": setup_s,
        "seconds": elapsed,
        "cycles": cycles,
        "cycles_per_desk": [r["cycles"] for r in reports],
        "cycles_per_s": per_s,
        "kdf": kdfs,
        "kdf_per_cycle": kdfs / cycles if cycles else float("nan"),
        "kdf_per_s_in_run": kdfs / elapsed,
        "reruns": sum(r["reruns"] for r in reports),
        "cpu_s": {
            "desks": sum(r["cpu_s"] for r in reports),
            "kdf": sum(r["kdf_cpu_s"] for r in reports),
            "desks_system": sum(r["cpu_sys_s"] for r in reports),
            "server_backends": sum(r["server_cpu_s"] for r in reports),
        },
        "stuck": {r["desk"]: r["stuck"] for r in reports if r["stuck"]},
        "refused": dict(refused),
        "step_ms": step_times,
        "bounds": bounds,
        "allowed_cycles_per_s": allowed,
        "ratio": {kind: per_s / a for kind, a in allowed.items()},
        "check": checked,
        "loadavg_before": load0,
        "loadavg_after": load1,
    }


def report(results: list[dict[str, Any]]) -> str:
    line = "=" * 92
    out = [
        line,
        "Keeper bench_pg_desks — signed retrieve/return cycles, one office, desks as processes",
        f"client: {psycopg_impl()}",
    ]
    out.append(line)
    out.append(
        f"{'engine':11} {'desks':>5} {'s':>5} {'cycles':>6} {'cyc/s':>6} "
        f"{'|core':>6} {'ratio':>6} {'|desk':>6} {'ratio':>6} {'KDF/cyc':>7} {'reruns':>6} "
        f"{'refused':>7}  lost/doubled, verify"
    )
    for r in results:
        c = r["check"]
        a, q = r["allowed_cycles_per_s"], r["ratio"]
        out.append(
            f"{r['engine']:11} {r['desks']:>5} {r['seconds']:>5.0f} {r['cycles']:>6} "
            f"{r['cycles_per_s']:>6.2f} {a['core']:>6.2f} {q['core'] * 100:>5.0f}% "
            f"{a['desk']:>6.2f} {q['desk'] * 100:>5.0f}% "
            f"{r['kdf_per_cycle']:>7.2f} {r['reruns']:>6} {sum(r['refused'].values()):>7}  "
            f"{'none' if not c['problems'] else len(c['problems'])}, "
            f"{'clean' if c['verify_ok'] else 'FAILED'} ({c['verify_events']} events, "
            f"{c['verify_s']:.1f} s)"
        )
    out.append(
        f"the bounds, in cycles/s: {KDF_PER_CYCLE} derivations per cycle at the default cost "
        f"(N = 2**{crypto.DEFAULT_KDF_N.bit_length() - 1}) against the derivations a second of "
        f"processes doing nothing else (the mean of two measurements, just before and just "
        f"after each run): |core one process a core, |desk as many processes as desks; "
        f"goal ratio >= {GOAL:.0%}"
    )
    for r in results:
        b = r["bounds"]
        out.append(
            f"{r['engine']}: cycles per desk {r['cycles_per_desk']}; derivations/s alone "
            + "; ".join(
                f"one a {kind}: {b[kind]['before_per_s']:.1f} before the run and "
                f"{b[kind]['after_per_s']:.1f} after ({b[kind]['cpu_ms_each']:.1f} ms each)"
                for kind in ("core", "desk")
            )
            + f"; {r['kdf_per_s_in_run']:.1f} during it; load average "
            f"{r['loadavg_before'][0]:.2f} before, {r['loadavg_after'][0]:.2f} after"
        )
        c = r["cpu_s"]
        n = max(r["cycles"], 1)
        out.append(
            f"  CPU per cycle: desk processes {c['desks'] / n:.3f} s (of which key derivations "
            f"{c['kdf'] / n:.3f} s, {c['kdf'] * 1000 / max(r['kdf'], 1):.1f} ms each; in the "
            f"kernel {c.get('desks_system', 0.0) / n:.3f} s), server backends "
            f"{c['server_backends'] / n:.3f} s; "
            f"CPU used {(c['desks'] + c['server_backends']) / r['seconds']:.2f} cores of "
            f"{os.cpu_count()}"
        )
        out.append(
            "  step ms median/p95/max: "
            + ", ".join(
                f"{s} {v['median']:.0f}/{v['p95']:.0f}/{v['max']:.0f}"
                for s, v in r["step_ms"].items()
            )
        )
        if r["refused"]:
            out.append(f"  refused and done again: {r['refused']}")
        if r["stuck"]:
            out.append(f"  still refused after the grace time (desk: step): {r['stuck']}")
        for p in r["check"]["problems"]:
            out.append(f"  PROBLEM: {p}")
    out.append(line)
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--desks", type=int, default=8)
    ap.add_argument(
        "--seconds", type=float, default=float(os.environ.get("KEEPER_BENCH_SECONDS", 60))
    )
    ap.add_argument("--kdf-seconds", type=float, help="the bound's measurement (default s/6)")
    ap.add_argument("--engines", default=",".join(ENGINES))
    ap.add_argument("--repeat", type=int, default=1, help="run the engines in turn N times")
    ap.add_argument("--json", type=Path, help="default bench/out/bench_pg_desks.json")
    args = ap.parse_args(argv)
    signal.signal(signal.SIGTERM, terminated)  # the clusters are stopped on the way out
    if args.kdf_seconds is None:
        args.kdf_seconds = max(3.0, args.seconds / 6)
    OUT.mkdir(parents=True, exist_ok=True)
    log(f"default key derivation cost N = {crypto.DEFAULT_KDF_N}; {machine_load()}")
    results = []
    settings: dict[str, str] = {}
    for engine in args.engines.split(",") * args.repeat:
        if engine == "postgresql":
            cluster = start_cluster("pg-desks")
            try:
                url = cluster.create_database("keeper_desks")
                settings = server_settings(url)
                results.append(engine_run(engine, url, args))
            finally:
                cluster.destroy()
        else:
            path = OUT / "desks.sqlite"
            for p in OUT.glob("desks.sqlite*"):
                p.unlink()
            results.append(engine_run(engine, str(path), args))
    text = report(results)
    print(text)
    (OUT / "bench_pg_desks.txt").write_text(text + "\n")
    args.json = args.json or OUT / "bench_pg_desks.json"
    args.json.write_text(
        json.dumps({"server": settings, "results": results}, indent=2, ensure_ascii=False)
    )
    return 0 if all(not r["check"]["problems"] for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
