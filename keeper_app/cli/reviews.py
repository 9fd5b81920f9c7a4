"""``keeper`` commands of issue 14's intake points: what intake flagged on a recording, a
case submitted for review with its recordings (Art. 4, 22) and its review status, the
storage devices as custody items (Art. 16, 17) and a stored recording's export (Art. 19, 21)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .context import AddCommand, Context


def cmd_recording_flags(c: Context) -> int:
    from ..services.storage import intake_report

    reps = [intake_report(c.session, rid) for rid in c.args.recording]

    def human(rs: list[dict[str, Any]]) -> str:
        lines = []
        for r in rs:
            d = r["duration"]
            lines.append(
                f"recording #{r['recording_id']}: duration "
                + ("not checked" if d is None else f"{d['result']}: {d['message']}")
            )
            lines += [f"  FLAG {f['kind']}: {f['message']}" for f in r["flags"]]
        return "\n".join(lines)

    c.out(reps, human)
    return 0


def cmd_submit_for_review(c: Context) -> int:
    from ..services.reviews import submit_for_review

    a = c.args
    sid = submit_for_review(c.session, a.case, a.recording or [], a.to, a.note or "")
    c.out(
        {"submission_id": sid, "case_no": a.case},
        lambda d: f"review submission #{d['submission_id']} of case {d['case_no']} recorded",
    )
    return 0


def cmd_review_status(c: Context) -> int:
    from ..services.reviews import review_status

    st = review_status(c.session, c.args.case)

    def human(d: dict[str, Any]) -> str:
        lines = [f"case {d['case_no']}" + (" (major case)" if d["major"] else "")]
        for sub in d["submissions"]:
            rec = ", ".join(f"#{r}" for r in sub["recordings"]) or "none"
            lines.append(
                f"  {sub['at']} to {sub['submitted_to']} by {sub['by_name']}: recordings {rec}"
            )
        if d["pending"]:
            lines.append(
                "  not yet submitted with the case: "
                + ", ".join(f"#{r}" for r in d["pending"])
                + (" — DUE (Art. 4, 22)" if d["due"] else "")
            )
        return "\n".join(lines)

    c.out(st, human)
    return 0


def cmd_device_add(c: Context) -> int:
    from ..services.storage_devices import register_device

    a = c.args
    did = register_device(c.session, a.label, a.role, a.location, a.keeper, a.serial or "")
    c.out(
        {"device_id": did, "label": a.label},
        lambda d: f"storage device {d['label']} registered (#{d['device_id']})",
    )
    return 0


def cmd_device_move(c: Context) -> int:
    from ..services.storage_devices import move_device

    a = c.args
    mid = move_device(c.session, a.label, a.location, a.keeper, a.note or "")
    c.out(
        {"move_id": mid, "label": a.label, "location": a.location},
        lambda d: f"storage device {d['label']} is now at {d['location']}",
    )
    return 0


def cmd_devices(c: Context) -> int:
    from ..services.storage_devices import devices

    rows = devices(c.session)
    c.out(
        rows,
        lambda rs: (
            "\n".join(
                f"{r['label']} ({r['role']}) at {r['location']}, kept by {r['keeper_name']} "
                f"({r['keeper_badge']}) since {r['since']}"
                for r in rs
            )
            or "(no storage device registered)"
        ),
    )
    return 0


def cmd_export_recording(c: Context) -> int:
    from ..services.storage_devices import export_recording
    from .discs import _settings

    a = c.args
    r = export_recording(c.session, _settings(c), a.recording, Path(a.dest), a.purpose)
    c.out(
        r,
        lambda d: (
            f"recording #{d['recording_id']}: {len(d['files'])} file(s), {d['bytes']} bytes "
            f"copied to {d['destination']}, each checked; the access is recorded"
        ),
    )
    return 0


def cmd_stored_access(c: Context) -> int:
    from ..services.storage_devices import accesses

    rows = accesses(c.session)
    c.out(
        rows,
        lambda rs: (
            "\n".join(
                f"{r['at']} {r['by_name']} ({r['by_badge']}) exported recording "
                f"#{r['recording_id']} of case {r['case_no']} for {r['purpose']} "
                f"to {r['destination']}"
                for r in rs
            )
            or "(none)"
        ),
    )
    return 0


def register(add: AddCommand) -> None:
    sp = add(
        "recording-flags",
        cmd_recording_flags,
        "what intake found about recordings: the same footage twice, a late upload, "
        "the duration check",
    )
    sp.add_argument("recording", type=int, nargs="+", metavar="ID")
    sp = add(
        "submit-for-review",
        cmd_submit_for_review,
        "record that a case went to review with its recordings "
        "(a major case: all of them; Art. 4, 22)",
    )
    sp.add_argument("case")
    sp.add_argument("--recording", type=int, action="append", metavar="ID")
    sp.add_argument("--to", required=True, help="the reviewing department or organ")
    sp.add_argument("--note")
    sp = add("review-status", cmd_review_status, "a case's review submissions and what is due")
    sp.add_argument("case")
    sp = add(
        "storage-device-add",
        cmd_device_add,
        "register a dedicated storage device or its backup, where it is kept and by whom "
        "(Art. 16, 17)",
    )
    sp.add_argument("label")
    sp.add_argument("--role", required=True, choices=["storage", "backup"])
    sp.add_argument("--location", required=True)
    sp.add_argument("--keeper", required=True, metavar="BADGE")
    sp.add_argument("--serial")
    sp = add(
        "storage-device-move",
        cmd_device_move,
        "a storage device moved, or given to another keeper (Art. 16)",
    )
    sp.add_argument("label")
    sp.add_argument("--location", required=True)
    sp.add_argument("--keeper", metavar="BADGE")
    sp.add_argument("--note")
    add("storage-devices", cmd_devices, "the storage devices, where they are, who keeps them")
    sp = add(
        "export-recording",
        cmd_export_recording,
        "copy a stored recording's files out, checked, for an Art. 19 purpose; the access "
        "is recorded (Art. 21)",
    )
    sp.add_argument("recording", type=int, metavar="ID")
    sp.add_argument("dest", metavar="FOLDER")
    sp.add_argument(
        "--purpose",
        required=True,
        choices=["case_handling", "case_review", "supervision", "complaint"],
    )
    sp.add_argument("--storage-root", metavar="DIR")
    sp.add_argument("--backup-root", metavar="DIR")
    add("stored-access", cmd_stored_access, "who exported which stored recording, when, why")
