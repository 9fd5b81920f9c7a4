"""Reading a disc's files: directly from an image file or block device (mount-free, through
:mod:`.isoread`), or through xorriso for an optical drive (``-concat`` into a pipe), so that a
disc just burned is read the way the drive reads it, not from a stale kernel view.

Hashing runs at the machine's limit: one thread reads large chunks (``os.preadv`` into a
small pool of reused buffers, files in the order they lie on the disc, so an optical drive
never seeks back), the other hashes them with ``hashlib.sha256`` (OpenSSL, GIL released), so
reading and hashing overlap.
"""

from __future__ import annotations

import hashlib
import mmap
import os
import queue
import shlex
import stat
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import BurnError
from .isoread import SECTOR, IsoFile, IsoImage
from .jobs import JobResult, Progress, ProgressCallback
from .xorriso import Drive, XorrisoJob, XorrisoOutput, head, not_installed, run_quick

CHUNK = 8 << 20
BUFFERS = 4
RETRY_PIECE = 32 * SECTOR  # after a read error, the chunk is retried in 64 KiB pieces
HASH_THREADS = max(1, min(4, os.cpu_count() or 1))
#: reading through xorriso: the listing may take this long (a drive spinning up, a slow disc)
LIST_TIMEOUT = 600.0
#: and a file this long plus its size at this rate (a CD at 1x reads 150 kB/s): beyond
#: that the drive is hung, and the read stops with xorriso and all it started
READ_TIMEOUT = 600.0
SLOWEST_READ = 150_000


@dataclass
class FileHash:
    path: str
    size: int
    sha256: str | None  # None when the file could not be read through
    bytes_read: int = 0
    error: str = ""
    bad_sectors: int = 0


