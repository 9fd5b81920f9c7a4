"""A recording's real duration, read with ffprobe, against its interrogation record.

Art. 10: the start and end times in the record agree with those the recording shows;
Art. 14-15: an interruption (recording impossible) is written in the record with its times;
Art. 22(4): the review looks for records whose times disagree with the recording. So the
files of one recording together should last from the recorded start to the recorded end,
less the interruptions; a difference beyond the tolerance is flagged, never accepted silently.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from .jobs import JobState, Preparation, ProcessJob

FFPROBE = "ffprobe"
DEFAULT_TOLERANCE = timedelta(seconds=5)


@dataclass
class FileDuration:
    path: str
    seconds: float | None
    creation_time: str | None = None
    error: str = ""


class FfprobeJob(ProcessJob):
    """ffprobe on one file: its container duration and creation time, as JSON."""

    program = FFPROBE
    grace_seconds = 2.0
    timeout_seconds = 300.0  # reading one file's header: beyond this its disk is hung

    def __init__(self, path: Path):
        super().__init__()
        self.path = Path(path)
        self.stdout: list[str] = []
        self.stderr: list[str] = []

    def prepare(self) -> Preparation:
        if not self.path.is_file():
            return Preparation.refuse("missing_file", f"{self.path} does not exist")
        return Preparation.ready(
            [
                FFPROBE,
                "-v",
                "error",
                "-show_entries",
                "format=duration:format_tags=creation_time",
                "-of",
                "json",
                str(self.path),
            ]
        )

    def on_line(self, stream: str, line: str) -> None:
        (self.stdout if stream == "out" else self.stderr).append(line)
        return None

    def interpret(self, returncode: int, cancelled: bool) -> tuple[JobState, str, str]:
        if cancelled:
            return JobState.CANCELLED, "cancelled", "cancelled"
        if returncode != 0:
            said = self.stderr[-1] if self.stderr else f"exit {returncode}"
            return JobState.FAILED, "unreadable", f"ffprobe cannot read {self.path.name}: {said}"
        return JobState.DONE, "", ""

    def duration(self) -> FileDuration:
        r = self.run()
        if not r.ok:
            msg = (
                r.message
                if r.code != "no_program"
                else "ffprobe is not installed (Debian package ffmpeg)"
            )
            return FileDuration(str(self.path), None, error=msg)
        try:
            fmt = json.loads("\n".join(self.stdout)).get("format", {})
            secs = float(fmt["duration"])
        except (ValueError, KeyError, TypeError):
            return FileDuration(str(self.path), None, error="ffprobe reports no duration")
        return FileDuration(str(self.path), secs, (fmt.get("tags") or {}).get("creation_time"))


def record_duration(
    started: datetime,
    ended: datetime,
    interruptions: Sequence[Mapping[str, Any]],
    parse: Any = None,
) -> timedelta:
    """Recorded start to end, less the parts of the interruptions that fall inside it.
    ``parse`` turns an interruption's stored time into a datetime (timeutil.from_db)."""
    total = ended - started
    spans = []
    for it in interruptions:
        a, b = it.get("start"), it.get("end")
        if not a or not b:
            continue
        a_dt = parse(a) if parse else a
        b_dt = parse(b) if parse else b
        a_dt, b_dt = max(a_dt, started), min(b_dt, ended)
        if b_dt > a_dt:
            spans.append((a_dt, b_dt))
    spans.sort()
    merged: list[tuple[datetime, datetime]] = []
    for a_dt, b_dt in spans:
        if merged and a_dt <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b_dt))
        else:
            merged.append((a_dt, b_dt))
    return total - sum((b_dt - a_dt for a_dt, b_dt in merged), timedelta())


@dataclass
class DurationCheck:
    result: str  # match / mismatch / unreadable
    media: timedelta | None
    record: timedelta
    tolerance: timedelta
    files: list[FileDuration] = field(default_factory=list)
    message: str = ""

    @property
    def difference(self) -> timedelta | None:
        return None if self.media is None else self.media - self.record


def _fmt(td: timedelta) -> str:
    s = td.total_seconds()
    sign = "-" if s < 0 else ""
    s = abs(s)
    return f"{sign}{int(s // 3600)}:{int(s % 3600 // 60):02d}:{s % 60:04.1f}"


def check_durations(
    files: Sequence[Path],
    started: datetime,
    ended: datetime,
    interruptions: Sequence[Mapping[str, Any]],
    parse: Any = None,
    tolerance: timedelta = DEFAULT_TOLERANCE,
) -> DurationCheck:
    record = record_duration(started, ended, interruptions, parse)
    found = [FfprobeJob(Path(f)).duration() for f in files]
    bad = [f for f in found if f.seconds is None]
    if bad or not found:
        return DurationCheck(
            "unreadable",
            None,
            record,
            tolerance,
            found,
            "; ".join(f"{Path(f.path).name}: {f.error}" for f in bad) or "no files",
        )
    media = timedelta(seconds=sum(f.seconds or 0.0 for f in found))
    diff = media - record
    if abs(diff) > tolerance:
        return DurationCheck(
            "mismatch",
            media,
            record,
            tolerance,
            found,
            f"the recording lasts {_fmt(media)} but the record says {_fmt(record)} "
            f"(start to end less interruptions): {_fmt(diff)} apart, more than "
            f"{tolerance.total_seconds():.0f} s (Art. 10, 22(4))",
        )
    return DurationCheck(
        "match",
        media,
        record,
        tolerance,
        found,
        f"the recording lasts {_fmt(media)}, as the record says",
    )
