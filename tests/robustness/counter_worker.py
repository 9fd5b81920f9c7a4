"""One counter in its own process, for the two-counter tests: ``python counter_worker.py
LOCATION KEEPER RETRIEVER START MODE CODE...`` (LOCATION: the
database file's path or the office server's URL). It waits until the wall-clock time START (so two
workers begin together), then for each code does MODE and prints one JSON line:
``{"code", "ok", "id"}`` or ``{"code", "ok": false, "refused", "message"}``.

MODE ``race``: retrieve each disc, the i-th at START + i * 0.25 s (both workers at once).
MODE ``busy``: as fast as it can, move each disc to another shelf and retrieve and return
its own disc (the last code), repeatedly.

Each retrieval goes out under an approved retrieval request for the worker's retriever
(Art. 20), made by the test beforehand: the oldest still usable one."""

from __future__ import annotations

import json
import sys
import time

from keeper_app.domain.errors import RuleViolation
from keeper_app.services import custody, retrieval_requests
from keeper_app.services.session import Credential, KdfCache, sign_in
from keeper_app.store import open as store_open

PASSWORD = "correct-horse-1"


def main() -> None:
    location, keeper, retriever, start, mode, *codes = sys.argv[1:]
    db = store_open(location, create=False)
    cache = KdfCache()
    s = sign_in(db, keeper, PASSWORD, kdf_cache=cache)
    k, r = Credential(keeper, PASSWORD), Credential(retriever, PASSWORD)

    def out(**kw: object) -> None:
        print(json.dumps(kw, ensure_ascii=False), flush=True)

    def approval(code: str) -> int:
        mine = [
            q
            for q in retrieval_requests.usable_requests(s, code)
            if q["retriever_badge"] == retriever
        ]
        return min(int(q["id"]) for q in mine) if mine else 0

    def attempt(code: str, fn, *args: object) -> None:
        try:
            out(code=code, ok=True, id=fn(s, code, *args))
        except RuleViolation as exc:
            out(code=code, ok=False, refused=exc.code, message=exc.message)

    if mode == "race":
        for i, code in enumerate(codes):
            time.sleep(max(0.0, float(start) + 0.25 * i - time.time()))
            attempt(code, custody.retrieve, r, k, approval(code))
    elif mode == "busy":
        *shared, own = codes
        time.sleep(max(0.0, float(start) - time.time()))
        for i in range(10):
            for code in shared:
                attempt(code, custody.set_location, f"柜{keeper}-{i}")
            attempt(own, custody.retrieve, r, k, approval(own))
            attempt(own, custody.return_medium, r, k, "intact")
    db.close()


if __name__ == "__main__":
    main()
