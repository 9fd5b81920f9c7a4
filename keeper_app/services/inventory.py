"""Inventory sessions (issue 16, part 5; Art. 20, Art. 261 of the supervision seed): a
keeper's stocktaking recorded from start to signed record.

:func:`start` fixes the expected population in a signed event; :func:`observe` (a code and
what was found) and :func:`scan` (a scanner's text: the observation follows from what the
register says) record one observation per medium; :func:`close` — refused while an expected
medium has none — reports every discrepancy to the head of the case's department (a disc not
located becomes lost at once, as :func:`.findings.report_missing` does) and is signed by the
keeper and a witness; :func:`resolve` is the head's signed answer to a discrepancy;
:func:`record` is what the report prints."""

from __future__ import annotations

from typing import Any

from ..domain import inventory as rules_inv
from ..domain.errors import RuleViolation
from ..domain.inventory import Observation
from ..domain.lifecycle import Action
from ..domain.model import Capacity, MediumStatus, Person
from ..domain.rules import check_acknowledgement, require_text
from ..store import cases as cases_repo
from ..store import entries
from ..store import inventory as inv_repo
from ..store import media as media_repo
from ..store import people as people_repo
from ..timeutil import from_db, show, to_db
from . import reads, visibility
from .documents import _sigs, audit_head
from .findings import record_missing
from .session import Credential, Session, parse_code, rerun_if_changed


def _session_row(s: Session, session_id: int) -> dict[str, Any]:
    row = inv_repo.session(s.conn, int(session_id))
    if row is None:
        raise RuleViolation("unknown_inventory", f"no inventory session #{session_id}")
    return row


def _head_of_case(s: Session, case_id: int) -> Person | None:
    """The head of the case's department, or None when the department has none."""
    dept = people_repo.department(s.conn, cases_repo.get(s.conn, case_id).department_id)
    return None if dept is None or dept.head_id is None else people_repo.get(s.conn, dept.head_id)


@rerun_if_changed
def start(s: Session, location: str = "") -> int:
    """A new session for the media the register puts under ``location`` (a prefix; empty:
    the whole room): the expected population is fixed in the start's signed event."""
    me = s.require(Action.RUN_INVENTORY)
    rules_inv.check_runner(me)
    prefix = rules_inv.location_prefix(location)
    rules_inv.check_one_open(prefix, inv_repo.open_sessions(s.conn))
    population = inv_repo.population(s.conn, prefix)
    with s.change("inventory_start", location=prefix, expected=len(population)) as ch:
        sid = ch.touch(
            "inventory_sessions",
            entries.insert(
                ch.conn,
                "inventory_sessions",
                location_prefix=prefix,
                keeper_id=me.id,
                started_at=ch.at,
            ),
        )
        for r in population:
            ch.touch(
                "inventory_expected",
                entries.insert(
                    ch.conn,
                    "inventory_expected",
                    session_id=sid,
                    medium_id=int(r["id"]),
                    status=str(r["status"]),
                    location=str(r["location"] or ""),
                ),
            )
        ch.details.update(session=sid)
    return sid


def observe(s: Session, session_id: int, code: str, kind: str, note: str = "") -> int:
    """One medium's observation: ``kind`` shelf, sealed (seal intact, confirmed by the
    keeper), seal_broken, out (on its recorded retrieval or transfer, confirmed), missing
    (not located). A medium found that the register does not put here is recorded as
    unexpected. Returns the observation's id."""
    return int(_observe(s, session_id, code, rules_inv.parse_observation(kind), note)["id"])


def scan(s: Session, session_id: int, text: str, seal_broken: bool = False) -> dict[str, Any]:
    """A scan during a session: the medium was found on the shelf. An expected sealed
    original is recorded sealed (the keeper confirms its seal; ``seal_broken``: it is not
    intact), another expected medium on the shelf, anything else unexpected (a code the
    register does not know is kept as scanned). Returns what was recorded: id, kind, code,
    pretty, expected (bool), status and location (as recorded)."""
    mc = parse_code(text)
    m = media_repo.by_code(s.conn, mc.text)
    status = None if m is None else inv_repo.expected_status(s.conn, int(session_id), m.id)
    if status == MediumStatus.SEALED.value:
        kind = Observation.SEAL_BROKEN if seal_broken else Observation.SEALED
    else:
        kind = Observation.SHELF
    return _observe(s, session_id, mc.text, kind, "")


