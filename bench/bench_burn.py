"""Benchmark of issue 5: burning through Keeper against bare xorriso, and reading a disc back
through Keeper against ``openssl dgst -sha256``, each as whole processes.

Run it by hand (``make bench``, or ``nice .venv/bin/python bench/bench_burn.py``); it is not a
test and pytest never collects it. Figures go to stdout and to ``bench/out/bench_burn.json``.

What is measured:

1. **Burn.** A 1 GB set (``--size-mb``; four recordings of random bytes, made once in
   ``bench/out/burnset``) burned to a file-backed drive (``stdio:bench/out/burn.iso``):
   - *bare*: ``xorriso`` with exactly the command line Keeper's :class:`BurnJob` builds (the
     manifest and label staged once beforehand), output to /dev/null;
   - *keeper*: a Python process that builds the layout, runs ``BurnJob.prepare()`` (which
     stages the manifest and label and runs xorriso's ``-print_size -tell_media_space`` check)
     and ``BurnJob.run()`` (xorriso with stdout and stderr read line by line, progress parsed).
   Runs alternate bare/keeper; the image is removed before each; best and median of ``--runs``.
   Target: keeper / bare <= 1.05.
2. **Verification.** The image just burned, read back and every file checked against the
   manifest by a Python process calling :func:`keeper_app.burning.verify.verify_disc`
   (mount-free reader + SHA-256; an image *file* is mapped and its files hashed in parallel,
   one per core, as Keeper does for image files; the in-order reader a block device gets is
   timed too, for information), against ``openssl dgst -sha256`` over the same recordings
   (the source files: the same bytes) and over the whole image. Throughput = payload bytes /
   wall time of the process. Warm (files in the page cache) and cold (the files' cached pages
   dropped with posix_fadvise(DONTNEED) before each run; this touches only these files).
   Target: keeper / openssl >= 0.9.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
OUT = ROOT / "bench" / "out"
CODE = "31012026000001O7"


def _files(folder: Path) -> list[Path]:
    return sorted(folder.glob("rec-*.mp4"))


def make_set(folder: Path, size_mb: int) -> list[Path]:
    stamp = folder / "set.json"
    if stamp.exists() and json.loads(stamp.read_text()).get("size_mb") == size_mb:
        return _files(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for p in _files(folder):
        p.unlink()
    per = size_mb * 1_000_000 // 4
    for i in range(4):
        with open(folder / f"rec-{i + 1}.mp4", "wb") as f:
            left = per
            while left:
                n = min(left, 16 << 20)
                f.write(os.urandom(n))
                left -= n
    stamp.write_text(json.dumps({"size_mb": size_mb}))
    return _files(folder)


def layout_for(files: list[Path]):  # -> DiscLayout
    from keeper_app.burning.layout import DiscFile, DiscLayout

    out = []
    for p in files:
        h = hashlib.sha256()
        with open(p, "rb") as f:
            while chunk := f.read(8 << 20):
                h.update(chunk)
        out.append(DiscFile(f"A2026-001/bench/{p.name}", p, p.stat().st_size, h.hexdigest()))
    return DiscLayout.build(CODE, out, {"medium_code": CODE})


def drop_cache(paths: list[Path]) -> None:
    for p in paths:
        fd = os.open(p, os.O_RDONLY)
        try:
            os.fsync(fd) if os.access(p, os.W_OK) else None
            os.posix_fadvise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
        finally:
            os.close(fd)


def timed(argv: list[str], **kw: object) -> float:
    t0 = time.perf_counter()
    p = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, **kw)  # type: ignore[call-overload]
    dt = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"{argv[:3]} failed ({p.returncode}): {p.stderr[-500:]!r}")
    return dt


# ------------------------------------------------------------------ child processes
def child_burn(set_dir: Path, iso: Path, layout_json: Path) -> None:
    """Keeper's side of the burn: layout, prepare (size check), run (progress parsed)."""
    from keeper_app.burning.layout import DiscFile, DiscLayout
    from keeper_app.burning.xorriso import BurnJob, Drive

    spec = json.loads(layout_json.read_text())
    layout = DiscLayout.build(
        CODE,
        [DiscFile(f["path"], Path(f["source"]), f["size"], f["sha256"]) for f in spec],
        {"medium_code": CODE},
    )
    job = BurnJob(Drive.parse(f"stdio:{iso}"), layout)
    updates = []
    r = job.run(updates.append)
    if not r.ok:
        raise SystemExit(f"burn failed: {r.code} {r.message}")
    print(len(updates))


