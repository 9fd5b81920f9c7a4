"""The workload of the crash soak: a process that runs every custody workflow against one
database (a file, or an office server's URL), for ever, and says what it does — ``B n op``
(flushed) before each service call and ``A n op`` after it returned (``R n op code`` when a
rule refused it). The soak kills it with SIGKILL at random moments and checks the file after
each kill.

Every operation marked with an event is exactly one service call, i.e. exactly one audit
event when it commits (no wrong passwords are typed, so sign-in writes nothing). The next
operation is chosen from the database's state, so a new process picks up where the killed
one stopped."""

from __future__ import annotations

import hashlib
import os
import random
import sys
from datetime import UTC, datetime, timedelta

from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, custody, intake, retrieval_requests, transfers
from keeper_app.services.session import Credential, KdfCache, Session, sign_in
from keeper_app.store import is_server
from keeper_app.store import open as store_open

PASSWORD = "correct-horse-1"  # as tests/conftest.py
CASE = "A2026-001"
#: the operations that write no audit event
SILENT = {"checkpoint", "reopen"}
#: the audit action each operation writes
ACTION = {
    "recording": "register_recording",
    "pair": "register_pair",
    "handover": "handover",
    "ask_retrieval": "request_retrieval",
    "approve_retrieval": "decide_retrieval",
    "retrieve": "retrieve",
    "return": "return",
    "return_damaged": "return",
    "ack": "ack_incident",
    "request_unseal": "request_unseal",
    "approve": "decide_approval",
    "unseal": "unseal",
    "reseal": "reseal",
    "location": "set_location",
    "court_request": "register_court_request",
    "court_transfer": "court_transfer",
    "correct": "correct",
    "case": "create_case",
}


def cred(badge: str) -> Credential:
    return Credential(badge, PASSWORD)


