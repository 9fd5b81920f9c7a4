"""The role matrix (issue 7, 7): every service action × every role, each cell tested at the
service level — the real service function called as a person who has exactly that role.
"Y": allowed, i.e. the call gets past the permission check (it may succeed or be refused by
another rule, never with ``role_refused``); ".": refused with ``role_refused``, changing
nothing. The table is written out here on purpose, not derived from the code. The administrator
sees no case data (issue 10: separation of duties)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from datetime import timedelta

import pytest
from conftest import PASSWORD, TEST_KDF_N

import keeper_app.services as services
from keeper_app.domain.errors import RuleViolation
from keeper_app.domain.lifecycle import PERMISSIONS, Action
from keeper_app.domain.model import ManifestEntry, Role
from keeper_app.services import (
    admin,
    burning,
    checkpoints,
    clockwatch,
    custody,
    custody_report,
    documents,
    enrolment,
    findings,
    fixity,
    intake,
    inventory,
    lateness,
    lockout,
    lookup,
    packages,
    reads,
    reproduction,
    retrieval_requests,
    reviews,
    seized,
    spot_checks,
    storage,
    storage_devices,
    transfers,
)
from keeper_app.services import people as people_svc
from keeper_app.services.clockwatch import ClockJump

ROLES = ["keeper", "case_handler", "dept_head", "reviewer", "admin", "outside_retriever"]
#: one person per role, holding that role only (tests/conftest.py)
PERSON = {
    "keeper": "K001",
    "case_handler": "H001",
    "dept_head": "D001",
    "reviewer": "R001",
    "admin": "ADMIN",
    "outside_retriever": "C001",
}

MATRIX = """
                                  keeper handler head reviewer admin outside
