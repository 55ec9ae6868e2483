"""The LSP shell (pygls): document sync in, diagnostics, code actions and hovers out.

Handlers run on pygls's event loop and only take snapshots; linting happens on one worker
thread. An edit (re)starts its document's debounce timer, so a newer version supersedes a lint
still waiting, and a result is published only if its snapshot is still the document's text.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import unquote

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from tflint_grad import __version__
from tflint_grad.notebooks import split_lines
from tflint_grad.server import actions
from tflint_grad.server.documents import Cell, Configurations, Findings, Snapshot, lint
from tflint_grad.types import Diagnostic, Edit

logger = logging.getLogger(__name__)

_PYTHON_SUFFIXES = (".py", ".pyi")
_NOTEBOOK_SYNC = types.NotebookDocumentSyncOptions(notebook_selector=[
    types.NotebookDocumentFilterWithNotebook(
        notebook="*", cells=[types.NotebookCellLanguage(language="python")])])


class Server(LanguageServer):
    """tflint-grad's language server: the state it keeps between messages."""

    def __init__(self, debounce: float) -> None:
        super().__init__("tflint-grad", __version__,
                         text_document_sync_kind=types.TextDocumentSyncKind.Incremental,
                         notebook_document_sync=_NOTEBOOK_SYNC)
        self.debounce = debounce
        # One thread: lints run one after another, and Configurations needs no lock.
        self.linter = ThreadPoolExecutor(1, thread_name_prefix="tflint-grad-lint")
        self.configurations = Configurations()
        self.pending: dict[str, asyncio.Task[None]] = {}
        self.findings: dict[str, Findings] = {}  # by the file's or the notebook's URI
        self.told: set[str] = set()  # error messages already shown to the user

    def key_of(self, uri: str) -> str:
        """The document a URI belongs to: the notebook of a cell, else the URI itself."""
        notebook = self.workspace.get_notebook_document(cell_uri=uri)
        return notebook.uri if notebook is not None else uri

    def snapshot(self, key: str) -> Snapshot | None:
        """The document's current text as a snapshot; None if it is closed or not Python."""
        notebook = self.workspace.get_notebook_document(notebook_uri=key)
        if notebook is not None:
            cells: list[Cell] = []
            for cell in notebook.cells:
                document = self.workspace.text_documents.get(unquote(cell.document))
                if document is None:
                    continue
                code = cell.kind == types.NotebookCellKind.Code and \
                    document.language_id in (None, "python")
                cells.append(Cell(cell.document, document.source, code))
            return Snapshot(key, to_fs_path(key) or key, notebook.version, cells=tuple(cells))
        document = self.workspace.text_documents.get(unquote(key))
        if document is None:
            return None
        path = to_fs_path(key) or key
        if document.language_id != "python" and not path.endswith(_PYTHON_SUFFIXES):
            return None
        return Snapshot(key, path, document.version or 0, document.source)

    def schedule(self, key: str, delay: float) -> None:
        """Lint the document after `delay` seconds, replacing a lint still waiting."""
        earlier = self.pending.pop(key, None)
        if earlier is not None:
            earlier.cancel()
        self.pending[key] = asyncio.get_running_loop().create_task(self._lint_later(key, delay))

    async def _lint_later(self, key: str, delay: float) -> None:
        try:
            if delay > 0:
                await asyncio.sleep(delay)
            snapshot = self.snapshot(key)
            if snapshot is not None:
                await self.refresh(snapshot)
        except Exception:  # noqa: BLE001 - a failed lint must not end the server
            logger.exception("linting %s failed", key)
        finally:
            if self.pending.get(key) is asyncio.current_task():
                del self.pending[key]

    async def refresh(self, snapshot: Snapshot) -> Findings:
        """Lint on the worker thread; publish unless the document has changed meanwhile."""
        loop = asyncio.get_running_loop()
        findings = await loop.run_in_executor(self.linter, lint, snapshot, self.configurations)
        if self.snapshot(snapshot.uri) == snapshot:
            self.publish(findings)
        return findings

    async def current(self, uri: str) -> Findings | None:
        """Findings for the text the editor holds now (linted on demand if they are stale)."""
        snapshot = self.snapshot(self.key_of(uri))
        if snapshot is None:
            return None
        known = self.findings.get(snapshot.uri)
        if known is not None and known.snapshot == snapshot:
            return known
        return await self.refresh(snapshot)

    def publish(self, findings: Findings) -> None:
        """Send each target document its diagnostics; cells that went away get an empty list."""
        snapshot = findings.snapshot
        earlier = self.findings.get(snapshot.uri)
        self.findings[snapshot.uri] = findings
        texts = snapshot.texts()
        version = snapshot.version if snapshot.cells is None else None
        for uri, text in texts.items():
            lines = split_lines(text)
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=uri, version=version,
                diagnostics=[self.to_lsp(d, lines) for d in findings.at(uri)]))
        if earlier is not None:
            self.clear([uri for uri in earlier.snapshot.texts() if uri not in texts])
        if findings.error and findings.error not in self.told:
            self.told.add(findings.error)
            self.window_show_message(types.ShowMessageParams(
                type=types.MessageType.Warning, message=f"tflint-grad: {findings.error}"))

    def clear(self, uris: list[str]) -> None:
        """Publish empty diagnostics on `uris`."""
        for uri in uris:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    def close(self, key: str) -> None:
        """Forget a closed document and take its diagnostics away."""
        waiting = self.pending.pop(key, None)
        if waiting is not None:
            waiting.cancel()
        known = self.findings.pop(key, None)
        self.clear(list(known.snapshot.texts()) if known is not None else [key])

    def position(self, lines: list[str], line: int, column: int) -> types.Position:
        """An engine position (1-based, code points) in the client's units."""
        return self.workspace.position_codec.position_to_client_units(
            lines, types.Position(line=line - 1, character=column - 1))

    def engine_position(self, lines: list[str], position: types.Position) -> tuple[int, int]:
        """A client position as the engine's (line, column)."""
        at = self.workspace.position_codec.position_from_client_units(
            lines, types.Position(line=position.line, character=position.character))
        return at.line + 1, at.character + 1

    def to_lsp(self, d: Diagnostic, lines: list[str]) -> types.Diagnostic:
        """A finding as an LSP diagnostic."""
        return types.Diagnostic(
            range=types.Range(start=self.position(lines, d.line, d.column),
                              end=self.position(lines, d.end_line, d.end_column)),
            message=actions.message_text(d), severity=types.DiagnosticSeverity.Warning,
            code=d.code, source="tflint-grad")

    def text_edit(self, edit: Edit, lines: list[str]) -> types.TextEdit:
        """An engine edit as an LSP text edit."""
        return types.TextEdit(
            range=types.Range(start=self.position(lines, edit.line, edit.column),
                              end=self.position(lines, edit.end_line, edit.end_column)),
            new_text=edit.text)


