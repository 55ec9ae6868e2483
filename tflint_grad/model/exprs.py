"""Reading one expression: which bindings flow into it, through which cuts, and what it makes."""
from __future__ import annotations

import libcst as cst

from tflint_grad.model.calls import (float_lists, method_called, note_handed_methods,
                                     note_session_run)
from tflint_grad.model.core import WalkerCore
from tflint_grad.model.datasets import dataset_call_edges
from tflint_grad.model.fields import is_static

from tflint_grad.model import keras, ops
from tflint_grad.model.nodes import assigned_value, init_of, kids
from tflint_grad.syntax import GRADIENT_METHODS, methods, names_in
from tflint_grad.model.scope import (PLAIN, Binding, Cut, CutKind, Edge, FloatShape,
                                     FunctionSummary, GradientCall, SessionCapture,
                                     Kind, LocalCall, ShapeParameter, SymbolicGradients,
                                     Through, Use, UseKind)


_ARITH_NODES = (cst.BinaryOperation, cst.UnaryOperation)
_OP_USES = frozenset({UseKind.ARITHMETIC, UseKind.ARITHMETIC_WITH_NUMBER, UseKind.TF_ARGUMENT})
_EAGER_TENSORS = frozenset({Kind.CONST, Kind.VARIABLE, Kind.FROZEN})
# Ops that read an eager tensor's value or shape into the graph instead of capturing it (or
# fail otherwise: tf.constant of a variable): building them in a Session block is no capture.
_CONVERTING = frozenset({"tensorflow.constant", "tensorflow.zeros_like", "tensorflow.ones_like",
                         "tensorflow.shape", "tensorflow.rank", "tensorflow.size",
                         "tensorflow.convert_to_tensor", "tensorflow.print"})


def _cut_all(edges: list[Edge], cut: Cut) -> list[Edge]:
    return [Edge(e.binding, e.cut or cut) for e in edges]


