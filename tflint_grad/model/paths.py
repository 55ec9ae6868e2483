"""Queries on the model: does a gradient reach its source through recorded, differentiable steps,
and if not, which step broke every path."""
from __future__ import annotations

from dataclasses import dataclass

from tflint_grad.model.scope import PLAIN, Binding, Cut, Edge, GradientCall, Kind, Tape

NONE_CODES = frozenset({"TFG001", "TFG003", "TFG005", "TFG008", "TFG009", "TFG010", "TFG011"})
_PRIORITY = ("TFG005", "TFG001", "TFG008", "TFG009", "TFG003")
_LIMIT = 4000
# Ops with no gradient that the tape still records: their outputs are tracked tensors.
_RECORDED_CUTS = frozenset({"tf.round", "tf.floor", "tf.ceil", "tf.sign", "tf.math.round",
                            "tf.math.floor", "tf.math.ceil", "tf.math.sign", "//"})  # nodes visited per query: real scopes are far smaller


@dataclass(frozen=True, slots=True)
class Verdict:
    """Why a gradient call returns None (or zeros) for one source."""

    code: str
    source: Binding
    step: Binding | None = None   # the step taken while the tape was not recording
    cut: Cut | None = None        # the op that carries no gradient
    zeros: bool = False           # tf.sign: zeros rather than None


def reach_through(edges: list[Edge], target: Binding) -> object:
    """"clean", the Cut every path passes, or "absent": ignoring tapes, how edges reach target."""
    memo: dict[int, object] = {}

    def go(b: Binding, depth: int) -> object:
        if b is target:
            return "clean"
        if id(b) in memo or depth > 200:
            return memo.get(id(b), "absent")
        memo[id(b)] = "absent"
        memo[id(b)] = best([(e.cut, go(e.binding, depth + 1)) for e in b.deps])
        return memo[id(b)]

    return best([(e.cut, go(e.binding, 0)) for e in edges])


def best(results: list[tuple[Cut | None, object]]) -> object:
    """Combine paths: any clean path wins; else the first real cut; else absent."""
    cuts: list[Cut] = []
    for cut, sub in results:
        if sub == "absent":
            continue
        if cut is None and sub == "clean":
            return "clean"
        found = cut if cut is not None else sub
        if isinstance(found, Cut):
            cuts.append(found)
    real = [c for c in cuts if c.kind != "meta"]
    chosen = real or cuts
    return chosen[0] if chosen else "absent"


class Paths:
    """Verdicts for the gradient calls of one model, memoized."""

    def __init__(self) -> None:
        self.verdicts: dict[tuple[int, int], Verdict | None] = {}

    def verdict(self, gc: GradientCall, index: int) -> Verdict | None:
        """The reason source `index` of this call gets no gradient, or None if it may get one."""
        key = (id(gc), index)
        if key not in self.verdicts:
            self.verdicts[key] = None
            self.verdicts[key] = self._verdict(gc, index)
        return self.verdicts[key]

    def is_none(self, b: Binding) -> Verdict | None:
        """If this binding certainly holds None (a failed gradient), the verdict that says so."""
        gc = b.grad
        if b.kind is not Kind.GRADIENT or gc is None:
            return None
        if b.grad_index is None and not gc.single_source:
            return None
        v = self.verdict(gc, b.grad_index or 0)
        return v if v is not None and v.code in NONE_CODES and not v.zeros else None

    def _verdict(self, gc: GradientCall, index: int) -> Verdict | None:
        source = gc.sources[index] if index < len(gc.sources) else None
        target, tape = gc.target, gc.tape
        if source is None or target is None or gc.unconnected_zero:
            return None
        if target.kind is Kind.GRADIENT and self.is_none(target) is not None:
            return None  # TFG004 reports the use of the None instead
        if source.int_dtype and not source.opaque:
            return Verdict("TFG010", source)
        key = source.model_of or source
        if target is key or target is source:
            return None
        reach = _Reach(key)
        if not reach(target):
            return Verdict("TFG011", source) if _unconnected(target, source, key) else None
        search = _Search(tape, key, source, reach)
        if search.clean(target, 0, target.seq):
            return None
        failures = search.failures(target)
        if not failures or any(f is None for f in failures):
            return None
        failures.sort(key=lambda v: _PRIORITY.index(v.code))  # type: ignore[union-attr]
        return failures[0]