@rerun_if_changed
def _observe(
    s: Session, session_id: int, code: str, kind: Observation, note: str
) -> dict[str, Any]:
    me = s.require(Action.RUN_INVENTORY)
    rules_inv.check_runner(me)
    sess = _session_row(s, session_id)
    rules_inv.check_open(int(session_id), sess["closing_id"] is not None)
    mc = parse_code(code)
    m = media_repo.by_code(s.conn, mc.text)
    expected = None if m is None else inv_repo.expected_status(s.conn, int(session_id), m.id)
    final = rules_inv.resolve_observation(
        mc.pretty,
        None if expected is None else MediumStatus(expected),
        kind,
        inv_repo.observed(s.conn, int(session_id), mc.text),
    )
    text = (note or "").strip()
    if final == Observation.MISSING:  # as findings.report_missing: where it was looked for
        text = require_text(note, "where the disc was looked for", "Art. 20", 500)
    elif text:
        text = require_text(text, "note", "Art. 20", 500)
    with s.change("inventory_observe", session=int(session_id), code=mc.text) as ch:
        oid = ch.touch(
            "inventory_observations",
            entries.insert(
                ch.conn,
                "inventory_observations",
                session_id=int(session_id),
                medium_id=None if m is None else m.id,
                code=mc.text,
                kind=final.value,
                status="" if m is None else m.status.value,
                location="" if m is None else (m.location or ""),
                note=text,
                at=ch.at,
                by_id=me.id,
            ),
        )
        ch.details.update(kind=final.value)
    return {
        "id": oid,
        "kind": final.value,
        "code": mc.text,
        "pretty": mc.pretty,
        "expected": expected is not None,
        "registered": m is not None,
        "status": "" if m is None else m.status.value,
        "location": "" if m is None else (m.location or ""),
    }


@rerun_if_changed
def close(
    s: Session, session_id: int, keeper: Credential, witness: Credential, note: str = ""
) -> int:
    """The signed record (keeper and witness): refused while an expected medium has no
    observation. Each discrepancy is reported to the head of the case's department, to be
    resolved within 3 days; a disc not located is recorded lost at once (the 'missing'
    incident and finding of findings.report_missing). Returns the closing's id."""
    me = s.require(Action.RUN_INVENTORY)
    rules_inv.check_runner(me)
    sid = int(session_id)
    sess = _session_row(s, sid)
    rules_inv.check_open(sid, sess["closing_id"] is not None)
    exp = inv_repo.expected(s.conn, sid)
    rules_inv.check_closable(
        sid, [parse_code(r["code"]).pretty for r in exp if r["observation_id"] is None]
    )
    k = s.keeper_signer(keeper)
    w = s.signer(witness)
    rules_inv.check_witness(k.person, w.person)
    text = (note or "").strip()
    if text:
        text = require_text(text, "note", "Art. 20", 500)
    unexp = inv_repo.unexpected(s.conn, sid)
    found = [r for r in exp if rules_inv.discrepancy_of(Observation(r["kind"]))] + unexp
    # what is reported, decided before the change: each discrepancy's medium and head
    plan = []
    for r in found:
        kind = rules_inv.discrepancy_of(Observation(r["kind"]))
        assert kind is not None
        m = None if r["medium_id"] is None else media_repo.get(s.conn, int(r["medium_id"]))
        head = None if m is None else _head_of_case(s, m.case_id)
        if kind == rules_inv.Discrepancy.NOT_LOCATED and head is None:
            raise RuleViolation(
                "no_head",
                f"the department of case {r['case_no']} has no head: the loss of "
                f"{parse_code(r['code']).pretty} cannot be reported",
                "Art. 20",
            )
        plan.append((r, kind, m, head))
    with s.change("inventory_close", session=sid) as ch:
        due = rules_inv.resolve_due(from_db(ch.at), from_db(ch.at)).due_at
        cid = ch.touch(
            "inventory_closings",
            entries.insert(
                ch.conn,
                "inventory_closings",
                session_id=sid,
                keeper_id=k.person.id,
                witness_id=w.person.id,
                expected=len(exp),
                observed=len(exp) + len(unexp),
                discrepancies=len(plan),
                note=text,
                at=ch.at,
            ),
        )
        ch.sign("inventory_closings", cid, (k, Capacity.KEEPER), (w, Capacity.WITNESS))
        reported = []
        for r, kind, m, head in plan:
            iid = None
            # lost at closing, as findings.report_missing does; a disc whose status moved on
            # since (reported missing meanwhile, retrieved) is reported, not made lost again
            if (
                kind == rules_inv.Discrepancy.NOT_LOCATED
                and m is not None
                and head is not None
                and m.status in rules_inv.ON_SHELF
            ):
                where = r["note"] or f"盘点 #{sid}（{sess['location_prefix'] or '全部位置'}）"
                iid, _fid = record_missing(ch, me, m, head, where)
            did = ch.touch(
                "inventory_discrepancies",
                entries.insert(
                    ch.conn,
                    "inventory_discrepancies",
                    session_id=sid,
                    observation_id=int(r["observation_id"]),
                    kind=kind.value,
                    medium_id=None if m is None else m.id,
                    reported_to=None if head is None else head.id,
                    incident_id=iid,
                    due_at=to_db(due),
                    at=ch.at,
                ),
            )
            reported.append(did)
        ch.details.update(witness=w.person.badge, discrepancies=reported)
    return cid