class Expressions(WalkerCore):
    """Expression analysis, mixed into the statement walker (which supplies the state)."""

    def edges(self, node: cst.CSTNode) -> list[Edge]:
        """The bindings that flow into the value of `node`, each with the cut it passes."""
        if isinstance(node, cst.Name):
            b = self.lookup(node.value)
            if b is not None and b.function is not None:
                self.builder.escaped.add(b.function)
            return [Edge(b)] if b is not None else []
        if isinstance(node, cst.Attribute):
            held = self.field(node)
            if held is not None:
                return [Edge(held)]
            base = self.edges(node.value)
            self.note_use(node.value, node, UseKind.ATTRIBUTE)
            if node.attr.value in ops.META_ATTRS:
                return _cut_all(base, Cut(CutKind.META, f".{node.attr.value}", node))
            return base
        if isinstance(node, cst.Call):
            return self.call_edges(node)
        if isinstance(node, cst.Subscript):
            out = self.edges(node.value)
            self.note_use(node.value, node, UseKind.INDEXED)
            for element in node.slice:
                out += _cut_all(self.edges(element.slice), Cut(CutKind.META, "index", node))
            return out
        if isinstance(node, cst.BinaryOperation):
            # None with a tensor: TensorFlow's conversion raises; with a Python number, Python does.
            for mine, other in ((node.left, node.right), (node.right, node.left)):
                with_number = self.python_number(other)
                self.note_use(mine, node, UseKind.ARITHMETIC_WITH_NUMBER if with_number
                              else UseKind.ARITHMETIC)
            out = self.edges(node.left) + self.edges(node.right)
            if isinstance(node.operator, cst.FloorDivide):
                out = _cut_all(out, Cut(CutKind.NO_GRADIENT, "//", node))
            return out
        if isinstance(node, cst.UnaryOperation):
            self.note_use(node.expression, node, UseKind.NEGATED if isinstance(
                node.operator, cst.Minus) else UseKind.ARITHMETIC)
            out = self.edges(node.expression)
            if isinstance(node.operator, cst.Not):
                out = _cut_all(out, Cut(CutKind.META, "not", node))
            return out
        if isinstance(node, cst.Comparison):
            out = self.edges(node.left)
            for target in node.comparisons:
                out += self.edges(target.comparator)
            meta = all(isinstance(c.operator, (cst.Is, cst.IsNot, cst.In, cst.NotIn))
                       for c in node.comparisons)
            return _cut_all(out, Cut(CutKind.META if meta else CutKind.NO_GRADIENT, self.model.code(node), node))
        if isinstance(node, cst.IfExp):
            test = _cut_all(self.edges(node.test), Cut(CutKind.META, "condition", node))
            self.checked.append(frozenset(names_in(node.test)))
            out = test + self.edges(node.body) + self.edges(node.orelse)
            self.checked.pop()
            return out
        if isinstance(node, cst.BooleanOperation):
            return _cut_all(self.edges(node.left) + self.edges(node.right),
                            Cut(CutKind.META, "boolean", node))
        if isinstance(node, cst.NamedExpr) and isinstance(node.target, cst.Name):
            edges = self.edges(node.value)
            b = self.make(node.target.value, Kind.UNKNOWN, node, edges)
            self.infer(b, node.value)
            self.env[node.target.value] = b
            return [Edge(b)]
        if isinstance(node, (cst.Lambda, cst.ListComp, cst.SetComp, cst.GeneratorExp,
                             cst.DictComp)):
            return self.free_edges(node)
        if isinstance(node, (cst.FormattedString, cst.SimpleString, cst.ConcatenatedString)):
            return _cut_all(self.children_edges(node), Cut(CutKind.META, "string", node))
        return self.children_edges(node)

    def children_edges(self, node: cst.CSTNode) -> list[Edge]:
        """Edges of every child expression (lists, tuples, dicts, starred, ...)."""
        out: list[Edge] = []
        for child in kids(node):
            if isinstance(child, cst.BaseExpression):
                out += self.edges(child)
            elif isinstance(child, cst.CSTNode):
                out += self.children_edges(child)
        return out

    def free_edges(self, node: cst.CSTNode) -> list[Edge]:
        """Every known name mentioned inside a lambda or comprehension (conservatively)."""
        out: list[Edge] = []
        stack: list[cst.CSTNode] = [node]
        while stack:
            n = stack.pop()
            if isinstance(n, cst.Name):
                b = self.lookup(n.value, local_names=True)
                if b is not None:
                    out.append(Edge(b))
            stack.extend(kids(n))
        return out

    def call_edges(self, call: cst.Call) -> list[Edge]:
        """Edges into a call's value; registers gradient calls and None uses on the way."""
        func = call.func
        if isinstance(func, cst.Attribute) and func.attr.value in GRADIENT_METHODS:
            tape = self.tape_named(func.value)
            if tape is not None:
                result = self.gradient_call(call, tape, func.attr.value)
                return [Edge(result)]
        name = self.resolve(func)
        args_edges: list[Edge] = []
        for a in call.args:
            handed = self.tape_named(a.value)
            if handed is not None and handed.tape is not None:
                handed.tape.watch_unknown = True  # the helper may watch anything on it
            args_edges += self.edges(a.value)
        held = self.field(func)
        if held is not None:
            return [Edge(held)] + args_edges  # `self.model(x)`: the object a field holds, called
        through_dataset = dataset_call_edges(self, call, args_edges)
        if through_dataset is not None:
            return through_dataset
        if isinstance(func, cst.Attribute) and name is None:
            base = self.edges(func.value)
            method = func.attr.value
            if method not in ops.TRACING_METHODS:
                note_handed_methods(self, call)
            defined = method_called(self, func.value, method)
            if defined is not None:
                self.scope.local_calls.append(LocalCall(
                    defined, call, self.graph_depth + self.session_depth > 0, method=True))
                # Summaries only for a method no code replaces (`obj.step = other` anywhere)
                # and no subclass here overrides.
                cls = self.builder.method_class.get(defined)
                summarized = cls is not None and not is_static(defined) and \
                    not self.builder.sets_on_self(cls, method) and \
                    not self.builder.overridden(cls, method)
                summary = self.builder.summary(defined) if summarized else None
                if isinstance(func.value, cst.Name):
                    # `self.loss(x)`: its value may depend on every field the method reads,
                    # each the way the method's summary says it reaches the return value.
                    owner = func.value.value
                    for f in self.fields_read_by(owner, defined):
                        reach = summary.reach.get(f.name[len(owner):]) if summary else None
                        # A field that does not reach the result keeps its edge: the method
                        # may change state through it, and no finding rests on its absence.
                        base += _cut_all([Edge(f)], reach) if isinstance(reach, Cut) \
                            else [Edge(f)]
                if not self.summary_mode and not is_static(defined):
                    self.builder.call_sites.setdefault(defined, []).append(
                        self.passed_values(call, defined, bound=True))
                if summary is not None and not any(a.star for a in call.args):
                    # what each argument reaches in the return value
                    args_edges = self.summarized_edges(call, summary, bound=True)
            if method == "run":
                note_session_run(self, call, func)
            elif method == "minimize" and defined is None:
                keras.note_minimize(self, call, func.value)
            if method in ops.KERAS_NUMPY_METHODS and defined is None and any(
                    e.binding.kind is Kind.MODEL and e.binding.keras for e in base):
                # Keras predict() runs the model outside any tape and returns a numpy array.
                label = f"{self.model.code(func)}(), which returns a numpy array"
                return _cut_all(base + args_edges, Cut(CutKind.LEFT_TENSORFLOW, label, call))
            if method in ops.LEAVE_TF_METHODS:
                self.note_use(func.value, call, UseKind.NUMPY)
                return _cut_all(base, Cut(CutKind.LEFT_TENSORFLOW, f".{method}()", call)) + args_edges
            self.note_use(func.value, call, UseKind.ATTRIBUTE)
            return base + args_edges
        if isinstance(func, cst.Name) and name is None:
            return self.name_call_edges(call, func, args_edges)
        if name is None:
            return self.edges(func) + args_edges
        self.note_call(name, call)
        keras.note_call(self, name, call)
        if name.startswith("tensorflow.") and name not in ops.NONE_TOLERANT_OPS:
            for a in call.args:
                self.note_use(a.value, call, UseKind.TF_ARGUMENT)
        if name.startswith(("numpy.", "math.")):
            label = ("np." if name.startswith("numpy.") else "math.") + name.split(".", 1)[1]
            return _cut_all(args_edges, Cut(CutKind.LEFT_TENSORFLOW, label, call))
        if name in ops.NONDIFF_OPS:
            return _cut_all(args_edges, Cut(CutKind.NO_GRADIENT, "tf." + name.split(".", 1)[1], call))
        if name in ops.ZERO_OPS:
            return _cut_all(args_edges, Cut(CutKind.ZERO_GRADIENT, "tf.sign", call))
        if name in ops.META_OPS:
            return _cut_all(args_edges, Cut(CutKind.META, name, call))
        if name == "tensorflow.cast":
            dtype = ops.arg(call, 1, "dtype")
            if ops.dtype_name(dtype, self.resolve(dtype) if dtype else None) \
                    in ops.INT_DTYPES:
                return _cut_all(args_edges, Cut(CutKind.NO_GRADIENT, "tf.cast to an integer dtype", call))
        return args_edges

    def python_number(self, expr: cst.BaseExpression) -> bool:
        """Is this certainly a Python int or float (a literal, or a name bound to one)?"""
        if isinstance(expr, (cst.Integer, cst.Float)):
            return True
        if isinstance(expr, cst.UnaryOperation):
            return self.python_number(expr.expression)
        if isinstance(expr, cst.BinaryOperation):
            return self.python_number(expr.left) and self.python_number(expr.right)
        if isinstance(expr, cst.Name):
            held = self.lookup(expr.value, local_names=True)
            return held is not None and held.kind is Kind.NUMBER and not held.opaque
        return False

    def name_call_edges(self, call: cst.Call, func: cst.Name, args_edges: list[Edge]) -> list[Edge]:
        """A call of a plain name that is not imported: a builtin, a local class or function."""
        local = self.lookup(func.value)
        if local is None and func.value in ops.PY_CONVERSIONS:
            return _cut_all(args_edges, Cut(CutKind.LEFT_TENSORFLOW, f"{func.value}()", call))
        if local is None and func.value in ("len", "isinstance", "type", "id", "print"):
            return _cut_all(args_edges, Cut(CutKind.META, func.value, call))
        if local is not None and local.loss_object:
            return [Edge(local)] + args_edges  # `loss_fn(y, logits)`: from its arguments only
        if local is not None and local.model_class_reads is not None:
            for read in sorted(local.model_class_reads):
                found = self.lookup(read, local_names=True)
                if found is not None and found is not local:
                    args_edges.append(Edge(found))
            return [Edge(local)] + args_edges
        if local is not None and local.kind is Kind.FUNCTION and local.function is not None:
            self.scope.local_calls.append(LocalCall(
                local.function, call, self.graph_depth + self.session_depth > 0,
                float_lists=float_lists(self, call, local.function)))
            if not self.summary_mode:
                self.builder.call_sites.setdefault(local.function, []).append(
                    self.passed_values(call, local.function))
            return self.local_call_edges(call, local) + [Edge(local)]
        if local is not None and not local.keras and local.kind is not Kind.MODEL and (
                _defines_call(local.instance_of) if local.instance_of is not None else (
                    local.unknown_callee or local.kind in (Kind.CALL, Kind.UNKNOWN))) \
                and not local.tf_value:
            # Calling a value (`term()` of a functools.partial, `penalty()` of an object with
            # __call__): it computes now, from whatever it holds; nothing is known of the path.
            made = self.make(self.model.code(call), Kind.CALL, call, [Edge(local)] + args_edges)
            made.opaque = True
            return [Edge(made)]
        if local is not None and local.class_def is not None and not self.summary_mode:
            init = init_of(local.class_def)  # `Trainer(net)`: what `__init__` is handed
            if init is not None:
                self.builder.call_sites.setdefault(init, []).append(
                    self.passed_values(call, init, bound=True))
        return ([Edge(local)] if local is not None else []) + args_edges

    def note_call(self, name: str, call: cst.Call) -> None:
        """Facts the eager-execution and shape checks need."""
        if name in ops.GRAPH_MODE:
            self.model.graph_mode = True
        elif name == "tensorflow.config.run_functions_eagerly":
            flag = ops.arg(call, 0, "run_eagerly")
            if isinstance(flag, cst.Name) and flag.value == "True":
                # Only a switch that certainly runs where it stands (not under an `if debug:`).
                if self.conditional == 0:
                    self.model.functions_eagerly = True
            else:
                self.model.functions_eagerly_off = True  # toggled back: order unknown
        elif name == "tensorflow.function":
            wrapped = ops.arg(call, 0, "func")
            if isinstance(wrapped, cst.Name):
                self.model.wrapped.add(wrapped.value)
        elif name in ops.SYMBOLIC_GRADIENTS or name == ops.KERAS_GRADIENTS and ops.tf_keras(
                self.model.imports.origin(call.func)):
            self.scope.symbolic_gradients.append(SymbolicGradients(
                call, self.graph_depth + self.session_depth > 0, name))
            self.site(call)
        elif name in ops.SHAPE_CREATORS:
            index, keyword = ops.SHAPE_CREATORS[name]
            shape = ops.arg(call, index, keyword)
            if isinstance(shape, (cst.List, cst.Tuple)):
                floats = [e.value for e in shape.elements if self.numeric_of(e.value) == "float"]
                if floats:
                    self.scope.float_shapes.append(FloatShape(call, name, floats))
                    self.site(call)
            elif isinstance(shape, cst.Name) and self.scope.kind == "function":
                held = self.lookup(shape.value)
                if held is not None and held.kind is Kind.PARAM and held.node is self.scope.node:
                    self.scope.shape_parameters.append(ShapeParameter(call, name, shape.value))
                    self.site(call)


    def passed_values(self, call: cst.Call, fn: cst.FunctionDef,
                      bound: bool = False) -> dict[str, Binding | None] | None:
        """What this call passes for each named parameter (None for the whole call: unknown);
        `bound`: a method called on an instance, whose first parameter is that instance."""
        p = fn.params
        positional = [x.name.value for x in (*p.posonly_params, *p.params)][1 if bound else 0:]
        out: dict[str, Binding | None] = {}
        for i, a in enumerate(call.args):
            if a.star:
                return None
            name = a.keyword.value if a.keyword is not None else (
                positional[i] if i < len(positional) else None)
            if name is None:
                return None
            out[name] = self.passed_value(a.value)
        return out

    def passed_value(self, expr: cst.BaseExpression) -> Binding | None:
        if isinstance(expr, cst.Name):
            return self.lookup(expr.value)
        if isinstance(expr, (cst.BinaryOperation, cst.UnaryOperation)) and \
                self.numeric_of(expr) is None:
            return None  # arithmetic on tensors: what it depends on is not kept here
        if isinstance(expr, (cst.Call, cst.Integer, cst.Float, cst.BinaryOperation,
                             cst.UnaryOperation)):
            b = Binding(self.model.code(expr), Kind.UNKNOWN, 0, expr)
            self.infer(b, expr)
            return b
        return None

    def local_call_edges(self, call: cst.Call, fn: Binding) -> list[Edge]:
        """A call to a function of this file: its summary says what each parameter reaches."""
        summary = self.summary_of(fn)
        if summary is None:
            out: list[Edge] = []
            for a in call.args:
                out += self.edges(a.value)
            return out
        return self.summarized_edges(call, summary)

    def summarized_edges(self, call: cst.Call, summary: FunctionSummary,
                         bound: bool = False) -> list[Edge]:
        """The arguments' edges, each cut the way the function's summary says its parameter
        reaches the return value (`bound`: a method called on an instance, whose first
        parameter is the instance)."""
        params, per_param, free = summary.params, summary.reach, summary.free
        if bound:
            params = params[1:]
        out = []
        positional = [a for a in call.args if a.keyword is None and not a.star]
        for i, a in enumerate(call.args):
            if a.star:
                out += self.edges(a.value)
                continue
            pname = a.keyword.value if a.keyword is not None else (
                params[i] if i < len(params) and a in positional else None)
            arg_edges = self.edges(a.value)
            reach = per_param.get(pname) if pname else None
            if reach is None or reach is Through.CLEAN:
                out += arg_edges
            elif isinstance(reach, Cut):
                out += _cut_all(arg_edges, reach)
        for free_name in free:
            b = self.lookup(free_name)
            if b is not None:
                out.append(Edge(b, summary.free_cut.get(free_name)))
        return out

    def note_use(self, value: cst.BaseExpression, node: cst.CSTNode, how: UseKind) -> None:
        """Remember a use that raises when `value` is a None gradient."""
        b: Binding | None = None
        if isinstance(value, cst.Name):
            b = self.lookup(value.value)
        elif isinstance(value, cst.Call):
            b = self.inline_results.get(value)
        if self.session_blocks and b is not None and how in _OP_USES:
            self.note_capture(b, node)
        if isinstance(value, cst.Name) and self.is_checked(value.value):
            return  # tested by a condition here: the use may never see a None
        if b is not None and (b.kind is Kind.GRADIENT or b.returned_by is not None):
            self.scope.uses.append(Use(b, node, how, self.next_seq()))
            self.site(node)

    def note_capture(self, b: Binding, op: cst.CSTNode) -> None:
        """An op built in a Session block from an eager tensor made before the block."""
        block, start, conditional, tries = self.session_blocks[-1]
        if self.conditional > conditional or len(self.caught) > tries:
            return  # in a branch or loop that may not run, or in a try that may catch it
        if isinstance(op, cst.Call) and self.resolve(op.func) in _CONVERTING:
            return
        if b.seq < start and not b.in_graph and not b.opaque and not b.escaped and (
                b.kind in _EAGER_TENSORS or (b.tf_value and b.kind is Kind.CALL)):
            self.scope.session_captures.append(SessionCapture(op, b, block))

    def gradient_call(self, call: cst.Call, tape_binding: Binding, method: str) -> Binding:
        """Register `tape.gradient(target, sources)` and return the binding of its result."""
        tape = tape_binding.tape
        assert tape is not None
        target_expr = ops.arg(call, 0, "target")
        sources_expr = ops.arg(call, 1, "sources" if method == "gradient" else "source")
        target = self.value_binding(target_expr, call) if target_expr is not None else None
        if target_expr is not None:
            self.note_use(target_expr, target_expr, UseKind.TARGET)
        source_exprs: list[cst.BaseExpression] = []
        single = not isinstance(sources_expr, (cst.List, cst.Tuple))
        if isinstance(sources_expr, (cst.List, cst.Tuple)):
            source_exprs = [e.value for e in sources_expr.elements]
        elif sources_expr is not None:
            source_exprs = [sources_expr]
        listed = self.listed_sources(sources_expr)
        if listed is not None:  # `variables = [w, b]; tape.gradient(loss, variables)`
            source_exprs, single = listed, False
        sources = [self.source_binding(e) for e in source_exprs]
        keras.note_tape_use(self, call, source_exprs, "gradient")
        zero = any(a.keyword is not None and a.keyword.value == "unconnected_gradients"
                   for a in call.args)
        seq = self.next_seq()
        gc = GradientCall(tape, call, method, seq, target, sources, source_exprs, single, zero,
                          tuple(self.loops), tuple(self.branches), blocks=tuple(self.blocks))
        tape.calls.append(gc)
        self.scope.calls.append(gc)
        self.site(call)
        deps = [Edge(target)] if target is not None else []
        deps += [Edge(s) for s in sources if s is not None]
        result = self.make(self.model.code(call), Kind.GRADIENT, call, deps)
        result.grad = gc
        gc.result = result
        self.inline_results[call] = result
        return result

    def listed_sources(self, expr: cst.BaseExpression | None) -> list[cst.BaseExpression] | None:
        """The elements of a list literal a name holds, `variables = [self.w, self.b]`, when
        the list was not changed since and no element was rebound (each still names the value
        it held when the list was made)."""
        if not isinstance(expr, cst.Name):
            return None
        held = self.lookup(expr.value)
        value = assigned_value(held.node) if held is not None and held.sequence else None
        if held is None or not isinstance(value, (cst.List, cst.Tuple)) or not value.elements or any(
                isinstance(e, cst.StarredElement) for e in value.elements):
            return None
        if not _only_read(self.scope.node, expr.value):
            return None  # `del params[1]`, an alias, a helper handed the list: it may change
        elements = [e.value for e in value.elements]
        made_from = {id(e.binding) for e in held.deps}
        for e in elements:
            if not isinstance(e, (cst.Name, cst.Attribute)):
                return None
            now = self.source_binding(e)
            if now is None or id(now) not in made_from:
                return None
        return elements

    def value_binding(self, expr: cst.BaseExpression, at: cst.CSTNode) -> Binding | None:
        """The binding an expression denotes: a name's, or a fresh one made right here."""
        if isinstance(expr, cst.Name):
            return self.lookup(expr.value)
        held = self.field(expr)
        if held is not None:
            return held
        if isinstance(expr, cst.Call) and expr in self.inline_results:
            return self.inline_results[expr]
        b = self.make(self.model.code(expr), Kind.CALL, expr, self.edges(expr))
        self.infer(b, expr)
        if not isinstance(expr, (cst.Subscript, cst.Attribute, cst.Call, cst.BinaryOperation,
                                 cst.UnaryOperation)):
            b.joined = True  # a list or tuple of targets: no op of its own
        return b

    def source_binding(self, expr: cst.BaseExpression) -> Binding | None:
        """A gradient source: a name, or `model.trainable_variables`; None if not nameable."""
        if isinstance(expr, cst.Name):
            return self.lookup(expr.value)
        held = self.field(expr)
        if held is not None:
            return held
        if isinstance(expr, cst.Subscript) and isinstance(expr.value, cst.Name):
            # `pic[0]` of a plain value: a slice made at the call, never seen by the tape; it
            # gets no gradient wherever `pic` gets none (and in other cases too: not claimed).
            base = self.lookup(expr.value.value)
            if base is not None and base.kind in PLAIN:
                return base
        owner = self.variables_of(expr)
        if owner is not None:
            b = self.make(self.model.code(expr), Kind.VARIABLE, expr, [Edge(owner)])
            b.model_of = owner
            return b
        return None

    def kind_of_edges(self, edges: list[Edge]) -> Kind:
        """CONST if everything flowing in is a plain value and some of it a tensor."""
        kinds = {e.binding.kind for e in edges}
        if kinds and kinds <= PLAIN and Kind.CONST in kinds:
            return Kind.CONST
        if kinds and kinds <= {Kind.NUMPY, Kind.NUMBER} and Kind.NUMPY in kinds:
            return Kind.NUMPY
        return Kind.CALL


