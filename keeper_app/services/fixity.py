"""The periodic fixity check: optical discs degrade, so archives re-read them every few years
(default: every two years, :attr:`StorageSettings.fixity_interval`). The report lists the
discs due for a check, and those whose last check failed or that gave read errors, so a
failing duplicate is found before it is needed and reproduced from the original.

Only discs on the shelf are checked: a sealed original is not opened for it (Art. 18 allows
unsealing only to reproduce or check the duplicate) — it is read when a failed duplicate is
reproduced. The check itself is :func:`keeper_app.services.burning.verify_medium` with
``purpose="fixity"``.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from ..domain.lifecycle import Action
from ..store import burning as burning_repo
from ..timeutil import from_db, show, to_db
from . import reads, visibility
from .session import Session
from .storage import StorageSettings

CHECKED_STATUSES = ("in_custody",)
#: a disc whose fixity read-back failed is damaged (issue 14) and stays on the failing list
#: until it is reproduced
FAILED_STATUSES = ("damaged",)
NOT_CHECKED_STATUSES = ("sealed", "unsealed")


@dataclass
class FixityItem:
    code: str
    copy_role: str
    case_no: str
    location: str
    burned_at: str
    last_checked: str
    last_result: str
    read_errors: int
    failed_checks: int
    due_at: str
    overdue: bool
    action: str = ""


@dataclass
class FixityReport:
    generated_at: str
    interval_days: int
    checked_statuses: tuple[str, ...]
    due: list[FixityItem] = field(default_factory=list)
    failing: list[FixityItem] = field(default_factory=list)
    up_to_date: int = 0
    sealed_not_checked: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def text(self) -> str:
        lines = [
            f"Fixity report {self.generated_at} (every {self.interval_days} days; "
            f"{self.up_to_date} discs up to date, {len(self.due)} due, "
            f"{len(self.failing)} failing; {self.sealed_not_checked} sealed originals "
            "are not opened for it, Art. 18)"
        ]
        if self.failing:
            lines.append("Failing (reproduce the duplicate from the original):")
            lines += [
                f"  {i.code}  case {i.case_no}  at {i.location}  last {i.last_result} "
                f"{i.last_checked}  read errors {i.read_errors}"
                for i in self.failing
            ]
        if self.due:
            lines.append("Due for a check:")
            lines += [
                f"  {i.code}  case {i.case_no}  at {i.location}  due {i.due_at}"
                + ("  OVERDUE" if i.overdue else "")
                for i in self.due
            ]
        return "\n".join(lines)


def fixity_report(
    s: Session, settings: StorageSettings, now: datetime | None = None
) -> FixityReport:
    s.require(Action.VERIFY_MEDIUM)
    now = now or s.now()
    rep = FixityReport(show(now), settings.fixity_interval.days, CHECKED_STATUSES)
    # a keeper sees the whole shelf; a case handler or a head only their discs (Art. 21)
    rep.sealed_not_checked = len(
        visibility.only_visible(s, burning_repo.fixity_rows(s.conn, NOT_CHECKED_STATUSES))
    )
    rows = visibility.only_visible(
        s, burning_repo.fixity_rows(s.conn, CHECKED_STATUSES + FAILED_STATUSES)
    )
    shown: set[int] = set()
    for r in rows:
        if r["status"] in FAILED_STATUSES and (r["last_result"] or "match") == "match":
            continue  # damaged at a return, not by a failing read-back
        last = from_db(r["last_checked"] or r["burned_at"])
        due_at = last + settings.fixity_interval
        item = FixityItem(
            code=r["code"],
            copy_role=r["copy_role"],
            case_no=r["case_no"],
            location=r["location"],
            burned_at=show(r["burned_at"]),
            last_checked=show(r["last_checked"]) if r["last_checked"] else "never",
            last_result=r["last_result"] or "",
            read_errors=int(r["read_errors"]),
            failed_checks=int(r["failed_checks"]),
            due_at=show(to_db(due_at)),
            overdue=due_at < now,
        )
        if (r["last_result"] or "match") != "match":
            item.action = (
                "request unsealing the original to reproduce the duplicate "
                "(reason reproduce_duplicate, Art. 18)"
            )
            rep.failing.append(item)
            shown.add(int(r["case_id"]))
        elif due_at <= now:
            item.action = "read it back: keeper verify --drive DEV"
            rep.due.append(item)
            shown.add(int(r["case_id"]))
        else:
            rep.up_to_date += 1
    rep.due.sort(key=lambda i: i.due_at)
    reads.record(s, "fixity", shown)  # the discs it names (the others only counted)
    return rep
