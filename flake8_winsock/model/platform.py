"""Platform tests: which code can only run on POSIX, so that C runtime calls there are fine.

``sys.platform == "win32"``, ``os.name != "nt"``, ``sys.platform.startswith("linux")``,
``platform.system() == "Windows"``, ``hasattr(os, "fork")`` and the test decorators
that skip on a condition become ``Guard`` values; flow turns them into facts.
"""

from __future__ import annotations

from typing import Callable, Optional, Sequence

import libcst as cst

from .. import catalog
from .syntax import argument, string
from .values import Guard, Ref, Value

Evaluate = Callable[[Optional[cst.BaseExpression]], Value]


def guard_for(windows: list[bool]) -> Optional[Guard]:
    """The guard for "the platform is one of these", given which of them are Windows."""
    if all(windows):
        return Guard(when_true=False, when_false=True)
    if not any(windows):
        return Guard(when_true=True, when_false=None)
    return None


class Platform:
    def __init__(self, evaluate: Evaluate) -> None:
        self.evaluate = evaluate

    def probe(self, node: cst.BaseExpression) -> Optional[str]:
        """The Windows prefix of a platform probe (``sys.platform``, ``os.name``, ...)."""
        called = isinstance(node, cst.Call) and not node.args
        value = self.evaluate(node.func if isinstance(node, cst.Call) and called else node)
        if not isinstance(value, Ref):
            return None
        return catalog.PLATFORM_PROBES.get(value.qualname + ("()" if called else ""))

    def comparison(self, node: cst.Comparison) -> Optional[Guard]:
        """``sys.platform == "win32"``, ``os.name != "nt"``, ``sys.platform in (...)``."""
        if len(node.comparisons) != 1:
            return None
        operator, other = node.comparisons[0].operator, node.comparisons[0].comparator
        marker = self.probe(node.left)
        if marker is None:
            return None
        literals = [string(e.value) for e in other.elements] if isinstance(other, cst.Tuple) else [string(other)]
        if any(literal is None for literal in literals):
            return None
        guard = guard_for([str(literal).startswith(marker) for literal in literals])
        if isinstance(operator, (cst.NotEqual, cst.NotIn)):
            return guard.negated() if guard else None
        return guard if isinstance(operator, (cst.Equal, cst.In)) else None

    def call(self, qualname: str, node: cst.Call) -> Optional[Guard]:
        """``sys.platform.startswith("win")``, ``hasattr(os, "fork")``, ``platform.isWindows()``."""
        if qualname in catalog.PLATFORM_TEST_CALLS:
            return guard_for([catalog.PLATFORM_TEST_CALLS[qualname]])
        if qualname == "hasattr":
            module, name = self.evaluate(argument(node, 0)), string(argument(node, 1))
            if isinstance(module, Ref) and f"{module.qualname}.{name}" in catalog.POSIX_ONLY:
                return Guard(when_true=True, when_false=None)
            return None
        if qualname.endswith(".startswith"):
            first = string(argument(node, 0))
            marker = catalog.PLATFORM_PROBES.get(qualname[: -len(".startswith")])
            return guard_for([first.startswith(marker)]) if marker and first is not None else None
        return None

    def decorated_posix(self, decorators: Sequence[cst.Decorator]) -> bool:
        """A test skipped unless on POSIX: ``@unittest.skipIf(sys.platform == "win32", ...)``."""
        for decorator in decorators:
            call = decorator.decorator
            if not isinstance(call, cst.Call):
                continue
            skip = self.evaluate(call.func)
            guard = self.evaluate(argument(call, 0, "condition"))
            if not isinstance(skip, Ref) or not isinstance(guard, Guard):
                continue
            if skip.qualname in catalog.SKIP_UNLESS and guard.when_true is True:
                return True
            if skip.qualname in catalog.SKIP_IF and guard.when_false is True:
                return True
        return False

    def is_platform_call(self, qualname: str) -> bool:
        return qualname == "hasattr" or qualname.endswith(".startswith") or qualname in catalog.PLATFORM_TEST_CALLS