intake.create_case                   .      Y      Y      .       .     .
intake.register_recording            .      Y      .      .       .     .
intake.check_recording               .      Y      .      .       .     .
intake.flags                         Y      Y      Y      Y       .     .
storage.intake_report                Y      Y      Y      Y       .     .
storage.measure_recording            Y      Y      Y      Y       .     .
reviews.submit_for_review            .      Y      Y      .       .     .
reviews.review_status                Y      Y      Y      Y       .     .
storage_devices.register_device      Y      .      .      .       .     .
storage_devices.move_device          Y      .      .      .       .     .
storage_devices.devices              Y      .      Y      Y       .     .
storage_devices.export_recording     Y      Y      Y      Y       .     .
storage_devices.accesses             Y      .      Y      Y       .     .
intake.plan_pair                     .      Y      .      .       .     .
intake.register_pair                 .      Y      .      .       .     .
intake.handover                      Y      .      .      .       .     .
custody.retrieve                     Y      .      .      .       .     .
retrieval_requests.request_retrieval Y      Y      Y      Y       .     .
retrieval_requests.decide_retrieval  .      .      Y      .       .     .
retrieval_requests.usable_requests   Y      .      .      .       .     .
retrieval_requests.retrieve_countersigned Y .     .      .       .     .
custody.return_medium                Y      .      .      .       .     .
custody.request_unseal               Y      Y      .      .       .     .
custody.decide_approval              .      .      Y      .       .     .
custody.unseal                       Y      .      .      .       .     .
custody.reseal                       Y      .      .      .       .     .
custody.acknowledge_incident         .      .      Y      .       .     .
custody.set_location                 Y      .      .      .       .     .
reproduction.reproduce_duplicate     Y      .      .      .       .     .
reproduction.reproductions_of        Y      Y      Y      Y       .     .
lateness.sweep                       Y      .      Y      .       .     .
lateness.sweep_if_allowed            Y      Y      Y      Y       Y     Y
findings.report_missing              Y      .      .      .       .     .
inventory.start                      Y      .      .      .       .     .
inventory.observe                    Y      .      .      .       .     .
inventory.scan                       Y      .      .      .       .     .
inventory.close                      Y      .      .      .       .     .
inventory.resolve                    .      .      Y      .       .     .
inventory.record                     Y      .      Y      Y       .     .
inventory.open_sessions              Y      .      Y      Y       .     .
transfers.register_court_request     Y      Y      Y      .       .     .
transfers.court_transfer             Y      .      .      .       .     .
packages.write_package               Y      .      .      .       .     .
transfers.close_court_item           Y      .      .      .       .     .
transfers.sweep_late_requests        Y      .      Y      Y       .     .
transfers.acknowledge_court_late     .      .      Y      .       .     .
transfers.conclude_case              .      Y      Y      .       .     .
transfers.archive_expected           Y      .      .      .       .     .
transfers.archive_handover           Y      .      .      .       .     .
admin.correct                        Y      Y      Y      .       .     .
admin.supplement_incident            Y      Y      Y      .       .     .
admin.backup                         Y      .      .      .       Y     .
admin.verify_audit                   Y      Y      Y      Y       Y     Y
clockwatch.report                    Y      Y      Y      Y       Y     Y
lookup.scan                          Y      Y      Y      Y       .     .
lookup.media                         Y      Y      Y      Y       .     .
lookup.cases                         Y      Y      Y      Y       .     .
lookup.approvals_for                 Y      Y      Y      Y       .     .
lookup.court_requests                Y      Y      Y      Y       .     .
lookup.court_request_choices         Y      Y      Y      .       .     .
lookup.awaiting_handover             .      Y      Y      .       .     .
lookup.register                      Y      .      Y      Y       .     .
lookup.due                           Y      .      Y      Y       .     .
lookup.inbox                         .      .      Y      .       .     .
lookup.inventory_expected            Y      .      Y      Y       .     .
lookup.people_brief                  Y      Y      Y      Y       Y     Y
lookup.departments                   Y      Y      Y      Y       Y     Y
storage.review_list                  Y      Y      Y      Y       .     .
people.add_department                .      .      .      .       Y     .
people.add_person                    .      .      .      .       Y     .
people.set_head                      .      .      .      .       Y     .
people.set_roles                     .      .      .      .       Y     .
people.set_active                    .      .      .      .       Y     .
people.listing                       .      .      .      .       Y     .
people.change_password               Y      Y      Y      Y       Y     Y
enrolment.add_person                 .      .      .      .       Y     .
enrolment.new_code                   .      .      .      .       Y     .
enrolment.keys                       Y      Y      Y      Y       Y     Y
enrolment.key_form                   Y      Y      Y      Y       Y     Y
lockout.unlock                       .      .      .      .       Y     .
burning.PairBurn                     .      Y      .      .       .     .
burning.verify_medium                Y      Y      Y      Y       .     .
burning.identify_disc                Y      Y      Y      Y       .     .
burning.verifications                Y      Y      Y      Y       .     .
fixity.fixity_report                 Y      Y      Y      Y       .     .
storage.ingest                       .      Y      .      .       .     .
storage.add_sample_recordings        .      Y      .      .       .     .
storage.check_recording              Y      Y      Y      Y       .     .
storage.case_recordings              Y      Y      Y      Y       .     .
storage.recording_files              Y      Y      Y      Y       .     .
checkpoints.take                     Y      .      .      .       .     .
checkpoints.status                   Y      .      Y      Y       Y     .
checkpoints.slip                     Y      .      Y      Y       Y     .
checkpoints.file_data                Y      .      Y      Y       Y     .
checkpoints.export                   Y      .      Y      Y       Y     .
documents.label_data                 Y      Y      Y      Y       .     .
documents.pair_label_data            Y      Y      Y      Y       .     .
documents.handover_of                Y      Y      Y      Y       .     .
documents.handover_receipt           Y      Y      Y      Y       .     .
documents.incident_report            Y      Y      Y      Y       .     .
documents.court_transfer_list        Y      Y      Y      Y       .     .
documents.correction_sticker         Y      Y      Y      Y       .     .
documents.archive_handover_list      Y      Y      Y      Y       .     .
documents.register_document          Y      .      Y      Y       .     .
documents.signature_png              Y      .      Y      Y       .     .
documents.signature_loader           Y      .      Y      Y       .     .
documents.seized_inventory           Y      Y      Y      Y       .     .
documents.seized_tags                Y      Y      Y      Y       .     .
documents.seized_release             Y      Y      Y      Y       .     .
documents.audit_head                 Y      Y      Y      Y       Y     Y
custody_report.custody_report        Y      Y      Y      Y       .     .
reads.report                         .      .      Y      .       .     .
spot_checks.draw                     Y      .      .      .       .     .
spot_checks.check                    .      .      Y      Y       .     .
spot_checks.close                    .      .      Y      Y       .     .
spot_checks.current                  Y      .      Y      Y       .     .
spot_checks.show                     Y      .      Y      Y       .     .
seized.intake                        .      Y      .      .       .     .
seized.seal                          .      Y      .      .       .     .
seized.lookup                        Y      Y      Y      Y       .     .
seized.show_seizure                  Y      Y      Y      Y       .     .
seized.listing                       Y      Y      Y      Y       .     .
seized.release_record                Y      Y      Y      Y       .     .
seized.receive                       Y      .      .      .       .     .
seized.unseal                        Y      .      .      .       .     .
seized.reseal                        Y      .      .      .       .     .
seized.transfer_out                  Y      .      .      .       .     .
seized.transfer_in                   Y      .      .      .       .     .
seized.release                       Y      .      .      .       .     .
seized.request_unseal                .      Y      .      .       .     .
seized.request_transfer              .      Y      .      .       .     .
seized.request_extension             .      Y      .      .       .     .
seized.find_unrelated                .      Y      .      .       .     .
seized.decide                        .      .      Y      .       .     .
seized.acknowledge                   .      .      Y      .       .     .
seized.inspect                       .      .      Y      .       .     .
seized.inspections                   Y      .      Y      Y       .     .
seized.due_items                     Y      .      Y      Y       .     .
seized.due                           Y      .      Y      Y       .     .
seized.sweep                         Y      .      Y      .       .     .
seized.inbox                         .      .      Y      .       .     .
"""

#: Who may perform each action (lifecycle.PERMISSIONS), written out: a change to the law's
#: table in the code must be made here too, on purpose.
DOMAIN = """
                          keeper handler head reviewer admin outside
