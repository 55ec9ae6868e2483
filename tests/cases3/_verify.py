"""Check every label in tests/cases3/ against real TensorFlow.

Reuses tests/cases/_verify.py (the instrumented runner and its checking rules); only the folder
of cases differs.  Usage: python tests/cases3/_verify.py [-v] [CASE.py ...]
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _load():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("_verify_cases", HERE.parent / "cases" / "_verify.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.HERE = HERE  # case_files() lists this folder
    return module


VERIFY = _load()

if __name__ == "__main__":
    sys.exit(VERIFY.main(sys.argv[1:]))
