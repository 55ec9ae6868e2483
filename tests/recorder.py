"""The instrumented TensorFlow recorder: checks the labels of labeled programs against real TF.

Usage:
    python tests/recorder.py [-v] FILE_OR_DIR...   # programs, or folders searched recursively
                                                   # (no argument: tests/labeled and fixtures/)
    python tests/recorder.py --run PROGRAM.py      # (internal) run one program instrumented
    python tests/recorder.py --fork PROGRAM.py...  # (internal) the forking runner

Prints `ok` or `FAIL` per program with the reasons (with -v also the recorded events) and exits 1
when any program fails. From Python (the harness, tests/test_labeled.py):

    reports = run_reports(paths)          # {resolved path: report}, all through one subprocess
    errors = check(path, reports[path])   # [] when every label holds
    verify(paths)                         # {resolved path: errors}

Each program runs with `tf.GradientTape.gradient`, `.jacobian`, `.batch_jacobian` and
`tf.gradients` / `tf.hessians` (also their `tf.compat.v1` spellings) instrumented, with its own folder as the working
directory. For each call we record the program line it came from and whether it returned None (any
None leaf), all zeros, a value, or raised. The uncaught exception that ends a program is recorded
with the deepest program line of its traceback. `tf.function` is forced to `autograph=False` so
that traced code keeps its real file and line numbers (a program holding the comment
`# recorder: keep autograph` keeps AutoGraph on). TensorFlow is imported once; each program
runs in a process forked from that one before any op ran, so global switches such as
disable_eager_execution() or run_functions_eagerly(True) cannot leak between programs.

Label conventions (`# expect: TFGnnn[, TFGnnn]` trailing comments, parsed by `labels`):
- What each code's line must show is its catalog entry's outcomes (tflint_grad/catalog.py):
  - a code that returns None: a gradient call on the line returned None; a `jacobian` /
    `batch_jacobian` call that returned all zeros also counts (TF returns zeros for batch
    jacobians of unrecorded targets); a declared zeros outcome (TFG009's tf.sign) lets any call
    return zeros; a declared exception (TFG003's numpy source) raised by a call there counts;
  - a code that raises: an instrumented call on the line raised the declared exception class
    with the declared message (TFG002's tf.gradients, TFG006's second tape call), or the
    uncaught exception of the run comes from the line and is one the entry declares.
- No unlabeled line returns None from a gradient call, raises, or (for `jacobian` /
  `batch_jacobian`) returns all zeros; no uncaught exception comes from an unlabeled line.
- A program with no labels (a clean one) exits normally and makes at least one gradient call.
  A `gradient` / `tf.gradients` call may return zeros there (asked for with
  UnconnectedGradients.ZERO, or a true zero derivative).

Known misses of the engine are marked in the program by `# known-miss: <reason>` appended to the
end of its FIRST line, which must be a comment line (so no line shifts); `known_miss` parses it.
The recorder ignores the marker (the labels of a known miss are still true in TF).
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

# What TensorFlow does on a labeled line is what the rule's catalog entry declares
# (tflint_grad/catalog.py, read in the parent process only: the child imports TensorFlow alone).

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
DEFAULT_PLACES = (HERE / "labeled", ROOT / "fixtures")
JACOBIANS = {"jacobian", "batch_jacobian"}
# Seconds a forked program may go without a report before it counts as hung. A guard against
# hangs only: programs take seconds, but a loaded 2-core machine can slow one many times over,
# and no label may depend on how fast the machine is.
HANG_GUARD = 600.0

# ----------------------------------------------------------------- the label parsers (one each)

EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>TFG\d{3}(?:\s*,\s*TFG\d{3})*)")
KNOWN_MISS = re.compile(r"#\s*known-miss:\s*(?P<reason>\S.*?)\s*$")


def labels_of_source(source: str) -> dict[int, set[str]]:
    """{line: codes} announced by `# expect: TFGnnn[, TFGnnn]` comments."""
    found: dict[int, set[str]] = {}
    for number, text in enumerate(source.splitlines(), start=1):
        match = EXPECT.search(text)
        if match:
            found.setdefault(number, set()).update(c.strip() for c in match["codes"].split(","))
    return found


def labels(path: Path) -> dict[int, set[str]]:
    return labels_of_source(path.read_text(encoding="utf-8"))


# `# raises: TFGnnn` marks the line where TensorFlow raises for a finding reported elsewhere
# (TFG018: the op that cuts the path is labelled, `model.fit(...)` raises). The linter reports
# nothing there; the recorder lets that line raise (and its Keras-internal gradient call return
# None) on behalf of the label.
AUTOGRAPH = "# recorder: keep autograph"
RAISES = re.compile(r"#\s*raises:\s*(?P<codes>TFG\d{3}(?:\s*,\s*TFG\d{3})*)")


def raising_lines(path: Path) -> dict[int, set[str]]:
    """{line: codes} announced by `# raises: TFGnnn` comments."""
    found: dict[int, set[str]] = {}
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = RAISES.search(text)
        if match:
            found.setdefault(number, set()).update(c.strip() for c in match["codes"].split(","))
    return found


def findings(path: Path) -> set[tuple[int, str]]:
    """The labels as the (line, code) pairs the engine should report."""
    return {(line, code) for line, codes in labels(path).items() for code in codes}


def known_miss_of_source(source: str) -> str | None:
    """The reason of a `# known-miss: <reason>` marker at the end of the first line, if any."""
    first = source.splitlines()[0] if source else ""
    if not first.lstrip().startswith("#"):
        return None
    match = KNOWN_MISS.search(first)
    return match["reason"] if match else None


def known_miss(path: Path) -> str | None:
    return known_miss_of_source(path.read_text(encoding="utf-8"))


def marker_lines(source: str) -> list[int]:
    """Every line carrying a `# known-miss:` marker (only line 1 is valid)."""
    return [n for n, text in enumerate(source.splitlines(), start=1) if KNOWN_MISS.search(text)]


def programs(places: list[Path] | tuple[Path, ...] = DEFAULT_PLACES) -> list[Path]:
    """The programs among `places`: files as given, folders searched recursively (files whose
    name starts with `_` are helpers, not programs)."""
    found: list[Path] = []
    for place in places:
        place = Path(place).resolve()
        if place.is_dir():
            found.extend(sorted(p for p in place.rglob("*.py") if not p.name.startswith("_")
                                and not any(part.startswith(".") for part in p.relative_to(place).parts)))
        else:
            found.append(place)
    return found


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
        if not leaves or any(leaf is None for leaf in leaves):
            return "none"
        try:
            if all(not bool(tf.reduce_any(tf.not_equal(leaf, 0)).numpy()) for leaf in leaves):
                return "zeros"
        except Exception:  # noqa: BLE001, S110 - symbolic tensors (graph mode / tf.function): value unknown
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
    tf.hessians = wrap("tf.hessians", tf.hessians)
    tf.compat.v1.hessians = tf.hessians
    grads = wrap("tf.gradients", tf.gradients)
    tf.gradients = grads
    tf.compat.v1.gradients = grads
    import tensorflow.compat.v1 as tf1  # the same module object as tf.compat.v1
    tf1.gradients = grads

    original_function = tf.function
    # A program whose pitfall is AutoGraph's own doing (a for loop over a dataset becomes a
    # dataset reduce) says so with this marker, and keeps AutoGraph on.
    keep_autograph = AUTOGRAPH in Path(target).read_text()

    def function(func=None, **kwargs):
        if not keep_autograph:
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

def _label_holds(code: str, line: int, here: list[dict], uncaught: dict | None) -> bool:
    """Did TensorFlow do on this line what the catalog entry of `code` declares?"""
    from tflint_grad.catalog import BY_CODE, Result

    entry = BY_CODE[code]
    raising = [o for o in entry.outcomes if o.result is Result.RAISES]

    def raised(exc: str, msg: str) -> bool:
        return any(o.exception == exc and o.message in msg for o in raising)

    if any(e["outcome"] == "raised" and raised(e["exc"], e.get("msg", "")) for e in here):
        return True  # an instrumented call raised (tf.gradients, a tape call), caught or not
    if entry.raises:
        return uncaught is not None and uncaught["line"] == line and raised(
            uncaught["exc"], uncaught["msg"])
    # A None code: the call returned None; jacobians give zeros; a declared zeros outcome that
    # is not about jacobians (tf.sign) lets any call give zeros.
    zeros_anywhere = any(o.result is Result.ZEROS and "jacobian" not in o.when
                         for o in entry.outcomes)
    return any(e["outcome"] == "none" for e in here) or any(
        e["outcome"] == "zeros" and (e["kind"] in JACOBIANS or zeros_anywhere) for e in here)


def _caught_at(path: Path, line: int | None, exc: str) -> bool:
    """Is `line` inside the body of a try whose handlers catch `exc` (by name, or Exception)?
    The linter does not report an error the program handles, and the labels agree."""
    import ast

    if line is None:
        return False
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Try) or not node.body:
            continue
        if not node.body[0].lineno <= line <= (node.body[-1].end_lineno or 0):
            continue
        for handler in node.handlers:
            kinds = handler.type
            items = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
            for item in items:
                name = item.attr if isinstance(item, ast.Attribute) else (
                    item.id if isinstance(item, ast.Name) else "*")
                if name in (exc, "*", "Exception", "BaseException"):
                    return True
    return False


def check(case: Path, report: dict) -> list[str]:
    """The reasons the program's labels do not hold in the recorded run ([] when they all do)."""
    if "error" in report:
        return [f"no run: {report['error']}"]
    errors: list[str] = []
    expected = labels(Path(case))
    events = report["events"]
    uncaught = report["uncaught"]
    by_line: dict[int | None, list[dict]] = {}
    for event in events:
        by_line.setdefault(event["line"], []).append(event)

    raisers = raising_lines(Path(case))
    for line, codes in sorted(expected.items()):
        here = by_line.get(line, [])
        for code in sorted(codes):
            elsewhere = [at for at, marked in raisers.items() if code in marked]
            if elsewhere:  # raised on the marked line for this label
                if not any(_label_holds(code, at, [], uncaught) for at in elsewhere):
                    errors.append(f"line {line}: labeled {code}, raised on line "
                                  f"{elsewhere}, but TF did not raise that way: {uncaught}")
                continue
            if not _label_holds(code, line, here, uncaught):
                errors.append(f"line {line}: labeled {code} but TF did not misbehave that way: {here} {uncaught}")

    for event in events:
        if event["line"] in expected or event["line"] in raisers:
            continue
        if event["outcome"] == "raised" and _caught_at(Path(case), event["line"], event["exc"]):
            continue  # the program catches it on purpose (a try whose handler names it)
        if event["outcome"] in ("none", "raised"):
            errors.append(f"line {event['line']}: unlabeled {event['kind']} -> {event['outcome']} {event.get('msg', '')}")
        if event["outcome"] == "zeros" and event["kind"] in JACOBIANS:
            errors.append(f"line {event['line']}: unlabeled {event['kind']} -> all zeros (an unrecorded target)")
    if uncaught is not None and uncaught["line"] not in expected and uncaught["line"] not in raisers:
        errors.append(f"uncaught {uncaught['exc']} at unlabeled line {uncaught['line']}: {uncaught['msg']}")
    if not expected and not events:
        errors.append("clean program makes no gradient call")
    return errors


