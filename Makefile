# The README's two commands: `make run` and `make test`. Each sets up its own virtualenv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test bench ingest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

run: $(STAMP)  ## ingest data/raw and print what was found (the explorer comes with the graph)
	$(BIN)/plankg ingest --corpus data/raw --report --out data/build/records.json

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

bench: $(STAMP)  ## speed and memory figures
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) data/build .pytest_cache
