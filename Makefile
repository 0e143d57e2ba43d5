# The two commands of the README: `make demo` and `make test`. Everything else supports them.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
DB ?= dragoman.duckdb

.PHONY: demo test install check eval bench clean

$(BIN)/dragoman: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	@touch $@

install: $(BIN)/dragoman  ## create .venv and install dragoman with its dependencies

demo: install  ## ingest the bundled demo articles into $(DB) and print the coded events
	$(BIN)/dragoman ingest demo/ --db $(DB)
	$(BIN)/dragoman events --db $(DB) --limit 40

test: install  ## run the whole test suite (CI runs this)
	$(BIN)/pytest -q

check: install  ## lint
	$(BIN)/ruff check dragoman tests

eval: install  ## the README's accuracy table
	$(BIN)/dragoman eval all

bench: install  ## the README's speed figures
	$(BIN)/dragoman bench

clean:
	rm -rf $(VENV) $(DB) $(DB).wal .pytest_cache
