"""`[tool.tflint-grad]` in pyproject.toml: found upward from the linted paths, validated."""
from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

from tflint_grad.catalog import BY_CODE as RULES_BY_CODE

SECTION = "tool.tflint-grad"
# Reported by --show-unused-noqa; not a rule of the catalog but selectable like one.
UNUSED_NOQA = "TFG100"
KNOWN_CODES: tuple[str, ...] = (*RULES_BY_CODE, UNUSED_NOQA)
_CODE_SHAPE = re.compile(r"^[A-Z]+[0-9]*$")

_LIST_KEYS = ("select", "ignore", "extend-select", "exclude", "extend-exclude")
_KEYS = (*_LIST_KEYS, "per-file-ignores", "respect-gitignore")


@dataclass(frozen=True)
class ConfigError:
    """A configuration that cannot be used: the file, the key and what is wrong."""

    message: str


@dataclass(frozen=True)
class Config:
    """The settings read from one pyproject.toml (or defaults when there is none)."""

    path: Path | None = None  # the pyproject.toml it came from
    root: Path | None = None  # its directory: excludes and per-file-ignores are relative to it
    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()
    extend_select: tuple[str, ...] = ()
    per_file_ignores: tuple[tuple[str, tuple[str, ...]], ...] = ()
    exclude: tuple[str, ...] | None = None
    extend_exclude: tuple[str, ...] = ()
    respect_gitignore: bool = True
    # Not errors, but worth a line on stderr: e.g. a [tool.tflint_grad] table that is not read.
    warnings: tuple[str, ...] = ()


def check_codes(codes: Sequence[str], where: str) -> str | None:
    """None if every entry is a known code or a prefix of one ("ALL" too), else the error text."""
    for code in codes:
        if code == "ALL":
            continue
        if not _CODE_SHAPE.match(code) or not any(k.startswith(code) for k in KNOWN_CODES):
            known = ", ".join(KNOWN_CODES)
            return f"{where}: unknown rule code or prefix {code!r} (known: {known})"
    return None


def find_config(starts: Sequence[Path]) -> Path | None:
    """The nearest pyproject.toml with a [tool.tflint-grad] table, upward from each start."""
    for start in starts:
        here = start.absolute()
        folder = here if here.is_dir() else here.parent
        for candidate in (folder, *folder.parents):
            pyproject = candidate / "pyproject.toml"
            if pyproject.is_file() and _has_section(pyproject):
                return pyproject
    return None


def _has_section(pyproject: Path) -> bool:
    # A malformed file is "ours" so that load_config reports it instead of silently skipping it.
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "tflint-grad" not in text and "tflint_grad" not in text:
        return False
    try:
        tool = tomllib.loads(text).get("tool", {})
    except tomllib.TOMLDecodeError:
        return True
    return isinstance(tool, dict) and "tflint-grad" in tool


def _tool_table(pyproject: Path) -> dict[str, Any]:
    """The [tool] table of a pyproject.toml that mentions something like us, else {}."""
    try:
        text = pyproject.read_text(encoding="utf-8")
        if "tflint" not in text.lower():
            return {}
        tool = tomllib.loads(text).get("tool", {})
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return {}  # a malformed file that is ours is reported by load_config
    return tool if isinstance(tool, dict) else {}


def lookalike_tables(pyproject: Path) -> list[str]:
    """Warnings for `[tool.*]` tables that look like ours but are not read (`[tool.tflint_grad]`)."""
    out: list[str] = []
    for name in _tool_table(pyproject):
        squashed = re.sub(r"[^a-z0-9]", "", name.lower())
        if name != "tflint-grad" and difflib.get_close_matches(squashed, ["tflintgrad"], 1, 0.8):
            out.append(f"{pyproject}: [tool.{name}] is not read; the table is "
                       f"[{SECTION}]")
    return out


