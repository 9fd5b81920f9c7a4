"""Enrolment codes (issue 10, point 2): the administrator adds a person without a password;
the person enrols with the one-time code, choosing their own password, and their key is
made then; the code is used once, expires, and a wrong one counts as a wrong password."""

from __future__ import annotations

import pytest
from conftest import PASSWORD, TEST_KDF_N

from keeper_app import crypto
from keeper_app.domain import enrolment as rules
from keeper_app.domain.errors import RuleViolation
from keeper_app.services import admin, enrolment
from keeper_app.services import people as people_svc
from keeper_app.services.session import Credential, sign_in
from keeper_app.store import people as people_repo
from keeper_app.store import signins

NEW_PW = "my-own-secret-7"


def add(office, badge="K009", roles=("keeper",), dept="legal"):
    return enrolment.add_person(
        office.session("ADMIN"),
        badge,
        "钱新人",
        list(roles),
        office.dept[dept],
        kdf_n=TEST_KDF_N,
        head=office.cred("D001"),  # a custody role: a department head countersigns
    )


def enrol(office, badge, code, pw=NEW_PW):
    return enrolment.enrol(office.db, badge, code, pw, office.clock, kdf_n=TEST_KDF_N)


def verified(office):
    r = admin.verify_audit(office.db)
    assert r.ok, r.problems
    return r


def test_a_person_added_with_a_code_has_no_key_and_no_password_until_enrolment(office):
    issued = add(office)
    assert len(issued.code) == rules.LENGTH and set(issued.code) <= set(rules.ALPHABET)
    assert issued.shown.count("-") == 2
    conn = office.db.conn
    assert not people_repo.enrolled(conn, issued.person_id)
    assert people_repo.current_key(conn, issued.person_id) is None
    # the code itself is stored nowhere
    row = conn.execute("SELECT * FROM enrolments WHERE person_id=?", (issued.person_id,)).fetchone()
    assert issued.code.encode() not in b"".join(
        v if isinstance(v, bytes) else str(v).encode() for v in row
    )
    for pw in (PASSWORD, issued.code):
        with pytest.raises(RuleViolation) as e:
            sign_in(office.db, "K009", pw, office.clock)
        assert e.value.code == "not_enrolled"
        assert "has not enrolled yet: sign in with the enrolment code" in e.value.message
    # nor can anyone take them as a co-signer
    with pytest.raises(RuleViolation) as e:
        office.session("K001").signer(Credential("K009", PASSWORD))
    assert e.value.code == "not_enrolled"
    verified(office)


def test_enrolment_makes_the_key_signed_by_the_person_with_it(office):
    issued = add(office)
    s = enrol(office, "k009", issued.shown.lower())  # typed in lower case, with dashes
    assert s.person.badge == "K009"
    conn = office.db.conn
    hist = people_repo.key_history(conn, issued.person_id)
    assert [h["reason"] for h in hist] == ["enrolment"]
    assert bytes(hist[0]["public_key"]) == crypto.public_bytes(s.key)
    ev = conn.execute(
        "SELECT actor_id, action, key_id FROM audit_events ORDER BY seq DESC LIMIT 1"
    ).fetchone()
    assert tuple(ev) == (issued.person_id, "enrol", hist[0]["id"])
    verified(office)
    # their own password signs them in; the code is spent
    assert sign_in(office.db, "K009", NEW_PW, office.clock).person.id == issued.person_id
    with pytest.raises(RuleViolation) as e:
        enrol(office, "K009", issued.code, "another-pass-9")
    assert e.value.code == "already_enrolled"
    with pytest.raises(RuleViolation) as e:
        sign_in(office.db, "K009", issued.code, office.clock)
    assert e.value.code == "bad_credentials"
    verified(office)


