"""Each rule's documentation: the `rules/TFGnnn-name/` folders, found in a wheel or a checkout."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tflint_grad.catalog import BY_CODE as RULES_BY_CODE
from tflint_grad.catalog import CATALOG as RULES

_PACKAGE_DIR = Path(__file__).resolve().parent
# A wheel carries the folders inside the package (pyproject force-includes `rules`
# as `tflint_grad/rules`); a source checkout keeps them at the repository root.
_CANDIDATE_ROOTS = (_PACKAGE_DIR / "rules", _PACKAGE_DIR.parent / "rules")

README_SECTIONS = ("What", "Why it happens", "How to fix", "What TensorFlow does")
_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")


@dataclass(frozen=True, slots=True)
class ToolCode:
    """A code tflint-grad reports about the source itself, not a gradient pitfall of the catalog:
    documented here (no rules/ folder, no check module), but --explain and --list-rules know it."""

    code: str
    name: str
    summary: str
    fix: str  # "safe" | "unsafe" | "none", as a catalog entry's FixSafety value
    markdown: str


TOOL_CODES: dict[str, ToolCode] = {"TFG100": ToolCode(
    "TFG100", "unused-noqa",
    "a '# noqa: TFG...' comment silences nothing (reported with --show-unused-noqa)", "safe",
    """# TFG100 unused-noqa

## What

A `# noqa: TFG...` comment names a code that is not reported on its line, so it silences
nothing. Reported only with `--show-unused-noqa` (and when TFG100 is selected).

## Why it happens

The pitfall it silenced was fixed, the code moved to another line, or the comment names the
wrong code. A stale noqa hides the next real finding on that line.

## How to fix

Remove the unused codes from the comment, or the whole comment when none is left:
`tflint-grad --show-unused-noqa --fix` does it. A bare `# noqa` and other tools' codes are never
reported, since they may serve another linter.

## What TensorFlow does

Nothing: this is about the comment, not the program. TensorFlow runs the line as before.
""")}


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """What a report needs about one rule: SARIF's short and full descriptions and the README."""

    code: str
    name: str
    summary: str
    short_description: str
    full_description: str
    markdown: str
    path: Path


def rules_root() -> Path:
    """The folder holding the `TFGnnn-name/` rule folders."""
    for root in _CANDIDATE_ROOTS:
        if root.is_dir() and any(root.glob("TFG*/README.md")):
            return root
    searched = ", ".join(str(root) for root in _CANDIDATE_ROOTS)
    raise FileNotFoundError(f"no rule documentation found (looked in {searched})")


def normalize_code(code: str) -> str:
    """The registered spelling of `code` (case-insensitive); LookupError if no rule has it."""
    canonical = code.strip().upper()
    if canonical not in RULES_BY_CODE and canonical not in TOOL_CODES:
        valid = ", ".join([*(rule.code for rule in RULES), *TOOL_CODES])
        raise LookupError(f"unknown rule code {code!r}; valid codes: {valid}")
    return canonical


def rule_dir(code: str) -> Path:
    """The documentation folder of one rule, `rules/TFGnnn-<name>/`."""
    canonical = normalize_code(code)
    if canonical in TOOL_CODES:
        raise FileNotFoundError(f"{canonical} is not a rule of the catalog and has no rules/ "
                                f"folder; --explain {canonical} shows its documentation")
    rule = RULES_BY_CODE[canonical]
    folder = rules_root() / f"{rule.code}-{rule.name}"
    if not folder.is_dir():
        raise FileNotFoundError(f"{rule.code} has no documentation folder at {folder}")
    return folder


@cache
def _read_readme(folder: Path) -> str:
    return (folder / "README.md").read_text(encoding="utf-8")


def readme(code: str) -> str:
    """The full Markdown text of a rule's README.md (or of a tool code's documentation)."""
    tool = TOOL_CODES.get(normalize_code(code))
    return tool.markdown if tool is not None else _read_readme(rule_dir(code))


def list_rules() -> list[tuple[str, str, str]]:
    """Every registered rule as (code, name, summary), in catalog order."""
    return [(rule.code, rule.name, rule.summary) for rule in RULES]


def list_tool_codes() -> list[ToolCode]:
    """The codes reported about the source itself (TFG100), after the rules in --list-rules."""
    return list(TOOL_CODES.values())


def declared(code: str) -> str:
    """What the catalog declares for a rule, as a Markdown section after its README."""
    tool = TOOL_CODES.get(normalize_code(code))
    if tool is not None:
        return f"\n## Declared\n- not a rule of the catalog: reported by tflint-grad itself\n" \
               f"- fix: {tool.fix}"
    rule = RULES_BY_CODE[normalize_code(code)]
    outcomes = "".join(f"- TensorFlow {o.describe()}\n" for o in rule.outcomes)
    return f"\n## Declared in the catalog\n{outcomes}- fix: {rule.fix.value}"


def readme_sections(text: str) -> dict[str, str]:
    """The body of each `## ` section of a README, keyed by its heading, in order."""
    sections: dict[str, str] = {}
    heading: str | None = None
    lines: list[str] = []
    in_fence = False
    for line in text.splitlines():
        if line.lstrip().startswith("```"):
            in_fence = not in_fence
        match = None if in_fence else _HEADING.match(line)
        if match and len(match.group(1)) <= 2:
            if heading is not None:
                sections[heading] = "\n".join(lines).strip()
            heading = match.group(2) if len(match.group(1)) == 2 else None
            lines = []
        elif heading is not None:
            lines.append(line)
    if heading is not None:
        sections[heading] = "\n".join(lines).strip()
    return sections


def first_paragraph(markdown: str) -> str:
    """The first paragraph of a Markdown body, joined onto one line."""
    paragraph: list[str] = []
    for line in markdown.strip().splitlines():
        if not line.strip():
            break
        paragraph.append(line.strip())
    return " ".join(paragraph)


def short_description(code: str) -> str:
    """The first paragraph under `## What`: one or two sentences for SARIF's shortDescription."""
    what = readme_sections(readme(code)).get("What", "")
    return first_paragraph(what) or RULES_BY_CODE[normalize_code(code)].summary


def full_description(code: str) -> str:
    """The README without its title line: SARIF's fullDescription and help text."""
    lines = readme(code).splitlines()
    if lines and lines[0].startswith("# "):
        lines = lines[1:]
    return "\n".join(lines).strip() + "\n"


def rule_doc(code: str) -> RuleDoc:
    """Everything a report says about one rule, read from its folder."""
    rule = RULES_BY_CODE[normalize_code(code)]
    return RuleDoc(rule.code, rule.name, rule.summary, short_description(rule.code),
                   full_description(rule.code), readme(rule.code), rule_dir(rule.code))


def example(code: str, kind: str) -> str:
    """The text of a rule's `bad.py`, `good.py` or `fixed.py`."""
    if kind not in ("bad", "good", "fixed"):
        raise ValueError(f"kind must be 'bad', 'good' or 'fixed', not {kind!r}")
    path = rule_dir(code) / f"{kind}.py"
    if not path.is_file():
        raise FileNotFoundError(f"{normalize_code(code)} has no {kind}.py")
    return path.read_text(encoding="utf-8")


__all__ = ["README_SECTIONS", "TOOL_CODES", "RuleDoc", "ToolCode", "declared", "example",
           "first_paragraph", "full_description", "list_rules", "list_tool_codes",
           "normalize_code", "readme", "readme_sections", "rule_dir", "rule_doc", "rules_root",
           "short_description"]
