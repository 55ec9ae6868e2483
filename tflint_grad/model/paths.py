"""Queries on the model: does a gradient reach its source through recorded, differentiable steps,
and if not, why not -- in the model's own terms (`Why`); the rules map each reason to a code."""
from __future__ import annotations

import enum
from bisect import bisect_left
from dataclasses import dataclass

from tflint_grad.model.scope import (PLAIN, Binding, Cut, CutKind, Edge, GradientCall, Kind, Reach,
                                     Tape, Through)

_LIMIT = 4000  # nodes visited per query: real scopes are far smaller
# Ops with no gradient that the tape still records: their outputs are tracked tensors.
_RECORDED_CUTS = frozenset({"tf.round", "tf.floor", "tf.ceil", "tf.sign", "tf.math.round",
                            "tf.math.floor", "tf.math.ceil", "tf.math.sign", "//",
                            "tf.raw_ops.Round", "tf.raw_ops.Floor", "tf.raw_ops.Ceil",
                            "tf.raw_ops.Sign"})


class Why(enum.Enum):
    """Why a gradient call gets no gradient for one source."""

    RECORDED_ONLY_BEFORE_TAPE = "a step on every path ran before the tape started recording"
    RECORDED_AFTER_BLOCK = "a step on every path ran after the tape's block ended"
    RECORDED_AFTER_OUTER_BLOCK = ("a step built from an inner tape's gradient ran after the outer "
                                  "tape's block ended")
    NEVER_WATCHED = "the source is a plain value the tape never watched"
    LEFT_TENSORFLOW = "every path leaves TensorFlow inside the tape"
    OP_WITHOUT_GRADIENT = "every path goes through an op without a gradient"
    OP_WITH_ZERO_GRADIENT = "every path goes through an op whose gradient is zero"
    THROUGH_ASSIGN = "every path goes through a Variable.assign"
    THROUGH_DATASET = "every path goes through a tf.data pipeline"
    INTEGER_DTYPE = "the source has an integer dtype"
    NOT_CONNECTED = "the target does not depend on the source"


# When several paths break for different reasons, the one reported: the most specific first
# (equal ranks keep the order the paths were found in).
_RANK = {Why.RECORDED_AFTER_OUTER_BLOCK: 0, Why.RECORDED_ONLY_BEFORE_TAPE: 1,
         Why.RECORDED_AFTER_BLOCK: 1, Why.LEFT_TENSORFLOW: 2, Why.OP_WITHOUT_GRADIENT: 3,
         Why.OP_WITH_ZERO_GRADIENT: 3, Why.THROUGH_ASSIGN: 3, Why.THROUGH_DATASET: 3,
         Why.NEVER_WATCHED: 4}
_BY_CUT = {CutKind.LEFT_TENSORFLOW: Why.LEFT_TENSORFLOW, CutKind.NO_GRADIENT:
           Why.OP_WITHOUT_GRADIENT, CutKind.ZERO_GRADIENT: Why.OP_WITH_ZERO_GRADIENT,
           CutKind.ASSIGNED: Why.THROUGH_ASSIGN, CutKind.DATASET: Why.THROUGH_DATASET}


@dataclass(frozen=True, slots=True)
class NoGradient:
    """Why a gradient call returns None (or zeros) for one source."""

    why: Why
    source: Binding
    step: Binding | None = None   # the step taken while the tape was not recording
    cut: Cut | None = None        # the op that carries no gradient

    @property
    def zeros(self) -> bool:
        """The gradient is a zero tensor rather than None."""
        return self.why is Why.OP_WITH_ZERO_GRADIENT


def reach_through(edges: list[Edge], target: Binding) -> Reach:
    """Ignoring tapes, how `edges` reach `target`: cleanly, not at all, or through one cut."""
    memo: dict[int, Reach] = {}

    def go(b: Binding, depth: int) -> Reach:
        if b is target:
            return Through.CLEAN
        if id(b) in memo or depth > 200:
            return memo.get(id(b), Through.ABSENT)
        memo[id(b)] = Through.ABSENT
        memo[id(b)] = best([(e.cut, go(e.binding, depth + 1)) for e in b.deps])
        return memo[id(b)]

    return best([(e.cut, go(e.binding, 0)) for e in edges])


