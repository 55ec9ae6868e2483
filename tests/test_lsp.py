"""`tflint-grad server` end to end: a real LSP client (pygls) drives the server in a subprocess."""
from __future__ import annotations

import asyncio
import re
import subprocess
import sys
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TypeVar

import pytest

pytest.importorskip("pygls")

from lsprotocol import types  # noqa: E402 - only once pygls is known to be there
from pygls.lsp.client import LanguageClient  # noqa: E402
from pygls.uris import from_fs_path  # noqa: E402

from tflint_grad.catalog import BY_CODE  # noqa: E402
from tflint_grad.server.actions import noqa_edit  # noqa: E402
from tflint_grad.types import Diagnostic  # noqa: E402

RULES = Path(__file__).resolve().parent.parent / "rules"
TFG001_BAD = (RULES / "TFG001-source-transformed-outside-tape" / "bad.py").read_text("utf-8")
TFG003_BAD = (RULES / "TFG003-unwatched-source" / "bad.py").read_text("utf-8")
TIMEOUT = 300.0  # the machine may be loaded: wait on events, never assert how long they took
T = TypeVar("T")


class Session:
    """One server process and the client talking to it; records what the server publishes."""

    def __init__(self, root: Path, debounce: float = 0.05) -> None:
        self.root, self.debounce = root, debounce
        self.client = LanguageClient("tflint-grad-tests", "1")
        self.published: list[types.PublishDiagnosticsParams] = []
        self.messages: list[str] = []

        @self.client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def diagnostics(params: types.PublishDiagnosticsParams) -> None:
            self.published.append(params)

        @self.client.feature(types.WINDOW_SHOW_MESSAGE)
        def message(params: types.ShowMessageParams) -> None:
            self.messages.append(params.message)

    async def start(self) -> None:
        await self.client.start_io(sys.executable, "-m", "tflint_grad", "server",
                                   "--debounce", str(self.debounce), cwd=str(self.root))
        capabilities = types.ClientCapabilities(
            notebook_document=types.NotebookDocumentClientCapabilities(
                synchronization=types.NotebookDocumentSyncClientCapabilities()))
        root_uri = from_fs_path(str(self.root))
        result = await asyncio.wait_for(self.client.initialize_async(types.InitializeParams(
            capabilities=capabilities, root_uri=root_uri,
            workspace_folders=[types.WorkspaceFolder(uri=root_uri, name="root")])), TIMEOUT)
        assert result.capabilities.code_action_provider
        assert result.capabilities.hover_provider
        assert result.capabilities.notebook_document_sync is not None
        self.client.initialized(types.InitializedParams())

    async def stop(self) -> None:
        try:
            await asyncio.wait_for(self.client.shutdown_async(None), TIMEOUT)
            self.client.exit(None)
            await asyncio.wait_for(self.client.stop(), TIMEOUT)
        finally:
            process = self.client._server
            if process is not None and process.returncode is None:
                process.kill()

    def open(self, path: Path, text: str, version: int = 1) -> str:
        uri = from_fs_path(str(path))
        assert uri is not None
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id="python", version=version, text=text)))
        return uri

    def change(self, uri: str, version: int,
               changes: Sequence[types.TextDocumentContentChangeEvent]) -> None:
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            types.VersionedTextDocumentIdentifier(uri=uri, version=version), list(changes)))

    async def diagnostics(self, uri: str, version: int | None = None) -> list[types.Diagnostic]:
        """The first diagnostics published on `uri` (for `version`, when given)."""
        def found() -> list[types.Diagnostic] | None:
            for params in self.published:
                if params.uri == uri and (version is None or params.version == version):
                    return list(params.diagnostics)
            return None
        return await _eventually(found)

    async def code_actions(self, uri: str, where: types.Range) -> list[types.CodeAction]:
        result = await asyncio.wait_for(self.client.text_document_code_action_async(
            types.CodeActionParams(types.TextDocumentIdentifier(uri=uri), where,
                                   types.CodeActionContext(diagnostics=[]))), TIMEOUT)
        return [a for a in result or [] if isinstance(a, types.CodeAction)]


