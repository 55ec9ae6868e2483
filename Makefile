PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
TF_PIN := tensorflow-cpu==2.21.0

.PHONY: demo test venv dev corpus bench clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

venv: $(BIN)/python
	$(BIN)/pip install -q -e .

dev: $(BIN)/python
	$(BIN)/pip install -q -e '.[dev]' '$(TF_PIN)'

# Exit 1 means "findings", which is what the demo is for; 2 (an error) still fails.
demo: venv
	$(BIN)/tflint-grad fixtures/pinn_origin_notes.py || test $$? -eq 1
	@echo "(with TensorFlow installed, e.g. after 'make test': $(BIN)/tflint-grad --confirm fixtures/pinn_origin_notes.py)"

test: dev
	bash .ci/pytest.sh

# The reviewed findings list, then selective parsing against a full parse on every file.
corpus: venv
	bench/corpus_check
	$(BIN)/python tests/test_select.py .corpus/src

bench: dev
	bench/run

clean:
	rm -rf $(VENV) .tflint_grad_cache .pytest_cache dist build
