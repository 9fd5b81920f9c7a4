"""Files with case data (issue 10, point 10): a PDF with a suspect's name is written private
(0600, whatever the umask), never over an existing file and never through a symbolic link
(the link's destination is left as it is). The insider here is anyone who can put a file or
a link where Keeper will write: a link to a file of theirs, or to one they want destroyed."""

from __future__ import annotations

import hashlib
import json
import os
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import PASSWORD, Office
from integration.printing_tools import pdf_text

from keeper_app.domain.errors import RuleViolation
from keeper_app.files import copy_private, write_private


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)  # the usual desktop umask: files 0644 unless made private
    try:
        yield
    finally:
        os.umask(old)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def test_a_new_file_is_private(tmp_path: Path, umask_022: None):
    p = write_private(tmp_path / "a.pdf", b"%PDF-1.4 case data")
    assert mode(p) == 0o600 and p.read_bytes() == b"%PDF-1.4 case data"
    t = write_private(tmp_path / "b.csv", "王某某,柜A-01\n")
    assert mode(t) == 0o600 and t.read_text(encoding="utf-8") == "王某某,柜A-01\n"


def test_an_existing_file_is_not_overwritten(tmp_path: Path, umask_022: None):
    p = tmp_path / "register.pdf"
    p.write_bytes(b"someone's earlier file")
    with pytest.raises(RuleViolation) as ei:
        write_private(p, b"new")
    assert ei.value.code == "output_exists" and str(p) in ei.value.message
    assert p.read_bytes() == b"someone's earlier file"
    assert sorted(os.listdir(tmp_path)) == ["register.pdf"]  # no temporary file left


@pytest.mark.parametrize("replace", [False, True])
def test_a_symlink_is_refused_and_its_destination_untouched(
    tmp_path: Path, umask_022: None, replace: bool
):
    victim = tmp_path / "victim.txt"
    victim.write_bytes(b"not Keeper's")
    victim.chmod(0o644)
    link = tmp_path / "labels.pdf"
    link.symlink_to(victim)
    with pytest.raises(RuleViolation) as ei:
        write_private(link, "%PDF- 王某某", replace=replace)
    assert ei.value.code == "output_is_symlink"
    assert victim.read_bytes() == b"not Keeper's" and mode(victim) == 0o644
    assert link.is_symlink()
    # a link to nowhere: nothing is made at its destination either
    dangling = tmp_path / "sleeve.pdf"
    dangling.symlink_to(tmp_path / "made-by-the-link.pdf")
    with pytest.raises(RuleViolation):
        write_private(dangling, b"%PDF-", replace=replace)
    assert not (tmp_path / "made-by-the-link.pdf").exists()


def test_a_confirmed_replacement_is_atomic_and_private(tmp_path: Path, umask_022: None):
    p = tmp_path / "inventory.csv"
    p.write_bytes(b"old")
    p.chmod(0o644)
    old_inode = p.stat().st_ino
    write_private(p, b"new", replace=True)
    assert p.read_bytes() == b"new" and mode(p) == 0o600
    assert p.stat().st_ino != old_inode  # a new file moved in place, not the old one rewritten
    assert sorted(os.listdir(tmp_path)) == ["inventory.csv"]
    with pytest.raises(RuleViolation) as ei:
        write_private(tmp_path, b"x", replace=True)  # a folder is not replaced
    assert ei.value.code == "output_not_a_file"


def test_a_copy_is_private(tmp_path: Path, umask_022: None):
    src = tmp_path / "src.pdf"
    src.write_bytes(b"%PDF-")
    assert mode(copy_private(src, tmp_path / "copy.pdf")) == 0o600


