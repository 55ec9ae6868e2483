"""The confirmation worker: imports TensorFlow once, then runs slices sent as JSON lines.

Started by runner.py as `python -I worker.py` so it also runs in another project's venv; it
imports nothing from tflint_grad except numeric.py, loaded from beside this file.
"""
from __future__ import annotations

import builtins
import importlib.util
import json
import linecache
import os
import random
import resource
import signal
import time
from types import CodeType
from typing import Any, Callable, Dict, Optional, Tuple

MiB = 1 << 20
EVALUATIONS = 3  # a flagged call inside a loop is watched this many times


def _bad(summary: Dict[str, Any]) -> bool:
    """None anywhere, or all zeros: what the None/zeros findings claim."""
    if summary["kind"] == "list":
        return any(_bad(item) for item in summary["items"])
    return summary["kind"] == "none" or bool(summary.get("all_zero"))


class Stop(BaseException):
    """Raised by the instrumentation once the flagged expression has been evaluated."""


class Refuse64(Exception):
    """The slice cannot run in float64; fall back to its own dtype."""


def _numeric() -> Any:
    spec = importlib.util.spec_from_file_location(
        "tfg_numeric", os.path.join(os.path.dirname(os.path.abspath(__file__)), "numeric.py"))
    assert spec is not None and spec.loader is not None  # a .py path always has a loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _limit(name: str, value: int) -> None:
    kind = getattr(resource, name, None)
    if kind is not None:
        try:
            resource.setrlimit(kind, (value, value))
        except (ValueError, OSError):
            pass


def _refuse(what: str) -> Callable[..., Any]:
    def refused(*args: Any, **kwargs: Any) -> Any:
        raise PermissionError(f"{what} is not allowed in tflint-grad's sandbox")
    return refused


def _guard_process() -> None:
    """Stubs for the network, processes and file deletion, behind the policy's allow-list."""
    import socket
    import subprocess
    import _socket
    for module in (socket, _socket):
        for name in ("socket", "create_connection", "socketpair", "fromfd", "getaddrinfo",
                     "create_server"):
            if hasattr(module, name):
                setattr(module, name, _refuse(f"socket.{name}"))
    setattr(subprocess, "Popen", _refuse("subprocess"))
    for name in ("system", "popen", "fork", "forkpty", "execv", "execve", "execvp", "execvpe",
                 "execl", "execle", "execlp", "execlpe", "spawnv", "spawnve", "spawnvp",
                 "spawnl", "posix_spawn", "posix_spawnp", "kill", "killpg", "remove", "unlink",
                 "rmdir", "removedirs", "rename", "renames", "replace", "setsid", "truncate"):
        if hasattr(os, name):
            setattr(os, name, _refuse(f"os.{name}"))
    setattr(signal, "signal", _refuse("signal.signal"))


