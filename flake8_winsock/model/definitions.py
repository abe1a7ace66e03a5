"""Definitions: a ``def`` or ``class`` met in the flow is registered in the ``Program``.

A function is queued to run after the module body (``scopes``); a method joins its
class, whose methods run together. A class records the module's classes and the
catalog's library classes it derives from, and what its body declares.
"""

from __future__ import annotations

from typing import Callable

import libcst as cst

from .. import catalog
from .evaluate import Evaluator
from .frames import Env
from .program import ClassInfo, ClassRun, FuncInfo, FunctionRun, Program
from .state import Judging, State
from .values import POSIX, Guard, Inst, Many, Ref, Sock
from .walker import Walker


class Definitions(Walker):
    """The statement flow's handling of ``def`` and ``class`` (``flow.Statements`` derives from it)."""

    state: State
    program: Program
    evaluator: Evaluator
    run_body: Callable[[cst.BaseSuite], None]  # the statement flow's

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        state = self.state
        for decorator in node.decorators:
            self.walk(decorator)
        if state.summaries:  # a function inside one being summarised: not followed
            judging, defined = state.summaries[-1], None
            if isinstance(judging, Judging):  # a decorator's wrapper: judged after the decorator
                key = f"<wrapper {id(node)}>"
                judging.defined[key] = (node, state.env, state.posix_only_here())
                defined = Ref(key)
            state.env.bind(node.name.value, defined)
            return False
        posix = state.posix_only_here() or self.evaluator.platform.decorated_posix(node.decorators)
        owner = state.current_class if state.in_class_body else None
        parent = state.env if state.in_function else None
        if owner is not None:
            key, name = f"{owner.key}.{node.name.value}", f"{owner.name}.{node.name.value}"
        else:
            key, name = f"<{'.'.join([*state.scope_names, node.name.value])}()>", node.name.value
        base, again = key, 1
        while key in self.program.functions and self.program.functions[key].node is not node:
            again += 1  # another function of the same name (a redefinition, a property's setter)
            key = f"{base}#{again}"
        info = FuncInfo(key, node, name, parent, owner, posix, state.top)
        known = self.program.functions.get(key)
        if known is not None:
            info.given = known.given  # defined again (a rerun of the function that holds it)
        self.program.functions[key] = info
        if owner is not None:
            owner.methods.append(info)
            self.program.method_names.add(node.name.value)
        else:
            self.program.queue.append(FunctionRun(info, parent, state.top, posix))
        state.env.bind(node.name.value, Ref(key))
        self.registered(node, info)
        return False

    def registered(self, node: cst.FunctionDef, info: FuncInfo) -> None:
        """``@release.register`` over a function whose dispatched parameter is annotated as a
        socket (or ``@release.register(socket.socket)``): a socket given to the singledispatch
        ``release`` goes there, not to ``release`` itself."""
        for decorator in node.decorators:
            call = decorator.decorator if isinstance(decorator.decorator, cst.Call) else None
            target = call.func if call is not None else decorator.decorator
            if not (isinstance(target, cst.Attribute) and target.attr.value == "register"):
                continue
            base = self.evaluator.value_of(target.value)
            dispatching = self.program.functions.get(base.qualname) if isinstance(base, Ref) else None
            if dispatching is None or not any(self.evaluator.names(_decorator_call(d), catalog.SINGLE_DISPATCH) for d in dispatching.node.decorators):
                continue
            if call is not None and call.args:
                takes = self.evaluator.classes.is_socket_class(call.args[0].value)
            else:
                params = [*node.params.posonly_params, *node.params.params][info.dispatched :]
                annotation = params[0].annotation if params else None
                takes = annotation is not None and isinstance(self.evaluator.classes.annotated(annotation.annotation, "", node), Sock)
            dispatching.socket_overload |= takes

    def is_record(self, node: cst.ClassDef, info: ClassInfo) -> bool:
        names = self.evaluator.names
        return (
            any(names(base.value, catalog.RECORD_BASES) for base in node.bases)
            or any(names(_decorator_call(d), catalog.RECORD_DECORATORS) for d in node.decorators)
            or any(base.fields is not None for base in info.bases)
        )

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        state = self.state
        if state.summaries:  # a class inside a function being summarised: not followed
            state.env.bind(node.name.value, None)
            return False
        for decorator in node.decorators:
            self.walk(decorator)
        for base in node.bases:
            self.walk(base)
        state.scope_names.append(node.name.value)
        info = ClassInfo(key=f"<{'.'.join(state.scope_names)}>", name=node.name.value)
        info.is_socket = any(self.evaluator.classes.is_socket_class(base.value) for base in node.bases)
        for base in node.bases:  # what it inherits: the module's classes, the catalog's library classes
            known = self.evaluator.value_of(base.value)
            if isinstance(known, Ref) and known.qualname in self.program.classes:
                info.bases.append(self.program.classes[known.qualname])
            elif isinstance(known, Ref) and (known.qualname in catalog.LIBRARY_CLASSES or self.evaluator.linked.is_class(known.qualname)):
                info.library.append(known.qualname)  # (a class of another of the project's modules too)
        self.program.classes[info.key] = info
        if self.is_record(node, info):
            info.fields = [
                line.body[0].target.value for line in node.body.body
                if isinstance(line, cst.SimpleStatementLine) and isinstance(line.body[0], cst.AnnAssign) and isinstance(line.body[0].target, cst.Name)
            ]  # fmt: skip
        saved = (state.env, state.current_class, state.self_name, state.in_class_body)
        state.env = Env(parent=state.env)
        state.current_class, state.self_name, state.in_class_body = info, None, True
        self.run_body(node.body)
        info.declared.update({k: v for k, v in state.env.scope_vars().items() if isinstance(v, (Sock, Many, Inst, Guard)) or _library_function(v)})  # (a flag: ``_POSIX = os.name != "nt"``)
        self.program.library_attributes |= {k for k, v in info.declared.items() if _library_function(v)}
        self.evaluator.calls.library_calls(info)
        info.posix = info.posix or state.env.lookup(POSIX)[0] is True  # ``pytestmark`` in its body
        state.env, state.current_class, state.self_name, state.in_class_body = saved
        state.scope_names.pop()
        state.env.bind(node.name.value, Ref(info.key))
        posix = state.posix_only_here() or info.posix or self.evaluator.platform.decorated_posix(node.decorators)
        self.program.queue.append(ClassRun(info, state.env if state.in_function else None, state.top, posix))
        return False


def _decorator_call(decorator: cst.Decorator) -> cst.BaseExpression:
    """``@dataclass(frozen=True)``: ``dataclass``."""
    return decorator.decorator.func if isinstance(decorator.decorator, cst.Call) else decorator.decorator


def _library_function(value: object) -> bool:
    """A class-level name for a library a loader gave, or for one of its functions
    (``_k32 = ctypes.WinDLL("kernel32")``): what ``self._k32`` and ``Cls._k32`` read."""
    return isinstance(value, Ref) and value.qualname.split(".")[0] in catalog.LIBRARY_NAMES
