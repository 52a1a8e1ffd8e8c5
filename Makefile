# Two commands for a fresh machine: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: run test check lint types clean

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

## run: install, ingest the bundled sample corpus, print the coverage, write report.html
run: $(VENV)/.installed
	$(BIN)/gcm-review demo

## test: lint, type-check and run the whole test suite (with the quality gate)
test: $(VENV)/.installed-dev lint types
	$(BIN)/python -m pytest --cov=gcm_review --cov-report=term:skip-covered --cov-fail-under=95

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts

types: $(VENV)/.installed-dev
	$(BIN)/mypy src

clean:
	rm -rf $(VENV) gcm-review.db gcm-review.db-wal gcm-review.db-shm report.html
