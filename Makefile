# Keeper: the two everyday commands are `make run` (the app, on a demo database) and `make test`.
#
#   make deps       install the Debian packages the app and the tests need (scripts/install-deps.sh)
#   make venv       create .venv and install Keeper into it, editable, with the test tools
#   make translations  compile the UI translations (.ts -> .qm); `make translations-update`
#                   re-extracts the UI's strings into the .ts after the code changed
#   make run        deps + venv, make the demo database once, then start the GUI on it
#   make test       deps + venv + lint, then the whole test suite, offscreen
#   make lint       ruff check, ruff format --check, and mypy: strict on domain, store,
#                   services, burning, devices, printing; checked on ui and cli
#   make format     ruff format (rewrite); `make format-check` only reports
#   make typecheck  mypy on keeper_app and printing (see pyproject: which are strict)
#   make bench      run the benchmarks in bench/ (bench_*.py); figures go to stdout, files to bench/out/
#   make clean      remove build output and caches; `make distclean` also removes .venv
#   make deb        the Debian package into dist/ (installer/build_deb.py; DEB_SUFFIX=+2: a newer build)
#   make guide-screenshots  take the user guide's screenshots again (docs/images/guide/)

PYTHON  ?= python3
VENV    := .venv
BIN     := $(VENV)/bin
STAMP   := $(VENV)/.stamp
DEMO_DB ?= $(HOME)/.local/share/keeper/demo.sqlite

# Only the folders that exist: git keeps no empty folder, so bench/ may be missing in a clone.
LINT_PATHS := $(wildcard keeper_app printing tests bench installer)

.DEFAULT_GOAL := help
# deps must finish before venv (python3-venv), venv before lint and the tests.
.NOTPARALLEL:
.PHONY: help deps venv translations translations-update run test lint format format-check \
	typecheck bench clean distclean deb guide-screenshots

help:
	@sed -n '3,15s/^#//p' Makefile

deps:
	bash scripts/install-deps.sh

venv: $(STAMP) translations

# Re-created/re-installed only when pyproject.toml is newer than the stamp.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -c constraints.txt -e '.[test]'
	touch $@

# The UI's translations: sources in resources/translations (edited with Qt Linguist), the
# compiled .qm inside the package (committed, so an installed Keeper has them).
TS_FILES := $(wildcard resources/translations/keeper_*.ts)
QM_FILES := $(patsubst resources/translations/%.ts,keeper_app/ui/translations/%.qm,$(TS_FILES))

translations: $(QM_FILES)

keeper_app/ui/translations/%.qm: resources/translations/%.ts | $(STAMP)
	@mkdir -p $(dir $@)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

translations-update: $(STAMP)
	find keeper_app/ui -name '*.py' | sort > $(VENV)/ui-sources.lst
	$(BIN)/pyside6-lupdate @$(VENV)/ui-sources.lst -no-obsolete -locations relative \
		-target-language zh_CN -ts resources/translations/keeper_zh_CN.ts

run: deps venv translations
	@if [ ! -e "$(DEMO_DB)" ]; then \
		mkdir -p "$$(dirname "$(DEMO_DB)")" && \
		echo "$(BIN)/keeper --db $(DEMO_DB) demo" && \
		$(BIN)/keeper --db "$(DEMO_DB)" demo; \
	fi
	$(BIN)/keeper --db "$(DEMO_DB)" gui

test: deps venv translations lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q

# `lint`: ruff check, ruff format --check (the tree is formatted: `make format` rewrites), and
# mypy (see pyproject for which packages are strict).
lint: venv
	$(BIN)/ruff check $(LINT_PATHS)
	$(BIN)/ruff format --check $(LINT_PATHS)
	$(BIN)/mypy keeper_app printing

format-check: venv
	$(BIN)/ruff format --check $(LINT_PATHS)

format: venv
	$(BIN)/ruff format $(LINT_PATHS)

typecheck: venv
	$(BIN)/mypy keeper_app printing

bench: venv
	@mkdir -p bench/out
	@set -e; found=; for f in bench/bench_*.py; do \
		[ -e "$$f" ] || continue; found=1; \
		echo "== $$f"; QT_QPA_PLATFORM=offscreen $(BIN)/python "$$f"; \
	done; [ -n "$$found" ] || echo "no benchmarks (bench/bench_*.py)"

# The Debian package: a private venv in /opt/keeper made with Debian's /usr/bin/python3, the
# keeper command, desktop entry, icon, label sheets; see installer/build_deb.py. The dependency
# wheels stay in build/deb/wheelhouse, so a rebuild asks no index (`make clean` drops them).
DEB_SUFFIX ?=
deb: deps translations
	/usr/bin/python3 installer/build_deb.py --out dist $(if $(DEB_SUFFIX),--suffix=$(DEB_SUFFIX))

# The user guide's screenshots (docs/images/guide/<language>/), from the real app on a demo
# office; the guides (docs/guide.*.md) show them. The test alone (make test) takes them into a
# temporary folder and checks them; KEEPER_WRITE_GUIDE_IMAGES=1 writes them into docs/.
guide-screenshots: deps venv translations
	KEEPER_WRITE_GUIDE_IMAGES=1 QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		tests/ui/test_guide_screenshots.py

clean:
	rm -rf build dist *.egg-info .pytest_cache .ruff_cache .mypy_cache .hypothesis bench/out
	find . -path ./$(VENV) -prune -o -name __pycache__ -type d -prune -exec rm -rf {} +

distclean: clean
	rm -rf $(VENV)
