"""Keeper's printed documents: labels, register pages, receipts and reports as PDF (reportlab),
Code 128 barcodes, the embedded CJK font, and sending a PDF to a CUPS printer."""
