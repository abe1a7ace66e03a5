"""What a ``case`` pattern binds: the socket a pattern of a socket class matches, and the
fields a pattern of a class captures (``case Connected(sock=s):``)."""

from __future__ import annotations

from typing import Optional

import libcst as cst

from .binding import Binder
from .evaluate import Evaluator
from .values import Inst, Ref


def socket_case(evaluator: Evaluator, subject: cst.BaseExpression, pattern: cst.MatchPattern) -> Optional[cst.BaseExpression]:
    """The name a ``case`` of a socket class binds (``as s``, or the subject's own name)."""
    target: Optional[cst.BaseExpression] = None
    if isinstance(pattern, cst.MatchAs) and pattern.pattern is not None and pattern.name is not None:
        target, pattern = pattern.name, pattern.pattern
    elif isinstance(subject, cst.Name):
        target = subject
    if target is None or not isinstance(pattern, cst.MatchClass) or not evaluator.classes.is_socket_class(pattern.cls):
        return None
    return target


def matches_any_socket(pattern: cst.MatchPattern) -> bool:
    """``case socket.socket():`` (or ``as s``): every socket matches it, whatever it holds."""
    pattern = pattern.pattern if isinstance(pattern, cst.MatchAs) and pattern.pattern is not None else pattern
    return isinstance(pattern, cst.MatchClass) and not pattern.patterns and not pattern.kwds


def record_case(evaluator: Evaluator, binder: Binder, subject: cst.BaseExpression, pattern: cst.MatchPattern) -> None:
    """``case Connected(sock=s, peer=p):``: the names it captures are the fields of an
    instance of that class (the subject's, when it is one), by keyword, or by position
    for the module's records."""
    if isinstance(pattern, cst.MatchAs) and pattern.pattern is not None:
        pattern = pattern.pattern
    if not isinstance(pattern, cst.MatchClass):
        return
    cls = evaluator.value_of(pattern.cls)
    if not isinstance(cls, Ref) or not (cls.qualname in evaluator.program.classes or evaluator.linked.is_class(cls.qualname)):
        return
    given = evaluator.value_of(subject)
    instance = given if isinstance(given, Inst) and given.cls == cls.qualname else Inst(cls.qualname)
    record = evaluator.program.classes.get(cls.qualname)
    fields = record.record_fields() if record is not None else []
    named = [(fields[i], item.value) for i, item in enumerate(pattern.patterns) if i < len(fields)]
    named += [(item.key.value, item.pattern) for item in pattern.kwds]
    for field_name, captured in named:
        if isinstance(captured, cst.MatchAs) and captured.pattern is None and captured.name is not None:
            binder.bind(captured.name, evaluator.classes.instance_attribute(instance, pattern.cls, field_name, None))
