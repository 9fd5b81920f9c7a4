"""The desk's office server in the settings (issue 11, point 1): kept without its password,
refused with one, and used at the next start when Keeper is started without --db/$KEEPER_DB."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from keeper_app.store.pg import safe_url
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


# ---------------------------------------------------------------------- trying the address
def _pgpass(tmp_path, monkeypatch, url: str, password: str) -> None:
    """The desk's password file (as ~/.pgpass, mode 0600) for the server at ``url``."""
    from urllib.parse import urlsplit

    p = urlsplit(url)
    f = tmp_path / "pgpass"
    f.write_text(f"{p.hostname}:{p.port}:{p.path.lstrip('/')}:{p.username}:{password}\n")
    f.chmod(0o600)
    monkeypatch.setenv("PGPASSFILE", str(f))


def _try(ui, d, text: str) -> None:
    d.server.setText(text)
    d.server_test.click()
    ui.qtbot.waitUntil(lambda: d.server_test.isEnabled(), timeout=30_000)


def test_trying_the_office_server_says_whose_register_it_holds_and_saves_nothing(
    ui, settings: Settings, pg_office_url: str, tmp_path, monkeypatch
) -> None:
    from urllib.parse import urlsplit

    from conftest import make_office

    from keeper_app.store import audit
    from keeper_app.timeutil import show

    server_office = make_office(pg_office_url)
    events, _h, at = audit.head_at(server_office.db.conn)
    server_office.db.close()
    address = safe_url(pg_office_url)
    _pgpass(tmp_path, monkeypatch, pg_office_url, urlsplit(pg_office_url).password or "")
    d = _open(ui)
    _try(ui, d, address)
    assert d.banner.kind == "ok", d.banner.text()
    shown = d.banner.text()
    assert "某市公安局" in shown and str(events) in shown and show(at or "") in shown, shown
    assert address in shown
    assert urlsplit(pg_office_url).password not in shown
    assert d.isVisible() and settings.get(OFFICE_SERVER) == ""  # tried, not saved
    _save(d)
    assert settings.get(OFFICE_SERVER) == address


def test_trying_a_server_that_refuses_the_desk_or_does_not_answer_says_which(
    ui, settings: Settings, pg_office_url: str, tmp_path, monkeypatch
) -> None:
    from pg_cluster import free_port

    address = safe_url(pg_office_url)
    _pgpass(tmp_path, monkeypatch, pg_office_url, "not-the-password")
    d = _open(ui)
    _try(ui, d, address)
    refused = d.banner.text()
    assert d.banner.kind == "error" and refused.startswith("✖") and "~/.pgpass" in refused
    (tmp_path / "pgpass").write_text("")  # no password for it at all: refused, too
    _try(ui, d, address)
    headline = refused.split("<br>")[0]
    assert d.banner.kind == "error" and d.banner.text().split("<br>")[0] == headline
    nobody = f"postgresql://keeper_app@127.0.0.1:{free_port()}/keeper"
    _try(ui, d, nobody)
    unanswered = d.banner.text()
    assert d.banner.kind == "error" and unanswered.startswith("✖")
    assert "~/.pgpass" not in unanswered  # not told to check a password
    _try(ui, d, "postgresql://keeper_app:secret@127.0.0.1/keeper")  # refused before trying
    assert d.banner.kind == "error" and "~/.pgpass" in d.banner.text()
    assert settings.get(OFFICE_SERVER) == ""
