"""Fixes for the C runtime rules: a LibCST transformer over the analysis' own findings.

No second analysis: the module is parsed once, ``Checker`` runs on it exactly as for
the reports, and each finding it makes is fixed only when the handle argument is
written ``<expr>.fileno()``, so that ``<expr>`` is the socket and the replacement
is a method of it. The transformer then swaps those call nodes, found by identity,
for the method call; everything else (comments, spacing, other arguments) is kept.

Whether a rule's fix is safe is the rule table's ``fix_is_safe`` (``fix_safety``
says why). What is never fixed, whatever the rule:

- a handle held in a variable (``h = s.fileno(); os.read(h, n)``): the socket is
  not at hand where the call is;
- a socket that comes from ``ssl`` wrapping (``wrap_socket``, an ``SSLSocket``
  annotation or ``isinstance`` test): ``recv``/``send`` would decrypt where the
  descriptor call read the raw TLS records, and ``SSLSocket.dup()`` raises;
- a call of the module's own wrapper that passes the handle on to a sink (the
  finding is reported there, but the wrapper is not the sink);
- a call with arguments the method cannot take one to one, or whose removed part
  holds a comment.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

import libcst as cst
import libcst.matchers as m

from .check import run_deep
from .rules import RULES

Builder = Callable[[cst.Call], Optional[cst.BaseExpression]]


class FixError(Exception):
    """The module could not be planned or the fixed text would not be Python."""


@dataclass(eq=False)
class Fix:
    """One fixable finding: where the analysis reported it, and how to rewrite its call."""

    code: str
    line: int  # 1-based, as the finding
    col: int  # 0-based, as the finding
    end_line: int
    end_col: int
    safe: bool
    node: cst.Call  # the call the analysis reported (matched by identity)
    build: Builder


# --- Builders: from the (possibly already updated) call to its replacement ------------


def _has_comment(node: object) -> bool:
    return isinstance(node, cst.CSTNode) and bool(m.findall(node, m.Comment()))


def _socket_of(expression: cst.BaseExpression) -> Optional[cst.BaseExpression]:
    """``<expr>`` when ``expression`` is literally ``<expr>.fileno()``."""
    if (
        isinstance(expression, cst.Call)
        and not expression.args
        and isinstance(expression.func, cst.Attribute)
        and expression.func.attr.value == "fileno"
    ):
        return expression.func.value
    return None


def _rewrite(call: cst.Call, func: cst.BaseExpression, kept: Sequence[cst.Arg]) -> Optional[cst.Call]:
    """``call`` with a new function and only the ``kept`` arguments (some of its own, in order)."""
    dropped = [call.func, *(arg for arg in call.args if not any(arg is k for k in kept))]
    if any(_has_comment(node) for node in dropped):
        return None
    kept = list(kept)
    if kept and kept[-1] is not call.args[-1]:  # the new last argument ends as the old one did
        last = call.args[-1]
        kept[-1] = kept[-1].with_changes(comma=last.comma, whitespace_after_arg=last.whitespace_after_arg)
    changes: dict = {"func": func, "args": kept}
    if not kept and not _has_comment(call.whitespace_before_args):
        changes["whitespace_before_args"] = cst.SimpleWhitespace("")
    return call.with_changes(**changes)


def _positional(call: cst.Call, count: int) -> bool:
    return len(call.args) == count and all(arg.keyword is None and not arg.star for arg in call.args)


def _method(name: str, arity: int) -> Builder:
    """``os.read(s.fileno(), n)`` -> ``s.recv(n)``: same arguments after the handle."""

    def build(call: cst.Call) -> Optional[cst.BaseExpression]:
        sock = _socket_of(call.args[0].value) if _positional(call, arity) else None
        if sock is None:
            return None
        return _rewrite(call, cst.Attribute(value=sock, attr=cst.Name(name)), call.args[1:])

    return build


def _dup(call: cst.Call) -> Optional[cst.BaseExpression]:
    """``os.dup(s.fileno())`` -> ``s.dup().detach()``: a new descriptor, as an int."""
    sock = _socket_of(call.args[0].value) if _positional(call, 1) else None
    if sock is None:
        return None
    duplicate = cst.Call(func=cst.Attribute(value=sock, attr=cst.Name("dup")))
    return _rewrite(call, cst.Attribute(value=duplicate, attr=cst.Name("detach")), [])


_MAKEFILE_MODES = frozenset({"r", "w", "rb", "wb", "br", "bw"})  # what both open() and makefile() take
_MAKEFILE_KEYWORDS = frozenset({"mode", "encoding", "errors", "newline"})


def _makefile(call: cst.Call) -> Optional[cst.BaseExpression]:
    """``open(s.fileno(), mode)`` -> ``s.makefile(mode)``.

    Carried over: a literal mode that both take, ``encoding``, ``errors``, ``newline``,
    and ``buffering=0`` in binary mode (unbuffered in both). ``closefd=False`` is dropped:
    closing a ``makefile()`` file never closes the socket. Anything else: no fix.
    """
    args = call.args
    if not args or args[0].keyword is not None or any(arg.star for arg in args):
        return None
    sock = _socket_of(args[0].value)
    positional = [arg for arg in args if arg.keyword is None]
    if sock is None or len(positional) > 2 or positional != list(args[: len(positional)]):
        return None
    by_keyword = {arg.keyword.value: arg for arg in args if arg.keyword is not None}
    mode_arg = positional[1] if len(positional) == 2 else by_keyword.get("mode")
    mode = mode_arg.value if mode_arg is not None else None
    if mode is not None and not (isinstance(mode, cst.SimpleString) and mode.evaluated_value in _MAKEFILE_MODES):
        return None
    binary = isinstance(mode, cst.SimpleString) and "b" in str(mode.evaluated_value)
    kept = list(args[1:])
    for name, arg in by_keyword.items():
        if name == "closefd" and m.matches(arg.value, m.Name("False")):
            kept = [k for k in kept if k is not arg]
        elif name == "buffering" and binary and m.matches(arg.value, m.Integer("0")):
            continue
        elif name not in _MAKEFILE_KEYWORDS:
            return None
    return _rewrite(call, cst.Attribute(value=sock, attr=cst.Name("makefile")), kept)


# The catalog's sinks that have a fix, by qualified name.
BUILDERS: dict[str, Builder] = {
    "os.read": _method("recv", 2),
    "os.write": _method("send", 2),
    "os.dup": _dup,
    "os.close": _method("close", 1),
    "os.set_inheritable": _method("set_inheritable", 2),
    "os.get_inheritable": _method("get_inheritable", 1),
    "open": _makefile,
    "io.open": _makefile,
    "os.fdopen": _makefile,
}

_TLS_NAMES = frozenset({"wrap_socket", "SSLSocket", "SSLObject", "wrap_bio"})


def _from_tls(origin: cst.CSTNode) -> bool:
    """Whether the socket's origin (its call, annotation or isinstance test) names ssl wrapping."""
    return bool(m.findall(origin, m.Name(value=m.MatchIfTrue(lambda name: name in _TLS_NAMES))))


