"""Issue 16: writing a transfer package for a 4 GB duplicate, timed against ``sha256sum``
over the same files (the goal: the package takes at most 1.1 x sha256sum).

Builds a small office through the services (tests/conftest.py's people), a pair whose
recordings are real files (``--gb`` GB of random data in ``--files`` files, in ``--dir``,
default /tmp/keeper-bench-package), handed over and transferred to a court; then times
``sha256sum`` over the files and ``packages.write_package`` (copies each file into the new
package with its hash computed beside the writes, fsyncs it, writes the rest of the package in
one transaction) and ``packages.verify_package``; and, for the floor any copy has on this
disk, ``cp`` of the same files followed by ``sync``. The files stay in the OS cache for all runs
(each is read once before timing). Run it under ``nice``:

    nice .venv/bin/python bench/bench_package.py [--gb 4] [--files 4] [--dir /tmp/…] [--keep]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from conftest import FIRST_HEAD, PASSWORD, PEOPLE, TEST_KDF_N, Clock, Office  # noqa: E402

from keeper_app.domain.model import DeptKind, ManifestEntry  # noqa: E402
from keeper_app.services import intake, packages, transfers  # noqa: E402
from keeper_app.services import people as people_svc  # noqa: E402
from keeper_app.services.storage import StorageSettings  # noqa: E402
from keeper_app.store import open_database  # noqa: E402


def office(path: Path) -> Office:
    db = open_database(path)
    clock = Clock(datetime(2026, 11, 20, 1, 0, 0, tzinfo=UTC))
    people_svc.bootstrap(
        db, "3101", "某市公安局", "ADMIN", "系统管理员", PASSWORD,
        people_svc.FirstHead(FIRST_HEAD[0], FIRST_HEAD[1], PASSWORD, FIRST_HEAD[2]),
        kdf_n=TEST_KDF_N, clock=clock,
    )  # fmt: skip
    o = Office(db, path, clock)
    adm = o.session("ADMIN")
    o.dept["crim"] = o.session(FIRST_HEAD[0]).person.department_id or 0
    o.dept["legal"] = people_svc.add_department(adm, "法制大队", DeptKind.LEGAL)
    for badge, name, roles, dept in PEOPLE:
        if badge in (FIRST_HEAD[0], "H003", "D002", "A001"):
            continue
        people_svc.add_person(
            adm, badge, name, roles, PASSWORD, o.dept[dept] if dept else None,
            org_name="某市中级人民法院" if dept is None else "", kdf_n=TEST_KDF_N,
            head=o.cred(FIRST_HEAD[0]),
        )  # fmt: skip
    intake.create_case(o.session("H001"), "A2026-001", "王某某故意伤害案", o.dept["crim"], ["H001"])
    return o


def make_files(folder: Path, gb: float, n: int) -> list[ManifestEntry]:
    size = int(gb * (1 << 30)) // n
    out = []
    block = os.urandom(1 << 20)
    for i in range(n):
        p = folder / f"rec/interrogation-{i + 1}.mp4"
        p.parent.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        if not p.exists() or p.stat().st_size != size:
            with open(p, "wb") as f:
                left = size
                while left:
                    chunk = block[: min(left, len(block))]
                    f.write(chunk)
                    left -= len(chunk)
                    block = hashlib.sha256(block[:64]).digest() + block[32:]
        with open(p, "rb") as f:
            while b := f.read(8 << 20):
                h.update(b)
        out.append(ManifestEntry(f"rec/interrogation-{i + 1}.mp4", size, h.hexdigest()))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gb", type=float, default=4.0)
    ap.add_argument("--files", type=int, default=4)
    ap.add_argument("--dir", type=Path, default=Path("/tmp/keeper-bench-package"))
    ap.add_argument("--keep", action="store_true", help="keep the recordings for another run")
    a = ap.parse_args()
    work = a.dir
    disc, usb = work / "disc", work / "usb"
    for p in (work / "db", usb):
        shutil.rmtree(p, ignore_errors=True)
        p.mkdir(parents=True)
    disc.mkdir(parents=True, exist_ok=True)
    t = time.perf_counter()
    entries = make_files(disc, a.gb, a.files)
    print(f"recordings: {a.files} files, {a.gb} GB, made/read in {time.perf_counter() - t:.1f} s")
    o = office(work / "db" / "keeper.sqlite")
    s = o.session("H001")
    start = o.clock() - timedelta(hours=2)
    rid = intake.register_recording(
        s, "A2026-001", "王某某", "suspect", start, start + timedelta(hours=1), "讯问室1", entries
    )
    orig, dup = intake.register_pair(s, [rid], entries, o.clock())
    k = o.session("K001")
    intake.handover(k, orig, o.cred("H001"), o.cred("K001"), "S-1", "柜A-1", "柜B-1")
    qid = transfers.register_court_request(
        k, "A2026-001", "court", "某市中级人民法院", "(2026)刑调字第1号",
        o.clock() - timedelta(hours=1), whole_case=True,
    )  # fmt: skip
    transfers.court_transfer(k, qid, dup, o.cred("C001"), o.cred("K001"))
    files = [str(disc / e.path) for e in entries]
    t = time.perf_counter()
    subprocess.run(["sha256sum", *files], check=True, capture_output=True)
    t_sum = time.perf_counter() - t
    plain = usb / "cp"
    plain.mkdir()
    t = time.perf_counter()  # what any copy costs here: cp, then sync to the disk
    subprocess.run(["cp", *files, str(plain)], check=True)
    subprocess.run(["sync", "-f", str(plain)], check=True)
    t_cp = time.perf_counter() - t
    shutil.rmtree(plain)
    subprocess.run(["sync", "-f", str(usb)], check=True)
    t = time.perf_counter()
    done = packages.write_package(
        o.session("K001"), dup, usb, StorageSettings.for_database(o.path), source=disc
    )
    t_pkg = time.perf_counter() - t
    t = time.perf_counter()
    r = packages.verify_package(done["folder"])
    t_ver = time.perf_counter() - t
    assert r.ok, r.problems
    load = os.getloadavg()
    print(f"sha256sum over the files:   {t_sum:6.2f} s  ({a.gb / t_sum:.2f} GB/s)")
    print(f"cp + sync of the files:     {t_cp:6.2f} s  = {t_cp / t_sum:.2f} x sha256sum")
    print(
        f"keeper package (write):     {t_pkg:6.2f} s  = {t_pkg / t_sum:.2f} x sha256sum, "
        f"{t_pkg / t_cp:.2f} x cp + sync"
    )
    print(f"keeper verify-package:      {t_ver:6.2f} s  = {t_ver / t_sum:.2f} x sha256sum")
    print(f"load average: {load[0]:.2f} {load[1]:.2f} {load[2]:.2f} on {os.cpu_count()} cores")
    o.db.close()
    shutil.rmtree(usb, ignore_errors=True)
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
