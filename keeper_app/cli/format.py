"""Plain-text output of the `keeper` command (times already 24-hour local)."""

from __future__ import annotations

from typing import Any

COPY = {
    "original": "original (正本)",
    "duplicate": "duplicate (副本)",
    "hard_drive": "hard-drive volume",
}
LABEL_NAMES = [
    ("production_unit", "production unit"),
    ("producer", "producer"),
    ("production_time", "production time"),
    ("person_interrogated", "person interrogated"),
    ("case_name", "case name"),
    ("case_number", "case number"),
]


def _table(rows: list[dict[str, Any]], cols: list[tuple[str, str]]) -> str:
    if not rows:
        return "(none)"
    widths = [
        max(_w(h), *(_w(str(r.get(k) if r.get(k) is not None else "")) for r in rows))
        for k, h in cols
    ]
    lines = ["  ".join(_pad(h, w) for (_, h), w in zip(cols, widths, strict=True))]
    for r in rows:
        lines.append(
            "  ".join(
                _pad(str(r.get(k) if r.get(k) is not None else ""), w)
                for (k, _), w in zip(cols, widths, strict=True)
            )
        )
    return "\n".join(lines)


def _w(s: str) -> int:
    """Display width: CJK characters take two columns."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _pad(s: str, width: int) -> str:
    return s + " " * (width - _w(s))


def scan_text(r: dict[str, Any]) -> str:
    out = [
        f"{r['pretty']}   {COPY.get(r['copy_role'], r['copy_role'])}   status: {r['status']}",
        f"case        {r['case_no']}  {r['case_name']}  ({r['case_status']}, {r['department']})",
    ]
    for key, name in LABEL_NAMES:
        out.append(f"{name:<20}{r['label'].get(key, '')}")
    out.append(f"{'burned':<20}{r['burned_at']}")
    out.append(f"{'shelf location':<20}{r['location'] or '-'}")
    if r["copy_role"] == "original":
        out.append(f"{'seal number':<20}{r['seal_no'] or '-'}")
    if r["partner"]:
        p = r["partner"]
        out.append(f"{'other disc':<20}{p['code']} ({p['copy_role']}, {p['status']})")
    if r["open_entry"]:
        e = r["open_entry"]
        out.append(
            f"OUT with {e['retriever_name']} ({e['retriever_badge']}, {e['retriever_unit']}) "
            f"since {e['out_at']}, reason {e['reason']}, due back {e['due_at']} "
            f"[register #{e['id']}]"
        )
    for d in r["due"]:
        flag = "LATE" if d["late"] else ("SOON" if d.get("soon") else "due")
        out.append(f"{flag}: {d['what']} by {d['due_at']}")
    if r["recordings"]:
        out.append("recordings:")
        for rec in r["recordings"]:
            out.append(
                f"  #{rec['id']} {rec['kind']} of {rec['person_name']} "
                f"({rec['person_role']}) {rec['started_at']} – {rec['ended_at']}, "
                f"{rec['place']}"
            )
    out.append("next: " + (", ".join(r["actions"]) or "nothing (for your role)"))
    if r["history"]:
        out.append("history:")
        for h in r["history"]:
            out.append(f"  {h['at']}  {h['kind']:<15}{h['who']}  {h['detail'] or ''}".rstrip())
    if r["corrections"]:
        out.append("corrections:")
        for c in r["corrections"]:
            out.append(f"  {c['field']}: {c['old_value']} → {c['new_value']} ({c['reason']})")
    return "\n".join(out)


def media_text(rows: list[dict[str, Any]]) -> str:
    return _table(
        rows,
        [
            ("code", "code"),
            ("copy_role", "copy"),
            ("status", "status"),
            ("case_no", "case"),
            ("person", "person"),
            ("location", "location"),
            ("seal_no", "seal"),
            ("burned_at", "burned"),
        ],
    )


def cases_text(rows: list[dict[str, Any]]) -> str:
    return _table(
        rows,
        [
            ("case_no", "case"),
            ("name", "name"),
            ("status", "status"),
            ("department", "department"),
            ("media", "media"),
        ],
    )


def due_text(rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "nothing due"
    for r in rows:
        r["flag"] = "LATE" if r["late"] else ("SOON" if r.get("soon") else "")
    return _table(
        rows,
        [
            ("flag", ""),
            ("due_at", "due"),
            ("kind", "what"),
            ("code", "medium"),
            ("case_no", "case"),
            ("what", ""),
        ],
    )


def court_requests_text(rows: list[dict[str, Any]]) -> str:
    out = []
    for q in rows:
        state = "served" if q["served"] else "OPEN"
        out.append(
            f"request #{q['id']} {q['org_name']} {q['document_no']} requested {q['requested_at']}"
            f" — {state}" + (" — LATE" if q["late"] else "")
        )
        for i in q["items"]:
            if i["transferred_code"]:
                end = f"transferred ({i['transferred_code']}, {i['closed_at']})"
            elif i["closed"]:
                end = f"closed ({i['closed_at']}): {i['reason']}"
            else:
                end = "open"
            out.append(f"  item #{i['id']}: {i['what']} — {end}" + (" LATE" if i["late"] else ""))
    return "\n".join(out) if out else "(no requests)"


def inbox_text(d: dict[str, list[dict[str, Any]]]) -> str:
    return (
        "incidents waiting:\n"
        + _table(
            d["incidents"],
            [
                ("id", "#"),
                ("at", "when"),
                ("kind", "kind"),
                ("code", "medium"),
                ("case_no", "case"),
                ("reported_by", "by"),
                ("description", "what"),
            ],
        )
        + "\n\ncourt/procuratorate requests past 3 days (LATE):\n"
        + _table(
            d.get("court_late", []),
            [
                ("id", "#"),
                ("request_id", "request"),
                ("at", "marked"),
                ("case_no", "case"),
                ("org_name", "from"),
                ("document_no", "document"),
                ("requested_at", "requested"),
                ("open_items", "open items then"),
            ],
        )
        + "\n\napprovals waiting:\n"
        + _table(
            d["approvals"],
            [
                ("id", "#"),
                ("requested_at", "when"),
                ("code", "medium"),
                ("case_no", "case"),
                ("reason", "reason"),
                ("requested_by", "by"),
                ("unusable_duplicate", "duplicate"),
                ("doubted_by", "doubted by"),
                ("doubt", "why"),
            ],
        )
        + "\n\nretrieval requests waiting:\n"
        + _table(
            d.get("retrieval_requests", []),
            [
                ("id", "#"),
                ("requested_at", "when"),
                ("code", "medium"),
                ("case_no", "case"),
                ("retriever", "retriever"),
                ("reason", "reason"),
                ("est_usage_hours", "hours"),
                ("requested_by_name", "by"),
            ],
        )
        + "\n\nseized media: incidents waiting:\n"
        + _table(
            d.get("seized_incidents", []),
            [
                ("id", "#"),
                ("at", "when"),
                ("kind", "kind"),
                ("code", "item"),
                ("case_no", "case"),
                ("seizure_id", "seizure"),
                ("description", "what"),
            ],
        )
        + "\n\nseized media: requests waiting:\n"
        + _table(
            d.get("seized_requests", []),
            [
                ("id", "#"),
                ("requested_at", "when"),
                ("kind", "kind"),
                ("case_no", "case"),
                ("seizure_id", "seizure"),
                ("reason", "reason"),
                ("days", "days"),
                ("requested_by_name", "by"),
            ],
        )
    )


def register_text(rows: list[dict[str, Any]]) -> str:
    return _table(
        rows,
        [
            ("id", "#"),
            ("out_at", "out"),
            ("code", "medium"),
            ("case_no", "case"),
            ("retriever", "retriever"),
            ("retriever_unit", "unit"),
            ("reason", "reason"),
            ("est_usage_hours", "hours"),
            ("approver", "approver"),
            ("approved_at", "approved"),
            ("keeper", "keeper"),
            ("returned_at", "returned"),
            ("inspection", "inspection"),
        ],
    )


def audit_text(d: dict[str, Any]) -> str:
    w = d.get("witnesses") or {"ok": True, "checks": [], "problems": []}
    if d["ok"]:
        lines = [
            f"audit chain verified: {d['events']} events, {d['signatures']} signatures, "
            f"{d['rows']} rows",
            f"head {d['head']}",
        ]
    else:
        lines = ["AUDIT VERIFICATION FAILED"]
        if d["first_bad_event"] is not None:
            lines.append(f"first event that does not verify: {d['first_bad_event']}")
        lines += [f"  - {p}" for p in d["problems"]]
    if "witness_summary" in d:
        if not w["ok"]:
            lines.append("WITNESSES DISAGREE WITH THE REGISTER")
        lines.append(d["witness_summary"])
        for ch in w["checks"]:
            lines.append(
                f"  {'agrees' if ch['ok'] else 'DISAGREES'}: {ch['problem'] or ch['name']}"
            )
    return "\n".join(lines)


def demo_dict(info: Any) -> dict[str, Any]:
    from dataclasses import asdict, is_dataclass

    return asdict(info) if is_dataclass(info) and not isinstance(info, type) else dict(info)


def demo_text(d: dict[str, Any]) -> str:
    lines = [
        "demo office created.",
        f"password for everyone: {d.get('password')}",
        "",
        "sign in with one of these badge numbers:",
    ]
    for row in d.get("people", []):
        if isinstance(row, dict):
            lines.append("  " + "  ".join(str(v) for v in row.values()))
        else:
            badge, name, roles, dept = (list(row) + ["", "", "", ""])[:4]
            roles_s = ",".join(roles) if isinstance(roles, list | tuple) else str(roles)
            lines.append(f"  {badge:<8} {_pad(str(name), 10)} {roles_s:<28} {dept}")
    samples = d.get("samples") or d.get("sample_codes")
    if samples:
        lines.append("")
        lines.append("try: keeper --as <keeper badge> scan <code>, with one of:")
        items = samples.items() if isinstance(samples, dict) else enumerate(samples)
        for k, v in items:
            lines.append(f"  {v}   {k}")
    if d.get("recordings_note"):
        lines += ["", str(d["recordings_note"])]
    return "\n".join(lines)


def reads_text(rows: list[dict[str, Any]]) -> str:
    """Who read what (services.reads.report), one reading a line."""
    if not rows:
        return "no readings of your cases in that period"
    lines = []
    for r in rows:
        refs = " ".join(f"{k}={v}" for k, v in sorted(r["refs"].items()))
        cases = ", ".join(r["cases"])
        lines.append(
            f"{r['at']}  {r['name']} ({r['badge']})  {r['what']}"
            + (f"  {refs}" if refs else "")
            + (f"  cases: {cases}" if cases else "")
        )
    return "\n".join(lines)