@rerun_if_changed
def resolve(s: Session, discrepancy_id: int, head: Credential, note: str) -> int:
    """The head of the case's department answers a discrepancy (what was found out, what
    was done), signing; once, by the head it was reported to (Art. 20)."""
    me = s.require(Action.ACK_INCIDENT)
    rows = inv_repo.discrepancies(s.conn, discrepancy_id=int(discrepancy_id))
    if not rows:
        raise RuleViolation("unknown_discrepancy", f"no inventory discrepancy #{discrepancy_id}")
    d = rows[0]
    check_acknowledgement(
        f"inventory discrepancy #{discrepancy_id}",
        d["resolution_id"] is not None or d["incident_ack_id"] is not None,
        d["reported_to"],
        me,
    )
    what = require_text(note, "how the discrepancy was resolved", "Art. 20", 500)
    h = s.signer(head)
    if h.person.id != me.id:
        raise RuleViolation("not_signed_in", "the head signing must be the person signed in")
    with s.change("inventory_resolve", discrepancy=int(discrepancy_id)) as ch:
        rid = ch.touch(
            "inventory_resolutions",
            entries.insert(
                ch.conn,
                "inventory_resolutions",
                discrepancy_id=int(discrepancy_id),
                by_id=me.id,
                note=what,
                at=ch.at,
            ),
        )
        ch.sign("inventory_resolutions", rid, (h, Capacity.DEPT_HEAD))
    return rid


def _shown_discrepancy(d: dict[str, Any], now: Any) -> dict[str, Any]:
    out = dict(d)
    due = rules_inv.resolve_due(from_db(d["at"]), now)
    out["open"] = d["resolution_id"] is None and d["incident_ack_id"] is None
    out["late"] = out["open"] and due.late
    out["pretty"] = parse_code(d["code"]).pretty if _is_code(d["code"]) else d["code"]
    for key in ("due_at", "at", "resolved_at"):
        out[key] = show(d[key])
    return out


def _is_code(text: str) -> bool:
    try:
        parse_code(text)
    except RuleViolation:
        return False
    return True


def record(s: Session, session_id: int) -> dict[str, Any]:
    """A session as its report prints it: location, keeper, times, the expected population
    with each observation, the unexpected media, the discrepancies and their heads, the
    signatures of the closing. A logged reading (Art. 21); a head or reviewer sees the
    media of the cases they may see."""
    s.require(Action.INVENTORY)
    sid = int(session_id)
    sess = _session_row(s, sid)
    visible = visibility.visible_case_nos(s)

    def seen(r: dict[str, Any]) -> bool:
        return visible is None or r.get("case_no") in visible

    exp = [r for r in inv_repo.expected(s.conn, sid) if seen(r)]
    for r in exp:
        r["pretty"] = parse_code(r["code"]).pretty
        r["at"] = show(r["at"])
        r["out_on"] = r["retrieval"] if r["status"] == "out" else r["transfer"]
        r["read_back_at"] = show(r["read_back_at"])  # optional: `keeper verify` meanwhile
    unexp = [r for r in inv_repo.unexpected(s.conn, sid) if r["medium_id"] is None or seen(r)]
    for r in unexp:
        r["pretty"] = parse_code(r["code"]).pretty if _is_code(r["code"]) else r["code"]
        r["at"] = show(r["at"])
    disc = [
        _shown_discrepancy(d, s.now())
        for d in inv_repo.discrepancies(s.conn, session_id=sid)
        if d["medium_id"] is None or seen(d)
    ]
    closing = sess["closing_id"]
    counts: dict[str, int] = {}
    for r in [*exp, *unexp]:
        if r["kind"]:
            counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    out = {
        "id": sid,
        "location": sess["location_prefix"],
        "keeper": sess["keeper"],
        "keeper_badge": sess["keeper_badge"],
        "started_at": show(sess["started_at"]),
        "closed": closing is not None,
        "closed_at": show(sess["closed_at"]),
        "witness": sess["witness"] or "",
        "witness_badge": sess["witness_badge"] or "",
        "expected": exp,
        "unexpected": unexp,
        "unobserved": [r["code"] for r in exp if r["kind"] is None],
        "discrepancies": disc,
        "counts": counts,
        "signatures": [] if closing is None else _sigs(s, "inventory_closings", int(closing)),
        "audit": audit_head(s),
    }
    case_ids = {int(r["case_id"]) for r in [*exp, *unexp] if r.get("case_id") is not None}
    reads.record(s, "inventory", sorted(case_ids), session=sid)
    return out


def open_sessions(s: Session) -> list[dict[str, Any]]:
    """The sessions not closed yet (id, location), oldest first."""
    s.require(Action.INVENTORY)
    return [{"id": sid, "location": loc} for sid, loc in inv_repo.open_sessions(s.conn)]