# ------------------------------------------------------------------------------------ running

def _forked(cases: list[Path], timeout: float) -> None:
    """(child) Import TensorFlow once, then fork one grandchild per program: each starts from a
    fresh, never-used TF runtime (no ops ran before the fork)."""
    import select

    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
    import keras  # noqa: F401
    import numpy  # noqa: F401
    import tensorflow  # noqa: F401

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


def run_reports(paths: list[Path], timeout: float | None = None,
                per_program: float = HANG_GUARD) -> dict[Path, dict]:
    """All programs through one subprocess (TF imported once, one fork per program):
    {resolved path: report}. A program with no report gets {"error": ...}."""
    cases = [Path(p).resolve() for p in paths]
    if timeout is None:
        timeout = 120.0 + 30.0 * len(cases)
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", CUDA_VISIBLE_DEVICES="")
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--fork",
                           f"--timeout={per_program}", *map(str, cases)],
                          capture_output=True, text=True, timeout=timeout, env=env, check=False)
    reports: dict[Path, dict] = {}
    for text in proc.stdout.splitlines():
        if text.startswith("@@CASE@@"):
            data = json.loads(text[len("@@CASE@@"):])
            reports[Path(data["case"])] = data["report"]
    for case in cases:
        reports.setdefault(case, {"error": f"no report (rc={proc.returncode}) {proc.stderr[-1500:]}"})
    return reports