def child_verify(iso: Path) -> None:
    from keeper_app.burning.verify import verify_disc
    from keeper_app.burning.xorriso import Drive

    rep = verify_disc(Drive.parse(f"stdio:{iso}"))
    if not rep.ok:
        raise SystemExit(f"verification failed: {rep.summary()}")
    print(rep.bytes_read)


def child_verify_in_order(iso: Path) -> None:
    """The reader a block device (/dev/sr0) gets: files in disc order, one reader thread and
    one hasher, no mapping, no parallel files. For information, not the target."""
    from keeper_app.burning.discread import ImageSource
    from keeper_app.burning.layout import MANIFEST_NAME, parse_manifest

    with ImageSource(iso, in_order=True) as src:
        files = src.files()
        mf = next(f for f in files if f.path == MANIFEST_NAME)
        want = {e.path: e.sha256 for e in parse_manifest(src.read_small(mf).decode())}
        got = src.hash_files([f for f in files if f.path in want])
    if any(h.sha256 != want[h.path] for h in got):
        raise SystemExit("verification failed")


# ------------------------------------------------------------------ main
def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--size-mb", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument(
        "--iso-dir",
        type=Path,
        help="where the image is written (default: /dev/shm "
        "when it has room -- a RAM disk, so the figures do not depend on what else "
        "writes to the shared disk -- else bench/out)",
    )
    ap.add_argument(
        "--child", choices=["burn", "verify", "verify-in-order"], help=argparse.SUPPRESS
    )
    ap.add_argument("args", nargs="*", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child == "burn":
        child_burn(Path(a.args[0]), Path(a.args[1]), Path(a.args[2]))
        return 0
    if a.child == "verify":
        child_verify(Path(a.args[0]))
        return 0
    if a.child == "verify-in-order":
        child_verify_in_order(Path(a.args[0]))
        return 0

    from keeper_app.burning.xorriso import Drive, burn_command

    OUT.mkdir(parents=True, exist_ok=True)
    set_dir = OUT / "burnset"
    t0 = time.perf_counter()
    files = make_set(set_dir, a.size_mb)
    payload = sum(p.stat().st_size for p in files)
    print(
        f"set: {len(files)} files, {payload / 1e6:,.0f} MB ({time.perf_counter() - t0:.1f} s "
        "to make or find)"
    )
    layout = layout_for(files)
    spec = OUT / "burnset-layout.json"
    spec.write_text(
        json.dumps(
            [
                {"path": f.path, "source": str(f.source), "size": f.size, "sha256": f.sha256}
                for f in layout.files
            ]
        )
    )
    staging = OUT / "burn-staging"
    manifest, label = layout.stage(staging)
    iso_dir = a.iso_dir
    if iso_dir is None:
        shm = Path("/dev/shm")
        room = shutil.disk_usage(shm).free if shm.is_dir() else 0
        iso_dir = shm if room > 3 * payload else OUT
    iso = iso_dir / f"keeper-bench-{os.getpid()}.iso"
    print(f"image: {iso}")
    bare_argv = burn_command(Drive.parse(f"stdio:{iso}"), layout, manifest, label)
    keeper_argv = [sys.executable, __file__, "--child", "burn", str(set_dir), str(iso), str(spec)]

    bare, keeper = [], []
    for i in range(a.runs):
        for name, argv, sink in (("bare", bare_argv, bare), ("keeper", keeper_argv, keeper)):
            iso.unlink(missing_ok=True)
            if iso_dir != Path("/dev/shm"):
                os.sync()
            dt = timed(argv)
            sink.append(dt)
            print(f"  burn run {i + 1} {name:6s}: {dt:6.2f} s")
    burn_ratio_best = min(keeper) / min(bare)
    burn_ratio_median = statistics.median(keeper) / statistics.median(bare)

    # the check reads an image on the disk (a RAM disk has no "cold" state)
    image_size = iso.stat().st_size
    iso.unlink()
    iso = OUT / "verify.iso"
    iso.unlink(missing_ok=True)
    timed(burn_command(Drive.parse(f"stdio:{iso}"), layout, manifest, label))
    verify_argv = [sys.executable, __file__, "--child", "verify", str(iso)]
    in_order_argv = [sys.executable, __file__, "--child", "verify-in-order", str(iso)]
    ssl_files = ["openssl", "dgst", "-sha256", *map(str, files)]
    ssl_image = ["openssl", "dgst", "-sha256", str(iso)]
    results: dict[str, dict[str, list[float]]] = {}
    for mode in ("warm", "cold"):
        r: dict[str, list[float]] = {
            "keeper": [],
            "keeper_in_order": [],
            "openssl_files": [],
            "openssl_image": [],
        }
        for _ in range(a.runs):
            for name, argv, paths in (
                ("keeper", verify_argv, [iso]),
                ("keeper_in_order", in_order_argv, [iso]),
                ("openssl_files", ssl_files, files),
                ("openssl_image", ssl_image, [iso]),
            ):
                if mode == "cold":
                    drop_cache(paths)
                else:
                    timed(argv)  # warm the cache with the same reads
                r[name].append(timed(argv))
        results[mode] = r
        for name, ts in r.items():
            print(
                f"  verify {mode} {name:15s}: best {min(ts):5.2f} s = "
                f"{payload / 1e6 / min(ts):7.0f} MB/s (median {statistics.median(ts):.2f} s)"
            )

    def ratio(mode: str, against: str) -> float:
        return min(results[mode][against]) / min(results[mode]["keeper"])

    summary = {
        "machine": f"{platform.node()} {platform.machine()} {os.cpu_count()} cpus, "
        f"python {platform.python_version()}",
        "payload_mb": round(payload / 1e6, 1),
        "image_mb": round(image_size / 1e6, 1),
        "image_dir": str(iso_dir),
        "burn_bare_s": [round(x, 3) for x in bare],
        "burn_keeper_s": [round(x, 3) for x in keeper],
        "burn_ratio_best": round(burn_ratio_best, 3),
        "burn_ratio_median": round(burn_ratio_median, 3),
        "verify": {
            m: {k: [round(x, 3) for x in v] for k, v in r.items()} for m, r in results.items()
        },
        "verify_ratio_warm_vs_openssl_files": round(ratio("warm", "openssl_files"), 3),
        "verify_ratio_warm_vs_openssl_image": round(ratio("warm", "openssl_image"), 3),
        "verify_ratio_cold_vs_openssl_files": round(ratio("cold", "openssl_files"), 3),
        "verify_ratio_cold_vs_openssl_image": round(ratio("cold", "openssl_image"), 3),
        "in_order_ratio_warm_vs_openssl_files": round(
            min(results["warm"]["openssl_files"]) / min(results["warm"]["keeper_in_order"]), 3
        ),
    }
    (OUT / "bench_burn.json").write_text(json.dumps(summary, indent=2))
    print("\n== bench_burn summary")
    print(
        f"burn {payload / 1e6:,.0f} MB: keeper/bare = {burn_ratio_best:.3f} (best of "
        f"{a.runs}), {burn_ratio_median:.3f} (median); target <= 1.05"
    )
    for m in ("warm", "cold"):
        print(
            f"verify {m}: keeper throughput / openssl dgst -sha256 = "
            f"{ratio(m, 'openssl_files'):.3f} (same files), "
            f"{ratio(m, 'openssl_image'):.3f} (whole image); target >= 0.9"
        )
    print(
        f"(device reader, in disc order, one hasher: "
        f"{summary['in_order_ratio_warm_vs_openssl_files']:.3f} warm, for information)"
    )
    iso.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
