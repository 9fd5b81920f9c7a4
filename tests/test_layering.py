"""The dependency rules of DESIGN.md, checked on the source tree.

- ``keeper_app.domain`` and ``keeper_app.store`` import no Qt (checked by importing every module
  in a fresh interpreter, so indirect imports count too);
- ``keeper_app.domain`` imports nothing of ours outside itself and nothing that does SQL, I/O,
  processes or Qt (checked on the source with ``ast``);
- ``keeper_app/ui`` and ``keeper_app/cli`` run no SQL of their own: they call ``services``;
- dependencies point one way: ``ui``, ``cli`` -> ``services`` -> ``domain`` and ``store``. The
  ui and the cli import ``store`` only to open the database (``open``, the
  ``Database`` it returns, the ``StoreError`` it raises), not ``burning``; the ui never imports
  the cli, the cli the ui only to start it (``keeper gui``); nothing below them imports either.
"""

from __future__ import annotations

import ast
import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "keeper_app"
DOMAIN = APP / "domain"

# Top-level modules that domain code must not import: SQL, files and processes, network, Qt,
# and the libraries that belong to devices/printing.
DOMAIN_FORBIDDEN_TOP = frozenset(
    {
        "sqlite3",
        "PySide6",
        "shiboken6",
        "PyQt5",
        "PyQt6",
        "os",
        "subprocess",
        "pathlib",
        "socket",
        "shutil",
        "tempfile",
        "pyudev",
        "reportlab",
        "barcode",
    }
)

# Runs in a fresh interpreter: import every module of the given packages (walk_packages, failing
# on any import error), then report which Qt modules ended up loaded.
_IMPORT_ALL = r"""
import importlib, json, pkgutil, sys

def fail(name):
    raise SystemExit(f"cannot import {name}")

imported = []
for pkg_name in sys.argv[1:]:
    pkg = importlib.import_module(pkg_name)
    imported.append(pkg_name)
    for info in pkgutil.walk_packages(pkg.__path__, pkg_name + ".", onerror=fail):
        importlib.import_module(info.name)
        imported.append(info.name)
print(json.dumps({"imported": imported, "loaded": sorted(sys.modules)}))
"""


