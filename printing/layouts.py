"""Label sheet templates (geometry as data in ``resources/label_sheets/*.json``) and the
per-printer calibration offset.

A template gives the page size, the label's outer and hole diameters and the centre of each
label position, in millimetres measured from the top-left corner of the sheet as the
manufacturer prints them. Positions are numbered from 1 in the order listed (top to bottom).
"""

from __future__ import annotations

import json
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import PrintError


def _sheets_dir() -> Path:
    """``$KEEPER_RESOURCES/label_sheets``, else the source tree's ``resources/``, else where
    the Debian package puts them."""
    env = os.environ.get("KEEPER_RESOURCES")
    if env:
        return Path(env) / "label_sheets"
    here = Path(__file__).resolve().parent.parent / "resources" / "label_sheets"
    return here if here.is_dir() else Path("/usr/share/keeper/resources/label_sheets")


SHEETS_DIR = _sheets_dir()
DEFAULT_SHEET = "avery-l7676"
#: The clamping area of a 120 mm disc (Ø 41 mm) is never printed on, even on a full-face label.
HUB_CLEAR_DIAMETER_MM = 41.0


@dataclass(frozen=True)
class LabelPosition:
    number: int  # 1-based
    cx_mm: float  # from the left edge
    cy_mm: float  # from the top edge


@dataclass(frozen=True)
class SheetTemplate:
    id: str
    name: str
    name_zh: str
    page_width_mm: float
    page_height_mm: float
    cups_media: str
    outer_diameter_mm: float
    hole_diameter_mm: float
    positions: tuple[LabelPosition, ...]
    path: Path | None = None

    def title(self, lang: str = "zh") -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name

    def position(self, number: int) -> LabelPosition:
        if not 1 <= number <= len(self.positions):
            raise PrintError(
                "bad_start_position",
                f"label position {number} does not exist on {self.name}: "
                f"it has positions 1 to {len(self.positions)}",
            )
        return self.positions[number - 1]


def _num(d: dict[str, Any], key: str, where: str, positive: bool = True) -> float:
    v = d.get(key)
    if not isinstance(v, int | float) or isinstance(v, bool) or (positive and v <= 0):
        raise PrintError(
            "bad_sheet_template",
            f"{where}: '{key}' must be a positive number of millimetres, not {v!r}",
        )
    return float(v)


def parse_sheet(
    data: dict[str, Any], where: str = "template", path: Path | None = None
) -> SheetTemplate:
    """Check a template's data and make it a :class:`SheetTemplate`, saying what is wrong."""
    if not isinstance(data, dict):
        raise PrintError("bad_sheet_template", f"{where}: not a JSON object")
    sid = data.get("id")
    if not isinstance(sid, str) or not sid:
        raise PrintError("bad_sheet_template", f"{where}: 'id' is missing")
    if data.get("kind", "disc") != "disc":
        raise PrintError("bad_sheet_template", f"{where}: only disc label sheets are known")
    page = data.get("page") or {}
    label = data.get("label") or {}
    pw, ph = _num(page, "width_mm", where), _num(page, "height_mm", where)
    outer = _num(label, "outer_diameter_mm", where)
    hole = _num(label, "hole_diameter_mm", where)
    if hole >= outer:
        raise PrintError("bad_sheet_template", f"{where}: the hole is not smaller than the label")
    raw = data.get("positions")
    if not isinstance(raw, list) or not raw:
        raise PrintError("bad_sheet_template", f"{where}: 'positions' must list the label centres")
    positions = []
    for i, p in enumerate(raw, start=1):
        cx, cy = _num(p, "cx_mm", where), _num(p, "cy_mm", where)
        r = outer / 2
        if cx - r < -0.01 or cy - r < -0.01 or cx + r > pw + 0.01 or cy + r > ph + 0.01:
            raise PrintError("bad_sheet_template", f"{where}: label {i} runs off the page")
        positions.append(LabelPosition(i, cx, cy))
    return SheetTemplate(
        id=sid,
        name=str(data.get("name") or sid),
        name_zh=str(data.get("name_zh") or ""),
        page_width_mm=pw,
        page_height_mm=ph,
        cups_media=str(page.get("cups_media") or "A4"),
        outer_diameter_mm=outer,
        hole_diameter_mm=hole,
        positions=tuple(positions),
        path=path,
    )


