# qaani-baghdad-workbook: `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# a second environment with matplotlib 3.10, which does not shape Arabic itself
VENV310 := .venv-mpl310
STAMP310 := $(VENV310)/.installed
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
EXECUTED := build/notebooks

.DEFAULT_GOAL := help
.PHONY: help setup figures report test lab sync bench bench-notebooks clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-8s %s\n", $$1, $$2}'

$(STAMP): requirements.txt requirements-test.txt requirements-scale.txt pyproject.toml setup.py analysis/_scan.c
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt -r requirements-test.txt -r requirements-scale.txt
	$(BIN)/python -m pip install --quiet --no-deps -e .
	touch $@

$(STAMP310): requirements.txt requirements-test.txt requirements-scale.txt pyproject.toml setup.py analysis/_scan.c
	test -x $(VENV310)/bin/python || $(PYTHON) -m venv $(VENV310)
	$(VENV310)/bin/python -m pip install --quiet --upgrade pip
	$(VENV310)/bin/python -m pip install --quiet -r requirements.txt -r requirements-test.txt -r requirements-scale.txt \
	  "matplotlib>=3.10,<3.11"
	$(VENV310)/bin/python -m pip install --quiet --no-deps -e .
	touch $@

setup: $(STAMP) ## create .venv (if missing) and install the package and its requirements

figures: $(STAMP) ## run every notebook headless (papermill) and write figures/
	@mkdir -p $(EXECUTED)
	@for nb in $(NOTEBOOKS); do \
	  echo "running $$nb"; \
	  $(BIN)/papermill --cwd notebooks --kernel python3 --no-progress-bar --log-level WARNING \
	    "$$nb" "$(EXECUTED)/$$(basename $$nb)" -p corpus_path ../seeds -p output_dir ../figures || exit 1; \
	done
	@echo "figures written to figures/ (executed notebooks in $(EXECUTED)/)"

# the report: on the seeds, or `make report CORPUS=path/to/corpus`; SHOW_CODE=1 keeps the code;
# FIG_LANG=en words the figures in English (default: Arabic, the notebooks' default)
REPORT := build/report
REPORT_CORPUS = $(or $(CORPUS),seeds)
report: $(STAMP) ## HTML report of the four notebooks run on CORPUS (default seeds): build/report/index.html
	@rm -rf $(REPORT)/notebooks $(REPORT)/figures && mkdir -p $(REPORT)/notebooks $(REPORT)/figures
	@corpus=$$(realpath "$(REPORT_CORPUS)"); for nb in $(NOTEBOOKS); do \
	  echo "running $$nb on $(REPORT_CORPUS)"; \
	  $(BIN)/papermill --cwd notebooks --kernel python3 --no-progress-bar --log-level WARNING \
	    "$$nb" "$(REPORT)/notebooks/$$(basename $$nb)" -p corpus_path "$$corpus" \
	    -p output_dir "$$(realpath $(REPORT))/figures" $(if $(FIG_LANG),-p lang $(FIG_LANG),) || exit 1; \
	done
	$(BIN)/python -m analysis.report --executed $(REPORT)/notebooks --figures $(REPORT)/figures \
	  --corpus "$(REPORT_CORPUS)" --out $(REPORT) $(if $(SHOW_CODE),--show-code,)

test: $(STAMP) $(STAMP310) ## run every test on matplotlib 3.11+ (libraqm) and again on 3.10 (reshaper+bidi)
	@echo "== tests on matplotlib $$($(BIN)/python -c 'import matplotlib; print(matplotlib.__version__)') =="
	$(BIN)/python -m pytest
	@echo "== tests on matplotlib $$($(VENV310)/bin/python -c 'import matplotlib; print(matplotlib.__version__)') =="
	$(VENV310)/bin/python -m pytest

lab: $(STAMP) ## open the notebooks in JupyterLab
	$(BIN)/jupyter lab notebooks/

sync: $(STAMP) ## re-pair notebooks/*.py (jupytext py:percent) with their .ipynb, outputs stripped
	$(BIN)/jupytext --sync notebooks/[0-9][0-9]_*.py
	$(BIN)/jupyter nbconvert --clear-output --inplace notebooks/[0-9][0-9]_*.ipynb

bench: $(STAMP) ## benchmark term counting on a generated 200 MB corpus (prints a table)
	$(BIN)/python -m pip install --quiet -r benchmarks/requirements.txt
	$(BIN)/python -m pip install --quiet --no-deps "camel-tools>=1.5,<2"
	$(BIN)/python benchmarks/bench_count.py --size-mb 200 $(if $(CORPUS),--corpus $(CORPUS),)

bench-notebooks: $(STAMP) ## time every notebook on the seeds and 100 / 1,000 / 10,000 generated articles (CORPUS=path adds a real one)
	$(BIN)/python benchmarks/bench_notebooks.py $(if $(CORPUS),--corpus $(CORPUS))

clean: ## remove the environments and build/
	rm -rf $(VENV) $(VENV310) build
