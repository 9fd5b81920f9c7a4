"""xorriso: drive addresses, command lines, its messages and exit codes, and the burn job.

xorriso's habits that matter here:

- ``-abort_on FAILURE`` is the first argument (it only acts pre-emptively there); an abort
  exits 5. ``-return_with SORRY 32``: a lesser problem lets the run go on but exits 32. A
  signal exits 1. Anything but 0 is a disc that does not count.
- ``-md5 on`` must come before ``-indev``/``-outdev``, else the image carries no MD5s.
- Messages come on *both* streams: results (``Image size``, ``Media space``) on stdout,
  ``xorriso : SEVERITY : text`` events and the ``Writing: ... NN.N%`` pacifier on stderr.
- ``-print_size -tell_media_space`` (then ``-rollback_end``) tells the image size and the free
  space of the medium before anything is written, so a too-small disc is refused up front.
- A file-backed drive is ``stdio:/path/disc.iso``; its "media space" is the free space of the
  file system holding it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import threading
from dataclasses import dataclass, field
from pathlib import Path

from . import BurnError
from .jobs import JobResult, JobState, Preparation, ProcessJob, Progress
from .layout import DiscLayout

XORRISO = "xorriso"
BLOCK = 2048

EXIT_OK = 0
EXIT_SIGNAL = 1
EXIT_ABORT = 5
EXIT_PROBLEM = 32

SEVERITIES = (
    "ALL",
    "DEBUG",
    "UPDATE",
    "NOTE",
    "HINT",
    "WARNING",
    "SORRY",
    "MISHAP",
    "FAILURE",
    "FATAL",
    "ABORT",
    "NEVER",
)
_EVENT = re.compile(r"^(xorriso|libburn|libisofs|libisoburn|libburnia)\s*:\s*([A-Z]+)\s*:\s*(.*)$")
# numbers as xorriso writes them (a lone "." or "1.2.3" is not one; no 5000-digit ints)
_WRITING = re.compile(r"Writing:\s+(\d+)s\s+(\d{1,9}(?:\.\d{1,9})?)%")
_CDRECORD = re.compile(r"(\d{1,15})\s+of\s+(\d{1,15})\s+MB written")
_MKISOFS = re.compile(r"(\d{1,9}(?:\.\d{1,9})?)%\s+done")
_RESULT = re.compile(
    r"^(Image size|Media space|After commit|Media status|Media current|"
    r"Media summary|Volume id|Drive current)\s*:\s*(.*)$"
)
_SECTORS = re.compile(r"^(-?\d{1,18})s\b")


def severity_rank(name: str) -> int:
    return SEVERITIES.index(name) if name in SEVERITIES else -1


@dataclass(frozen=True)
class Drive:
    """A drive as xorriso addresses it: an optical drive (``/dev/sr0``) or a file-backed
    pseudo drive (``stdio:/path/disc.iso``)."""

    address: str

    @classmethod
    def parse(cls, text: str) -> Drive:
        t = (text or "").strip()
        if not t:
            raise BurnError("no_drive", "no drive given")
        if t.startswith("stdio:"):
            path = t[6:]
            if not path:
                raise BurnError("no_drive", "stdio: needs a file path, e.g. stdio:/tmp/disc.iso")
            return cls("stdio:" + os.path.abspath(path))
        if t.startswith("mmc:"):
            return cls(t)
        if not t.startswith("/dev/"):
            raise BurnError(
                "no_drive", f"{t!r} is not a drive: give /dev/sr0 or stdio:/path/file.iso"
            )
        return cls(t)

    @property
    def is_file(self) -> bool:
        return self.address.startswith("stdio:")

    @property
    def path(self) -> Path:
        a = self.address
        return Path(a[6:] if a.startswith("stdio:") else a[4:] if a.startswith("mmc:") else a)

    def __str__(self) -> str:
        return self.address


@dataclass
class Event:
    source: str
    severity: str
    text: str


@dataclass
class XorrisoOutput:
    """What a run said: result lines, events by severity, and the figures we use."""

    results: dict[str, str] = field(default_factory=dict)
    events: list[Event] = field(default_factory=list)
    completed: bool = False
    raw: list[str] = field(default_factory=list)

    def feed(self, line: str) -> Progress | None:
        line = line.rstrip()
        self.raw.append(line)
        m = _EVENT.match(line)
        if m:
            src, sev, text = m.groups()
            if sev != "UPDATE":
                self.events.append(Event(src, sev, text))
            return parse_progress(text)
        m = _RESULT.match(line)
        if m:
            self.results[m.group(1)] = m.group(2).strip()
        elif line.startswith("Writing to ") and "completed successfully" in line:
            self.completed = True
        return None

    def sectors(self, key: str) -> int | None:
        m = _SECTORS.match(self.results.get(key, ""))
        return int(m.group(1)) if m else None

    def worst(self, at_least: str = "SORRY") -> Event | None:
        bad = [e for e in self.events if severity_rank(e.severity) >= severity_rank(at_least)]
        return max(bad, key=lambda e: severity_rank(e.severity)) if bad else None

    def first(self, at_least: str = "SORRY") -> Event | None:
        for e in self.events:
            if severity_rank(e.severity) >= severity_rank(at_least):
                return e
        return None

    @property
    def media_status(self) -> str:
        return self.results.get("Media status", "")

    @property
    def media_current(self) -> str:
        return self.results.get("Media current", "")


def parse_progress(text: str) -> Progress | None:
    """The fraction done from a pacifier line in any of xorriso's three formats."""
    m = _WRITING.search(text)
    if m:
        return Progress(min(float(m.group(2)) / 100.0, 1.0), f"{float(m.group(2)):.1f}% written")
    m = _CDRECORD.search(text)
    if m and int(m.group(2)) > 0:
        return Progress(min(int(m.group(1)) / int(m.group(2)), 1.0), text.strip())
    m = _MKISOFS.search(text)
    if m:
        return Progress(min(float(m.group(1)) / 100.0, 1.0), text.strip())
    return None


