"""Everyone changes their own password from the main window ("Change password…"): a new
signing key is made, the window signs with it from then on, and the new key form is offered."""

from __future__ import annotations

from conftest import PASSWORD, Office

from keeper_app import crypto
from keeper_app.services import admin, custody
from keeper_app.store import people as people_repo


def test_a_keeper_changes_the_password_and_signs_on_with_the_new_key(
    ui, office: Office, qtbot
) -> None:
    o, d = office.handed_over_pair()
    m = ui.sign_in("K001")
    old_key = crypto.public_bytes(m.ctx.session.key)
    assert m.password_button.isVisible()
    m.password_button.click()
    dlg = m.dialog
    dlg.old.setText(PASSWORD)
    dlg.new.setText("a-new-secret-9")
    dlg.new2.setText("a-new-secret-8")
    assert ui.submit(dlg) is None and "不一致" in dlg.banner.text()
    assert dlg.old.text() == "" and dlg.new.text() == ""
    dlg.old.setText(PASSWORD + "x")
    dlg.new.setText("a-new-secret-9")
    dlg.new2.setText("a-new-secret-9")
    assert ui.submit(dlg) is None and "密码错误" in dlg.banner.text()
    dlg.old.setText(PASSWORD)
    dlg.new.setText("a-new-secret-9")
    dlg.new2.setText("a-new-secret-9")
    assert ui.submit(dlg) is not None, dlg.banner.text()
    pid = m.ctx.session.person.id
    hist = people_repo.key_history(office.db.conn, pid)
    assert [h["reason"] for h in hist] == ["added", "password_change"]
    assert bytes(hist[0]["public_key"]) == old_key  # the old key stays in the history
    assert crypto.public_bytes(m.ctx.session.key) == bytes(hist[-1]["public_key"])
    # the new key form is offered
    qtbot.waitUntil(lambda: m.extras.offer is not None and m.extras.offer.isVisible())
    assert "K001" in m.extras.offer.windowTitle()
    m.extras.offer.reject()
    # the window's session signs its next entry with the new key
    custody.set_location(m.ctx.session, d, "柜C-03")
    assert admin.verify_audit(office.db).ok