def load_sheet_file(path: str | Path) -> SheetTemplate:
    p = Path(path)
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PrintError("bad_sheet_template", f"{p}: cannot read the template: {exc}") from None
    return parse_sheet(data, str(p), p)


def sheets(folder: Path = SHEETS_DIR) -> list[SheetTemplate]:
    """Every template shipped with Keeper, sorted by id."""
    if not folder.is_dir():
        raise PrintError("no_sheet_templates", f"no label sheet templates in {folder}")
    return sorted((load_sheet_file(f) for f in folder.glob("*.json")), key=lambda s: s.id)


def sheet(sheet_id: str = DEFAULT_SHEET, folder: Path = SHEETS_DIR) -> SheetTemplate:
    if sheet_id.endswith(".json") or os.sep in sheet_id:
        return load_sheet_file(sheet_id)
    f = folder / f"{sheet_id}.json"
    if not f.is_file():
        known = ", ".join(s.id for s in sheets(folder))
        raise PrintError("unknown_sheet", f"no label sheet '{sheet_id}'; known: {known}")
    return load_sheet_file(f)


# ------------------------------------------------------------------ calibration
@dataclass(frozen=True)
class Calibration:
    """How far a printer puts things from where they should be, measured once from a printed
    test sheet: the drawing is shifted by minus this. Right and down are positive (mm)."""

    dx_mm: float = 0.0
    dy_mm: float = 0.0
    dpi: int = 300

    def check(self) -> Calibration:
        for v in (self.dx_mm, self.dy_mm):
            if not -15.0 <= v <= 15.0:
                raise PrintError(
                    "bad_calibration",
                    f"calibration offset {v} mm is more than "
                    "15 mm: measure again from the test sheet",
                )
        if self.dpi not in (150, 200, 203, 300, 360, 400, 600, 720, 1200):
            raise PrintError("bad_calibration", f"{self.dpi} dpi is not a printer resolution")
        return self


def calibration_file() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "keeper" / "printers.json"


_cal_lock = threading.Lock()


def load_calibrations(path: Path | None = None) -> dict[str, Calibration]:
    p = path or calibration_file()
    if not p.is_file():
        return {}
    try:
        data = json.loads(p.read_text(encoding="utf-8"))
        return {
            name: Calibration(
                float(v.get("dx_mm", 0)), float(v.get("dy_mm", 0)), int(v.get("dpi", 300))
            ).check()
            for name, v in (data.get("printers") or {}).items()
        }
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise PrintError(
            "bad_calibration", f"{p}: the printer calibrations cannot be read: {exc}"
        ) from None


def calibration_for(printer: str | None, path: Path | None = None) -> Calibration:
    if not printer:
        return Calibration()
    return load_calibrations(path).get(printer, Calibration())


def save_calibration(printer: str, cal: Calibration, path: Path | None = None) -> Path:
    """Remember ``printer``'s calibration (in the user's config folder by default)."""
    cal.check()
    if not printer:
        raise PrintError("no_printer", "a calibration belongs to a named printer")
    p = path or calibration_file()
    with _cal_lock:
        current = {k: v for k, v in load_calibrations(p).items()}
        current[printer] = cal
        p.parent.mkdir(parents=True, exist_ok=True)
        tmp = p.with_suffix(".tmp")
        tmp.write_text(
            json.dumps(
                {
                    "printers": {
                        k: {"dx_mm": v.dx_mm, "dy_mm": v.dy_mm, "dpi": v.dpi}
                        for k, v in sorted(current.items())
                    }
                },
                indent=2,
            ),
            encoding="utf-8",
        )
        tmp.replace(p)
    return p
