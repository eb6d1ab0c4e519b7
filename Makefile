# Two commands do everything: `make run` and `make test`. Both create or reuse .venv and
# reinstall only when pyproject.toml changed, so a second call is fast.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@ $(VENV)/.installed-run

# Bytecode is compiled ahead (60 ms when current): an editable install leaves it to the first import, which
# cannot cache it where PYTHONDONTWRITEBYTECODE is set, and compiling costs every start ~140 ms.
run: $(VENV)/.installed-run
	$(BIN)/python -m compileall -q store tui
	$(BIN)/broadsheet $(ARGS)

# Static checks first (lint, import boundaries, types of the store), then the suite.
test: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports
	$(BIN)/mypy store
	$(BIN)/python -m pytest -n 2 -q $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) build dist *.egg-info
