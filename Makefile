# newsdesk — set-up, run and check.
#   make run    create .venv, install newsdesk and its pinned model, open the window
#   make test   same set-up plus test tools; lint, type checks, layer contracts, tests
#   make bench  one table of every performance figure beside its baseline, the hostile-text
#               linearity check, accuracy (DATA=path to outside gold data, default
#               ../shared/evaldata), number words against text2num, the desk checks'
#               precision and recall, and sync of 10,000 versions with a throwaway desk server
#   make soak   the long property runs: the session's state machine and the fuzz suite
#   make xvfb   the window's tests on a real X display (needs xvfb-run and Qt's xcb libraries)
#   make translations   compile resources/translations/*.ts to .qm (make test and run do it)
#   make lupdate        refresh the .ts catalogues from the source (then translate, commit)
#   make wheel          dist/newsdesk-VERSION-py3-none-any.whl, with the compiled translations
#   make wheel-check    install that wheel into a fresh venv, run the CLI and the window
#   make package        the self-contained one-folder bundle in dist/newsdesk (PyInstaller)
#   make package-check  build it, then run the bundle headless as a new user would

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DATA   ?= ../shared/evaldata
TS     := $(wildcard resources/translations/*.ts)
QM     := $(TS:.ts=.qm)
PKGVENV := build/package-venv

.PHONY: run test lint typecheck contracts pytest bench soak xvfb clean translations lupdate \
	wheel wheel-check package package-check

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
	$(BIN)/python -m tests.benchmarks.linear
	$(BIN)/python -m tests.benchmarks.accuracy --data $(DATA)
	$(BIN)/python -m tests.benchmarks.number_words --data $(DATA)
	$(BIN)/python -m tests.benchmarks.checks
	$(BIN)/python -m tests.benchmarks.desk

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

# The bundle is built from the wheel in a venv of its own, so it holds what a user
# installs and nothing of the development tools. The venv is made once per pyproject.toml;
# each build puts the newest wheel in it.
$(PKGVENV)/.installed: pyproject.toml | wheel
	rm -rf $(PKGVENV)
	$(PYTHON) -m venv $(PKGVENV)
	$(PKGVENV)/bin/python -m pip install --quiet dist/newsdesk-*.whl \
		"pyinstaller>=6.10,<7" "pyinstaller-hooks-contrib>=2024.8"
	touch $@

# spaCy, thinc and blis ship their extension modules with debug info, dropped here on Linux
# (433 MB to 310 MB). Not PyInstaller's strip=True: that strips numpy's bundled OpenBLAS
# too, which then fails to load ("ELF load command address/offset not page-aligned").
package: wheel $(PKGVENV)/.installed
	$(PKGVENV)/bin/python -m pip install --quiet --no-deps --force-reinstall dist/newsdesk-*.whl
	rm -rf build/pyinstaller dist/newsdesk
	QT_QPA_PLATFORM=offscreen $(PKGVENV)/bin/python packaging/icons.py --no-png \
		--ico build/icons/newsdesk.ico --icns build/icons/newsdesk.icns
	$(PKGVENV)/bin/pyinstaller --noconfirm --log-level WARN --distpath dist \
		--workpath build/pyinstaller packaging/pyinstaller/newsdesk.spec
	if [ "$$(uname)" = Linux ]; then \
		find dist/newsdesk/_internal -name '*.cpython-*.so' -exec strip --strip-debug {} + ; fi
	du -sh dist/newsdesk

package-check: package
	$(BIN)/python packaging/check_bundle.py dist/newsdesk/newsdesk

clean:
	rm -rf $(VENV) build dist *.egg-info .pytest_cache .mypy_cache .ruff_cache \
		resources/translations/*.qm
