"""Running a module: its body, then its functions and classes, and summaries on demand.

The module body runs first. Function bodies then run with the module's final frame
as their globals, and each parameter bound to what its annotation promises or, else,
to what the module's own calls give it (``FuncInfo.given``, the first evidence
seen): a function that a call gives more runs again, and what the rules reported in
its earlier run is taken back. The methods of a class run together, as often as it
takes for what they store on ``self`` to settle (at most ``MAX_ROUNDS``). A call of a
module function asks for its ``Summary``, made by running its body once with its
parameters as ``Param`` values, so that the call can put its own arguments in.
"""

from __future__ import annotations

from typing import Optional

import libcst as cst

from .. import catalog
from .flow import Statements
from .frames import Env
from .program import ClassInfo, ClassRun, FuncInfo, FunctionRun, Summary, Work
from .state import State, Summarising
from .syntax import dotted, string
from .values import NONE, POSIX, Bag, Handle, Inst, Origin, Param, Ref, Sock, Tup, Value, given, is_evidence, join, posix_family

MAX_ROUNDS = 4  # runs of a class's methods until ``self`` settles
MAX_RUNS = 4  # runs of a function as its callers give it more


class Runner:
    def __init__(self, statements: Statements) -> None:
        self.statements = statements
        self.state: State = statements.state
        self.program = statements.program
        self.evaluator = statements.evaluator
        self.evaluator.summarise = self.summarise
        self.evaluator.summarise_as = self.summarise_as
        self.instance_summaries: dict[tuple[int, Inst], Summary] = {}  # by call and instance: a method run for it
        self.self_reads: dict[str, frozenset[str]] = {}  # a method -> the attributes of ``self`` it reads
        self.evaluator.fixture = self.fixture
        self.evaluator.give = self.give
        self.evaluator.run_early = self.run_early
        self.runs: dict[str, int] = {}
        self.fixtures: Optional[dict[str, FuncInfo]] = None  # the module's own, by fixture name

    def run_module(self, module: cst.Module, body_only: bool = False) -> None:
        """The module's statements, then (unless ``body_only``: a summary runs what it needs
        on demand) its functions and classes."""
        state, program = self.state, self.program
        state.contents.begin(state.run)
        for state.top, statement in enumerate(module.body):
            state.env_at_module_level = state.env
            self.statements.run_block([statement])
        state.contents.commit(state.run)
        state.module_env = state.env
        state.module_env.dead = False
        while not body_only and (program.queue or program.again):
            work = program.queue.popleft() if program.queue else program.again.popitem()[1]
            if program.again.pop(work.key, None) is not None and work.key not in program.done:
                pass  # queued and asked for again: one run does
            if self.runs.get(work.key, 0) >= MAX_RUNS:
                continue
            self.run(work)

    def run(self, work: Work) -> None:
        state, program = self.state, self.program
        self.runs[work.key] = self.runs.get(work.key, 0) + 1
        state.reports.pop(work.key, None)  # an earlier run's
        state.contents.begin(work.key)
        program.done[work.key] = work
        saved = (state.top, state.run)
        state.top, state.run = work.top, work.key
        parent = work.parent or state.module_env
        assert parent is not None
        if isinstance(work, FunctionRun):
            self.run_function(work.info, parent, work.posix)
        else:
            self.run_class(work, parent)
        state.contents.commit(work.key)
        state.top, state.run = saved

    def run_early(self, key: str) -> None:
        """The class ``key``'s work now, while the module's body runs: the body reads what its
        instances hold (``link = Client(host)`` then ``link.sock``), which its methods store.
        Its methods see what the module has bound so far; the work stays queued, to run
        again once the body has ended (its reports are that run's)."""
        state, program = self.state, self.program
        if state.run or state.summaries or key in program.done:
            return
        for work in program.queue:
            if work.key == key:
                saved = state.module_env
                state.module_env = saved or state.env_at_module_level
                try:
                    self.run(work)
                finally:
                    state.module_env = saved
                return

    def give(self, info: FuncInfo, values: dict[str, Value], hop: Optional[Origin]) -> None:
        """A call gives ``info``'s parameters these values: keep the first evidence each gets, or
        a socket of any family where it had one of a POSIX-only family (``hop`` the module's
        call that gives them; None: a library's call, its values made there)."""
        if self.state.summaries:
            return  # a summary's values stand for any call: they give nothing
        changed = False
        for name, value in values.items():
            known = info.given.get(name)
            if is_evidence(value) and (not is_evidence(known) or posix_family(known) > posix_family(value)):
                info.given[name] = given(value, hop) if hop is not None else value
                changed = True
        if changed:
            self.program.rerun(info.owner.key if info.owner is not None else info.key)

    def summarise(self, info: FuncInfo) -> Summary:
        """What a call of the function returns, with ``Param`` for the call's arguments."""
        if info.summary is None:
            summary = self.summary(info, None)
            if summary is None:
                return Summary()  # recursion: what is known so far is nothing
            info.summary = summary
        return info.summary

    def summarise_as(self, info: FuncInfo, receiver: Inst, node: cst.Call) -> Summary:
        """What a method returns called on one instance: run with ``self`` that instance (what
        its constructor call gave the attributes ``__init__`` keeps), when it reads one of them
        (``return self._sock.fileno()`` of a ``Proxy(open(path))``: no handle of a socket)."""
        if info.owner is None or not {name for name, _ in receiver.fields} & self.reads_of_self(info):
            return self.summarise(info)
        key = (id(node), receiver)  # (a rerun of the caller may give the call another instance)
        if key not in self.instance_summaries:
            self.instance_summaries[key] = self.summary(info, receiver) or Summary()
        return self.instance_summaries[key]

    def reads_of_self(self, info: FuncInfo) -> frozenset[str]:
        if info.key not in self.self_reads:
            names = info.positional()
            receiver = names[0] if names and info.takes_receiver else None
            self.self_reads[info.key] = frozenset(
                n.attr.value for n in _attributes(info.node) if isinstance(n.value, cst.Name) and n.value.value == receiver
            )
        return self.self_reads[info.key]

    def summary(self, info: FuncInfo, receiver: Optional[Inst]) -> Optional[Summary]:
        if info.running:
            return None
        state = self.state
        info.running = True
        summarising = Summarising()
        state.summaries.append(summarising)
        saved_top, state.top = state.top, info.top
        try:
            self.run_function(info, info.parent or state.module_frame(), info.posix, receiver=receiver)
        finally:
            state.summaries.pop()
            state.top, info.running = saved_top, False
        returns = _joined(summarising.returns)
        if returns is None and not summarising.yields and all(r is None for r in summarising.returns):
            returns = self.promised(info)  # nothing it returns is known: what its annotation promises
        return Summary(returns, bool(summarising.yields), _joined(summarising.yields), tuple(dict.fromkeys(summarising.sinks)))

    def promised(self, info: FuncInfo) -> Value:
        """What a function's return annotation promises (``-> socket.socket``, an abstract
        property's), read where the function is defined."""
        annotation = info.node.returns
        if annotation is None:
            return None
        state = self.state
        saved, state.env = state.env, info.parent or state.module_frame()
        try:
            promised = self.evaluator.classes.annotated(annotation.annotation, f"what {info.name}() returns", annotation)
        finally:
            state.env = saved
        return promised if is_evidence(promised) else None

    def run_function(
        self, info: FuncInfo, parent: Env, posix: bool, cls: Optional[ClassInfo] = None, bound: Optional[dict[str, Value]] = None,
        receiver: Optional[Inst] = None,
    ) -> None:
        """Run a function's body; a method's ``self`` is an instance of ``cls`` (a class that
        inherits it) or of its own class, or ``receiver``. ``bound``: what its parameters hold,
        whatever else is known (a decorator judged by what it does with the function it is given)."""
        state, node, owner = self.state, info.node, cls or info.owner
        saved = (state.env, state.current_class, state.self_name, state.loop_exits, state.in_function, state.in_class_body, state.top)
        saved_globals, state.global_names = state.global_names, set()
        saved_nonlocals, state.nonlocal_names = state.nonlocal_names, set()
        state.top = info.top  # (an inherited method is defined in another statement)
        state.env, state.in_class_body = Env(parent=parent), False
        if posix:
            state.env.bind(POSIX, True)
        state.current_class, state.self_name, state.loop_exits, state.in_function = owner, None, [], True
        decorators = {dotted(d.decorator) for d in node.decorators}
        is_static = bool(decorators & {"staticmethod", "classmethod"})
        params = node.params
        summarising = bool(state.summaries)
        for i, param in enumerate([*params.posonly_params, *params.params, *params.kwonly_params]):
            name = param.name.value
            value: Value
            if bound is not None:
                value = bound.get(name)
            elif i == 0 and owner is not None and not is_static:
                state.self_name = name
                value = Sock(state.origin(f"{owner.name} instance", param)) if owner.is_socket else receiver or Inst(owner.key)
            elif i == 0 and owner is not None and "classmethod" in decorators:
                value = Ref(owner.key)  # ``cls``: the class, whose attributes its instances share
            else:
                annotation = param.annotation
                value = self.evaluator.classes.annotated(annotation.annotation, f"parameter '{name}'", param) if annotation else None
                if isinstance(value, Bag) and isinstance(info.given.get(name), Bag) and not summarising:
                    value = info.given[name]  # a dictionary a call gives: its entries, not just their types
                if value is None and self.takes_fixtures(info):  # pytest gives it the fixture, always
                    value = self.fixture(name, param)
                if value is None:
                    value = Param(i, False) if summarising else info.given.get(name)
            state.env.bind(name, value)
        for star in (params.star_arg, params.star_kwarg):
            if isinstance(star, cst.Param):
                state.env.bind(star.name.value, None if summarising or bound is not None else info.given.get(star.name.value))
        self.statements.run_body(node.body)
        state.env, state.current_class, state.self_name, state.loop_exits, state.in_function, state.in_class_body, state.top = saved
        state.global_names, state.nonlocal_names = saved_globals, saved_nonlocals

    def takes_fixtures(self, info: FuncInfo) -> bool:
        """pytest gives its fixtures to the parameters of tests and of fixtures."""
        return info.node.name.value.startswith("test") or self.fixture_name(info) is not None

    def fixture_name(self, info: FuncInfo) -> Optional[str]:
        """The name a fixture function gives its fixture, if it is one (``name=`` or its own)."""
        for decorator in info.node.decorators:
            call = decorator.decorator if isinstance(decorator.decorator, cst.Call) else None
            if self.evaluator.names(call.func if call else decorator.decorator, catalog.FIXTURES):
                named = [a.value for a in call.args if a.keyword and a.keyword.value == "name"] if call else []
                return string(named[0]) or info.node.name.value if named else info.node.name.value
        return None

    def fixture(self, name: str, param: cst.CSTNode) -> Value:
        """What the fixture ``name`` gives: the module's own, else a ``conftest.py``'s."""
        fixtures = self.fixtures
        if fixtures is None:
            fixtures = {}
            for info in self.program.functions.values():
                fixture = self.fixture_name(info) if info.owner is None and info.parent is None else None
                if fixture is not None:
                    fixtures.setdefault(fixture, info)
            if self.state.module_env is not None:  # every definition of the module is known
                self.fixtures = fixtures
        own = fixtures.get(name)
        if own is None:
            return self.evaluator.linked.fixture(name, param) if self.evaluator.linked.project else None
        summary = self.summarise(own)
        given = summary.yields if summary.generator else summary.returns
        origin = self.state.origin(f"fixture '{name}'", param)
        if isinstance(given, Sock):
            return Sock(origin)
        if isinstance(given, Handle):
            return Handle(Sock(origin), None)
        return given if isinstance(given, (Inst, Tup)) else None

    def run_class(self, work: ClassRun, parent: Env) -> None:
        """Run the methods together until what they store on ``self`` settles."""
        info = work.info
        before = _evidence(info.attrs)
        try:
            self.rounds(work, parent)
        finally:
            if _evidence(info.attrs) != before:  # what its instances hold changed: who read it runs again
                for reader in info.readers - {work.key}:
                    self.program.rerun(reader)

    def rounds(self, work: ClassRun, parent: Env) -> None:
        state, info = self.state, work.info
        info.attrs = dict(info.declared)
        methods = _resolved(info)
        for _ in range(MAX_ROUNDS):
            reported = state.reports.setdefault(state.run, [])
            mark = (len(reported), len(self.program.queue), len(state.too_deep))
            info.stored = {}
            for method in methods:
                method.summary = None  # what ``self`` holds may have changed
                self.run_function(method, parent, work.posix or method.posix, info)
            settled = {**info.stored, **info.declared}
            if _evidence(settled) == _evidence(info.attrs):
                return
            del reported[mark[0] :], state.too_deep[mark[2] :]
            while len(self.program.queue) > mark[1]:
                self.program.queue.pop()
            state.contents.begin(state.run)
            info.attrs = settled
        for method in methods:  # not settled: run once more with the last facts
            method.summary = None
            self.run_function(method, parent, work.posix or method.posix, info)


