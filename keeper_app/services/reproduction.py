"""Reproducing a damaged, lost or replaced duplicate from the unsealed original (Art. 18).

The original is opened only for this (or to check a doubted duplicate), under the head's
approval; :func:`reproduce_duplicate` then

1. reads the original back through xorriso against the manifest the register holds, and
   copies its files out as they are read (what is burned is what was checked);
2. reserves a code for the new duplicate (a new serial: ``domain.codes`` has no generation
   digit; the disc keeps the pair's number, ``pair_no``, and names the disc it replaces);
3. burns the new duplicate and reads it back;
4. in one transaction: registers the new duplicate in custody on its shelf, records both
   read-backs, and the reproduction entry that keeper and witness sign; the old duplicate is
   retired.

Nothing is registered when a step fails; a failed read-back or burn is recorded as
``reproduction_failed`` (with the read-back that failed).
"""

from __future__ import annotations

import json
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, NoReturn

from ..burning import BurnError
from ..burning.discread import copy_out
from ..burning.jobs import JobState
from ..burning.layout import (
    LABEL_FORMAT,
    DiscFile,
    DiscLayout,
    manifest_body,
    manifest_sha256,
    parse_manifest,
    volume_id,
)
from ..burning.verify import VerifyReport, verify_disc
from ..burning.xorriso import BurnJob, Drive
from ..domain import codes, rules
from ..domain.errors import RuleViolation
from ..domain.lifecycle import Action, next_status
from ..domain.model import Capacity, CopyRole, MediumStatus
from ..store import audit, entries
from ..store import burning as burning_repo
from ..store import media as media_repo
from ..timeutil import to_db
from . import heads
from .burning import _record_verification
from .custody import medium_and_case, pair_duplicates
from .session import Credential, Session, Signer, rerun_if_changed
from .storage import rule


@dataclass
class Reproduced:
    original: str
    replaced: str
    duplicate: str
    reproduction_id: int
    reports: dict[str, VerifyReport]

    def to_dict(self) -> dict[str, Any]:
        return {
            "original": self.original,
            "replaced": self.replaced,
            "duplicate": self.duplicate,
            "reproduction": self.reproduction_id,
            "original_check": self.reports["original"].to_dict(),
            "duplicate_check": self.reports["duplicate"].to_dict(),
        }


def _drive(text: str) -> Drive:
    try:
        return Drive.parse(text)
    except BurnError as exc:
        raise rule(exc) from None


def _state(s: Session, code: str) -> dict[str, Any]:
    """Everything the rules need, read from the register (refusals change nothing)."""
    m, case = medium_and_case(s, code)
    if m.copy_role != CopyRole.ORIGINAL:
        raise RuleViolation(
            "not_original",
            f"{m.code} is not an original: a duplicate is reproduced from its pair's "
            "unsealed original; give the original's code",
            "Art. 18",
        )
    unseal = entries.last_seal_event(s.conn, m.id)
    approval = None
    if unseal is not None and unseal["kind"] == "unseal" and unseal["approval_id"] is not None:
        approval = entries.approval_state(s.conn, int(unseal["approval_id"]))
    dups = pair_duplicates(s, m)
    old_id = rules.unusable_duplicate(dups)
    old_status = next((st for i, _c, st in dups if i == old_id), None)
    rules.check_reproduction(
        None if approval is None else str(approval["reason"]), m.status, old_status
    )
    assert unseal is not None and old_id is not None
    done = entries.reproduction_under(s.conn, int(unseal["id"]))
    if done is not None:
        raise RuleViolation(
            "already_reproduced",
            f"a duplicate was reproduced already under this unsealing (entry #{done}); "
            "reseal the original",
            "Art. 18",
        )
    old = media_repo.get(s.conn, old_id)
    retired = next_status(old.copy_role, old.status, Action.REPRODUCE_DUPLICATE, code=old.code)
    return {"m": m, "case": case, "unseal": unseal, "old": old, "retired": retired}