class _Reach:
    """Does a binding depend on `key` at all (through any edge)?"""

    def __init__(self, key: Binding) -> None:
        self.key = key
        self.memo: dict[int, bool] = {}

    def __call__(self, b: Binding) -> bool:
        if id(b) in self.memo:
            return self.memo[id(b)]
        # Everything b depends on, then walk the edges backwards from the key: loops make
        # cycles, and this settles them exactly.
        stack, order = [b], []
        seen: set[int] = set()
        users: dict[int, list[Binding]] = {}
        while stack and len(seen) < _LIMIT:
            n = stack.pop()
            if id(n) in seen:
                continue
            seen.add(id(n))
            order.append(n)
            for e in n.deps:
                users.setdefault(id(e.binding), []).append(n)
                stack.append(e.binding)
        reaching: set[int] = set()
        frontier = [self.key] if id(self.key) in seen else []
        frontier += [n for n in order if self.memo.get(id(n))]
        while frontier:
            n = frontier.pop()
            if id(n) in reaching:
                continue
            reaching.add(id(n))
            frontier.extend(users.get(id(n), ()))
        if len(seen) < _LIMIT:  # a truncated walk decides nothing for good
            for n in order:
                self.memo[id(n)] = id(n) in reaching
        return id(b) in reaching


class _Search:
    """Clean-path search from the target to the source on one tape."""

    def __init__(self, tape: Tape, key: Binding, source: Binding, reach: _Reach) -> None:
        self.tape, self.key, self.source, self.reach = tape, key, source, reach
        self.memo: dict[tuple[int, int], bool] = {}

    def tracked(self, at: int) -> bool:
        """Was the source being tracked by the tape when a step at `at` ran? (True if unsure.)"""
        if self.source.model_of is not None:
            return self.tape.watch_accessed is not False or any(
                b is self.key for b, _ in self.tape.watches)
        return self._tracked(self.key, at, 0)

    def _tracked(self, b: Binding, at: int, depth: int) -> bool:
        tape = self.tape
        if tape.watch_unknown or b.opaque or b.joined or depth > 50:
            return True
        if any(w is b and seq < at for w, seq in tape.watches):
            return True
        if b.kind in (Kind.VARIABLE, Kind.MODEL):
            return tape.watch_accessed is not False
        if b.kind in PLAIN:
            # Made inside the tape from something it tracks: the tape recorded it, so it counts.
            return tape in b.recorded_by and any(
                (e.cut is None or e.cut.op in _RECORDED_CUTS)
                and self._tracked(e.binding, b.seq, depth + 1) for e in b.deps)
        return True  # parameters, call results, unknowns: may be variables or tracked tensors

    def clean(self, b: Binding, depth: int, at: int) -> bool:
        """Is there a path from b to the source through recorded, differentiable steps?

        `at` is when the step consuming b ran: a join (a container, a branch) has no step of
        its own, so what it holds is read when the step that uses it runs."""
        when = at if b.joined else b.seq
        key = (id(b), when)
        if key in self.memo:
            return self.memo[key]
        self.memo[key] = False
        if depth > 200:
            return True
        if b.opaque or "from-call-sites" in b.facts:
            self.memo[key] = True  # a parameter: whatever each call passes, recorded or not
            return True
        if not b.joined and self.tape not in b.recorded_by:
            return False
        for e in b.deps:
            if e.cut is not None or not self.reach(e.binding):
                continue
            if e.binding is self.key:
                if self.tracked(when):
                    self.memo[key] = True
                    return True
                continue
            if self.clean(e.binding, depth + 1, when):
                self.memo[key] = True
                return True
        return False

    def failures(self, target: Binding) -> list[Verdict | None]:
        """The first broken step on each path from target to source (None: cannot say)."""
        out: list[Verdict | None] = []
        seen: set[int] = set()
        stack = [(target, target.seq)]
        while stack and len(out) < 50 and len(seen) < _LIMIT:
            b, at = stack.pop()
            if id(b) in seen:
                continue
            seen.add(id(b))
            when = at if b.joined else b.seq
            if b.opaque or "from-call-sites" in b.facts:
                out.append(None)
                continue
            if not b.joined and self.tape not in b.recorded_by:
                out.append(self.unrecorded(b))
                continue
            for e in b.deps:
                if not self.reach(e.binding) and e.binding is not self.key:
                    continue
                if e.cut is not None:
                    out.append(None if e.cut.kind == "meta" else Verdict(
                        "TFG008" if e.cut.kind == "numpy" else "TFG009", self.source,
                        cut=e.cut, zeros=e.cut.kind == "zero"))
                elif e.binding is self.key:
                    out.append(None if self.tracked(when) else self.untracked())
                else:
                    stack.append((e.binding, when))
        return out

    def unrecorded(self, b: Binding) -> Verdict | None:
        if b.seq > self.tape.end and _from_gradient(b, self.tape):
            return Verdict("TFG005", self.source, step=b)
        return Verdict("TFG001", self.source, step=b)

    def untracked(self) -> Verdict | None:
        key = self.key
        if key.kind in PLAIN or (key.kind is Kind.VARIABLE and self.tape.watch_accessed is False):
            return Verdict("TFG003", self.source)
        return None


