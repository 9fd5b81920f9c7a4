"""The desk's office server in the settings (issue 11, point 1): kept without its password,
refused with one, and used at the next start when Keeper is started without --db/$KEEPER_DB."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from keeper_app.ui.settings import IDLE_LOCK_SECONDS, OFFICE_SERVER, Settings


def _open(ui):
    m = ui.sign_in("K001")
    m.settings_button.click()
    return m.extras.settings_dialog


def _save(d) -> None:
    d.buttons.button(QDialogButtonBox.StandardButton.Save).click()


def test_the_office_server_is_kept_without_a_password(ui, settings: Settings) -> None:
    d = _open(ui)
    d.server.setText("postgresql://keeper_app@office-server/keeper")
    _save(d)
    assert not d.isVisible()
    assert settings.get(OFFICE_SERVER) == "postgresql://keeper_app@office-server/keeper"


@pytest.mark.parametrize(
    ("text", "said"),
    [
        ("postgresql://keeper_app:secret@office-server/keeper", "~/.pgpass"),
        ("office-server/keeper", "postgresql://"),
    ],
)
def test_an_address_with_a_password_or_no_scheme_is_refused_and_nothing_saved(
    ui, settings: Settings, text: str, said: str
) -> None:
    before = settings.get(IDLE_LOCK_SECONDS)
    d = _open(ui)
    d.idle_minutes.setValue(before // 60 + 1)
    d.server.setText(text)
    _save(d)
    assert d.isVisible() and d.banner.kind == "error"
    assert said in d.banner.text()
    assert settings.get(OFFICE_SERVER) == "" and settings.get(IDLE_LOCK_SECONDS) == before
