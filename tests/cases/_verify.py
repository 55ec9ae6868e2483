"""Check every label in tests/cases/ against real TensorFlow.

Usage:
    python tests/cases/_verify.py [CASE.py ...]     # all cases when none are given
    python tests/cases/_verify.py --run CASE.py     # (internal) run one case instrumented

Each case runs in its own subprocess with `tf.GradientTape.gradient`, `.jacobian`,
`.batch_jacobian` and `tf.gradients` (also `tf.compat.v1.gradients`) instrumented. For each
call we record the case-file line it came from and whether it returned None (any None leaf),
all zeros, a value, or raised. The uncaught exception that ends a case is recorded with the
deepest case-file line of its traceback. `tf.function` is forced to `autograph=False` so that
traced code keeps its real file and line numbers (the cases use no tensor-dependent Python
control flow, so this does not change what they do).

Rules (the eval set's conventions):
- TFG001/003/005/008/009/010/011 lines: a gradient call on the line returned None (TFG009 may
  return zeros, for tf.sign; TFG003 may raise AttributeError/ValueError for a numpy source).
- TFG002 line: tf.gradients raised RuntimeError there.
- TFG006 line: a tape call raised RuntimeError ("non-persistent") there.
- TFG004 / TFG007 / TFG012 lines: the uncaught exception of the run comes from that line.
- No unlabeled line returns None from a gradient call or raises.
- A case with no labels (clean_*) exits normally and makes at least one gradient call.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>TFG\d{3}(?:\s*,\s*TFG\d{3})*)")
NONE_CODES = {"TFG001", "TFG003", "TFG005", "TFG008", "TFG009", "TFG010", "TFG011"}
RAISE_CODES = {"TFG004", "TFG007", "TFG012"}


def labels(path: Path) -> dict[int, set[str]]:
    found: dict[int, set[str]] = {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECT.search(text)
        if match:
            found[number] = {c.strip() for c in match["codes"].split(",")}
    return found


def case_files() -> list[Path]:
    return sorted(p for p in HERE.glob("*.py") if not p.name.startswith("_"))


# ----------------------------------------------------------------- instrumented run (child)

def _run(case: Path) -> dict:
    import runpy
    import traceback

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import tensorflow as tf

    target = str(case.resolve())
    events: list[dict] = []

    def caller_line() -> int | None:
        frame = sys._getframe(2)
        while frame is not None:
            if os.path.abspath(frame.f_code.co_filename) == target:
                return frame.f_lineno
            frame = frame.f_back
        return None

    def classify(result) -> str:
        leaves = tf.nest.flatten(result, expand_composites=False) if result is not None else [None]
        if any(leaf is None for leaf in leaves):
            return "none"
        try:
            if leaves and all(not bool(tf.reduce_any(tf.not_equal(leaf, 0)).numpy()) for leaf in leaves):
                return "zeros"
        except Exception:  # symbolic tensors (graph mode / tf.function): value unknown
            pass
        return "ok"

    def wrap(kind, original):
        def wrapper(*args, **kwargs):
            line = caller_line()
            try:
                result = original(*args, **kwargs)
            except Exception as exc:
                events.append({"kind": kind, "line": line, "outcome": "raised",
                               "exc": type(exc).__name__, "msg": str(exc)[:200]})
                raise
            events.append({"kind": kind, "line": line, "outcome": classify(result)})
            return result
        wrapper.__wrapped__ = original
        return wrapper

    tape = tf.GradientTape
    for name in ("gradient", "jacobian", "batch_jacobian"):
        setattr(tape, name, wrap(name, getattr(tape, name)))
    grads = wrap("tf.gradients", tf.gradients)
    tf.gradients = grads
    tf.compat.v1.gradients = grads
    import tensorflow.compat.v1 as tf1  # the same module object as tf.compat.v1
    tf1.gradients = grads

    original_function = tf.function

    def function(func=None, **kwargs):
        kwargs["autograph"] = False
        if func is None:
            return lambda f: original_function(f, **kwargs)
        return original_function(func, **kwargs)

    tf.function = function
    tf.compat.v1.function = function

    uncaught = None
    try:
        runpy.run_path(target, run_name="__main__")
    except SystemExit as exc:
        if exc.code not in (None, 0):
            uncaught = {"exc": "SystemExit", "line": None, "msg": str(exc.code)}
    except BaseException as exc:  # noqa: BLE001 - every failure is data
        line = None
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            if os.path.abspath(frame.f_code.co_filename) == target:
                line = lineno
        uncaught = {"exc": type(exc).__name__, "line": line, "msg": str(exc)[:300]}
    return {"events": events, "uncaught": uncaught}


# ----------------------------------------------------------------------- checking (parent)

def check(case: Path, report: dict) -> list[str]:
    errors: list[str] = []
    expected = labels(case)
    events = report["events"]
    uncaught = report["uncaught"]
    by_line: dict[int | None, list[dict]] = {}
    for event in events:
        by_line.setdefault(event["line"], []).append(event)

    for line, codes in sorted(expected.items()):
        here = by_line.get(line, [])
        for code in sorted(codes):
            if code in NONE_CODES:
                ok = any(e["outcome"] == "none" for e in here)
                if code == "TFG009":
                    ok = ok or any(e["outcome"] == "zeros" for e in here)
                if code == "TFG003":
                    ok = ok or any(e["outcome"] == "raised" and e["exc"] in ("AttributeError", "ValueError")
                                   for e in here)
            elif code == "TFG002":
                ok = any(e["kind"] == "tf.gradients" and e["outcome"] == "raised" and e["exc"] == "RuntimeError"
                         for e in here)
            elif code == "TFG006":
                ok = any(e["outcome"] == "raised" and "non-persistent" in e.get("msg", "") for e in here)
            elif code in RAISE_CODES:
                ok = uncaught is not None and uncaught["line"] == line
            else:
                ok = False
            if not ok:
                errors.append(f"line {line}: labeled {code} but TF did not misbehave that way: {here} {uncaught}")

    for event in events:
        if event["line"] in expected:
            continue
        if event["outcome"] in ("none", "raised"):
            errors.append(f"line {event['line']}: unlabeled {event['kind']} -> {event['outcome']} {event.get('msg', '')}")
    if uncaught is not None and uncaught["line"] not in expected:
        errors.append(f"uncaught {uncaught['exc']} at unlabeled line {uncaught['line']}: {uncaught['msg']}")
    if not expected:
        if not events:
            errors.append("clean case makes no gradient call")
    return errors


def run_case(case: Path, timeout: float = 120.0) -> dict:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run([sys.executable, __file__, "--run", str(case)], capture_output=True, text=True,
                          timeout=timeout, env=env, cwd=str(case.parent))
    marker = "@@VERIFY@@"
    for text in reversed(proc.stdout.splitlines()):
        if text.startswith(marker):
            return json.loads(text[len(marker):])
    raise RuntimeError(f"{case.name}: no report (rc={proc.returncode})\n{proc.stderr[-2000:]}")


def _forked(cases: list[Path], timeout: float) -> None:
    """(child) Import TensorFlow once, then fork one grandchild per case: each starts from a
    fresh, never-used TF runtime (no ops ran before the fork), so global switches such as
    disable_eager_execution() or run_functions_eagerly(True) in one case cannot leak."""
    import select

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import numpy  # noqa: F401
    import tensorflow  # noqa: F401
    import keras  # noqa: F401

    for case in cases:
        read_fd, write_fd = os.pipe()
        pid = os.fork()
        if pid == 0:
            os.close(read_fd)
            os.chdir(case.parent)
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, 1)
            os.dup2(devnull, 2)
            try:
                payload = json.dumps(_run(case))
            except BaseException as exc:  # noqa: BLE001
                payload = json.dumps({"error": repr(exc)})
            with os.fdopen(write_fd, "w") as out:
                out.write(payload)
            os._exit(0)
        os.close(write_fd)
        chunks = []
        with os.fdopen(read_fd) as inp:
            ready, _, _ = select.select([inp], [], [], timeout)
            if ready:
                chunks.append(inp.read())
        try:
            os.kill(pid, 9)
        except ProcessLookupError:
            pass
        os.waitpid(pid, 0)
        text = "".join(chunks) or json.dumps({"error": "timeout or crash"})
        print("@@CASE@@" + json.dumps({"case": str(case), "report": json.loads(text)}), flush=True)


def run_reports(cases: list[Path], timeout: float = 300.0) -> dict[str, dict]:
    """All cases through one subprocess (TF imported once, one fork per case); {name: report}."""
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run([sys.executable, __file__, "--fork", *map(str, cases)], capture_output=True,
                          text=True, timeout=timeout, env=env)
    reports: dict[str, dict] = {}
    for text in proc.stdout.splitlines():
        if text.startswith("@@CASE@@"):
            data = json.loads(text[len("@@CASE@@"):])
            reports[Path(data["case"]).name] = data["report"]
    return reports


def run_many(cases: list[Path], timeout: float = 300.0) -> dict[str, list[str]]:
    """{file name: errors} for each case, all run through one subprocess."""
    reports = run_reports(cases, timeout)
    return {case.name: ([reports[case.name]["error"]] if "error" in reports.get(case.name, {"error": 0})
                        else check(case, reports[case.name])) if case.name in reports else ["no report"]
            for case in cases}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        report = _run(Path(argv[1]))
        sys.stdout.flush()
        print("@@VERIFY@@" + json.dumps(report), flush=True)
        return 0
    if argv[:1] == ["--fork"]:
        _forked([Path(a) for a in argv[1:]], timeout=60.0)
        return 0
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    cases = [Path(a).resolve() for a in argv] or case_files()
    failed = 0
    reports = run_reports(cases)
    for case in cases:
        report = reports.get(case.name, {"error": "no report"})
        if "error" in report:
            print(f"FAIL {case.name}\n       {report['error']}")
            failed += 1
            continue
        errors = check(case, report)
        status = "ok" if not errors else "FAIL"
        print(f"{status:4} {case.name}")
        if verbose:
            for event in report["events"]:
                print("      ", event)
            if report["uncaught"]:
                print("       uncaught:", report["uncaught"])
        for error in errors:
            print("      ", error)
        failed += bool(errors)
    print(f"{len(cases) - failed}/{len(cases)} cases verified")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
