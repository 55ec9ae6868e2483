"""Start, feed, time out and clean up the worker process that runs slices in TensorFlow."""
from __future__ import annotations

import json
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import deque
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from tflint_grad.confirm.policy import ALLOWED_ROOTS, SAFE_BUILTINS

WORKER = Path(__file__).with_name("worker.py")
STARTUP_SECONDS = 120.0
WINDOW = 4  # requests queued in the worker: small, so neither pipe can fill up


class TensorFlowMissing(Exception):
    """The interpreter chosen for --confirm cannot import TensorFlow."""


def _environment(home: str) -> dict[str, str]:
    # Nothing inherited but PATH and the locale: no tokens, no proxies, no PYTHONPATH.
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": home, "TMPDIR": home,
            "LANG": os.environ.get("LANG", "C.UTF-8"), "TF_CPP_MIN_LOG_LEVEL": "3",
            "CUDA_VISIBLE_DEVICES": "-1", "KERAS_HOME": os.path.join(home, ".keras"),
            "PYTHONDONTWRITEBYTECODE": "1", "TF_ENABLE_ONEDNN_OPTS": "0"}


class Runner:
    """One worker at a time; restarted after a time-out, a crash or a slice that broke TF."""

    def __init__(self, python: str | None = None, timeout: float = 20.0) -> None:
        self.python = python or sys.executable
        self.timeout = timeout
        self.process: subprocess.Popen[bytes] | None = None
        self.home: str | None = None
        self.tensorflow: str | None = None
        self._buffer = b""
        self._received = 0.0
        self._log: Any = None

    def start(self) -> None:
        """Spawn the worker and wait until it has imported TensorFlow."""
        if not os.path.exists(self.python):
            raise TensorFlowMissing(f"--python {self.python} does not exist; point it at a "
                                    "venv's bin/python that has TensorFlow")
        self.home = tempfile.mkdtemp(prefix="tflint-grad-")
        self._log = tempfile.TemporaryFile()
        self._buffer = b""
        self.process = subprocess.Popen(
            [self.python, "-I", str(WORKER)], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=self._log, cwd=self.home, env=_environment(self.home),
            start_new_session=True, close_fds=True)
        hello = {"builtins": sorted(SAFE_BUILTINS), "roots": sorted(ALLOWED_ROOTS - {"math"}) +
                 ["math"], "fsize_mib": 16, "cpu_seconds": 600, "memory_mib": 4096}
        self._send(hello)
        reply = self._receive(max(STARTUP_SECONDS, 3 * self.timeout))
        if reply is None or reply.get("event") != "ready":
            detail = (reply or {}).get("error") or self._log_tail() or "the worker did not start"
            self.stop()
            raise TensorFlowMissing(
                f"TensorFlow is not importable by {self.python} ({detail}): "
                "`pip install tensorflow`, or pass --python PATH/TO/venv/bin/python")
        self.tensorflow = reply.get("tensorflow")
        self._received = time.monotonic()

    def run(self, request: dict[str, Any]) -> dict[str, Any]:
        """Send one slice; the reply, or {"failure": "timeout" | "crashed"} as a value."""
        return next(self.stream([request]))

    def stream(self, requests: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
        """The replies to `requests`, in order, with up to WINDOW of them queued in the worker.

        Requests are drawn lazily, so the caller's slicing overlaps the worker's running. Each
        reply has `timeout` seconds from when the worker could start on it; a time-out or a
        crash answers that request and the queued ones go to a fresh worker, as do those
        queued behind a slice that left TensorFlow out of eager mode.
        """
        source = iter(requests)
        retry: deque[dict[str, Any]] = deque()
        pending: deque[tuple[dict[str, Any], float]] = deque()
        exhausted = False
        request: dict[str, Any] | None
        while True:
            if self.process is None and (retry or pending or not exhausted):
                retry.extendleft(reversed([r for r, _ in pending]))
                pending.clear()
                self.start()
            while len(pending) < WINDOW and not (exhausted and not retry):
                if retry:
                    request = retry.popleft()
                else:
                    request = next(source, None)
                    if request is None:
                        exhausted = True
                        break
                if not self._send(request):
                    if not pending:  # died before taking anything: this one crashed it
                        detail = self._log_tail()
                        self.stop()
                        yield {"failure": "crashed", "detail": detail}
                    else:
                        retry.appendleft(request)
                    break
                pending.append((request, time.monotonic()))
            if not pending:
                if exhausted and not retry:
                    return
                continue
            request, sent = pending.popleft()
            started = max(sent, self._received)
            reply = self._receive(max(0.0, started + self.timeout - time.monotonic()))
            self._received = time.monotonic()
            if reply is None:
                timed_out = self._received - started >= self.timeout - 0.05
                detail = self._log_tail()
                retry.extendleft(reversed([r for r, _ in pending]))
                pending.clear()
                self.stop()
                yield {"failure": "timeout" if timed_out else "crashed", "detail": detail}
                continue
            if reply.get("restart"):
                retry.extendleft(reversed([r for r, _ in pending]))
                pending.clear()
                self.stop()
            yield reply

    def _send(self, message: dict[str, Any]) -> bool:
        assert self.process is not None and self.process.stdin is not None
        try:
            self.process.stdin.write((json.dumps(message) + "\n").encode())
            self.process.stdin.flush()
            return True
        except (BrokenPipeError, OSError):
            return False

    def _receive(self, seconds: float) -> dict[str, Any] | None:
        """The next JSON line from the worker, or None on time-out or exit."""
        assert self.process is not None and self.process.stdout is not None
        deadline = time.monotonic() + seconds
        fd = self.process.stdout.fileno()
        with selectors.DefaultSelector() as selector:
            selector.register(fd, selectors.EVENT_READ)
            while b"\n" not in self._buffer:
                left = deadline - time.monotonic()
                if left <= 0 or not selector.select(left):
                    return None
                chunk = os.read(fd, 1 << 16)
                if not chunk:
                    return None
                self._buffer += chunk
        line, self._buffer = self._buffer.split(b"\n", 1)
        try:
            parsed: dict[str, Any] = json.loads(line)
            return parsed
        except ValueError:
            return None

    def _log_tail(self) -> str:
        if self._log is None:
            return ""
        try:
            self._log.seek(0, os.SEEK_END)
            size = self._log.tell()
            self._log.seek(max(0, size - 4096))
            lines = [ln for ln in self._log.read().decode(errors="replace").splitlines()
                     if ln.strip()]
        except (OSError, ValueError):
            return ""
        return lines[-1][:200] if lines else ""

    def stop(self) -> None:
        """End the worker and everything it started; remove its directory."""
        process, self.process = self.process, None
        if process is not None:
            try:
                os.killpg(process.pid, signal.SIGKILL)  # the group: children die with it
            except (ProcessLookupError, PermissionError):
                pass
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            for stream in (process.stdin, process.stdout):
                try:
                    if stream is not None:
                        stream.close()
                except OSError:
                    pass
        if self._log is not None:
            self._log.close()
            self._log = None
        if self.home is not None:
            shutil.rmtree(self.home, ignore_errors=True)
            self.home = None

    def __enter__(self) -> Runner:
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
