"""A signed retrieval and return at the counter: how long the keeper waits after the last
signature, and the key derivations each costs (one desk, one sqlite file, the default scrypt
cost ``crypto.DEFAULT_KDF_N``).

At the counter each signer types their password in the signature dialog, which checks it at
once (``session.checked_credential``: the attempt recorded, a wrong password refused there);
the keeper then submits and the service signs the entry. Two ways are timed, alternately, on
the same office:

- ``checked``: as the dialog does now -- the credential carries the key its check unlocked,
  and the call derives nothing again;
- ``again``: as the dialog did before -- a plain credential, so the call derives both
  signers' keys again (two at once when the computer has a core to spare).

Each cycle: a request approved by the head (not timed), then ``custody.retrieve`` and
``custody.return_medium``, each signed by the case handler and the keeper. Timed: each
signer's check (the wait after "sign" in the dialog) and the call (the wait after "submit"),
in wall-clock ms; and the derivations (``crypto.unlock`` calls) in each.

Run: ``nice .venv/bin/python bench/bench_counter_sign.py [--cycles 20]``; figures in
bench/out/bench_counter_sign.json."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
OUT = HERE / "out"
os.environ.setdefault("KEEPER_STATE_DIR", str(OUT / "state-counter-sign"))

from bench_pg_desks import PASSWORD, make_office  # noqa: E402
from pgbench_common import log, machine_load, summary  # noqa: E402

from keeper_app import crypto  # noqa: E402
from keeper_app.services import custody, retrieval_requests  # noqa: E402
from keeper_app.services.session import Credential, checked_credential, sign_in  # noqa: E402
from keeper_app.store import open as store_open  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cycles", type=int, default=20, help="cycles for each way (20)")
    ap.add_argument("--json", default=str(OUT / "bench_counter_sign.json"))
    args = ap.parse_args(argv)
    OUT.mkdir(exist_ok=True)
    shutil.rmtree(OUT / "state-counter-sign", ignore_errors=True)
    folder = Path(tempfile.mkdtemp(prefix="keeper-counter-sign-"))
    try:
        location = str(folder / "office.sqlite")
        log(f"default key derivation cost N = {crypto.DEFAULT_KDF_N}; {machine_load()}")
        [d] = make_office(location, 1)
        db = store_open(location, create=False)
        derived = [0]
        real = crypto.unlock

        def unlock(km: Any, password: str) -> Any:
            derived[0] += 1
            return real(km, password)

        crypto.unlock = unlock  # type: ignore[assignment]
        k = sign_in(db, d["keeper"], PASSWORD)
        h = sign_in(db, d["head"], PASSWORD)
        code = d["duplicate"]
        ways = ("checked", "again")
        ms: dict[str, dict[str, list[float]]] = {
            w: {"check": [], "retrieve": [], "return": []} for w in ways
        }
        kdf: dict[str, dict[str, list[int]]] = {
            w: {"check": [], "retrieve": [], "return": []} for w in ways
        }

        def timed(way: str, step: str, fn: Any) -> Any:
            n0 = derived[0]
            t0 = time.perf_counter()
            r = fn()
            ms[way][step].append((time.perf_counter() - t0) * 1000)
            kdf[way][step].append(derived[0] - n0)
            return r

        def signers(way: str) -> tuple[Credential, Credential]:
            creds = []
            for badge in (d["handler"], d["keeper"]):
                cred = Credential(badge, PASSWORD)
                checked, _ = timed(way, "check", lambda c=cred: checked_credential(db.conn, c))
                creds.append(checked if way == "checked" else cred)
            return creds[0], creds[1]

        for i in range(args.cycles * 2):
            way = ways[i % 2]
            qid = retrieval_requests.request_retrieval(
                k, code, d["handler"], "case_handling", 4, "核对笔录"
            )
            retrieval_requests.decide_retrieval(
                h, qid, Credential(d["head"], PASSWORD), True, "同意"
            )
            ret, kp = signers(way)
            timed(way, "retrieve", lambda r=ret, c=kp, q=qid: custody.retrieve(k, code, r, c, q))
            ret, kp = signers(way)
            timed(way, "return", lambda r=ret, c=kp: custody.return_medium(k, code, r, c, "intact"))
        db.close()
        result = {
            "cycles_each": args.cycles,
            "kdf_n": crypto.DEFAULT_KDF_N,
            "cpus": os.cpu_count(),
            "load": machine_load(),
            "ms": {w: {s: summary(v) for s, v in ms[w].items()} for w in ways},
            "derivations_per_call": {
                w: {s: sum(v) / len(v) for s, v in kdf[w].items()} for w in ways
            },
        }
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False))
    print(f"\nsigned calls at the counter, one desk, sqlite, {args.cycles} cycles each way")
    print(f"{'way':8} {'step':9} {'median':>8} {'p95':>8} {'max':>8}  derivations a call")
    for w in ways:
        for s in ("check", "retrieve", "return"):
            v = result["ms"][w][s]
            per = result["derivations_per_call"][w][s]
            print(f"{w:8} {s:9} {v['median']:8.1f} {v['p95']:8.1f} {v['max']:8.1f}  {per:.1f}")
    print(result["load"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
