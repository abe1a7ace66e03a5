"""Fixes for the C runtime rules: a LibCST transformer over the analysis' own findings.

No second analysis: the fix of a finding is made in the run that reports it, from the
call node the rule reported, and travels with the finding (``Finding.fix``) as the
text that replaces the call's span. A finding is fixed only when the handle argument
is written ``<expr>.fileno()``, so that ``<expr>`` is the socket and the replacement
is a method of it; everything else in the call (comments, spacing, other arguments)
is kept, and nothing outside the call's span changes.

Whether a rule's fix is safe is the rule table's ``fix_is_safe`` (``fix_safety``
says why). What is never fixed, whatever the rule:

- a handle held in a variable (``h = s.fileno(); os.read(h, n)``): the socket is
  not at hand where the call is;
- a socket that comes from ``ssl`` wrapping (``wrap_socket``, an ``SSLSocket``
  annotation or ``isinstance`` test): ``recv``/``send`` would decrypt where the
  descriptor call read the raw TLS records, and ``SSLSocket.dup()`` raises;
- a sink in one of the module's functions, given the socket by a caller (its other
  callers may pass something else);
- a call with arguments the method cannot take one to one, or whose removed part
  holds a comment.
"""

from __future__ import annotations

import dataclasses
import re
from functools import lru_cache
from typing import Callable, Iterable, Iterator, Optional, Sequence

import libcst as cst

from .finding import Finding, Fix
from .model.values import Handle
from .rules import RULES
from .sinks import RawFinding

Builder = Callable[[cst.Call], Optional[cst.BaseExpression]]
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")  # Python's own line breaks only


# --- Builders: from the (possibly already updated) call to its replacement ------------


@lru_cache(maxsize=None)
def _fields(node_type: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(node_type))


def _nodes(node: cst.CSTNode) -> Iterator[cst.CSTNode]:
    """The node and every node under it, whitespace and comments included (LibCST's
    ``visit`` reaches the same ones, but rebuilds each as it goes)."""
    stack = [node]
    while stack:
        item = stack.pop()
        yield item
        for name in _fields(type(item)):
            value = getattr(item, name)
            if isinstance(value, cst.CSTNode):
                stack.append(value)
            elif isinstance(value, (list, tuple)):
                stack.extend(child for child in value if isinstance(child, cst.CSTNode))


def _has_comment(node: object) -> bool:
    # comments live in whitespace, which the model's walker skips
    return isinstance(node, cst.CSTNode) and any(isinstance(inner, cst.Comment) for inner in _nodes(node))


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
    changes: dict[str, object] = {"func": func, "args": kept}
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
        if name == "closefd" and isinstance(arg.value, cst.Name) and arg.value.value == "False":
            kept = [k for k in kept if k is not arg]
        elif name == "buffering" and binary and isinstance(arg.value, cst.Integer) and arg.value.value == "0":
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
    return any(isinstance(name, cst.Name) and name.value in _TLS_NAMES for name in _nodes(origin))


# --- From a finding to its fix -----------------------------------------------------------


def replacement(raw: RawFinding) -> Optional[cst.BaseExpression]:
    """The call that replaces the reported one, if this finding has a fix (see the module's docstring)."""
    rule = RULES.get(raw.sink.code)
    build = BUILDERS.get(raw.sink.qualname)
    if rule is None or not rule.fixable or build is None:
        return None
    if not isinstance(raw.value, Handle) or raw.keyword is not None or _from_tls(raw.value.sock.origin.node):
        return None
    if raw.value.sock.origin.hops:  # a function's parameter: its other callers may pass something else
        return None
    return build(raw.node)


def apply(text: str, findings: Iterable[Finding]) -> tuple[str, int]:
    """``text`` with the fixes of ``findings`` made, and how many were left out.

    Each fix replaces its finding's span and nothing else; a fix whose span overlaps one
    made is left out (a call fixed inside another: the caller fixes again).
    """
    starts = [0]
    for line in _LINES.findall(text):
        starts.append(starts[-1] + len(line))

    def offset(line: int, col: int) -> int:
        return starts[min(max(line, 1), len(starts)) - 1] + col

    edits = sorted(
        ((offset(f.line, f.col), offset(f.end_line, f.end_col), f.fix.text) for f in findings if f.fix is not None),
        reverse=True,
    )
    pieces, end, left_out = [], len(text), 0
    for start, stop, replacement in edits:
        if stop > end:
            left_out += 1  # it holds a fix made after it in the text
            continue
        pieces.append(text[stop:end])
        pieces.append(replacement)
        end = start
    pieces.append(text[:end])
    return "".join(reversed(pieces)), left_out


def fix_of(raw: RawFinding, module: cst.Module, span: str) -> Optional[Fix]:
    """The finding's fix as text, if it has one and the call reads exactly ``span`` (its text in the file)."""
    new = replacement(raw)
    if new is None or module.code_for_node(raw.node) != span:
        return None
    return Fix(module.code_for_node(new), RULES[raw.sink.code].fix_is_safe)