def best(results: list[tuple[Cut | None, Reach]]) -> Reach:
    """Combine paths: any clean path wins; else the first real cut; else absent."""
    cuts: list[Cut] = []
    for cut, sub in results:
        if sub is Through.ABSENT:
            continue
        if cut is None and sub is Through.CLEAN:
            return Through.CLEAN
        found = cut if cut is not None else sub
        if isinstance(found, Cut):
            cuts.append(found)
    real = [c for c in cuts if c.kind is not CutKind.META]
    chosen = real or cuts
    return chosen[0] if chosen else Through.ABSENT


class Order:
    """Which bindings cannot depend on a given one, from the order bindings were made in.

    A binding's deps were made before it, so along deps the creation rank falls, except on the
    edges added later ("late" edges: a loop head's back edge, a parameter typed from its callers).
    A binding ranked below `floor(key)` cannot reach `key` even through late edges, so the path
    queries skip it: without this, each gradient call in a long function walked everything the
    function computed before it, and the cost grew with the square of the function."""

    def __init__(self) -> None:
        self.seen: set[int] = set()
        self.late: list[tuple[int, int]] = []   # (rank of the dep, rank of its user), sorted
        self.dep_ranks: list[int] = []
        self.lowest_user: list[int] = []        # min user rank over late[i:]
        self.floors: dict[int, int] = {}

    def include(self, b: Binding) -> None:
        """Scan what b is made from for late edges (once per binding)."""
        if id(b) in self.seen:
            return
        stack, found = [b], False
        while stack:
            n = stack.pop()
            if id(n) in self.seen:
                continue
            self.seen.add(id(n))
            for e in n.deps:
                if e.binding.rank > n.rank:
                    self.late.append((e.binding.rank, n.rank))
                    found = True
                stack.append(e.binding)
        if found:
            self.late.sort()
            self.dep_ranks = [d for d, _ in self.late]
            lowest, low = [0] * len(self.late), 1 << 62
            for i in range(len(self.late) - 1, -1, -1):
                low = min(low, self.late[i][1])
                lowest[i] = low
            self.lowest_user = lowest
            self.floors.clear()

    def floor(self, key: Binding) -> int:
        """Bindings ranked below this cannot depend on `key`."""
        k = key.rank
        if k not in self.floors:
            t = k
            while True:  # lower t while a late edge climbs from below t to t or above
                i = bisect_left(self.dep_ranks, t)
                if i == len(self.dep_ranks) or self.lowest_user[i] >= t:
                    break
                t = self.lowest_user[i]
            self.floors[k] = t
        return self.floors[k]


class Paths:
    """Verdicts for the gradient calls of one model, memoized."""

    def __init__(self) -> None:
        self.verdicts: dict[tuple[int, int], NoGradient | None] = {}
        self.order = Order()

    def verdict(self, gc: GradientCall, index: int) -> NoGradient | None:
        """The reason source `index` of this call gets no gradient, or None if it may get one."""
        key = (id(gc), index)
        if key not in self.verdicts:
            self.verdicts[key] = None
            self.verdicts[key] = self._verdict(gc, index)
        return self.verdicts[key]

    def is_none(self, b: Binding) -> NoGradient | None:
        """If this binding certainly holds None (a failed gradient), the verdict that says so."""
        gc = b.grad
        if b.kind is not Kind.GRADIENT or gc is None:
            return None
        if b.grad_index is None and not gc.single_source:
            return None
        v = self.verdict(gc, b.grad_index or 0)
        return v if v is not None and not v.zeros and gc.method != "batch_jacobian" else None

    def _verdict(self, gc: GradientCall, index: int) -> NoGradient | None:
        source = gc.sources[index] if index < len(gc.sources) else None
        target, tape = gc.target, gc.tape
        if source is None or target is None or gc.unconnected_zero:
            return None
        if target.kind is Kind.GRADIENT and self.is_none(target) is not None:
            return None  # the use of the None raises first, and is what to report
        if target.none_from is not None:
            return None  # the target is None itself: the gradient call raises
        if source.int_dtype and not source.opaque:
            return NoGradient(Why.INTEGER_DTYPE, source)
        key = source.model_of or source
        if target is key or target is source:
            return None
        self.order.include(target)
        self.order.include(key)
        reach = _Reach(key, self.order.floor(key))
        if not reach(target):
            return NoGradient(Why.NOT_CONNECTED, source) if _unconnected(target, source, key) else None
        search = _Search(tape, key, source, reach)
        if search.clean(target, 0, target.seq):
            return None
        failures = search.failures(target)
        if not failures or any(f is None for f in failures):
            return None
        known = [f for f in failures if f is not None]
        known.sort(key=lambda v: _RANK[v.why])
        return known[0]