register_pair                .      Y      .      .       .     .
handover                     Y      .      .      .       .     .
retrieve                     Y      .      .      .       .     .
request_retrieval            Y      Y      Y      Y       .     .
return                       Y      .      .      .       .     .
request_unseal               Y      Y      .      .       .     .
decide_approval              .      .      Y      .       .     .
unseal                       Y      .      .      .       .     .
reseal                       Y      .      .      .       .     .
reproduce_duplicate          Y      .      .      .       .     .
ack_incident                 .      .      Y      .       .     .
register_court_request       Y      Y      Y      .       .     .
court_transfer               Y      .      .      .       .     .
conclude_case                .      Y      Y      .       .     .
archive_handover             Y      .      .      .       .     .
set_location                 Y      .      .      .       .     .
correct                      Y      Y      Y      .       .     .
submit_for_review            .      Y      Y      .       .     .
keep_storage_device          Y      .      .      .       .     .
export_recording             Y      Y      Y      Y       .     .
create_case                  .      Y      Y      .       .     .
register_recording           .      Y      .      .       .     .
verify_medium                Y      Y      Y      Y       .     .
view_media                   Y      Y      Y      Y       .     .
view_register                Y      .      Y      Y       .     .
view_due                     Y      .      Y      Y       .     .
view_inbox                   .      .      Y      .       .     .
inventory                    Y      .      Y      Y       .     .
view_reads                   .      .      Y      .       .     .
manage_people                .      .      .      .       Y     .
verify_audit                 Y      .      Y      Y       Y     .
backup                       Y      .      .      .       Y     .
checkpoint                   Y      .      .      .       .     .
sweep_late                   Y      .      Y      .       .     .
report_missing               Y      .      .      .       .     .
draw_spot_check              Y      .      .      .       .     .
spot_check                   .      .      Y      Y       .     .
run_inventory                Y      .      .      .       .     .
seized_intake                .      Y      .      .       .     .
seized_seal                  .      Y      .      .       .     .
seized_request               .      Y      .      .       .     .
seized_keep                  Y      .      .      .       .     .
seized_inspect               .      .      Y      .       .     .
"""

#: Which action each service function performs (the rows of MATRIX that check a role).
ACTION_OF = {
    "intake.create_case": "create_case",
    "intake.register_recording": "register_recording",
    "intake.check_recording": "register_recording",
    "intake.flags": "verify_medium",
    "storage.intake_report": "verify_medium",
    "storage.measure_recording": "verify_medium",
    "reviews.submit_for_review": "submit_for_review",
    "reviews.review_status": "verify_medium",
    "storage_devices.register_device": "keep_storage_device",
    "storage_devices.move_device": "keep_storage_device",
    "storage_devices.devices": "inventory",
    "storage_devices.export_recording": "export_recording",
    "storage_devices.accesses": "view_register",
    "intake.plan_pair": "register_pair",
    "intake.register_pair": "register_pair",
    "intake.handover": "handover",
    "custody.retrieve": "retrieve",
    "retrieval_requests.request_retrieval": "request_retrieval",
    "retrieval_requests.decide_retrieval": "decide_approval",
    "retrieval_requests.usable_requests": "retrieve",
    "retrieval_requests.retrieve_countersigned": "retrieve",
    "custody.return_medium": "return",
    "custody.request_unseal": "request_unseal",
    "custody.decide_approval": "decide_approval",
    "custody.unseal": "unseal",
    "custody.reseal": "reseal",
    "custody.acknowledge_incident": "ack_incident",
    "custody.set_location": "set_location",
    "reproduction.reproduce_duplicate": "reproduce_duplicate",
    "reproduction.reproductions_of": "view_media",
    "lateness.sweep": "sweep_late",
    "findings.report_missing": "report_missing",
    "inventory.start": "run_inventory",
    "inventory.observe": "run_inventory",
    "inventory.scan": "run_inventory",
    "inventory.close": "run_inventory",
    "inventory.resolve": "ack_incident",
    "inventory.record": "inventory",
    "inventory.open_sessions": "inventory",
    "transfers.register_court_request": "register_court_request",
    "transfers.court_transfer": "court_transfer",
    "packages.write_package": "court_transfer",
    "transfers.close_court_item": "court_transfer",
    "transfers.sweep_late_requests": "view_due",
    "transfers.acknowledge_court_late": "ack_incident",
    "lookup.court_request_choices": "register_court_request",
    "lookup.awaiting_handover": "conclude_case",
    "transfers.conclude_case": "conclude_case",
    "transfers.archive_expected": "archive_handover",
    "transfers.archive_handover": "archive_handover",
    "admin.correct": "correct",
    "admin.supplement_incident": "correct",
    "admin.backup": "backup",
    "lookup.scan": "view_media",
    "lookup.media": "view_media",
    "lookup.cases": "view_media",
    "lookup.approvals_for": "view_media",
    "lookup.court_requests": "view_media",
    "lookup.register": "view_register",
    "lookup.due": "view_due",
    "lookup.inbox": "view_inbox",
    "reads.report": "view_reads",
    "lookup.inventory_expected": "inventory",
    "storage.review_list": "verify_medium",
    "people.add_department": "manage_people",
    "people.add_person": "manage_people",
    "people.set_head": "manage_people",
    "people.set_roles": "manage_people",
    "people.set_active": "manage_people",
    "people.listing": "manage_people",
    "enrolment.add_person": "manage_people",
    "enrolment.new_code": "manage_people",
    "lockout.unlock": "manage_people",
    "burning.PairBurn": "register_pair",
    "burning.verify_medium": "verify_medium",
    "burning.identify_disc": "verify_medium",
    "burning.verifications": "verify_medium",
    "fixity.fixity_report": "verify_medium",
    "storage.ingest": "register_recording",
    "storage.add_sample_recordings": "register_recording",
    "storage.check_recording": "verify_medium",
    "storage.case_recordings": "verify_medium",
    "storage.recording_files": "verify_medium",
    "documents.label_data": "view_media",
    "documents.pair_label_data": "view_media",
    "documents.handover_of": "view_media",
    "documents.handover_receipt": "view_media",
    "documents.incident_report": "view_media",
    "documents.court_transfer_list": "view_media",
    "documents.correction_sticker": "view_media",
    "documents.archive_handover_list": "view_media",
    "documents.register_document": "view_register",
    "custody_report.custody_report": "view_media",
    "documents.signature_png": "view_register",
    "documents.signature_loader": "view_register",
    "documents.seized_inventory": "view_media",
    "documents.seized_tags": "view_media",
    "documents.seized_release": "view_media",
    "checkpoints.take": "checkpoint",
    "checkpoints.status": "verify_audit",
    "checkpoints.slip": "verify_audit",
    "checkpoints.file_data": "verify_audit",
    "checkpoints.export": "verify_audit",
    "spot_checks.draw": "draw_spot_check",
    "spot_checks.check": "spot_check",
    "spot_checks.close": "spot_check",
    "spot_checks.current": "view_register",
    "spot_checks.show": "view_register",
    "seized.intake": "seized_intake",
    "seized.seal": "seized_seal",
    "seized.lookup": "view_media",
    "seized.show_seizure": "view_media",
    "seized.listing": "view_media",
    "seized.release_record": "view_media",
    "seized.receive": "seized_keep",
    "seized.unseal": "seized_keep",
    "seized.reseal": "seized_keep",
    "seized.transfer_out": "seized_keep",
    "seized.transfer_in": "seized_keep",
    "seized.release": "seized_keep",
    "seized.request_unseal": "seized_request",
    "seized.request_transfer": "seized_request",
    "seized.request_extension": "seized_request",
    "seized.find_unrelated": "seized_request",
    "seized.decide": "decide_approval",
    "seized.acknowledge": "ack_incident",
    "seized.inspect": "seized_inspect",
    "seized.inspections": "view_register",
    "seized.due_items": "view_due",
    "seized.due": "view_due",
    "seized.sweep": "sweep_late",
    "seized.inbox": "view_inbox",
}
#: Rows without a role check, and why.
OPEN_TO_ALL = {
    "admin.verify_audit": "reveals no case data; anyone holding the file may check it",
    "lookup.people_brief": "the signer pickers at the counter; no key material",
    "lookup.departments": "names of departments",
    "people.change_password": "each person changes their own",
    "clockwatch.report": "whoever is signed in records that the computer's clock jumped",
    "enrolment.keys": "one's own key history (an administrator's: everyone's)",
    "enrolment.key_form": "one's own key form (an administrator: anyone's)",
    "documents.audit_head": "the audit chain's head (sequence and hash), printed in footers",
    "lateness.sweep_if_allowed": "the sweep for those who may (lateness.sweep's row), else "
    "nothing: the due board's refresh for whoever is signed in",
}
#: Functions taking a session that are not actions: used inside the actions (after their
#: checks), and why they need no row.
HELPERS = {
    "intake.case_by_no": "a case by number, for actions that check the person next",
    "custody.medium_and_case": "a medium and its case, for actions that check next",
    "people.check_new_person": "a new person's checks (with the role), inside the adds",
    "custody.person_by_badge": "a signer by badge, inside actions",
    "custody.head_of_case_dept": "the head a request goes to, inside actions",
    "custody.pair_duplicates": "the duplicates of a pair, for actions that check next",
    "retrieval_requests.request_row": "a retrieval request by number, inside actions",
    "custody.refuse_if_out": "a disc out is named with who has it, inside actions",
    "visibility.check_case": "the Art. 21 check itself (domain.access)",
    "reads.record": "logs a reading, inside the reading services (after their checks)",
    "reads.record_case_nos": "logs a reading, inside the reading services (after their checks)",
    "reads.to_log": "the reading lookup.scan will log (or None: logged a moment ago), no check",
    "reads.log_in": "logs a reading inside lookup.scan's transaction (after its checks)",
    "reads.signed_in": "logs a sign-in, inside session.start (after the password check)",
    "visibility.check_case_id": "the Art. 21 check itself (domain.access)",
    "visibility.case_filter": "the Art. 21 filter for lists (domain.access)",
    "visibility.visible_case_ids": "the Art. 21 filter for lists (domain.access)",
    "visibility.only_visible": "the Art. 21 filter for lists (domain.access)",
    "visibility.visible_case_nos": "the Art. 21 filter for lists (domain.access)",
    "burning.read_against_register": "a disc read back against the register, inside "
    "burning.verify_medium and spot_checks.check (after their checks)",
}
#: Modules of keeper_app/services with no function that takes a session, and why.
NO_SESSION = {
    "session": "signing in: authenticate/sign_in take the database and a password",
    "backups": "copies of the whole file, taken by the application and by admin.backup "
    "(whose row is above), restored before anyone signs in",
    "catalogue": "the list of printable documents: each one's data comes from a documents.* "
    "function (whose rows are above), which checks the role and the case",
    "heads": "a witnessed head held against the chain: reads the chain only, reveals no case "
    "data (like admin.verify_audit, it needs no sign-in)",
    "passwords": "the password policy, applied by people.add_person, people.change_password "
    "and the first run (whose rows are above)",
    "witnesses": "the chain held against its witnesses, for `keeper audit verify` (no sign-in "
    "needed, like admin.verify_audit) and the status bar; reveals no case data",
    "self_check": "the running app's check of its own history: before every change (inside "
    "Session.change) and at start; reveals no case data",
    "live": "the hint that another desk changed the office server (a seq number): the desk "
    "then reads through the services above, as its signed-in person",
    "region": "the regional copy's set-up by the servers' administrators (their database "
    "URLs, no Keeper sign-in): publication, subscription, status; writes no Keeper row",
    "server": "the office server's administration (server init, migrate, restore into a "
    "server): the server administrator's, with the administrator's database URL; the "
    "database's own roles decide, as a file's owner does for a sqlite file",
}


def table(text: str) -> dict[str, dict[str, bool]]:
    rows = [line.split() for line in text.strip().splitlines()[1:]]
    assert all(len(r) == 1 + len(ROLES) and set(r[1:]) <= {"Y", "."} for r in rows), rows
    return {r[0]: dict(zip(ROLES, (c == "Y" for c in r[1:]), strict=True)) for r in rows}


EXPECTED = table(MATRIX)


# ------------------------------------------------------------------ the state the calls need
def prepare(office, tmp_path) -> dict:
    c = office.cred
    k = office.session("K001")
    o, d = office.handed_over_pair()  # original sealed, duplicate in custody
    _o2, d2 = office.handed_over_pair(person="李某")
    office.retrieve(k, d2, c("H001"), c("K001"), "D001", "case_handling", 2)
    custody.return_medium(k, d2, c("H001"), c("K001"), "damaged", note="cracked")
    _o3, d3 = office.handed_over_pair(person="赵某")
    office.retrieve(k, d3, c("H001"), c("K001"), "D001", "case_handling", 2)  # out
    burned, _ = office.new_pair(person="钱某")  # not handed over yet
    h = office.session("H001")
    start = office.clock() - timedelta(hours=3)
    f = ManifestEntry("rec/a.mp4", 10, "ab" * 32)
    rid = intake.register_recording(
        h, "A2026-001", "孙某", "witness", start, start + timedelta(hours=1), "讯问室2", [f]
    )
    one = office.db.conn.execute
    return {
        "o": o,
        "d": d,
        "d_out": d3,
        "burned": burned,
        "rid": rid,
        "f": f,
        "aid": custody.request_unseal(
            k, o, "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        ),
        # a retrieval of d by H001 approved by D001, and one waiting for his decision
        "rq": office.approved_request(d, "H001", "D001", "case_handling", 2),
        "rq_wait": retrieval_requests.request_retrieval(k, d, "H002", "case_handling", 2),
        "iid": one("SELECT max(id) FROM incidents").fetchone()[0],
        "hid": one("SELECT max(id) FROM handovers").fetchone()[0],
        "qid": transfers.register_court_request(
            k,
            "A2026-001",
            "court",
            "某市中级人民法院",
            "1号",
            office.clock() - timedelta(hours=1),
            whole_case=True,
        ),
        "item": one("SELECT max(id) FROM court_request_items").fetchone()[0],
        "tmp": tmp_path,
        "st": storage.StorageSettings(tmp_path / "storage", tmp_path / "backup"),
        "src": source_folder(tmp_path / "source"),
        "cp": checkpoints.take(k, office.cred("K001"), office.cred("D001")),
        "dev": storage_devices.register_device(k, "存储0", "storage", "机房", "K001"),
        "sc": spot_checks.draw(k, size=1),
        "inv": inventory.start(k, "柜B"),
        "z": seized.intake(h, "A2026-001", SEIZURE | {"seized_at": start}, SEIZED_ITEMS),
        **seized_state(office, rid, start),
    }


SEIZURE = {"cause": "涉嫌受贿", "persons": "王某", "record_ref": "搜查笔录1", "place": "某地"}
SEIZED_ITEMS = [{"media_type": "usb_stick", "content": "账目"}]


def seized_state(office, rid: int, start) -> dict:
    """A seizure of three items in safekeeping (issue 15): a's unsealing approved, b's
    transfer and release approved, c out on a transfer, an extension waiting for the head."""
    c = office.cred
    h, k, head = office.session("H001"), office.session("K001"), office.session("D001")
    f = ManifestEntry("rec/sealing.mp4", 10, "cd" * 32)
    rid = intake.register_recording(
        h,
        "A2026-001",
        "王某",
        "suspect",
        start,
        start + timedelta(minutes=20),
        "现场",
        [f],
        kind="sealing",
    )
    z = seized.intake(h, "A2026-001", SEIZURE | {"seized_at": start}, SEIZED_ITEMS * 3)
    a, b, c3 = z["codes"]
    seals = {code: f"FZ-{code[-6:]}" for code in z["codes"]}
    seized.seal(h, z["seizure_id"], seals, [c("H001"), c("H002")], start, rid, "signed")
    seized.receive(k, z["seizure_id"], z["codes"], c("H001"), c("K001"), "柜S")

    def approved(q: int) -> int:
        seized.decide(head, q, c("D001"), True)
        return q

    q_c = approved(seized.request_transfer(h, [c3], "鉴定"))
    return {
        "za": a,
        "zb": b,
        "zid": z["seizure_id"],
        "zq_unseal": approved(seized.request_unseal(h, a, "核对")),
        "zq_transfer": approved(seized.request_transfer(h, [b], "鉴定")),
        "zq_release": approved(seized.find_unrelated(h, [b], "无关")),
        "zt": seized.transfer_out(k, q_c, [c3], c("H001"), c("K001"), rid),
        "zc": c3,
        "zq_wait": seized.request_extension(h, z["seizure_id"], 30, "继续"),
        "zrec": rid,
    }


def source_folder(folder):
    """A recording's folder to ingest: one small file."""
    folder.mkdir()
    (folder / "cam1.mp4").write_bytes(b"\0" * 1000)
    return folder