async def _eventually(probe: Callable[[], T | None]) -> T:
    loop = asyncio.get_running_loop()
    deadline = loop.time() + TIMEOUT
    while loop.time() < deadline:
        value = probe()
        if value is not None:
            return value
        await asyncio.sleep(0.02)
    raise AssertionError("the server did not publish it in time")


def _run(root: Path, body: Callable[[Session], Awaitable[None]], debounce: float = 0.05) -> None:
    async def main() -> None:
        session = Session(root, debounce)
        await session.start()
        try:
            await body(session)
        finally:
            await session.stop()
    asyncio.run(main())


def _offset(text: str, position: types.Position) -> int:
    # The test texts are ASCII, where UTF-16 units and code points agree.
    lines = text.splitlines(keepends=True)
    return sum(len(line) for line in lines[:position.line]) + position.character


def _apply(text: str, edits: Sequence[types.TextEdit]) -> str:
    spans = sorted(((_offset(text, e.range.start), _offset(text, e.range.end), e.new_text)
                    for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def _edits(action: types.CodeAction, uri: str) -> list[types.TextEdit]:
    assert action.edit is not None and action.edit.changes is not None
    return list(action.edit.changes[uri])


def _partial(edit: types.TextEdit) -> types.TextDocumentContentChangePartial:
    return types.TextDocumentContentChangePartial(range=edit.range, text=edit.new_text)


def _whole(text: str) -> types.TextDocumentContentChangeWholeDocument:
    return types.TextDocumentContentChangeWholeDocument(text=text)


def test_finding_fix_and_clean_republish(tmp_path: Path) -> None:
    async def body(s: Session) -> None:
        uri = s.open(tmp_path / "pinn.py", TFG001_BAD)
        found = await s.diagnostics(uri, 1)
        assert [(d.code, d.range.start.line, d.range.start.character, d.range.end.line,
                 d.range.end.character) for d in found] == [("TFG001", 12, 6, 12, 25)]
        assert found[0].source == "tflint-grad" and not found[0].message.startswith("TFG001")
        actions = await s.code_actions(uri, found[0].range)
        titles = [a.title for a in actions]
        fix = next(a for a in actions if a.title.startswith("Fix TFG001: "))
        assert not fix.title.endswith("(unsafe)") and fix.is_preferred
        assert "Disable TFG001 for this line" in titles
        fixed = _apply(TFG001_BAD, _edits(fix, uri))
        assert "    tape.watch(x)\n    X = tf.concat([x, t], axis=1)\n" in fixed
        s.change(uri, 2, [_whole(fixed)])
        assert await s.diagnostics(uri, 2) == []
    _run(tmp_path, body)


def test_noqa_action_merges_into_an_existing_comment(tmp_path: Path) -> None:
    source = TFG003_BAD.replace("# expect: TFG003", "# noqa: E501")

    async def body(s: Session) -> None:
        uri = s.open(tmp_path / "unwatched.py", source)
        found = await s.diagnostics(uri, 1)
        assert [d.code for d in found] == ["TFG003"]
        actions = await s.code_actions(uri, found[0].range)
        noqa = next(a for a in actions if a.title == "Disable TFG003 for this line")
        edit, = _edits(noqa, uri)
        # Sent as an incremental change, the way an editor applies a quick fix.
        s.change(uri, 2, [_partial(edit)])
        after = _apply(source, [edit])
        assert "u_x = tape.gradient(u, x)  # noqa: E501, TFG003\n" in after
        assert await s.diagnostics(uri, 2) == []
    _run(tmp_path, body)


def test_columns_are_in_utf16_units_beyond_the_basic_plane(tmp_path: Path) -> None:
    prefix = "_\U0001d703 = 0; "  # an astral letter: one code point, two UTF-16 units
    source = TFG003_BAD.replace("u_x = tape.gradient", prefix + "u_x = tape.gradient")

    async def body(s: Session) -> None:
        found = await s.diagnostics(s.open(tmp_path / "theta.py", source), 1)
        units = len(prefix.encode("utf-16-le")) // 2
        assert [(d.code, d.range.start.line, d.range.start.character) for d in found] == \
            [("TFG003", 7, units + 6)]
    _run(tmp_path, body)


def test_hover_names_the_rule_and_points_to_explain(tmp_path: Path) -> None:
    async def body(s: Session) -> None:
        uri = s.open(tmp_path / "pinn.py", TFG001_BAD)
        found = await s.diagnostics(uri, 1)
        inside = types.Position(line=found[0].range.start.line,
                                character=found[0].range.start.character + 3)
        hover = await asyncio.wait_for(s.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), inside)), TIMEOUT)
        assert hover is not None and isinstance(hover.contents, types.MarkupContent)
        entry = BY_CODE["TFG001"]
        text = hover.contents.value
        assert entry.code in text and entry.name in text and entry.summary in text
        assert "tflint-grad --explain TFG001" in text and "http" not in text
        elsewhere = await asyncio.wait_for(s.client.text_document_hover_async(types.HoverParams(
            types.TextDocumentIdentifier(uri=uri), types.Position(line=0, character=0))),
            TIMEOUT)
        assert elsewhere is None
    _run(tmp_path, body)