class _Reach:
    """Does a binding depend on `key` at all (through any edge)?"""

    def __init__(self, key: Binding, floor: int) -> None:
        self.key, self.floor = key, floor
        self.memo: dict[int, bool] = {}

    def __call__(self, b: Binding) -> bool:
        if b.rank < self.floor:
            return False
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
                if e.binding.rank >= self.floor:
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
                w.binding is self.key for w in self.tape.watches)
        return self._tracked(self.key, at, 0)

    def _tracked(self, b: Binding, at: int, depth: int) -> bool:
        tape = self.tape
        if tape.watch_unknown or b.opaque or b.joined or depth > 50:
            return True
        if any(w.binding is b and w.seq < at for w in tape.watches):
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
        if b.opaque or b.from_call_sites:
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

    def failures(self, target: Binding) -> list[NoGradient | None]:
        """The first broken step on each path from target to source (None: cannot say)."""
        out: list[NoGradient | None] = []
        seen: set[int] = set()
        stack = [(target, target.seq)]
        while stack and len(out) < 50 and len(seen) < _LIMIT:
            b, at = stack.pop()
            if id(b) in seen:
                continue
            seen.add(id(b))
            when = at if b.joined else b.seq
            if b.opaque or b.from_call_sites:
                out.append(None)
                continue
            if not b.joined and self.tape not in b.recorded_by:
                # A dataset made before the tape: recording it would not help, its op is the cut.
                cut = next((e.cut for e in b.deps if e.cut is not None and e.cut.kind is
                            CutKind.DATASET and self.reach(e.binding)), None) if b.dataset else None
                out.append(NoGradient(Why.THROUGH_DATASET, self.source, cut=cut) if cut
                           else self.unrecorded(b))
                continue
            for e in b.deps:
                if not self.reach(e.binding) and e.binding is not self.key:
                    continue
                if e.cut is not None:
                    out.append(None if e.cut.kind is CutKind.META else NoGradient(
                        _BY_CUT[e.cut.kind], self.source, cut=e.cut))
                elif e.binding is self.key:
                    out.append(None if self.tracked(when) else self.untracked())
                else:
                    stack.append((e.binding, when))
        return out

    def unrecorded(self, b: Binding) -> NoGradient | None:
        if b.seq > self.tape.end and _from_gradient(b, self.tape):
            return NoGradient(Why.RECORDED_AFTER_OUTER_BLOCK, self.source, step=b)
        if b.seq < self.tape.start:
            return NoGradient(Why.RECORDED_ONLY_BEFORE_TAPE, self.source, step=b)
        return NoGradient(Why.RECORDED_AFTER_BLOCK, self.source, step=b)

    def untracked(self) -> NoGradient | None:
        key = self.key
        if key.kind in PLAIN or (key.kind is Kind.VARIABLE and self.tape.watch_accessed is False):
            return NoGradient(Why.NEVER_WATCHED, self.source)
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
            n.unknown_callee)
        stack.extend(e.binding for e in n.deps)
    return seen, unsure


def _unconnected(target: Binding, source: Binding, key: Binding) -> bool:
    """The target provably does not depend on the source."""
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
