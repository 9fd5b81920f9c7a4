"""The actions of a seized item's record at the counter besides the temporary transfer (issue
15; supervision draft Art. 124, 129-130, 133-134):

- receiving a sealed seizure into safekeeping (Art. 130: within 30 days): every item's tag
  scanned against the inventory, the investigator handing over and the keeper sign;
- unsealing under an approved request, and resealing with a new seal, each done by two or
  more investigators together, who sign (Art. 129);
- the investigators' requests to the head of the case's department: unsealing, a temporary
  transfer (Art. 131), the sealing period's extension before it expires (Art. 133), and the
  finding that items are unrelated to the case, which asks for their release within three
  days (Art. 124, 134)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from ...domain import seized as seized_rules
from ...services import seized
from ...services.session import Session, parse_code
from ..context import UiContext
from ..labels import label, values
from ..widgets.tag_checklist import TagChecklist
from .base import WorkflowDialog


def item_summary(rec: dict[str, Any]) -> str:
    """HTML: the item's tag, status, type and content, its case and seizure."""
    case = (
        QCoreApplication.translate("Summary", "Case %1 %2 · seizure #%3")
        .replace("%1", str(rec["case_no"]))
        .replace("%2", str(rec.get("case_name", "")))
        .replace("%3", str(rec["seizure"]["id"]))
    )
    return (
        f"<b style='font-size:large'>{rec['pretty']}</b> &nbsp; "
        f"{label('SeizedStatus', rec['status'])} · {label('MediaType', rec.get('media_type'))}"
        f" · {rec.get('content', '')}<br>{case}"
    )


def _note() -> QPlainTextEdit:
    w = QPlainTextEdit()
    w.setTabChangesFocus(True)  # Tab goes on, never traps the keyboard
    w.setFixedHeight(56)
    return w


class _Investigators:
    """Two investigators (case handlers of the case's department) sign together."""

    @staticmethod
    def add(d: WorkflowDialog) -> None:
        d.signers.add(
            "investigator1",
            QCoreApplication.translate("SeizedActions", "Investigator"),
            role="case_handler",
        )
        d.signers.add(
            "investigator2",
            QCoreApplication.translate("SeizedActions", "Second investigator"),
            role="case_handler",
        )

    @staticmethod
    def creds(d: WorkflowDialog) -> list[Any]:
        return [d.signers.credential("investigator1"), d.signers.credential("investigator2")]


