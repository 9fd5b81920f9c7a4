"""Administrators manage people: add, change roles, deactivate; the services refuse what the
rules forbid and the dialog says so."""

from __future__ import annotations

from conftest import PASSWORD, Office

from keeper_app.services import lookup


def test_admin_adds_a_keeper_who_can_then_sign_in(ui, keeper_app, office: Office, qtbot) -> None:
    m = ui.sign_in("ADMIN")
    view = m.people
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    view.add.click()
    dlg = m.dialog
    dlg.badge.setText("K003")
    dlg.name.setText("钱保管")
    dlg.role_boxes["keeper"].setChecked(True)
    dlg.department.setCurrentIndex(dlg.department.findText("法制大队"))
    dlg.password.setText(PASSWORD)
    dlg.password2.setText(PASSWORD + "x")
    assert ui.submit(dlg) is None and "不一致" in dlg.banner.text()
    dlg.password2.setText(PASSWORD)
    assert ui.submit(dlg) is not None, dlg.banner.text()
    qtbot.waitUntil(lambda: view.model.rowCount() == 12)
    assert any(p["badge"] == "K003" for p in lookup.people_brief(office.session("K001"), "keeper"))


def test_admin_changes_roles_and_deactivates(ui, office: Office, qtbot) -> None:
    m = ui.sign_in("ADMIN")
    view = m.people
    qtbot.waitUntil(lambda: view.model.rowCount() == 11)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "R001")
    view.table.selectRow(row)
    view.roles.click()
    dlg = m.dialog
    dlg.role_boxes["dept_head"].setChecked(True)
    assert ui.submit(dlg) is not None, dlg.banner.text()
    assert office.session("R001").person.has("dept_head")  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: not view.loading)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "R001")
    view.table.selectRow(row)
    view.toggle.click()
    qtbot.waitUntil(lambda: view.banner.kind == "ok")
    people = {p["badge"]: p for p in lookup.people_brief(office.session("K001"))}
    assert "R001" not in people  # deactivated: no longer offered as a signer
    # an administrator cannot deactivate themself
    qtbot.waitUntil(lambda: not view.loading)
    row = next(i for i, p in enumerate(view.model.rows) if p["badge"] == "ADMIN")
    view.table.selectRow(row)
    view.toggle.click()
    qtbot.waitUntil(lambda: view.banner.kind == "error")
