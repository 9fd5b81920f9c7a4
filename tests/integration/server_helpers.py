"""An office server set up by ``keeper server init`` on the test run's PostgreSQL cluster:
the administrator's URL, the owner and the application roles (named after the test's
database: the cluster is shared by the run, roles are the cluster's), and the URL each desk
uses (the application role's, with its password)."""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from urllib.parse import quote, urlsplit, urlunsplit

import psycopg
from psycopg import sql

from keeper_app.services import server
from keeper_app.store import pgadmin


@dataclass
class ServerOffice:
    admin_url: str  # the superuser's URL naming the office database
    database: str
    owner: str
    app: str
    app_password: str
    report: server.InitReport

    @property
    def app_url(self) -> str:
        """What a desk uses: the application role and its password."""
        return with_user(self.admin_url, self.app, self.app_password)

    @property
    def owner_url(self) -> str:
        """The administrator acting as the owner (how migrations run)."""
        return pgadmin.as_role(self.admin_url, self.owner)

    def connect(self, url: str | None = None) -> psycopg.Connection:
        return psycopg.connect(url or self.app_url, autocommit=True)


def with_user(url: str, user: str, password: str) -> str:
    p = urlsplit(url)
    host = f"{p.hostname}:{p.port}" if p.port else str(p.hostname)
    return urlunsplit((p.scheme, f"{user}:{quote(password, safe='')}@{host}", p.path, "", ""))


def names_for(admin_url: str) -> tuple[str, str, str]:
    db = pgadmin.database_of(admin_url)
    return db, f"own_{db}", f"app_{db}"


def set_up(admin_url: str) -> ServerOffice:
    db, owner, app = names_for(admin_url)
    password = secrets.token_urlsafe(16)
    rep = server.init(admin_url, owner, app, app_password=lambda: password)
    return ServerOffice(admin_url, db, owner, app, password, rep)


def drop_all(admin_url: str, database: str, *roles: str) -> None:
    """The test's databases and roles, gone (the run's cluster outlives the test)."""
    with psycopg.connect(pgadmin.with_database(admin_url, "postgres"), autocommit=True) as c:
        for db in (database, database + "_r"):
            c.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(db)))
        for role in roles:
            c.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(role)))


@contextmanager
def serving(pg_url: str) -> Iterator[ServerOffice]:
    """An office server set up on the test's database; its roles dropped after."""
    so = set_up(pg_url)
    try:
        yield so
    finally:
        drop_all(pg_url, so.database, so.owner, so.app)


def every_row(url: str) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table of the office database (the schema's bookkeeping too)."""
    with psycopg.connect(url, autocommit=True) as c:
        tables = [
            r[0]
            for r in c.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1"
            )
        ]
        return {
            t: sorted(
                (
                    tuple(r)
                    for r in c.execute(sql.SQL("SELECT * FROM {}").format(sql.Identifier(t)))
                ),
                key=repr,
            )
            for t in tables
        }