# ------------------------------------------------------------------ receive (Art. 130)
class SeizedReceiveDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Receive seized items into safekeeping"), parent)
        self.setMinimumWidth(720)
        self.rec = rec
        self.set_summary(
            item_summary(rec)
            + "<br>"
            + self.tr(
                "Scan the tag of every item of the seizure (Art. 130): all of them are "
                "received together."
            )
        )
        self.entry = QLineEdit()
        self.entry.setObjectName("receive_entry")
        self.entry.returnPressed.connect(self._typed)
        self.location = QLineEdit()
        self.location.setObjectName("receive_location")
        self.late = QLineEdit()
        self.late.setPlaceholderText(self.tr("only when more than 30 days after the seizure"))
        self.form.addRow(self.tr("Scan"), self.entry)
        self.form.addRow(self.tr("Shelf location"), self.location)
        self.form.addRow(self.tr("Reason it is late"), self.late)
        self.checklist = TagChecklist(lambda text: parse_code(text).text)
        self.checklist.set_rows(
            [
                {
                    "code": i["code"],
                    "shown": i["pretty"],
                    "what": label("MediaType", i["media_type"]) + " · " + str(i["content"]),
                }
                for i in rec["seizure"]["items"]
                if i["status"] == "sealed"
            ]
        )
        self.body.addWidget(self.checklist, 1)
        self.signers.add("investigator", self.tr("Investigator handing over"), role="case_handler")
        self.signers.add("keeper", self.tr("Keeper"), me=True)

    def _typed(self) -> None:
        text = self.entry.text()
        self.entry.clear()
        self.handle_scan(text)

    def handle_scan(self, text: str) -> None:
        kind, shown, exc = self.checklist.scan(text)
        if kind == "ticked":
            self.banner.say("ok", self.tr("✔ %1 checked.").replace("%1", shown))
            self.ctx.feedback.accepted()
        elif exc is not None:
            self.banner.refuse(exc)
            self.ctx.feedback.refused()
        elif kind == "twice":
            self.banner.say("warn", self.tr("%1 was already checked.").replace("%1", shown))
            self.ctx.feedback.duplicate()
        else:
            self.banner.say(
                "error", self.tr("%1 is not an item of this seizure.").replace("%1", shown)
            )
            self.ctx.feedback.refused()

    def values(self) -> dict[str, Any]:
        return {
            "scanned": list(self.checklist.ticked),
            "location": self.location.text(),
            "late": self.late.text().strip() or None,
            "investigator": self.signers.credential("investigator"),
            "keeper": self.signers.credential("keeper"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return seized.receive(
            s,
            int(self.rec["seizure"]["id"]),
            v["scanned"],
            v["investigator"],
            v["keeper"],
            v["location"],
            late_reason=v["late"],
        )

    def confirmation(self, result: Any) -> str:
        return self.tr("Seizure #%1 received into safekeeping.").replace(
            "%1", str(self.rec["seizure"]["id"])
        )


# ------------------------------------------------------------------ release (Art. 124, 134)
class SeizedReleaseDialog(SeizedReceiveDialog):
    """The items of an approved release request (the finding that they are unrelated) given
    back, each tag scanned; the possessor signs the release inventory or the refusal is noted;
    the investigator and the keeper sign."""

    def __init__(self, ctx: UiContext, rec: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, rec, parent)
        self.setWindowTitle(self.tr("Release seized items"))
        self.heading.setText("<h3>" + self.tr("Release seized items") + "</h3>")
        self.request = next(
            (
                q
                for q in sorted(rec.get("requests", []), key=lambda q: -int(q["id"]))
                if q.get("kind") == "release" and q.get("decision") == "approved"
            ),
            None,
        )
        ids = {int(i) for i in (self.request or {}).get("items", [])}
        self.set_summary(
            item_summary(rec)
            + "<br>"
            + self.tr(
                "Items found unrelated to the case are given back within three days of the "
                "finding (Art. 124, 134): scan the tag of every item released."
            )
        )
        self.checklist.set_rows(
            [
                {
                    "code": i["code"],
                    "shown": i["pretty"],
                    "what": label("MediaType", i["media_type"]) + " · " + str(i["content"]),
                }
                for i in rec["seizure"]["items"]
                if int(i["id"]) in ids
            ]
        )
        self.location.hide()
        self.form.labelForField(self.location).hide()
        self.late.setPlaceholderText(self.tr("only when more than 3 days after the finding"))
        self.recipient = QLineEdit(str(rec["seizure"].get("possessor") or ""))
        self.recipient.setObjectName("release_recipient")
        self.possessor_signature = QComboBox()
        for v in values("PossessorSignature"):
            self.possessor_signature.addItem(label("PossessorSignature", v), v)
        self.possessor_note = QLineEdit()
        self.possessor_note.setPlaceholderText(
            self.tr("required unless the possessor signed: what happened")
        )
        self.form.addRow(self.tr("Given back to"), self.recipient)
        self.form.addRow(self.tr("The possessor"), self.possessor_signature)
        self.form.addRow("", self.possessor_note)
        if self.request is None:
            self.banner.say(
                "warn",
                self.tr("No approved release: the head of the case's department decides first."),
            )

    def values(self) -> dict[str, Any]:
        return super().values() | {
            "recipient": self.recipient.text(),
            "signature": self.possessor_signature.currentData(),
            "note": self.possessor_note.text(),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return seized.release(
            s,
            int((self.request or {}).get("id", 0)),
            v["scanned"],
            v["investigator"],
            v["keeper"],
            v["recipient"],
            v["signature"],
            v["note"],
            late_reason=v["late"],
        )

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("%1 items released (release #%2).")
            .replace("%1", str(len(self.checklist.ticked)))
            .replace("%2", str(result))
        )


# ------------------------------------------------------------------ unseal, reseal (Art. 129)
class SeizedUnsealDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Unseal a seized item"), parent)
        self.rec = rec
        self.set_summary(item_summary(rec))
        self.request = next(
            (
                q
                for q in sorted(rec.get("requests", []), key=lambda q: -int(q["id"]))
                if q.get("kind") == "unseal" and q.get("decision") == "approved"
            ),
            None,
        )
        self.note = _note()
        self.form.addRow(self.tr("Note"), self.note)
        if self.request is None:
            self.banner.say(
                "warn", self.tr("No approved unsealing request: the investigator asks first.")
            )
        else:
            self.banner.say(
                "info",
                self.tr("Under request #%1, approved: %2")
                .replace("%1", str(self.request["id"]))
                .replace("%2", str(self.request.get("reason", ""))),
            )
        _Investigators.add(self)

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "investigators": _Investigators.creds(self)}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        rid = int(self.request["id"]) if self.request else 0
        return seized.unseal(s, self.rec["code"], rid, v["investigators"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("%1 is unsealed; reseal it after use.").replace("%1", self.rec["pretty"])


class SeizedResealDialog(WorkflowDialog):
    def __init__(self, ctx: UiContext, rec: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Reseal a seized item"), parent)
        self.rec = rec
        self.set_summary(item_summary(rec))
        self.seal_no = QLineEdit()
        self.seal_no.setObjectName("seized_new_seal")
        self.seal_no.setPlaceholderText(self.tr("a new seal: never used before"))
        self.note = _note()
        self.form.addRow(self.tr("New seal number"), self.seal_no)
        self.form.addRow(self.tr("Note"), self.note)
        _Investigators.add(self)

    def values(self) -> dict[str, Any]:
        return {
            "seal": self.seal_no.text(),
            "note": self.note.toPlainText(),
            "investigators": _Investigators.creds(self),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return seized.reseal(s, self.rec["code"], v["seal"], v["investigators"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("%1 is resealed.").replace("%1", self.rec["pretty"])


# ------------------------------------------------------------------ requests to the head
class SeizedRequestDialog(WorkflowDialog):
    """``kind``: request_unseal, request_transfer, request_extension or find_unrelated."""

    def __init__(
        self, ctx: UiContext, kind: str, rec: dict[str, Any], parent: QWidget | None = None
    ):
        titles = {
            "request_unseal": self.tr("Request unsealing"),
            "request_transfer": self.tr("Request a temporary transfer"),
            "request_extension": self.tr("Request an extension of the sealing period"),
            "find_unrelated": self.tr("Items found unrelated to the case"),
        }
        super().__init__(ctx, titles[kind], parent)
        self.kind, self.rec = kind, rec
        self.set_summary(
            item_summary(rec)
            + "<br>"
            + self.tr("The sealing period ends %1.").replace(
                "%1", str(rec["seizure"]["period_end"])
            )
        )
        self.reason = _note()
        self.reason.setObjectName("seized_request_reason")
        self.form.addRow(
            self.tr("What was found") if kind == "find_unrelated" else self.tr("Reason"),
            self.reason,
        )
        self.items = QListWidget()
        self.items.setObjectName("seized_request_items")
        self.items.setMaximumHeight(120)
        for i in rec["seizure"]["items"]:
            it = QListWidgetItem(
                f"{i['pretty']} · {label('MediaType', i['media_type'])} · {i['content']}"
                f" · {label('SeizedStatus', i['status'])}"
            )
            it.setData(Qt.ItemDataRole.UserRole, i["code"])
            it.setFlags(it.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            it.setCheckState(
                Qt.CheckState.Checked if i["code"] == rec["code"] else Qt.CheckState.Unchecked
            )
            self.items.addItem(it)
        self.days = QSpinBox()
        self.days.setRange(1, seized_rules.PERIOD_DAYS)
        self.days.setValue(90)
        self.days.setSuffix(self.tr(" days"))
        if kind in ("request_transfer", "find_unrelated"):
            self.form.addRow(self.tr("Items"), self.items)
        if kind == "request_extension":
            self.form.addRow(self.tr("Extend by"), self.days)
        self.signers.hide()

    def submit_text(self) -> str:
        return self.tr("Send to the head")

    def values(self) -> dict[str, Any]:
        codes = [
            self.items.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.items.count())
            if self.items.item(i).checkState() == Qt.CheckState.Checked
        ]
        return {"reason": self.reason.toPlainText(), "codes": codes, "days": self.days.value()}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        if self.kind == "request_unseal":
            return seized.request_unseal(s, self.rec["code"], v["reason"])
        if self.kind == "request_transfer":
            return seized.request_transfer(s, v["codes"], v["reason"])
        if self.kind == "request_extension":
            return seized.request_extension(
                s, int(self.rec["seizure"]["id"]), v["days"], v["reason"]
            )
        return seized.find_unrelated(s, v["codes"], v["reason"])

    def confirmation(self, result: Any) -> str:
        return self.tr(
            "Request #%1 sent to the head of the case's department for approval."
        ).replace("%1", str(result))


# ------------------------------------------------------------------ the head's inbox
class SeizedDecisionDialog(WorkflowDialog):
    """The head of the case's department approves or refuses an investigators' request,
    signing (an extension only before the period ends, Art. 133)."""

    def __init__(
        self, ctx: UiContext, request: dict[str, Any], approve: bool, parent: QWidget | None = None
    ):
        self.approve = approve
        title = (
            QCoreApplication.translate("SeizedDecisionDialog", "Approve a request on seized items")
            if approve
            else QCoreApplication.translate(
                "SeizedDecisionDialog", "Refuse a request on seized items"
            )
        )
        super().__init__(ctx, title, parent)
        self.request = request
        self.set_summary(
            self.tr("Request #%1: %2, case %3, seizure #%4<br>Reason: %5<br>Asked by %6 at %7")
            .replace("%1", str(request["id"]))
            .replace("%2", label("SeizedRequest", request["kind"]))
            .replace("%3", str(request["case_no"]))
            .replace("%4", str(request["seizure_id"]))
            .replace("%5", str(request.get("reason", "")))
            .replace("%6", str(request.get("requested_by_name", "")))
            .replace("%7", str(request.get("requested_at", "")))
            + (
                "<br>" + self.tr("Extend by %1 days.").replace("%1", str(request["days"]))
                if request.get("days")
                else ""
            )
        )
        self.note = _note()
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("head", self.tr("Department head"), me=True)

    def submit_text(self) -> str:
        return self.tr("Approve and sign") if self.approve else self.tr("Refuse and sign")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return seized.decide(s, int(self.request["id"]), v["head"], self.approve, v["note"])

    def confirmation(self, result: Any) -> str:
        return (
            self.tr("Request #%1 approved.") if self.approve else self.tr("Request #%1 refused.")
        ).replace("%1", str(self.request["id"]))


class SeizedAckDialog(WorkflowDialog):
    """The head acknowledges a report on seized items (missing, damaged, late), signing."""

    def __init__(self, ctx: UiContext, incident: dict[str, Any], parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Acknowledge a report on seized items"), parent)
        self.incident = incident
        self.set_summary(
            self.tr("Report #%1: %2, case %3<br>%4<br>Reported by %5 at %6")
            .replace("%1", str(incident["id"]))
            .replace("%2", label("SeizedIncident", incident["kind"]))
            .replace("%3", str(incident["case_no"]))
            .replace("%4", str(incident.get("description", "")))
            .replace("%5", str(incident.get("reported_by_name", "")))
            .replace("%6", str(incident.get("at", "")))
        )
        self.note = _note()
        self.note.setPlaceholderText(self.tr("what will be done"))
        self.form.addRow(self.tr("Note"), self.note)
        self.signers.add("head", self.tr("Department head"), me=True)

    def submit_text(self) -> str:
        return self.tr("Acknowledge and sign")

    def values(self) -> dict[str, Any]:
        return {"note": self.note.toPlainText(), "head": self.signers.credential("head")}

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return seized.acknowledge(s, int(self.incident["id"]), v["head"], v["note"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Report #%1 acknowledged.").replace("%1", str(self.incident["id"]))


# ------------------------------------------------------------------ inspection (Art. 261)
class SeizedInspectDialog(WorkflowDialog):
    """A department head's periodic inspection of his department's register of seized items
    (Art. 261): what was inspected and found, signed."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(ctx, self.tr("Inspection of the register of seized items"), parent)
        rows = seized.listing(ctx.session)
        self.set_summary(
            self.tr(
                "The periodic inspection of your department's register of seized items "
                "(Art. 261): %1 items are on it. Say what was inspected and found."
            ).replace("%1", str(len(rows)))
        )
        self.items_checked = QSpinBox()
        self.items_checked.setObjectName("inspect_items")
        self.items_checked.setRange(0, 1_000_000)
        self.items_checked.setValue(len(rows))
        self.findings = _note()
        self.findings.setObjectName("inspect_findings")
        self.findings.setFixedHeight(90)
        self.form.addRow(self.tr("Items inspected"), self.items_checked)
        self.form.addRow(self.tr("Findings"), self.findings)
        self.signers.add("head", self.tr("Department head"), me=True)

    def values(self) -> dict[str, Any]:
        return {
            "findings": self.findings.toPlainText(),
            "items": self.items_checked.value(),
            "head": self.signers.credential("head"),
        }

    def perform(self, s: Session, v: dict[str, Any]) -> Any:
        return seized.inspect(s, v["head"], v["findings"], v["items"])

    def confirmation(self, result: Any) -> str:
        return self.tr("Inspection #%1 recorded.").replace("%1", str(result))
