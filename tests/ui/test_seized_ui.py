"""Seized storage media at the counter (issue 15; supervision draft Art. 123-131): the intake
dialog (the seizure record, its inventory, two investigators seal, the possessor's refusal
noted), a seized item's tag scanned at the counter opening its record, and a temporary
transfer out and back checked item by item — each tag scanned as a scanner sends it (Shift
around every capital), a wrong item, a repeated scan and a malformed code each refused with
their own message, an item missing on the way back recorded and reported to the head."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any

from conftest import Office
from PySide6.QtWidgets import QApplication

from keeper_app.domain import codes
from keeper_app.domain.model import ManifestEntry
from keeper_app.services import admin, intake, seized
from keeper_app.ui.dialogs.seized_intake import SeizedIntakeDialog
from keeper_app.ui.dialogs.seized_transfer import SeizedTransferDialog
from keeper_app.ui.labels import label
from keeper_app.ui.seized_tools import seized_printable

from .test_scanner import Keys


def sealing_recording(office: Office, case_no: str = "A2026-001", handler: str = "H001") -> int:
    """The video of a sealing (or of a handover at the counter), registered like any other."""
    start = office.clock() - timedelta(hours=1)
    f = ManifestEntry(
        f"rec/sealing-{start:%H%M%S}.mp4",
        2048,
        hashlib.sha256(f"{case_no}{start}".encode()).hexdigest(),
    )
    return intake.register_recording(
        office.session(handler),
        case_no,
        "王某某",
        "suspect",
        start,
        start + timedelta(minutes=20),
        "王某某住所",
        [f],
        kind="sealing",
    )


ITEMS = [
    {
        "kind": "original",
        "media_type": "usb_stick",
        "content": "转账记录截图",
        "specification": "金士顿 DT100 黑色",
        "capacity": "32 GB",
        "file_formats": "jpg, xlsx",
        "copies": 1,
    },
    {
        "kind": "original",
        "media_type": "memory_card",
        "content": "现场录像",
        "specification": "闪迪 microSD",
        "capacity": "64 GB",
        "file_formats": "mp4",
        "copies": 1,
    },
    {
        "kind": "original",
        "media_type": "phone",
        "content": "聊天记录",
        "specification": "华为 P40 灰色",
        "capacity": "128 GB",
        "file_formats": "db",
        "copies": 1,
    },
]


def sealed_seizure(office: Office) -> tuple[int, list[str]]:
    """A seizure of three items, sealed by H001 and H002."""
    h = office.session("H001")
    got = seized.intake(
        h,
        "A2026-001",
        {
            "cause": "故意伤害",
            "persons": "王某某",
            "record_ref": "搜查笔录 第3号",
            "seized_at": office.clock() - timedelta(hours=3),
            "place": "王某某住所",
            "possessor": "王某某",
        },
        ITEMS,
    )
    sid, tags = int(got["seizure_id"]), list(got["codes"])
    seized.seal(
        h,
        sid,
        {c: f"F-{n:04d}" for n, c in enumerate(tags, 1)},
        [office.cred("H001"), office.cred("H002")],
        office.clock() - timedelta(hours=2),
        sealing_recording(office),
        "signed",
    )
    return sid, tags


def kept_seizure(office: Office) -> tuple[int, list[str]]:
    """A seizure of three items, sealed and received by the keeper K001."""
    sid, tags = sealed_seizure(office)
    seized.receive(
        office.session("K001"), sid, tags, office.cred("H001"), office.cred("K001"), "柜S-01"
    )
    return sid, tags


def approved_transfer(office: Office, tags: list[str]) -> int:
    rid = seized.request_transfer(office.session("H001"), tags, "组织辨认")
    seized.decide(office.session("D001"), rid, office.cred("D001"), True)
    return int(rid)


def statuses(office: Office, tags: list[str]) -> list[str]:
    k = office.session("K001")
    return [seized.lookup(k, c)["status"] for c in tags]


def wait_for_dialog(qtbot, kind: type) -> Any:
    found: list[Any] = []

    def there() -> bool:
        found[:] = [w for w in QApplication.topLevelWidgets() if isinstance(w, kind)]
        return any(w.isVisible() for w in found)

    qtbot.waitUntil(there)
    return next(w for w in found if w.isVisible())


# --------------------------------------------------------------------------------------------
def test_intake_two_investigators_seal_and_the_items_are_registered(
    ui, office: Office, qtbot
) -> None:
    rec_id = sealing_recording(office)
    m = ui.sign_in("H001")
    tools = m.seized_tools
    assert not tools.button.isHidden() and tools.intake_action.isVisible()
    assert not tools.out_action.isVisible()  # a case handler does not keep
    tools.intake_action.trigger()
    d = wait_for_dialog(qtbot, SeizedIntakeDialog)
    d.case.setCurrentIndex(d.case.findData("A2026-001"))
    assert d.recording.currentData() == rec_id
    d.cause.setText("故意伤害")
    d.persons.setText("王某某")
    d.record_ref.setText("搜查笔录 第3号")
    d.place.setText("王某某住所")
    d.possessor.setText("王某某")
    d.witnesses.setText("赵见证")
    for key, v in ITEMS[0].items():
        d.set_cell(0, key, v)
    d.set_cell(0, "seal_no", "F-0001")
    d.add_button.click()
    assert d.rows() == 2
    # Art. 123: the original could not be seized, the data was extracted
    for key, v in {
        "kind": "extracted",
        "media_type": "computer",
        "content": "服务器中的交易流水",
        "file_formats": "csv",
        "copies": 1,
        "not_seized_reason": "服务器在机房无法扣押",
        "original_location": "某某数据中心 3 号机柜",
        "data_source": "交易数据库导出",
        "seal_no": "F-0002",
    }.items():
        d.set_cell(1, key, v)
    # the columns of extracted data show once an item is extracted
    assert not d.items.isColumnHidden(9)
    # Art. 126: the possessor refused to sign, noted
    d.possessor_signature.setCurrentIndex(d.possessor_signature.findData("refused"))
    d.possessor_note.setText("王某某拒绝在清单上签名")
    # the second investigator is of another department: the sealing is refused, the
    # inventory stays registered, nothing is sealed
    ui.sign(d, "investigator1", "H001")
    ui.sign(d, "investigator2", "H003")
    before = office.snapshot()
    assert ui.submit(d) is None
    qtbot.waitUntil(lambda: d.seizure_id is not None)
    assert d.banner.kind == "error" and d.isVisible()
    assert not d.cause.isEnabled() and len(d.codes) == 2
    sid = d.seizure_id
    h = office.session("H001")
    z = seized.show_seizure(h, sid)
    assert z["sealing"] is None and {i["status"] for i in z["items"]} == {"seized"}
    assert office.snapshot() != before  # the inventory itself is registered
    # the investigators who seal sign again: sealed
    assert d.signers.missing() == [d.tr("Investigator (seals)"), d.tr("Second investigator")]
    ui.sign(d, "investigator1", "H001")
    ui.sign(d, "investigator2", "H002")
    done = ui.submit(d)
    assert done is not None and str(sid) in done, d.banner.text()
    # then the tags and the inventory are offered for printing (once the catalogue has them)
    if seized_printable():
        qtbot.waitUntil(lambda: tools.offer is not None)
        assert tools.offer.isVisible()
        tools.offer.reject()
    else:
        assert f"#{sid}" in m.statusBar().currentMessage()
    z = seized.show_seizure(h, sid)
    assert len(z["items"]) == 2
    usb, data = z["items"]
    assert usb["media_type"] == "usb_stick" and usb["capacity"] == "32 GB"
    assert usb["specification"] == "金士顿 DT100 黑色" and usb["file_formats"] == "jpg, xlsx"
    assert usb["seal_no"] == "F-0001" and usb["status"] == "sealed"
    assert data["kind"] == "extracted" and data["not_seized_reason"] == "服务器在机房无法扣押"
    assert data["original_location"] == "某某数据中心 3 号机柜"
    assert z["cause"] == "故意伤害" and z["record_ref"] == "搜查笔录 第3号"
    assert z["sealing"]["possessor_signature"] == "refused"
    assert z["sealing"]["possessor_note"] == "王某某拒绝在清单上签名"
    assert z["sealing"]["recording_id"] == rec_id
    assert all(codes.parse(i["code"]).seized for i in z["items"])
    res = admin.verify_audit_file(office.path)
    assert res.ok, res.problems


def test_an_empty_intake_is_refused_and_changes_nothing(ui, office: Office, qtbot) -> None:
    sealing_recording(office)
    m = ui.sign_in("H001")
    d = m.seized_tools.open_intake()
    qtbot.waitUntil(d.isVisible)
    ui.sign(d, "investigator1", "H001")
    ui.sign(d, "investigator2", "H002")
    before = office.snapshot()
    assert ui.submit(d) is None  # no cause of action, nothing in the item
    assert d.banner.kind == "error" and d.seizure_id is None
    assert office.snapshot() == before


def test_a_tag_scanned_at_the_counter_opens_the_item_record(
    ui, office: Office, qtbot, qapp
) -> None:
    sid, tags = sealed_seizure(office)
    m = ui.sign_in("K001")
    counter = m.counter
    keys = Keys(qapp)
    # the due board: the seizure is to be handed to safekeeping within 30 days; a double
    # click opens its first item at the counter
    due = m.due
    qtbot.waitUntil(lambda: any(r["kind"] == "seized_safekeeping" for r in due.model.rows))
    row = next(i for i, r in enumerate(due.model.rows) if r["kind"] == "seized_safekeeping")
    cols = [c.key for c in due.model.columns]
    assert due.model.index(row, cols.index("kind")).data() == label(
        "SeizedDue", "seized_safekeeping"
    )
    assert due.model.index(row, cols.index("shown")).data() == due.tr("seizure #%1").replace(
        "%1", str(sid)
    )
    due.table.doubleClicked.emit(due.model.index(row, 0))
    qtbot.waitUntil(lambda: (counter.current_seized() or {}).get("code") == tags[0])
    counter.clear_records()
    m.tabs.setCurrentWidget(m.seized)
    keys.type(m.seized.case, tags[1])  # as a scanner: Shift around the S
    qtbot.waitUntil(lambda: counter.current_seized() is not None)
    rec = counter.current_seized()
    assert rec["code"] == tags[1] and m.tabs.currentWidget() is counter
    assert m.seized.case.text() == ""
    view = counter.seized_record
    assert counter.records.currentWidget() is view and counter.banner.kind == "ok"
    header = view.header.text()
    assert codes.parse(tags[1]).pretty in header
    fields = "\n".join(v.text() for _k, v in view._cells if v.isVisible())
    for expected in ("A2026-001", "故意伤害", "王某某", "搜查笔录 第3号", "王某某住所", "F-0002"):
        assert expected in fields, expected
    # the Art. 128(4) inventory: every item of the seizure
    assert view.inventory.rowCount() == 3
    assert view.inventory.item(1, 3).text() == "闪迪 microSD"
    assert view.inventory.item(1, 4).text() == "64 GB"
    # the seals: who sealed and when
    assert "张办案" in fields and "刘办案" in fields
    assert view.seals.rowCount() >= 1 and view.seals.item(0, 2).text() == "F-0002"
    # the deadlines and their state: registered (done), safekeeping due, the period running
    due = view.due.text()
    assert due.count(view.tr("done")) == 1 and rec["seizure"]["period_end"] in due
    assert label("SeizedDue", "seized_safekeeping") in due
    assert view.history.rowCount() >= 2
    # an unknown tag and a malformed one: the usual clear refusal, the record cleared
    mc = codes.parse(tags[0])
    ghost = codes.make(mc.unit, mc.year, mc.serial + 50, "S").text
    keys.type(counter.manual, ghost)
    qtbot.waitUntil(lambda: counter.banner.kind == "error")
    assert counter.current_seized() is None and counter.current() is None
    assert counter.log.item(0).text().count("✖") == 1
    counter.banner.clear_message()
    keys.type(counter.manual, tags[0][:-1] + ("0" if tags[0][-1] != "0" else "1"))
    qtbot.waitUntil(lambda: counter.banner.kind == "error")
    assert counter.current_seized() is None


def test_temporary_transfer_checked_item_by_item_out_and_back(
    ui, keeper_app, office: Office, qtbot, qapp
) -> None:
    sid, tags = kept_seizure(office)
    rid = approved_transfer(office, tags)
    _o, disc = office.handed_over_pair()
    video = sealing_recording(office)
    m = ui.sign_in("K001")
    counter = m.counter
    keys = Keys(qapp)
    sounds: list[str] = []
    m.ctx.feedback.played.connect(sounds.append)
    # the keeper scans one tag at the counter: its record offers the transfer out
    keys.type(counter.manual, tags[0])
    qtbot.waitUntil(lambda: counter.current_seized() is not None)
    assert "transfer_out" in counter.seized_record.buttons
    counter.seized_record.buttons["transfer_out"].click()
    d = wait_for_dialog(qtbot, SeizedTransferDialog)
    assert d.direction == "out" and int(d.transfer["id"]) == rid
    assert [r["code"] for r in d.checklist.rows] == tags
    assert d.recording.currentData() == video
    # only the recordings of a sealing or a search: never the case's interrogation
    assert d.recording.count() == 2
    assert not d.submit_button.isEnabled()
    sounds.clear()
    d.entry.setFocus()
    keys.type(d.entry, tags[0])
    assert d.checklist.ticked == [tags[0]] and d.banner.kind == "ok"
    keys.type(d.entry, disc)  # a disc, not in this transfer
    assert d.banner.kind == "error" and d.checklist.ticked == [tags[0]]
    keys.type(d.entry, tags[0])  # the same tag again
    assert d.banner.kind == "warn"
    bad = tags[1][:-1] + ("0" if tags[1][-1] != "0" else "1")
    keys.type(d.entry, bad)  # misread: fails its check character
    assert d.banner.kind == "error"
    assert [d.flags.item(i).text().split(" — ")[1] for i in range(d.flags.count())] == [
        d.tr("not in this transfer"),
        d.tr("scanned twice"),
        d.tr("malformed code"),
    ]
    assert d.entry.text() == ""  # the scans never went into the field
    assert not d.submit_button.isEnabled()  # two items not checked yet
    keys.type(d.entry, tags[1])
    keys.type(d.entry, tags[2])
    assert d.checklist.complete() and d.submit_button.isEnabled()
    assert sounds == ["accepted", "refused", "duplicate", "refused", "accepted", "accepted"]
    assert not d.discrepancy.isVisibleTo(d)  # nothing to state on the way out
    ui.sign(d, "keeper")
    ui.sign(d, "investigator", "H001")
    done = ui.submit(d)
    assert done is not None
    assert statuses(office, tags) == ["out", "out", "out"]

    # back: two of the three come back; the third is missing — stated, reported
    keys.type(counter.manual, tags[2])
    qtbot.waitUntil(
        lambda: (
            (counter.current_seized() or {}).get("code") == tags[2]
            and "transfer_in" in counter.seized_record.buttons
        )
    )
    m.seized_tools.in_action.trigger()  # from the toolbar: the first scan finds the transfer
    d2 = wait_for_dialog(qtbot, SeizedTransferDialog)
    assert d2.direction == "in" and d2.transfer is None
    d2.entry.setFocus()
    keys.type(d2.entry, tags[2])
    assert d2.transfer is not None and len(d2.checklist.rows) == 3
    assert d2.checklist.ticked == [tags[2]]
    keys.type(d2.entry, tags[0])
    # the USB stick came back damaged: selected in the list, what is wrong said
    d2.checklist.table.selectRow(1)
    d2.damage.setText("外壳破裂")
    d2.damage_button.click()
    assert d2.banner.kind == "warn" and d2.damaged == {}  # not checked back yet
    d2.checklist.table.selectRow(0)
    d2.damage.setText("外壳破裂")
    d2.damage_button.click()
    assert d2.damaged == {tags[0]: "外壳破裂"}
    assert "外壳破裂" in d2.checklist.table.item(0, 2).text()
    assert not d2.submit_button.isEnabled()
    assert d2.discrepancy.isVisibleTo(d2)
    d2.discrepancy.setPlainText("手机未随卷退回，办案人称仍在技术部门")
    assert d2.submit_button.isEnabled()
    ui.sign(d2, "keeper")
    ui.sign(d2, "investigator", "H001")
    assert ui.submit(d2) is not None
    assert statuses(office, tags) == ["in_safekeeping", "missing", "in_safekeeping"]
    # the head of the case's department is told: the report waits in his inbox, he
    # acknowledges it, signing
    keeper_app.sign_out()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    m = ui.sign_in("D001")
    inbox = m.inbox
    qtbot.waitUntil(lambda: len(inbox.seized_incidents.rows) == 2)
    reports = {r["code"]: r for r in inbox.seized_incidents.rows}
    assert reports[tags[1]]["kind"] == "missing"
    assert "手机未随卷退回" in reports[tags[1]]["description"]
    assert reports[tags[0]]["kind"] == "damaged"
    assert "外壳破裂" in reports[tags[0]]["description"]
    assert m.tabs.tabText(m.tabs.indexOf(inbox)).endswith("(2)")
    inbox.seized_ack.click()
    qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
    ui.sign(m.dialog, "head")
    assert ui.submit(m.dialog) is not None
    qtbot.waitUntil(lambda: len(inbox.seized_incidents.rows) == 1)
    res = admin.verify_audit_file(office.path)
    assert res.ok, res.problems


def test_receive_request_approval_unseal_and_reseal_from_the_record(
    ui, keeper_app, office: Office, qtbot, qapp
) -> None:
    """The keeper receives the sealed seizure scanning every tag (Art. 130); an investigator
    asks to unseal one item; the head approves it in his inbox, signing; two investigators
    unseal it and reseal it with a new seal at the counter (Art. 129)."""
    _sid, tags = sealed_seizure(office)
    keys = Keys(qapp)

    def open_item(m, code: str, action: str) -> Any:
        keys.type(m.counter.manual, code)
        qtbot.waitUntil(
            lambda: (
                (m.counter.current_seized() or {}).get("code") == code
                and action in m.counter.seized_record.buttons
            )
        )
        m.counter.seized_record.buttons[action].click()
        qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
        return m.dialog

    def sign_out() -> None:
        keeper_app.sign_out()
        qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)

    m = ui.sign_in("K001")
    d = open_item(m, tags[0], "receive")
    for c in tags:
        keys.type(d.entry, c)
    assert d.checklist.complete()
    d.location.setText("柜S-01")
    ui.sign(d, "investigator", "H001")
    ui.sign(d, "keeper")
    assert ui.submit(d) is not None
    assert statuses(office, tags) == ["in_safekeeping"] * 3
    sign_out()

    m = ui.sign_in("H001")
    d = open_item(m, tags[1], "request_unseal")
    d.reason.setPlainText("需提取存储卡中的录像进行鉴定")
    assert ui.submit(d) is not None
    sign_out()

    m = ui.sign_in("D001")
    inbox = m.inbox
    qtbot.waitUntil(lambda: len(inbox.seized_requests.rows) == 1)
    assert inbox.seized_requests.rows[0]["kind"] == "unseal"
    inbox.seized_approve.click()
    qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
    ui.sign(m.dialog, "head")
    assert ui.submit(m.dialog) is not None
    qtbot.waitUntil(lambda: len(inbox.seized_requests.rows) == 0)
    sign_out()

    m = ui.sign_in("K001")
    d = open_item(m, tags[1], "unseal")
    ui.sign(d, "investigator1", "H001")
    ui.sign(d, "investigator2", "H002")
    assert ui.submit(d) is not None
    assert statuses(office, tags)[1] == "unsealed"
    qtbot.waitUntil(lambda: "reseal" in m.counter.seized_record.buttons)
    m.counter.seized_record.buttons["reseal"].click()
    qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
    d = m.dialog
    d.seal_no.setText("F-0102")
    ui.sign(d, "investigator1", "H001")
    ui.sign(d, "investigator2", "H002")
    assert ui.submit(d) is not None
    rec = seized.lookup(office.session("K001"), tags[1])
    assert rec["status"] == "in_safekeeping" and rec["seal_no"] == "F-0102"
    assert [e["kind"] for e in rec["seals"]] == ["seal", "unseal", "reseal"]
    res = admin.verify_audit_file(office.path)
    assert res.ok, res.problems


def test_sealing_from_the_record_the_lists_and_a_release(
    ui, keeper_app, office: Office, qtbot, qapp
) -> None:
    """An inventory registered but not sealed: its record offers the sealing, done in the
    intake's form with the inventory fixed; the list and the due board show the seized items;
    items found unrelated are released at the counter, each tag scanned (Art. 124, 134)."""
    rec_id = sealing_recording(office)
    got = seized.intake(
        office.session("H001"),
        "A2026-001",
        {
            "cause": "故意伤害",
            "persons": "王某某",
            "record_ref": "扣押笔录 第7号",
            "seized_at": office.clock() - timedelta(hours=5),
            "place": "某某网吧",
        },
        ITEMS[:2],
    )
    tags = list(got["codes"])
    keys = Keys(qapp)
    m = ui.sign_in("H001")
    keys.type(m.counter.manual, tags[0])
    qtbot.waitUntil(lambda: "seal" in m.counter.seized_record.buttons)
    m.counter.seized_record.buttons["seal"].click()
    d = wait_for_dialog(qtbot, SeizedIntakeDialog)
    assert d.seizure_id == int(got["seizure_id"]) and not d.cause.isEnabled()
    assert d.cause.text() == "故意伤害" and d.rows() == 2
    assert d.item_values(1)["specification"] == "闪迪 microSD"
    assert d.recording.currentData() == rec_id
    d.set_cell(0, "seal_no", "G-0001")
    d.set_cell(1, "seal_no", "G-0002")
    ui.sign(d, "investigator1", "H001")
    ui.sign(d, "investigator2", "H002")
    assert ui.submit(d) is not None
    assert statuses(office, tags) == ["sealed", "sealed"]
    # the list of seized items
    m.tabs.setCurrentWidget(m.seized)
    m.seized.refresh()
    qtbot.waitUntil(lambda: m.seized.model.rowCount() == 2)
    assert {r["code"] for r in m.seized.model.rows} == set(tags)
    # the second item is found unrelated; the head approves its release
    keeper_app.sign_out()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    seized.receive(
        office.session("K001"),
        int(got["seizure_id"]),
        tags,
        office.cred("H001"),
        office.cred("K001"),
        "柜S-02",
    )
    rid = seized.find_unrelated(office.session("H001"), [tags[1]], "经查系他人个人物品")
    seized.decide(office.session("D001"), rid, office.cred("D001"), True)
    m = ui.sign_in("K001")
    # the due board: the release is due three days after the finding
    qtbot.waitUntil(
        lambda: any(r["kind"] == "seized_release" for r in m.due.model.rows), timeout=10_000
    )
    row = next(i for i, r in enumerate(m.due.model.rows) if r["kind"] == "seized_release")
    assert m.due.model.index(row, 2).data() == label("SeizedDue", "seized_release")
    # a double click on the release deadline opens the item to release at the counter
    m.due.table.doubleClicked.emit(m.due.model.index(row, 0))
    qtbot.waitUntil(
        lambda: (m.counter.seized_record.record or {}).get("code") == tags[1], timeout=10_000
    )
    assert m.counter.seized_record.print_actions["release"].isVisible()
    keys.type(m.counter.manual, tags[1])
    qtbot.waitUntil(lambda: "release" in m.counter.seized_record.buttons)
    m.counter.seized_record.buttons["release"].click()
    qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
    d = m.dialog
    assert [r["code"] for r in d.checklist.rows] == [tags[1]]
    keys.type(d.entry, tags[0])  # not released
    assert d.banner.kind == "error" and d.checklist.ticked == []
    keys.type(d.entry, tags[1])
    assert d.checklist.complete()
    d.recipient.setText("王某某")
    ui.sign(d, "investigator", "H001")
    ui.sign(d, "keeper")
    assert ui.submit(d) is not None
    assert statuses(office, tags) == ["in_safekeeping", "released"]
    # the release notice and the release inventory are offered for the possessor to sign
    tools = m.seized_tools
    qtbot.waitUntil(lambda: tools.offer is not None, timeout=10_000)
    assert tools.offer.isVisible() and f"#{rid}" in tools.offer.windowTitle()
    tools.offer_print.click()
    qtbot.waitUntil(lambda: m.extras.print_dialog is not None, timeout=10_000)
    assert m.extras.print_dialog.doc.ref == rid
    assert m.extras.print_dialog.doc.entry.key == "seized_release"
    m.extras.print_dialog.reject()
    res = admin.verify_audit_file(office.path)
    assert res.ok, res.problems


def test_an_extension_asked_at_the_counter_and_approved_in_the_inbox(
    ui, keeper_app, office: Office, qtbot, qapp
) -> None:
    """Art. 133: an investigator asks for the sealing period's extension from an item's record;
    the head approves it before the period ends; the record shows the new end."""
    _sid, tags = kept_seizure(office)
    keys = Keys(qapp)
    m = ui.sign_in("H001")
    keys.type(m.counter.manual, tags[0])
    qtbot.waitUntil(lambda: "request_extension" in m.counter.seized_record.buttons)
    end = m.counter.current_seized()["seizure"]["period_end"]
    m.counter.seized_record.buttons["request_extension"].click()
    qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
    d = m.dialog
    assert end in d.summary.text()
    before = office.snapshot()
    assert ui.submit(d) is None  # no reason given: refused, nothing recorded
    assert office.snapshot() == before
    d.reason.setPlainText("案情复杂，需继续鉴定")
    d.days.setValue(60)
    assert ui.submit(d) is not None
    keeper_app.sign_out()
    qtbot.waitUntil(lambda: keeper_app.sign_in_window is not None)
    m = ui.sign_in("D001")
    qtbot.waitUntil(lambda: len(m.inbox.seized_requests.rows) == 1)
    assert m.inbox.seized_requests.rows[0]["days"] == 60
    m.inbox.seized_approve.click()
    qtbot.waitUntil(lambda: m.dialog is not None and m.dialog.isVisible())
    ui.sign(m.dialog, "head")
    assert ui.submit(m.dialog) is not None
    rec = seized.lookup(office.session("H001"), tags[0])
    assert rec["seizure"]["extended"] and rec["seizure"]["period_end"] > end
    keys.type(m.counter.manual, tags[0])
    qtbot.waitUntil(lambda: m.counter.current_seized() is not None)
    fields = "\n".join(v.text() for _k, v in m.counter.seized_record._cells if v.isVisible())
    assert rec["seizure"]["period_end"] in fields
    assert m.counter.seized_record.tr("(extended)") in fields


def test_a_head_inspects_the_register_of_seized_items(ui, office: Office, qtbot) -> None:
    """Art. 261: the head of the department records his periodic inspection, signing."""
    kept_seizure(office)
    m = ui.sign_in("D001")
    tools = m.seized_tools
    assert tools.inspect_action.isVisible() and not tools.intake_action.isVisible()
    d = tools.open_inspection()
    qtbot.waitUntil(d.isVisible)
    assert d.items_checked.value() == 3
    ui.sign(d, "head")
    before = office.snapshot()
    assert ui.submit(d) is None  # no findings: refused, nothing recorded
    assert office.snapshot() == before
    d.findings.setPlainText("封条完好，清单与实物一致")
    assert ui.submit(d) is not None
    rows = seized.inspections(office.session("D001"))
    assert [(r["items_checked"], r["findings"]) for r in rows] == [(3, "封条完好，清单与实物一致")]
    # the inspections are listed under the seized items, for those who read the register
    assert not m.seized.inspection_table.isHidden()
    qtbot.waitUntil(lambda: m.seized.inspections.rowCount() == 1, timeout=10_000)
    [shown] = m.seized.inspections.rows
    assert shown["findings"] == "封条完好，清单与实物一致" and shown["by_badge"] == "D001"
    ui.app.sign_out()
    qtbot.waitUntil(lambda: ui.app.sign_in_window is not None)
    h = ui.sign_in("H001")  # a case handler does not read the register: no inspections shown
    assert h.seized is not None and h.seized.inspection_table.isHidden()
