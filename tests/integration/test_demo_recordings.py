"""`keeper demo` also makes a few short real recordings (ffmpeg's test picture and a tone)
with their interrogation records, stored and backed up beside the database, so that a new
user can burn a pair at once; without ffmpeg the demo is made all the same, and says so."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime
from pathlib import Path

import pytest

from keeper_app.demo import DEMO_PASSWORD, make_demo
from keeper_app.services.burning import PairBurn
from keeper_app.services.session import sign_in
from keeper_app.services.storage import StorageSettings, check_recording
from keeper_app.store import open_database

pytestmark = [pytest.mark.realtool, pytest.mark.slow]
NOW = datetime(2026, 11, 26, 3, 30, 0, tzinfo=UTC)


def _sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def test_the_demo_has_real_recordings_ready_to_burn(tmp_path: Path) -> None:
    db = open_database(tmp_path / "demo.sqlite")
    try:
        info = make_demo(db, NOW)
        assert len(info.recordings) == 2 and info.counts["real_recordings"] == 2
        assert "burn" in info.recordings_note and str(info.recordings[0]) in info.recordings_note
        handler = info.recordings_note.split("keeper --as ")[1].split()[0]
        s = sign_in(db, handler, DEMO_PASSWORD, lambda: NOW)
        st = StorageSettings.for_database(db.path)
        assert st.storage_root == tmp_path / "recordings"
        for rid in info.recordings:
            files = db.conn.execute(
                "SELECT path, sha256 FROM recording_files WHERE recording_id=?", (rid,)
            ).fetchall()
            assert len(files) == 1 and files[0]["path"].endswith(".mp4")
            for root in (st.storage_root, st.backup_root):
                assert _sha(root / files[0]["path"]) == files[0]["sha256"]
            # a real recording whose length is the one its record says (ffprobe)
            assert check_recording(s, st, rid)["result"] == "match"
        # and a pair can be burned from them at once
        pair = PairBurn(
            s, info.recordings, [f"stdio:{tmp_path / 'o.iso'}", f"stdio:{tmp_path / 'd.iso'}"], st
        ).run()
        assert pair.original[14] == "O" and pair.duplicate[14] == "D"
    finally:
        db.close()


def test_without_ffmpeg_the_demo_is_made_and_says_why_there_are_no_recordings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "bin"
    empty.mkdir()
    monkeypatch.setenv("PATH", str(empty))  # no ffmpeg on this machine
    db = open_database(tmp_path / "demo.sqlite")
    try:
        info = make_demo(db, NOW)
        assert info.recordings == [] and info.counts["real_recordings"] == 0
        assert "no real recordings" in info.recordings_note and "ffmpeg" in info.recordings_note
        assert info.counts["media"] == 200  # the rest of the demo as always
        n = db.conn.execute("SELECT count(*) FROM recordings").fetchone()[0]
        assert n == info.counts["recordings"]
    finally:
        db.close()
