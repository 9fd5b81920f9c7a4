"""What is due and what is late, computed from the record at ``now`` (never stored)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from . import rules
from .model import Due


def due_items(
    now: datetime,
    burned: Iterable[tuple[str, str, datetime]] = (),
    open_retrievals: Iterable[tuple[int, str, str, datetime, int, str]] = (),
    court_requests: Iterable[tuple[int, str, str, datetime]] = (),
    unsealed: Iterable[tuple[str, str, datetime]] = (),
    reseal_limit: timedelta = rules.DEFAULT_RESEAL_LIMIT,
    no_duplicate: Iterable[tuple[str, str, datetime]] = (),
) -> list[Due]:
    """Art. 17 (handover within 24 h of burning), Art. 20 (return at the end of the
    estimated usage time), Art. 19 (court or procuratorate served within 3 days, flagged a
    day before), Art. 18 (original resealed promptly after use). Sorted, most urgent first.

    burned: (code, case_no, burned_at) — one per pair is enough
    open_retrievals: (register id, code, case_no, out_at, est_usage_hours, retriever)
    court_requests: (request id, case_no, org_name, requested_at) — unserved only
    unsealed: (code, case_no, unsealed_at)
    no_duplicate: (code of the unusable duplicate, case_no, since) — Art. 18: from the moment
    a duplicate is damaged, lost or replaced the pair has no usable duplicate, until one is
    reproduced from the original (shown from that moment, never "late")
    """
    out: list[Due] = []
    for code, case_no, burned_at in burned:
        d = rules.handover_deadline(burned_at)
        out.append(
            Due("handover", d, code, case_no, "hand the new pair to the keeper", late=now > d)
        )
    for rid, code, case_no, out_at, hours, who in open_retrievals:
        d = rules.retrieval_due(out_at, hours)
        out.append(Due("return", d, code, case_no, f"return by {who}", ref=rid, late=now > d))
    for qid, case_no, org, requested_at in court_requests:
        d = rules.court_deadline(requested_at)
        soon = not now > d and d - now <= rules.COURT_WARN_BEFORE
        out.append(
            Due(
                "court_transfer",
                d,
                None,
                case_no,
                f"transfer the duplicate to {org}",
                ref=qid,
                late=now > d,
                extra={"soon": "1"} if soon else {},
            )
        )
    for code, case_no, unsealed_at in unsealed:
        d = rules.reseal_deadline(unsealed_at, reseal_limit)
        out.append(Due("reseal", d, code, case_no, "reseal the original", late=now > d))
    for code, case_no, since in no_duplicate:
        out.append(
            Due(
                "no_usable_duplicate",
                since,
                code,
                case_no,
                "no usable duplicate: reproduce it from the original",
            )
        )
    out.sort(key=lambda x: (not x.late, x.due_at))
    return out