def verify(paths: list[Path], timeout: float | None = None) -> dict[Path, list[str]]:
    """{resolved path: errors} for each program, all run through one subprocess."""
    reports = run_reports(paths, timeout)
    return {case: check(case, report) for case, report in reports.items()}


def main(argv: list[str]) -> int:
    if argv[:1] == ["--run"]:
        report = _run(Path(argv[1]).resolve())
        sys.stdout.flush()
        print("@@VERIFY@@" + json.dumps(report), flush=True)
        return 0
    if argv[:1] == ["--fork"]:
        rest = argv[1:]
        per_program = HANG_GUARD
        if rest and rest[0].startswith("--timeout="):
            per_program = float(rest.pop(0).split("=", 1)[1])
        _forked([Path(a) for a in rest], timeout=per_program)
        return 0
    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    cases = programs([Path(a) for a in argv]) if argv else programs()
    if not cases:
        print("no programs found")
        return 1
    failed = 0
    reports = run_reports(cases)
    for case in cases:
        report = reports[case]
        try:
            shown = case.relative_to(ROOT)
        except ValueError:
            shown = case
        errors = check(case, report)
        status = "ok" if not errors else "FAIL"
        print(f"{status:4} {shown}")
        if verbose and "events" in report:
            for event in report["events"]:
                print("      ", event)
            if report["uncaught"]:
                print("       uncaught:", report["uncaught"])
        for error in errors:
            print("      ", error)
        failed += bool(errors)
    print(f"{len(cases) - failed}/{len(cases)} programs verified")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