def test_notebook_cells_are_one_program_and_findings_land_on_their_cell(tmp_path: Path) -> None:
    lines = TFG003_BAD.splitlines(keepends=True)
    first, second = "".join(lines[:5]), "".join(lines[5:])  # the tape and gradient in cell 3
    notebook_uri = from_fs_path(str(tmp_path / "study.ipynb"))
    assert notebook_uri is not None
    cells = [(f"{notebook_uri}#cell{i}", text, kind) for i, (text, kind) in enumerate([
        (first, types.NotebookCellKind.Code), ("# Notes\n", types.NotebookCellKind.Markup),
        (second, types.NotebookCellKind.Code)])]

    async def body(s: Session) -> None:
        s.client.notebook_document_did_open(types.DidOpenNotebookDocumentParams(
            types.NotebookDocument(uri=notebook_uri, notebook_type="jupyter-notebook", version=1,
                                   cells=[types.NotebookCell(kind=kind, document=uri)
                                          for uri, _, kind in cells]),
            [types.TextDocumentItem(uri=uri, version=1, text=text,
                                    language_id="python" if kind == types.NotebookCellKind.Code
                                    else "markdown") for uri, text, kind in cells]))
        on_second = await s.diagnostics(cells[2][0])
        assert [(d.code, d.range.start.line, d.range.start.character) for d in on_second] == \
            [("TFG003", 2, 6)]  # `u_x = tape.gradient(u, x)` is line 3 of its cell
        assert await s.diagnostics(cells[0][0]) == []
        actions = await s.code_actions(cells[2][0], on_second[0].range)
        fix = next(a for a in actions if a.title.startswith("Fix TFG003: "))
        edits = _edits(fix, cells[2][0])
        s.client.notebook_document_did_change(types.DidChangeNotebookDocumentParams(
            types.VersionedNotebookDocumentIdentifier(uri=notebook_uri, version=2),
            types.NotebookDocumentChangeEvent(cells=types.NotebookDocumentCellChanges(
                text_content=[types.NotebookDocumentCellContentChanges(
                    document=types.VersionedTextDocumentIdentifier(uri=cells[2][0], version=2),
                    changes=[_partial(e) for e in edits])]))))
        assert _apply(second, edits).startswith("with tf.GradientTape() as tape:\n"
                                                "    tape.watch(x)\n")

        def cleared() -> bool | None:
            latest = [p for p in s.published if p.uri == cells[2][0]]
            return True if len(latest) > 1 and not latest[-1].diagnostics else None
        await _eventually(cleared)
    _run(tmp_path, body)


