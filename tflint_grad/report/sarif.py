"""SARIF 2.1.0 for code scanning: rules with their docs, results with stable fingerprints."""
from __future__ import annotations

import hashlib
import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import asdict
from functools import cache
from importlib.metadata import PackageNotFoundError, metadata
from pathlib import Path
from typing import Any
from urllib.parse import quote

from tflint_grad import __version__
from tflint_grad.catalog import CATALOG as RULES
from tflint_grad.catalog import Entry
from tflint_grad.report.common import (
    SourceLines,
    problem_code,
    problem_message,
    relative_uri,
)
from tflint_grad.types import Diagnostic, Edit, FileResult, Fix, Problem

SCHEMA_URI = ("https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
              "sarif-schema-2.1.0.json")
REPOSITORY_URL = "https://github.com/tflint-grad/tflint-grad"
FINGERPRINT_KEY = "tflintGrad/v1"
ROOT_ID = "%SRCROOT%"


def render_sarif(results: Sequence[FileResult], root: str, lines: SourceLines) -> str:
    """One SARIF log with one run: the driver's rules, every finding, problems as notifications."""
    index = {rule.code: i for i, rule in enumerate(RULES)}
    occurrences: Counter[tuple[str, str, str]] = Counter()
    sarif_results = []
    for result in results:
        for d in sorted(result.diagnostics, key=lambda d: (d.cell or 0, d.line, d.column, d.code)):
            sarif_results.append(_result(d, index, root, lines, occurrences))
    notifications = [_notification(p, root) for result in results for p in result.problems]
    log = {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "tflint-grad",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": repository_url(),
                "rules": [rule_descriptor(rule) for rule in RULES],
            }},
            "invocations": [{"executionSuccessful": True,
                             "toolExecutionNotifications": notifications}],
            "originalUriBaseIds": {ROOT_ID: {"uri": Path(root).resolve().as_uri().rstrip("/")
                                             + "/"}},
            "columnKind": "unicodeCodePoints",
            "results": sarif_results,
        }],
    }
    return json.dumps(log, indent=2) + "\n"


@cache
def repository_url() -> str:
    """The project's repository: from the installed package's metadata, else the default."""
    try:
        urls: list[str] = list(metadata("tflint-grad").get_all("Project-URL") or [])
    except PackageNotFoundError:
        urls = []
    for entry in urls:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("repository", "source", "homepage"):
            return url.strip()
    return REPOSITORY_URL


def rule_descriptor(rule: Entry) -> dict[str, Any]:
    """A `reportingDescriptor`: id, name, descriptions and help from the rule's README."""
    short, full, markdown = rule_docs(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": short},
        "fullDescription": {"text": full},
        "help": {"text": markdown, "markdown": markdown},
        "helpUri": f"{repository_url()}/blob/main/rules/{rule.code}-{rule.name}/README.md",
        "defaultConfiguration": {"level": "error"},
        "properties": {"tensorflow": [o.describe() for o in rule.outcomes],
                       "fix": rule.fix.value},
    }


def rule_docs(rule: Entry) -> tuple[str, str, str]:
    """(short description, full description, help markdown); the registry summary if no docs."""
    try:
        from tflint_grad import rules_doc
    except ImportError:
        return rule.summary, rule.summary, rule.summary
    # rules_doc is written alongside; use what it offers and fall back on anything missing.
    try:
        readme = getattr(rules_doc, "readme", None)
        markdown = readme(rule.code) if readme else None
        short = _call(rules_doc, "short_description", rule.code) or rule.summary
        full = _call(rules_doc, "full_description", rule.code) or _first_paragraph(markdown)
    except (OSError, LookupError, ValueError):  # a missing README must not break a CI upload
        return rule.summary, rule.summary, rule.summary
    return short, full or rule.summary, markdown or full or rule.summary


def _call(module: object, name: str, code: str) -> str | None:
    function = getattr(module, name, None)
    value = function(code) if callable(function) else None
    return value if isinstance(value, str) and value.strip() else None


def _first_paragraph(markdown: object) -> str | None:
    if not isinstance(markdown, str):
        return None
    for block in markdown.split("\n\n"):
        text = " ".join(line.strip() for line in block.strip().splitlines())
        if text and not text.startswith(("#", "```", "|", "- ", "* ")):
            return text
    return None


def _artifact(path: str, root: str) -> dict[str, str]:
    rel = relative_uri(path, root)
    if rel is None:
        return {"uri": Path(path).resolve().as_uri()}
    return {"uri": quote(rel), "uriBaseId": ROOT_ID}


def fingerprint(uri: str, code: str, line_text: str, occurrence: int) -> str:
    """A hash of where and what, without line numbers, so edits above a finding keep it."""
    key = "\0".join((uri, code, " ".join(line_text.split()), str(occurrence)))
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def _result(d: Diagnostic, index: dict[str, int], root: str, lines: SourceLines,
            occurrences: Counter[tuple[str, str, str]]) -> dict[str, Any]:
    artifact = _artifact(d.path, root)
    text = lines.line(d.path, d.line, d.cell)
    region: dict[str, Any] = {"startLine": d.line, "startColumn": d.column,
                              "endLine": d.end_line, "endColumn": d.end_column}
    if text is not None:
        region["snippet"] = {"text": text}
    properties: dict[str, Any] = {}
    message = d.message
    if d.cell is not None:
        region["properties"] = {"cell": d.cell}
        properties["cell"] = d.cell
        message = f"cell {d.cell}, line {d.line}: {d.message}"
    stripped = " ".join((text or "").split())
    occurrence_key = (artifact["uri"], d.code, stripped)
    occurrences[occurrence_key] += 1
    out: dict[str, Any] = {
        "ruleId": d.code,
        "level": "note" if d.confirmation and d.confirmation.status == "refuted" else "error",
        "message": {"text": message},
        "locations": [{"physicalLocation": {"artifactLocation": artifact, "region": region}}],
        "partialFingerprints": {
            FINGERPRINT_KEY: fingerprint(*occurrence_key, occurrences[occurrence_key])},
    }
    if d.code in index:
        out["ruleIndex"] = index[d.code]
    if d.fix is not None and d.fix.edits:  # SARIF wants at least one replacement
        out["fixes"] = [_fix(d.fix, artifact)]
    if d.confirmation is not None:
        properties["confirmation"] = asdict(d.confirmation)
    if properties:
        out["properties"] = properties
    return out


def _fix(fix: Fix, artifact: dict[str, str]) -> dict[str, Any]:
    def replacement(edit: Edit) -> dict[str, Any]:
        return {"deletedRegion": {"startLine": edit.line, "startColumn": edit.column,
                                  "endLine": edit.end_line, "endColumn": edit.end_column},
                "insertedContent": {"text": edit.text}}

    return {"description": {"text": fix.description if fix.safe
                            else f"{fix.description} (unsafe)"},
            "artifactChanges": [{"artifactLocation": artifact,
                                 "replacements": [replacement(e) for e in fix.edits]}],
            "properties": {"safe": fix.safe}}


def _notification(problem: Problem, root: str) -> dict[str, Any]:
    region: dict[str, Any] = {"startLine": max(problem.line, 1),
                              "startColumn": max(problem.column, 1)}
    if problem.cell is not None:
        region["properties"] = {"cell": problem.cell}
    return {"level": "error",
            "message": {"text": problem_message(problem)},
            "descriptor": {"id": problem_code(problem)},
            "locations": [{"physicalLocation": {"artifactLocation": _artifact(problem.path, root),
                                                "region": region}}]}