def _resolved(info: ClassInfo) -> list[FuncInfo]:
    """The methods an instance of the class has: its own, and those it inherits from the
    module's classes (the first in method resolution order of each name); of its own, every
    one (a name defined twice, ``_`` under ``@describe.register``, runs twice)."""
    found: dict[str, FuncInfo] = {}
    own: list[FuncInfo] = []
    for owner in info.lineage():
        for method in owner.methods:
            if owner is info and method.node.name.value in found:  # ``_`` twice (``@describe.register``): both run
                own.append(method)
            found.setdefault(method.node.name.value, method)
    return list(found.values()) + own


def _joined(values: list[Value]) -> Value:
    joined: Value = NONE
    for value in values:
        joined = join(joined, value)
    return None if joined is NONE else joined


def _evidence(attrs: dict[str, Value]) -> dict[str, type]:
    """What of a class's attribute facts can lead to a finding, for comparing rounds."""
    return {k: type(v) for k, v in attrs.items() if is_evidence(v)}


def _attributes(node: cst.CSTNode) -> list[cst.Attribute]:
    """Every attribute expression in ``node``."""
    found: list[cst.Attribute] = []

    class Collect(cst.CSTVisitor):
        def visit_Attribute(self, attribute: cst.Attribute) -> None:
            found.append(attribute)

    node.visit(Collect())
    return found
