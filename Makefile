# newsdesk — set-up, run and check.
#   make run    create .venv, install newsdesk and its pinned model, open the window
#   make test   same set-up plus test tools; lint, type checks, layer contracts, tests
#   make bench  one table of every performance figure beside its baseline, the hostile-text
#               linearity check, accuracy (DATA=path to outside gold data, default
#               ../shared/evaldata) and the desk checks' precision and recall
#   make soak   the long property runs: the session's state machine and the fuzz suite
#   make xvfb   the window's tests on a real X display (needs xvfb-run and Qt's xcb libraries)

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/evaldata

.PHONY: run test lint typecheck contracts pytest bench soak xvfb clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/newsdesk

lint: $(STAMP)
	$(BIN)/ruff check newsdesk tests packaging
	$(BIN)/ruff format --check newsdesk tests packaging

typecheck: $(STAMP)
	$(BIN)/mypy

contracts: $(STAMP)
	$(BIN)/lint-imports

pytest: $(STAMP)
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

test: lint typecheck contracts pytest

bench: $(STAMP)
	$(BIN)/python -m pip install --quiet -e ".[test,bench]"
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m tests.benchmarks --data $(DATA)
	$(BIN)/python -m tests.benchmarks.linear
	$(BIN)/python -m tests.benchmarks.accuracy --data $(DATA)
	$(BIN)/python -m tests.benchmarks.checks

soak: $(STAMP)
	NEWSDESK_SOAK=1 HYPOTHESIS_PROFILE=soak QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/test_session_states.py tests/fuzz

xvfb: $(STAMP)
	xvfb-run -a -s "-screen 0 1600x1000x24" env QT_QPA_PLATFORM=xcb $(BIN)/python -m pytest -q \
		-p no:cacheprovider tests/test_trust.py tests/test_keys.py tests/test_panel.py \
		tests/test_workspace.py tests/test_gui.py tests/test_gui_e2e.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache .mypy_cache .ruff_cache