class Worker:
    """Runs slices in fresh namespaces inside one TensorFlow import."""

    def __init__(self, hello: Dict[str, Any]) -> None:
        import tensorflow as tf
        import numpy as np
        self.np, self.tf = np, tf
        try:
            import keras
            self.keras: Optional[Any] = keras
        except ImportError:
            self.keras = None
        self.numeric = _numeric()
        roots = set(hello["roots"])
        real_import = builtins.__import__

        def guarded_import(name: str, globals: Any = None, locals: Any = None,
                           fromlist: Any = (), level: int = 0) -> Any:
            if level != 0 or name.split(".")[0] not in roots:
                raise ImportError(f"import of {name} is not allowed")
            return real_import(name, globals, locals, fromlist, level)

        self.builtins = {n: getattr(builtins, n) for n in hello["builtins"] if hasattr(builtins, n)}
        self.builtins["__import__"] = guarded_import
        self.builtins["__build_class__"] = builtins.__build_class__
        self.compiled: Dict[Tuple[str, str], CodeType] = {}
        self.eager = False
        tf.constant(1.0) + 1.0  # warm up the runtime's threads before memory is capped

    def reset(self) -> None:
        """Undo global state a previous slice may have changed; seed every generator."""
        self.tf.config.run_functions_eagerly(False)
        random.seed(0)
        self.np.random.seed(0)
        if self.keras is not None:  # not clear_session(): it costs ~300 ms a slice
            self.keras.config.set_floatx("float32")
            self.keras.utils.set_random_seed(0)
        else:
            self.tf.random.set_seed(0)

    def execute(self, code: str, filename: str, hooks: Dict[str, Any]) -> Optional[Dict[str, Any]]:
        """Run one slice; an error outside the probe comes back as a summary."""
        self.reset()
        if self.eager:
            self.tf.config.run_functions_eagerly(True)
        # What autograph reads as the source of a tf.function is the slice that runs, never
        # the user's file on disk (unchecked, uninstrumented); mtime None keeps the entry.
        linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
        namespace = {"__name__": "__main__", "__builtins__": self.builtins}
        namespace.update(hooks)
        try:
            key = (code, filename)
            if key not in self.compiled:  # FD re-runs one slice several times: compile it once
                self.compiled = {key: compile(code, filename, "exec", dont_inherit=True)}
            exec(self.compiled[key], namespace)
        except Stop:
            return None
        except BaseException as exc:  # noqa: B036 - the user's SystemExit is a result too
            return self.error(exc, filename)
        return None

    def error(self, exc: BaseException, filename: str) -> Dict[str, Any]:
        """An exception as type, first line of its message and the user's line."""
        line = None
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename == filename:
                line = tb.tb_lineno
            tb = tb.tb_next
        message = str(exc).strip().split("\n")[0]
        if message.startswith("{{function_node"):  # TF's op wrapper prefix says nothing new
            message = message.split("}}", 1)[-1].strip()
        message = message[:300]
        return {"kind": "error", "type": type(exc).__name__, "message": message, "line": line}

    def summary(self, value: Any, depth: int = 0) -> Dict[str, Any]:
        """What a gradient call handed back, small enough for a report."""
        tf, np = self.tf, self.np
        if value is None:
            return {"kind": "none"}
        if isinstance(value, (list, tuple)) and depth < 2:
            return {"kind": "list", "length": len(value),
                    "items": [self.summary(v, depth + 1) for v in value[:16]]}
        if isinstance(value, tf.IndexedSlices):
            value = tf.convert_to_tensor(value)
        if isinstance(value, (tf.Tensor, tf.Variable, np.ndarray, float, int)):
            dtype = getattr(getattr(value, "dtype", None), "name", None) or type(value).__name__
            if not hasattr(value, "numpy") and not isinstance(value, (np.ndarray, float, int)):
                return {"kind": "symbolic", "shape": list(value.shape.as_list() or []),
                        "dtype": dtype}
            try:
                array = np.asarray(value)
                flat = array.reshape(-1).astype(np.float64)
            except (TypeError, ValueError):
                return {"kind": "other", "type": type(value).__name__}
            return {"kind": "tensor", "shape": list(array.shape), "dtype": dtype,
                    "values": [float(v) for v in flat[:8]], "all_zero": bool(not flat.any()),
                    "finite": bool(np.isfinite(flat).all())}
        return {"kind": "other", "type": type(value).__name__}

    def probe(self, code: str, filename: str) -> Tuple[Dict[str, Any], Any, bool]:
        """Run the probed slice; what the flagged expression returned or raised.

        In a loop the first bad result (None, zeros, an exception) wins, else the first
        gradient; after EVALUATIONS good results the slice stops.
        """
        captured: Dict[str, Any] = {}

        @self.tf.autograph.experimental.do_not_convert  # type: ignore[untyped-decorator]
        def _tfg_probe(thunk: Callable[[], Any]) -> Any:
            try:
                value = thunk()
            except Stop:
                raise
            except BaseException as exc:  # noqa: B036
                captured["result"], captured["flagged"] = self.error(exc, filename), True
                captured.pop("value", None)
                raise Stop() from None
            summary = self.summary(value)
            if _bad(summary):
                captured["result"], captured["value"] = summary, value
                raise Stop()
            captured.setdefault("result", summary)
            captured.setdefault("value", value)
            captured["count"] = captured.get("count", 0) + 1
            if captured["count"] >= EVALUATIONS:
                raise Stop()
            return value

        failure = self.execute(code, filename, {"_tfg_probe": _tfg_probe})
        if "result" in captured:
            return captured["result"], captured.get("value"), bool(captured.get("flagged"))
        return failure or {"kind": "unreached"}, None, False

    def evaluate(self, code: str, filename: str, direction: Dict[int, float], sign: int,
                 wide: bool) -> Tuple[float, Dict[int, float]]:
        """The target's sum with the source nudged along `direction` (flat index -> weight).

        Returns the sum and the nudge actually stored, element by element, so rounding in the
        slice's dtype is part of the comparison.
        """
        tf, np, numeric = self.tf, self.np, self.numeric
        state: Dict[str, Any] = {}

        @tf.autograph.experimental.do_not_convert  # type: ignore[untyped-decorator]
        def _tfg_perturb(value: Any) -> Any:
            dtype = getattr(getattr(value, "dtype", None), "name", "float64")
            array = numeric.as_float64(value)
            flat = array.reshape(-1)
            if max(direction) >= flat.size:
                raise ValueError("the gradient and the source differ in size")
            before = flat.copy()
            size = numeric.step(float(np.max(np.abs(flat[list(direction)]))),
                                "float64" if wide else dtype)
            for index, way in direction.items():
                flat[index] += sign * way * size
            nudged = tf.constant(array, tf.float64 if wide else value.dtype) \
                if hasattr(value, "dtype") and not isinstance(value, np.ndarray) else array
            if isinstance(value, np.ndarray):
                nudged = array if wide else array.astype(value.dtype)
            stored = numeric.as_float64(nudged).reshape(-1)
            state["dx"] = {i: float(stored[i] - before[i]) for i in direction}
            if isinstance(value, tf.Variable):
                return tf.Variable(nudged, trainable=value.trainable)
            if isinstance(value, (float, int)):
                return float(stored[0])
            return nudged

        @tf.autograph.experimental.do_not_convert  # type: ignore[untyped-decorator]
        def _tfg_target(value: Any) -> Any:
            state["sum"] = float(np.sum(numeric.as_float64(value)))
            state["dtype"] = getattr(getattr(value, "dtype", None), "name", "float64")
            raise Stop()

        failure = self.execute(code, filename, {"_tfg_perturb": _tfg_perturb,
                                                "_tfg_target": _tfg_target})
        if wide and (failure is not None or state.get("dtype") != "float64"):
            raise Refuse64()
        if "sum" not in state or "dx" not in state:
            raise ValueError(failure["message"] if failure else "the target was not reached")
        return state["sum"], state["dx"]

    def finite_difference(self, code: str, filename: str,
                          value: Any) -> Tuple[Optional[float], Optional[str]]:
        """|central difference - gradient . step| along a direction through a few elements.

        Two runs of the slice, in float64 where the slice allows it: a central difference
        along weights 1, .8, .6, .4 on up to four spread elements, against the gradient's
        directional derivative. For a list of sources the slice nudges the first.
        """
        numeric = self.numeric
        if isinstance(value, (list, tuple)) and value:
            value = value[0]
        try:
            gradient = numeric.as_float64(value).reshape(-1)
        except (TypeError, ValueError):
            return None, "the gradient is not a dense tensor"
        if gradient.size == 0:
            return None, "the gradient is empty"
        indices = numeric.elements(gradient.size)
        # Distinct positive weights: equal elements cannot cancel, as alternating signs would.
        direction = {index: 1.0 - 0.2 * n for n, index in enumerate(indices)}
        for wide in (True, False):
            try:
                error = numeric.directional_error(
                    lambda s: self.evaluate(code, filename, direction, s, wide), gradient)
                return error, None
            except Refuse64:
                continue
            except Exception as exc:
                return None, f"{type(exc).__name__}: {str(exc).splitlines()[0][:200] if str(exc) else ''}"
        return None, "no finite difference"

    def answer(self, code: str, target: Optional[str], filename: str) -> Dict[str, Any]:
        """Probe one slice and, for a dense gradient, check it by finite differences."""
        result, value, flagged = self.probe(code, filename)
        reply: Dict[str, Any] = {"result": result, "flagged": flagged}
        if target and result.get("kind") in ("tensor", "list") and value is not None:
            reply["fd_error"], reply["fd_note"] = self.finite_difference(target, filename, value)
        return reply

    def handle(self, request: Dict[str, Any]) -> Dict[str, Any]:
        """Answer one request; its follow-up (`then`, the repaired slice) when the probe
        raised, or with `when` "bad" returned None or zeros."""
        started = time.perf_counter()
        filename = request["filename"]
        self.eager = bool(request.get("eager"))  # run_site: tf.functions' values, not symbols
        reply = self.answer(request["code"], request.get("target"), filename)
        follow = request.get("then")
        if follow and self.tf.executing_eagerly():
            result = reply["result"]
            raised = result.get("kind") == "error" and reply["flagged"]
            bad = follow.get("when") == "bad" and result.get("kind") in ("none", "list", "tensor") \
                and _bad(result)
            if raised or bad:
                reply["then"] = self.answer(follow["code"], follow.get("target"),
                                            follow.get("filename", filename))
        reply["restart"] = not self.tf.executing_eagerly()
        reply["elapsed"] = time.perf_counter() - started
        return reply


