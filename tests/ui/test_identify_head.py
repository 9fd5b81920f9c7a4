"""A disc inserted and identified (issue 10, 1a): the head its LABEL.json carries is held
against the chain. After an insider cut the chain short behind Keeper's back, identifying the
disc — and checking every file — says so in a red banner that names the disc."""

from __future__ import annotations

import json
import sqlite3
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from conftest import Office

from keeper_app.domain import codes
from keeper_app.services import burning
from keeper_app.services.burning import PairBurn
from keeper_app.services.storage import StorageSettings, add_sample_recordings
from keeper_app.ui.dialogs.identify_disc import IdentifyDialog
from keeper_app.ui.witness import agreed, disagreed

pytestmark = pytest.mark.realtool


def cut_chain(path: Path, keep: int) -> None:
    """The insider, with raw sqlite3: every event after ``keep`` deleted with the rows it
    wrote (the append-only triggers dropped first, and put back after: the schema is
    pinned)."""
    con = sqlite3.connect(path)
    try:
        saved = con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger' AND "
            "(name LIKE '%_no_delete' OR name LIKE '%_no_update')"
        ).fetchall()
        for name, _sql in saved:
            con.execute(f"DROP TRIGGER {name}")
        later = con.execute("SELECT payload FROM audit_events WHERE seq > ?", (keep,)).fetchall()
        for (payload,) in later:
            for table, rid, _h in json.loads(payload)["rows"]:
                con.execute(f"DELETE FROM {table} WHERE id = ?", (rid,))
        con.execute("DELETE FROM audit_events WHERE seq > ?", (keep,))
        for _name, sql in saved:
            con.execute(sql)
        con.commit()
    finally:
        con.close()


def identify(ui: Any, qtbot: Any, m: Any, iso: Path) -> IdentifyDialog:
    d = m.discs.hub.identify(f"stdio:{iso}", "image")
    qtbot.waitUntil(lambda: d.identity is not None or d.error is not None, timeout=20_000)
    assert d.error is None, d.banner.text()
    return d


def test_identifying_a_disc_holds_its_head_against_the_chain(
    ui: Any, office: Office, qtbot: Any, tmp_path: Path
) -> None:
    st = StorageSettings.for_database(office.path)
    s = office.session("H001")
    rids = add_sample_recordings(
        s, st, "A2026-001", "王某某", office.clock() - timedelta(hours=6), count=1, seconds=2.0
    )
    o_iso, d_iso = tmp_path / "o.iso", tmp_path / "d.iso"
    pair = PairBurn(s, rids, [f"stdio:{o_iso}", f"stdio:{d_iso}"], st).run()
    head = burning.identify_disc(office.session("K001"), f"stdio:{o_iso}")["head"]
    m = ui.sign_in("K001")

    d = identify(ui, qtbot, m, o_iso)
    assert d.banner.kind == "ok" and agreed("disc", head) in d.info.text()
    d.close()

    cut_chain(office.path, keep=head["seq"] - 1)  # the pair is cut off the register
    d = identify(ui, qtbot, m, d_iso)
    assert d.identity is not None and d.identity["head"]["problem"] == "truncated"
    name = f"disc {codes.parse(pair.duplicate).pretty}"
    assert d.banner.kind == "error"
    assert disagreed("disc", d.identity["head"]) in d.banner.text()
    assert name in d.banner.text() and "truncated or rolled back" in d.banner.text()
    d.go_button.click()  # check every file: the history still disagrees, and says so first
    qtbot.waitUntil(lambda: d.check is not None or d.error is not None, timeout=60_000)
    assert d.check is not None and d.check.head is not None and not d.check.head.ok
    assert d.banner.kind == "error" and name in d.banner.text()