def _keeper(office: Office, tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    creds = tmp_path / "creds.json"
    if not creds.exists():
        creds.write_text(json.dumps({"K001": PASSWORD}))
        creds.chmod(0o600)
    env = dict(os.environ)
    env.pop("CUPS_SERVER", None)
    return subprocess.run(
        [sys.executable, "-m", "keeper_app", "--db", str(office.path), "--as", "K001"]
        + ["--credentials", str(creds), *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        preexec_fn=lambda: os.umask(0o022),
    )


def test_pdfs_with_suspects_names_are_private_and_never_overwritten(office: Office, tmp_path: Path):
    _o, d = office.handed_over_pair(person="王某某")
    out = tmp_path / "out"
    out.mkdir()
    pdf = out / "sleeve.pdf"
    r = _keeper(office, tmp_path, "label", d, "--kind", "sleeve", "--pdf", str(pdf))
    assert r.returncode == 0, r.stderr
    assert "王某某" in pdf_text(pdf)
    assert mode(pdf) == 0o600
    first = pdf.read_bytes()
    # the same name again: refused, the file as it was
    again = _keeper(office, tmp_path, "label", d, "--kind", "sleeve", "--pdf", str(pdf))
    assert again.returncode == 2
    assert "exists already" in again.stderr and str(pdf) in again.stderr
    assert pdf.read_bytes() == first
    # a link planted where the register will be written: refused, its destination untouched
    victim = tmp_path / "victim"
    victim.write_bytes(b"keep me")
    (out / "bag.pdf").symlink_to(victim)
    r = _keeper(office, tmp_path, "label", d, "--kind", "sleeve", "--pdf", str(out / "bag.pdf"))
    assert r.returncode == 2 and "symbolic link" in r.stderr
    assert victim.read_bytes() == b"keep me"
    assert sorted(os.listdir(out)) == ["bag.pdf", "sleeve.pdf"]


def _layout(tmp_path: Path) -> Any:
    from keeper_app.burning.layout import DiscFile, DiscLayout

    src = tmp_path / "src"
    src.mkdir()
    rec = src / "讯问室1.mp4"
    rec.write_bytes(os.urandom(70_000))
    f = DiscFile(
        "A2026-001/20261120T0100Z_王某某/讯问室1.mp4",
        rec,
        70_000,
        hashlib.sha256(rec.read_bytes()).hexdigest(),
    )
    code = "31012026000001O7"
    return DiscLayout.build(code, [f], {"medium_code": code, "person_interrogated": "王某某"})


def test_a_disc_image_with_the_recordings_is_private(tmp_path: Path, umask_022: None):
    from keeper_app.burning.jobs import JobState
    from keeper_app.burning.xorriso import BurnJob, Drive

    iso = tmp_path / "disc.iso"
    result = BurnJob(Drive.parse(f"stdio:{iso}"), _layout(tmp_path)).run(lambda _p: None)
    assert result.state == JobState.DONE, result
    assert iso.stat().st_size > 0 and mode(iso) == 0o600


def test_a_disc_image_is_never_written_through_a_link(tmp_path: Path, umask_022: None):
    from keeper_app.burning.jobs import JobState
    from keeper_app.burning.xorriso import BurnJob, Drive

    victim = tmp_path / "victim.iso"
    link = tmp_path / "disc.iso"
    link.symlink_to(victim)  # a link to nowhere yet: xorriso would make the file there
    job = BurnJob(Drive.parse(f"stdio:{link}"), _layout(tmp_path))
    result = job.run(lambda _p: None)
    assert result.state != JobState.DONE and "symbolic link" in result.message
    assert not victim.exists() and link.is_symlink()


def test_a_prepared_burn_never_run_leaves_no_empty_image(tmp_path: Path):
    from keeper_app.burning.xorriso import BurnJob, Drive

    iso = tmp_path / "disc.iso"
    job = BurnJob(Drive.parse(f"stdio:{iso}"), _layout(tmp_path))
    assert job.prepare().ok
    assert iso.exists() and mode(iso) == 0o600  # made private before xorriso writes it
    job.discard()
    assert not iso.exists()
