"""Where the statement flow learns that code runs on POSIX only.

A branch's test says it for the branch (``flow``); here are the other ways: the sides of
``and``, ``or`` and conditional expressions, run under what their test says; calls of
what exists on POSIX only (``os.fork()``, ``pytest.importorskip("fcntl")``) and imports
of modules Windows lacks (``import uvloop``), after which the path goes on only on
POSIX; and the test marks a module or class sets (``pytestmark``, Twisted's ``skip``).
``flow.Statements`` derives from it.
"""

from __future__ import annotations

import libcst as cst

from .. import catalog
from .binding import Binder
from .evaluate import Evaluator
from .frames import Env, merge
from .state import Judging, State
from .syntax import dotted, string
from .values import POSIX, Ref, Value
from .walker import Walker


_POSIX_CALL_NAMES = frozenset(q.rsplit(".", 1)[-1] for q in (*catalog.POSIX_ONLY, *catalog.IMPORT_OR_SKIP))
_NO_RETURN_NAMES = frozenset(q.rsplit(".", 1)[-1] for q in catalog.NO_RETURN) | catalog.NO_RETURN_METHODS


class PosixFacts(Walker):
    state: State
    evaluator: Evaluator
    binder: Binder

    def apply(self, facts: dict[str, Value]) -> None:
        for key, value in facts.items():
            self.state.env.bind(key, value)

    # --- Marks ---------------------------------------------------------------------------

    def marks(self, name: str, value: cst.BaseExpression) -> None:
        """``pytestmark = pytest.mark.skipif(sys.platform == "win32", ...)``: the module (or
        class) runs on POSIX only; so does a Twisted test class that sets ``skip`` on Windows."""
        state = self.state
        if name in catalog.MARK_NAMES and self.evaluator.platform.marked(value):
            state.env.bind(POSIX, True)
        elif name == catalog.SKIP_ATTRIBUTE and state.in_class_body and state.env.lookup(POSIX)[0] is False:
            if state.current_class is not None:
                state.current_class.posix = True

    def leave_Call(self, node: cst.Call) -> None:
        """``pid = os.fork()``, ``if os.getuid() == 0:``, ``fcntl = pytest.importorskip("fcntl")``:
        the call succeeded, so the path goes on on POSIX only (where an ``and``, ``or`` or
        conditional expression makes the call, only that side knows it). After a call that
        never returns (``pytest.skip()``, ``sys.exit()``, ``self.skipTest()``), it goes on
        nowhere, as after ``raise``."""
        func = node.func
        if self.state.summaries and isinstance(self.state.summaries[-1], Judging):
            self.judged_call(node, self.state.summaries[-1])
        name = func.attr.value if isinstance(func, cst.Attribute) else func.value if isinstance(func, cst.Name) else None
        if name in _NO_RETURN_NAMES and self.evaluator.never_returns(node):
            self.state.env.dead = True
        if name not in _POSIX_CALL_NAMES:
            return
        callee = self.evaluator.value_of(func)
        if not isinstance(callee, Ref):
            return
        if callee.qualname in catalog.POSIX_ONLY:
            self.state.env.bind(POSIX, True)
        module = string(node.args[0].value) if node.args else None
        if callee.qualname in catalog.IMPORT_OR_SKIP and module is not None and module.split(".")[0] in catalog.POSIX_MODULES:
            self.state.env.bind(POSIX, True)

    def judged_call(self, node: cst.Call, judging: Judging) -> None:
        """In a decorator being judged: a call of the function it decorates, or a call it is
        handed to (but ``functools.wraps(func)``), and whether it runs on POSIX only."""
        evaluate, watched = self.evaluator.value_of, judging.watched
        called = evaluate(node.func) == watched
        if called or (
            any(evaluate(arg.value) == watched for arg in node.args) and not self.evaluator.names(node.func, catalog.WRAPS)
        ):
            judging.calls.append(self.state.posix_only_here())

    def after_import(self, node: cst.Import | cst.ImportFrom) -> None:
        """``import uvloop``, ``from termios import tcgetattr``: a module Windows lacks was
        imported, so the path goes on on POSIX only (the module itself, at its top level)."""
        if isinstance(node, cst.Import):
            names = [dotted(alias.name) for alias in node.names]
        else:
            names = [dotted(node.module)] if node.module is not None and not node.relative else []
        if any(name and name.split(".")[0] in catalog.POSIX_MODULES for name in names):
            self.state.env.bind(POSIX, True)

    # --- Expressions that branch ---------------------------------------------------------

    def visit_BooleanOperation(self, node: cst.BooleanOperation) -> bool:
        """``IS_LINUX and os.fstat(fd)``, ``ON_WINDOWS or os.set_blocking(fd, False)``: the right
        side runs only when the left is true (``and``) or false (``or``), and knows it."""
        self.walk(node.left)
        when_true, when_false = self.binder.narrowing(node.left)
        runs, skipped = (when_true, when_false) if isinstance(node.operator, cst.And) else (when_false, when_true)
        before = self.state.env
        without = self.facing(before, skipped)  # the right side not run: the left decided
        self.meet(before, [without, self.side(before, node.right, runs)])
        return False

    def visit_IfExp(self, node: cst.IfExp) -> bool:
        """``os.read(fd, n) if IS_POSIX else s.recv(n)``: each side knows what the test says."""
        self.walk(node.test)
        when_true, when_false = self.binder.narrowing(node.test)
        before = self.state.env
        self.meet(before, [self.side(before, node.body, when_true), self.side(before, node.orelse, when_false)])
        return False

    def side(self, env: Env, node: cst.BaseExpression, facts: dict[str, Value]) -> Env:
        """Walk an expression that runs only where ``facts`` hold, from a copy of ``env``."""
        self.state.env = self.facing(env, facts) if facts else env.copy()
        self.walk(node)
        return self.state.env

    def facing(self, env: Env, facts: dict[str, Value]) -> Env:
        """``env`` where ``facts`` hold (itself, if there are none)."""
        if not facts:
            return env
        env = env.copy()
        for key, value in facts.items():
            env.bind(key, value)
        return env

    def meet(self, before: Env, paths: list[Env]) -> None:
        """Where the paths of an expression meet; ``before`` again if none of them changed anything
        (most expressions: no new layer for the frame to carry)."""
        if all(path is before or (path.dead == before.dead and not path.changed_keys(before)) for path in paths):
            self.state.env = before
        else:
            self.state.env = merge(paths)
