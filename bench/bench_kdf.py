"""Benchmark of issue 10, point 8: what one scrypt derivation costs on this machine at the
application's default cost (``keeper_app.crypto.DEFAULT_KDF_N``) and at its neighbours.

Run it by hand (``.venv/bin/python bench/bench_kdf.py``); pytest never collects it. One
derivation is what every sign-in and every signature costs (``crypto.unlock``: scrypt with
r = 8, p = 1, then two HMACs), and what a sign-in with an unknown badge costs too (it runs the
same derivation for nobody). It prints, per cost N, the memory scrypt uses (128 * r * N
bytes) and the median, minimum and maximum time of ``--repeat`` derivations, and how many
guesses per second one core could try against a stolen database at that cost. Then a whole
sign-in through the services at the default cost (``session.sign_in`` on a fresh database
file: the attempt recorded in its locked transaction, the derivation, the clearing) and one
with an unknown badge.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import tempfile
import time
from pathlib import Path

from keeper_app import crypto
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import people
from keeper_app.services.session import sign_in
from keeper_app.store import open_database

PASSWORD = "bench-password-1"


def measure(n: int, repeat: int) -> list[float]:
    km = crypto.new_key_material(PASSWORD, n)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        crypto.unlock(km, PASSWORD)
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeat", type=int, default=7)
    a = p.parse_args()
    default = crypto.DEFAULT_KDF_N
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.processor() or '?'}")
    print(f"python {platform.python_version()}; scrypt r={crypto.KDF_R} p={crypto.KDF_P}")
    print(f"{'N':>8} {'memory':>8} {'median':>9} {'min':>9} {'max':>9} {'guesses/s/core':>15}")
    for n in (default // 4, default // 2, default, default * 2):  # 2**17 passes maxmem
        ts = measure(n, a.repeat)
        med = statistics.median(ts)
        mark = "  <- DEFAULT_KDF_N" if n == default else ""
        print(
            f"{'2**' + str(n.bit_length() - 1):>8} {128 * crypto.KDF_R * n / 2**20:>6.0f} MiB "
            f"{med * 1000:>7.1f} ms {min(ts) * 1000:>7.1f} ms {max(ts) * 1000:>7.1f} ms "
            f"{1 / med:>15.1f}{mark}"
        )

    with tempfile.TemporaryDirectory() as tmp:
        db = open_database(Path(tmp) / "k.sqlite")
        head = people.FirstHead("D001", "head", PASSWORD, "dept")
        people.bootstrap(db, "3101", "unit", "ADMIN", "admin", PASSWORD, head)
        right, unknown = [], []
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            sign_in(db, "ADMIN", PASSWORD)
            right.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            try:
                sign_in(db, "NOBODY", PASSWORD)
            except RuleViolation:
                unknown.append(time.perf_counter() - t0)
        db.close()
    med_right, med_unknown = statistics.median(right), statistics.median(unknown)
    print(f"sign-in through the services (N = default): median {med_right * 1000:.1f} ms")
    print(f"sign-in with an unknown badge:               median {med_unknown * 1000:.1f} ms")


if __name__ == "__main__":
    main()
