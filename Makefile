# The two set-up commands of the README: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test fuzz lint eval eval-events bench bench-extract clean

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

# Property-based fuzzing of every reader and of `wirewatch extract` (tests/ingest/test_fuzz.py):
# 8 reader tests x FUZZ_EXAMPLES + extract x FUZZ_EXAMPLES/4, over 10,000 inputs by default.
FUZZ_EXAMPLES ?= 1250
fuzz: $(STAMP)
	WIREWATCH_FUZZ_EXAMPLES=$(FUZZ_EXAMPLES) $(BIN)/pytest -q -p no:cacheprovider \
		tests/ingest/test_fuzz.py --hypothesis-show-statistics

eval: $(STAMP)
	$(BIN)/python eval/score_places.py
	$(BIN)/python eval/score_fusion.py
	$(BIN)/python eval/score_events.py $(EVENT_SETS) --markdown

# Event extraction: tuning set and the two unseen sets (tables in eval/results/events.md).
EVENT_SETS := --gold eval/events.yaml --gold eval/events_unseen.yaml --gold eval/events_unseen2.yaml
eval-events: $(STAMP)
	$(BIN)/python eval/score_events.py $(EVENT_SETS) --markdown

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_places.py
	$(BIN)/python benchmarks/bench_ingest.py

# End-to-end extract against bare spaCy, 1 and 2 processes (docs/performance.md).
bench-extract: $(STAMP)
	$(BIN)/python benchmarks/bench_extract.py --docs 100 --repeat 3

clean:
	rm -rf $(VENV) build *.egg-info src/*.egg-info

# Web UI assets (dev time, needs node + npm; output committed): basemap and vendored libraries.
.PHONY: web-assets
web-assets: $(STAMP)
	$(BIN)/python scripts/build_basemap.py
