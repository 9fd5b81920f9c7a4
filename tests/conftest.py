"""Shared fixtures: a real sqlite file per test, a small office, a clock that can move, and
real PostgreSQL 15 clusters (tests/pg_cluster.py): ``pg_server`` (one for the run),
``pg_url`` (a fresh database on it per test), ``pg_cluster_factory`` (a test's own)."""

from __future__ import annotations

import hashlib
import itertools
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from cups_helpers import cups_server  # noqa: F401 - one private cupsd for the whole run
from pg_cluster import PgCluster

from keeper_app import crypto
from keeper_app.domain.model import DeptKind, ManifestEntry
from keeper_app.domain.signing import ROWLESS_ACTIONS
from keeper_app.services import custody, intake, retrieval_requests
from keeper_app.services import people as people_svc
from keeper_app.services.session import Credential, KdfCache, Session, sign_in
from keeper_app.store import Database, open_database, signins
from keeper_app.store import open as store_open

PASSWORD = "correct-horse-1"
TEST_KDF_N = 2**10  # stored per person: tests use a cheap cost, the app the default
#: audit events that change nothing: sign-in bookkeeping, and the logged readings and
#: sign-ins (issue 14) — a snapshot or the list of changes leaves them out
QUIET_ACTIONS = signins.ACTORLESS_ACTIONS | ROWLESS_ACTIONS


