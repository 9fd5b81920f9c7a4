"""What went wrong making, saving or printing a document (``printing.PrintError``), as a
translated headline keyed on the error's stable code; the printing package's own message
(the printer's name, what CUPS said) is the detail."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from .noop import QT_TRANSLATE_NOOP

PRINT_HEADLINES: dict[str, str] = {
    "no_cups_tools": QT_TRANSLATE_NOOP(
        "Printing", "The printing programs (CUPS) are not installed on this computer."
    ),
    "cups_unreachable": QT_TRANSLATE_NOOP(
        "Printing", "The print system (CUPS) cannot be reached: is the cups service running?"
    ),
    "cups_timeout": QT_TRANSLATE_NOOP("Printing", "The print system (CUPS) did not answer."),
    "lpstat_failed": QT_TRANSLATE_NOOP("Printing", "The printers could not be listed."),
    "no_printer": QT_TRANSLATE_NOOP("Printing", "Choose a printer first."),
    "no_such_printer": QT_TRANSLATE_NOOP(
        "Printing", "There is no such printer: it was removed or renamed. Choose another one."
    ),
    "printer_rejecting": QT_TRANSLATE_NOOP(
        "Printing", "The printer rejects jobs: an administrator must let it accept them again."
    ),
    "printer_stopped": QT_TRANSLATE_NOOP(
        "Printing", "The printer has stopped: the job waits until it is started again."
    ),
    "job_stuck": QT_TRANSLATE_NOOP("Printing", "The job has not printed yet."),
    "lp_failed": QT_TRANSLATE_NOOP("Printing", "Printing failed."),
    "bad_copies": QT_TRANSLATE_NOOP("Printing", "Copies must be 1 to 99."),
    "bad_option": QT_TRANSLATE_NOOP("Printing", "A print option is not valid."),
    "no_file": QT_TRANSLATE_NOOP("Printing", "There is no document to print."),
    "not_pdf": QT_TRANSLATE_NOOP("Printing", "The file is not a PDF."),
    "bad_output": QT_TRANSLATE_NOOP("Printing", "The PDF could not be saved there."),
    "output_exists": QT_TRANSLATE_NOOP(
        "Printing", "A file with this name exists already: it was not replaced."
    ),
    "output_is_symlink": QT_TRANSLATE_NOOP(
        "Printing", "This name is a link to another file: Keeper does not save through a link."
    ),
    "output_not_a_file": QT_TRANSLATE_NOOP("Printing", "This name is not a file."),
    "output_failed": QT_TRANSLATE_NOOP("Printing", "The PDF could not be saved there."),
    "font_missing": QT_TRANSLATE_NOOP(
        "Printing", "The Chinese printing font is not installed (fonts-wqy-microhei)."
    ),
    "font_unusable": QT_TRANSLATE_NOOP("Printing", "The Chinese printing font cannot be used."),
    "bad_language": QT_TRANSLATE_NOOP("Printing", "Documents are printed in Chinese or English."),
    "unknown_sheet": QT_TRANSLATE_NOOP("Printing", "No such label sheet."),
    "bad_sheet_template": QT_TRANSLATE_NOOP("Printing", "The label sheet template is not valid."),
    "no_sheet_templates": QT_TRANSLATE_NOOP("Printing", "No label sheet templates are installed."),
    "bad_start_position": QT_TRANSLATE_NOOP("Printing", "The sheet has no such label position."),
    "label_too_small": QT_TRANSLATE_NOOP("Printing", "The barcode does not fit on this label."),
    "bad_calibration": QT_TRANSLATE_NOOP(
        "Printing", "The printer calibration is not valid: measure again from the test sheet."
    ),
    "bad_barcode_text": QT_TRANSLATE_NOOP("Printing", "This code cannot be printed as a barcode."),
    "bad_dpi": QT_TRANSLATE_NOOP("Printing", "Not a printer resolution."),
    "nothing_to_print": QT_TRANSLATE_NOOP("Printing", "There is nothing to print."),
    "not_original": QT_TRANSLATE_NOOP(
        "Printing", "Only the original is sealed in a bag: there is no seal-bag label to print."
    ),
    "no_preview_tool": QT_TRANSLATE_NOOP(
        "Printing", "No preview: pdftoppm (poppler-utils) is missing; saving and printing work."
    ),
    "preview_failed": QT_TRANSLATE_NOOP("Printing", "The preview could not be made."),
}


def print_headline(code: str) -> str:
    src = PRINT_HEADLINES.get(code)
    if src is None:
        return QCoreApplication.translate("Printing", "The document could not be printed.")
    return QCoreApplication.translate("Printing", src)
