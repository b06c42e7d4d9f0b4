# Stormdrill: `make run` serves the demo, `make test` runs the whole suite.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DOMAINS := core accounts plans scenarios storm drills scoring studio
export STORMDRILL_PORT ?= 8000

.PHONY: install run test test-postgres lint format bench messages translations clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The lock is already resolved, every transitive package pinned with its hashes, so pip
# installs it as is (--no-deps) and `pip check` proves it whole. Letting pip resolve it
# again broke on a dependency asked for with an extra (weasyprint's fonttools[woff]):
# pip looked for the newest fonttools on PyPI and refused it as unpinned.
$(STAMP): requirements.lock pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	$(BIN)/pip check --disable-pip-version-check
	touch $(STAMP)

## install: the virtual environment, pinned dependencies and compiled translations
install: $(STAMP) translations

translations: $(STAMP)
	@for po in app/translations/*/LC_MESSAGES/*.po; do \
	  $(BIN)/pybabel compile --use-fuzzy -i $$po -o $${po%.po}.mo || exit 1; done

## run: migrate the SQLite database, load the demo on first start, and serve
run: install
	mkdir -p var
	$(BIN)/stormdrill migrate
	$(BIN)/stormdrill demo
	$(BIN)/stormdrill serve --port $(STORMDRILL_PORT)

## test: the whole suite (SQLite, browsers included): the tests that start no browser
## and no real server on TEST_WORKERS processes (pytest-xdist), then the browser,
## live-server and real-time (`serial`) ones one at a time, as their timings expect
TEST_WORKERS ?= 2
test: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "not e2e and not live and not serial"
	$(BIN)/python -m pytest -q -m "e2e or live or serial"

## test-postgres: the database-facing tests (marked `database`) against PostgreSQL
## (STORMDRILL_TEST_DATABASE_URL's server; each worker on a scratch database of its own);
## the others gain nothing from a second run, and tests/live make databases of their own
## and already ran in `make test`
test-postgres: install
	$(BIN)/python -m pytest -q -n $(TEST_WORKERS) -m "database and not e2e and not live" tests

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check app tests alembic

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format app tests alembic

## bench: performance benchmarks, printed as a table
bench: install
	$(BIN)/python -m benchmarks

## messages: extract each domain's strings and update its French catalogue
messages: $(STAMP)
	@for d in $(DOMAINS); do \
	  if [ $$d = core ]; then src="app/core app/*.py templates/*.html templates/core"; \
	  else src="app/$$d templates/$$d"; fi; \
	  $(BIN)/pybabel extract -F babel.cfg -k lazy_gettext --no-location --omit-header \
	    -o /tmp/stormdrill-$$d.pot $$(ls -d $$src 2>/dev/null) || exit 1; \
	  grep -q "^msgid \"[^\"]" /tmp/stormdrill-$$d.pot || continue; \
	  po=app/translations/fr/LC_MESSAGES/$$d.po; \
	  if [ -f $$po ]; then $(BIN)/pybabel update --no-fuzzy-matching -i /tmp/stormdrill-$$d.pot -o $$po -l fr; \
	  else $(BIN)/pybabel init -i /tmp/stormdrill-$$d.pot -o $$po -l fr; fi; done

clean:
	rm -rf $(VENV) var .pytest_cache .ruff_cache