def _import_in_fresh_python(*packages: str) -> tuple[list[str], set[str]]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("QT_API", None)
    proc = subprocess.run(
        [sys.executable, "-c", _IMPORT_ALL, *packages],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, f"importing {packages} failed:\n{proc.stdout}\n{proc.stderr}"
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    return result["imported"], set(result["loaded"])


def _is_under(name: str, top: str) -> bool:
    return name == top or name.startswith(top + ".")


def test_domain_and_store_import_no_qt() -> None:
    imported, loaded = _import_in_fresh_python("keeper_app.domain", "keeper_app.store")
    assert len(imported) > 2, f"found no modules to import: {imported}"
    qt = sorted(m for m in loaded if _is_under(m, "PySide6") or _is_under(m, "shiboken6"))
    assert not qt, f"importing {imported} loaded Qt: {qt}"


def test_domain_alone_loads_no_sql_no_qt_no_outer_layers() -> None:
    imported, loaded = _import_in_fresh_python("keeper_app.domain")
    bad = sorted(
        m
        for m in loaded
        if any(_is_under(m, t) for t in ("sqlite3", "_sqlite3", "PySide6", "shiboken6"))
        or (
            _is_under(m, "keeper_app")
            and m != "keeper_app"
            and not _is_under(m, "keeper_app.domain")
        )
    )
    assert not bad, f"importing {imported} loaded {bad}"


def _py_files(folder: Path) -> Iterator[Path]:
    yield from sorted(p for p in folder.rglob("*.py") if "__pycache__" not in p.parts)


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _resolve_from(node: ast.ImportFrom, module: str, is_package: bool) -> str:
    """The absolute module that ``from ... import`` names, for relative imports too."""
    if node.level == 0:
        return node.module or ""
    package = module.split(".") if is_package else module.split(".")[:-1]
    keep = len(package) - (node.level - 1)
    if keep <= 0:
        return "<beyond top-level package>"
    return ".".join(package[:keep] + ([node.module] if node.module else []))


def _is_import_call(node: ast.AST) -> bool:
    return (
        isinstance(node, ast.Call)
        and (
            (isinstance(node.func, ast.Name) and node.func.id == "__import__")
            or (isinstance(node.func, ast.Attribute) and node.func.attr == "import_module")
        )
        and bool(node.args)
        and isinstance(node.args[0], ast.Constant)
        and isinstance(node.args[0].value, str)
    )


def domain_import_violations(path: Path, root: Path = ROOT) -> list[str]:
    """Each import in ``path`` (a file under root/keeper_app/domain) that breaks the rules."""
    module = _module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    targets: list[tuple[int, str]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            targets.extend((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(node, module, is_package)
            # `from keeper_app import store` / `from .. import ui` name modules in `names`.
            if base in ("keeper_app", "keeper_app.domain"):
                targets.extend((node.lineno, f"{base}.{a.name}") for a in node.names)
            else:
                targets.append((node.lineno, base))
        elif _is_import_call(node):
            assert isinstance(node, ast.Call) and isinstance(node.args[0], ast.Constant)
            targets.append((node.lineno, str(node.args[0].value)))

    problems = []
    for lineno, name in targets:
        top = name.split(".")[0]
        where = f"{path.relative_to(root)}:{lineno}"
        if top in DOMAIN_FORBIDDEN_TOP:
            problems.append(f"{where} imports {name}")
        elif top == "keeper_app" and not _is_under(name, "keeper_app.domain"):
            problems.append(f"{where} imports {name}, outside keeper_app.domain")
        elif name.startswith("<"):
            problems.append(f"{where} has a relative import {name}")
    return problems


def test_domain_imports_nothing_outside_itself() -> None:
    files = list(_py_files(DOMAIN))
    assert files, f"no Python files under {DOMAIN}"
    problems = [p for f in files for p in domain_import_violations(f)]
    assert not problems, "keeper_app/domain must stay plain Python:\n" + "\n".join(problems)


# SQL statements as they start; matched case-insensitively inside .execute*() calls, and
# case-sensitively (upper-case keywords, as SQL is written here) in any string of a file that
# calls .execute*(), so `sql = "SELECT ..."; cur.execute(sql)` is caught too.
_SQL = (
    r"\b(?:SELECT\b[\s\S]*\bFROM|INSERT\s+(?:OR\s+\w+\s+)?INTO|UPDATE\s+\w+\s+SET|DELETE\s+FROM"
    r"|REPLACE\s+INTO|(?:CREATE|DROP|ALTER)\s+(?:TEMP\w*\s+)?(?:TABLE|INDEX|VIEW|TRIGGER)"
    r"|PRAGMA\s+\w+|BEGIN(?:\s+\w+)?\s+TRANSACTION|VACUUM|ATTACH\s+DATABASE)\b"
)
_SQL_ANY_CASE = re.compile(_SQL, re.IGNORECASE)
_SQL_UPPER = re.compile(_SQL)
_EXECUTE = frozenset({"execute", "executemany", "executescript"})


def sql_execute_violations(path: Path, root: Path = ROOT) -> list[str]:
    """SQL run through ``.execute(`` (or executemany/executescript) in ``path``."""
    source = path.read_text(encoding="utf-8")
    tree = ast.parse(source, filename=str(path))
    calls: list[tuple[ast.Call, str]] = [
        (node, node.func.attr)
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in _EXECUTE
    ]
    if not calls:
        return []
    where = path.relative_to(root)
    problems: dict[int, str] = {}
    for call, method in calls:
        text = " ".join(ast.get_source_segment(source, a) or "" for a in call.args)
        if _SQL_ANY_CASE.search(text):
            problems[call.lineno] = f"{where}:{call.lineno} runs SQL: .{method}({text[:80]})"
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            if _SQL_UPPER.search(node.value) and node.lineno not in problems:
                problems[node.lineno] = (
                    f"{where}:{node.lineno} has SQL text {node.value[:60]!r} and calls .execute()"
                )
    return [problems[line] for line in sorted(problems)]


def _front_end_files() -> list[Path]:
    files = list(_py_files(APP / "ui")) if (APP / "ui").is_dir() else []
    files += list(_py_files(APP / "cli")) if (APP / "cli").is_dir() else []
    files += [p for p in (APP / "__main__.py",) if p.is_file()]
    return files


def test_ui_and_cli_run_no_sql() -> None:
    files = _front_end_files()
    assert files, "found neither keeper_app/ui nor keeper_app/cli"
    problems = [p for f in files for p in sql_execute_violations(f)]
    assert not problems, "the UI and the CLI go through services, never SQL:\n" + "\n".join(
        problems
    )


# What the ui and the cli may take from keeper_app.store: the one opening function, the handle
# it returns and the error it raises.
#: issue 11: ``store.open(location)`` is the one way in (a file's path or a server's URL);
#: ``is_server``/``local_path`` say which, and where the desk's own files for it are
STORE_FOR_OPEN = frozenset({"open", "is_server", "local_path", "shown", "Database", "StoreError"})
# Imports in the ui that break the direction today, each to be moved behind a service; listed
# so that no new one is added (remove a line when its import is gone).
KNOWN_UI_EXCEPTIONS = frozenset(
    {
        ("keeper_app/ui/errors.py", "keeper_app.store.connection"),
        ("keeper_app/ui/backup_schedule.py", "keeper_app.store.backup_records"),
        ("keeper_app/ui/dialogs/burn_pair.py", "keeper_app.burning.jobs"),
        ("keeper_app/ui/dialogs/ingest.py", "keeper_app.burning"),
        ("keeper_app/ui/dialogs/ingest.py", "keeper_app.burning.jobs"),
        ("keeper_app/ui/dialogs/task_base.py", "keeper_app.burning.jobs"),
        ("keeper_app/ui/dialogs/identify_disc.py", "keeper_app.burning.jobs"),
    }
)
# Layers below the ui and the cli, which must import neither.
LOWER_LAYERS = ("domain", "store", "services", "burning", "devices")


def _imports(path: Path, root: Path) -> list[tuple[int, str, list[str]]]:
    """Each import in ``path``: line, the absolute module, the names taken from it."""
    module = _module_name(path, root)
    is_package = path.name == "__init__.py"
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    out: list[tuple[int, str, list[str]]] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out.extend((node.lineno, alias.name, []) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = _resolve_from(node, module, is_package)
            names = [a.name for a in node.names]
            if base == "keeper_app":  # `from .. import store` names modules
                out.extend((node.lineno, f"keeper_app.{n}", []) for n in names)
            else:
                out.append((node.lineno, base, names))
        elif _is_import_call(node):
            assert isinstance(node, ast.Call) and isinstance(node.args[0], ast.Constant)
            out.append((node.lineno, str(node.args[0].value), []))
    return out


def direction_violations(path: Path, root: Path = ROOT) -> list[tuple[str, str]]:
    """Imports in ``path`` (under root/keeper_app or root/printing) against the direction:
    (the module imported, what is wrong)."""
    rel = path.relative_to(root)
    layer = rel.parts[1] if rel.parts[0] == "keeper_app" and len(rel.parts) > 2 else ""
    front = layer in ("ui", "cli")
    lower = rel.parts[0] == "printing" or layer in LOWER_LAYERS
    problems = []
    for lineno, name, names in _imports(path, root):
        where = f"{rel}:{lineno} imports"
        if front and name == "keeper_app.store":
            extra = [f"{name}.{n}" for n in names if n not in STORE_FOR_OPEN] or (
                [] if names else [name]
            )
            problems += [(x, f"{where} {x}: the store only to open it") for x in extra]
        elif front and _is_under(name, "keeper_app.store"):
            problems.append((name, f"{where} {name}: the store only to open it"))
        elif front and _is_under(name, "keeper_app.burning"):
            problems.append((name, f"{where} {name}: the ui and the cli go through services"))
        elif layer == "ui" and _is_under(name, "keeper_app.cli"):
            problems.append((name, f"{where} {name}: the ui does not use the cli"))
        elif layer == "cli" and _is_under(name, "keeper_app.ui") and name != "keeper_app.ui.app":
            problems.append((name, f"{where} {name}: the cli only starts the ui"))
        elif lower and (_is_under(name, "keeper_app.ui") or _is_under(name, "keeper_app.cli")):
            problems.append((name, f"{where} {name}: a lower layer imports a front end"))
    return problems


def test_dependencies_point_one_way() -> None:
    files = [p for sub in ("ui", "cli", *LOWER_LAYERS) for p in _py_files(APP / sub)]
    files += list(_py_files(ROOT / "printing"))
    assert any("cli" in f.parts for f in files) and any("ui" in f.parts for f in files)
    problems = [
        why
        for f in files
        for name, why in direction_violations(f)
        if (str(f.relative_to(ROOT)), name) not in KNOWN_UI_EXCEPTIONS
    ]
    assert not problems, "ui, cli -> services -> domain, store:\n" + "\n".join(problems)


def test_the_source_checks_can_fail(tmp_path: Path) -> None:
    """Bad code in a scratch tree is reported, and harmless code is not."""
    domain = tmp_path / "keeper_app" / "domain"
    ui = tmp_path / "keeper_app" / "ui"
    domain.mkdir(parents=True)
    ui.mkdir()
    (domain / "bad.py").write_text(
        "import sqlite3\nfrom os import path\nfrom .. import canonical\n"
        "from ..store import audit\nfrom . import model\nfrom .rules import x\n"
        "from PySide6.QtCore import QObject\n",
        encoding="utf-8",
    )
    (domain / "good.py").write_text(
        "import re\nfrom datetime import datetime\nfrom . import model\nfrom .errors import E\n",
        encoding="utf-8",
    )
    (ui / "bad_view.py").write_text(
        "def load(conn):\n"
        '    conn.execute("select * from media")\n'
        '    sql = "DELETE FROM media WHERE id=?"\n'
        "    conn.execute(sql, (1,))\n",
        encoding="utf-8",
    )
    (ui / "good_view.py").write_text(
        "def load(service, dlg, job, plan):\n"
        '    dlg.setText("Delete from list; select a disc")\n'
        "    job.execute(plan)\n"
        "    return service.register()\n",
        encoding="utf-8",
    )

    bad = domain_import_violations(domain / "bad.py", tmp_path)
    joined = "\n".join(bad)
    assert len(bad) == 5, joined
    for name in ("sqlite3", "os", "keeper_app.canonical", "keeper_app.store", "PySide6.QtCore"):
        assert f"imports {name}" in joined, joined
    assert domain_import_violations(domain / "good.py", tmp_path) == []

    assert len(sql_execute_violations(ui / "bad_view.py", tmp_path)) == 2
    assert sql_execute_violations(ui / "good_view.py", tmp_path) == []

    cli = tmp_path / "keeper_app" / "cli"
    services = tmp_path / "keeper_app" / "services"
    cli.mkdir()
    services.mkdir()
    (cli / "bad_cmd.py").write_text(
        "from ..store import people\nfrom ..store import Database, audit, open_database\n"
        "from keeper_app.store.entries import register\nimport keeper_app.store.media\n"
        "from ..burning.jobs import Progress\nfrom ..ui.views import register_view\n",
        encoding="utf-8",
    )
    (cli / "good_cmd.py").write_text(
        "from ..store import Database, StoreError, open\nfrom ..services import lookup\n"
        "from ..domain.errors import RuleViolation\nfrom ..ui.app import run_gui\n"
        "from printing import cups\nfrom ..devices import snapshot\n",
        encoding="utf-8",
    )
    (ui / "uses_cli.py").write_text("from ..cli import main\n", encoding="utf-8")
    (services / "up.py").write_text("from ..ui import labels\n", encoding="utf-8")
    bad = direction_violations(cli / "bad_cmd.py", tmp_path)
    assert len(bad) == 7, "\n".join(bad)
    assert direction_violations(cli / "good_cmd.py", tmp_path) == []
    assert len(direction_violations(ui / "uses_cli.py", tmp_path)) == 1
    assert len(direction_violations(services / "up.py", tmp_path)) == 1
