"""The `keeper` commands about people and their keys (issue 10, point 2):

- ``keeper people add BADGE --name N --roles r1,r2 [--department D]`` (administrators): a new
  person without a password; prints their one-time enrolment code, once;
- ``keeper people new-code BADGE`` (administrators): a new code for someone not enrolled yet;
- ``keeper enrol --badge B``: a person's first sign-in: the enrolment code, and the password
  they choose (twice); their key pair is made then;
- ``keeper password``: the signed-in person changes their password, and with it their key;
- ``keeper people keys [BADGE]``: the key history (fingerprint, reason, date) to hold
  against the paper forms; ``keeper people key-form [BADGE] --out F.pdf``: the form to sign.

``enrol`` and ``password`` take ``--key-form F.pdf`` to make the new key's form at once.
From a credentials file (scripts), ``enrol`` reads the code under ``"BADGE:code"`` and the
new password under ``"BADGE"``; ``password`` the new one under ``"BADGE:new"``."""

from __future__ import annotations

from typing import Any

from ..domain.errors import RuleViolation
from ..services import catalogue, enrolment, lockout, lookup
from ..services import people as people_svc
from ..services.session import Credential
from . import printing
from .context import AddCommand, Context


def cmd_unlock(c: Context) -> int:
    a = c.args
    badge = a.badge.strip().upper()
    lockout.unlock(c.session, badge, c.other(a.head, f"countersigns lifting the lock of {badge}"))
    print(f"{badge} unlocked (countersigned by {a.head.strip().upper()})")
    return 0


def register(add: AddCommand) -> None:
    sp = add(
        "unlock",
        cmd_unlock,
        "lift a person's sign-in lock (administrators; a department head countersigns "
        "with their own password)",
    )
    sp.add_argument("badge", help="the locked person's badge number")
    sp.add_argument(
        "--head", required=True, metavar="BADGE", help="the department head who countersigns"
    )
    sp = add("people", cmd_people, "people and their keys: add (with an enrolment code), keys")
    sub = sp.add_subparsers(dest="people_command", metavar="WHAT", required=True)
    p = sub.add_parser("add", help="administrator: add a person, who enrols with a one-time code")
    p.set_defaults(people_func=cmd_add)
    p.add_argument("badge")
    p.add_argument("--name", required=True)
    p.add_argument("--roles", required=True, help="comma-separated: keeper,case_handler,...")
    p.add_argument("--department", help="the department's name or number")
    p.add_argument("--org", default="", help="court or procuratorate (outside retrievers)")
    p.add_argument(
        "--head",
        metavar="BADGE",
        help="the department head who countersigns a custody role (any but administrator)",
    )
    p = sub.add_parser("new-code", help="administrator: a new enrolment code (the first expired)")
    p.set_defaults(people_func=cmd_new_code)
    p.add_argument("badge")
    p = sub.add_parser("keys", help="the key history: every key's fingerprint, reason and date")
    p.set_defaults(people_func=cmd_keys)
    p.add_argument("badge", nargs="?", help="whose (default: yours; an administrator: everyone)")
    p = sub.add_parser("key-form", help="the key form with the fingerprint, to sign by hand")
    p.set_defaults(people_func=cmd_key_form)
    p.add_argument("badge", nargs="?", help="whose (default: yours)")
    _form_options(p, "--out", "--pdf")

    sp = add("enrol", cmd_enrol, "first sign-in with an enrolment code: choose your password")
    sp.add_argument("--badge", required=True)
    _form_options(sp, "--key-form")
    sp = add("password", cmd_password, "change your password (and with it your signing key)")
    _form_options(sp, "--key-form")


def _form_options(p: Any, *pdf_flags: str) -> None:
    p.add_argument(*pdf_flags, dest="pdf", metavar="FILE", help="the key form as a PDF file")
    p.add_argument("--printer", help="print the key form on this CUPS printer")
    p.add_argument("--lang", choices=["zh", "en"], default="zh", help="language (default zh)")


