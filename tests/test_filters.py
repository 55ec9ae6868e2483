"""Selection by prefix, per-file-ignores, noqa (flake8 semantics) and unused-noqa detection."""
from __future__ import annotations

from pathlib import Path

from tflint_grad.config import Config
from tflint_grad.filters import Filters, Layer, Selection, apply, noqa_lines, selection
from tflint_grad.fixes import apply_fixes
from tflint_grad.types import Diagnostic, FileResult


def finding(line: int, code: str, path: str = "a.py") -> Diagnostic:
    return Diagnostic(path, line, 1, line, 2, code, f"{code} message")


def test_most_specific_prefix_wins_and_ignore_wins_ties() -> None:
    chosen = selection(Config(select=("TFG",), ignore=("TFG00",)), None, ["TFG003"], [])
    assert chosen.enabled("TFG003") and not chosen.enabled("TFG001")
    assert chosen.enabled("TFG012")
    tie = Selection((Layer(select=("TFG001",), ignore=("TFG001",)),))
    assert not tie.enabled("TFG001")


def test_command_line_select_replaces_configuration() -> None:
    config = Config(ignore=("TFG001",), extend_select=("TFG100",))
    flags = selection(config, ["TFG001"], [], [])
    assert flags.enabled("TFG001") and not flags.enabled("TFG100")
    assert not selection(config, None, [], []).enabled("TFG001")
    assert selection(Config(ignore=("TFG001",)), None, ["TFG001"], []).enabled("TFG001")
    assert not selection(Config(select=("TFG001",)), None, [], ["TFG0"]).enabled("TFG001")


def test_default_selects_every_rule_but_not_unused_noqa_unless_asked() -> None:
    default = Selection()
    assert default.enabled("TFG001") and default.enabled("TFG012")


def test_noqa_forms() -> None:
    source = "a  # noqa\nb  # noqa: TFG001,TFG002\nc  # NOQA:TFG003 TFG004\nd  # noqa: junk\ne\n"
    lines = noqa_lines(source)
    assert lines[1][2] is None and lines[2][2] == {"TFG001", "TFG002"}
    assert lines[3][2] == {"TFG003", "TFG004"} and lines[4][2] is None and 5 not in lines


def test_noqa_silences_only_its_codes_and_lines() -> None:
    source = "x\ny  # noqa: TFG001\nz  # noqa\n"
    result = FileResult("a.py", (finding(1, "TFG001"), finding(2, "TFG001"), finding(2, "TFG003"),
                                 finding(3, "TFG009")))
    kept = apply(result, source, Filters())
    assert [(d.line, d.code) for d in kept.diagnostics] == [(1, "TFG001"), (2, "TFG003")]


def test_file_level_noqa() -> None:
    result = FileResult("a.py", (finding(1, "TFG001"),))
    assert apply(result, "x\n# tflint-grad: noqa\n", Filters()).diagnostics == ()
    assert apply(result, "x  # tflint-grad: noqa is only for own lines\n", Filters()).diagnostics


def test_per_file_ignores_globs(tmp_path: Path) -> None:
    config = Config(root=tmp_path, per_file_ignores=(("tests/*.py", ("TFG00",)),
                                                     ("conftest.py", ("TFG012",))))
    filters = Filters.build(config, Selection(), False)
    assert filters.ignored_in(str(tmp_path / "tests" / "t.py")) == ("TFG00",)
    assert filters.ignored_in(str(tmp_path / "src" / "t.py")) == ()
    assert filters.ignored_in(str(tmp_path / "deep" / "conftest.py")) == ("TFG012",)
    path = str(tmp_path / "tests" / "t.py")
    result = FileResult(path, (finding(1, "TFG001", path), finding(1, "TFG012", path)))
    assert [d.code for d in apply(result, "x\n", filters).diagnostics] == ["TFG012"]


def test_unused_noqa_reported_with_a_fix() -> None:
    source = ("x = 1  # noqa: TFG001, TFG003\ny = 2  # noqa: TFG002\nz = 3  # noqa\n"
              "w  # noqa: E501\n")
    result = FileResult("a.py", (finding(1, "TFG003"),))
    filters = Filters(Selection(), (), show_unused_noqa=True)
    kept = apply(result, source, filters)
    assert [(d.line, d.code) for d in kept.diagnostics] == [(1, "TFG100"), (2, "TFG100")]
    assert "TFG001" in kept.diagnostics[0].message
    fixes = [d.fix for d in kept.diagnostics if d.fix]
    assert apply_fixes(source, fixes) == \
        "x = 1  # noqa: TFG003\ny = 2\nz = 3  # noqa\nw  # noqa: E501\n"
