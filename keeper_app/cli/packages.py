"""``keeper package CODE --to DIR`` and ``keeper verify-package PATH`` (issue 16).

``keeper --as KEEPER package CODE --to DIR [--from DISC]``: the transfer package of a duplicate
that went to a court or procuratorate, written into a new folder inside DIR; the recordings
are copied from DISC (the mounted duplicate or its read-back) or from Keeper's storage.

``keeper verify-package PATH``: the package checked from its own files (no database, no
sign-in). Exit 0 when everything holds, 1 with every failure named."""

from __future__ import annotations

import sys
from pathlib import Path

from ..services import packages
from .context import AddCommand, Context
from .discs import _settings


def cmd_package(c: Context) -> int:
    return write(c, c.args.code, c.args.to, c.args.source)


def write(c: Context, code: str, to: Path, source: Path | None) -> int:
    """Write the package and say where, with the head and the top-level hash (also for
    ``keeper court-transfer … --package-to DIR``)."""

    def progress(done: int, total: int) -> None:
        if total:
            print(f"copying recordings: {100 * done // total}%", file=sys.stderr, flush=True)

    out = packages.write_package(
        c.session, code, to, _settings(c), source=source, progress=progress
    )
    print(f"package of {out['code']} written: {out['folder']}")
    print(f"  recordings: {out['files']} files, {out['bytes']} bytes")
    print(f"  head of the chain: event {out['head']['seq']} {out['head']['hash']}")
    print(f"  top-level hash (SHA-256 of SHA256SUMS): {out['package_sha256']}")
    return 0


def cmd_verify_package(c: Context) -> int:
    r = packages.verify_package(c.args.path)
    for note in r.notes:
        print(f"  NOTE: {note}")
    if r.ok:
        print(
            f"package of {r.code}: OK — {r.files} files, {r.recordings} recordings, "
            f"{r.signatures} signatures, {r.events} events linked to the head "
            f"(event {r.head[0]} {r.head[1]})"
        )
        return 0
    print(f"package {r.path}: {len(r.problems)} problem(s)")
    for p in r.problems:
        print(f"  FAILED: {p}")
    return 1


def register(add: AddCommand) -> None:
    sp = add(
        "package",
        cmd_package,
        "write the transfer package of a duplicate given to a court/procuratorate (Art. 19)",
    )
    sp.add_argument("code", help="the duplicate's code")
    sp.add_argument(
        "--to", required=True, type=Path, metavar="DIR", help="the folder (e.g. a USB disk)"
    )
    sp.add_argument(
        "--from",
        dest="source",
        type=Path,
        metavar="DISC",
        help="copy the recordings from this folder (the mounted duplicate or its read-back) "
        "instead of Keeper's storage",
    )
    sp.add_argument("--storage-root", help="the recordings' storage folder")
    sp.add_argument("--backup-root", help="the recordings' backup folder")
    sp = add(
        "verify-package",
        cmd_verify_package,
        "check a transfer package from its own files (no database, no sign-in)",
    )
    sp.add_argument("path", type=Path, help="the package's folder")