@pytest.fixture(autouse=True)
def _private_state_dir(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Witness logs go to a fresh folder per test, never into the real home directory (the
    app and every subprocess a test starts inherit it)."""
    monkeypatch.setenv("KEEPER_STATE_DIR", str(tmp_path_factory.mktemp("state")))


class Clock:
    def __init__(self, start: datetime):
        self.t = start

    def __call__(self) -> datetime:
        return self.t

    def advance(self, **kw: float) -> datetime:
        self.t += timedelta(**kw)
        return self.t


@dataclass
class Office:
    db: Database
    path: Path
    clock: Clock
    #: the database's location: the sqlite file's path, or the office server's URL
    location: str = ""
    dept: dict[str, int] = field(default_factory=dict)
    cache: KdfCache = field(default_factory=KdfCache)

    def session(self, badge: str) -> Session:
        return sign_in(self.db, badge, PASSWORD, self.clock, self.cache)

    @staticmethod
    def cred(badge: str, password: str = PASSWORD) -> Credential:
        return Credential(badge, password)

    def snapshot(self, sign_ins: bool = False) -> list[tuple[str, list[tuple[object, ...]]]]:
        """Every row of every table: to prove a refusal changed nothing. Every password check
        records its attempt first (issue 10), refused or not: the sign-in bookkeeping (its
        rows and their actor-less audit events) is left out unless ``sign_ins``; so are the
        logged readings and sign-ins (issue 14: they change nothing; tests of reading count
        them apart)."""
        con = raw_connect(self.location or str(self.path))
        try:
            tables = sorted(
                r[0]
                for r in con.execute(
                    "SELECT name FROM sqlite_master WHERE type='table' ORDER BY name"
                )
            )
            out = []
            for t in tables:
                if t == "sign_in_events" and not sign_ins:
                    continue
                if t == "audit_events" and not sign_ins:
                    marks = ",".join("?" * len(QUIET_ACTIONS))
                    rows = con.execute(
                        f"SELECT * FROM audit_events WHERE action NOT IN ({marks})",
                        sorted(QUIET_ACTIONS),
                    ).fetchall()
                else:
                    rows = con.execute(f"SELECT * FROM {t}").fetchall()
                out.append((t, sorted(rows, key=repr)))
            return out
        finally:
            con.close()

    def changes(self) -> list[tuple[int, str]]:
        """The audit events other than sign-in bookkeeping and logged readings: (seq,
        action)."""
        marks = ",".join("?" * len(QUIET_ACTIONS))
        return [
            (int(r[0]), str(r[1]))
            for r in self.db.conn.execute(
                f"SELECT seq, action FROM audit_events WHERE action NOT IN ({marks}) ORDER BY seq",
                sorted(QUIET_ACTIONS),
            )
        ]

    def new_pair(
        self,
        case_no: str = "A2026-001",
        handler: str = "H001",
        person: str = "王某某",
        burned_at: datetime | None = None,
    ) -> tuple[str, str]:
        s = self.session(handler)
        start = (burned_at or self.clock()) - timedelta(hours=2)
        f = ManifestEntry(
            "rec/interrogation-1.mp4",
            1234,
            hashlib.sha256(f"{case_no}{person}{start}".encode()).hexdigest(),
        )
        rid = intake.register_recording(
            s, case_no, person, "suspect", start, start + timedelta(hours=1), "讯问室1", [f]
        )
        return intake.register_pair(s, [rid], [f], burned_at or self.clock())

    def add_person(
        self, badge: str, name: str, roles: list[str], dept: str | None = None, org_name: str = ""
    ) -> int:
        """One more person, added by the administrator (password: PASSWORD); a custody role
        is countersigned by the department head D001."""
        return people_svc.add_person(
            self.session("ADMIN"),
            badge,
            name,
            roles,
            PASSWORD,
            self.dept[dept] if dept else None,
            org_name=org_name,
            kdf_n=TEST_KDF_N,
            head=None if roles == ["admin"] else self.cred("D001"),
        )

    def medium_id(self, code: str) -> int:
        row = self.db.conn.execute("SELECT id FROM media WHERE code=?", (code,)).fetchone()
        assert row is not None, code
        return int(row[0])

    def approved_request(
        self,
        code: str,
        retriever: str,
        approver: str,
        reason: str,
        hours: int,
        purpose: str = "",
        asker: str = "K001",
    ) -> int:
        """A retrieval request (asked by ``asker``: a keeper on the retriever's behalf, or
        the retriever) approved by ``approver`` in his own session (Art. 20)."""
        qid = retrieval_requests.request_retrieval(
            self.session(asker), code, retriever, reason, hours, purpose
        )
        retrieval_requests.decide_retrieval(
            self.session(approver), qid, self.cred(approver), True, "同意"
        )
        return qid

    def retrieve(
        self,
        s: Session,
        code: str,
        retriever: Credential,
        keeper: Credential,
        approver: str,
        reason: str,
        hours: int,
        purpose: str = "",
        retriever_unit: str | None = None,
    ) -> int:
        """The whole retrieval as the counter does it: the keeper (``s``) asks for the
        retriever, ``approver`` approves in his inbox, the keeper gives the disc out."""
        qid = self.approved_request(
            code, retriever.badge, approver, reason, hours, purpose, asker=s.person.badge
        )
        return custody.retrieve(s, code, retriever, keeper, qid, retriever_unit)

    def duplicate_out(self, hours: int = 4, case_no: str = "A2026-001") -> str:
        """A handed-over pair whose duplicate H001 retrieved, approved by D001 and given out
        by K001 (the counter's whole retrieval); the duplicate's code."""
        _o, d = self.handed_over_pair(case_no)
        self.retrieve(
            self.session("K001"),
            d,
            self.cred("H001"),
            self.cred("K001"),
            "D001",
            "case_handling",
            hours,
        )
        return d

    def handed_over_pair(
        self, case_no: str = "A2026-001", handler: str = "H001", person: str = "王某某"
    ) -> tuple[str, str]:
        o, d = self.new_pair(case_no, handler, person)
        intake.handover(
            self.session("K001"),
            o,
            self.cred(handler),
            self.cred("K001"),
            f"S-{o[:14]}",
            "柜A-01",
            "柜B-01",
        )
        return o, d


#: the first department head, made with the administrator (people.bootstrap): he
#: countersigns every custody role the administrator grants after
FIRST_HEAD = ("D001", "周大队长", "刑事侦查大队")
PEOPLE = [
    # badge, name, roles, department (D001 is FIRST_HEAD)
    ("K001", "李保管", ["keeper"], "legal"),
    ("K002", "赵保管", ["keeper"], "legal"),
    ("H001", "张办案", ["case_handler"], "crim"),
    ("H002", "刘办案", ["case_handler"], "crim"),
    ("H003", "陈办案", ["case_handler"], "drug"),
    ("D001", "周大队长", ["dept_head"], "crim"),
    ("D002", "吴大队长", ["dept_head"], "drug"),
    ("R001", "孙法制", ["reviewer"], "legal"),
    ("A001", "钱档案", ["case_handler"], "arch"),
    ("C001", "郑书记员", ["outside_retriever"], None),
]


def counting_unlocks(monkeypatch: pytest.MonkeyPatch) -> list[bytes]:
    """Every key derivation from a password from now on (the salt of whose key)."""
    salts: list[bytes] = []
    real = crypto.unlock

    def unlock(km: crypto.KeyMaterial, password: str) -> Any:
        salts.append(km.kdf_salt)
        return real(km, password)

    monkeypatch.setattr(crypto, "unlock", unlock)
    return salts


def raw_connect(location: str) -> Any:
    """A plain connection to the test's database, outside Keeper's store (for snapshots and
    the insider's edits): sqlite3 to a file, or Keeper's PostgreSQL connection (which reads
    sqlite's SQL) to a server."""
    if location.startswith("postgresql://"):
        from keeper_app.store.pg import PgConnection

        return PgConnection(location)
    return sqlite3.connect(location)


#: the engines the `office` fixture runs on; a test module opts in to PostgreSQL by
#: setting ``ENGINES = ("sqlite", "postgresql")`` (or with the ``both_engines`` marker)
ENGINES = ("sqlite", "postgresql")


#: the suites whose every test with an office runs on both engines (issue 11): the
#: integration suite (refusals included) and the robustness suite (role matrix, races, soak)
BOTH_ENGINE_SUITES = ("integration", "robustness")


def _engines_for(metafunc: pytest.Metafunc) -> list[str]:
    import os

    chosen = getattr(metafunc.module, "ENGINES", None)
    if metafunc.definition.get_closest_marker("sqlite_only") is not None:
        chosen = ("sqlite",)
    if chosen is None:
        parts = Path(str(metafunc.definition.path)).parts
        in_suite = len(parts) >= 2 and parts[-2] in BOTH_ENGINE_SUITES
        chosen = ENGINES if in_suite else ("sqlite",)
    only = os.environ.get("KEEPER_TEST_ENGINES")  # e.g. "postgresql": a quicker local run
    if only:
        chosen = tuple(e for e in chosen if e in only.split(","))
    return list(chosen)


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    if "engine" in metafunc.fixturenames:
        metafunc.parametrize("engine", _engines_for(metafunc), indirect=True)


@pytest.fixture
def engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture
def office_location(engine: str, tmp_path: Path, request: pytest.FixtureRequest) -> str:
    """Where the test's office lives: a sqlite file, or a fresh database on the test
    run's PostgreSQL 15 cluster."""
    if engine == "postgresql":
        return str(request.getfixturevalue("pg_office_url"))
    return str(tmp_path / "keeper.sqlite")


@pytest.fixture
def office(office_location: str, tmp_path: Path) -> Iterator[Office]:
    o = make_office(office_location)
    yield o
    o.db.close()


def make_office(location: str) -> Office:
    """A small office at ``location`` (a sqlite file's path, or a server database's
    superuser URL, migrated here), built through Keeper's services: the administrator and
    the first head, three more departments, :data:`PEOPLE`, two cases. The caller closes
    ``office.db``."""
    server = location.startswith("postgresql://")
    db = store_open(location, migrate=True) if server else open_database(Path(location))
    path = db.path
    clock = Clock(datetime(2026, 11, 20, 1, 0, 0, tzinfo=UTC))
    people_svc.bootstrap(
        db,
        "3101",
        "某市公安局",
        "ADMIN",
        "系统管理员",
        PASSWORD,
        people_svc.FirstHead(FIRST_HEAD[0], FIRST_HEAD[1], PASSWORD, FIRST_HEAD[2]),
        kdf_n=TEST_KDF_N,
        clock=clock,
    )
    o = Office(db, path, clock, location)
    admin = o.session("ADMIN")
    o.dept["crim"] = o.session(FIRST_HEAD[0]).person.department_id or 0
    o.dept["drug"] = people_svc.add_department(admin, "禁毒大队", DeptKind.CASE_HANDLING)
    o.dept["legal"] = people_svc.add_department(admin, "法制大队", DeptKind.LEGAL)
    o.dept["arch"] = people_svc.add_department(admin, "档案室", DeptKind.ARCHIVES)
    for badge, name, roles, dept in PEOPLE:
        if badge == FIRST_HEAD[0]:
            continue
        people_svc.add_person(
            admin,
            badge,
            name,
            roles,
            PASSWORD,
            o.dept[dept] if dept else None,
            org_name="某市中级人民法院" if dept is None else "",
            kdf_n=TEST_KDF_N,
            head=o.cred(FIRST_HEAD[0]),
        )
    people_svc.set_head(admin, o.dept["drug"], "D002")
    h = o.session("H001")
    intake.create_case(h, "A2026-001", "王某某故意伤害案", o.dept["crim"], ["H001", "H002"])
    intake.create_case(
        o.session("H003"), "B2026-002", "李某贩卖毒品案", o.dept["drug"], ["H003"], major=True
    )
    return o


_pg_database_numbers = itertools.count(1)


@pytest.fixture(scope="session")
def pg_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[PgCluster]:
    """One PostgreSQL 15 cluster for the whole run, started when a test first asks for it
    (its log lands in the run's ``pg`` temporary folder when it stops)."""
    cluster = PgCluster(tmp_path_factory.mktemp("pg"), "server")
    try:
        yield cluster.start()
    finally:
        cluster.destroy()


@pytest.fixture
def pg_url(pg_server: PgCluster) -> Iterator[str]:
    """A fresh empty database ``keeper_t_<n>`` (UTF8, C collation) on ``pg_server`` for
    this test: its superuser URL over TCP. Dropped after the test, open connections or not."""
    name = f"keeper_t_{next(_pg_database_numbers)}"
    url = pg_server.create_database(name)
    try:
        yield url
    finally:
        pg_server.drop_database(name)


@pytest.fixture(scope="session")
def pg_keeper_template(pg_server: PgCluster) -> str:
    """A database holding Keeper's schema (migrated once per run by Keeper itself, through
    store.open): each office test's database is a copy of it, not 18 migrations again."""
    name = "keeper_template"
    url = pg_server.create_database(name)
    store_open(url, migrate=True).close()
    return name


@pytest.fixture
def pg_office_url(pg_server: PgCluster, pg_keeper_template: str) -> Iterator[str]:
    """A fresh database with Keeper's schema and nothing in it, for this test."""
    name = f"keeper_t_{next(_pg_database_numbers)}"
    url = pg_server.create_database(name, template=pg_keeper_template)
    try:
        yield url
    finally:
        pg_server.drop_database(name)


@pytest.fixture
def pg_cluster_factory(tmp_path: Path) -> Iterator[Callable[..., PgCluster]]:
    """Clusters of the test's own (to restart, kill, or replicate between): call
    ``pg_cluster_factory(name="pg1", logical=False)`` for a started one. Every one is stopped
    and removed after the test; its log is kept in ``tmp_path/<name>.log``."""
    made: list[PgCluster] = []

    def make(name: str | None = None, logical: bool = False) -> PgCluster:
        cluster = PgCluster(tmp_path, name or f"pg{len(made) + 1}", logical=logical)
        made.append(cluster)
        return cluster.start()

    try:
        yield make
    finally:
        for cluster in made:
            cluster.destroy()
