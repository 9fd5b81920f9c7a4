"""Printing through CUPS with its command-line tools (``lpstat``, ``lp``), the way the keeper's
PC prints everything else. A missing printer, one that rejects jobs, a stopped queue or an
unreachable scheduler each raise :class:`PrintError` with a message that says which.

Labels must come out at their real size: every job is sent with ``-o media=<sheet media>``
and ``-o print-scaling=none`` (without it CUPS fits the page to the printable area and labels
move by 2-6 %).

``server`` (``host:port`` or a socket path) is passed as ``lp -h``; without it the tools use
``CUPS_SERVER`` or the system's scheduler.

Each run of ``lp`` or ``lpstat`` is a :class:`CupsJob`, through Keeper's one runner of external
programs (``keeper_app.burning.jobs.ProcessJob``): a print system that does not answer is given
up on after ``TIMEOUT_S``, with the tool and all it started.
"""

from __future__ import annotations

import os
import re
import shutil
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from keeper_app.burning.jobs import JobState, Preparation, ProcessJob

from .errors import PrintError

TIMEOUT_S = 30.0
FIXED_OPTIONS = {"print-scaling": "none"}


@dataclass(frozen=True)
class Printer:
    name: str
    state: str  # idle, printing, disabled
    accepting: bool
    default: bool = False
    reason: str = ""

    @property
    def ready(self) -> bool:
        return self.accepting and self.state != "disabled"


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["LC_ALL"] = "C"  # the messages are parsed
    env["LANG"] = "C"
    return env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise PrintError(
            "no_cups_tools",
            f"'{name}' is not installed: install the Debian "
            "packages cups-client and cups-bsd to print",
        )
    return path


class CupsJob(ProcessJob):
    """One run of a CUPS command-line tool (``lp``, ``lpstat``) in the C locale (its messages
    are parsed), its output kept; stopped after ``timeout`` seconds."""

    grace_seconds = 2.0

    def __init__(self, argv: Sequence[str], timeout: float = TIMEOUT_S):
        super().__init__()
        self.argv = list(argv)
        self.program = Path(self.argv[0]).name if self.argv else "cups"
        self.timeout_seconds = timeout
        self._out: list[str] = []
        self._err: list[str] = []

    def prepare(self) -> Preparation:
        return Preparation.ready(self.argv)

    def environment(self) -> Mapping[str, str]:
        return _env()

    def on_line(self, stream: str, line: str) -> None:
        (self._out if stream == "out" else self._err).append(line)

    @property
    def stdout(self) -> str:
        return "".join(line + "\n" for line in self._out)

    @property
    def stderr(self) -> str:
        return "".join(line + "\n" for line in self._err)

    @property
    def returncode(self) -> int | None:
        return self.result.returncode if self.result is not None else None


def _run(args: Sequence[str], timeout: float = TIMEOUT_S) -> CupsJob:
    job = CupsJob(args, timeout)
    r = job.run()
    if r.code == "timeout":
        raise PrintError(
            "cups_timeout",
            f"{Path(args[0]).name} did not answer within "
            f"{timeout:.0f} s: the print system is busy or hung",
        )
    if r.state == JobState.NOT_STARTED:
        raise PrintError("no_cups_tools", r.message)
    return job


def _unreachable(text: str) -> bool:
    t = text.lower()
    return any(
        s in t
        for s in (
            "unable to connect",
            "scheduler is not running",
            "bad file descriptor",
            "connection refused",
            "no such file or directory",
            "unable to locate",
        )
    )


def _first_line(text: str) -> str:
    lines = [x.strip() for x in text.splitlines() if x.strip()]
    return lines[0] if lines else ""


def _server_args(server: str | None) -> list[str]:
    return ["-h", server] if server else []


def list_printers(server: str | None = None) -> list[Printer]:
    """The CUPS queues, with their state, whether they accept jobs, and the default."""
    r = _run([_tool("lpstat"), *_server_args(server), "-p", "-a", "-d"])
    out, err = r.stdout, r.stderr
    if r.returncode != 0 and "no destinations added" in (out + err).lower():
        return []
    if r.returncode != 0 or (_unreachable(err) and not out.strip()):
        if _unreachable(err) or _unreachable(out):
            raise PrintError(
                "cups_unreachable",
                "the print system (CUPS) cannot be reached: "
                f"{_first_line(err or out)} — is the cups service running?",
            )
        raise PrintError("lpstat_failed", f"lpstat failed: {(err or out).strip()}")
    states: dict[str, tuple[str, str]] = {}
    accepting: dict[str, bool] = {}
    default = ""
    last = ""
    for line in out.splitlines():
        m = re.match(r"printer (\S+) (?:is (\w+)|now printing \S+|disabled)", line)
        if m:
            last = m.group(1)
            state = (
                "disabled"
                if " disabled" in line.split(" since")[0]
                else ("printing" if "now printing" in line else (m.group(2) or "idle"))
            )
            states[last] = (state, "")
            continue
        m = re.match(r"(\S+) (not )?accepting requests", line)
        if m:
            accepting[m.group(1)] = m.group(2) is None
            last = ""
            continue
        m = re.match(r"system default destination: (\S+)", line)
        if m:
            default = m.group(1)
            continue
        if line.startswith("\t") and last in states and line.strip():
            states[last] = (states[last][0], line.strip())
    names = sorted(set(states) | set(accepting))
    return [
        Printer(
            n,
            states.get(n, ("idle", ""))[0],
            accepting.get(n, False),
            n == default,
            states.get(n, ("", ""))[1],
        )
        for n in names
    ]