def load_config(path: Path, explicit: bool = False) -> Config | ConfigError:
    """Read and validate `path`; every failure is one ConfigError naming the file and the key."""
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return ConfigError(f"{path}: configuration file not found")
    except (OSError, UnicodeDecodeError) as exc:
        return ConfigError(f"{path}: cannot read: {exc}")
    except tomllib.TOMLDecodeError as exc:
        return ConfigError(f"{path}: malformed TOML: {exc}")
    section: Any = table.get("tool", {})
    section = section.get("tflint-grad") if isinstance(section, dict) else None
    if section is None:
        if explicit and path.name != "pyproject.toml":
            section = dict(table)  # a dedicated file may hold the keys at its top level
        else:
            section = {}
    if not isinstance(section, dict):
        return ConfigError(f"{path}: [{SECTION}] must be a table")
    return _validate(path, section)


def _validate(path: Path, section: dict[str, Any]) -> Config | ConfigError:
    values: dict[str, Any] = {}
    for key, value in section.items():
        where = f"{path}: [{SECTION}] {key}"
        if key not in _KEYS:
            return ConfigError(f"{path}: [{SECTION}] unknown key {key!r} "
                               f"(known: {', '.join(_KEYS)})")
        if key in _LIST_KEYS:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                return ConfigError(f"{where}: expected a list of strings, got {_kind(value)}")
            if key in ("select", "ignore", "extend-select"):
                error = check_codes(value, where)
                if error:
                    return ConfigError(error)
            values[key.replace("-", "_")] = tuple(value)
        elif key == "respect-gitignore":
            if not isinstance(value, bool):
                return ConfigError(f"{where}: expected true or false, got {_kind(value)}")
            values["respect_gitignore"] = value
        else:
            pfi = _per_file_ignores(where, value)
            if isinstance(pfi, ConfigError):
                return pfi
            values["per_file_ignores"] = pfi
    return Config(path=path, root=path.parent, **values)


PerFileIgnores = tuple[tuple[str, tuple[str, ...]], ...]


def _per_file_ignores(where: str, value: Any) -> PerFileIgnores | ConfigError:
    if not isinstance(value, dict):
        return ConfigError(f"{where}: expected a table of glob = [codes], got {_kind(value)}")
    out: list[tuple[str, tuple[str, ...]]] = []
    for glob, codes in value.items():
        if isinstance(codes, str):
            codes = [c.strip() for c in codes.split(",") if c.strip()]
        if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
            return ConfigError(f"{where}: {glob!r}: expected a list of codes, got {_kind(codes)}")
        error = check_codes(codes, f"{where}: {glob!r}")
        if error:
            return ConfigError(error)
        out.append((glob, tuple(codes)))
    return tuple(out)


def _kind(value: Any) -> str:
    names = {bool: "a boolean", int: "an integer", float: "a number", str: "a string",
             list: "a list", dict: "a table"}
    return names.get(type(value), type(value).__name__)


def discover(paths: Sequence[str], config_file: str | None) -> Config | ConfigError:
    """The configuration for this run: --config if given, else the nearest one, else defaults."""
    if config_file is not None:
        return load_config(Path(config_file), explicit=True)
    starts = [Path(p) for p in paths if p != "-"]
    found = find_config([*starts, Path.cwd()])
    warnings = tuple(w for pyproject in _passed(starts, found) for w in lookalike_tables(pyproject))
    config = Config() if found is None else load_config(found)
    if isinstance(config, ConfigError) or not warnings:
        return config
    return replace(config, warnings=warnings)


def _passed(starts: Sequence[Path], found: Path | None) -> list[Path]:
    """The pyproject.toml files the search looked at, up to the one it chose."""
    out: list[Path] = []
    for start in [*starts, Path.cwd()]:
        here = start.absolute()
        folder = here if here.is_dir() else here.parent
        for candidate in (folder, *folder.parents):
            pyproject = candidate / "pyproject.toml"
            if pyproject.is_file() and pyproject not in out:
                out.append(pyproject)
            if pyproject == found:
                return out
    return out


def parse_code_list(text: str, flag: str) -> tuple[str, ...] | ConfigError:
    """A comma-separated --select/--ignore value, validated like the configuration's lists."""
    codes = tuple(c.strip() for c in text.split(",") if c.strip())
    error = check_codes(codes, flag)
    return ConfigError(error) if error else codes