def test_configuration_select_ignore_per_file_ignores_and_exclude(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.tflint-grad]\nignore = ["TFG001"]\nexclude = ["generated"]\n'
        '[tool.tflint-grad.per-file-ignores]\n"scripts/*.py" = ["TFG003"]\n', encoding="utf-8")
    both = TFG001_BAD + "\n" + TFG003_BAD

    async def body(s: Session) -> None:
        main = s.open(tmp_path / "main.py", both)
        script = s.open(tmp_path / "scripts" / "run.py", both)
        generated = s.open(tmp_path / "generated" / "model.py", both)
        assert [d.code for d in await s.diagnostics(main, 1)] == ["TFG003"]
        assert await s.diagnostics(script, 1) == []
        assert await s.diagnostics(generated, 1) == []
    _run(tmp_path, body)


def test_a_newer_version_supersedes_a_pending_lint(tmp_path: Path) -> None:
    # A long debounce: only didSave lints at once, so version 2 is replaced before it is linted.
    async def body(s: Session) -> None:
        uri = s.open(tmp_path / "unwatched.py", TFG003_BAD)
        assert [d.code for d in await s.diagnostics(uri, 1)] == ["TFG003"]
        s.change(uri, 2, [_whole(TFG003_BAD.replace("2.0 * x", "3.0 * x"))])
        s.change(uri, 3, [_whole(TFG003_BAD.replace("u_x = tape", "u_x = 0 * tape"))])
        s.client.text_document_did_save(types.DidSaveTextDocumentParams(
            types.TextDocumentIdentifier(uri=uri)))
        await s.diagnostics(uri, 3)
        assert [p.version for p in s.published if p.uri == uri] == [1, 3]
    _run(tmp_path, body, debounce=30.0)


def test_a_configuration_error_is_shown_and_nothing_published(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.tflint-grad]\nselect = ["TFG9"]\n',
                                             encoding="utf-8")

    async def body(s: Session) -> None:
        uri = s.open(tmp_path / "pinn.py", TFG001_BAD)
        assert await s.diagnostics(uri, 1) == []
        message = await _eventually(lambda: s.messages[0] if s.messages else None)
        assert "unknown rule code or prefix 'TFG9'" in message
    _run(tmp_path, body)


def test_without_pygls_the_server_says_how_to_install_it() -> None:
    hide = "import sys; sys.modules['pygls'] = None; from tflint_grad.cli import main; " \
           "raise SystemExit(main(['server']))"
    done = subprocess.run([sys.executable, "-c", hide], check=False,
                          capture_output=True, text=True, timeout=TIMEOUT)
    assert done.returncode == 2
    assert done.stderr.strip() == "tflint-grad server needs pygls: pip install 'tflint-grad[lsp]'"


def _finding(line: int, code: str = "TFG003") -> Diagnostic:
    return Diagnostic("x.py", line, 1, line, 5, code, f"{code} message")


@pytest.mark.parametrize(("line", "expected"), [
    ("y = f(x)\n", "y = f(x)  # noqa: TFG003\n"),
    ("y = f(x)   \n", "y = f(x)  # noqa: TFG003\n"),
    ("y = f(x)  # why\n", "y = f(x)  # why  # noqa: TFG003\n"),
    ("y = f(x)  # noqa:E501\n", "y = f(x)  # noqa: E501, TFG003\n"),
    ("y = f(x)  # NOQA: TFG001,E501 trailing\n",
     "y = f(x)  # noqa: TFG001, E501, TFG003 trailing\n"),
])
def test_noqa_edit_adds_or_merges(line: str, expected: str) -> None:
    edit = noqa_edit(_finding(1), line)
    assert edit is not None
    start, end = edit.column - 1, edit.end_column - 1
    assert line[:start] + edit.text + line[end:] == expected


@pytest.mark.parametrize("line", ["y = f(x)  # noqa\n", "y = f(x)  # noqa: TFG003\n",
                                  "y = f(x) + \\\n"])
def test_noqa_edit_is_not_offered_where_it_cannot_help(line: str) -> None:
    assert noqa_edit(_finding(1), line) is None


def test_latency_bench_prints_a_median() -> None:
    bench = Path(__file__).resolve().parent.parent / "bench" / "lsp_latency"
    done = subprocess.run([sys.executable, str(bench), "--lines", "80", "--edits", "2",
                           "--debounce", "0"], check=False, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert re.search(r"didChange -> publishDiagnostics: median [0-9]+\.[0-9] ms", done.stdout)