def build(debounce: float) -> Server:
    """The server with its handlers registered."""
    server = Server(debounce)

    @server.feature(types.INITIALIZED)
    def initialized(ls: Server, params: types.InitializedParams) -> None:
        folders = [to_fs_path(f.uri) for f in ls.workspace.folders.values()]
        if ls.workspace.root_path:
            folders.append(ls.workspace.root_path)
        ls.configurations = Configurations([f for f in folders if f])

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: Server, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(ls.key_of(params.text_document.uri), 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: Server, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(ls.key_of(params.text_document.uri), ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: Server, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(ls.key_of(params.text_document.uri), 0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: Server, params: types.DidCloseTextDocumentParams) -> None:
        ls.close(params.text_document.uri)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_OPEN)
    def notebook_open(ls: Server, params: types.DidOpenNotebookDocumentParams) -> None:
        ls.schedule(params.notebook_document.uri, 0)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CHANGE)
    def notebook_change(ls: Server, params: types.DidChangeNotebookDocumentParams) -> None:
        ls.schedule(params.notebook_document.uri, ls.debounce)

    @server.feature(types.NOTEBOOK_DOCUMENT_DID_CLOSE)
    def notebook_close(ls: Server, params: types.DidCloseNotebookDocumentParams) -> None:
        ls.close(params.notebook_document.uri)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION, types.CodeActionOptions(
        code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: Server, params: types.CodeActionParams) -> list[types.CodeAction]:
        only = params.context.only
        if only and not any(types.CodeActionKind.QuickFix.value.startswith(k) for k in only):
            return []
        uri = params.text_document.uri
        findings = await ls.current(uri)
        if findings is None or uri not in findings.snapshot.texts():
            return []
        return _actions(ls, uri, findings, params.range)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def hover(ls: Server, params: types.HoverParams) -> types.Hover | None:
        uri = params.text_document.uri
        findings = await ls.current(uri)
        if findings is None or uri not in findings.snapshot.texts():
            return None
        lines = split_lines(findings.snapshot.texts()[uri])
        line, column = ls.engine_position(lines, params.position)
        under = [d for d in findings.at(uri) if actions.covers(d, line, column)]
        if not under:
            return None
        first = under[0]
        return types.Hover(
            contents=types.MarkupContent(kind=types.MarkupKind.Markdown,
                                         value=actions.hover_text(under)),
            range=types.Range(start=ls.position(lines, first.line, first.column),
                              end=ls.position(lines, first.end_line, first.end_column)))

    @server.feature(types.SHUTDOWN)
    def shutdown(ls: Server, params: None) -> None:
        for task in ls.pending.values():
            task.cancel()
        ls.linter.shutdown(wait=False, cancel_futures=True)

    return server


def _actions(ls: Server, uri: str, findings: Findings,
             wanted: types.Range) -> list[types.CodeAction]:
    text = findings.snapshot.texts()[uri]
    lines = split_lines(text)
    start = ls.engine_position(lines, wanted.start)
    end = ls.engine_position(lines, wanted.end)
    out: list[types.CodeAction] = []
    for d in findings.at(uri):
        if not actions.overlaps(d, start, end):
            continue
        shown = ls.to_lsp(d, lines)
        if d.fix is not None:
            edits = [ls.text_edit(e, lines) for e in actions.fix_edits(d.fix, text)]
            out.append(types.CodeAction(
                title=actions.fix_title(d, d.fix), kind=types.CodeActionKind.QuickFix,
                diagnostics=[shown], is_preferred=d.fix.safe,
                edit=types.WorkspaceEdit(changes={uri: edits})))
        noqa = actions.noqa_edit(d, text)
        if noqa is not None:
            out.append(types.CodeAction(
                title=actions.noqa_title(d), kind=types.CodeActionKind.QuickFix,
                diagnostics=[shown],
                edit=types.WorkspaceEdit(changes={uri: [ls.text_edit(noqa, lines)]})))
    return out