def classify_failure(out: XorrisoOutput, returncode: int) -> tuple[str, str]:
    """(code, message) for a failed run, from the events it reported."""
    texts = " | ".join(e.text for e in out.events).lower()
    ev = out.first("FAILURE") or out.worst("SORRY")
    said = f": {ev.text}" if ev else ""
    if (
        "cannot acquire drive" in texts
        or "no such file or directory" in texts
        or "failed to open device" in texts
        or "not a known drive" in texts
    ):
        return "no_drive", f"the drive cannot be opened{said}"
    if "is not present" in texts or "no media" in texts or "no medium" in texts:
        return "no_disc", "there is no disc in the drive"
    if "exceeds free space" in texts or "not enough space" in texts or "would exceed" in texts:
        return "too_small", f"the disc is too small for the recordings{said}"
    if "write" in texts and ("error" in texts or "fail" in texts) or "burn run failed" in texts:
        return "write_error", f"writing the disc failed{said}"
    if returncode == EXIT_SIGNAL:
        return "interrupted", "xorriso was stopped by a signal"
    return "burn_failed", f"xorriso failed (exit {returncode}){said}"


def head(md5: bool = True) -> list[str]:
    """The start of every command line: thresholds first (``-abort_on`` works pre-emptively
    only as the first argument), ``-md5 on`` before any ``-indev``/``-outdev``."""
    argv = [
        XORRISO,
        "-abort_on",
        "FAILURE",
        "-return_with",
        "SORRY",
        str(EXIT_PROBLEM),
        "-report_about",
        "UPDATE",
        "-disk_pattern",
        "off",
        "-iso_rr_pattern",
        "off",
    ]
    if md5:
        argv += ["-md5", "on"]
    return argv


def image_options(volume: str) -> list[str]:
    """ISO 9660 (level 3: recordings over 4 GiB), Joliet with long names, Rock Ridge."""
    return [
        "-volid",
        volume,
        "-joliet",
        "on",
        "-rockridge",
        "on",
        "-compliance",
        "iso_9660_level=3:joliet_long_names",
        "-pacifier",
        "interval=0.5",
    ]


def size_command(drive: Drive, layout: DiscLayout, manifest: Path, label: Path) -> list[str]:
    """Media status, image size and media space; writes nothing (``-rollback_end``)."""
    return (
        head()
        + ["-outdev", drive.address]
        + image_options(layout.volume_id)
        + layout.map_args(manifest, label)
        + ["-print_size", "-tell_media_space", "-rollback_end"]
    )


def burn_command(drive: Drive, layout: DiscLayout, manifest: Path, label: Path) -> list[str]:
    """The burn itself. ``-close on`` closes a write-once disc so nothing can be appended."""
    return (
        head()
        + ["-outdev", drive.address]
        + image_options(layout.volume_id)
        + layout.map_args(manifest, label)
        + ["-close", "on", "-commit", "-end"]
    )


