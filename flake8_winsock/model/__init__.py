"""The semantic model: what each expression of a module may hold, and where it came from.

It reports nothing. A rule listens to the calls the model meets (``CallListener``)
and asks it questions: what a value is (``value``), what a call calls
(``invocations``), what a callee resolves to (``sink``), whether the code runs on
POSIX only (``posix_only``). Where a value becomes a socket is
``evaluate``; the flow of statements is ``flow``; functions and classes run in
``scopes``.
"""

from __future__ import annotations

from typing import Callable, Optional

import libcst as cst

from .. import catalog
from .binding import Binder
from .decorators import Decorators
from .evaluate import Evaluator
from .flow import CallListener, Statements
from .program import Program
from .scopes import Runner
from .state import State, Summarising
from .syntax import Invocation
from .values import Origin, Value, origin_of

__all__ = ["CallListener", "Model", "Summarising", "origin_of"]


class Model:
    def __init__(self, knowledge: catalog.Knowledge = catalog.CATALOG) -> None:
        self.knowledge = knowledge
        self.start(State())

    def start(self, state: State) -> None:
        self.state = state
        self.program = Program()
        self.evaluator = Evaluator(self.state, self.program, self.knowledge)
        self.statements = Statements(self.state, self.program, self.evaluator, Binder(self.state, self.evaluator))
        self.runner = Runner(self.statements)
        self.evaluator.platform.judge = Decorators(self.runner).posix_only

    def run(self, module: cst.Module, listener: Optional[CallListener] = None) -> None:
        """Run the module's statements, then its functions and classes, telling ``listener`` of
        every call; once more if a container was read before the module put into it."""
        self.statements.listener = listener
        self.runner.run_module(module)
        if not self.state.contents.settled():
            self.start(State(contents=self.state.contents.again()))
            self.statements.listener = listener
            self.runner.run_module(module)
        self.state.spoiled |= self.state.contents.spoiled()

    def run_body(self, module: cst.Module, listener: Optional[CallListener] = None) -> None:
        """Run the module's statements only: its functions and classes are run (``run_work``)
        and summarised when a summary of the module asks."""
        self.statements.listener = listener
        self.runner.run_module(module, body_only=True)

    def run_work(self, key: str) -> None:
        """Run the queued function or class ``key`` (once) after ``run_body``."""
        for work in self.program.queue:
            if work.key == key and key not in self.program.done:
                self.runner.run(work)
                return

    # --- Questions a rule asks while a call is met -----------------------------------------

    def value(self, node: Optional[cst.BaseExpression]) -> Value:
        return self.evaluator.value_of(node)

    def sinks(self, callee: Value, evidence: Callable[[], bool] = lambda: True) -> list[catalog.Sink]:
        """The sinks a call of ``callee`` is; ``evidence`` says whether the call is given a
        socket or a handle at all (asked before a summary is made for the answer)."""
        return self.evaluator.calls.sinks_of(callee, evidence)

    def project_names(self) -> frozenset[str]:
        """The module's names that its imports of the project's modules bind."""
        project = self.knowledge.project
        return project.names if project is not None else frozenset()

    def invocations(self, node: cst.Call) -> list[Invocation]:
        """What the call calls: itself, and what it is given to call (``Thread(target=...)``)."""
        return self.evaluator.calls.invocations(node)

    def keywords(self, value: Value) -> Optional[dict[str, Value]]:
        """A dictionary's entries by their string keys (what ``**value`` passes), if known."""
        return self.evaluator.containers.keywords(value)

    def posix_only(self) -> bool:
        return self.state.posix_only_here()

    def summarising(self) -> Optional[Summarising]:
        """The summary being made, while a function runs only to be summarised."""
        return self.state.summarising()

    def origin(self, text: str, node: cst.CSTNode) -> Origin:
        return self.state.origin(text, node)

    def report(self, item: object) -> None:
        """Keep what a rule found here; a run taken back (a class round that did not settle,
        a function run again with more given) takes it back."""
        self.state.reports.setdefault(self.state.run, []).append(item)

    # --- After the run ------------------------------------------------------------------

    @property
    def reports(self) -> list[object]:
        return [item for items in self.state.reports.values() for item in items]

    @property
    def too_deep(self) -> list[int]:
        """Module-level statements (by index) holding nesting too deep to follow."""
        return self.state.too_deep

    def spoiled(self, value: Value) -> bool:
        """Whether ``value`` was taken from a container that was later given something else."""
        from .values import Handle, Sock

        return isinstance(value, (Sock, Handle)) and bool(origin_of(value).via & self.state.spoiled)
