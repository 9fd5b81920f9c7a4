"""Issue 10, point 9 — separation of duties. Before, the administrator read case data (scan,
media, cases, labels) and gave himself keeper and head roles. Now the administrator sees no
case data and holds no custody role; nobody changes their own roles; a custody role is
granted by the administrator and countersigned by a department head."""

from __future__ import annotations

import sqlite3

import pytest
from conftest import PASSWORD

from keeper_app.domain import access
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.model import Role
from keeper_app.services import admin, documents, lookup
from keeper_app.services import people as people_svc


def refused(office, code: str, fn, *args, **kw) -> RuleViolation:
    before = office.snapshot()
    changes = office.changes()
    with pytest.raises(RuleViolation) as ei:
        fn(*args, **kw)
    assert ei.value.code == code, f"{ei.value.code}: {ei.value.message}"
    assert office.snapshot() == before and office.changes() == changes
    return ei.value


def test_the_administrator_reads_no_case_data(office):
    o, d = office.handed_over_pair()
    s = office.session("ADMIN")
    for fn, args in (
        (lookup.scan, (d,)),
        (lookup.media, ()),
        (lookup.cases, ()),
        (lookup.inventory_expected, ()),
        (documents.label_data, (o,)),
        (documents.pair_label_data, (o,)),
    ):
        e = refused(office, "role_refused", fn, s, *args)
        assert "ADMIN" in e.message
    assert not access.sees_all_cases(s.person)
    # what the administrator keeps: people, the audit, backups
    assert any(p["badge"] == "K001" for p in people_svc.listing(s))
    assert admin.verify_audit(office.db).ok


def test_the_administrator_gives_himself_no_custody_role(office):
    s = office.session("ADMIN")
    for roles in (["admin", "keeper"], ["admin", "dept_head"], ["keeper"], ["dept_head"]):
        refused(office, "own_roles", people_svc.set_roles, s, "ADMIN", roles, office.cred("D001"))
    # nor to another administrator, nor admin to a custodian; nor a new admin-keeper
    office.add_person("ADM2", "副管理员", ["admin"])
    for badge, roles in (("ADM2", ["admin", "keeper"]), ("K001", ["keeper", "admin"])):
        refused(
            office,
            "admin_custody_role",
            people_svc.set_roles,
            s,
            badge,
            roles,
            office.cred("D001"),
        )
    refused(
        office,
        "admin_custody_role",
        people_svc.add_person,
        s,
        "ADM3",
        "兼职管理员",
        ["admin", "case_handler"],
        PASSWORD,
        head=office.cred("D001"),
    )


def test_nobody_changes_their_own_roles(office):
    office.add_person("ADM2", "副管理员", ["admin"])
    s = office.session("ADM2")
    refused(office, "own_roles", people_svc.set_roles, s, "ADM2", ["admin", "reviewer"])
    refused(office, "own_roles", people_svc.set_roles, s, "ADM2", ["admin"])
    # a head or a keeper cannot change roles at all, their own included
    for badge in ("D001", "K001"):
        refused(
            office,
            "role_refused",
            people_svc.set_roles,
            office.session(badge),
            badge,
            ["keeper", "dept_head"],
            office.cred("D002"),
        )


def test_a_custody_role_needs_a_heads_countersignature(office):
    s = office.session("ADMIN")
    refused(office, "countersign_needed", people_svc.set_roles, s, "R001", ["reviewer", "keeper"])
    refused(
        office,
        "countersign_needed",
        people_svc.add_person,
        s,
        "K009",
        "新保管",
        ["keeper"],
        PASSWORD,
    )
    # the administrator's own signature, a keeper's, or a wrong password do not countersign
    for cred, code in (
        (office.cred("ADMIN"), "countersign_self"),
        (office.cred("K001"), "not_head"),
        (office.cred("D001", "not-the-password"), "bad_credentials"),
    ):
        refused(office, code, people_svc.set_roles, s, "R001", ["reviewer", "keeper"], cred)
    # with a head's countersignature: granted, and the grant carries the head's signature
    people_svc.set_roles(s, "R001", ["reviewer", "keeper"], office.cred("D002"))
    row = office.db.conn.execute(
        "SELECT g.roles, s.capacity, p.badge FROM role_grants g "
        "JOIN signatures s ON s.entry_table='role_grants' AND s.entry_id=g.id "
        "JOIN people p ON p.id=s.signer_id ORDER BY g.id DESC LIMIT 1"
    ).fetchone()
    assert tuple(row) == ("keeper,reviewer", "countersign", "D002")
    # taking a role away needs no countersignature
    people_svc.set_roles(s, "R001", ["reviewer"])
    assert office.session("R001").person.roles == {Role.REVIEWER}
    assert admin.verify_audit(office.db).ok


def test_a_grant_written_behind_keepers_back_is_caught(office):
    """The insider's way round: give a keeper the head role and write a grant, in raw SQL."""
    con = sqlite3.connect(office.path)
    con.execute("UPDATE people SET roles='dept_head,keeper' WHERE badge='K001'")
    con.execute(
        "INSERT INTO role_grants(person_id, roles, granted_by, at) "
        "SELECT id, 'dept_head,keeper', 1, '2026-11-20T01:00:00Z' FROM people WHERE badge='K001'"
    )
    con.commit()
    con.close()
    v = admin.verify_audit(office.db)
    assert not v.ok
    assert any("people #" in p and "changed outside Keeper" in p for p in v.problems)
    assert any("role_grants #" in p and "written outside Keeper" in p for p in v.problems)