def reproduce_duplicate(
    s: Session,
    code: str,
    original_drive: str,
    new_drive: str,
    keeper: Credential,
    witness: Credential,
    location: str,
    *,
    via_xorriso: bool = True,
    cancel: threading.Event | None = None,
) -> Reproduced:
    """Art. 18: make the pair's duplicate again from its unsealed original (``code``), which
    is in ``original_drive``, onto the blank disc in ``new_drive``; keeper and witness sign
    the new duplicate into custody at ``location``; the unusable duplicate is retired."""
    s.require(Action.REPRODUCE_DUPLICATE)
    st = _state(s, code)
    m, case, old = st["m"], st["case"], st["old"]
    shelf = rules.require_text(location, "shelf location of the duplicate", "Art. 16", 60)
    k = s.keeper_signer(keeper)
    rules.check_keeper_for_case(k.person, case)
    w = s.signer(witness)
    rules.check_two_signers([k.person.id, w.person.id], [k.person.name])
    src, dst = _drive(original_drive), _drive(new_drive)
    if src.address == dst.address:
        raise RuleViolation(
            "same_drive", "the original and the new duplicate cannot be in the same drive"
        )
    row = media_repo.row(s.conn, m.id)
    expected = parse_manifest(burning_repo.manifest_of_medium(s.conn, m.id))

    def failed(why: str, message: str, rep: VerifyReport | None, medium_id: int | None) -> NoReturn:
        _failed(s, m.code, why, message, rep, medium_id)

    # 1. the original read back against the register's manifest (a real read, via xorriso)
    try:
        orig_rep = verify_disc(src, expected, expected_code=m.code, via_xorriso=via_xorriso)
    except BurnError as exc:
        raise rule(exc, "Art. 18") from None
    if not orig_rep.ok:
        failed(
            "original_mismatch",
            f"the original {m.code} does not match its manifest: {orig_rep.summary()}",
            orig_rep,
            m.id,
        )
    staging = Path(tempfile.mkdtemp(prefix="keeper-reproduce-"))
    try:
        # 2. its files copied out as they are read, each hashed again
        try:
            got = copy_out(src, [e.path for e in expected], staging / "files", cancel)
        except BurnError as exc:
            raise rule(exc, "Art. 18") from None
        want = {e.path: e for e in expected}
        bad = [
            f"{h.path}: {h.error or 'differs from the manifest'}"
            for h in got
            if h.sha256 is None or h.sha256 != want[h.path].sha256
        ]
        if bad:
            failed(
                "original_mismatch", "the original cannot be copied: " + "; ".join(bad), None, None
            )
        files = [DiscFile(e.path, staging / "files" / e.path, e.size, e.sha256) for e in expected]
        # 3. a code for the new duplicate, reserved before burning (it is on the disc)
        mc = codes.parse(m.code)
        now = s.now().replace(microsecond=0)
        recs = media_repo.recordings_of(s.conn, m.id)
        new, res_id = _reserve(s, m.code, mc.unit, now.year, case.id, recs, old.code)
        label = json.loads(row["label"])
        disc_label = {
            **label,
            "format": LABEL_FORMAT,
            "medium_code": new.text,
            "copy_role": CopyRole.DUPLICATE.value,
            "pair_no": row["pair_no"],
            "volume_id": volume_id(new.text),
            "disc_type": row["disc_type"],
            "manifest_sha256": manifest_sha256(manifest_body(expected)),
            "reproduced_from": m.code,
            "replaces": old.code,
            heads.LABEL_KEY: heads.label_head(audit.head(s.conn)),
            "recordings": [
                {
                    k2: r[k2]
                    for k2 in ("id", "kind", "person_role", "started_at", "ended_at", "place")
                }
                for r in recs
            ],
        }
        layout = DiscLayout.build(new.text, files, disc_label)
        # 4. the burn, and the new disc read back
        job = BurnJob(dst, layout, staging / "burn")
        prep = job.prepare()
        if not prep.ok:
            job.discard()
            failed(prep.code, f"the new duplicate cannot be burned: {prep.message}", None, None)
        result = job.run(prepared=job.prepared)
        if result.state == JobState.CANCELLED or not result.ok:
            failed(
                result.code or "burn_failed",
                f"the new duplicate was not burned: {result.message}",
                None,
                None,
            )
        try:
            new_rep = verify_disc(dst, expected, expected_code=new.text, via_xorriso=via_xorriso)
        except BurnError as exc:
            failed("verification_mismatch", f"the new duplicate cannot be read: {exc}", None, None)
        if not new_rep.ok:
            failed(
                "verification_mismatch",
                "the new duplicate does not match what was burned: " + new_rep.summary(),
                new_rep,
                None,
            )
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    # 5. registered, in custody, signed; the old duplicate retired — one transaction, on the
    # state it is written on (another counter may have written during the burn)
    rid = _register(
        s, m.code, int(st["unseal"]["id"]), old.id, new, res_id, now, shelf, k, w, orig_rep, new_rep
    )
    return Reproduced(m.code, old.code, new.text, rid, {"original": orig_rep, "duplicate": new_rep})


def _failed(
    s: Session,
    code: str,
    why: str,
    message: str,
    rep: VerifyReport | None,
    medium_id: int | None,
) -> NoReturn:
    """Record that a reproduction failed (with the read-back that failed), and refuse."""
    with s.change("reproduction_failed", original=code, code=why, message=message[:300]) as ch:
        if rep is not None:
            _record_verification(ch, rep, "on_demand", medium_id, None, s.person.id)
    raise RuleViolation(why, f"{message}; nothing was registered", "Art. 18")


