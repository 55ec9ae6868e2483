"""What the language server lints: snapshots of open documents, their configuration, findings.

Nothing here knows about LSP: a snapshot is the text of one file, or the cells of one notebook,
at one version, and linting it gives each target document (the file, or each code cell) its
filtered findings in that document's own 1-based coordinates.
"""
from __future__ import annotations

import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from tflint_grad import config as configuration
from tflint_grad import project, runner
from tflint_grad.files import SourceFile
from tflint_grad.project import Settings
from tflint_grad.types import Diagnostic


@dataclass(frozen=True, slots=True)
class Cell:
    """One notebook cell as the editor holds it."""

    uri: str
    text: str
    code: bool  # a Python code cell (markup and other languages are kept only for numbering)


@dataclass(frozen=True, slots=True)
class Snapshot:
    """One document at one version: a file's text, or a notebook's cells."""

    uri: str  # the file's or the notebook's URI
    path: str  # where it is on disk (or its URI if it has no path): configuration is found from it
    version: int
    text: str = ""
    cells: tuple[Cell, ...] | None = None  # set for a notebook

    def texts(self) -> dict[str, str]:
        """Each target document's URI -> its text (the file itself, or every cell)."""
        if self.cells is None:
            return {self.uri: self.text}
        return {cell.uri: cell.text for cell in self.cells}


@dataclass(frozen=True, slots=True)
class Findings:
    """What linting a snapshot gave: findings per target URI, or why there are none."""

    snapshot: Snapshot
    by_uri: dict[str, tuple[Diagnostic, ...]] = field(default_factory=dict)
    error: str | None = None  # a configuration error or an engine failure, for the user to see

    def at(self, uri: str) -> tuple[Diagnostic, ...]:
        """The findings published on `uri`."""
        return self.by_uri.get(uri, ())


class Configurations:
    """The `[tool.tflint-grad]` configuration for each path, found as the CLI finds it.

    Each lookup walks upward from the document to the nearest pyproject.toml with the table (then
    the workspace folders); the parsed result is kept until that file's modification time changes.
    """

    def __init__(self, folders: Sequence[str] = ()) -> None:
        self.folders = [Path(f) for f in folders]
        self._loaded: dict[tuple[str, int], Settings | configuration.ConfigError] = {}
        self._default: Settings | None = None  # for documents outside any configured project

    def for_path(self, path: str) -> Settings | configuration.ConfigError:
        """The settings that apply to `path` (a file that need not exist on disk)."""
        starts = [Path(path)] if os.path.isabs(path) else []
        found = configuration.find_config([*starts, *self.folders])
        if found is None:
            if self._default is None:
                self._default = self._settings(configuration.Config())
            return self._default
        try:
            stamp = found.stat().st_mtime_ns
        except OSError:
            stamp = -1
        key = (str(found), stamp)
        if key not in self._loaded:
            loaded = configuration.load_config(found)
            self._loaded = {k: v for k, v in self._loaded.items() if k[0] != key[0]}
            self._loaded[key] = loaded if isinstance(loaded, configuration.ConfigError) \
                else self._settings(loaded)
        return self._loaded[key]

    def _settings(self, config: configuration.Config) -> Settings:
        return project.settings(config)  # as the CLI builds them, with no flags on top


def lint(snapshot: Snapshot, configurations: Configurations) -> Findings:
    """Lint one snapshot under its configuration; never raises."""
    settings = configurations.for_path(snapshot.path)
    if isinstance(settings, configuration.ConfigError):
        return Findings(snapshot, error=settings.message)
    # An excluded file is treated as --force-exclude treats a file named on the command line.
    if os.path.isabs(snapshot.path) and settings.excluder.force_skips(snapshot.path):
        return Findings(snapshot)
    if snapshot.cells is None:
        source = SourceFile(snapshot.path, snapshot.text)
    else:
        source = SourceFile(snapshot.path, notebook_json(snapshot.cells), notebook=True)
    try:
        linted = runner.lint_one(source, settings.filters)
    except Exception as exc:  # noqa: BLE001 - a bug must cost one lint, not the server
        return Findings(snapshot, error=f"internal error: {type(exc).__name__}: {exc}")
    failures = [p.message for p in linted.result.problems if p.kind == "internal-error"]
    by_uri: dict[str, list[Diagnostic]] = {uri: [] for uri in snapshot.texts()}
    for d in linted.result.diagnostics:
        uri = _target(snapshot, d)
        if uri is not None:
            by_uri[uri].append(d)
    return Findings(snapshot, {uri: tuple(found) for uri, found in by_uri.items()},
                    failures[0] if failures else None)


def _target(snapshot: Snapshot, d: Diagnostic) -> str | None:
    if snapshot.cells is None:
        return snapshot.uri
    if d.cell is None or not 1 <= d.cell <= len(snapshot.cells):
        return None  # not mapped to a cell: there is nowhere to show it
    return snapshot.cells[d.cell - 1].uri


def notebook_json(cells: Sequence[Cell]) -> str:
    """The cells as an nbformat document, so that they are joined exactly as a .ipynb file is."""
    document = {
        "cells": [{"cell_type": "code" if cell.code else "raw", "metadata": {},
                   "source": cell.text} for cell in cells],
        "metadata": {},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(document)
