"""Compound statements: branches and their joins, loops, try blocks, and with-blocks (where tapes
start and stop recording, and graphs and sessions switch eager execution off)."""
from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from tflint_grad.model import ops
from tflint_grad.model.core import WalkerCore
from tflint_grad.model.nodes import kids
from tflint_grad.syntax import GRADIENT_METHODS, names_in
from tflint_grad.model.datasets import is_dataset
from tflint_grad.model.scope import Binding, Cut, CutKind, Edge, Kind, SessionMade, Tape
from tflint_grad.model.statements import _names_in

_SESSIONS = ops.SESSIONS
# Calls that use a tape without making the name hold another one.
_TAPE_METHODS = GRADIENT_METHODS | {"watch", "reset", "stop_recording"}


class Compound(WalkerCore):
    """Compound statements, mixed into the walker."""

    # --- compound statements -------------------------------------------------------------
    def walk_if(self, s: cst.If) -> None:
        # An if/elif chain is walked as one join of all its branches, not as nested ifs: the
        # same verdicts, without one level of recursion per elif.
        bodies: list[Sequence[cst.CSTNode]] = []
        graph: list[bool] = []
        later_traced = False  # an earlier `if tf.executing_eagerly()` traces all that follows
        node: cst.If | None = s
        while node is not None:
            self.edges(node.test)
            test = node.test
            negated = isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not)
            if isinstance(test, cst.UnaryOperation) and negated:
                test = test.expression
            eager = (isinstance(test, cst.Call)
                     and self.resolve(test.func) == "tensorflow.executing_eagerly")
            bodies.append(node.body.body)
            graph.append(later_traced or (eager and negated))
            later_traced = later_traced or (eager and not negated)
            orelse = node.orelse
            node = orelse if isinstance(orelse, cst.If) else None
            if isinstance(orelse, cst.Else):
                bodies.append(orelse.body.body)
                graph.append(later_traced)
            elif orelse is None:
                bodies.append(())
                graph.append(later_traced)
        tested = frozenset(names_in_test(s))
        self.checked.append(tested)
        self.join_branches(bodies, graph)
        self.checked.pop()
        if any(_exits(body, branch=True) for body in bodies):
            self.checked_after |= tested  # `if g is None: return`: what follows saw the check

    def join_branches(self, bodies: Sequence[Sequence[cst.CSTNode]],
                      graph: Sequence[bool] = ()) -> None:
        """Walk alternative blocks from the same state, then join what they bound."""
        branch_id = self.new_id()
        before = dict(self.env)
        results: list[dict[str, Binding]] = []
        all_ended = True
        self.conditional += 1
        for i, body in enumerate(bodies):
            self.env = dict(before)
            self.branches.append((branch_id, i))
            traced = i < len(graph) and graph[i]
            self.graph_depth += traced
            self.walk_block(body)
            self.graph_depth -= traced
            self.branches.pop()
            if not self.terminated:
                results.append(self.env)
                all_ended = False
        self.conditional -= 1
        self.env = self.join(results or [before], before)
        self.terminated = all_ended and len(bodies) > 1
        if self.terminated:
            self.exit_block()  # every branch returns or raises: nothing after this runs

    def join(self, envs: list[dict[str, Binding]],
             before: dict[str, Binding]) -> dict[str, Binding]:
        """One environment from several: names that differ become joined bindings."""
        if len(envs) == 1:
            return envs[0]
        changed: set[str] = set()
        for env in envs:
            changed.update(n for n, b in env.items() if before.get(n) is not b)
            if len(env) != len(before):
                changed.update(set(before).symmetric_difference(env))
        out = {n: b for n, b in before.items() if n not in changed}
        for name in changed:
            found = [e[name] for e in envs if name in e]
            if not found:
                continue
            first = found[0]
            if len(found) == len(envs) and all(b is first for b in found):
                out[name] = first
                continue
            kinds = {b.kind for b in found}
            kind = first.kind if len(kinds) == 1 and first.kind not in (
                Kind.GRADIENT, Kind.TAPE, Kind.FUNCTION) else Kind.PHI
            j = self.make(name, kind, first.node, [Edge(b) for b in found])
            j.joined = True
            j.opaque = any(b.opaque for b in found) or len(found) < len(envs)
            j.int_dtype = all(b.int_dtype for b in found)
            numerics = {b.numeric for b in found}
            j.numeric = first.numeric if len(numerics) == 1 else None
            # An object changed in every branch is still the same object.
            if all(b.instance_of is first.instance_of for b in found):
                j.instance_of = first.instance_of
            j.keras = all(b.keras for b in found)
            j.sequence = all(b.sequence for b in found)  # a list in every branch
            optimizers = {b.keras_optimizer for b in found}
            j.keras_optimizer = first.keras_optimizer if len(optimizers) == 1 else None
            out[name] = j
        return out

    def walk_loop(self, s: cst.For | cst.While) -> None:
        """Loop bodies run again with what the last iteration bound: those names are opaque."""
        if isinstance(s, cst.For):
            self.bind_loop_target(s.target, self.edges(s.iter), s)
        else:
            self.edges(s.test)
        carried = _assigned_names(s.body.body)
        before = dict(self.env)
        heads: dict[str, Binding] = {}
        for name in carried:
            if name in self.env:
                old = self.env[name]
                j = self.make(name, old.kind if old.kind is not Kind.GRADIENT else Kind.PHI,
                              old.node, [Edge(old)])
                j.joined = j.opaque = True
                j.tape, j.function, j.model_of = old.tape, old.function, old.model_of
                j.instance_of, j.keras, j.sequence = old.instance_of, old.keras, old.sequence
                j.keras_optimizer = old.keras_optimizer  # the same object, changed or not
                if old.kind is Kind.TAPE:  # a tape made again in the body: which one is unknown
                    j.tape, j.kind = None, Kind.PHI
                self.env[name] = heads[name] = j
        loop = self.new_id()
        if _exits(s.body.body):
            exiting = self.model.exiting_loops
            assert isinstance(exiting, set)
            exiting.add(loop)
        self.loops.append(loop)
        self.conditional += 1
        self.walk_block(s.body.body)
        self.conditional -= 1
        self.loops.pop()
        # Close each loop join over what the body left behind: the next iteration starts there.
        for name, head in heads.items():
            end = self.env.get(name)
            if end is not None and not self.terminated:
                if end.tape is not head.tape:
                    head.tape, head.kind = None, Kind.PHI  # the name holds another tape now
                if end is not head:
                    head.deps.append(Edge(end))
                head.opaque = end.opaque and end is not head
                # After the loop the name holds the first value or the last: the head joins both.
                before[name] = self.env[name] = head
        self.env = self.join([before, self.env], before)
        self.terminated = False
        if isinstance(s, cst.For) and self.traced() and is_dataset(self, s.iter):
            self.reduced_by_autograph(s, carried)
        if s.orelse is not None:
            self.walk_block(s.orelse.body.body)

    def traced(self) -> bool:
        """Is this the body of a `@tf.function` that AutoGraph converts (not autograph=False)?"""
        fn = self.scope.node
        return isinstance(fn, cst.FunctionDef) and any(
            self.builder.traces_only(d) and not (isinstance(d.decorator, cst.Call) and any(
                a.keyword is not None and a.keyword.value == "autograph"
                for a in d.decorator.args)) for d in fn.decorators)

    def reduced_by_autograph(self, s: cst.For, carried: set[str]) -> None:
        """`for x in dataset:` in a tf.function: AutoGraph turns the loop into a dataset
        reduce, so what the loop carries out has no recorded path to what it read."""
        cut = Cut(CutKind.DATASET, self.model.code(s.iter), s)
        for name in sorted(carried):
            held = self.env.get(name)
            if held is None or held.kind in (Kind.TAPE, Kind.FUNCTION, Kind.MODEL):
                continue
            kind = Kind.CALL if held.kind is Kind.PARAM else held.kind  # not the parameter
            out = self.make(name, kind, s, [Edge(held, cut)])
            out.joined = True
            self.env[name] = out

    def bind_loop_target(self, target: cst.BaseExpression, edges: list[Edge],
                         node: cst.CSTNode) -> None:
        for name in _names_in(target):
            b = self.make(name, Kind.CALL, node, edges)
            b.joined = True  # iterating a container is not an op the tape must record
            self.env[name] = b

    def walk_try(self, s: cst.Try | cst.TryStar) -> None:
        self.conditional += 1
        self.caught.append(_caught(s))
        self.walk_block(s.body.body)
        self.caught.pop()
        self.conditional -= 1
        bodies = [h.body.body for h in s.handlers]
        if s.orelse is not None:
            bodies.append(s.orelse.body.body)
        if bodies:
            self.join_branches([[], *bodies])
        if s.finalbody is not None:
            self.walk_block(s.finalbody.body.body)

    def walk_with(self, s: cst.With) -> None:
        """`with tf.GradientTape() as tape:` starts recording; graphs and sessions switch eager
        execution off for the block."""
        started: list[Tape] = []
        paused: list[Tape] = []
        graph = session = 0
        for item in s.items:
            expr = item.item
            name = self.resolve(expr.func) if isinstance(expr, cst.Call) else None
            asname = item.asname.name if item.asname is not None else None
            if name == "tensorflow.GradientTape" and isinstance(expr, cst.Call):
                label = asname.value if isinstance(asname, cst.Name) else "<tape>"
                b = self.tape_binding(label, expr, s)
                if isinstance(asname, cst.Name):
                    self.env[asname.value] = b
                if b.tape is not None:
                    started.append(b.tape)
                continue
            tape = self.tape_named(expr)
            if tape is not None and tape.tape is not None:
                tape.tape.loops = tuple(self.loops)  # it records afresh where it is entered
                if tape.tape.block_line_node is None:
                    started.append(tape.tape)  # `t = tf.GradientTape(); with t:` - first entry
                    continue
                # Entered again: the same tape records on (persistent, or no gradient asked yet),
                # or, once a non-persistent tape gave its gradient, starts afresh; either way the
                # calls before cannot clash with the calls after.
                tape.tape.calls = []
                started.append(tape.tape)
                continue
            if isinstance(expr, cst.Call) and isinstance(expr.func, cst.Attribute):
                owner = self.tape_named(expr.func.value)
                if owner is not None and owner.tape is not None and \
                        expr.func.attr.value == "stop_recording":
                    paused.append(owner.tape)
                    continue
                if expr.func.attr.value == "as_default":
                    graph += 1
            if name in _SESSIONS:
                session += 1
            edges = self.edges(expr)
            if isinstance(asname, cst.Name):
                b = self.make(asname.value, Kind.CALL, s, edges)
                if name in _SESSIONS and isinstance(expr, cst.Call):
                    b.session = SessionMade(True, expr, self.graph_depth > 0)
                self.env[asname.value] = b
        for begun in started:
            begun.start = self.next_seq()
            begun.block_line_node = s
            self.recording.append(begun)
        for stopped in paused:
            if stopped in self.recording:
                self.recording.remove(stopped)
        eager_session = session > 0 and self.graph_depth == 0  # a graph entered with it: new too
        if eager_session:
            self.session_blocks.append((s, self.next_seq(), self.conditional, len(self.caught)))
        self.graph_depth += graph
        self.session_depth += session
        self.walk_block(s.body.body)
        self.graph_depth -= graph
        self.session_depth -= session
        if eager_session:
            self.session_blocks.pop()
        end = self.next_seq()
        for stopped in paused:
            self.recording.append(stopped)
        for begun in started:
            begun.end = end
            if begun in self.recording:
                self.recording.remove(begun)