def test_a_wrong_code_counts_as_a_wrong_password_and_locks(office):
    issued = add(office)
    before = office.snapshot()
    before = office.snapshot(sign_ins=True)
    wrong = "ABCD-EFGH-JKMN" if issued.shown != "ABCD-EFGH-JKMN" else "ABCD-EFGH-JKMP"
    with pytest.raises(RuleViolation) as e:
        enrol(office, "K009", wrong)
    assert e.value.code == "bad_enrolment_code"
    assert "wrong enrolment code for 钱新人 (K009)" in e.value.message
    assert signins.state(office.db.conn, issued.person_id).failures == 1
    after = office.snapshot(sign_ins=True)
    changed = {t for (t, rows), (_, rows2) in zip(before, after, strict=True) if rows != rows2}
    assert changed == {"sign_in_events", "audit_events"}
    for _ in range(4):
        with pytest.raises(RuleViolation):
            enrol(office, "K009", wrong)
    with pytest.raises(RuleViolation) as e:
        enrol(office, "K009", issued.code)  # the right code, but locked now
    assert e.value.code == "locked"
    assert not people_repo.enrolled(office.db.conn, issued.person_id)
    verified(office)


def test_a_code_expires_and_an_administrator_issues_a_new_one(office):
    issued = add(office)
    office.clock.advance(days=7, minutes=1)
    with pytest.raises(RuleViolation) as e:
        enrol(office, "K009", issued.code)
    assert e.value.code == "enrolment_expired"
    with pytest.raises(RuleViolation) as e:
        enrolment.new_code(office.session("K001"), "K009")
    assert e.value.code == "role_refused"
    again = enrolment.new_code(office.session("ADMIN"), "K009", kdf_n=TEST_KDF_N)
    assert again.code != issued.code
    with pytest.raises(RuleViolation) as e:
        enrol(office, "K009", issued.code)  # the earlier code is replaced
    assert e.value.code == "bad_enrolment_code"
    enrol(office, "K009", again.code)
    with pytest.raises(RuleViolation) as e:
        enrolment.new_code(office.session("ADMIN"), "K009", kdf_n=TEST_KDF_N)
    assert e.value.code == "already_enrolled"
    verified(office)


@pytest.mark.parametrize(
    ("code", "pw", "why"),
    [
        ("", NEW_PW, "missing_field"),
        ("ABCD-EFGH-JK0O", NEW_PW, "bad_enrolment_code"),
        (None, "short", "weak_password"),
        (None, None, "same_password"),
    ],
)
def test_bad_enrolment_input_changes_nothing(office, code, pw, why):
    issued = add(office)
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        enrol(office, "K009", issued.code if code is None else code, pw or issued.shown)
    assert e.value.code == why
    assert office.snapshot() == before


def test_only_an_administrator_adds_people_and_their_checks_hold(office):
    before = office.snapshot()
    with pytest.raises(RuleViolation) as e:
        enrolment.add_person(office.session("K001"), "K009", "某人", ["keeper"])
    assert e.value.code == "role_refused"
    with pytest.raises(RuleViolation) as e:
        enrolment.add_person(office.session("ADMIN"), "K001", "某人", ["keeper"])
    assert e.value.code == "badge_taken"
    assert office.snapshot() == before


def test_the_key_history_and_the_key_form(office):
    issued = add(office)
    s = enrol(office, "K009", issued.code)
    form = enrolment.key_form(s)
    assert form["badge"] == "K009" and form["name"] == "钱新人"
    assert form["department"] == "法制大队" and form["roles"] == ["keeper"]
    assert form["reason"] == "enrolment" and form["key_no"] == 1
    assert form["fingerprint"] == crypto.fingerprint(crypto.public_bytes(s.key))
    people_svc.change_password(s, Credential("K009", NEW_PW), "a-newer-secret-8")
    keys = enrolment.keys(s)
    assert [k["reason"] for k in keys] == ["enrolment", "password_change"]
    assert enrolment.key_form(s)["fingerprint"] == keys[-1]["fingerprint"] != keys[0]["fingerprint"]
    # the administrator sees everyone's; others only their own
    everyone = enrolment.keys(office.session("ADMIN"))
    assert {"K001", "K009", "ADMIN"} <= {k["badge"] for k in everyone}
    assert enrolment.keys(office.session("ADMIN"), "K009") == keys
    with pytest.raises(RuleViolation):
        enrolment.keys(office.session("K001"), "K009")
    other = add(office, "K010")
    with pytest.raises(RuleViolation) as e:
        enrolment.key_form(office.session("ADMIN"), other.badge)
    assert e.value.code == "not_enrolled"
    verified(office)