# --- Planning and applying -----------------------------------------------------------


class _Rewriter(cst.CSTTransformer):
    def __init__(self, chosen: dict[int, Fix]) -> None:
        super().__init__()
        self.chosen = chosen

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        fix = self.chosen.get(id(original_node))
        if fix is None or fix.node is not original_node:
            return updated_node
        return fix.build(updated_node) or updated_node


class FixPlan:
    """The fixes the analysis' findings in one module allow, placed as the findings are."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.module: Optional[cst.Module] = None
        self.fixes: list[Fix] = []
        try:
            run_deep(self._plan)
        except Exception as error:
            raise FixError(f"cannot plan fixes ({type(error).__name__}: {error})") from None

    def _plan(self) -> None:
        from .analysis import Places
        from .focus import Focused
        from .analysis.checker import Checker
        from .analysis.values import Handle

        module = cst.parse_module(self.source)
        checker = Checker()
        checker.analyse(module)
        places: Optional[Places] = None
        for raw in checker.findings:
            rule = RULES.get(raw.sink.code)
            build = BUILDERS.get(raw.sink.qualname)
            if rule is None or not rule.fixable or build is None:
                continue
            if getattr(raw, "via", ()):  # reported at a call of the module's own wrapper: not the sink
                continue
            if not isinstance(raw.value, Handle) or raw.keyword is not None or _from_tls(raw.value.sock.origin.node):
                continue
            if build(raw.node) is None:
                continue
            places = places or Places(module, Focused(self.source))
            where = places.of(raw.node, raw.top)
            start, end = where.start, where.end
            self.fixes.append(
                Fix(raw.sink.code, start.line, start.column, end.line, end.column, rule.fix_is_safe, raw.node, build)
            )
        self.module = module

    def apply(self, fixes: Iterable[Fix]) -> str:
        """The source with ``fixes`` (some of this plan's) made; checked to be Python."""
        chosen = {id(fix.node): fix for fix in fixes}
        if not chosen or self.module is None:
            return self.source
        try:
            fixed = run_deep(lambda: self.module.visit(_Rewriter(chosen)).code)
            ast.parse(fixed)
        except Exception as error:
            raise FixError(f"fixing would not give valid Python ({type(error).__name__}: {error})") from None
        return fixed
