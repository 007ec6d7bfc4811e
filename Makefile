# Two commands from a fresh clone:  make serve  (build the database and serve it)  and  make test.
VENV ?= .venv
PY := $(VENV)/bin/python
PORT ?= 8001

.PHONY: serve build test eval export metadata bench loadtest clean

$(VENV)/.installed: pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e '.[test]'
	touch $@

serve: $(VENV)/.installed   ## build crink.db if out of date, then serve it and open the browser
	$(VENV)/bin/crink serve --port $(PORT) --open

build: $(VENV)/.installed
	$(VENV)/bin/crink build

test: $(VENV)/.installed    ## the whole test suite (browser tests need /usr/bin/chromium)
	$(VENV)/bin/pytest -q

eval: $(VENV)/.installed
	$(VENV)/bin/crink eval

export: $(VENV)/.installed
	$(VENV)/bin/crink export --out export

metadata: $(VENV)/.installed
	$(VENV)/bin/crink metadata

bench: $(VENV)/.installed
	$(PY) bench/bench.py

loadtest: $(VENV)/.installed
	$(PY) bench/loadtest.py

clean:
	rm -rf crink.db crink.inspect.json .crink-cache export
