# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/wirewatch demo

test: $(STAMP)
	$(BIN)/ruff check src tests eval benchmarks
	$(BIN)/mypy
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/python eval/score_places.py
	$(BIN)/python eval/score_fusion.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_places.py
	$(BIN)/python benchmarks/bench_ingest.py

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# Web UI assets (dev time, needs node + npm; output committed): basemap and vendored libraries.
.PHONY: web-assets
web-assets: $(STAMP)
	$(BIN)/python scripts/build_basemap.py