def main() -> None:
    """Serve requests until stdin closes."""
    reader = os.fdopen(os.dup(0), "r", encoding="utf-8")
    writer = os.fdopen(os.dup(1), "w", encoding="utf-8")
    null = os.open(os.devnull, os.O_RDWR)
    os.dup2(null, 0)
    os.dup2(null, 1)

    def send(message: Dict[str, Any]) -> None:
        writer.write(json.dumps(message) + "\n")
        writer.flush()

    hello = json.loads(reader.readline() or "{}")
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # an oversized write fails instead of killing
    _limit("RLIMIT_CORE", 0)
    _limit("RLIMIT_FSIZE", int(hello.get("fsize_mib", 16)) * MiB)
    _limit("RLIMIT_CPU", int(hello.get("cpu_seconds", 600)))
    try:
        worker = Worker(hello)
    except BaseException as exc:  # noqa: B036
        send({"event": "missing", "error": f"{type(exc).__name__}: {exc}"})
        return
    with open("/proc/self/status", encoding="ascii") as status:
        sizes = [line.split()[1] for line in status if line.startswith("VmSize:")]
    if sizes:
        _limit("RLIMIT_AS", int(sizes[0]) * 1024 + int(hello.get("memory_mib", 4096)) * MiB)
    _guard_process()
    send({"event": "ready", "tensorflow": worker.tf.__version__})
    for line in reader:
        request = json.loads(line)
        send(dict(worker.handle(request), id=request.get("id")))


if __name__ == "__main__":
    main()
