"""The settings a file is linted under, built one way for every shell.

`[tool.tflint-grad]` (select, ignore, per-file-ignores, exclude) becomes the same filters and
excludes whether the CLI, the pre-commit hook (the CLI with --force-exclude) or the flake8 plugin
reads it, so each shows the same findings.
"""
from __future__ import annotations

import os
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from tflint_grad import config as configuration
from tflint_grad import filters as filtering
from tflint_grad.files import DEFAULT_EXCLUDE, Excluder


@dataclass(frozen=True)
class Settings:
    """One configuration made usable: which findings are shown and which files are skipped."""

    config: configuration.Config
    filters: filtering.Filters
    excluder: Excluder
    root: Path  # excludes and per-file-ignores are relative to it


def settings(config: configuration.Config, select: Sequence[str] | None = None,
             extend_select: Sequence[str] = (), ignore: Sequence[str] = (),
             show_unused_noqa: bool = False) -> Settings:
    """The configuration with the command line's selection on top (no flags: the file alone)."""
    selection = filtering.selection(config, select, extend_select, ignore)
    # Naming TFG100 itself in the table asks for it as the flag does (a "TFG" prefix does not).
    named = configuration.UNUSED_NOQA in (*(config.select or ()), *config.extend_select)
    filters = filtering.Filters.build(config, selection, show_unused_noqa or named)
    root = config.root or Path.cwd()
    exclude = config.exclude if config.exclude is not None else DEFAULT_EXCLUDE
    excluder = Excluder(root, (*exclude, *config.extend_exclude), config.respect_gitignore)
    return Settings(config, filters, excluder, root)


def for_file(path: str) -> Settings | configuration.ConfigError:
    """The settings of the project `path` belongs to, found upward from it as the CLI finds them.

    Cached per folder and per configuration, for shells that see one file at a time (flake8).
    """
    return _for_folder(os.path.dirname(os.path.abspath(path)))


@lru_cache(maxsize=256)
def _for_folder(folder: str) -> Settings | configuration.ConfigError:
    found = configuration.discover([folder], None)
    if isinstance(found, configuration.ConfigError):
        return found
    return _for_config(found)


@lru_cache(maxsize=32)
def _for_config(config: configuration.Config) -> Settings:
    # One Settings per root, so its excluder reads each .gitignore once for all files.
    return settings(config)
