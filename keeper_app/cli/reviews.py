"""``keeper`` commands of intake's findings and of review submissions (issue 14): what
intake flagged on a recording, a case submitted for review with its recordings (Art. 4, 22),
and a case's review status."""

from __future__ import annotations

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
