"""[tool.tflint-grad]: discovery upward, validation, one clear error naming file and key."""
from __future__ import annotations

from pathlib import Path

import pytest

from tflint_grad.config import (
    Config,
    ConfigError,
    discover,
    load_config,
    parse_code_list,
)


def write(folder: Path, body: str) -> Path:
    path = folder / "pyproject.toml"
    path.write_text(body)
    return path


def test_full_configuration_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, """
[tool.tflint-grad]
select = ["TFG0"]
ignore = ["TFG006"]
extend-select = ["TFG100"]
exclude = ["gen/"]
extend-exclude = ["*_pb2.py"]
respect-gitignore = false
per-file-ignores = { "tests/*.py" = ["TFG003", "TFG004"], "notebooks/**" = "TFG012" }
""")
    config = load_config(path)
    assert isinstance(config, Config)
    assert config.select == ("TFG0",) and config.ignore == ("TFG006",)
    assert config.extend_select == ("TFG100",) and config.exclude == ("gen/",)
    assert config.respect_gitignore is False and config.root == tmp_path
    assert config.per_file_ignores == (("tests/*.py", ("TFG003", "TFG004")),
                                       ("notebooks/**", ("TFG012",)))


@pytest.mark.parametrize("body, named", [
    ('[tool.tflint-grad]\nselekt = ["TFG001"]\n', "selekt"),
    ('[tool.tflint-grad]\nselect = ["XYZ1"]\n', "select"),
    ('[tool.tflint-grad]\nignore = "TFG001"\n', "ignore"),
    ('[tool.tflint-grad]\nrespect-gitignore = "yes"\n', "respect-gitignore"),
    ('[tool.tflint-grad]\nper-file-ignores = {"a.py" = ["TFG9"]}\n', "per-file-ignores"),
    ('[tool.tflint-grad]\nper-file-ignores = ["a.py"]\n', "per-file-ignores"),
    ('[tool.tflint-grad]\nselect = [1]\n', "select"),
    ('[tool.tflint-grad]\nselect = ["TFG001"\n', "malformed TOML"),
    ('[tool]\ntflint-grad = 3\n', "must be a table"),
])
def test_errors_name_file_and_key(tmp_path: Path, body: str, named: str) -> None:
    error = load_config(write(tmp_path, body))
    assert isinstance(error, ConfigError)
    assert str(tmp_path / "pyproject.toml") in error.message and named in error.message


def test_discovery_walks_upward_and_skips_foreign_pyprojects(tmp_path: Path) -> None:
    write(tmp_path, '[tool.tflint-grad]\nignore = ["TFG001"]\n')
    inner = tmp_path / "a" / "b"
    inner.mkdir(parents=True)
    write(tmp_path / "a", '[tool.black]\nline-length = 99\n')
    config = discover([str(inner)], None)
    assert isinstance(config, Config) and config.ignore == ("TFG001",)
    assert config.root == tmp_path


def test_malformed_pyproject_on_the_way_up_is_an_error(tmp_path: Path) -> None:
    write(tmp_path, "[tool.tflint-grad\nselect=")
    assert isinstance(discover([str(tmp_path)], None), ConfigError)


def test_no_configuration_gives_defaults(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    config = discover([str(tmp_path)], None)
    assert config == Config()


def test_explicit_config_file_and_missing_one(tmp_path: Path) -> None:
    other = tmp_path / "lint.toml"
    other.write_text('select = ["TFG001"]\n')
    config = discover(["."], str(other))
    assert isinstance(config, Config) and config.select == ("TFG001",)
    assert isinstance(discover(["."], str(tmp_path / "nope.toml")), ConfigError)


def test_code_lists_from_flags() -> None:
    assert parse_code_list("TFG001, TFG002,", "--select") == ("TFG001", "TFG002")
    assert parse_code_list("ALL", "--select") == ("ALL",)
    error = parse_code_list("TFG001,tfg002", "--ignore")
    assert isinstance(error, ConfigError) and "--ignore" in error.message


def test_tables_that_look_like_ours_are_warnings(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    inner = tmp_path / "pkg"
    inner.mkdir()
    write(inner, '[tool.tflint_grad]\nignore = ["TFG003"]\n[tool.tf-lint-grd]\n[tool.tflint]\n')
    config = discover([str(inner)], None)
    assert isinstance(config, Config) and config.ignore == () and config.path is None
    assert config.warnings == tuple(
        f"{inner / 'pyproject.toml'}: [tool.{name}] is not read; the table is [tool.tflint-grad]"
        for name in ("tflint_grad", "tf-lint-grd"))
    # A real table further up is used, and the look-alike on the way is still named.
    write(tmp_path, '[tool.tflint-grad]\nignore = ["TFG001"]\n')
    found = discover([str(inner)], None)
    assert isinstance(found, Config) and found.ignore == ("TFG001",) and len(found.warnings) == 2
    write(inner, '[tool.tflint-grad]\nignore = ["TFG003"]\n[tool.black]\n')
    assert discover([str(inner)], None) == load_config(inner / "pyproject.toml")