class DiscSource:
    volume_id: str = ""

    def files(self) -> list[IsoFile]:
        raise NotImplementedError

    def read_small(self, f: IsoFile) -> bytes:
        raise NotImplementedError

    def hash_files(
        self,
        files: Sequence[IsoFile],
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> list[FileHash]:
        raise NotImplementedError

    def close(self) -> None:
        pass

    def __enter__(self) -> DiscSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class _Ticker:
    """Progress at most every 0.2 s: bytes done of the total (thread-safe)."""

    def __init__(self, total: int, cb: ProgressCallback | None):
        self.total, self.cb, self.done, self.last = max(total, 1), cb, 0, 0.0
        self.lock = threading.Lock()

    def add(self, n: int, name: str = "") -> None:
        with self.lock:
            self.done += n
            now = time.monotonic()
            if self.cb is not None and (now - self.last > 0.2 or self.done >= self.total):
                self.last = now
                self.cb(
                    Progress(
                        min(self.done / self.total, 1.0),
                        f"{self.done / 1e6:,.0f} of {self.total / 1e6:,.0f} MB read "
                        f"{name}".rstrip(),
                        "verify",
                    )
                )


class ImageSource(DiscSource):
    """An image file or a block device, read directly."""

    def __init__(
        self, path: str | os.PathLike[str], chunk: int = CHUNK, in_order: bool | None = None
    ):
        """``in_order``: read the files one after the other, in disc order (the default
        for a device); False maps an image file and hashes files in parallel."""
        self.image = IsoImage(path)
        self.volume_id = self.image.volume_id
        self.chunk = max(SECTOR, chunk - chunk % SECTOR)
        self.in_order = (
            not stat.S_ISREG(os.fstat(self.image.fd).st_mode) if in_order is None else in_order
        )

    def close(self) -> None:
        self.image.close()

    def files(self) -> list[IsoFile]:
        return self.image.files()

    def read_small(self, f: IsoFile) -> bytes:
        return self.image.read_file(f)

    def hash_files(
        self,
        files: Sequence[IsoFile],
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> list[FileHash]:
        cancel = cancel or threading.Event()
        if self.in_order or not files:
            return self._hash_streamed(files, progress, cancel)
        return self._hash_mapped(files, progress, cancel)

    def _hash_mapped(
        self, files: Sequence[IsoFile], progress: ProgressCallback | None, cancel: threading.Event
    ) -> list[FileHash]:
        """An image *file*: mapped, no copy; several files hashed at once, one per core
        (an image on a disk or in the page cache does not suffer from parallel reads; an
        optical drive would, so a device is always read in order by :meth:`_hash_streamed`).
        A file that reaches past the end of the image is unreadable (nothing is mapped
        beyond it, so no SIGBUS)."""
        order = sorted(files, key=lambda f: f.first_lba)
        results = [FileHash(f.path, f.size, None) for f in order]
        ticker = _Ticker(sum(f.size for f in order), progress)
        end = os.fstat(self.image.fd).st_size
        if end == 0:
            for r in results:
                r.error = "the image is empty"
            return results
        m = mmap.mmap(self.image.fd, end, prot=mmap.PROT_READ)
        mv = memoryview(m)
        todo: queue.Queue[int] = queue.Queue()
        for i in range(len(order)):
            todo.put(i)

        def work() -> None:
            while not cancel.is_set():
                try:
                    i = todo.get_nowait()
                except queue.Empty:
                    return
                f, r = order[i], results[i]
                h = hashlib.sha256()
                for lba, length in f.extents:
                    a, b = lba * SECTOR, lba * SECTOR + length
                    if b > end:
                        r.error = f"the disc ends at byte {end}, inside this file"
                        r.bad_sectors += (b - max(a, end) + SECTOR - 1) // SECTOR
                        break
                    for at in range(a, b, self.chunk):
                        if cancel.is_set():
                            return
                        stop = min(at + self.chunk, b)
                        if stop < b:
                            m.madvise(
                                mmap.MADV_WILLNEED,
                                stop - stop % mmap.PAGESIZE,
                                min(self.chunk, b - stop),
                            )
                        h.update(mv[at:stop])
                        r.bytes_read += stop - at
                        ticker.add(stop - at)
                if not r.error and r.bytes_read == r.size:
                    r.sha256 = h.hexdigest()

        try:
            m.madvise(mmap.MADV_SEQUENTIAL)
            workers = [
                threading.Thread(target=work, name=f"keeper-hash-{n}", daemon=True)
                for n in range(min(HASH_THREADS, len(order)))
            ]
            for w in workers:
                w.start()
            for w in workers:
                w.join()
        finally:
            mv.release()
            m.close()
        if cancel.is_set():
            raise BurnError("cancelled", "the check was cancelled")
        return results

    def _hash_streamed(
        self, files: Sequence[IsoFile], progress: ProgressCallback | None, cancel: threading.Event
    ) -> list[FileHash]:
        """A device: one reader in disc order, one hasher, overlapped."""
        order = sorted(files, key=lambda f: f.first_lba)
        results = [FileHash(f.path, f.size, None) for f in order]
        free: queue.Queue[bytearray] = queue.Queue()
        for _ in range(BUFFERS):
            free.put(bytearray(self.chunk))
        full: queue.Queue[tuple[int, bytearray | None, int] | None] = queue.Queue()
        ticker = _Ticker(sum(f.size for f in order), progress)
        fd = self.image.fd

        def read_piece(buf: bytearray, n: int, offset: int, r: FileHash) -> int:
            """Read n bytes; on an error, retry in small pieces and count bad sectors."""
            try:
                got = os.preadv(fd, [memoryview(buf)[:n]], offset)
            except OSError as exc:
                r.error = r.error or f"read error at byte {offset}: {exc.strerror}"
                for at in range(0, n, RETRY_PIECE):
                    m = min(RETRY_PIECE, n - at)
                    try:
                        os.preadv(fd, [memoryview(buf)[at : at + m]], offset + at)
                    except OSError:
                        r.bad_sectors += (m + SECTOR - 1) // SECTOR
                return -1
            if got < n:
                r.error = r.error or f"the disc ends at byte {offset + got}, inside this file"
                return -1
            return got

        def reader() -> None:
            try:
                for i, f in enumerate(order):
                    r = results[i]
                    for lba, length in f.extents:
                        offset, left = lba * SECTOR, length
                        while left and not cancel.is_set():
                            n = min(left, self.chunk)
                            buf = free.get()
                            if read_piece(buf, n, offset, r) < 0:
                                free.put(buf)
                                if not r.error.startswith("read error"):
                                    break  # truncated: nothing more to read in this file
                            else:
                                full.put((i, buf, n))
                            offset += n
                            left -= n
                    full.put((i, None, 0))
                    if cancel.is_set():
                        break
            finally:
                full.put(None)

        t = threading.Thread(target=reader, name="keeper-disc-reader", daemon=True)
        t.start()
        hashers = [hashlib.sha256() for _ in order]
        while (item := full.get()) is not None:
            i, buf, n = item
            if buf is None:
                r = results[i]
                if not r.error and r.bytes_read == r.size:
                    r.sha256 = hashers[i].hexdigest()
                continue
            hashers[i].update(memoryview(buf)[:n])
            results[i].bytes_read += n
            free.put(buf)
            ticker.add(n)
        t.join()
        if cancel.is_set():
            raise BurnError("cancelled", "the check was cancelled")
        return results


def _unquote_path(text: str) -> str:
    parts = shlex.split(text)
    return parts[0] if parts else ""


class XorrisoSource(DiscSource):
    """An optical drive (or any xorriso address), read through xorriso. ``timeout``: the
    seconds each xorriso run may take (default: :data:`LIST_TIMEOUT` for the listing, and
    by the file's size for reading one)."""

    def __init__(self, drive: Drive, timeout: float | None = None):
        self.drive = drive
        self.timeout = timeout
        rc, out = run_quick(
            head(md5=False)
            + [
                "-indev",
                drive.address,
                "-find",
                "/",
                "-type",
                "f",
                "-exec",
                "report_sections",
                "--",
            ],
            timeout=LIST_TIMEOUT if timeout is None else timeout,
        )
        if "not present" in out.media_status or "not present" in out.media_current:
            raise BurnError("no_disc", f"there is no disc in {drive}")
        if rc != 0:
            ev = out.first("FAILURE") or out.worst("SORRY")
            raise BurnError(
                "unreadable_disc",
                f"xorriso cannot read {drive}" + (f": {ev.text}" if ev else f" (exit {rc})"),
            )
        if "blank" in out.media_status:
            raise BurnError("not_iso", f"the disc in {drive} is blank")
        self.volume_id = out.results.get("Volume id", "").strip().strip("'")
        self._files = self._parse_listing(out)

    @staticmethod
    def _parse_listing(out: XorrisoOutput) -> list[IsoFile]:
        # report_sections lines come on stdout: "File data lba: xt, lba, blocks, size, 'path'"
        files: dict[str, list[tuple[int, int]]] = {}
        for raw in out.raw:
            if not raw.startswith("File data lba:"):
                continue
            fields = raw[len("File data lba:") :].split(",", 4)
            if len(fields) < 5:
                continue
            lba, size = int(fields[1]), int(fields[3])
            path = _unquote_path(fields[4].strip()).lstrip("/")
            files.setdefault(path, []).append((lba, size))
        return sorted(
            (IsoFile(p, sum(n for _, n in ext), tuple(ext)) for p, ext in files.items()),
            key=lambda f: (f.first_lba, f.path),
        )

    def files(self) -> list[IsoFile]:
        return list(self._files)

    def _stream(
        self, f: IsoFile, sink: Callable[[memoryview], None], cancel: threading.Event | None
    ) -> str:
        """Pipe one file's content out of xorriso into ``sink``; return an error or ''.
        xorriso runs as a :class:`XorrisoJob` in a helper thread (timeout, its process group
        stopped as a whole, finished once) while this thread reads the pipe."""
        r, w = os.pipe()
        argv = head(md5=False) + [
            "-osirrox",
            "on",
            "-indev",
            self.drive.address,
            "-concat",
            "overwrite",
            f"/dev/fd/{w}",
            "/" + f.path,
            "--",
        ]
        timeout = self.timeout if self.timeout is not None else READ_TIMEOUT + f.size / SLOWEST_READ
        job = XorrisoJob(argv, timeout, pass_fd=w)
        job.grace_seconds = 2.0  # it only reads: nothing to spoil by stopping it
        done: list[JobResult] = []
        runner = threading.Thread(
            target=lambda: done.append(job.run()), daemon=True, name="xorriso-read"
        )
        runner.start()
        buf = bytearray(CHUNK)
        mv = memoryview(buf)
        try:
            with os.fdopen(r, "rb", buffering=0) as pipe:
                while True:
                    if cancel is not None and cancel.is_set():
                        job.cancel()
                        break
                    n = pipe.readinto(buf)
                    if not n:
                        break
                    sink(mv[:n])
        except BaseException:
            job.cancel()
            raise
        finally:
            runner.join()
        result = done[0] if done else job.result
        if result is None or not_installed(result):
            raise BurnError("no_program", "xorriso is not installed (Debian package xorriso)")
        if result.ok:
            return ""
        if result.code == "timeout":
            return result.message
        bad = [
            ln
            for ln in job.out.raw
            if ": FAILURE :" in ln or ": SORRY :" in ln or ": FATAL :" in ln
        ]
        return bad[0] if bad else f"xorriso exit {result.returncode}"

    def read_small(self, f: IsoFile) -> bytes:
        chunks: list[bytes] = []
        err = self._stream(f, lambda mv: chunks.append(bytes(mv)), None)
        if err:
            raise BurnError("unreadable_disc", f"cannot read {f.path}: {err}")
        return b"".join(chunks)

    def hash_files(
        self,
        files: Sequence[IsoFile],
        progress: ProgressCallback | None = None,
        cancel: threading.Event | None = None,
    ) -> list[FileHash]:
        ticker = _Ticker(sum(f.size for f in files), progress)
        out = []
        for f in sorted(files, key=lambda f: f.first_lba):
            h = hashlib.sha256()
            r = FileHash(f.path, f.size, None)

            def sink(mv: memoryview, h: hashlib._Hash = h, r: FileHash = r) -> None:
                h.update(mv)
                r.bytes_read += len(mv)
                ticker.add(len(mv))

            r.error = self._stream(f, sink, cancel)
            if cancel is not None and cancel.is_set():
                raise BurnError("cancelled", "the check was cancelled")
            if not r.error and r.bytes_read != f.size:
                r.error = f"read {r.bytes_read} of {f.size} bytes"
            if not r.error:
                r.sha256 = h.hexdigest()
            out.append(r)
        return out


def copy_out(
    drive: Drive, paths: Sequence[str], folder: Path, cancel: threading.Event | None = None
) -> list[FileHash]:
    """Copy files off the disc in ``drive`` through xorriso into ``folder`` (new private
    files, never through a link), hashing each as it is read: what is copied is exactly
    what was hashed. A file the disc does not hold, or cannot give whole, has an error."""
    src = XorrisoSource(drive)
    on_disc = {f.path: f for f in src.files()}
    out: list[FileHash] = []
    for path in paths:
        f = on_disc.get(path)
        r = FileHash(path, f.size if f else 0, None)
        out.append(r)
        if f is None:
            r.error = "not on the disc"
            continue
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        h = hashlib.sha256()
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as fh:

            def sink(mv: memoryview, h: hashlib._Hash = h, r: FileHash = r, fh: Any = fh) -> None:
                h.update(mv)
                fh.write(mv)
                r.bytes_read += len(mv)

            r.error = src._stream(f, sink, cancel)
        if cancel is not None and cancel.is_set():
            raise BurnError("cancelled", "the copy was cancelled")
        if not r.error and r.bytes_read != f.size:
            r.error = f"read {r.bytes_read} of {f.size} bytes"
        if not r.error:
            r.sha256 = h.hexdigest()
    return out


def open_disc(drive: Drive, via_xorriso: bool | None = None) -> DiscSource:
    """A source for the disc in ``drive``: image files directly, optical drives through
    xorriso (``via_xorriso`` forces either way)."""
    if via_xorriso is None:
        via_xorriso = not drive.is_file
    if via_xorriso:
        return XorrisoSource(drive)
    if not drive.path.exists():
        raise BurnError("no_disc", f"there is no image at {drive.path}")
    return ImageSource(drive.path)