def _caught(s: cst.Try | cst.TryStar) -> frozenset[str]:
    """The exception classes a try's handlers catch, by their last name ("*": anything)."""
    out: set[str] = set()
    for handler in s.handlers:
        kinds = handler.type
        items = [e.value for e in kinds.elements] if isinstance(kinds, cst.Tuple) else [kinds]
        for item in items:
            name = item.attr.value if isinstance(item, cst.Attribute) else (
                item.value if isinstance(item, cst.Name) else "*")
            out.add("*" if name in ("Exception", "BaseException") else name)
    return frozenset(out)


def _exits(body: Sequence[cst.CSTNode], branch: bool = False) -> bool:
    """Does a loop body hold a break, return or raise (outside nested functions)? With
    `branch`: can an if-branch leave its block early (also continue, exit())?"""
    stack: list[cst.CSTNode] = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.Break, cst.Return, cst.Raise)):
            return True
        if branch and (isinstance(n, cst.Continue) or isinstance(n, cst.Call) and isinstance(
                n.func, (cst.Name, cst.Attribute)) and (
                    n.func.value if isinstance(n.func, cst.Name) else n.func.attr.value) in (
                    "exit", "quit", "_exit")):
            return True
        if not isinstance(n, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            stack.extend(kids(n))
    return False


def names_in_test(s: cst.If) -> set[str]:
    """The names the tests of an if / elif chain mention."""
    out: set[str] = set()
    node: cst.If | None = s
    while node is not None:
        out |= names_in(node.test)
        node = node.orelse if isinstance(node.orelse, cst.If) else None
    return out


def _assigned_names(body: Sequence[cst.CSTNode]) -> set[str]:
    """Names a block (re)binds or mutates, not looking into nested functions or classes."""
    out: set[str] = set()
    stack: list[cst.CSTNode] = list(body)
    while stack:
        n = stack.pop()
        if isinstance(n, (cst.FunctionDef, cst.ClassDef, cst.Lambda)):
            if isinstance(n, (cst.FunctionDef, cst.ClassDef)):
                out.add(n.name.value)
            continue
        if isinstance(n, cst.AssignTarget):
            out.update(_base_names(n.target))
        elif isinstance(n, (cst.AugAssign, cst.AnnAssign)):
            out.update(_base_names(n.target))
        elif isinstance(n, cst.For):
            out.update(_base_names(n.target))
        elif isinstance(n, cst.AsName):
            out.update(_base_names(n.name))
        elif isinstance(n, cst.Expr) and isinstance(n.value, cst.Call) and isinstance(
                n.value.func, cst.Attribute) and n.value.func.attr.value not in _TAPE_METHODS:
            out.update(_base_names(n.value.func.value))  # `obj.method(...)` may change obj
        elif isinstance(n, cst.NamedExpr):
            out.update(_base_names(n.target))
        stack.extend(kids(n))
    return out


def _base_names(node: cst.CSTNode) -> list[str]:
    while isinstance(node, (cst.Attribute, cst.Subscript)):
        node = node.value
    return _names_in(node)
