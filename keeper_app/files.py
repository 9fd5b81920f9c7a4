"""Writing a file that holds case data (a PDF with suspects' names, a label, an exported list):
the one way Keeper does it (issue 10, point 10).

* private: made 0600, whatever the umask;
* never silently over another file: a name that exists is refused (``output_exists``) unless
  the person chose to replace it (``replace=True``: a Save dialog that asked them), and then
  the new content is written to a private temporary file in the same folder and moved over
  the old one in one step (``os.replace``), so the name holds the old file or the new one,
  never half of either;
* never through a symbolic link: a link at the name is refused (``output_is_symlink``) and
  the file it points to is left as it is (``O_NOFOLLOW | O_EXCL``; a link that appears
  between the check and the move is itself replaced, never followed)."""

from __future__ import annotations

import hashlib
import os
import secrets
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from .domain.errors import RuleViolation

MODE = 0o600
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC


def refusal_for_existing(path: Path) -> RuleViolation:
    """Why a new file cannot be written at ``path``, which exists (or is a link)."""
    if path.is_symlink():
        return RuleViolation(
            "output_is_symlink",
            f"{path} is a symbolic link: Keeper does not write through a link "
            "(the file it points to is left as it is); choose another file name",
        )
    return RuleViolation(
        "output_exists",
        f"{path} exists already: Keeper does not write over a file; "
        "choose another file name (or remove that file first)",
    )


def _refuse_link(path: Path) -> None:
    if path.is_symlink():
        raise refusal_for_existing(path)


def _write_new(path: Path, data: bytes) -> None:
    """``data`` into a new file at ``path`` (0600); nothing is left behind on failure."""
    fd = os.open(path, _CREATE, MODE)
    try:
        os.fchmod(fd, MODE)  # O_CREAT's mode is narrowed by the umask, never widened: exact
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view) :]
        os.fsync(fd)
    except BaseException:
        os.close(fd)
        path.unlink(missing_ok=True)
        raise
    os.close(fd)


def _failed(path: Path, exc: OSError) -> RuleViolation:
    return RuleViolation(
        "output_failed", f"cannot write {path}: {exc.strerror or exc}; nothing was written"
    )


def write_private(path: str | Path, data: bytes | str, replace: bool = False) -> Path:
    """Write ``data`` (text is written as UTF-8) to ``path``, private to its owner (0600).

    ``replace``: the person confirmed replacing an existing file (a Save dialog asked);
    otherwise a file at ``path`` is refused with ``output_exists`` and left as it is. A
    symbolic link at ``path`` is refused either way. Returns the path written."""
    path = Path(path)
    body = data.encode("utf-8") if isinstance(data, str) else bytes(data)
    _refuse_link(path)
    if not replace:
        try:
            _write_new(path, body)
        except FileExistsError:
            raise refusal_for_existing(path) from None
        except OSError as exc:
            raise _failed(path, exc) from None
        return path
    if path.exists() and not path.is_file():
        raise RuleViolation(
            "output_not_a_file", f"{path} is not a file (a folder or a device): choose a file"
        )
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    try:
        _write_new(tmp, body)
    except OSError as exc:
        raise _failed(path, exc) from None
    try:
        os.replace(tmp, path)  # a link made at ``path`` meanwhile is replaced, not followed
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise _failed(path, exc) from None
    return path


def copy_private(source: str | Path, target: str | Path, replace: bool = False) -> Path:
    """A private copy of ``source`` at ``target``, as :func:`write_private` writes."""
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise RuleViolation(
            "no_file", f"cannot read {source}: {exc.strerror or exc}; nothing was written"
        ) from None
    return write_private(target, data, replace=replace)


def copy_new(source: str | Path, target: str | Path, chunk: int = 8 << 20) -> tuple[str, int]:
    """Copy ``source`` to a NEW private file ``target`` (0600; an existing name or a link is
    refused as :func:`write_private` refuses it), hashing what is written as it goes (the
    hash runs beside the writes, in a second thread). Returns ``(sha256, size)``; on any
    failure the target is removed."""
    target = Path(target)
    _refuse_link(target)
    try:
        src = open(source, "rb", buffering=0)  # noqa: SIM115 — closed below
    except OSError as exc:
        raise RuleViolation(
            "no_file", f"cannot read {source}: {exc.strerror or exc}; nothing was written"
        ) from None
    try:
        fd = os.open(target, _CREATE, MODE)
    except FileExistsError:
        src.close()
        raise refusal_for_existing(target) from None
    except OSError as exc:
        src.close()
        raise _failed(target, exc) from None
    h = hashlib.sha256()
    size = 0
    try:
        os.fchmod(fd, MODE)
        with src, ThreadPoolExecutor(1) as pool:
            pending: Future[None] | None = None
            while buf := src.read(chunk):
                if pending is not None:
                    pending.result()
                pending = pool.submit(h.update, buf)
                view = memoryview(buf)
                while view:
                    view = view[os.write(fd, view) :]
                size += len(buf)
            if pending is not None:
                pending.result()
        os.fsync(fd)
    except OSError as exc:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise _failed(target, exc) from None
    except BaseException:
        os.close(fd)
        target.unlink(missing_ok=True)
        raise
    os.close(fd)
    return h.hexdigest(), size
