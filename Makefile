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

run: $(STAMP)  ## build the graph from data/raw and print what it holds (the explorer comes next)
	$(BIN)/plankg build --corpus data/raw --out data/build --report
	$(BIN)/plankg query "MATCH (p:Plan)-[t:TARGETS]->(:Indicator {id: 'indicator/pm25'}) WHERE t.target_year = 2025 RETURN p.title AS plan, t.name_as_written AS indicator, t.target AS target ORDER BY target"

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

bench: $(STAMP)  ## speed and memory figures
	$(BIN)/python benchmarks/bench_ingest.py
	$(BIN)/python benchmarks/bench_build.py
	$(BIN)/python benchmarks/bench_linearity.py

clean:
	rm -rf $(VENV) data/build .pytest_cache
