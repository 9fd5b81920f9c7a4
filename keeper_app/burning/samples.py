"""Short real recordings made with ffmpeg (test picture and a tone), for the demo and the
tests: a real file that ffprobe can measure and xorriso can burn.
:func:`keeper_app.services.storage.add_sample_recordings` makes a few, ingests and registers
them."""

from __future__ import annotations

import shutil
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from . import BurnError
from .jobs import Preparation, ProcessJob

FFMPEG = "ffmpeg"


class FfmpegJob(ProcessJob):
    program = FFMPEG
    grace_seconds = 2.0
    timeout_seconds = 600.0  # a few seconds of test picture take a few seconds to make

    def __init__(self, argv: Sequence[str]):
        super().__init__()
        self.argv = list(argv)

    def prepare(self) -> Preparation:
        if shutil.which(FFMPEG) is None:
            return Preparation.refuse(
                "no_program", "ffmpeg is not installed (Debian package ffmpeg)"
            )
        return Preparation.ready(self.argv)


def make_recording(
    path: Path,
    seconds: float,
    started_at: datetime | None = None,
    title: str = "",
    size: str = "320x240",
    tone_hz: int = 440,
) -> Path:
    """An H.264/AAC MP4 of ``seconds``: ffmpeg's test picture and a sine tone, with the
    recording's start as its creation time."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    when = (started_at or datetime.now(UTC)).astimezone(UTC)
    argv = [
        FFMPEG,
        "-nostdin",
        "-hide_banner",
        "-loglevel",
        "error",
        "-y",
        "-f",
        "lavfi",
        "-i",
        f"testsrc2=size={size}:rate=25:duration={seconds}",
        "-f",
        "lavfi",
        "-i",
        f"sine=frequency={tone_hz}:sample_rate=16000:duration={seconds}",
        "-c:v",
        "libx264",
        "-preset",
        "ultrafast",
        "-pix_fmt",
        "yuv420p",
        "-c:a",
        "aac",
        "-shortest",
        "-metadata",
        f"creation_time={when:%Y-%m-%dT%H:%M:%SZ}",
        "-metadata",
        f"title={title}",
        "-movflags",
        "+faststart",
        str(path),
    ]
    r = FfmpegJob(argv).run()
    if not r.ok:
        raise BurnError(
            r.code or "ffmpeg_failed", r.message or "ffmpeg failed: " + " | ".join(r.tail[-3:])
        )
    return path
