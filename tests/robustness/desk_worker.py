"""One desk of an office server in its own process, for the tests of several desks (issue 11,
points 4 and 6): ``python desk_worker.py LOCATION MODE ...``. Every outcome is one JSON line
on standard output.

MODE ``work KEEPER RETRIEVER START ROUNDS SHARED OWN``: from the wall-clock time START (so
that all desks begin together), ROUNDS times: register a recording and its pair (as H001,
case A2026-001), move the SHARED disc to another shelf, retrieve the desk's OWN disc and
return it. Each line says what was done: ``{"op", "ok", ...}`` (``codes`` of a pair, ``id``
of a retrieval), or the refusal.

MODE ``pause KEEPER CODE FOLDER``: moves CODE to shelf 柜P-01 and, inside that change's
transaction (its audit event written, not yet committed), writes FOLDER/inside and waits for
FOLDER/go (the test stops the server, or kills this desk, meanwhile). It prints the outcome
``{"ok", "error", "recorded", "message"}``, then waits for FOLDER/again and moves CODE to
柜P-02 with the same connection and session (no restart of the desk), and prints that
outcome too."""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import custody, intake, retrieval_requests
from keeper_app.services.session import Credential, KdfCache, sign_in
from keeper_app.store import StoreError, audit
from keeper_app.store import open as store_open

PASSWORD = "correct-horse-1"  # as tests/conftest.py


def out(**kw: object) -> None:
    print(json.dumps(kw, ensure_ascii=False), flush=True)


def wait_for(path: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not path.exists():
        if time.monotonic() > deadline:
            raise SystemExit(f"{path} never came")
        time.sleep(0.02)


def work(
    location: str, keeper: str, retriever: str, start: str, rounds: str, shared: str, own: str
) -> None:
    db = store_open(location, create=False)
    cache = KdfCache()
    s = sign_in(db, keeper, PASSWORD, kdf_cache=cache)
    h = sign_in(db, "H001", PASSWORD, kdf_cache=cache)
    k, r = Credential(keeper, PASSWORD), Credential(retriever, PASSWORD)

    def approval() -> int:
        mine = [
            q
            for q in retrieval_requests.usable_requests(s, own)
            if q["retriever_badge"] == retriever
        ]
        return min(int(q["id"]) for q in mine) if mine else 0

    time.sleep(max(0.0, float(start) - time.time()))
    for i in range(int(rounds)):
        try:
            now = datetime.now(UTC).replace(microsecond=0)
            tag = f"{keeper}-{os.getpid()}-{i}"
            f = ManifestEntry(f"rec/{tag}.mp4", 1234, hashlib.sha256(tag.encode()).hexdigest())
            start_at = now - timedelta(hours=2)
            rid = intake.register_recording(
                h,
                "A2026-001",
                "王某某",
                "suspect",
                start_at,
                start_at + timedelta(hours=1),
                "讯问室1",
                [f],
            )
            out(op="recording", ok=True, id=rid)
            codes = intake.register_pair(h, [rid], [f], now)
            out(op="pair", ok=True, codes=list(codes))
            custody.set_location(s, shared, f"柜{keeper}-{i}")
            out(op="location", ok=True, code=shared)
            out(op="retrieve", ok=True, id=custody.retrieve(s, own, r, k, approval()))
            custody.return_medium(s, own, r, k, "intact")
            out(op="return", ok=True)
        except RuleViolation as exc:
            out(op="refused", ok=False, refused=exc.code, message=exc.message)
    db.close()


def pause(location: str, keeper: str, code: str, folder: str) -> None:
    flags = Path(folder)
    db = store_open(location, create=False)
    s = sign_in(db, keeper, PASSWORD, kdf_cache=KdfCache())
    append = audit.append
    paused = []

    def append_then_wait(conn, at, actor_id, action, *args, **kw):  # type: ignore[no-untyped-def]
        seq = append(conn, at, actor_id, action, *args, **kw)
        if action == "set_location" and not paused:
            paused.append(seq)
            (flags / "inside").write_text(str(seq))
            wait_for(flags / "go")
        return seq

    audit.append = append_then_wait

    def attempt(shelf: str) -> None:
        try:
            custody.set_location(s, code, shelf)
            out(ok=True, shelf=shelf)
        except StoreError as exc:
            out(
                ok=False,
                error=type(exc).__name__,
                recorded=getattr(exc, "recorded", "n/a"),
                message=str(exc),
            )

    attempt("柜P-01")
    wait_for(flags / "again")
    attempt("柜P-02")
    db.close()


if __name__ == "__main__":
    location, mode, *rest = sys.argv[1:]
    if mode == "work":
        work(location, *rest)
    elif mode == "pause":
        pause(location, *rest)
    else:
        raise SystemExit(f"unknown mode {mode}")