# Calls that only read a list handed to them.
_READERS = frozenset({"zip", "len", "enumerate", "print", "list", "tuple", "sum", "sorted"})


def _only_read(scope: cst.CSTNode, name: str) -> bool:
    """Is the list `name` only read in this scope: assigned, iterated, handed to a gradient
    call, `apply_gradients`, `zip`, `len` ... and never deleted from, aliased, changed through a
    method or handed to another function?"""
    stack: list[cst.CSTNode] = [scope]
    while stack:
        n = stack.pop()
        if isinstance(n, cst.Del) and name in names_in(n.target):
            return False
        if isinstance(n, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
            value = n.value
            if isinstance(value, cst.Name) and value.value == name:
                return False  # `alias = params`
        if isinstance(n, cst.Attribute) and isinstance(n.value, cst.Name) and \
                n.value.value == name:
            return False  # `params.pop()`, `params.append(...)`
        if isinstance(n, cst.Call):
            func = n.func
            reader = isinstance(func, cst.Name) and func.value in _READERS or \
                isinstance(func, cst.Attribute) and func.attr.value in (
                    *GRADIENT_METHODS, "apply_gradients", "watch")
            if not reader and any(isinstance(a.value, cst.Name) and a.value.value == name
                                  for a in n.args):
                return False
        stack.extend(kids(n))
    return True


def _defines_call(cls: cst.ClassDef) -> bool:
    """Does this class of the file define `__call__` itself (a Keras model's `self(x)` runs
    Keras's own `__call__`, which the model follows through `call`)?"""
    return any(m.name.value == "__call__" for m in methods(cls))
