"""A one- or two-line message strip: confirmation (green), warning (amber), refusal (red).

When the language is switched, a refusal is written again in the new language, a message
given with ``again`` (a function that makes it) is made again, and any other message — said
in the old language — is taken away: nothing stays on screen in the language left behind."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

from ..errors import refusal

STYLES = {
    "ok": "background:#e3f4e1;color:#1d5b1a;border:1px solid #8cc786;",
    "warn": "background:#fff4d6;color:#6b4b00;border:1px solid #e3b94d;",
    "error": "background:#fde4e1;color:#8a1c12;border:1px solid #e08a80;",
    "info": "background:#e8eef8;color:#1f3b66;border:1px solid #9db3d8;",
}


class Banner(QLabel):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.kind = ""
        self._styled = ""
        self._exc: BaseException | None = None
        self._again: Callable[[], tuple[str, str]] | None = None
        self.hide()

    def changeEvent(self, ev: QEvent) -> None:  # noqa: N802 - Qt override
        if ev.type() == QEvent.Type.LanguageChange and self.kind:
            if self._exc is not None:
                self.refuse(self._exc)
            elif self._again is not None:
                self.say(self.kind, *self._again(), again=self._again)
            else:
                self.clear_message()
        super().changeEvent(ev)

    def say(
        self,
        kind: str,
        text: str,
        detail: str = "",
        *,
        again: Callable[[], tuple[str, str]] | None = None,
    ) -> None:
        """``again``: makes (text, detail) anew in the current language."""
        self._exc, self._again = None, again
        if kind != self._styled:  # a style sheet re-polishes the widget: only on a change
            self.setStyleSheet(f"QLabel{{{STYLES[kind]}border-radius:4px;padding:6px 10px;}}")
            self._styled = kind
        self.kind = kind
        body = _esc(text)
        if detail:
            body += f"<br><span style='font-size:small;color:#555'>{_esc(detail)}</span>"
        self.setText(body)
        self.show()

    def refuse(self, exc: BaseException) -> None:
        r = refusal(exc)
        self.say("error", f"{r.headline} {r.article}".strip(), r.detail)
        self._exc = exc

    def clear_message(self) -> None:
        self.kind = ""
        self._exc = self._again = None
        self.setText("")
        self.hide()


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "<br>")