def _from_gradient(b: Binding, tape: Tape) -> bool:
    """Was this value made from another tape's gradient (the nested-tape pattern)?"""
    stack: list[Binding] = [b]
    seen: set[int] = set()
    while stack and len(seen) < _LIMIT:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if n.kind is Kind.GRADIENT and n.grad is not None and n.grad.tape is not tape:
            return True
        stack.extend(e.binding for e in n.deps)
    return False


def closure(b: Binding) -> tuple[set[int], bool]:
    """Ids of everything b was made from, and whether any of it is not fully known."""
    stack: list[Binding] = [b]
    seen: set[int] = set()
    unsure = False
    while stack:
        n = stack.pop()
        if id(n) in seen:
            continue
        seen.add(id(n))
        if len(seen) > _LIMIT:
            return seen, True
        # A parameter (or anything unknown) may be the source itself under another name.
        unsure = unsure or n.opaque or n.kind in (Kind.UNKNOWN, Kind.PARAM) or (
            "unknown-callee" in n.facts)
        stack.extend(e.binding for e in n.deps)
    return seen, unsure


def _unconnected(target: Binding, source: Binding, key: Binding) -> bool:
    """The target provably does not depend on the source (TFG011)."""
    fresh = key.kind in (Kind.CONST, Kind.VARIABLE, Kind.FROZEN) or (
        source.model_of is not None and key.kind is Kind.MODEL)
    if not fresh or key.opaque or key.escaped or key.joined and key.kind is not Kind.MODEL:
        return False
    if key.kind is Kind.CONST and any(e.binding.kind not in PLAIN for e in key.deps):
        return False  # a tensor op on something else might hand back that very object
    seen, unsure = closure(target)
    if unsure or id(key) in seen:
        return False
    if source.model_of is not None:
        made_from, key_unsure = closure(key)
        made_from.discard(id(key))
        if key_unsure or made_from & seen:
            return False
        if _closure_kinds(target) & {Kind.PARAM, Kind.PHI}:
            return False
    return True


def _closure_kinds(b: Binding) -> set[Kind]:
    stack: list[Binding] = [b]
    seen: set[int] = set()
    kinds: set[Kind] = set()
    while stack:
        n = stack.pop()
        if id(n) in seen or len(seen) > _LIMIT:
            continue
        seen.add(id(n))
        kinds.add(n.kind)
        stack.extend(e.binding for e in n.deps)
    return kinds
