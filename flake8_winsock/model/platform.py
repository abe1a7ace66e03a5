"""Platform tests: which code can only run on POSIX, so that C runtime calls there are fine.

``sys.platform == "win32"``, ``os.name != "nt"``, ``sys.platform.startswith(("linux",
"darwin"))``, ``platform.system() == "Windows"``, ``hasattr(os, "fork")`` become ``Guard``
values, and ``match sys.platform:`` cases guards of their own; flow turns them into facts.
The test marks that skip a test (``unittest.skipIf(...)``, ``pytest.mark.skipif(...)``,
also kept in a name or in ``pytestmark``) become ``Skip`` values, and so do the
POSIX-only decorators a library or the project names.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional, Sequence

import libcst as cst

from .. import catalog
from .syntax import argument, string
from .values import Forked, Guard, Ref, Skip, Sock, Tup, Value

Evaluate = Callable[[Optional[cst.BaseExpression]], Value]


def guard_for(windows: list[bool]) -> Optional[Guard]:
    """The guard for "the platform is one of these", given which of them are Windows.

    True says POSIX only if none of them is Windows; false says POSIX as soon as one
    is (``sys.platform.startswith(("win", "cygwin"))``: false is neither, so POSIX).
    """
    if not windows:
        return None
    true = False if all(windows) else True if not any(windows) else None
    return Guard(when_true=true, when_false=True if any(windows) else None)


def both(a: Value, b: Value) -> Optional[Guard]:
    """``a and b`` for flags (``IS_POSIX = os.name == "posix" and not IS_MAC``): true says
    what either says (the right side last); false holds when ``a`` is false, or ``a`` true
    and ``b`` false, so it says what both those say."""
    if not isinstance(a, Guard) and not isinstance(b, Guard):
        return None
    left, right = _as_guard(a), _as_guard(b)
    true = right.when_true if right.when_true is not None else left.when_true
    false_after_true = right.when_false if right.when_false is not None else left.when_true
    return Guard(true, left.when_false if left.when_false == false_after_true else None)


def either(a: Value, b: Value) -> Optional[Guard]:
    """``a or b`` for flags: ``not (not a and not b)``."""
    flipped = both(_flipped(a), _flipped(b))
    return flipped.negated() if flipped is not None else None


def _as_guard(value: Value) -> Guard:
    return value if isinstance(value, Guard) else Guard(None, None)


def _flipped(value: Value) -> Value:
    return value.negated() if isinstance(value, Guard) else value


class Platform:
    def __init__(self, evaluate: Evaluate, posix_decorators: frozenset[str]) -> None:
        self.evaluate = evaluate
        self.posix_decorators = posix_decorators
        # Set by the model: whether one of the module's own decorators lets what it decorates
        # run on POSIX only (``decorators``).
        self.judge: Callable[[cst.BaseExpression], bool] = lambda expression: False

    def constant(self, node: cst.BaseExpression) -> Optional[bool]:
        """``True``, ``False``, ``TYPE_CHECKING`` (false at run time), and ``not`` of one."""
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            inner = self.constant(node.expression)
            return None if inner is None else not inner
        if isinstance(node, cst.Name) and node.value in ("True", "False"):
            return node.value == "True"
        value = self.evaluate(node) if isinstance(node, (cst.Name, cst.Attribute)) else None
        return catalog.RUNTIME_CONSTANTS.get(value.qualname) if isinstance(value, Ref) else None

    def decided(self, node: cst.BaseExpression) -> cst.BaseExpression:
        """``a and b`` or ``a or b`` with a side whose value is known: the side that decides
        (``sys.platform == "win32" and not TYPE_CHECKING`` is the platform test)."""
        if not isinstance(node, cst.BooleanOperation):
            return node
        neutral = isinstance(node.operator, cst.And)  # (``x and True`` is x, ``x or False`` is x)
        if self.constant(node.right) is neutral:
            return self.decided(node.left)
        if self.constant(node.left) is neutral:
            return self.decided(node.right)
        return node

    def probe(self, node: cst.BaseExpression) -> Optional[str]:
        """The Windows prefix of a platform probe (``sys.platform``, ``os.name``, ...)."""
        called = isinstance(node, cst.Call) and not node.args
        value = self.evaluate(node.func if isinstance(node, cst.Call) and called else node)
        if not isinstance(value, Ref):
            return None
        return catalog.PLATFORM_PROBES.get(value.qualname + ("()" if called else ""))

    def comparison(self, node: cst.Comparison) -> Optional[Guard]:
        """``sys.platform == "win32"``, ``os.name != "nt"``, ``sys.platform in (...)``; ``pid == 0``
        after ``pid = os.fork()`` (true in the child only, and there is no fork on Windows)."""
        if len(node.comparisons) != 1:
            return None
        operator, other = node.comparisons[0].operator, node.comparisons[0].comparator
        if isinstance(other, cst.Integer) and other.value == "0" and isinstance(self.evaluate(node.left), Forked):
            child = Guard(when_true=True, when_false=None)  # ``pid == 0``: a fork's child
            return child if isinstance(operator, cst.Equal) else child.negated() if isinstance(operator, cst.NotEqual) else None
        marker = self.probe(node.left)
        if marker is None:
            return None
        literals = _strings(other)
        if literals is None:
            return None
        guard = guard_for([literal.startswith(marker) for literal in literals])
        if isinstance(operator, (cst.NotEqual, cst.NotIn)):
            return guard.negated() if guard else None
        return guard if isinstance(operator, (cst.Equal, cst.In)) else None

    def case(self, subject: cst.BaseExpression, pattern: cst.MatchPattern) -> Optional[Guard]:
        """The guard of a ``case`` of ``match sys.platform:`` (``case "linux" | "darwin":``)."""
        marker = self.probe(subject)
        options = pattern.patterns if isinstance(pattern, cst.MatchOr) else [pattern]
        literals = []
        for option in options:
            value = option.pattern if isinstance(option, cst.MatchOrElement) else option
            text = string(value.value) if isinstance(value, cst.MatchValue) else None
            if marker is None or text is None:
                return None
            literals.append(text)
        return guard_for([literal.startswith(marker) for literal in literals]) if marker else None

    def is_call(self, qualname: str) -> bool:
        return (
            qualname in ("hasattr", *catalog.PLATFORM_TEST_CALLS, *catalog.SKIP_IF, *catalog.SKIP_UNLESS, *catalog.FORKS)
            or qualname.endswith(".startswith")
        )

    def call(self, qualname: str, node: cst.Call) -> Value:
        """``sys.platform.startswith("win")``, ``hasattr(os, "fork")``, ``platform.isWindows()``,
        and the test marks ``unittest.skipIf(cond, ...)``, ``pytest.mark.skipif(cond, ...)``."""
        if qualname in catalog.PLATFORM_TEST_CALLS:
            return guard_for([catalog.PLATFORM_TEST_CALLS[qualname]])
        if qualname in catalog.FORKS:  # ``os.fork()``, ``pid, fd = pty.fork()``
            place = catalog.FORKS[qualname]
            return Forked() if place is None else Tup(tuple(Forked() if i == place[0] else None for i in range(place[1])))
        if qualname in catalog.SKIP_IF or qualname in catalog.SKIP_UNLESS:
            condition = argument(node, 0, "condition")
            text = string(condition)
            if text is not None:  # ``skipif("sys.platform == 'win32'")``: pytest evaluates the string
                try:
                    condition = cst.parse_expression(text)
                except Exception:
                    return None
            guard = self.evaluate(condition)
            if not isinstance(guard, Guard):
                return None
            runs_if = guard.when_false if qualname in catalog.SKIP_IF else guard.when_true
            return Skip(runs_if is True)
        if qualname == "hasattr":
            module, name = self.evaluate(argument(node, 0)), string(argument(node, 1))
            if isinstance(module, Ref) and f"{module.qualname}.{name}" in catalog.POSIX_ONLY:
                return Guard(when_true=True, when_false=None)
            return None
        if qualname.endswith(".startswith"):
            literals = _strings(argument(node, 0))
            marker = catalog.PLATFORM_PROBES.get(qualname[: -len(".startswith")])
            return guard_for([text.startswith(marker) for text in literals]) if marker and literals else None
        return None

    def family(self, qualname: str, node: cst.Call, receiver: Value, made: Value) -> Value:
        """The sockets a call makes, of a family that exists on POSIX only when the call says
        so (``socket.socket(socket.AF_UNIX)``) or its socket is one (``unix.accept()``)."""
        posix = isinstance(receiver, Sock) and receiver.posix
        if not posix and qualname in catalog.SOCKET_FAMILIES:
            family = self.evaluate(argument(node, *catalog.SOCKET_FAMILIES[qualname]))
            posix = isinstance(family, Ref) and family.qualname in catalog.POSIX_FAMILIES
        return _of_posix_family(made) if posix else made

    def posix_only(self, value: Value) -> bool:
        """Whether a decorator or a mark (or a list of them) skips everywhere but on POSIX."""
        if isinstance(value, Skip):
            return value.posix
        if isinstance(value, Ref):
            return value.qualname in self.posix_decorators
        if isinstance(value, Tup):
            return any(self.posix_only(item) for item in value.items)
        return False

    def marked(self, expression: cst.BaseExpression) -> bool:
        """``pytestmark = [pytest.mark.skipif(...), ...]``: any of the marks skips but on POSIX."""
        if isinstance(expression, (cst.List, cst.Tuple)):
            return any(self.marked(element.value) for element in expression.elements)
        return self.skips_but_posix(expression)

    def decorated_posix(self, decorators: Sequence[cst.Decorator]) -> bool:
        """A test skipped unless on POSIX: ``@unittest.skipIf(sys.platform == "win32", ...)``,
        ``@skip_on_windows`` (a name for one), ``@skipIfNonUnix`` (a library's),
        ``@skipOnWindows("reason")`` (a library's, given its reason), ``@posix_only`` (the
        module's own, whose wrapper refuses Windows)."""
        return any(self.skips_but_posix(decorator.decorator) for decorator in decorators)

    def skips_but_posix(self, expression: cst.BaseExpression) -> bool:
        if self.posix_only(self.evaluate(expression)):
            return True
        if isinstance(expression, cst.Call):  # a POSIX-only decorator given its reason
            callee = self.evaluate(expression.func)
            if isinstance(callee, Ref) and callee.qualname in self.posix_decorators:
                return True
        return self.judge(expression)


def _of_posix_family(value: Value) -> Value:
    if isinstance(value, Sock):
        return replace(value, posix=True)
    return Tup(tuple(_of_posix_family(item) for item in value.items)) if isinstance(value, Tup) else value


def _strings(node: Optional[cst.BaseExpression]) -> Optional[list[str]]:
    """A string literal's value, or a tuple's, list's or set's of them."""
    if isinstance(node, (cst.Tuple, cst.List, cst.Set)):
        found = [string(element.value) for element in node.elements]
        return [text for text in found if text is not None] if None not in found else None
    text = string(node)
    return [text] if text is not None else None
