"""Register pages and label sheets: how long they take and how much memory.

Prints, for 10,000 register rows rendered to PDF (issue #4 targets: <= 1.5 s without drawn
signatures; <= 6 s and <= 300 MB with a drawn signature image on every row):

* no drawn signatures;
* both signatures of every row drawn, 20,000 distinct images, stored as grey PNG (embedded as
  they are — see printing/images.py);
* the same as RGBA PNG with a transparent background (what a Qt ARGB32 pad saves; each image
  is decoded and made grey);

and the time to make one A4 sheet of two disc labels. Each case runs in its own process so
that its peak memory (ru_maxrss, the whole Python process) is its own. The signature images
are read one at a time from a sqlite file while the pages are drawn, as the app reads them.
Files go to bench/out/.
"""

from __future__ import annotations

import io
import json
import random
import resource
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
sys.path.insert(0, str(ROOT))

ROWS = 10_000
NAMES = ["李保管", "赵保管", "张办案", "刘办案", "陈办案", "孙法制", "郑书记员", "欧阳建国"]
UNITS = ["某市公安局刑事侦查大队", "某市公安局禁毒大队", "某市中级人民法院", "某区人民检察院"]
REASONS = ["case_handling", "case_review", "supervision", "complaint"]


def make_rows(drawn: bool) -> list[dict[str, object]]:
    rnd = random.Random(4)
    rows = []
    for i in range(ROWS):
        day, hour = 1 + i % 28, i % 24
        returned = i % 7 != 0
        rows.append(
            {
                "id": i + 1,
                "code": f"3101{2026:04d}{i // 2 + 1:06d}D{'0123456789'[i % 10]}",
                "case_no": f"A2026-{i % 400:03d}",
                "case_name": f"王某{i % 400}故意伤害案",
                "retriever": rnd.choice(NAMES),
                "retriever_badge": f"H{i % 90:03d}",
                "retriever_unit": rnd.choice(UNITS),
                "out_at": f"2026-11-{day:02d} {hour:02d}:{i % 60:02d}:00",
                "reason": REASONS[i % 4],
                "purpose": "",
                "est_usage_hours": 4 + i % 40,
                "approver": "周大队长",
                "keeper": rnd.choice(NAMES[:2]),
                "returned_at": f"2026-11-{day:02d} {(hour + 3) % 24:02d}:{i % 60:02d}:00"
                if returned
                else "",
                "inspection": "intact" if returned else None,
                "verification": "match" if returned else None,
                "returned_by": rnd.choice(NAMES) if returned else None,
                "return_keeper": rnd.choice(NAMES[:2]) if returned else None,
                "sig_retriever_id": 2 * i + 1,
                "sig_retriever_name": rnd.choice(NAMES),
                "sig_retriever_at": f"2026-11-{day:02d} {hour:02d}:{i % 60:02d}:00",
                "sig_retriever_drawn": drawn,
                "sig_keeper_id": 2 * i + 2,
                "sig_keeper_name": rnd.choice(NAMES[:2]),
                "sig_keeper_at": f"2026-11-{day:02d} {hour:02d}:{i % 60:02d}:00",
                "sig_keeper_drawn": drawn,
            }
        )
    return rows


def make_signatures(db: Path, mode: str) -> None:
    """20,000 distinct drawn signatures (about 400 x 130 px, a few strokes) in a sqlite
    file, as PNG: grey (mode L) or RGBA on transparent."""
    from PIL import Image, ImageDraw

    con = sqlite3.connect(db)
    con.execute("CREATE TABLE sig (id INTEGER PRIMARY KEY, png BLOB)")
    rnd = random.Random(7)
    batch = []
    for sid in range(1, 2 * ROWS + 1):
        w, h = rnd.randint(300, 460), rnd.randint(100, 150)
        if mode == "L":
            im = Image.new("L", (w, h), 255)
            ink: object = 0
        else:
            im = Image.new("RGBA", (w, h), (255, 255, 255, 0))
            ink = (20, 20, 20, 255)
        d = ImageDraw.Draw(im)
        for _ in range(3):
            pts = [(rnd.randint(8, w - 8), rnd.randint(8, h - 8)) for _ in range(9)]
            d.line(pts, fill=ink, width=4, joint="curve")  # type: ignore[arg-type]
        buf = io.BytesIO()
        im.save(buf, "PNG", optimize=False)
        batch.append((sid, buf.getvalue()))
        if len(batch) == 1000:
            con.executemany("INSERT INTO sig VALUES (?, ?)", batch)
            batch.clear()
    con.commit()
    con.close()