def cmd_people(c: Context) -> int:
    return int(c.args.people_func(c))


def _department(c: Context, text: str | None) -> int | None:
    if not text:
        return None
    for d in lookup.departments(c.session):
        if text.strip() in (d["name"], str(d["id"])):
            return int(d["id"])
    raise RuleViolation("unknown_department", f"no department {text!r}")


def _issued_text(i: dict[str, Any]) -> str:
    return (
        f"{i['name']} ({i['badge']}) added. Enrolment code, shown this once — hand it over:\n"
        f"    {i['code']}\n"
        f"valid until {i['expires_at']}. At first sign-in: keeper enrol --badge {i['badge']}"
    )


def _issued(i: enrolment.Issued) -> dict[str, Any]:
    from ..timeutil import show

    return {
        "badge": i.badge,
        "name": i.name,
        "code": i.shown,
        "expires_at": show(i.expires_at),
    }


def cmd_add(c: Context) -> int:
    a = c.args
    roles = [r.strip() for r in a.roles.split(",") if r.strip()]
    head = (
        c.other(a.head, f"countersigns the roles of {a.badge.strip().upper()}") if a.head else None
    )
    issued = enrolment.add_person(
        c.session, a.badge, a.name, roles, _department(c, a.department), org_name=a.org, head=head
    )
    c.out(_issued(issued), _issued_text)
    return 0


def cmd_new_code(c: Context) -> int:
    c.out(_issued(enrolment.new_code(c.session, c.args.badge)), _issued_text)
    return 0


def cmd_keys(c: Context) -> int:
    rows = enrolment.keys(c.session, c.args.badge)

    def text(rs: list[dict[str, Any]]) -> str:
        return "\n".join(
            f"{r['badge']:<10} key #{r['key']:<4} {r['made_at'] or '-':<19}  "
            f"{r['reason']:<16} {r['fingerprint']}"
            for r in rs
        )

    c.out(rows, text)
    return 0


def _key_form(c: Context, badge: str) -> int:
    if not c.args.pdf and not c.args.printer:
        return 0
    doc = catalogue.key_form(badge)
    return printing._output(c, doc, catalogue.Options(lang=c.args.lang))


def cmd_key_form(c: Context) -> int:
    if not c.args.pdf and not c.args.printer:
        raise RuleViolation("missing_field", "say where it goes: --out FILE and/or --printer NAME")
    return _key_form(c, c.args.badge or c.session.person.badge)


def _new_password(c: Context, badge: str, file_key: str, purpose: str) -> str:
    pw = c.creds.password(file_key, purpose, f"{badge} — {purpose}: ")
    again = f"{badge} — the new password again: "
    if c.args.credentials is None and pw != c.creds.password(badge, "again", again):
        raise RuleViolation("password_mismatch", "the two passwords differ")
    return pw


def cmd_enrol(c: Context) -> int:
    badge = c.args.badge.strip().upper()
    code = c.creds.password(f"{badge}:code", "the enrolment code", f"Enrolment code of {badge}: ")
    pw = _new_password(c, badge, badge, "the password you choose")
    s = enrolment.enrol(c.db, badge, code, pw)
    c._session, c._my_password = s, pw
    print(f"{s.person.name} ({s.person.badge}) enrolled: your key is made.")
    print(f"fingerprint {enrolment.key_form(s)['fingerprint']}")
    print("print your key form (keeper people key-form --out FILE), sign it with the administrator")
    return _key_form(c, s.person.badge)


def cmd_password(c: Context) -> int:
    s = c.session
    old = c.me("the current password")
    badge = s.person.badge
    pw = _new_password(c, badge, f"{badge}:new", "the new password")
    people_svc.change_password(s, Credential(badge, old.password), pw)
    c._my_password = pw
    print(f"password changed; a new key is made for {s.person.name} ({badge}).")
    print(f"fingerprint {enrolment.key_form(s)['fingerprint']}")
    print("print the new key form (keeper people key-form --out FILE) and have it signed")
    return _key_form(c, badge)
