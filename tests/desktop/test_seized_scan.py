"""A seized storage medium's tag scanned at the counter of the real app on Xvfb (issue 15): the
scanner types its capital S with Shift like any code; the tag opens the seized item's record,
a disc scanned next opens the disc's again, and a tag with a wrong check character is refused."""

from __future__ import annotations

import sqlite3
import time

from .conftest import App, _wait, media_codes


def _seized_code(app: App, status: str) -> str:
    con = sqlite3.connect(f"file:{app.db}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT code FROM seized_items WHERE status = ? ORDER BY id LIMIT 1", (status,)
        ).fetchone()
    finally:
        con.close()
    assert row is not None, f"the demo office has no seized item {status}"
    return str(row[0])


def _counter_after(app: App, before: int, n: int) -> list[dict[str, object]]:
    _wait(lambda: len(app.events("counter")) >= before + n, 60, f"{n} scans handled", 0.2)
    return app.events("counter")[before:]


def test_a_seized_tag_scanned_opens_its_record_and_a_bad_one_is_refused(app: App) -> None:
    tag = _seized_code(app, "out")
    assert tag[-2] == "S"  # the capital the scanner sends with Shift
    disc = media_codes(app.db, 1)[0]
    app.sign_in()
    app.click("manual_code")
    time.sleep(0.3)
    before = len(app.events("counter"))
    app.scan(tag)
    got = _counter_after(app, before, 1)
    assert got[0]["text"] == tag and got[0]["ok"] is True and got[0]["status"] == "out"
    labels = app.state()["labels"]
    header = labels.get("seized_header", "")
    pretty = f"{tag[:4]}-{tag[4:8]}-{tag[8:14]}-{tag[14]}-{tag[15]}"
    assert pretty in header, header

    app.scan(disc)
    got = _counter_after(app, before + 1, 1)
    assert got[0]["text"] == disc and got[0]["ok"] is True
    # the seized record is no longer the one shown: its header is hidden or empty
    assert pretty not in app.state()["labels"].get("seized_header", ""), "the old record stays"

    wrong = tag[:-1] + ("0" if tag[-1] != "0" else "1")  # the check character changed
    app.scan(wrong)
    got = _counter_after(app, before + 2, 1)
    assert got[0]["text"] == wrong and got[0]["ok"] is False
    assert pretty not in app.state()["labels"].get("seized_header", "")
