"""The `keeper` commands for drives, burning, reading discs back and hard-drive storage:
``drives``, ``burn``, ``verify``, ``ingest``, ``fixity``, ``check-recording``, ``review-list``.
Added to the `keeper` parser by :func:`register`.

Exit codes as for every command: 0 done; 1 refused, or (``verify``, ``check-recording``) a
mismatch found; 2 bad input.
"""

from __future__ import annotations

import argparse
import sys
import threading
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..domain.errors import RuleViolation
from ..timeutil import parse_user
from .context import AddCommand, Context

if TYPE_CHECKING:
    from ..services.storage import StorageSettings


def _settings(c: Context) -> StorageSettings:
    from dataclasses import replace

    from ..services.storage import StorageSettings

    s = StorageSettings.for_database(c.db_path)
    if getattr(c.args, "storage_root", None):
        s = replace(s, storage_root=Path(c.args.storage_root))
    if getattr(c.args, "backup_root", None):
        s = replace(s, backup_root=Path(c.args.backup_root))
    return s


class _Bar:
    """Progress on stderr, one line rewritten in place (a new line when not a terminal)."""

    def __init__(self) -> None:
        self.tty = sys.stderr.isatty()
        self.last = ""

    def __call__(self, p: Any) -> None:
        pct = "" if p.fraction is None else f"{p.fraction * 100:5.1f}% "
        line = f"{pct}{p.message}"
        if line == self.last:
            return
        self.last = line
        if self.tty:
            print(f"\r{line[:100]:<100}", end="", file=sys.stderr, flush=True)
        elif p.fraction is None or int(p.fraction * 100) % 10 == 0:
            print(line, file=sys.stderr)

    def done(self) -> None:
        if self.tty and self.last:
            print(file=sys.stderr)