def calls(office, x: dict, role: str, badge: str):
    """Each service function called as ``badge`` (whose only role is ``role``)."""
    c = office.cred
    me = c(badge)
    now = office.clock()
    crim = office.dept["crim"]
    return {
        "intake.create_case": lambda s: intake.create_case(s, f"X-{role}", "案件", crim, ["H001"]),
        "intake.register_recording": lambda s: intake.register_recording(
            s,
            "A2026-001",
            "周某",
            "witness",
            now - timedelta(hours=2),
            now - timedelta(hours=1),
            "讯问室3",
            [x["f"]],
        ),
        "intake.check_recording": lambda s: intake.check_recording(
            s,
            "A2026-001",
            "周某",
            "witness",
            now - timedelta(hours=2),
            now - timedelta(hours=1),
            "讯问室3",
        ),
        "intake.plan_pair": lambda s: intake.plan_pair(s, [x["rid"]], now),
        "intake.flags": lambda s: intake.flags(s, x["rid"]),
        "storage.intake_report": lambda s: storage.intake_report(s, x["rid"]),
        "storage.measure_recording": lambda s: storage.measure_recording(s, x["st"], x["rid"]),
        "reviews.submit_for_review": lambda s: reviews.submit_for_review(
            s, "A2026-001", [x["rid"]], "法制大队"
        ),
        "reviews.review_status": lambda s: reviews.review_status(s, "A2026-001"),
        "storage_devices.register_device": lambda s: storage_devices.register_device(
            s, f"存储{role}", "storage", "机房", "K001"
        ),
        "storage_devices.move_device": lambda s: storage_devices.move_device(s, "存储0", "机房2"),
        "storage_devices.devices": lambda s: storage_devices.devices(s),
        "storage_devices.export_recording": lambda s: storage_devices.export_recording(
            s, x["st"], x["rid"], x["tmp"] / f"export-{role}", "case_review"
        ),
        "storage_devices.accesses": lambda s: storage_devices.accesses(s),
        "intake.register_pair": lambda s: intake.register_pair(s, [x["rid"]], [x["f"]], now),
        "intake.handover": lambda s: intake.handover(
            s, x["burned"], c("H001"), me, f"S-{role}", "柜A-05", "柜B-05"
        ),
        "custody.retrieve": lambda s: custody.retrieve(s, x["d"], c("H001"), me, x["rq"]),
        "retrieval_requests.request_retrieval": lambda s: retrieval_requests.request_retrieval(
            s, x["d"], badge, "case_review", 2
        ),
        "retrieval_requests.decide_retrieval": lambda s: retrieval_requests.decide_retrieval(
            s, x["rq_wait"], me, True
        ),
        "retrieval_requests.usable_requests": lambda s: retrieval_requests.usable_requests(
            s, x["d"]
        ),
        "retrieval_requests.retrieve_countersigned": lambda s: (
            retrieval_requests.retrieve_countersigned(
                s, x["d"], c("H001"), me, c("D001"), "case_handling", 2
            )
        ),
        "custody.return_medium": lambda s: custody.return_medium(
            s, x["d_out"], c("H001"), me, "intact"
        ),
        "custody.request_unseal": lambda s: custody.request_unseal(
            s, x["o"], "check_duplicate", doubted_by="辩护律师王某", doubt="副本时间码不连续"
        ),
        "custody.decide_approval": lambda s: custody.decide_approval(s, x["aid"], me, True),
        "custody.unseal": lambda s: custody.unseal(s, x["o"], x["aid"], me, c("K002")),
        "custody.reseal": lambda s: custody.reseal(
            s, x["o"], f"S-r-{role}", me, c("K002"), inspection="intact"
        ),
        "custody.acknowledge_incident": lambda s: custody.acknowledge_incident(s, x["iid"], me),
        "custody.set_location": lambda s: custody.set_location(s, x["d"], f"柜{role}"),
        "lateness.sweep": lambda s: lateness.sweep(s),
        "lateness.sweep_if_allowed": lambda s: lateness.sweep_if_allowed(s),
        "findings.report_missing": lambda s: findings.report_missing(s, x["o"], "未找到"),
        "inventory.start": lambda s: inventory.start(s, "柜Z"),
        "inventory.observe": lambda s: inventory.observe(s, x["inv"], x["d"], "shelf"),
        "inventory.scan": lambda s: inventory.scan(s, x["inv"], x["d"]),
        "inventory.close": lambda s: inventory.close(s, x["inv"], me, c("K002")),
        "inventory.resolve": lambda s: inventory.resolve(s, 1, me, "已查明"),
        "inventory.record": lambda s: inventory.record(s, x["inv"]),
        "inventory.open_sessions": lambda s: inventory.open_sessions(s),
        "transfers.register_court_request": lambda s: transfers.register_court_request(
            s,
            "A2026-001",
            "procuratorate",
            "某市人民检察院",
            f"{role}号",
            now - timedelta(hours=1),
            whole_case=True,
        ),
        "transfers.court_transfer": lambda s: transfers.court_transfer(
            s, x["qid"], x["d"], c("C001"), me
        ),
        "packages.write_package": lambda s: packages.write_package(
            s, x["d"], x["tmp"], x["st"], source=x["tmp"] / "no-disc"
        ),
        "transfers.conclude_case": lambda s: transfers.conclude_case(s, "B2026-002"),
        "transfers.archive_expected": lambda s: transfers.archive_expected(s, "A2026-001"),
        "transfers.archive_handover": lambda s: transfers.archive_handover(
            s, "A2026-001", [x["o"]], me, c("A001")
        ),
        "admin.correct": lambda s: admin.correct(
            s, "handovers", x["hid"], "note", f"补记 {role}", "漏记", me
        ),
        "admin.supplement_incident": lambda s: admin.supplement_incident(
            s, x["iid"], f"补充 {role}", me
        ),
        "admin.backup": lambda s: admin.backup(s, x["tmp"] / f"backup-{role}.sqlite"),
        "admin.verify_audit": lambda s: admin.verify_audit(s.db),
        "lookup.scan": lambda s: lookup.scan(s, x["d"]),
        "lookup.media": lambda s: lookup.media(s),
        "lookup.cases": lambda s: lookup.cases(s),
        "lookup.approvals_for": lambda s: lookup.approvals_for(s, x["o"]),
        "lookup.court_requests": lambda s: lookup.court_requests(s, "A2026-001"),
        "lookup.court_request_choices": lambda s: lookup.court_request_choices(s, "A2026-001"),
        "lookup.awaiting_handover": lambda s: lookup.awaiting_handover(s, "A2026-001"),
        "transfers.close_court_item": lambda s: transfers.close_court_item(
            s, x["item"], f"撤回{role}"
        ),
        "transfers.sweep_late_requests": lambda s: transfers.sweep_late_requests(s),
        "transfers.acknowledge_court_late": lambda s: transfers.acknowledge_court_late(s, 9999, me),
        "lookup.register": lambda s: lookup.register(s),
        "lookup.due": lambda s: lookup.due(s),
        "lookup.inbox": lambda s: lookup.inbox(s),
        "reads.report": lambda s: reads.report(s),
        "lookup.inventory_expected": lambda s: lookup.inventory_expected(s, "柜B"),
        "lookup.people_brief": lambda s: lookup.people_brief(s),
        "lookup.departments": lambda s: lookup.departments(s),
        "storage.review_list": lambda s: storage.review_list(s),
        "people.add_department": lambda s: people_svc.add_department(s, f"部门{role}", "legal"),
        "people.add_person": lambda s: people_svc.add_person(
            s,
            f"N{role[:4].upper()}",
            "新人",
            ["reviewer"],
            PASSWORD,
            kdf_n=TEST_KDF_N,
            head=c("D002"),
        ),
        "people.set_head": lambda s: people_svc.set_head(s, crim, "D001"),
        "people.set_roles": lambda s: people_svc.set_roles(s, "R001", ["reviewer"]),
        "people.set_active": lambda s: people_svc.set_active(s, "R001", True),
        "people.listing": lambda s: people_svc.listing(s),
        "people.change_password": lambda s: people_svc.change_password(s, me, "another-pass-2026"),
        "clockwatch.report": lambda s: clockwatch.report(s, ClockJump(-7200.0, "a", "b")),
        "lockout.unlock": lambda s: lockout.unlock(s, "K002", c("D002")),
        "enrolment.add_person": lambda s: enrolment.add_person(
            s, f"E{role[:4].upper()}", "新人", ["reviewer"], kdf_n=TEST_KDF_N, head=c("D002")
        ),
        "enrolment.new_code": lambda s: enrolment.new_code(s, "K002", kdf_n=TEST_KDF_N),
        "enrolment.keys": lambda s: enrolment.keys(s),
        "enrolment.key_form": lambda s: enrolment.key_form(s),
        "burning.PairBurn": lambda s: burning.PairBurn(
            s, [x["rid"]], [f"stdio:{x['tmp']}/{role}.iso"], x["st"]
        ).prepare(),
        "burning.verify_medium": lambda s: burning.verify_medium(s, "no-such-drive"),
        "burning.identify_disc": lambda s: burning.identify_disc(s, "no-such-drive"),
        "burning.verifications": lambda s: burning.verifications(s, x["d"]),
        "reproduction.reproduce_duplicate": lambda s: reproduction.reproduce_duplicate(
            s, x["o"], "stdio:/nonexistent/o.iso", "stdio:/nonexistent/n.iso", me, c("K002"), "柜"
        ),
        "reproduction.reproductions_of": lambda s: reproduction.reproductions_of(s, x["o"]),
        "fixity.fixity_report": lambda s: fixity.fixity_report(s, x["st"]),
        "storage.ingest": lambda s: storage.ingest(
            s,
            x["st"],
            x["src"],
            case_no="A2026-001",
            person_name=f"吴{role}",
            person_role="witness",
            started_at=now - timedelta(hours=2),
            ended_at=now - timedelta(hours=1),
            place="讯问室3",
        ),
        "storage.add_sample_recordings": lambda s: storage.add_sample_recordings(
            s, x["st"], "A2026-001", f"郑{role}", now - timedelta(hours=2), count=1, seconds=1.0
        ),
        "storage.check_recording": lambda s: storage.check_recording(s, x["st"], x["rid"]),
        "storage.case_recordings": lambda s: storage.case_recordings(s, "A2026-001"),
        "storage.recording_files": lambda s: storage.recording_files(s, x["st"], [x["rid"]]),
        "documents.label_data": lambda s: documents.label_data(s, x["d"]),
        "documents.pair_label_data": lambda s: documents.pair_label_data(s, x["d"]),
        "documents.handover_of": lambda s: documents.handover_of(s, x["d"]),
        "documents.handover_receipt": lambda s: documents.handover_receipt(s, x["hid"]),
        "documents.incident_report": lambda s: documents.incident_report(s, x["iid"]),
        "documents.court_transfer_list": lambda s: documents.court_transfer_list(s, x["qid"]),
        "documents.correction_sticker": lambda s: documents.correction_sticker(s, 1),
        "documents.archive_handover_list": lambda s: documents.archive_handover_list(
            s, "A2026-001"
        ),
        "documents.register_document": lambda s: documents.register_document(s),
        "documents.signature_png": lambda s: documents.signature_png(s, 1),
        "documents.signature_loader": lambda s: documents.signature_loader(s),
        "documents.seized_inventory": lambda s: documents.seized_inventory(s, x["z"]["seizure_id"]),
        "documents.seized_tags": lambda s: documents.seized_tags(s, x["z"]["codes"][0]),
        "documents.seized_release": lambda s: documents.seized_release(s, x["zq_release"]),
        "documents.audit_head": lambda s: documents.audit_head(s),
        "custody_report.custody_report": lambda s: custody_report.custody_report(s, x["d"]),
        "checkpoints.take": lambda s: checkpoints.take(s, me, c("D001")),
        "checkpoints.status": lambda s: checkpoints.status(s),
        "checkpoints.slip": lambda s: checkpoints.slip(s, x["cp"]),
        "checkpoints.file_data": lambda s: checkpoints.file_data(s, x["cp"]),
        "checkpoints.export": lambda s: checkpoints.export(s, x["cp"], x["tmp"]),
        "spot_checks.draw": lambda s: spot_checks.draw(s),
        "spot_checks.check": lambda s: spot_checks.check(
            s, x["sc"], x["d"], f"stdio:{x['tmp'] / 'none.iso'}", me
        ),
        "spot_checks.close": lambda s: spot_checks.close(s, x["sc"], me, "光驱故障"),
        "spot_checks.current": lambda s: spot_checks.current(s),
        "spot_checks.show": lambda s: spot_checks.show(s, x["sc"]),
        "seized.intake": lambda s: seized.intake(
            s, "A2026-001", SEIZURE | {"seized_at": now}, SEIZED_ITEMS
        ),
        "seized.seal": lambda s: seized.seal(
            s,
            x["z"]["seizure_id"],
            {x["z"]["codes"][0]: f"F-{role}"},
            [c("H001"), c("H002")],
            now,
            x["zrec"],
            "signed",
        ),
        "seized.lookup": lambda s: seized.lookup(s, x["z"]["codes"][0]),
        "seized.show_seizure": lambda s: seized.show_seizure(s, x["z"]["seizure_id"]),
        "seized.listing": lambda s: seized.listing(s),
        "seized.release_record": lambda s: seized.release_record(s, x["zq_release"]),
        "seized.receive": lambda s: seized.receive(
            s, x["z"]["seizure_id"], x["z"]["codes"], c("H001"), me, "柜S"
        ),
        "seized.unseal": lambda s: seized.unseal(
            s, x["za"], x["zq_unseal"], [c("H001"), c("H002")]
        ),
        "seized.reseal": lambda s: seized.reseal(s, x["za"], f"FR-{role}", [c("H001"), c("H002")]),
        "seized.transfer_out": lambda s: seized.transfer_out(
            s, x["zq_transfer"], [x["zb"]], c("H001"), me, x["zrec"]
        ),
        "seized.transfer_in": lambda s: seized.transfer_in(
            s, x["zt"], [x["zc"]], c("H001"), me, x["zrec"]
        ),
        "seized.release": lambda s: seized.release(
            s, x["zq_release"], [x["zb"]], c("H001"), me, "王某", "signed"
        ),
        "seized.request_unseal": lambda s: seized.request_unseal(s, x["zb"], "核对"),
        "seized.request_transfer": lambda s: seized.request_transfer(s, [x["za"]], "鉴定"),
        "seized.request_extension": lambda s: seized.request_extension(s, x["zid"], 30, "继续"),
        "seized.find_unrelated": lambda s: seized.find_unrelated(s, [x["za"]], "无关"),
        "seized.decide": lambda s: seized.decide(s, x["zq_wait"], me, True),
        "seized.acknowledge": lambda s: seized.acknowledge(s, 9999, me),
        "seized.inspect": lambda s: seized.inspect(s, me, "账物相符"),
        "seized.inspections": lambda s: seized.inspections(s),
        "seized.due_items": lambda s: seized.due_items(s),
        "seized.due": lambda s: seized.due(s),
        "seized.sweep": lambda s: seized.sweep(s),
        "seized.inbox": lambda s: seized.inbox(s),
    }


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_service_action_for_each_role(office, tmp_path, name):
    x = prepare(office, tmp_path)
    for role in ROLES:
        badge = PERSON[role]
        s = office.session(badge)
        assert [r.value for r in s.person.roles] == [role]  # exactly this one role
        call = calls(office, x, role, badge)[name]
        before = office.snapshot()
        try:
            call(s)
            outcome = "done"
        except RuleViolation as exc:
            outcome = exc.code
        if EXPECTED[name][role]:
            assert outcome != "role_refused", f"{name} refused to {role}"
        else:
            assert outcome == "role_refused", f"{name} as {role}: {outcome}"
            assert office.snapshot() == before