def case_register(kind: str) -> dict[str, object]:
    from printing import register
    from printing.fonts import ensure_font

    ensure_font()  # loaded once per process, as in the app; timed separately below
    drawn = kind != "plain"
    rows = make_rows(drawn)
    loader = None
    con = None
    if drawn:
        db = OUT / f"signatures-{kind}.sqlite"
        con = sqlite3.connect(db)

        def loader(sig_id: int) -> bytes | None:
            r = con.execute("SELECT png FROM sig WHERE id=?", (sig_id,)).fetchone()  # type: ignore[union-attr]
            return None if r is None else bytes(r[0])

    doc = {
        "rows": rows,
        "filter": {"from": "2026-11-01 00:00:00", "to": "2026-12-01 00:00:00"},
        "audit": {"seq": 123456, "hash": "9f" * 32},
        "unit": "某市公安局",
        "printed_by": "李保管 (K001)",
        "printed_at": "2026-12-01 09:00:00",
    }
    pdf = OUT / f"register-{kind}.pdf"
    pdf.unlink(missing_ok=True)  # Keeper never writes over a file: the last run's goes first
    t0 = time.perf_counter()
    result = register.register_pdf(doc, pdf, load_signature=loader)
    elapsed = time.perf_counter() - t0
    if con is not None:
        con.close()
    return {
        "seconds": elapsed,
        "pages": result.pages,
        "bytes": pdf.stat().st_size,
        "warnings": result.warnings,
    }


def case_labels() -> dict[str, object]:
    from printing.labels import disc_label_pdf

    label = {
        "production_unit": "某市公安局",
        "producer": "张办案",
        "production_time": "2026-11-20 09:00:00",
        "person_interrogated": "王某某",
        "case_name": "王某某故意伤害案",
        "case_number": "A2026-001",
    }
    pair = [
        {
            "code": "31012026000123O" + c,
            "pretty": f"3101-2026-000123-{r[0].upper()}-{c}",
            "copy_role": r,
            "label": label,
        }
        for r, c in (("original", "3"), ("duplicate", "7"))
    ]
    (OUT / "labels-cold.pdf").unlink(missing_ok=True)  # Keeper never writes over a file
    t0 = time.perf_counter()
    disc_label_pdf(pair, OUT / "labels-cold.pdf")
    cold = time.perf_counter() - t0
    times = []
    for i in range(20):
        (OUT / f"labels-{i % 2}.pdf").unlink(missing_ok=True)
        t0 = time.perf_counter()
        disc_label_pdf(pair, OUT / f"labels-{i % 2}.pdf")
        times.append(time.perf_counter() - t0)
    return {"cold_seconds": cold, "warm_seconds": sorted(times)[len(times) // 2]}


def run_case(name: str) -> None:
    t0 = time.perf_counter()
    from printing.fonts import ensure_font

    ensure_font()
    font = time.perf_counter() - t0
    data = case_labels() if name == "labels" else case_register(name)
    data["font_load_seconds"] = font
    data["peak_rss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(data))


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for mode, kind in (("L", "grey"), ("RGBA", "rgba")):
        db = OUT / f"signatures-{kind}.sqlite"
        if not db.exists():
            t0 = time.perf_counter()
            make_signatures(db, mode)
            print(
                f"(made 20,000 {kind} signature PNGs in {time.perf_counter() - t0:.1f} s, "
                f"{db.stat().st_size / 1e6:.1f} MB)"
            )
    results = {}
    for name in ("plain", "grey", "rgba", "labels"):
        r = subprocess.run(
            [sys.executable, __file__, "--case", name],
            capture_output=True,
            text=True,
            check=True,
            cwd=ROOT,
        )
        results[name] = json.loads(r.stdout.strip().splitlines()[-1])
    print(
        f"register, {ROWS:,} rows to PDF (targets: <= 1.5 s plain; <= 6 s and <= 300 MB "
        "with a drawn signature on every row)"
    )
    labels = {
        "plain": "no drawn signatures",
        "grey": "2 drawn signatures per row, grey PNG",
        "rgba": "2 drawn signatures per row, RGBA PNG",
    }
    for name, text in labels.items():
        r = results[name]
        print(
            f"  {text:<40} {r['seconds']:6.2f} s  peak {r['peak_rss_mb']:6.1f} MB  "
            f"{r['pages']} pages, {r['bytes'] / 1e6:.1f} MB PDF"
        )
    r = results["labels"]
    print(
        f"one A4 sheet of 2 disc labels: {r['warm_seconds'] * 1000:.0f} ms "
        f"(first in a process: {r['cold_seconds'] * 1000:.0f} ms); "
        f"loading the CJK font once: {r['font_load_seconds'] * 1000:.0f} ms"
    )


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--case":
        run_case(sys.argv[2])
    else:
        main()
