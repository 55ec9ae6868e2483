"""Run every adversarial program in TensorFlow, in this one process, with the gradient APIs
instrumented; print one JSON object: file name -> {"calls": [...], "error": str | None}.

Usage: python tests/adversarial/_run_all.py [PROGRAM.py ...]   (all programs when none given)

Each call is "ok" (a real gradient), "none" (some leaf is None), "zeros" (every leaf all zeros,
eager values only) or "raised". Symbolic results (inside tf.function or a graph) count as "ok"
when no leaf is None: their values are not known until run.
"""
from __future__ import annotations

import contextlib
import io
import json
import os
import runpy
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def programs(argv: list[str]) -> list[Path]:
    if argv:
        return [Path(a).resolve() for a in argv]
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))


def main(argv: list[str]) -> int:
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    calls: list[str] = []

    def classify(result: object) -> str:
        leaves = tf.nest.flatten(result) if result is not None else [None]
        if not leaves or any(leaf is None for leaf in leaves):
            return "none"
        try:
            if all(not bool(tf.reduce_any(tf.not_equal(leaf, 0)).numpy()) for leaf in leaves):
                return "zeros"
        except Exception:  # noqa: BLE001, S110 - symbolic tensors have no value yet
            pass
        return "ok"

    def wrap(original):  # type: ignore[no-untyped-def]
        def wrapper(*args, **kwargs):  # type: ignore[no-untyped-def]
            try:
                result = original(*args, **kwargs)
            except Exception:
                calls.append("raised")
                raise
            calls.append(classify(result))
            return result
        return wrapper

    for name in ("gradient", "jacobian", "batch_jacobian"):
        setattr(tf.GradientTape, name, wrap(getattr(tf.GradientTape, name)))
    tf.gradients = tf.compat.v1.gradients = wrap(tf.gradients)

    report: dict[str, dict[str, object]] = {}
    for path in programs(argv):
        calls.clear()
        error = None
        tf.config.run_functions_eagerly(False)
        try:
            with contextlib.redirect_stdout(io.StringIO()):
                runpy.run_path(str(path), run_name="__main__")
        except BaseException as exc:  # noqa: BLE001 - every failure is data
            error = f"{type(exc).__name__}: {str(exc)[:200]}"
        report[path.name] = {"calls": list(calls), "error": error}
    print(json.dumps(report))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