def test_the_matrix_covers_every_action_and_every_service_function():
    assert set(ROLES) == {r.value for r in Role}
    assert set(ACTION_OF) | set(OPEN_TO_ALL) == set(EXPECTED)
    # every action is performed by some row; verify_audit's service needs no sign-in at all
    # (admin.verify_audit: OPEN_TO_ALL), its role row serves the application's menus
    assert {ACTION_OF[n] for n in ACTION_OF} | {"verify_audit"} == {a.value for a in Action}
    for name, action in ACTION_OF.items():  # a function's row is its action's row
        assert EXPECTED[name] == table(DOMAIN)[action], name
    for name in OPEN_TO_ALL:
        assert all(EXPECTED[name].values()), name
    found = session_functions()
    assert set(HELPERS) <= found, set(HELPERS) - found
    # admin.verify_audit takes the database, not a session: verifying needs no sign-in
    assert found - set(HELPERS) == set(EXPECTED) - {"admin.verify_audit"}, (
        f"without a row: {sorted(found - set(HELPERS) - set(EXPECTED))}; "
        f"rows of no function: {sorted(set(EXPECTED) - found - {'admin.verify_audit'})}"
    )
    modules = {info.name for info in pkgutil.iter_modules(services.__path__)}
    with_rows = {name.split(".")[0] for name in found}
    assert modules - with_rows == set(NO_SESSION), modules - with_rows


def session_functions() -> set[str]:
    """Every public function of every module of keeper_app/services (found, not listed)
    whose first parameter is the session ``s``, and every public class whose constructor
    takes it (``module.name``)."""
    found = set()
    for info in pkgutil.iter_modules(services.__path__):
        mod = importlib.import_module(f"{services.__name__}.{info.name}")
        for name, obj in inspect.getmembers(
            mod, lambda o: inspect.isfunction(o) or inspect.isclass(o)
        ):
            if (
                obj.__module__ != mod.__name__
                or name.startswith("_")
                or (inspect.isclass(obj) and issubclass(obj, BaseException))
            ):
                continue
            params = list(inspect.signature(obj).parameters)
            if params[:1] == ["s"]:
                found.add(f"{info.name}.{name}")
    return found


def test_the_law_s_table_in_the_code_is_the_one_written_here():
    expected = table(DOMAIN)
    assert set(expected) == {a.value for a in Action}
    for action, roles in PERMISSIONS.items():
        assert {r.value for r in roles} == {r for r, ok in expected[action.value].items() if ok}, (
            action
        )
