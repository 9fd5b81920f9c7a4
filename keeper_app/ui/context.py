"""What every view and dialog of a signed-in window needs, passed explicitly."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ..services import lookup
from ..services.session import Session
from ..store import Database
from .feedback import Feedback
from .ops import Ops
from .settings import Settings

if TYPE_CHECKING:
    from .print_queue import PrintQueue


@dataclass
class UiContext:
    db: Database  # the GUI thread's connection; workers open their own (see ops.py)
    session: Session
    ops: Ops
    settings: Settings
    feedback: Feedback
    print_queue: PrintQueue | None = None  # the application's (one job at a time per printer)

    @property
    def me(self) -> Any:
        return self.session.person

    def people(self, role: str | None = None) -> list[dict[str, Any]]:
        return lookup.people_brief(self.session, role)
