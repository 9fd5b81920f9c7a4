"""The real app on a real X server, driven from outside as a keeper and a USB scanner would
(used by the desktop tests and by bench/bench_desktop.py).

Xvfb with a window manager (openbox), the app as its own process (``python -m keeper_app
gui`` on a copy of a demo office), xdotool for the keyboard and the mouse — a scanner is
``xdotool type --delay 6 CODE`` + Return, pressing Shift for every capital just as a HID
scanner does. What the app did is read back through its probe (``keeper_app/ui/probe.py``:
events and a state snapshot), through the database file, and through /proc/locks.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from keeper_app.demo import DEMO_PASSWORD

KEYSYMS = {"-": "minus", " ": "space", ".": "period", "_": "underscore", "~": "asciitilde"}
KEEPER = "010231"  # 刘芳, keeper, in the demo office
HANDLER = "010411"  # 杨帆, case handler (drug squad)
ROOT = Path(__file__).resolve().parents[2]
SHOTS = (
    Path(os.environ.get("KEEPER_DESKTOP_SHOTS", ""))
    if os.environ.get("KEEPER_DESKTOP_SHOTS")
    else None
)

for tool in ("Xvfb", "openbox", "xdotool", "xprop", "import"):
    if shutil.which(tool) is None:  # CI installs them (scripts/install-deps.sh): never skip
        raise RuntimeError(f"{tool} is missing: run scripts/install-deps.sh")


def _wait(pred: Any, timeout: float, what: str, step: float = 0.05) -> Any:
    end = time.monotonic() + timeout
    while True:
        v = pred()
        if v:
            return v
        if time.monotonic() > end:
            raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")
        time.sleep(step)


class Display:
    """Xvfb with openbox on a free display number; ``stop()`` ends both."""

    def __init__(self) -> None:
        r, w = os.pipe()
        self.xvfb = subprocess.Popen(
            ["Xvfb", "-displayfd", str(w), "-screen", "0", "1440x960x24", "-nolisten", "tcp"],
            pass_fds=(w,),
            stderr=subprocess.DEVNULL,
        )
        os.close(w)
        with os.fdopen(r) as fh:
            number = fh.readline().strip()
        self.name = f":{number}"
        env = {**os.environ, "DISPLAY": self.name}
        self.wm = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )

        def wm_running() -> bool:
            out = subprocess.run(
                ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"],
                env=env,
                capture_output=True,
                text=True,
            ).stdout
            return "window id" in out

        _wait(wm_running, 20, "the window manager")

    def stop(self) -> None:
        for p in (self.wm, self.xvfb):
            p.terminate()
            try:
                p.wait(10)
            except subprocess.TimeoutExpired:
                p.kill()


def make_demo(folder: Path) -> Path:
    db = folder / "demo.sqlite"
    subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(db), "demo"],
        check=True,
        capture_output=True,
        cwd=ROOT,
    )
    return db


def copy_db(src: Path, dst: Path) -> None:
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    a.close()
    b.close()
    os.chmod(dst, 0o600)


class App:
    """One running Keeper on the test's X server."""

    def __init__(
        self,
        display: str,
        db: Path | None,
        home: Path,
        settings: dict[str, str] | None = None,
    ):
        """``db``: the office file given with --db; None: no --db, the desk's settings
        (``settings``, e.g. ``{"db/server": URL}``) say where the office is."""
        self.display, self._db, self.home = display, db, home
        self.probe = home / "probe"
        config = home / "config" / "Keeper"
        config.mkdir(parents=True, exist_ok=True)
        lines = ["[ui]", "language=zh_CN", "[backup]", "interval_hours=0"]
        for section_key, value in (settings or {}).items():
            section, key = section_key.split("/")
            lines += [f"[{section}]", f"{key}={value}"]
        (config / "keeper.conf").write_text("\n".join(lines) + "\n", encoding="utf-8")
        self.env = {
            **os.environ,
            "DISPLAY": display,
            "QT_QPA_PLATFORM": "xcb",
            "KEEPER_PROBE": str(self.probe),
            "HOME": str(home),
            "XDG_CONFIG_HOME": str(home / "config"),
            "XDG_DATA_HOME": str(home / "data"),
            "XDG_CACHE_HOME": str(home / "cache"),
            "XDG_RUNTIME_DIR": str(home / "run"),
            "KEEPER_STATE_DIR": str(home / "state"),
        }
        self.env.pop("KEEPER_DB", None)  # only what this desk is given
        (home / "run").mkdir(mode=0o700, exist_ok=True)
        self.log = (home / "app.log").open("wb")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-X",
                "faulthandler",
                "-m",
                "keeper_app",
                *(["--db", str(db)] if db is not None else []),
                "gui",
            ],
            env=self.env,
            cwd=ROOT,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )

    @property
    def db(self) -> Path:
        """The office file this desk was started on."""
        if self._db is None:
            raise AttributeError("this desk works on its settings' office server, not a file")
        return self._db

    # ------------------------------------------------------------------ reading
    def state(self, timeout: float = 20) -> dict[str, Any]:
        target = self.probe / "state.json"
        target.unlink(missing_ok=True)
        self.probe.mkdir(parents=True, exist_ok=True)
        (self.probe / "request").write_text("")
        _wait(lambda: target.exists() or self.proc.poll() is not None, timeout, "a state")
        assert self.proc.poll() is None, (
            f"the app exited ({self.proc.returncode}): {self.log_text()}"
        )
        return json.loads(target.read_text(encoding="utf-8"))

    def events(self, kind: str | None = None) -> list[dict[str, Any]]:
        f = self.probe / "events.jsonl"
        if not f.exists():
            return []
        text = f.read_text(encoding="utf-8")
        lines = text.split("\n")[:-1]  # a last line without its newline is still being written
        out = [json.loads(line) for line in lines if line]
        return [e for e in out if kind is None or e["event"] == kind]

    def wait_window(self, name: str, timeout: float = 30) -> dict[str, Any]:
        def found() -> dict[str, Any] | None:
            for w in self.state()["windows"]:
                if w["name"] == name or w["class"] == name:
                    return w
            return None

        return _wait(found, timeout, f"window {name}", step=0.2)

    def named(self, name: str, timeout: float = 20) -> dict[str, Any]:
        return _wait(lambda: self.state()["named"].get(name), timeout, f"widget {name}", 0.2)

    def log_text(self) -> str:
        self.log.flush()
        return (self.home / "app.log").read_text(errors="replace")[-4000:]

    # ------------------------------------------------------------------ acting
    def xdo(self, *args: str) -> None:
        subprocess.run(["xdotool", *args], env=self.env, check=True)

    def type(self, text: str, delay_ms: int = 60) -> None:
        self.xdo("type", "--delay", str(delay_ms), "--", text)

    def key(self, *keys: str) -> None:
        self.xdo("key", "--delay", "40", *keys)

    def scan(self, *codes: str, delay_ms: int = 6) -> None:
        """A USB scanner: each code at scanner speed, ended with Return, in one xdotool run.
        (``xdotool key`` presses Shift for a capital, as a HID scanner does; a newline typed
        by ``xdotool type`` would be Linefeed, not the Return a scanner sends.)"""
        keys: list[str] = []
        for c in codes:
            keys += [KEYSYMS.get(ch, ch) for ch in c] + ["Return"]
        self.xdo("key", "--delay", str(delay_ms), *keys)

    def click(self, name: str, timeout: float = 30) -> None:
        w = _wait(
            lambda: (x := self.state()["named"].get(name)) and x["enabled"] and x,
            timeout,
            f"{name} shown and enabled",
            0.2,
        )
        self.xdo("mousemove", "--sync", str(w["x"]), str(w["y"]), "click", "1")

    def click_tab(self, text: str) -> None:
        tab = next(t for t in self.state()["tabs"] if t["text"].startswith(text))
        self.xdo("mousemove", "--sync", str(tab["x"]), str(tab["y"]), "click", "1")

    def activate(self, window: dict[str, Any]) -> None:
        self.xdo("windowactivate", "--sync", str(window["wid"]))

    def screenshot(self, window: dict[str, Any], name: str) -> Path | None:
        """One window (not the root: xwd -root renders Qt dialogs black on some setups)."""
        if SHOTS is None:
            return None
        SHOTS.mkdir(parents=True, exist_ok=True)
        out = SHOTS / f"{name}.png"
        subprocess.run(
            ["import", "-window", str(window["wid"]), str(out)], env=self.env, check=True
        )
        return out

    def sign_in(self, badge: str = KEEPER, password: str = DEMO_PASSWORD) -> dict[str, Any]:
        w = self.wait_window("sign_in")
        self.activate(w)
        _wait(
            lambda: self.state()["named"].get("sign_in_button", {}).get("enabled"),
            60,
            "the database check before sign-in",
            0.3,
        )
        self.click("badge")
        self.type(badge)
        self.key("Tab")
        self.type(password)
        self.key("Return")
        main = self.wait_window("main_window")
        _wait(lambda: self.state()["active"] == "main_window", 20, "the main window active", 0.2)
        return main

    def close(self) -> None:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.log.close()


def media_codes(db: Path, n: int, **where: str) -> list[str]:
    cond = " AND ".join(f"{k} = ?" for k in where) or "1"
    con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = con.execute(
            f"SELECT code FROM media WHERE {cond} ORDER BY code LIMIT ?", (*where.values(), n)
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


class CpuLoad:
    """A busy process per core, for the scans under load."""

    def __enter__(self) -> CpuLoad:
        self.procs = [
            subprocess.Popen([sys.executable, "-c", "while True: pass"])
            for _ in range(os.cpu_count() or 2)
        ]
        return self

    def __exit__(self, *exc: object) -> None:
        for p in self.procs:
            p.kill()
            p.wait()
