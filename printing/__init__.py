"""Everything Keeper prints, made with reportlab as PDF: disc labels on label sheets, sleeve
inserts, seal-bag labels, register pages, receipts and reports; Code 128 barcodes as vectors;
an embedded CJK font; and sending a PDF to a CUPS printer.

The functions here take plain data (dicts made by ``keeper_app.services.documents``) and a
file name or binary stream; they never read the database themselves. Which document uses
which of them is ``keeper_app.services.catalogue``. The entry points:

- ``labels.disc_label_pdf(labels, out, sheet=, start=, calibration=, lang=, guides=)``,
  ``labels.calibration_sheet_pdf(out, sheet=)``;
- ``inserts.inserts_pdf(inserts.LAYOUTS["sleeve" or "seal_bag"], labels, out)``;
- ``register.register_pdf(doc, out, load_signature=)``;
- ``reports.handover_receipt_pdf / incident_report_pdf / court_transfer_list_pdf /
  archive_handover_list_pdf(data, out)``;
- ``seized.tags_pdf / inventory_pdf / release_notice_pdf / release_inventory_pdf`` (issue 15:
  seized storage media; they take the dataclasses defined in ``printing.seized``);
- ``layouts.sheets()``, ``layouts.sheet(id)``, ``layouts.calibration_for(printer)``,
  ``layouts.save_calibration(printer, Calibration(dx_mm, dy_mm, dpi))``;
- ``cups.list_printers()``, ``cups.print_pdf(path, printer, media=result.media)``.

Each ``*_pdf`` returns a ``common.Rendered`` (pages, warnings for the keeper — e.g. a
character the font lacks —, label placements, the paper to print on); ``out`` may be a
path or a binary stream (``common.to_bytes`` for a preview). Every failure is a
:class:`PrintError` with a stable ``code``.
"""

from .errors import PrintError

__all__ = ["PrintError"]