class XorrisoJob(ProcessJob):
    """One xorriso run, its messages parsed into :attr:`out` as they come; the one job class
    for xorriso (burning, reading, checking). ``pass_fd``: a pipe end the run writes into
    (``-concat ... /dev/fd/N``); our copy is closed once xorriso has its own, or when it never
    started."""

    program = XORRISO

    def __init__(
        self,
        argv: list[str] | None = None,
        timeout: float | None = None,
        pass_fd: int | None = None,
    ):
        super().__init__()
        self.argv = list(argv or [])
        self.out = XorrisoOutput()
        if timeout is not None:
            self.timeout_seconds = timeout
        self._pass_fd = pass_fd
        self._fd_lock = threading.Lock()

    def prepare(self) -> Preparation:
        return Preparation.ready(self.argv)

    def on_line(self, stream: str, line: str) -> Progress | None:
        return self.out.feed(line)

    def timeout_message(self) -> str:
        return f"the drive did not answer within {self.timeout_seconds:.0f} s"

    def extra_fds(self) -> tuple[int, ...]:
        return () if self._pass_fd is None else (self._pass_fd,)

    def started(self, proc: subprocess.Popen[bytes]) -> None:
        self._close_pass_fd()

    def cleanup(self, result: JobResult) -> None:
        self._close_pass_fd()

    def _close_pass_fd(self) -> None:
        with self._fd_lock:
            fd, self._pass_fd = self._pass_fd, None
        if fd is not None:
            os.close(fd)


def not_installed(result: JobResult) -> bool:
    return result.state == JobState.NOT_STARTED and result.code == "no_program"


def run_quick(argv: list[str], timeout: float = 600.0) -> tuple[int, XorrisoOutput]:
    """A short xorriso run whose output is only parsed (no progress, no cancel); stopped,
    with all it started, after ``timeout`` seconds."""
    job = XorrisoJob(argv, timeout)
    job.grace_seconds = 2.0  # it only reads: nothing to spoil by stopping it
    r = job.run()
    if not_installed(r):
        raise BurnError("no_program", "xorriso is not installed (Debian package xorriso)")
    if r.code == "timeout":
        raise BurnError("drive_timeout", r.message)
    assert r.returncode is not None, r
    return r.returncode, job.out


@dataclass(frozen=True)
class MediaCheck:
    status: str
    media: str
    image_blocks: int
    free_blocks: int

    @property
    def image_bytes(self) -> int:
        return self.image_blocks * BLOCK

    @property
    def free_bytes(self) -> int:
        return self.free_blocks * BLOCK


def _mb(n: int) -> str:
    return f"{n / 1e6:,.1f} MB"


def _private_empty_file(path: Path) -> None:
    """A new empty file at ``path``, 0600, never through a link."""
    try:
        fd = os.open(
            path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o600
        )
    except FileExistsError:
        raise BurnError("output_exists", f"{path} appeared while the burn was prepared") from None
    except OSError as exc:
        raise BurnError("no_drive", f"cannot make the image file {path}: {exc.strerror}") from None
    os.close(fd)


def check_media(drive: Drive, layout: DiscLayout, manifest: Path, label: Path) -> MediaCheck:
    """Is there a blank disc big enough for this layout? Raises :class:`BurnError` with code
    no_drive, no_disc, not_blank or too_small; returns the figures otherwise."""
    if drive.is_file:
        parent = drive.path.parent
        if not parent.is_dir():
            raise BurnError("no_drive", f"the folder of the image file does not exist: {parent}")
    rc, out = run_quick(size_command(drive, layout, manifest, label))
    status, media = out.media_status, out.media_current
    if "not present" in status or "not present" in media:
        raise BurnError("no_disc", f"there is no disc in {drive}: insert a blank disc")
    if status and "blank" not in status:
        raise BurnError(
            "not_blank",
            f"the disc in {drive} is not blank ({status}): insert a "
            "blank disc; Keeper never adds to or overwrites a disc",
        )
    if rc != EXIT_OK and not out.results.get("Image size"):
        code, msg = classify_failure(out, rc)
        raise BurnError(code, msg)
    image, free = out.sectors("Image size"), out.sectors("Media space")
    if image is None or free is None:
        raise BurnError(
            "drive_unreadable",
            f"xorriso did not report the image size and the free space of {drive} (exit {rc})",
        )
    if image > free:
        raise BurnError(
            "too_small",
            f"the recordings need {_mb(image * BLOCK)} but the disc in "
            f"{drive} holds {_mb(free * BLOCK)}: use a bigger disc (DVD-R DL, BD-R) "
            "or fewer recordings",
        )
    return MediaCheck(status, media, image, free)


