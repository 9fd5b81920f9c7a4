"""Late means reported (issue 14): a deadline passed is marked on the entry, for good, and
reported to the head of the case's department the moment it passes — not only when the late
thing is finally done. And claims are checks (issue 14, point 8): a return "verified" rests
on a read-back of that disc; a failing read-back or a disc missing at an inventory changes
the disc's status and is reported.

Plain Python: the services read the open things and the marks already made, these rules say
which lateness is new, and what a check implies."""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from . import rules
from .errors import RuleViolation
from .model import Verification


class LateKind(StrEnum):
    HANDOVER = "handover"  # Art. 16-17: the pair handed to the keeper within 24 h of burning
    RETURN = "return"  # Art. 20: returned at the end of the estimated usage time
    RESEAL = "reseal"  # Art. 18: the original resealed promptly after its unsealing


#: the kind of incident each lateness raises
INCIDENT_KIND = {
    LateKind.HANDOVER: "late_handover",
    LateKind.RETURN: "late_return",
    LateKind.RESEAL: "late_reseal",
}


@dataclass(frozen=True)
class Late:
    """One late thing: ``entry_id`` names it once and for all (the original's media id for a
    pair awaiting handover, the retrieval's id, the unsealing's seal event id)."""

    kind: LateKind
    entry_id: int
    medium_id: int
    due_at: datetime

    @property
    def key(self) -> tuple[str, int]:
        return (self.kind.value, self.entry_id)


def handover_late(original_id: int, burned_at: datetime, now: datetime) -> Late | None:
    """Art. 16-17: a pair not handed over 24 h after burning is late from that moment."""
    due = rules.handover_deadline(burned_at)
    return Late(LateKind.HANDOVER, original_id, original_id, due) if now > due else None


def return_late(
    retrieval_id: int, medium_id: int, out_at: datetime, est_usage_hours: int, now: datetime
) -> Late | None:
    """Art. 20: a retrieved duplicate is late once its estimated usage time has passed."""
    due = rules.retrieval_due(out_at, est_usage_hours)
    return Late(LateKind.RETURN, retrieval_id, medium_id, due) if now > due else None


def reseal_late(
    unseal_id: int,
    medium_id: int,
    unsealed_at: datetime,
    now: datetime,
    limit: timedelta = rules.DEFAULT_RESEAL_LIMIT,
) -> Late | None:
    """Art. 18: an unsealed original is late once the reseal limit after its unsealing has
    passed (default 8 h, the same working day)."""
    due = rules.reseal_deadline(unsealed_at, limit)
    return Late(LateKind.RESEAL, unseal_id, medium_id, due) if now > due else None


def new_lateness(
    now: datetime,
    awaiting_handover: Iterable[tuple[int, datetime]] = (),
    out: Iterable[tuple[int, int, datetime, int]] = (),
    unsealed: Iterable[tuple[int, int, datetime]] = (),
    marked: Collection[tuple[str, int]] = (),
    reseal_limit: timedelta = rules.DEFAULT_RESEAL_LIMIT,
) -> list[Late]:
    """Every lateness at ``now`` not marked yet (each is marked exactly once, Art. 16-18, 20),
    oldest deadline first.

    awaiting_handover: (original's media id, burned_at) — pairs not handed over
    out: (retrieval id, medium id, out_at, est_usage_hours) — retrievals not returned
    unsealed: (unseal seal event id, medium id, unsealed_at) — originals not resealed
    marked: (kind, entry_id) of the marks already made
    """
    found: list[Late | None] = []
    found += [handover_late(mid, at, now) for mid, at in awaiting_handover]
    found += [return_late(rid, mid, at, h, now) for rid, mid, at, h in out]
    found += [reseal_late(sid, mid, at, now, reseal_limit) for sid, mid, at in unsealed]
    seen = set(marked)
    out_list: list[Late] = []
    for late in found:
        if late is not None and late.key not in seen:
            seen.add(late.key)
            out_list.append(late)
    out_list.sort(key=lambda x: (x.due_at, x.kind.value, x.entry_id))
    return out_list


def late_description(late: Late, now: datetime) -> str:
    """The incident's text (Chinese, like the register's other reports), hours overdue."""
    hours = (now - late.due_at).total_seconds() / 3600
    what = {
        LateKind.HANDOVER: "烧录后超过 24 小时未移交保管人员",
        LateKind.RETURN: "调取的复制件超过预计使用时间未归还",
        LateKind.RESEAL: "启封的原件超过时限未重新封存",
    }[late.kind]
    return f"{what}（已逾期 {hours:.1f} 小时）"


# ------------------------------------------------------------ claims are checks (Art. 20)
#: a read-back's result (verifications.result) and the verification it supports
_READ_BACK = {"match": Verification.MATCH, "mismatch": Verification.MISMATCH}


def check_return_verification(
    claimed: Verification, read_back: str | None, reason: str
) -> tuple[Verification, str]:
    """Art. 20: the keeper "inspects and verifies" a returned disc. A return is recorded as
    verified (match or mismatch) only on a read-back of that disc made since it went out,
    and the result is the read-back's, not a claim; without one it is "not checked", with
    the reason. Returns (verification, reason to record)."""
    if claimed == Verification.NOT_CHECKED:
        why = (reason or "").strip()
        if not why:
            raise RuleViolation(
                "unchecked_reason",
                "a return not read back needs the reason it was not checked",
                "Art. 20",
            )
        return claimed, rules.require_text(why, "reason not checked", "Art. 20", 200)
    if read_back is None:
        raise RuleViolation(
            "no_read_back",
            f"a return verified '{claimed.value}' needs a read-back of that disc made since it "
            "went out (keeper verify --purpose return); without one record it not checked, "
            "with the reason",
            "Art. 20",
        )
    found = _READ_BACK.get(read_back, Verification.MISMATCH)  # unreadable: not a match
    if found != claimed:
        raise RuleViolation(
            "read_back_disagrees",
            f"the read-back of that disc found '{read_back}', not '{claimed.value}'",
            "Art. 20",
        )
    return claimed, ""


class FindingKind(StrEnum):
    FIXITY_FAILED = "fixity_failed"  # a read-back of a disc on the shelf failed
    MISSING = "missing"  # an inventory did not find a disc the register puts on the shelf


def finding_for_read_back(purpose: str, result: str, status: str) -> FindingKind | None:
    """A failing periodic (fixity) read-back of a disc in custody is a finding: the disc is
    damaged, and the head is told (Art. 20: damage is reported; the duplicate is then
    reproduced from the original, Art. 18). Other read-backs change nothing by themselves."""
    if purpose == "fixity" and result != "match" and status == "in_custody":
        return FindingKind.FIXITY_FAILED
    return None
