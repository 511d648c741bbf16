# The README's two commands: `make run` and `make test`. Each sets up its own virtualenv.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)

.PHONY: run test lint bench alignment ingest clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	rm -f $(VENV)/.installed-* && touch $(STAMP)

PORT ?= 8501

run: $(STAMP)  ## build the graph from data/raw and open the explorer on http://127.0.0.1:$(PORT)
	$(BIN)/plankg build --corpus data/raw --out data/build
	$(BIN)/streamlit run app.py --server.address 127.0.0.1 --server.port $(PORT) --server.headless true --browser.gatherUsageStats false

test: $(STAMP)  ## the whole test suite
	$(BIN)/python -m pytest

lint: $(STAMP)  ## ruff's checks and formatting, as CI runs them
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

SCALES ?= 1,10,100

bench: $(STAMP)  ## speed and memory figures at $(SCALES)× the corpus (docs/performance.md), then ingest linearity, query limits, formats and the CLI's whole-process time
	$(BIN)/python benchmarks/bench_scale.py --scales $(SCALES)
	$(BIN)/python benchmarks/bench_linearity.py
	$(BIN)/python benchmarks/bench_query_limits.py
	$(BIN)/python benchmarks/bench_formats.py
	$(BIN)/python benchmarks/bench_cli.py

alignment: $(STAMP)  ## recall and precision of counterpart links on the hand-labelled set, per city pair
	$(BIN)/python benchmarks/alignment.py

clean:
	rm -rf $(VENV) data/build .pytest_cache
