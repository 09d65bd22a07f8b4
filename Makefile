# newsdesk — set-up, run and check.
#   make run    create .venv, install newsdesk and its pinned model, open the window
#   make test   same set-up plus test tools; lint, type checks, layer contracts, tests
#   make bench  benchmarks (DATA=path to outside gold data, default ../shared/evaldata),
#               and the desk checks' precision and recall on the stories in tests/benchmarks
#   make soak   the long property runs: the session's state machine and the fuzz suite
#   make xvfb   the window's tests on a real X display (needs xvfb-run and Qt's xcb libraries)
#   make translations   compile resources/translations/*.ts to .qm (make test and run do it)
#   make lupdate        refresh the .ts catalogues from the source (then translate, commit)
#   make wheel          dist/newsdesk-VERSION-py3-none-any.whl, with the compiled translations
#   make wheel-check    install that wheel into a fresh venv, run the CLI and the window

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/evaldata
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)

.PHONY: run test lint typecheck contracts pytest bench soak xvfb clean translations lupdate \
	wheel wheel-check

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP) $(QM)
	$(BIN)/newsdesk

# Compiled catalogues are built, not committed: lrelease ships with PySide6-Essentials,
# which the venv has anyway.
translations: $(QM)

resources/translations/%.qm: resources/translations/%.ts | $(STAMP)
	$(BIN)/pyside6-lrelease -silent $< -qm $@

lupdate: $(STAMP)
	$(BIN)/python packaging/translations.py

lint: $(STAMP)
	$(BIN)/ruff check newsdesk tests packaging
	$(BIN)/ruff format --check newsdesk tests packaging

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP) $(QM)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck contracts pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks --data $(DATA)
	$(BIN)/python -m tests.benchmarks.accuracy --data $(DATA)
	$(BIN)/python -m tests.benchmarks.storage
	$(BIN)/python -m tests.benchmarks.linear
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks.gui
	$(BIN)/python -m tests.benchmarks.checks

soak: $(STAMP)
	NEWSDESK_SOAK=1 HYPOTHESIS_PROFILE=soak QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/test_session_states.py tests/fuzz

xvfb: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/test_trust.py tests/test_keys.py tests/test_panel.py \
		tests/test_workspace.py tests/test_gui.py tests/test_gui_e2e.py

wheel: $(STAMP) $(QM)
	rm -f dist/newsdesk-*.whl
	$(BIN)/python -m pip wheel --quiet --no-deps -w dist .

# Slow (a fresh venv, the dependencies from the package index or pip's cache): not in
# make test; .ci/run runs it.
wheel-check: wheel
	NEWSDESK_WHEEL=$$(ls dist/newsdesk-*.whl) QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest \
		-q -p no:cacheprovider -m wheel tests/test_wheel.py

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache \
		resources/translations/*.qm
