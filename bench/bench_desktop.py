"""The counter under a real X server: a USB scanner's keystrokes to the record painted.

Xvfb with openbox, the app as its own process on a demo office (or ``--db FILE``, e.g. the
1,000,000-media ``bench/out/scale.sqlite`` of bench_scan.py, signed in as its K001), and
xdotool as the scanner: each code typed at 6 ms a key, Shift pressed for the copy letter, then
Return — with the focus on the scan log, not the code field. For each scan the time from the
moment xdotool has sent the Return to the moment the app has painted the record (the app's
probe writes the system's monotonic clock; xdotool's return is read on the same clock).
Twice: on a quiet machine, and with a busy process on every core.

Run: ``.venv/bin/python bench/bench_desktop.py [--n 200] [--db FILE --badge B --password P]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from keeper_app.demo import DEMO_PASSWORD  # noqa: E402
from tests.desktop.harness import (  # noqa: E402
    KEEPER,
    KEYSYMS,
    App,
    CpuLoad,
    Display,
    _wait,
    copy_db,
    make_demo,
    media_codes,
)


def pct(xs: list[float], p: float) -> float:
    return xs[min(len(xs) - 1, int(len(xs) * p))]


def run(app: App, codes: list[str], warm: int) -> list[float]:
    lat: list[float] = []
    for i, code in enumerate(codes):
        before = len(app.events("painted"))
        keys = [KEYSYMS.get(ch, ch) for ch in code] + ["Return"]
        subprocess.run(["xdotool", "key", "--delay", "6", *keys], env=app.env, check=True)
        sent = time.monotonic()
        _wait(lambda b=before: len(app.events("painted")) > b, 30, f"scan {i} painted", 0.002)
        painted = app.events("painted")[before]["t"]
        if i >= warm:
            lat.append((painted - sent) * 1000)
    got = [e["text"] for e in app.events("counter")][-len(codes) :]
    if got != codes:
        raise SystemExit("scans lost or out of order")
    return sorted(lat)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--db", type=Path)
    ap.add_argument("--badge", default=KEEPER)
    ap.add_argument("--password", default=DEMO_PASSWORD)
    a = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="keeper-bench-desktop-"))
    display = Display()
    try:
        src = a.db or make_demo(tmp)
        db = tmp / "office.sqlite"
        copy_db(src, db)
        pool = media_codes(db, 5000)
        codes = [pool[(i * 7919) % len(pool)] for i in range(a.n + 20)]
        app = App(display.name, db, tmp / "home")
        try:
            app.sign_in(a.badge, a.password)
            app.click("scan_log")  # the focus anywhere but the code field
            quiet = run(app, codes, 20)
            with CpuLoad():
                loaded = run(app, codes, 20)
        finally:
            app.close()
    finally:
        display.stop()
    print(
        f"== counter under Xvfb + openbox, {db.stat().st_size / 1e6:.1f} MB database, "
        f"{os.cpu_count()} cores"
    )
    for name, lat in (("quiet", quiet), ("every core busy", loaded)):
        print(
            f"scanner Return -> record painted ({name}): median {statistics.median(lat):.1f} ms,"
            f" p95 {pct(lat, 0.95):.1f} ms, p99 {pct(lat, 0.99):.1f} ms, max {lat[-1]:.1f} ms "
            f"(n={len(lat)}, target p99 <= 50 ms)"
        )
    print(f"load average: {os.getloadavg()[0]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