def default_printer(server: str | None = None) -> str | None:
    for p in list_printers(server):
        if p.default:
            return p.name
    return None


@dataclass
class LpJob:
    """One print job: :meth:`prepare` checks the file and the printer and builds the command
    line; :meth:`run` submits it and returns the CUPS job id."""

    path: Path
    printer: str
    media: str = "A4"
    options: Mapping[str, str] = field(default_factory=dict)
    title: str = ""
    copies: int = 1
    server: str | None = None
    argv: list[str] = field(default_factory=list)
    timeout: float = TIMEOUT_S  # seconds lp may take to hand the job to CUPS

    def prepare(self) -> list[str]:
        p = Path(self.path)
        if not p.is_file():
            raise PrintError("no_file", f"nothing to print: {p} does not exist")
        with open(p, "rb") as fh:
            if fh.read(5) != b"%PDF-":
                raise PrintError("not_pdf", f"{p} is not a PDF file")
        if not self.printer:
            raise PrintError("no_printer", "choose a printer first")
        if not 1 <= self.copies <= 99:
            raise PrintError("bad_copies", "copies must be 1 to 99")
        printers = {q.name: q for q in list_printers(self.server)}
        q = printers.get(self.printer)
        if q is None:
            known = ", ".join(sorted(printers)) or "none is set up"
            raise PrintError(
                "no_such_printer", f"there is no printer '{self.printer}' (printers: {known})"
            )
        if not q.accepting:
            raise PrintError(
                "printer_rejecting",
                f"printer '{self.printer}' is not accepting "
                f"jobs{': ' + q.reason if q.reason else ''} — an administrator "
                f"must run 'cupsaccept {self.printer}'",
            )
        opts = {"media": self.media, **dict(self.options), **FIXED_OPTIONS}
        argv = [_tool("lp"), *_server_args(self.server), "-d", self.printer, "-n", str(self.copies)]
        if self.title:
            argv += ["-t", self.title]
        for k, v in opts.items():
            if not re.fullmatch(r"[A-Za-z0-9_.-]+", k) or any(ch in str(v) for ch in "\n\r"):
                raise PrintError("bad_option", f"bad print option {k}={v!r}")
            argv += ["-o", f"{k}={v}"]
        argv += ["--", str(p)]
        self.argv = argv
        return argv

    def run(self) -> str:
        argv = self.argv or self.prepare()
        r = _run(argv, self.timeout)
        text = (r.stderr or "") + (r.stdout or "")
        if r.returncode != 0:
            low = text.lower()
            if "not accepting" in low:
                raise PrintError(
                    "printer_rejecting",
                    f"printer '{self.printer}' rejected the job: {text.strip()}",
                )
            if "does not exist" in low or "unknown destination" in low or "not found" in low:
                raise PrintError(
                    "no_such_printer", f"there is no printer '{self.printer}': {text.strip()}"
                )
            if _unreachable(text):
                raise PrintError(
                    "cups_unreachable",
                    f"the print system (CUPS) cannot be reached: {_first_line(text)}",
                )
            raise PrintError("lp_failed", f"printing failed: {text.strip()}")
        m = re.search(r"request id is (\S+)", r.stdout or "")
        if not m:
            raise PrintError("lp_failed", f"lp gave no job id: {text.strip()}")
        return m.group(1)


def print_pdf(
    path: str | Path,
    printer: str,
    options: Mapping[str, str] | None = None,
    *,
    media: str = "A4",
    title: str = "",
    copies: int = 1,
    server: str | None = None,
) -> str:
    """Send a PDF to ``printer`` at its real size; returns the CUPS job id
    (e.g. ``Keeper-12``). Raises :class:`PrintError` saying what went wrong."""
    job = LpJob(Path(path), printer, media, dict(options or {}), title, copies, server)
    job.prepare()
    return job.run()


def job_pending(job_id: str, server: str | None = None) -> bool:
    """Whether the job is still queued or printing."""
    printer = job_id.rsplit("-", 1)[0]
    r = _run([_tool("lpstat"), *_server_args(server), "-o", printer])
    return any(line.split()[:1] == [job_id] for line in r.stdout.splitlines())


def wait_for_job(job_id: str, timeout: float = 60.0, server: str | None = None) -> None:
    """Wait until the job has left the queue; if it is stuck because the printer stopped,
    say so."""
    end = time.monotonic() + timeout
    printer = job_id.rsplit("-", 1)[0]
    while time.monotonic() < end:
        if not job_pending(job_id, server):
            return
        q = {p.name: p for p in list_printers(server)}.get(printer)
        if q is not None and q.state == "disabled":
            raise PrintError(
                "printer_stopped",
                f"printer '{printer}' has stopped"
                f"{': ' + q.reason if q.reason else ''}; job {job_id} waits",
            )
        time.sleep(0.2)
    raise PrintError("job_stuck", f"job {job_id} has not printed after {timeout:.0f} s")
