"""`keeper burn`, `keeper verify`, `keeper fixity`, `keeper check-recording` as real processes
against a real database, with the real xorriso, ffmpeg and ffprobe."""

from __future__ import annotations

import json
import os
from datetime import timedelta
from pathlib import Path

import pytest
from burning_helpers import (
    file_extent,
    flip_bytes,
    keeper_cmd,
    on_small_fs,
    register_file_recording,
    run,
    settings,
    write_creds,
)
from conftest import PASSWORD, Office, raw_connect

from keeper_app.services.storage import add_sample_recordings

pytestmark = pytest.mark.realtool


def _rows(location: str, sql: str) -> list[tuple[object, ...]]:
    con = raw_connect(location)
    try:
        return [tuple(r) for r in con.execute(sql)]
    finally:
        con.close()


@pytest.fixture
def setup(office: Office, tmp_path: Path) -> tuple[Office, Path, list[int], list[str]]:
    st = settings(tmp_path)
    ids = add_sample_recordings(
        office.session("H001"),
        st,
        "A2026-001",
        "王某某",
        office.clock() - timedelta(hours=6),
        count=2,
        seconds=2.0,
    )
    creds = write_creds(tmp_path, PASSWORD, "H001", "K001", "R001")
    roots = ["--storage-root", str(st.storage_root), "--backup-root", str(st.backup_root)]
    return office, creds, ids, roots


def test_burn_then_verify_then_damage(
    setup: tuple[Office, Path, list[int], list[str]], tmp_path: Path
) -> None:
    office, creds, ids, roots = setup
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = run(
        keeper_cmd(
            office.location,
            "--json",
            "burn",
            "--recording",
            str(ids[0]),
            "--recording",
            str(ids[1]),
            "--drive",
            f"stdio:{o_iso}",
            "--drive",
            f"stdio:{d_iso}",
            *roots,
            creds=creds,
            as_badge="H001",
        )
    )
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    o, d = out["original"], out["duplicate"]
    assert _rows(office.location, "SELECT code, status FROM media ORDER BY code") == sorted(
        [(o, "burned"), (d, "burned")]
    )
    # the keeper reads the duplicate back: it is identified from the disc itself
    r = run(
        keeper_cmd(
            office.location, "verify", "--drive", f"stdio:{d_iso}", creds=creds, as_badge="K001"
        )
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"{d} (duplicate, burned): MATCH")
    path = _rows(office.location, f"SELECT path FROM recording_files WHERE recording_id={ids[1]}")
    offset, _ = file_extent(d_iso, str(path[0][0]))
    flip_bytes(d_iso, offset + 64)
    r = run(
        keeper_cmd(
            office.location,
            "--json",
            "verify",
            "--drive",
            f"stdio:{d_iso}",
            "--md5",
            creds=creds,
            as_badge="K001",
        )
    )
    assert r.returncode == 1
    rep = json.loads(r.stdout)
    assert rep["result"] == "mismatch" and rep["report"]["changed"] == [path[0][0]]
    assert rep["report"]["md5"] == "mismatch"
    assert _rows(
        office.location,
        "SELECT purpose, result FROM verifications WHERE medium_id="
        f"(SELECT id FROM media WHERE code='{d}') ORDER BY id",
    ) == [("burn", "match"), ("on_demand", "match"), ("on_demand", "mismatch")]
    # an image that is not in the register is a mismatch too
    r = run(
        keeper_cmd(
            office.location,
            "verify",
            "--drive",
            f"stdio:{o_iso}",
            "--expect",
            d,
            creds=creds,
            as_badge="K001",
        )
    )
    assert r.returncode == 1 and "MISMATCH" in r.stdout and f"this is not disc {d}" in r.stdout
    # handed over as any pair; the fixity report then names the failing duplicate
    r = run(
        keeper_cmd(
            office.location,
            "handover",
            o,
            "--handler",
            "H001",
            "--seal-no",
            "S-77",
            "--original-location",
            "A-1",
            "--duplicate-location",
            "B-1",
            creds=creds,
            as_badge="K001",
        )
    )
    assert r.returncode == 0, r.stderr
    r = run(keeper_cmd(office.location, "fixity", creds=creds, as_badge="K001"))
    assert r.returncode == 0, r.stderr
    assert "1 failing; 1 sealed originals are not opened for it" in r.stdout
    assert f"  {d}  case A2026-001  at B-1  last mismatch" in r.stdout


def test_a_too_small_disc_is_refused_and_nothing_registered(
    setup: tuple[Office, Path, list[int], list[str]], tmp_path: Path
) -> None:
    office, creds, ids, roots = setup
    big = register_file_recording(
        office.session("H001"),
        settings(tmp_path),
        "A2026-001",
        "王某某",
        "A2026-001/big/rec.mp4",
        data=os.urandom(3 << 20),
    )
    tray = tmp_path / "tray"
    cmd = keeper_cmd(
        office.location,
        "burn",
        "--recording",
        str(big),
        "--drive",
        f"stdio:{tray}/o.iso",
        "--drive",
        f"stdio:{tray}/d.iso",
        *roots,
        creds=creds,
        as_badge="H001",
    )
    r = run(on_small_fs(tray, 1, cmd))
    assert r.returncode == 1
    assert "refused:" in r.stderr and "too small" not in r.stdout
    assert "the recordings need" in r.stderr and "use a bigger disc" in r.stderr
    assert _rows(office.location, "SELECT count(*) FROM media") == [(0,)]
    assert _rows(office.location, "SELECT count(*) FROM pair_reservations") == [(0,)]


def test_one_drive_needs_someone_at_the_drive(
    setup: tuple[Office, Path, list[int], list[str]], tmp_path: Path
) -> None:
    office, creds, ids, roots = setup
    r = run(
        keeper_cmd(
            office.location,
            "burn",
            "--recording",
            str(ids[0]),
            "--drive",
            f"stdio:{tmp_path}/o.iso",
            *roots,
            creds=creds,
            as_badge="H001",
        ),
        stdin=None,
    )
    assert r.returncode == 1 and "second --drive" in r.stderr
    assert not (tmp_path / "o.iso").exists()


def test_check_recording_exit_status(setup: tuple[Office, Path, list[int], list[str]]) -> None:
    office, creds, ids, roots = setup
    r = run(
        keeper_cmd(
            office.location, "check-recording", *map(str, ids), *roots, creds=creds, as_badge="R001"
        )
    )
    assert r.returncode == 0, r.stderr
    assert r.stdout.count(": match:") == 2
    r = run(keeper_cmd(office.location, "review-list", creds=creds, as_badge="R001"))
    assert r.returncode == 0 and r.stdout.strip() == "(none)"