_BUSY: set[str] = set()
_BUSY_LOCK = threading.Lock()


def _claim(address: str) -> bool:
    """One burner does one job at a time (within this process; xorriso itself locks an
    optical drive against other processes)."""
    with _BUSY_LOCK:
        if address in _BUSY:
            return False
        _BUSY.add(address)
        return True


def _release(address: str) -> None:
    with _BUSY_LOCK:
        _BUSY.discard(address)


class BurnJob(XorrisoJob):
    """Burn one disc. ``prepare()`` stages the manifest and label, checks drive, disc and
    space, and returns the burn command; ``run()`` burns with progress; ``cancel()`` stops it.
    A partial image file that this job created is removed when the burn does not complete."""

    program = XORRISO
    grace_seconds = 15.0  # xorriso asks to "wait the normal burning time before any kill -9"

    def __init__(self, drive: Drive, layout: DiscLayout, staging: Path | None = None):
        super().__init__()
        self.drive = drive
        self.layout = layout
        self._own_staging = staging is None
        self.staging = staging or Path(tempfile.mkdtemp(prefix="keeper-burn-"))
        self.check: MediaCheck | None = None
        self._file_existed = drive.is_file and drive.path.exists()
        self._made_image = False  # the empty private image file made by prepare()
        self._claimed = False
        self.prepared: Preparation | None = None  # the last prepare(), for run(prepared=)

    def prepare(self) -> Preparation:
        if not self._claimed:
            if not _claim(self.drive.address):
                return Preparation.refuse(
                    "drive_busy",
                    f"{self.drive} is busy with another burn; wait until it has finished",
                )
            self._claimed = True
        try:
            if self.drive.is_file and self.drive.path.is_symlink():
                raise BurnError(
                    "output_is_symlink",
                    f"{self.drive.path} is a symbolic link: Keeper does not write a disc "
                    "image through a link (the file it points to is left as it is)",
                )
            self.layout.check_sources()
            manifest, label = self.layout.stage(self.staging)
            self.check = check_media(self.drive, self.layout, manifest, label)
            self._file_existed = (
                self.drive.is_file and self.drive.path.exists() and not self._made_image
            )
            if self.drive.is_file and not self.drive.path.exists():
                # the image holds the recordings: made private (0600) before xorriso writes
                # into it (xorriso keeps the file's mode; it would make it 0644)
                _private_empty_file(self.drive.path)
                self._made_image = True
        except BurnError as exc:
            return Preparation.refuse(exc.code, exc.message)
        self.prepared = Preparation.ready(
            burn_command(self.drive, self.layout, manifest, label),
            f"{_mb(self.check.image_bytes)} onto {self.drive} ({_mb(self.check.free_bytes)} free)",
        )
        return self.prepared

    def on_line(self, stream: str, line: str) -> Progress | None:
        p = self.out.feed(line)
        if p is not None:
            return Progress(p.fraction, p.message, "burn")
        return None

    def interpret(self, returncode: int, cancelled: bool) -> tuple[JobState, str, str]:
        if cancelled:
            return (
                JobState.CANCELLED,
                "cancelled",
                "the burn was cancelled: this disc does "
                "not count (a write-once disc is spoiled; use a new one)",
            )
        if returncode == EXIT_OK and self.out.completed:
            return JobState.DONE, "", f"burned {self.layout.volume_id} on {self.drive}"
        code, msg = classify_failure(self.out, returncode)
        if returncode == EXIT_OK:
            code, msg = "burn_failed", "xorriso ended without confirming the write"
        return JobState.FAILED, code, msg

    def discard(self) -> None:
        """Remove the staged manifest and label and free the drive (also for a job prepared
        but never run)."""
        if self._own_staging:
            shutil.rmtree(self.staging, ignore_errors=True)
        if self._made_image and self.drive.path.is_file():
            try:
                if self.drive.path.stat().st_size == 0:  # made here, never written
                    self.drive.path.unlink()
            except OSError:
                pass
        if self._claimed:
            self._claimed = False
            _release(self.drive.address)

    def cleanup(self, result: JobResult) -> None:
        super().cleanup(result)
        self.discard()
        if (
            not result.ok
            and result.state != JobState.NOT_STARTED
            and self.drive.is_file
            and not self._file_existed
        ):
            try:
                self.drive.path.unlink()
            except OSError:
                pass
