"""The one runner of external programs (keeper_app.burning.jobs.ProcessJob), with real
processes: a hung program is stopped after its timeout together with everything it started
(its whole process group), a cancel stops the whole group, and a job finishes exactly once
however it is run."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from keeper_app.burning import BurnError
from keeper_app.burning.jobs import JobResult, JobState, Preparation, ProcessJob, Progress
from keeper_app.burning.xorriso import run_quick


def group_alive(pgid: int) -> list[int]:
    """The live processes (not zombies) of process group ``pgid``."""
    alive = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        state, pgrp = fields[0], int(fields[2])
        if pgrp == pgid and state not in ("Z", "X"):
            alive.append(int(entry.name))
    return alive


class ShJob(ProcessJob):
    program = "sh"
    grace_seconds = 0.5

    def __init__(self, script: str, timeout: float | None = None):
        super().__init__()
        self.script = script
        if timeout is not None:
            self.timeout_seconds = timeout
        self.lines: list[str] = []
        self.pgids: list[int] = []

    def prepare(self) -> Preparation:
        return Preparation.ready(["sh", "-c", self.script])

    def started(self, proc) -> None:  # type: ignore[no-untyped-def]
        self.pgids.append(proc.pid)  # start_new_session: the group's id is the leader's pid

    def on_line(self, stream: str, line: str) -> Progress | None:
        self.lines.append(line)
        return None


def test_a_hung_program_is_stopped_after_its_timeout_with_its_whole_group() -> None:
    job = ShJob("sleep 100 & sleep 100", timeout=1)
    r = job.run()
    assert r.state == JobState.FAILED and r.code == "timeout", r
    assert "did not finish within 1 s" in r.message
    assert job.timed_out
    assert group_alive(job.pgids[0]) == []  # the background sleep too


def test_cancel_stops_the_whole_group_also_what_does_not_hold_the_output() -> None:
    # neither sleep holds the job's output: only signalling the group reaches them
    job = ShJob("sleep 100 >/dev/null 2>&1 & echo started; exec sleep 100 >/dev/null 2>&1")

    def on_line(stream: str, line: str) -> None:
        job.lines.append(line)
        if line == "started":
            job.cancel()

    job.on_line = on_line  # type: ignore[method-assign,assignment]
    r = job.run()
    assert r.state == JobState.CANCELLED
    assert group_alive(job.pgids[0]) == []


def test_what_a_program_leaves_running_when_it_ends_goes_with_it() -> None:
    job = ShJob("sleep 100 >/dev/null 2>&1 & echo done")
    r = job.run()
    assert r.state == JobState.DONE and job.lines == ["done"]
    assert group_alive(job.pgids[0]) == []


def test_finish_happens_exactly_once_however_the_job_is_run(tmp_path: Path) -> None:
    starts = tmp_path / "starts"
    job = ShJob(f"echo x >> {starts}; echo started; exec sleep 100")
    finished: list[JobResult] = []
    job.on_finished(finished.append)
    running = threading.Event()

    def on_line(stream: str, line: str) -> None:
        if line == "started":
            running.set()

    job.on_line = on_line  # type: ignore[method-assign,assignment]
    results: list[JobResult] = []
    first = threading.Thread(target=lambda: results.append(job.run()))
    first.start()
    running.wait()
    second = threading.Thread(target=lambda: results.append(job.run()))
    second.start()  # while the first run is going: it must not start the program again
    job.cancel()
    first.join()
    second.join()
    results.append(job.run())  # and after the end
    job.cancel()
    late: list[JobResult] = []
    job.on_finished(late.append)  # a callback added after the end is called at once

    assert starts.read_text() == "x\n", "the program was started more than once"
    assert len(finished) == 1 and finished[0].state == JobState.CANCELLED
    assert all(r is finished[0] for r in results) and len(results) == 3
    assert late == finished


def test_a_failing_hook_still_finishes_the_job_once_and_stops_the_program() -> None:
    class Broken(ShJob):
        def started(self, proc) -> None:  # type: ignore[no-untyped-def]
            super().started(proc)
            raise RuntimeError("a bug in a hook")

    job = Broken("sleep 100 & sleep 100")
    cleanups: list[JobResult] = []
    job.cleanup = cleanups.append  # type: ignore[method-assign,assignment]
    with pytest.raises(RuntimeError):
        job.run()
    assert job.result is not None and job.result.state == JobState.FAILED
    assert cleanups == [job.result]  # e.g. a burner's drive is free again
    assert group_alive(job.pgids[0]) == []
    assert job.run() is job.result


def test_a_missing_program_finishes_once_not_started() -> None:
    class Missing(ShJob):
        def prepare(self) -> Preparation:
            return Preparation.ready(["/nonexistent/lp"])

    job = Missing("")
    finished: list[JobResult] = []
    job.on_finished(finished.append)
    r = job.run()
    assert r.state == JobState.NOT_STARTED and r.code == "no_program"
    assert finished == [r] and job.run() is r


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


def test_run_quick_stops_a_hung_drive_read_with_all_it_started(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    # the background sleep's pid, and the shell's, which becomes the foreground sleep
    script = f"sleep 100 & echo $! $$ > {pids}; exec sleep 100"
    with pytest.raises(BurnError) as e:
        run_quick(["sh", "-c", script], timeout=1)
    assert e.value.code == "drive_timeout"
    assert "did not answer within 1 s" in e.value.message
    started = [int(x) for x in pids.read_text().split()]
    assert len(started) == 2
    assert [pid for pid in started if alive(pid)] == []


# ------------------------------------------------------------------ one runner, by the source
RUNNER = Path(__file__).resolve().parents[2] / "keeper_app" / "burning" / "jobs.py"
STARTERS = {
    "subprocess": {
        "run",
        "Popen",
        "call",
        "check_call",
        "check_output",
        "getoutput",
        "getstatusoutput",
    },
    "os": {
        "system",
        "popen",
        "fork",
        "forkpty",
        "posix_spawn",
        "posix_spawnp",
        "execv",
        "execve",
        "execvp",
        "execvpe",
        "execl",
        "execle",
        "execlp",
        "execlpe",
        "spawnv",
        "spawnve",
        "spawnvp",
        "spawnvpe",
        "spawnl",
        "spawnle",
        "spawnlp",
        "spawnlpe",
    },
}


def process_starts(path: Path) -> list[str]:
    """Where ``path`` starts a program other than through ProcessJob."""
    import ast

    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and isinstance(node.func.value, ast.Name)
            and node.func.attr in STARTERS.get(node.func.value.id, ())
        ):
            found.append(f"{path.name}:{node.lineno} {node.func.value.id}.{node.func.attr}()")
        elif isinstance(node, ast.ImportFrom) and node.module in STARTERS:
            found += [
                f"{path.name}:{node.lineno} from {node.module} import {a.name}"
                for a in node.names
                if a.name in STARTERS[node.module]
            ]
    return found


def test_every_external_program_goes_through_the_one_runner() -> None:
    root = RUNNER.parents[2]
    files = sorted((root / "keeper_app").rglob("*.py")) + sorted((root / "printing").rglob("*.py"))
    assert RUNNER in files and process_starts(RUNNER)  # the check sees the runner's own start
    found = [s for f in files if f != RUNNER for s in process_starts(f)]
    assert found == [], "start external programs as a ProcessJob (keeper_app/burning/jobs.py)"
