"""A refusal (RuleViolation) as the person at the counter reads it.

The services' messages are precise but English; the UI shows a translated headline keyed on
the violation's stable ``code``, the article it rests on, and the service's own message as the
detail (names, codes, times)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QLocale

from printing.errors import PrintError

from ..domain.errors import RuleViolation
from ..store import StoreError
from ..store.connection import ServerLost, StoreBusy, StoreFull
from ..timeutil import BadTime
from .labels import label
from .noop import QT_TRANSLATE_NOOP
from .print_errors import print_headline

HEADLINES: dict[str, str] = {
    # codes and lookups
    "code_empty": QT_TRANSLATE_NOOP("Refusal", "Nothing was scanned or typed."),
    "code_bad_character": QT_TRANSLATE_NOOP(
        "Refusal", "This is not a medium code: it has characters no medium code has."
    ),
    "code_bad_length": QT_TRANSLATE_NOOP(
        "Refusal", "This is not a medium code: a medium code has 16 characters."
    ),
    "code_bad_format": QT_TRANSLATE_NOOP(
        "Refusal", "This is not a medium code: unit, year and serial must be digits."
    ),
    "code_bad_copy_letter": QT_TRANSLATE_NOOP(
        "Refusal", "This is not a medium code: the copy letter must be O, D, H or S."
    ),
    "code_bad_check": QT_TRANSLATE_NOOP(
        "Refusal",
        "The code fails its check character: misread or mistyped. "
        "Scan again or type it from the label.",
    ),
    "unknown_medium": QT_TRANSLATE_NOOP("Refusal", "No such medium is registered."),
    "output_exists": QT_TRANSLATE_NOOP(
        "Refusal", "A file with this name exists already: it was not replaced."
    ),
    "output_is_symlink": QT_TRANSLATE_NOOP(
        "Refusal", "This name is a link to another file: Keeper does not save through a link."
    ),
    "output_not_a_file": QT_TRANSLATE_NOOP("Refusal", "This name is not a file."),
    "output_failed": QT_TRANSLATE_NOOP("Refusal", "The file could not be saved there."),
    "unknown_case": QT_TRANSLATE_NOOP("Refusal", "No case with this number."),
    "unknown_badge": QT_TRANSLATE_NOOP("Refusal", "No person with this badge number."),
    "unknown_approval": QT_TRANSLATE_NOOP("Refusal", "No such approval request."),
    "unknown_incident": QT_TRANSLATE_NOOP("Refusal", "No such incident."),
    "unknown_request": QT_TRANSLATE_NOOP("Refusal", "No such court or procuratorate request."),
    "unknown_department": QT_TRANSLATE_NOOP("Refusal", "No such department."),
    "unknown_entry": QT_TRANSLATE_NOOP("Refusal", "No such entry."),
    "unknown_recording": QT_TRANSLATE_NOOP("Refusal", "No such recording."),
    "not_your_case": QT_TRANSLATE_NOOP(
        "Refusal", "You do not handle this case and may not see its media."
    ),
    "not_your_department": QT_TRANSLATE_NOOP(
        "Refusal", "This case is handled by another department: you may not see its media."
    ),
    # signing in and signing
    "history_unverified": QT_TRANSLATE_NOOP(
        "Refusal",
        "The register's history does not verify: nothing can be signed until it is "
        "checked. Tell the department head.",
    ),
    "bad_password": QT_TRANSLATE_NOOP("Refusal", "Wrong password."),
    "bad_credentials": QT_TRANSLATE_NOOP("Refusal", "The badge number or the password is wrong."),
    "not_locked": QT_TRANSLATE_NOOP("Refusal", "This person is not locked."),
    "missing_password": QT_TRANSLATE_NOOP("Refusal", "Type the password."),
    "locked": QT_TRANSLATE_NOOP(
        "Refusal", "Locked after too many wrong passwords: wait, or ask an administrator."
    ),
    "busy_changing": QT_TRANSLATE_NOOP(
        "Refusal", "Other counters kept changing the register; nothing was recorded. Try again."
    ),
    "bad_status": QT_TRANSLATE_NOOP("Refusal", "Not a status."),
    "bad_copy_role": QT_TRANSLATE_NOOP("Refusal", "Not a copy role."),
    "bad_badge": QT_TRANSLATE_NOOP("Refusal", "This is not a badge number."),
    "inactive": QT_TRANSLATE_NOOP("Refusal", "This person is deactivated."),
    "not_signed_in": QT_TRANSLATE_NOOP(
        "Refusal", "The person signing must be the person signed in."
    ),
    "keeper_not_signed_in": QT_TRANSLATE_NOOP(
        "Refusal", "The keeper who signs must be the keeper signed in."
    ),
    "same_person": QT_TRANSLATE_NOOP("Refusal", "The two signers must be two different people."),
    "missing_signature": QT_TRANSLATE_NOOP("Refusal", "This entry needs two signatures."),
    "role_refused": QT_TRANSLATE_NOOP("Refusal", "Your role does not allow this."),
    "weak_password": QT_TRANSLATE_NOOP(
        "Refusal",
        "This password is not allowed: it needs 10 characters or more, not the badge number, "
        "and not one of the commonest passwords.",
    ),
    # separation of duties
    "countersign_needed": QT_TRANSLATE_NOOP(
        "Refusal", "A department head must countersign this (their badge number and password)."
    ),
    "countersign_self": QT_TRANSLATE_NOOP(
        "Refusal", "The administrator cannot countersign their own request."
    ),
    "admin_custody_role": QT_TRANSLATE_NOOP(
        "Refusal", "An administrator holds no custody role and sees no case data."
    ),
    "own_roles": QT_TRANSLATE_NOOP("Refusal", "Nobody changes their own roles."),
    "password_mismatch": QT_TRANSLATE_NOOP("Refusal", "The two passwords differ."),
    "not_yourself": QT_TRANSLATE_NOOP("Refusal", "You can only change your own password."),
    # enrolment (issue 10)
    "not_enrolled": QT_TRANSLATE_NOOP(
        "Refusal", "Not enrolled yet: sign in the first time with the enrolment code."
    ),
    "bad_enrolment_code": QT_TRANSLATE_NOOP("Refusal", "Wrong enrolment code."),
    "enrolment_used": QT_TRANSLATE_NOOP("Refusal", "This enrolment code was used already."),
    "enrolment_expired": QT_TRANSLATE_NOOP(
        "Refusal", "This enrolment code has expired: ask an administrator for a new one."
    ),
    "already_enrolled": QT_TRANSLATE_NOOP(
        "Refusal", "Enrolled already: sign in with your password."
    ),
    "no_enrolment": QT_TRANSLATE_NOOP(
        "Refusal", "No enrolment code was issued: ask an administrator for one."
    ),
    "same_password": QT_TRANSLATE_NOOP(
        "Refusal", "Choose a new password, different from the old one (or the code)."
    ),
    # fields
    "missing_field": QT_TRANSLATE_NOOP("Refusal", "A required field is empty."),
    "field_too_long": QT_TRANSLATE_NOOP("Refusal", "A field is too long."),
    "bad_field": QT_TRANSLATE_NOOP("Refusal", "A field contains characters that are not allowed."),
    "bad_time": QT_TRANSLATE_NOOP("Refusal", "The time is not possible."),
    "bad_usage_time": QT_TRANSLATE_NOOP("Refusal", "The estimated usage time is out of range."),
    # handover
    "handover_late": QT_TRANSLATE_NOOP(
        "Refusal",
        "More than 24 hours since burning: give the reason for the "
        "delay; the department head will be told.",
    ),
    "not_case_handler": QT_TRANSLATE_NOOP(
        "Refusal", "This person is not a case handler of the case."
    ),
    "not_keeper": QT_TRANSLATE_NOOP("Refusal", "This person is not a keeper."),
    "keeper_is_handler": QT_TRANSLATE_NOOP(
        "Refusal", "A case handler of this case may not keep its recordings."
    ),
    "case_not_open": QT_TRANSLATE_NOOP("Refusal", "The case is not open."),
    "pair_incomplete": QT_TRANSLATE_NOOP("Refusal", "The pair of discs is incomplete."),
    "not_disc": QT_TRANSLATE_NOOP("Refusal", "A hard-drive volume is not handed over as a pair."),
    "seal_reused": QT_TRANSLATE_NOOP(
        "Refusal", "This seal number was used before: use a new seal."
    ),
    # retrieval and return
    "already_out": QT_TRANSLATE_NOOP(
        "Refusal", "This disc is already out and must be returned first."
    ),
    "original_not_retrievable": QT_TRANSLATE_NOOP(
        "Refusal", "Only the duplicate may be retrieved or transferred; the original stays sealed."
    ),
    "retriever_not_allowed": QT_TRANSLATE_NOOP(
        "Refusal", "This person may not retrieve for this reason."
    ),
    "approver_not_head": QT_TRANSLATE_NOOP("Refusal", "The approver must be a department head."),
    "self_approval": QT_TRANSLATE_NOOP("Refusal", "Nobody approves their own retrieval."),
    # retrieval approval is an act of the approver (Art. 20; issue 14, point 2)
    "unknown_retrieval_request": QT_TRANSLATE_NOOP("Refusal", "No such retrieval request."),
    "request_for_another": QT_TRANSLATE_NOOP(
        "Refusal", "Only the retriever, or a keeper on his behalf, asks for a retrieval."
    ),
    "request_other_disc": QT_TRANSLATE_NOOP(
        "Refusal", "This retrieval request is for another disc."
    ),
    "request_other_retriever": QT_TRANSLATE_NOOP(
        "Refusal", "This retrieval request was approved for another retriever."
    ),
    "request_not_approved": QT_TRANSLATE_NOOP(
        "Refusal", "The head of the case's department has not approved this retrieval."
    ),
    "request_used": QT_TRANSLATE_NOOP(
        "Refusal", "This approval was already used: one approval, one retrieval."
    ),
    "request_expired": QT_TRANSLATE_NOOP(
        "Refusal", "This approval has lapsed: ask the department head again."
    ),
    "bad_retrieval_reason": QT_TRANSLATE_NOOP(
        "Refusal", "Not an allowed reason to retrieve a disc."
    ),
    "case_archived": QT_TRANSLATE_NOOP("Refusal", "The case is with the archives."),
    "not_out": QT_TRANSLATE_NOOP("Refusal", "This disc is not out: there is nothing to return."),
    # issue 14: claims are checks
    "no_read_back": QT_TRANSLATE_NOOP(
        "Refusal",
        "No read-back of this disc since it went out: it can only be recorded as not checked, "
        "with the reason.",
    ),
    "read_back_disagrees": QT_TRANSLATE_NOOP(
        "Refusal", "The read-back of this disc found something else: record what it found."
    ),
    "unchecked_reason": QT_TRANSLATE_NOOP(
        "Refusal", "A return that was not read back needs the reason it was not checked."
    ),
    "no_open_entry": QT_TRANSLATE_NOOP("Refusal", "This disc has no open register entry."),
    "bad_inspection": QT_TRANSLATE_NOOP("Refusal", "Not an inspection result."),
    "missing_inspection": QT_TRANSLATE_NOOP("Refusal", "A return needs the inspection result."),
    "inconsistent_inspection": QT_TRANSLATE_NOOP(
        "Refusal", "The disc failed verification: it cannot be recorded intact."
    ),
    "bad_verification": QT_TRANSLATE_NOOP("Refusal", "Not a verification result."),
    "no_head": QT_TRANSLATE_NOOP("Refusal", "The case's department has no head to report to."),
    # the original
    "not_original": QT_TRANSLATE_NOOP("Refusal", "Only an original is sealed."),
    "not_sealed": QT_TRANSLATE_NOOP("Refusal", "The original is not sealed."),
    "bad_unseal_reason": QT_TRANSLATE_NOOP(
        "Refusal", "The original is opened only to reproduce or check the duplicate."
    ),
    "approval_pending": QT_TRANSLATE_NOOP(
        "Refusal", "An approval request for this disc is already open."
    ),
    "already_decided": QT_TRANSLATE_NOOP("Refusal", "This request was already decided."),
    "no_approval": QT_TRANSLATE_NOOP("Refusal", "This approval is not for this disc."),
    "not_approved": QT_TRANSLATE_NOOP(
        "Refusal", "The department head has not approved opening this original."
    ),
    "approval_used": QT_TRANSLATE_NOOP("Refusal", "This approval was already used."),
    # Art. 18: reproducing the duplicate from the unsealed original
    "duplicate_not_unusable": QT_TRANSLATE_NOOP(
        "Refusal",
        "The duplicate is not recorded damaged, lost or replaced: there is nothing to reproduce.",
    ),
    "user_not_staff": QT_TRANSLATE_NOOP(
        "Refusal", "Only staff of the organ use an unsealed original."
    ),
    "not_unsealed": QT_TRANSLATE_NOOP(
        "Refusal", "The original must be unsealed, with approval, before a duplicate is made."
    ),
    "not_unsealed_to_reproduce": QT_TRANSLATE_NOOP(
        "Refusal", "The original was not opened to reproduce the duplicate."
    ),
    "already_reproduced": QT_TRANSLATE_NOOP(
        "Refusal", "A duplicate was already reproduced under this unsealing."
    ),
    "original_mismatch": QT_TRANSLATE_NOOP(
        "Refusal", "The original does not match its manifest: nothing was registered."
    ),
    "changed_meanwhile": QT_TRANSLATE_NOOP(
        "Refusal", "The disc's record changed while it was being burned: nothing was registered."
    ),
    "same_drive": QT_TRANSLATE_NOOP(
        "Refusal", "The original and the new disc must be in two different drives."
    ),
    "not_head_of_case_dept": QT_TRANSLATE_NOOP(
        "Refusal", "Only the head of the department handling the case may approve."
    ),
    "wrong_department": QT_TRANSLATE_NOOP("Refusal", "The department does not match the case."),
    "already_acknowledged": QT_TRANSLATE_NOOP("Refusal", "This incident was already acknowledged."),
    "not_addressed": QT_TRANSLATE_NOOP(
        "Refusal", "This incident is reported to another department head."
    ),
    # courts and archives
    "bad_org": QT_TRANSLATE_NOOP("Refusal", "The requesting body is a court or a procuratorate."),
    "wrong_case": QT_TRANSLATE_NOOP("Refusal", "This disc is not of the requested case."),
    "burn_first": QT_TRANSLATE_NOOP(
        "Refusal", "Recordings on a hard drive are burned to a disc pair before transfer."
    ),
    "not_outside_retriever": QT_TRANSLATE_NOOP(
        "Refusal", "The recipient is not registered as court or procuratorate staff."
    ),
    "no_court_items": QT_TRANSLATE_NOOP(
        "Refusal", "Name what is asked for: recordings or discs of the case, or all of them."
    ),
    "item_not_of_case": QT_TRANSLATE_NOOP("Refusal", "What is asked for is not of this case."),
    "not_requested": QT_TRANSLATE_NOOP(
        "Refusal", "The request does not (or no longer) ask for what this disc carries."
    ),
    "unknown_item": QT_TRANSLATE_NOOP("Refusal", "No such item of a request."),
    "item_closed": QT_TRANSLATE_NOOP("Refusal", "This item was already transferred or closed."),
    "pairs_await_handover": QT_TRANSLATE_NOOP(
        "Refusal",
        "The case cannot be concluded while discs await their handover: hand them over first.",
    ),
    "case_not_concluded": QT_TRANSLATE_NOOP(
        "Refusal", "Only a concluded case goes to the archives."
    ),
    "media_not_in_custody": QT_TRANSLATE_NOOP(
        "Refusal", "Some media of the case are not back in custody."
    ),
    "nothing_to_archive": QT_TRANSLATE_NOOP("Refusal", "The case holds no media."),
    "not_of_case": QT_TRANSLATE_NOOP("Refusal", "A scanned medium is not held for this case."),
    "archive_missing": QT_TRANSLATE_NOOP("Refusal", "Not every disc of the case has been scanned."),
    "not_archives": QT_TRANSLATE_NOOP("Refusal", "The receiver is not in the archives department."),
    "not_own_case": QT_TRANSLATE_NOOP(
        "Refusal", "You neither handle this case nor head its department."
    ),
    "wrong_state": QT_TRANSLATE_NOOP("Refusal", "Not allowed in the medium's present state."),
    # burning, drives, discs and storage (issue 5)
    "no_recordings": QT_TRANSLATE_NOOP("Refusal", "Choose at least one recording."),
    "mixed_cases": QT_TRANSLATE_NOOP(
        "Refusal", "Recordings of different cases cannot share a disc."
    ),
    "mixed_persons": QT_TRANSLATE_NOOP(
        "Refusal", "Recordings of different persons cannot share a disc: one person per disc."
    ),
    "no_drive": QT_TRANSLATE_NOOP("Refusal", "The drive cannot be found or opened."),
    "no_disc": QT_TRANSLATE_NOOP("Refusal", "There is no disc in the drive: insert a blank disc."),
    "not_blank": QT_TRANSLATE_NOOP(
        "Refusal", "The disc is not blank: insert a blank disc (Keeper never writes over a disc)."
    ),
    "too_small": QT_TRANSLATE_NOOP(
        "Refusal",
        "The disc is too small for these recordings: use a bigger disc or fewer recordings.",
    ),
    "drive_busy": QT_TRANSLATE_NOOP("Refusal", "The drive is busy with another burn."),
    "drive_timeout": QT_TRANSLATE_NOOP("Refusal", "The drive did not answer."),
    "drive_unreadable": QT_TRANSLATE_NOOP("Refusal", "The drive did not report the disc's space."),
    "write_error": QT_TRANSLATE_NOOP(
        "Refusal", "Writing the disc failed: nothing was registered; use a new disc."
    ),
    "burn_failed": QT_TRANSLATE_NOOP("Refusal", "The burn failed: nothing was registered."),
    "interrupted": QT_TRANSLATE_NOOP(
        "Refusal", "The burn was interrupted: nothing was registered."
    ),
    "verification_mismatch": QT_TRANSLATE_NOOP(
        "Refusal",
        "The disc read back does not match the recordings: nothing was registered; use a new disc.",
    ),
    "cancelled": QT_TRANSLATE_NOOP("Refusal", "Cancelled: nothing was registered."),
    "no_program": QT_TRANSLATE_NOOP("Refusal", "A program Keeper needs is not installed."),
    "source_missing": QT_TRANSLATE_NOOP(
        "Refusal", "A recording file is missing from the storage device and its backup."
    ),
    "source_changed": QT_TRANSLATE_NOOP(
        "Refusal", "A stored recording file has changed since it was registered."
    ),
    "no_files": QT_TRANSLATE_NOOP("Refusal", "This recording has no files."),
    "bad_late_upload_hours": QT_TRANSLATE_NOOP(
        "Refusal", "An upload counts as late after 1 to 720 whole hours."
    ),
    "not_case_recording": QT_TRANSLATE_NOOP("Refusal", "These are not recordings of this case."),
    "major_case_recordings_missing": QT_TRANSLATE_NOOP(
        "Refusal", "A major case goes to review with all its recordings."
    ),
    "bad_device_role": QT_TRANSLATE_NOOP(
        "Refusal", "A storage device is the dedicated storage device or its backup."
    ),
    "device_exists": QT_TRANSLATE_NOOP(
        "Refusal", "A storage device with this label is registered already."
    ),
    "unknown_device": QT_TRANSLATE_NOOP("Refusal", "No storage device with this label."),
    "bad_access_purpose": QT_TRANSLATE_NOOP(
        "Refusal",
        "A stored recording is accessed only for case handling, case review, "
        "law-enforcement supervision or a complaint.",
    ),
    "source_unreadable": QT_TRANSLATE_NOOP(
        "Refusal", "A file of the recording cannot be read from where it is."
    ),
    "unreadable_disc": QT_TRANSLATE_NOOP("Refusal", "The disc cannot be read."),
    "not_iso": QT_TRANSLATE_NOOP("Refusal", "This is not a data disc Keeper can read."),
    "no_manifest": QT_TRANSLATE_NOOP("Refusal", "This disc was not made by Keeper."),
    "no_space": QT_TRANSLATE_NOOP(
        "Refusal", "Not enough space on the storage device: free space or change the device."
    ),
    "write_failed": QT_TRANSLATE_NOOP(
        "Refusal", "Writing to the storage device failed: nothing was kept or registered."
    ),
    "copy_mismatch": QT_TRANSLATE_NOOP(
        "Refusal", "A copy does not match the source: the storage device may be failing."
    ),
    "exists": QT_TRANSLATE_NOOP(
        "Refusal", "This recording is stored already; Keeper never overwrites a recording."
    ),
    "same_root": QT_TRANSLATE_NOOP(
        "Refusal", "The backup must be kept in another place than the storage."
    ),
    "no_source": QT_TRANSLATE_NOOP("Refusal", "The chosen folder holds no recording files."),
    "bad_record_file": QT_TRANSLATE_NOOP(
        "Refusal", "The interrogation record file beside the recordings cannot be read."
    ),
    "bad_person_role": QT_TRANSLATE_NOOP(
        "Refusal", "The person must be a suspect, a victim or a witness."
    ),
    # the daily checkpoint (issue 10)
    "checkpoint_not_keeper": QT_TRANSLATE_NOOP(
        "Refusal", "Only a keeper takes the daily checkpoint."
    ),
    "checkpoint_not_head": QT_TRANSLATE_NOOP(
        "Refusal", "A department head countersigns the daily checkpoint."
    ),
    "checkpoint_head_moved": QT_TRANSLATE_NOOP(
        "Refusal", "The register moved on while signing: the new head is shown; sign again."
    ),
    "file_exists": QT_TRANSLATE_NOOP(
        "Refusal", "A file of this name exists already; nothing was overwritten."
    ),
    "export_failed": QT_TRANSLATE_NOOP("Refusal", "The file could not be written there."),
    # the transfer package (issue 16)
    "package_no_folder": QT_TRANSLATE_NOOP(
        "Refusal", "Choose an existing folder for the transfer package."
    ),
    "package_file_missing": QT_TRANSLATE_NOOP(
        "Refusal",
        "A recording of the disc is not there: choose the folder of the mounted duplicate.",
    ),
    "package_source_changed": QT_TRANSLATE_NOOP(
        "Refusal", "A recording is not the file on the disc's manifest: nothing was written."
    ),
    "package_not_duplicate": QT_TRANSLATE_NOOP(
        "Refusal", "Only a duplicate goes to a court, with its transfer package."
    ),
    "package_not_transferred": QT_TRANSLATE_NOOP(
        "Refusal", "Record the court transfer first, then write its package."
    ),
    # people and administration
    "badge_taken": QT_TRANSLATE_NOOP("Refusal", "This badge number is already registered."),
    "bad_unit_code": QT_TRANSLATE_NOOP("Refusal", "The unit code is 4 digits."),
    "not_empty": QT_TRANSLATE_NOOP("Refusal", "This register already has people: sign in instead."),
    "bad_role": QT_TRANSLATE_NOOP(
        "Refusal", "Not a role, or a combination of roles that is not allowed."
    ),
    "not_head": QT_TRANSLATE_NOOP("Refusal", "This person does not have the department head role."),
    "self_demote": QT_TRANSLATE_NOOP(
        "Refusal", "An administrator cannot remove their own administrator role."
    ),
    "self_deactivate": QT_TRANSLATE_NOOP("Refusal", "You cannot deactivate yourself."),
    "case_exists": QT_TRANSLATE_NOOP("Refusal", "A case with this number exists already."),
    "backup_failed": QT_TRANSLATE_NOOP("Refusal", "The backup failed."),
    "backup_corrupt": QT_TRANSLATE_NOOP("Refusal", "The backup is damaged."),
    "backup_unverified": QT_TRANSLATE_NOOP("Refusal", "The backup does not verify."),
    "not_correctable": QT_TRANSLATE_NOOP("Refusal", "This cannot be corrected."),
    "no_change": QT_TRANSLATE_NOOP("Refusal", "Nothing would change."),
    # who may correct what, second signers, outside retrievers (issue 14)
    "incident_supplement_only": QT_TRANSLATE_NOOP(
        "Refusal",
        "An incident's description is never rewritten: add a signed supplement instead.",
    ),
    "not_of_the_case": QT_TRANSLATE_NOOP(
        "Refusal", "Only the keepers, case handlers and department head of this case may do this."
    ),
    "not_your_duty": QT_TRANSLATE_NOOP(
        "Refusal", "This entry is corrected by the people whose duty it is, not by you."
    ),
    "own_usage_time": QT_TRANSLATE_NOOP(
        "Refusal",
        "A retriever does not change his own estimated usage time: a longer use needs a new "
        "approval.",
    ),
    "second_signer_not_staff": QT_TRANSLATE_NOOP(
        "Refusal",
        "The second signer must be staff of this organ (keeper, case handler, department "
        "head or reviewer).",
    ),
    "outside_retriever_other_role": QT_TRANSLATE_NOOP(
        "Refusal", "Court or procuratorate staff hold no other role."
    ),
    "not_label_correction": QT_TRANSLATE_NOOP(
        "Refusal", "Only a correction of a disc label has a sticker."
    ),
    "pair_mismatch": QT_TRANSLATE_NOOP(
        "Refusal", "The original and the duplicate do not carry the same files."
    ),
    # seized storage media (issue 15; supervision draft Art. 123-134)
    "unknown_seized_item": QT_TRANSLATE_NOOP("Refusal", "No seized item has this tag."),
    "not_seized_item": QT_TRANSLATE_NOOP(
        "Refusal", "This is a disc's code, not the tag of a seized item."
    ),
    "unknown_seizure": QT_TRANSLATE_NOOP("Refusal", "No such seizure."),
    "already_sealed": QT_TRANSLATE_NOOP(
        "Refusal", "This seizure is sealed and registered already."
    ),
    "bad_copies": QT_TRANSLATE_NOOP("Refusal", "The number of copies is 0 to 999."),
    "bad_count": QT_TRANSLATE_NOOP("Refusal", "The number of items checked must be a count."),
    "bad_item_kind": QT_TRANSLATE_NOOP(
        "Refusal", "An item is the original medium seized or the electronic data extracted."
    ),
    "bad_media_type": QT_TRANSLATE_NOOP("Refusal", "Choose the type of the medium."),
    "bad_period": QT_TRANSLATE_NOOP(
        "Refusal", "A sealing period (or an extension) is 1 to 365 days."
    ),
    "bad_possessor_signature": QT_TRANSLATE_NOOP(
        "Refusal", "Say whether the possessor signed, refused to sign or was not at the scene."
    ),
    "bad_sealing_time": QT_TRANSLATE_NOOP(
        "Refusal", "The time of sealing is between the seizure and now."
    ),
    "bad_inventory": QT_TRANSLATE_NOOP("Refusal", "The inventory file is not in the right form."),
    "inventory_mismatch": QT_TRANSLATE_NOOP(
        "Refusal", "What was scanned does not match the inventory."
    ),
    "keeper_not_investigator": QT_TRANSLATE_NOOP(
        "Refusal",
        "A keeper does not sign as an investigator: investigators seal, the keeper keeps.",
    ),
    "missing_recording": QT_TRANSLATE_NOOP(
        "Refusal", "The act is video-recorded: register its recording and choose it."
    ),
    "recording_other_case": QT_TRANSLATE_NOOP("Refusal", "This recording belongs to another case."),
    "no_items": QT_TRANSLATE_NOOP("Refusal", "The inventory lists no item."),
    "too_many_items": QT_TRANSLATE_NOOP("Refusal", "At most 200 items on one inventory."),
    "not_case_department": QT_TRANSLATE_NOOP(
        "Refusal", "The investigator is not of the department handling the case."
    ),
    "not_extracted": QT_TRANSLATE_NOOP(
        "Refusal",
        "An original medium that was seized has no reason for not being seized: choose "
        "“electronic data extracted” for data extracted without the original.",
    ),
    "not_investigator": QT_TRANSLATE_NOOP(
        "Refusal", "Only an investigator (a case handler) signs this."
    ),
    "period_expired": QT_TRANSLATE_NOOP(
        "Refusal", "The sealing period has ended: it is extended only before it expires."
    ),
    "seized_in_future": QT_TRANSLATE_NOOP("Refusal", "The time of the seizure is later than now."),
    "already_received": QT_TRANSLATE_NOOP("Refusal", "This seizure is in safekeeping already."),
    "already_returned": QT_TRANSLATE_NOOP("Refusal", "This transfer came back already."),
    "damaged_not_scanned": QT_TRANSLATE_NOOP(
        "Refusal", "An item recorded damaged must be scanned back."
    ),
    "items_of_several_seizures": QT_TRANSLATE_NOOP(
        "Refusal", "A request is for the items of one seizure (one inventory) at a time."
    ),
    "no_department": QT_TRANSLATE_NOOP("Refusal", "You head no department."),
    "nothing_held": QT_TRANSLATE_NOOP("Refusal", "Every item of this seizure is released."),
    "repeated_item": QT_TRANSLATE_NOOP("Refusal", "An item is named twice."),
    "request_open": QT_TRANSLATE_NOOP(
        "Refusal", "A request of this kind is open for these items already."
    ),
    "unknown_transfer": QT_TRANSLATE_NOOP("Refusal", "No such transfer out."),
    "wrong_recording_kind": QT_TRANSLATE_NOOP(
        "Refusal", "Link the recording of the sealing or handover itself (a sealing or search)."
    ),
    "two_investigators": QT_TRANSLATE_NOOP(
        "Refusal", "Two or more investigators sign: not fewer than two."
    ),
}

#: a refusal that names its field: the headline with the field's name (%1)
FIELD_HEADLINES: dict[str, str] = {
    "missing_field": QT_TRANSLATE_NOOP("Refusal", "Required field not filled in: %1."),
    "field_too_long": QT_TRANSLATE_NOOP("Refusal", "Too long: %1."),
    "bad_field": QT_TRANSLATE_NOOP("Refusal", "Characters that are not allowed in: %1."),
}

_ART = re.compile(r"Art\.\s*([\d][\d\-, ]*\d|\d)")
#: what a message names that reads the same in every language: names in Chinese (with a
#: badge), codes and numbers, times, file paths
_FACT = re.compile(
    r"'([^'\n]{1,80})'"  # a value the message quotes (a printer's name, what was typed)
    r"|/[^\s'\"，,;；)]+"  # a path
    r"|\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?"  # a date or a time
    r"|[\u3400-\u9fff][\u3400-\u9fff0-9A-Za-z·\-]*(?:\s*\([A-Za-z0-9\-_]{2,32}\))?"  # 名字 (badge)
    r"|\b[A-Z]{0,4}\d[0-9A-Z\-]{2,}\b"  # a code, a case number, a badge
)


@dataclass(frozen=True)
class Refusal:
    headline: str
    article: str
    detail: str

    def text(self) -> str:
        head = f"{self.headline} {self.article}".strip()
        return f"{head}\n{self.detail}" if self.detail else head


def _t(text: str) -> str:
    return QCoreApplication.translate("Refusal", text)


def _english() -> bool:
    return QLocale().language() == QLocale.Language.English


def facts(message: str) -> str:
    """The language-neutral facts of a service's (English) message, for a user interface in
    another language: who, which disc or case, when, which file — never English words."""
    seen: list[str] = []
    for m in _FACT.finditer(message or ""):
        f = (m.group(1) or m.group(0)).strip()
        if f and f not in seen:
            seen.append(f)
    if not seen:
        return ""
    return QCoreApplication.translate("Refusal", "Concerns: %1").replace("%1", "、".join(seen))


def detail(message: str) -> str:
    """The second line of a refusal: the service's own message in English; elsewhere only
    its facts, so that a refusal is in one language."""
    return message if _english() else facts(message)


def article_text(article: str) -> str:
    """``Art. 18-19; Art. 129 (supervision)`` in the UI language."""
    if not article:
        return ""
    art = QCoreApplication.translate("Refusal", "Art. %1")
    out = _ART.sub(lambda m: art.replace("%1", m.group(1)), article)
    out = out.replace(
        "(supervision)", QCoreApplication.translate("Refusal", "(Supervision Law regulations)")
    )
    return QCoreApplication.translate("Refusal", "[%1]").replace("%1", out)


def server_lost_headline(recorded: bool | None) -> str:
    """The office server lost: said plainly, with what became of the change."""
    if recorded is None:
        return QCoreApplication.translate(
            "Refusal",
            "The connection to the office server broke while the change was being saved; "
            "whether it was recorded is not known yet. When the server is back, look the "
            "item up before doing it again.",
        )
    if recorded:
        return QCoreApplication.translate(
            "Refusal",
            "The connection to the office server broke just as the change was saved; "
            "Keeper reconnected and found it recorded. Do not do it again.",
        )
    return QCoreApplication.translate(
        "Refusal",
        "The office server cannot be reached; nothing was recorded. Check the network "
        "and the server; Keeper reconnects by itself: do it again when the server is back.",
    )


def refusal(exc: BaseException) -> Refusal:
    if isinstance(exc, RuleViolation):
        if exc.field and exc.code in FIELD_HEADLINES:
            head = _t(FIELD_HEADLINES[exc.code]).replace("%1", label("Field", exc.field))
        else:
            src = HEADLINES.get(exc.code)
            head = _t(src) if src else QCoreApplication.translate("Refusal", "Refused.")
        return Refusal(head, article_text(exc.article), detail(exc.message))
    if isinstance(exc, BadTime):
        return Refusal(
            QCoreApplication.translate(
                "Refusal", "Write the time as YYYY-MM-DD or YYYY-MM-DD HH:MM:SS (24-hour)."
            ),
            "",
            detail(str(exc)),
        )
    if isinstance(exc, StoreBusy):
        return Refusal(
            QCoreApplication.translate(
                "Refusal",
                "The database is busy with another counter; nothing was recorded. "
                "Try again in a moment.",
            ),
            "",
            detail(str(exc)),
        )
    if isinstance(exc, StoreFull):
        return Refusal(
            QCoreApplication.translate(
                "Refusal",
                "The disk holding the database is full; nothing was recorded. "
                "Free some space, then try again.",
            ),
            "",
            detail(str(exc)),
        )
    if isinstance(exc, ServerLost):
        return Refusal(server_lost_headline(exc.recorded), "", detail(str(exc)))
    if isinstance(exc, StoreError):
        return Refusal(
            QCoreApplication.translate("Refusal", "The database cannot be used."),
            "",
            detail(str(exc)),
        )
    if isinstance(exc, PrintError):
        return Refusal(print_headline(exc.code), "", detail(exc.message))
    return Refusal(
        QCoreApplication.translate("Refusal", "Something went wrong; nothing was changed."),
        "",
        f"{type(exc).__name__}: {exc}" if _english() else facts(str(exc)),
    )
