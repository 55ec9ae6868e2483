"""Content-hash cache: raw results keyed by file text, path, tool version and the rules' code."""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict
from pathlib import Path
from typing import Any

from tflint_grad import __version__
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix, Problem
from tflint_grad.writes import write_atomic

CACHE_DIR = ".tflint_grad_cache"
_PACKAGE = Path(__file__).resolve().parent
_MAX_ENTRIES = 200_000


# Shells that run after the cache (filters, output, --confirm) do not change what it stores.
_SHELLS = {"cli.py", "config.py", "files.py", "filters.py", "cache.py", "writes.py",
           "rules_doc.py", "flake8_plugin.py", "project.py", "__main__.py", "report", "confirm"}


def engine_fingerprint() -> str:
    """A hash of the version and every engine source file: any change to the engine is a new key."""
    digest = hashlib.sha256(__version__.encode())
    for file in sorted(_PACKAGE.rglob("*.py")):
        if file.relative_to(_PACKAGE).parts[0] in _SHELLS:
            continue
        digest.update(file.relative_to(_PACKAGE).as_posix().encode())
        try:
            digest.update(file.read_bytes())
        except OSError:
            pass
    return digest.hexdigest()[:20]


class Cache:
    """One JSON file per engine fingerprint under `folder`, loaded once and saved once per run."""

    def __init__(self, folder: Path, fingerprint: str | None = None) -> None:
        self.folder = folder
        self.fingerprint = fingerprint or engine_fingerprint()
        self.file = folder / f"results-{self.fingerprint}.json"
        self.entries: dict[str, Any] = {}
        self.dirty = False
        try:
            loaded = json.loads(self.file.read_text(encoding="utf-8"))
            if isinstance(loaded, dict):
                self.entries = loaded
        except (OSError, ValueError):
            pass

    @staticmethod
    def key(path: str, text: str) -> str:
        """The entry key for `text` linted as `path`."""
        digest = hashlib.sha256(path.encode("utf-8", "surrogatepass"))
        digest.update(b"\0")
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def get(self, key: str) -> FileResult | None:
        """The stored result, or None on a miss or an unreadable entry."""
        entry = self.entries.get(key)
        if entry is None:
            return None
        try:
            return from_plain(entry)
        except (TypeError, KeyError, ValueError):
            return None

    def put(self, key: str, result: FileResult) -> None:
        """Remember a result (results that carry internal errors are not cached)."""
        if any(p.kind == "internal-error" for p in result.problems):
            return
        self.entries[key] = to_plain(result)
        self.dirty = True

    def save(self) -> str | None:
        """Write the cache if anything changed; None, or why it could not be written."""
        if not self.dirty:
            return None
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            (self.folder / ".gitignore").write_text("# created by tflint-grad\n*\n")
            (self.folder / "CACHEDIR.TAG").write_text(
                "Signature: 8a477f597d28d172789f06886806bc55\n# created by tflint-grad\n")
            for old in self.folder.glob("results-*.json"):
                if old != self.file:
                    old.unlink()
        except OSError as exc:
            return f"cache not written: {exc}"
        while len(self.entries) > _MAX_ENTRIES:
            self.entries.pop(next(iter(self.entries)))
        data = json.dumps(self.entries, separators=(",", ":")).encode()
        error = write_atomic(self.file, data)
        self.dirty = error is not None
        return error


def to_plain(result: FileResult) -> dict[str, Any]:
    """A result as JSON-ready data."""
    return asdict(result)


def from_plain(plain: dict[str, Any]) -> FileResult:
    """The inverse of to_plain (confirmations are never cached: --confirm runs after the cache)."""
    diagnostics = []
    for d in plain["diagnostics"]:
        fix = d.get("fix")
        made = Fix(fix["description"], bool(fix["safe"]),
                   tuple(Edit(**edit) for edit in fix["edits"])) if fix else None
        diagnostics.append(Diagnostic(d["path"], d["line"], d["column"], d["end_line"],
                                      d["end_column"], d["code"], d["message"], made, d["cell"],
                                      raised_at=tuple(d["raised_at"]) if d.get("raised_at")
                                      else None))
    problems = tuple(Problem(**p) for p in plain["problems"])
    return FileResult(plain["path"], tuple(diagnostics), problems)


def cache_folder(root: Path | None) -> Path:
    """`.tflint_grad_cache/` at the project root (the configuration's folder), else the cwd."""
    return (root or Path(os.getcwd())) / CACHE_DIR