class Driver:
    def __init__(self, location: str, seed: int, out: int):
        self.location, self.out = location, out
        self.rng = random.Random(seed)
        self.cache = KdfCache()
        self.n = 0
        self.db = store_open(location, create=False)
        self.sessions: dict[str, Session] = {}

    def say(self, text: str) -> None:
        os.write(self.out, (text + "\n").encode())

    def s(self, badge: str) -> Session:
        if badge not in self.sessions:
            self.sessions[badge] = sign_in(self.db, badge, PASSWORD, kdf_cache=self.cache)
        return self.sessions[badge]

    def q(self, sql: str, *args: object) -> list[tuple]:
        return [tuple(r) for r in self.db.conn.execute(sql, args).fetchall()]

    # ------------------------------------------------------------ choosing
    def candidates(self) -> list[tuple[str, tuple]]:
        q = self.q
        ops: list[tuple[str, tuple]] = []
        lonely = q(
            "SELECT r.id FROM recordings r WHERE NOT EXISTS (SELECT 1 FROM "
            "medium_recordings mr WHERE mr.recording_id=r.id) ORDER BY r.id"
        )
        burned = q("SELECT code FROM media WHERE status='burned' AND copy_role='original'")
        if not lonely and len(burned) < 2:
            ops.append(("recording", ()))
        for (rid,) in lonely[:1]:
            ops.append(("pair", (rid,)))
        for (code,) in burned[:2]:
            ops.append(("handover", (code,)))
        in_custody = q(
            "SELECT m.code FROM media m JOIN cases c ON c.id=m.case_id WHERE "
            "m.copy_role='duplicate' AND m.status='in_custody' AND c.status='open'"
        )
        for (code,) in self.rng.sample(in_custody, min(2, len(in_custody))):
            # Art. 20: asked for, approved by the head in his session, then given out
            approved = q(
                "SELECT q.id FROM retrieval_requests q JOIN media m ON m.id=q.medium_id "
                "JOIN retrieval_decisions d ON d.request_id=q.id AND d.decision='approved' "
                "WHERE m.code=? AND NOT EXISTS (SELECT 1 FROM retrieval_request_uses u "
                "WHERE u.request_id=q.id) ORDER BY q.id",
                code,
            )
            waiting = q(
                "SELECT q.id FROM retrieval_requests q JOIN media m ON m.id=q.medium_id "
                "WHERE m.code=? AND NOT EXISTS (SELECT 1 FROM retrieval_decisions d "
                "WHERE d.request_id=q.id) ORDER BY q.id",
                code,
            )
            if approved:
                ops.append(("retrieve", (code, approved[0][0])))
            elif waiting:
                ops.append(("approve_retrieval", (waiting[0][0],)))
            else:
                ops.append(("ask_retrieval", (code,)))
            if self.rng.random() < 0.3:
                ops.append(("location", (code,)))
        for (code,) in q("SELECT code FROM media WHERE status='out' LIMIT 2"):
            ops += [("return", (code,)), ("return", (code,)), ("return_damaged", (code,))]
        for (iid,) in q(
            "SELECT i.id FROM incidents i WHERE NOT EXISTS (SELECT 1 FROM "
            "incident_acks a WHERE a.incident_id=i.id) LIMIT 1"
        ):
            ops.append(("ack", (iid,)))
        pending = q(
            "SELECT a.id FROM approvals a WHERE NOT EXISTS (SELECT 1 FROM "
            "approval_decisions d WHERE d.approval_id=a.id)"
        )
        approved = q(
            "SELECT a.id, m.code FROM approvals a JOIN media m ON m.id=a.medium_id "
            "JOIN approval_decisions d ON d.approval_id=a.id AND d.decision='approved' "
            "WHERE m.status='sealed' AND NOT EXISTS (SELECT 1 FROM seal_events e "
            "WHERE e.approval_id=a.id)"
        )
        for (aid,) in pending[:1]:
            ops.append(("approve", (aid,)))
        for aid, code in approved[:1]:
            ops.append(("unseal", (code, aid)))
        busy = {c for _, c in approved} | {
            c
            for (c,) in q(
                "SELECT m.code FROM approvals a JOIN media m ON m.id=a.medium_id WHERE NOT EXISTS "
                "(SELECT 1 FROM approval_decisions d WHERE d.approval_id=a.id)"
            )
        }
        sealed = [c for (c,) in q("SELECT code FROM media WHERE status='sealed'") if c not in busy]
        for code in sealed[:1]:
            ops.append(("request_unseal", (code,)))
            if self.rng.random() < 0.3:
                ops.append(("location", (code,)))
        for (code,) in q("SELECT code FROM media WHERE status='unsealed' LIMIT 1"):
            ops.append(("reseal", (code,)))
        open_req = q(
            "SELECT id FROM court_requests q WHERE NOT EXISTS (SELECT 1 FROM "
            "court_transfers t WHERE t.request_id=q.id)"
        )
        if open_req and in_custody and self.rng.random() < 0.3:
            ops.append(("court_transfer", (open_req[0][0], in_custody[0][0])))
        elif not open_req and self.rng.random() < 0.05:
            ops.append(("court_request", ()))
        for (hid,) in q("SELECT id FROM handovers ORDER BY random() LIMIT 1"):
            if self.rng.random() < 0.2:
                ops.append(("correct", (hid,)))
        if self.rng.random() < 0.03:
            ops.append(("case", ()))
        if self.rng.random() < 0.05 and not is_server(self.location):  # sqlite's WAL
            ops.append(("checkpoint", ()))
        if self.rng.random() < 0.03:
            ops.append(("reopen", ()))
        return ops

    # ------------------------------------------------------------ doing
    def do(self, op: str, args: tuple) -> None:
        k = self.s("K001")
        now = datetime.now(UTC).replace(microsecond=0)
        tag = f"{os.getpid()}-{self.n}"
        if op == "recording":
            start = now - timedelta(hours=2)
            f = ManifestEntry(
                "rec/interrogation-1.mp4", 1234, hashlib.sha256(tag.encode()).hexdigest()
            )
            intake.register_recording(
                self.s("H001"),
                CASE,
                "王某某",
                "suspect",
                start,
                start + timedelta(hours=1),
                "讯问室1",
                [f],
            )
        elif op == "pair":
            f = self.q(
                "SELECT path, size, sha256 FROM recording_files WHERE recording_id=?", args[0]
            )
            intake.register_pair(
                self.s("H001"), [args[0]], [ManifestEntry(p, s, h) for p, s, h in f], now
            )
        elif op == "handover":
            intake.handover(k, args[0], cred("H001"), cred("K001"), f"S-{tag}", "柜A-01", "柜B-01")
        elif op == "retrieve":
            custody.retrieve(k, args[0], cred("H001"), cred("K001"), args[1])
        elif op == "ask_retrieval":
            retrieval_requests.request_retrieval(k, args[0], "H001", "case_handling", 4)
        elif op == "approve_retrieval":
            retrieval_requests.decide_retrieval(self.s("D001"), args[0], cred("D001"), True)
        elif op == "return":
            custody.return_medium(k, args[0], cred("H001"), cred("K001"), "intact")
        elif op == "return_damaged":
            custody.return_medium(
                k, args[0], cred("H001"), cred("K001"), "damaged", note="scratched"
            )
        elif op == "ack":
            custody.acknowledge_incident(self.s("D001"), args[0], cred("D001"))
        elif op == "request_unseal":
            custody.request_unseal(
                k, args[0], "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
            )
        elif op == "approve":
            custody.decide_approval(self.s("D001"), args[0], cred("D001"), True)
        elif op == "unseal":
            custody.unseal(k, args[0], args[1], cred("K001"), cred("K002"))
        elif op == "reseal":
            custody.reseal(k, args[0], f"S-{tag}", cred("K001"), cred("K002"), inspection="intact")
        elif op == "location":
            custody.set_location(k, args[0], f"柜C-{self.rng.randrange(100):02d}")
        elif op == "court_request":
            transfers.register_court_request(
                k,
                CASE,
                "court",
                "某市中级人民法院",
                f"{tag}号",
                now - timedelta(hours=1),
                whole_case=True,
            )
        elif op == "court_transfer":
            transfers.court_transfer(k, args[0], args[1], cred("C001"), cred("K001"))
        elif op == "correct":
            admin.correct(
                k, "handovers", args[0], "note", f"补记 {tag}", "missing note", cred("K001")
            )
        elif op == "case":
            intake.create_case(
                self.s("H001"),
                f"S{tag}",
                "追加案件",
                self.q("SELECT department_id FROM cases WHERE case_no=?", CASE)[0][0],
                ["H001"],
            )
        elif op == "checkpoint":
            self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        elif op == "reopen":
            self.db.close()
            self.db = store_open(self.location, create=False)
            self.sessions.clear()
        else:
            raise AssertionError(op)

    def run(self, limit: int | None = None) -> None:
        while limit is None or self.n < limit:
            self.n += 1
            op, args = self.rng.choice(self.candidates())
            self.say(f"B {self.n} {op}")
            try:
                self.do(op, args)
            except RuleViolation as exc:
                self.say(f"R {self.n} {op} {exc.code}")
                continue
            self.say(f"A {self.n} {op}")


