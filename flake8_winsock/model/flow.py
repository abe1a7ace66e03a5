"""Statement flow: the LibCST visitor that runs a module's statements in order.

Statements run in a ``Frame``-like ``Env``; branches run from copies and merge where
they meet; loops merge their exits; ``return``/``raise``/``break`` end a path.
Function and class definitions are registered in the ``Program`` (``definitions``;
their bodies run later, in ``scopes``). Every call is handed to the rules' listener as it is met.
"""

from __future__ import annotations

from typing import Optional, Protocol, Sequence, Union

import libcst as cst

from .. import catalog
from . import patterns
from .binding import Binder
from .definitions import Definitions
from .evaluate import Evaluator
from .frames import Env, merge
from .posix import PosixFacts
from .program import Program
from .state import State
from .syntax import dotted
from .values import NONE, OTHER, Bag, Inst, Many, Ref, Sock, Value
from .walker import Walker

_ADDING = (cst.AddAssign, cst.BitOrAssign, cst.BitXorAssign)  # ``c += ...`` and the like put into ``c``


class CallListener(Protocol):
    def on_call(self, node: cst.Call) -> None: ...


class Statements(Definitions, PosixFacts):
    def __init__(self, state: State, program: Program, evaluator: Evaluator, binder: Binder) -> None:
        super().__init__()
        self.state, self.program, self.evaluator, self.binder = state, program, evaluator, binder
        self.listener: Optional[CallListener] = None

    # --- Running ---------------------------------------------------------------------

    def run_block(self, statements: Sequence[cst.CSTNode]) -> None:
        for statement in statements:
            saved = self.state.env
            try:
                self.walk(statement)
            except RecursionError:
                # Nesting too deep to follow: note it, forget what it bound, go on.
                self.state.env = saved
                self.state.too_deep.append(self.state.top)

    def run_body(self, body: cst.BaseSuite) -> None:
        self.run_block(body.body)

    def branch(self, env: Env, body: Optional[cst.CSTNode]) -> Env:
        """Run ``body`` (a suite, an ``Else``, an ``If``) from a copy of ``env``."""
        self.state.env = env.copy()
        if isinstance(body, cst.If):
            self.walk(body)
        elif isinstance(body, cst.Else):
            self.run_body(body.body)
        elif isinstance(body, cst.BaseSuite):
            self.run_body(body)
        return self.state.env

    # --- Simple statements -------------------------------------------------------------

    def visit_Import(self, node: cst.Import) -> bool:
        self.binder.bind_import(node)
        self.after_import(node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self.binder.bind_import(node)
        self.after_import(node)
        return False

    def leave_Assign(self, node: cst.Assign) -> None:
        value = self.evaluator.value_of(node.value)
        for target in node.targets:
            self.binder.bind(target.target, value)
            if isinstance(target.target, cst.Name):
                self.marks(target.target.value, node.value)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        value = self.evaluator.value_of(node.value)
        if not isinstance(value, (Sock, Many)):
            what = f"'{dotted(node.target) or 'attribute'}'"
            declared = self.evaluator.classes.annotated(node.annotation.annotation, what, node)
            if not (isinstance(value, Bag) and isinstance(declared, Inst)):  # a TypedDict's literal: its entries
                value = value if declared is None else declared
            self.binder.declare(node.target, declared)
        if node.value is not None or value is not None:
            self.binder.bind(node.target, value)

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        target = self.evaluator.value_of(node.target)
        if isinstance(target, Bag) and isinstance(node.operator, _ADDING):
            self.evaluator.containers.stored(target, None, self.evaluator.value_of(node.value))
            return
        if isinstance(target, Many):  # ``socks += [conn]``: the same container, judged by what goes in
            if isinstance(node.operator, _ADDING):
                containers = self.evaluator.containers
                containers.put(target, [containers.element(self.evaluator.value_of(node.value), None)])
            return
        self.binder.bind(node.target, None)

    def leave_NamedExpr(self, node: cst.NamedExpr) -> None:
        state = self.state
        self.binder.bind(node.target, self.evaluator.value_of(node.value))
        if state.comprehension_scopes:  # it binds in the scope around the comprehension
            inner, state.env = state.env, state.comprehension_scopes[0]
            self.binder.bind(node.target, None)  # per iteration: what it holds after is not known
            state.env = inner

    def leave_Del(self, node: cst.Del) -> None:
        if not isinstance(node.target, cst.Subscript):  # ``del c[i]`` takes out, puts nothing in
            self.binder.bind(node.target, None)

    def visit_Global(self, node: cst.Global) -> bool:
        """``global x`` in a function: what it assigns to ``x`` is the module's (``Evaluator.name``)."""
        if self.state.in_function:
            self.state.global_names.update(item.name.value for item in node.names)
        return False

    def visit_Nonlocal(self, node: cst.Nonlocal) -> bool:
        """``nonlocal x``: what it assigns to ``x`` the other functions around it read too
        (``Evaluator.name``)."""
        for item in node.names:
            self.state.env.bind(item.name.value, None)
            self.state.nonlocal_names.add(item.name.value)
        return False

    def leave_Return(self, node: cst.Return) -> None:
        summary = self.state.summarising()
        if summary is not None:
            summary.returns.append(self.evaluator.value_of(node.value) if node.value is not None else NONE)
        self.state.env.dead = True

    def leave_Yield(self, node: cst.Yield) -> None:
        summary = self.state.summarising()
        if summary is not None:
            value = node.value
            if isinstance(value, cst.From):  # ``yield from socks``: each of its elements
                summary.yields.append(self.evaluator.containers.iterated(value.item))
            else:
                summary.yields.append(self.evaluator.value_of(value) if value is not None else NONE)

    def leave_Raise(self, node: cst.Raise) -> None:
        self.state.env.dead = True

    def leave_Break(self, original_node: cst.Break) -> None:
        self.jump_out_of_loop()

    def leave_Continue(self, original_node: cst.Continue) -> None:
        self.jump_out_of_loop()

    def jump_out_of_loop(self) -> None:
        if self.state.loop_exits:
            self.state.loop_exits[-1].append(self.state.env.copy())
        self.state.env.dead = True

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and (func.attr.value in catalog.CONTAINER_ADDERS or func.attr.value in catalog.MAPPING_PUTS):
            self.evaluator.containers.added(node, func)
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        if name in catalog.ELEMENT_CALLBACK_NAMES or name in catalog.CONTAINER_FUNCTION_NAMES:  # (its name first: no evaluation)
            called = self.evaluator.value_of(func)
            qualname = called.qualname if isinstance(called, Ref) else ""
            if qualname in catalog.ELEMENT_CALLBACKS:  # ``map(lambda s: ..., socks)``
                self.evaluator.containers.give_elements(node, catalog.ELEMENT_CALLBACKS[qualname])
            if qualname in catalog.CONTAINER_FUNCTIONS:  # ``heapq.heappush(heap, item)``, ``insort(xs, x)``
                self.evaluator.containers.put_by_function(node, catalog.CONTAINER_FUNCTIONS[qualname])
        self.evaluator.calls.called(node)
        if self.listener is not None:
            self.listener.on_call(node)

    # --- Compound statements ------------------------------------------------------------

    def visit_If(self, node: cst.If) -> bool:
        self.walk(node.test)
        when_true, when_false = self.binder.narrowing(node.test)
        before = self.state.env
        true_env, false_env = before.copy(), before.copy()
        for key, value in when_true.items():
            true_env.bind(key, value)
        for key, value in when_false.items():
            false_env.bind(key, value)
        self.state.env = merge([self.branch(true_env, node.body), self.branch(false_env, node.orelse)])
        return False

    def visit_Assert(self, node: cst.Assert) -> bool:
        self.walk(node.test)
        self.apply(self.binder.narrowing(node.test)[0])
        return False

    def visit_While(self, node: cst.While) -> bool:
        self.walk(node.test)
        self.run_loop(node, None, None)
        return False

    def visit_For(self, node: cst.For) -> bool:
        self.walk(node.iter)
        self.run_loop(node, node.target, self.evaluator.containers.iterated(node.iter))
        return False

    def run_loop(self, node: Union[cst.For, cst.While], target: Optional[cst.BaseExpression], item: Value) -> None:
        state = self.state
        before = state.env
        state.env = before.copy()
        if target is not None:
            self.binder.bind(target, item)
        state.loop_exits.append([])
        self.run_body(node.body)
        exits = state.loop_exits.pop()
        after = merge([before, state.env, *exits])
        state.env = self.branch(after, node.orelse) if node.orelse is not None else after

    def visit_Try(self, node: Union[cst.Try, cst.TryStar]) -> bool:
        state = self.state
        before = state.env
        after_body = self.branch(before, node.body)
        outcomes = [self.branch(after_body, node.orelse) if node.orelse else after_body]
        for handler in node.handlers:
            state.env = merge([before, after_body])
            state.env.dead = False
            if handler.type is not None:
                self.walk(handler.type)
            if handler.name is not None:
                self.binder.bind(handler.name.name, None)
            self.run_body(handler.body)
            outcomes.append(state.env)
        state.env = merge(outcomes)
        if node.finalbody is not None:
            dead = state.env.dead
            state.env.dead = False
            self.run_body(node.finalbody.body)
            state.env.dead = state.env.dead or dead
        return False

    visit_TryStar = visit_Try

    def visit_Match(self, node: cst.Match) -> bool:
        state, platform = self.state, self.evaluator.platform
        self.walk(node.subject)
        before = state.env
        outcomes = [before]  # no case matched
        others: dict[str, Value] = {}  # what holds once the cases before did not match
        for case in node.cases:
            state.env = before.copy()
            self.apply(others)
            guard = platform.case(node.subject, case.pattern)  # ``case "linux" | "darwin":``
            if guard is not None:
                when_true, when_false = guard.facts()
                self.apply(when_true)
                others = {**others, **when_false}
            for name in _captured(case.pattern):
                state.env.bind(name, None)
            socket_case = patterns.socket_case(self.evaluator, node.subject, case.pattern)  # ``case socket.socket() as s:``
            if socket_case is not None:
                self.binder.bind(socket_case, Sock(state.origin("case socket.socket() pattern", case.pattern)))
                if case.guard is None and dotted(node.subject) and patterns.matches_any_socket(case.pattern):
                    others = {**others, str(dotted(node.subject)): OTHER}  # the cases after it: no socket
            patterns.record_case(self.evaluator, self.binder, node.subject, case.pattern)
            if case.guard is not None:
                self.walk(case.guard)
            self.run_body(case.body)
            outcomes.append(state.env)
        state.env = merge(outcomes)
        return False

    def visit_With(self, node: cst.With) -> bool:
        suppressing = False
        for item in node.items:
            self.walk(item.item)
            if isinstance(item.item, cst.Call) and self.evaluator.names(item.item.func, catalog.SUPPRESSORS):
                suppressing = True  # ``with contextlib.suppress(ImportError):``, as ``try``/``except: pass``
            if item.asname is not None:
                entered = self.evaluator.classes.entered(item.item, node.asynchronous is not None)
                self.binder.bind(item.asname.name, entered)
        if suppressing:
            self.state.env = merge([self.state.env, self.branch(self.state.env, node.body)])
        else:
            self.run_body(node.body)
        return False

    # --- Expressions that open a scope ----------------------------------------------------

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        state = self.state
        saved = state.env
        params = node.params
        every = [*params.posonly_params, *params.params, *params.kwonly_params]
        # A default is what the lambda holds when called as such lambdas are, without it
        # (``lambda fd=s.fileno(): os.close(fd)``): evaluated where it is written.
        defaults = [self.evaluator.value_of(param.default) if param.default is not None else None for param in every]
        state.env = Env(parent=saved)
        given = state.lambda_given.get(id(node), {})  # what a call gives it: ``map(lambda s: ..., socks)``
        for i, (param, default) in enumerate(zip(every, defaults)):
            state.env.bind(param.name.value, given[i] if i in given else default)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                state.env.bind(star.name.value, None)
        self.walk(node.body)
        state.env = saved
        return False

    def _comprehension(self, node: Union[cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp]) -> bool:
        self.binder.comprehension(node, self.walk)
        return False

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension


class _Captures(Walker):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:
            self.names.append(node.name.value)

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self.names.append(node.name.value)

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self.names.append(node.rest.value)


def _captured(pattern: cst.MatchPattern) -> list[str]:
    """The names a ``case`` pattern binds."""
    captures = _Captures()
    captures.walk(pattern)
    return captures.names

