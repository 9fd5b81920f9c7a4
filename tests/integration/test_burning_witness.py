"""The head a burned disc carries (issue 10, 1a) as an honest office sees it: written into each
disc's LABEL.json, read back by ``keeper verify --drive`` and by identification; a disc burned
before heads were witnessed is said to carry none, which is no failure. The insider's attacks
on it are in tests/tamper/test_witness_disc.py."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from burning_helpers import keeper_cmd, register_file_recording, run, settings, write_creds
from conftest import PASSWORD, Office

from keeper_app.burning.discread import ImageSource
from keeper_app.burning.layout import LABEL_NAME, DiscLayout
from keeper_app.burning.xorriso import BurnJob, Drive
from keeper_app.domain import codes
from keeper_app.services import burning, heads
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import recording_files
from keeper_app.store import audit

pytestmark = pytest.mark.realtool


def _label(iso: Path) -> dict[str, object]:
    with ImageSource(iso) as src:
        files = {f.path: f for f in src.files()}
        return json.loads(src.read_small(files[LABEL_NAME]))  # type: ignore[no-any-return]


def test_each_disc_carries_the_head_and_a_disc_without_one_is_said_so(
    office: Office, tmp_path: Path
) -> None:
    st = settings(tmp_path)
    h = office.session("H001")
    rid = register_file_recording(h, st, "A2026-001", "王某某", "A2026-001/r1.bin", b"x" * 5000)
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    r = PairBurn(h, [rid], [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    seq, hash_ = office.db.conn.execute(
        "SELECT seq, hash FROM audit_events WHERE action='reserve_pair_code'"
    ).fetchone()
    label = _label(o_iso)
    assert label[heads.LABEL_KEY] == {"seq": seq, "hash": hash_} == _label(d_iso)[heads.LABEL_KEY]
    assert audit.hash_at(office.db.conn, seq) == hash_

    k = office.session("K001")
    ident = burning.identify_disc(k, f"stdio:{o_iso}")
    assert ident["head"]["ok"] and ident["head"]["seq"] == seq
    assert ident["head"]["witness"] == f"disc {codes.parse(r.original).pretty}"

    # a disc burned by an earlier Keeper: the same files and label, but no head in it
    old_iso = tmp_path / "old.iso"
    older = {k_: v for k_, v in label.items() if k_ != heads.LABEL_KEY}
    job = BurnJob(
        Drive.parse(f"stdio:{old_iso}"),
        DiscLayout.build(r.original, recording_files(k, st, [rid]), older),
    )
    prep = job.prepare()
    assert prep.ok, prep.message
    assert job.run(prepared=job.prepared).ok
    assert heads.LABEL_KEY not in _label(old_iso)
    check = burning.verify_medium(k, f"stdio:{old_iso}")
    assert check.result == "match" and check.head is None and check.ok
    assert burning.identify_disc(k, f"stdio:{old_iso}")["head"] is None

    creds = write_creds(tmp_path, PASSWORD, "K001")
    for iso, line in (
        (o_iso, f"history: the head this disc witnessed (event {seq}) is on the chain"),
        (old_iso, "history: no head witnessed on this disc"),
    ):
        p = run(
            keeper_cmd(
                office.location, "verify", "--drive", f"stdio:{iso}", creds=creds, as_badge="K001"
            )
        )
        assert p.returncode == 0, p.stdout + p.stderr
        assert line in p.stdout