def run(location: str, seed: int, log: str, limit: int | None = None) -> None:
    """The child's entry point: append its lines to ``log`` (O_APPEND, one write each)."""
    fd = os.open(log, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        os.write(fd, f"S {os.getpid()}\n".encode())
        Driver(location, seed, fd).run(limit)
    finally:
        os.close(fd)


def serve() -> None:
    """A fork server (``python soak_driver.py --serve``), so that each killed process
    starts in milliseconds with everything imported. On stdin: ``warm DB`` opens the
    database once here (what a desk computes at open, e.g. the schema it expects, is then
    inherited by every child); ``go DB SEED LOG`` forks a child running :func:`run` and
    answers ``pid N``; ``wait N`` reaps it and answers ``status S`` (the raw wait status)."""
    for line in sys.stdin:
        cmd, *args = line.split()
        if cmd == "warm":  # open once here: what a desk computes at open is then inherited
            store_open(args[0], create=False).close()
            print("warm ok", flush=True)
        elif cmd == "go":
            pid = os.fork()
            if pid == 0:
                try:
                    run(args[0], int(args[1]), args[2])
                finally:
                    os._exit(3)  # run() returns only by an error
            print(f"pid {pid}", flush=True)
        elif cmd == "wait":
            _, status = os.waitpid(int(args[0]), 0)
            print(f"status {status}", flush=True)


if __name__ == "__main__":
    if sys.argv[1:] == ["--serve"]:
        serve()
    else:  # python soak_driver.py LOCATION SEED LOG [LIMIT]
        run(
            sys.argv[1],
            int(sys.argv[2]),
            sys.argv[3],
            int(sys.argv[4]) if len(sys.argv) > 4 else None,
        )