def _in_thread(work: Callable[[], Any], cancel: Callable[[], None]) -> Any:
    """Run ``work`` in a thread; Ctrl-C cancels it (really stops the burn) and waits."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = work()
        except BaseException as exc:  # handed to the main thread
            box["error"] = exc

    t = threading.Thread(target=target, name="keeper-job")
    t.start()
    try:
        while t.is_alive():
            t.join(0.2)
    except KeyboardInterrupt:
        print("\ncancelling: stopping the drive...", file=sys.stderr)
        cancel()
        t.join()
    if "error" in box:
        raise box["error"]
    return box.get("value")


# --------------------------------------------------------------------- commands
def cmd_drives(c: Context) -> int:
    from ..devices import DeviceError, snapshot

    try:
        snap = snapshot()
    except DeviceError as exc:
        print(f"cannot list drives: {exc}", file=sys.stderr)
        return 2
    c.out(snap.to_dict(), _drives_text)
    return 0


def _drives_text(d: dict[str, Any]) -> str:
    lines = ["Optical drives:"]
    for dr in d["drives"] or []:
        disc = dr["disc"]
        if disc is None:
            what = "no disc"
        elif disc["state"] == "blank":
            what = f"blank {disc['media_type']}"
        else:
            what = (
                f"{disc['media_type']} {disc['state']}, {disc['fs_type'] or 'no file system'}"
                + (f", volume {disc['label']}" if disc["label"] else "")
                + (f" = Keeper disc {dr['keeper_code']}" if dr["keeper_code"] else "")
            )
        burns = ", ".join(dr["writes"]) or "reads only"
        lines.append(f"  {dr['devnode']}  {dr['name']}  ({burns})  {what}")
    if not d["drives"]:
        lines.append("  (none)")
    lines.append("USB disks:")
    for u in d["usb_disks"] or []:
        lines.append(f"  {u['devnode']}  {u['name']}  {u['size_bytes'] / 1e9:,.1f} GB")
        for p in u["partitions"]:
            lines.append(
                f"    {p['devnode']}  {p['fs_type'] or '?'}  {p['label']}  "
                f"{p['size_bytes'] / 1e9:,.1f} GB"
                + (f"  mounted at {p['mountpoint']}" if p["mountpoint"] else "")
            )
    if not d["usb_disks"]:
        lines.append("  (none)")
    return "\n".join(lines)


def cmd_burn(c: Context) -> int:
    from ..services.burning import PairBurn

    a = c.args
    drives = a.drive or []
    if len(drives) == 1 and not sys.stdin.isatty():
        raise RuleViolation(
            "one_drive",
            "with one drive the duplicate goes on the next disc, "
            "which needs someone at the drive: give a second --drive, or run "
            "keeper burn in a terminal",
        )

    def ask_next(role: str, drive: str, problem: str) -> bool:
        bar.done()
        if problem:
            print(f"that disc cannot be used: {problem}", file=sys.stderr)
        try:
            answer = input(
                f"Take the original out of {drive}, put in a blank disc for the "
                f"{role}, then press Enter (or type q to cancel): "
            )
        except EOFError:
            return False
        return answer.strip().lower() not in ("q", "quit", "n", "no")

    bar = _Bar()
    burn = PairBurn(
        c.session,
        a.recording,
        drives,
        _settings(c),
        disc_type=a.disc_type,
        ask_next_disc=ask_next,
        progress=bar,
    )
    print(f"burning: {burn.prepare()}", file=sys.stderr)
    try:
        result = _in_thread(burn.run, burn.cancel)
    finally:
        bar.done()
    data = {
        "original": result.original,
        "duplicate": result.duplicate,
        "burned_at": str(result.burned_at),
        "verified": {k: v.summary() for k, v in result.reports.items()},
    }
    c.out(
        data,
        lambda d: (
            f"pair registered: original {d['original']}, duplicate "
            f"{d['duplicate']}; both discs read back and verified. Hand them to the keeper "
            "within 24 hours (Art. 17)."
        ),
    )
    return 0


def cmd_verify(c: Context) -> int:
    from ..services.burning import verify_medium

    a = c.args
    bar = _Bar()
    cancel = threading.Event()
    try:
        check = _in_thread(
            lambda: verify_medium(
                c.session, a.drive, a.purpose, a.expect, bar, cancel, with_md5=a.md5
            ),
            cancel.set,
        )
    finally:
        bar.done()
    c.out(check.to_dict(), _verify_text)
    return 0 if check.ok else 1


def _verify_text(d: dict[str, Any]) -> str:
    r = d["report"]
    who = d["code"] or "(unknown disc)"
    state = "" if not d["registered"] else f" ({d['medium']['copy_role']}, {d['medium']['status']})"
    head = f"{who}{state}: {'MATCH' if d['result'] == 'match' else 'MISMATCH'}"
    lines = [head]
    for what in ("missing", "extra", "changed", "unreadable"):
        for path in r[what]:
            lines.append(f"  {what}: {path}")
    lines += [f"  {p}" for p in r["problems"]]
    if r["read_errors"]:
        lines.append(f"  {r['read_errors']} unreadable sectors")
    lines.append(
        f"  {r['files_checked']} files, {r['bytes_read'] / 1e6:,.1f} MB in {r['seconds']:.1f} s"
    )
    lines.append(_head_line(d.get("head")))
    return "\n".join(lines)


def _head_line(h: dict[str, Any] | None) -> str:
    """The head the disc witnessed at burning, held against the chain."""
    if h is None:
        return "  history: no head witnessed on this disc (burned before heads were witnessed)"
    if h["ok"]:
        return f"  history: the head this disc witnessed (event {h['seq']}) is on the chain"
    return f"  HISTORY DISAGREES: {h['message']}"


def cmd_ingest(c: Context) -> int:
    from ..services.storage import ingest, parse_interruptions, read_record_file

    a = c.args
    rec = read_record_file(Path(a.source))

    def pick(name: str, key: str) -> Any:
        v = getattr(a, name)
        if v is None:
            v = rec.get(key)
        if v in (None, ""):
            raise RuleViolation(
                "missing_field",
                f"--{name.replace('_', '-')} is required (or '{key}' in keeper-record.json)",
            )
        return v

    def when(name: str, key: str) -> Any:
        v = getattr(a, name)
        if v is not None:
            return parse_user(v)
        from ..timeutil import from_db

        raw = pick(name, key)
        try:
            return from_db(str(raw))
        except ValueError:
            return parse_user(str(raw))

    bar = _Bar()
    cancel = threading.Event()
    kw = dict(
        case_no=pick("case", "case_no"),
        person_name=pick("person", "person_name"),
        person_role=pick("role", "person_role"),
        started_at=when("start", "started_at"),
        ended_at=when("end", "ended_at"),
        place=pick("place", "place"),
        interruptions=parse_interruptions(rec.get("interruptions")),
        kind=a.kind or rec.get("kind") or "interrogation",
    )
    try:
        rid, entries = _in_thread(
            lambda: ingest(
                c.session, _settings(c), Path(a.source), progress=bar, cancel=cancel, **kw
            ),
            cancel.set,
        )
    finally:
        bar.done()
    from ..services.storage import intake_report

    found = intake_report(c.session, rid)
    data = {
        "recording_id": rid,
        "files": [asdict(e) for e in entries],
        "flags": found["flags"],
        "duration": found["duration"],
    }

    def human(d: dict[str, Any]) -> str:
        lines = [
            f"recording #{d['recording_id']} stored and backed up, both copies "
            f"verified: " + ", ".join(f["path"] for f in d["files"])
        ]
        if d["duration"] is not None:
            lines.append(f"duration check: {d['duration']['result']}: {d['duration']['message']}")
        lines += [f"FLAG {f['kind']}: {f['message']}" for f in d["flags"]]
        return "\n".join(lines)

    c.out(data, human)
    return 0


def cmd_fixity(c: Context) -> int:
    from ..services.fixity import fixity_report

    rep = fixity_report(c.session, _settings(c))
    c.out(rep.to_dict(), lambda _d: rep.text())
    return 0


def cmd_check_recording(c: Context) -> int:
    from ..services.storage import check_recording

    results = [check_recording(c.session, _settings(c), rid) for rid in c.args.recording]
    c.out(
        results,
        lambda rs: "\n".join(
            f"recording #{r['recording_id']}: {r['result']}: {r['message']}" for r in rs
        ),
    )
    return 0 if all(r["result"] == "match" for r in results) else 1


def cmd_review_list(c: Context) -> int:
    from ..services.storage import review_list

    rows = review_list(c.session)
    c.out(
        rows,
        lambda rs: (
            "\n".join(
                f"case {r['case_no']} recording #{r['recording_id']} {r['person_name']}: "
                f"{r['result']}: {r['details'].get('message', '')}"
                for r in rs
            )
            or "(none)"
        ),
    )
    return 0


# --------------------------------------------------------------------- parser
def _roots(sp: argparse.ArgumentParser) -> None:
    sp.add_argument(
        "--storage-root",
        metavar="DIR",
        help="the dedicated storage of recordings "
        "(default: KEEPER_STORAGE_ROOT, or 'recordings' beside the database)",
    )
    sp.add_argument(
        "--backup-root",
        metavar="DIR",
        help="its backup (default: KEEPER_BACKUP_ROOT, or 'recordings-backup' beside the database)",
    )


def register(add: AddCommand) -> None:
    sp = add("drives", cmd_drives, "optical drives (disc in? type? blank?) and USB disks")
    sp.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    sp = add(
        "burn",
        cmd_burn,
        "burn a verified pair of discs of one person's recordings in "
        "one case, and register it (Art. 17)",
    )
    sp.add_argument(
        "--recording",
        type=int,
        action="append",
        required=True,
        metavar="ID",
        help="a recording id; repeat for several interrogations on one disc",
    )
    sp.add_argument(
        "--drive",
        action="append",
        required=True,
        metavar="DEV",
        help="/dev/sr0 or stdio:/path/disc.iso; twice: original, duplicate",
    )
    sp.add_argument(
        "--disc-type",
        default="DVD-R",
        choices=["CD-R", "DVD-R", "DVD+R", "DVD-R DL", "DVD+R DL", "BD-R"],
    )
    _roots(sp)
    sp = add(
        "verify",
        cmd_verify,
        "read a disc back, identify it and check every file "
        "against the register (exit 1 on any mismatch)",
    )
    sp.add_argument("--drive", required=True, metavar="DEV")
    sp.add_argument("--expect", metavar="CODE", help="the disc that should be in the drive")
    sp.add_argument(
        "--purpose", default="on_demand", choices=["on_demand", "return", "fixity", "burn"]
    )
    sp.add_argument(
        "--md5", action="store_true", help="also let xorriso check the MD5s recorded in the image"
    )
    sp = add(
        "ingest",
        cmd_ingest,
        "store a recording from a folder or USB disk on the "
        "storage device and its backup, verified, and register it (Art. 17)",
    )
    sp.add_argument("source", type=Path)
    sp.add_argument("--case")
    sp.add_argument("--person")
    sp.add_argument("--role", choices=["suspect", "victim", "witness"])
    sp.add_argument("--start", metavar="'YYYY-MM-DD HH:MM:SS'")
    sp.add_argument("--end", metavar="'YYYY-MM-DD HH:MM:SS'")
    sp.add_argument("--place")
    sp.add_argument("--kind", choices=["interrogation", "questioning", "search", "sealing"])
    _roots(sp)
    sp = add("fixity", cmd_fixity, "discs due for a periodic read-back, and failing ones")
    _roots(sp)
    sp = add(
        "check-recording",
        cmd_check_recording,
        "compare recordings' real duration "
        "(ffprobe) with their record (Art. 10, 22(4)); exit 1 on a mismatch",
    )
    sp.add_argument("recording", type=int, nargs="+", metavar="ID")
    _roots(sp)
    add("review-list", cmd_review_list, "recordings whose duration disagrees with the record")