def _reserve(
    s: Session,
    original: str,
    unit: str,
    year: int,
    case_id: int,
    recs: list[dict[str, Any]],
    replaces: str,
) -> tuple[codes.MediumCode, int]:
    """The new duplicate's code, reserved before burning (it is on the disc): the next serial,
    read inside the write (never given twice)."""
    with s.change("reserve_reproduction_code", original=original) as ch:
        serial = media_repo.next_serial(ch.conn, unit, year)
        new = codes.make(unit, year, serial, "D")
        res_id = ch.touch(
            "pair_reservations",
            burning_repo.insert_reservation(
                ch.conn, new.body[:14], case_id, [int(r["id"]) for r in recs], s.person.id, ch.at
            ),
        )
        ch.details.update(duplicate=new.text, replaces=replaces)
    return new, res_id


@rerun_if_changed
def _register(
    s: Session,
    code: str,
    unseal_id: int,
    old_id: int,
    new: codes.MediumCode,
    res_id: int,
    burned_at: datetime,
    shelf: str,
    k: Signer,
    w: Signer,
    orig_rep: VerifyReport,
    new_rep: VerifyReport,
) -> int:
    """Register the reproduced duplicate once both read-backs matched: the rules checked again
    on the state the entry is written on (the same unsealing, the same unusable duplicate)."""
    st = _state(s, code)
    m, case, old = st["m"], st["case"], st["old"]
    if int(st["unseal"]["id"]) != unseal_id or old.id != old_id:
        raise RuleViolation(
            "changed_meanwhile",
            f"{m.code} or its duplicate changed while the new disc was burned; nothing was "
            "registered",
            "Art. 18",
        )
    row = media_repo.row(s.conn, m.id)
    recs = media_repo.recordings_of(s.conn, m.id)
    me = s.person.id
    with s.change(
        "reproduce_duplicate", original=m.code, duplicate=new.text, replaces=old.code
    ) as ch:
        nid = ch.touch(
            "media",
            media_repo.insert(
                ch.conn,
                code=new.text,
                pair_no=str(row["pair_no"]),
                copy_role=CopyRole.DUPLICATE,
                kind="disc",
                disc_type=str(row["disc_type"]),
                volume_id=volume_id(new.text),
                case_id=case.id,
                manifest_id=int(row["manifest_id"]),
                label_json=str(row["label"]),
                burned_at=to_db(burned_at),
                producer_id=me,
                registered_at=ch.at,
                status=MediumStatus.IN_CUSTODY,
            ),
        )
        media_repo.set_location(ch.conn, nid, shelf)
        for r in recs:
            ch.touch("medium_recordings", media_repo.link_recording(ch.conn, nid, int(r["id"])))
        oc = _record_verification(ch, orig_rep, "on_demand", m.id, None, me)
        nc = _record_verification(ch, new_rep, "burn", nid, res_id, me)
        rid = ch.touch(
            "reproductions",
            entries.insert(
                ch.conn,
                "reproductions",
                original_id=m.id,
                replaced_id=old.id,
                new_id=nid,
                unseal_id=unseal_id,
                reservation_id=res_id,
                original_check_id=oc,
                new_check_id=nc,
                keeper_id=k.person.id,
                location=shelf,
                at=ch.at,
            ),
        )
        ch.sign("reproductions", rid, (k, Capacity.KEEPER), (w, Capacity.WITNESS))
        media_repo.set_status(ch.conn, old.id, st["retired"])
        ch.touch("media", old.id)
        ch.touch("media", nid)
    return rid


def reproductions_of(s: Session, code: str) -> list[dict[str, Any]]:
    """The reproductions made from an original (or naming a duplicate), oldest first."""
    s.require(Action.VIEW_MEDIA)
    m, _case = medium_and_case(s, code)
    from . import visibility

    visibility.check_case_id(s, m.case_id, "see its discs")
    return [
        dict(r)
        for r in s.conn.execute(
            "SELECT r.id, r.at, o.code AS original, x.code AS replaced, n.code AS duplicate, "
            "r.location, p.name AS keeper FROM reproductions r JOIN media o ON o.id=r.original_id "
            "JOIN media x ON x.id=r.replaced_id JOIN media n ON n.id=r.new_id "
            "JOIN people p ON p.id=r.keeper_id WHERE ? IN (r.original_id, r.replaced_id, r.new_id) "
            "ORDER BY r.id",
            (m.id,),
        )
    ]
