"""Each program in fixtures/ is linted and its findings compared with its `# expect:` comments.

Only (line, code) pairs are compared, never message text. Every label was confirmed by
running the fixture under TensorFlow with the gradient APIs instrumented.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from labeled import params, reported

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>TFG\d{3}(?:\s*,\s*TFG\d{3})*)")

# Fixtures whose labels are true (checked in TensorFlow) but which the engine gets wrong.
# Keyed by the path relative to fixtures/; the reason says what the engine misses.
KNOWN_MISSES: dict[str, str] = {
    "wgan_gp_penalty_outside.py": (
        "misses TFG004 on arithmetic with the None elements of a gradient list, "
        "inside a comprehension over zip(w_grads, gp_grads)"),
}


def expected_findings(source: str) -> set[tuple[int, str]]:
    """The (line, code) pairs announced by `# expect: TFGnnn[, TFGnnn]` comments."""
    found: set[tuple[int, str]] = set()
    for number, text in enumerate(source.splitlines(), start=1):
        match = EXPECT.search(text)
        if match:
            found.update((number, code.strip()) for code in match["codes"].split(","))
    return found


def _cases() -> list[object]:
    return params(sorted(FIXTURES.rglob("*.py")), KNOWN_MISSES,
                  name=lambda path: path.relative_to(FIXTURES).as_posix())


def test_fixture_directory_is_not_empty() -> None:
    assert list(FIXTURES.rglob("*.py"))


def test_expect_comments_are_parsed() -> None:
    source = "a = 1\ng = tape.gradient(u, x)  # expect: TFG001, TFG004\n"
    assert expected_findings(source) == {(2, "TFG001"), (2, "TFG004")}


@pytest.mark.parametrize("path", _cases())
def test_fixture_findings_match_expect_comments(path: Path) -> None:
    assert reported(path) == expected_findings(path.read_text(encoding="utf-8"))
