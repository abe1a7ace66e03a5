"""Evaluation: what an expression may hold, by the catalog and the module's own program.

This is where a value becomes a socket: ``result`` (a call the catalog says makes
one, or a module function that returns one), ``attribute`` (an attribute the catalog
says holds one), ``evident_method`` (methods whose call is evidence by themselves),
and, elsewhere, annotations (``annotations``) and ``isinstance`` tests (``binding``).
"""

from __future__ import annotations

import builtins
from dataclasses import replace
from typing import Callable, Optional

import libcst as cst

from .. import catalog
from ..vocabulary import identifier
from . import shapes
from .calls import Calls
from .classes import Classes
from . import records, tables
from .containers import Containers
from .linked import Linked
from .contents import global_slot, nonlocal_slot
from .platform import Platform, both, either
from .program import FuncInfo, Program, Summary
from .state import State
from .syntax import Invocation, argument, dotted, string
from .values import NONE, Alias, Bag, Factory, Guard, Handle, Inst, Many, Member, Origin, Param, Ref, Sock, Tup, Value, is_evidence, join

_BUILTINS = frozenset(dir(builtins))


class Evaluator:
    def __init__(self, state: State, program: Program, knowledge: catalog.Knowledge) -> None:
        self.state, self.program = state, program
        self.call_results, self.sinks = knowledge.call_results, knowledge.sinks
        self.platform = Platform(self.value_of, knowledge.posix_decorators)
        self.containers = Containers(state, self.value_of)
        # Set by the runner: a function's summary, what a call gives a function; a comprehension's value.
        self.summarise: Callable[[FuncInfo], Summary] = lambda info: Summary()
        self.summarise_as: Callable[[FuncInfo, Inst, cst.Call], Summary] = lambda info, receiver, node: Summary()
        self.give: Callable[[FuncInfo, dict[str, Value], Optional[Origin]], None] = lambda info, values, hop: None
        self.run_early: Callable[[str], None] = lambda key: None  # a class's work, before the module body ends
        self.comprehend: Callable[[cst.BaseExpression], Value] = lambda node: None
        self.choose: Callable[[cst.IfExp], Value] = lambda node: None
        self.fixture: Callable[[str, cst.CSTNode], Value] = lambda name, node: None  # a pytest fixture by its name
        self.calls, self.classes = Calls(self), Classes(self)
        self.containers.instance_element = self.classes.next_of
        self.containers.factory_of = self.factory_of
        self.linked = Linked(knowledge.project, state, self.value_of)
        if knowledge.project is not None:
            program.lineage = self.linked.lineage

    def value_of(self, node: Optional[cst.BaseExpression]) -> Value:
        if node is None:
            return None
        if isinstance(node, cst.Name):
            value = self.name(node.value)
            return self.linked.reference(value, node) if isinstance(value, Ref) and self.linked.project else value
        if isinstance(node, cst.Attribute):
            return self.attribute(node)
        if isinstance(node, cst.Call):
            return self.call(node)
        if isinstance(node, cst.Await):
            return self.value_of(node.expression)
        if isinstance(node, cst.NamedExpr):
            return self.value_of(node.value)
        if isinstance(node, cst.Lambda):
            return tables.lambda_value(self, node)
        if isinstance(node, cst.Subscript):
            return self.subscript(node)
        if isinstance(node, cst.Tuple) and not any(isinstance(e, cst.StarredElement) for e in node.elements):
            return Tup(tuple(self.value_of(e.value) for e in node.elements))
        if isinstance(node, (cst.List, cst.Set, cst.Tuple)):
            return self.containers.literal(node)
        if isinstance(node, cst.Dict):
            return self.containers.mapping(node)
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp)):
            return self.comprehend(node)
        if isinstance(node, cst.BinaryOperation):  # ``[server] + clients``, ``[None] * 64``
            return self.containers.operation(node)
        if isinstance(node, cst.IfExp):
            return self.choose(node)
        if isinstance(node, cst.BooleanOperation) and self.platform.decided(node) is not node:
            return self.value_of(self.platform.decided(node))  # ``IS_WIN and not TYPE_CHECKING``
        if isinstance(node, cst.BooleanOperation):
            first, second = self.value_of(node.left), self.value_of(node.right)
            if isinstance(first, Guard) or isinstance(second, Guard):  # a flag: ``IS_LINUX = ... and ...``
                return both(first, second) if isinstance(node.operator, cst.And) else either(first, second)
            return join(first, second)
        if isinstance(node, cst.UnaryOperation) and isinstance(node.operator, cst.Not):
            negated = self.value_of(node.expression)
            return negated.negated() if isinstance(negated, Guard) else None
        if isinstance(node, cst.Comparison):
            return self.platform.comparison(node)
        return None

    def name(self, name: str) -> Value:
        state = self.state
        value, found = state.env.lookup(name)
        if found and (value is NONE or value is None) and state.in_function and state.module_env is not None:
            if not state.env.bound_below(name, state.module_env):  # a module name, maybe set by ``global``
                assigned = state.contents.read(global_slot(name))
                return value if assigned is NONE else join(value, assigned)
            assigned = state.contents.read(nonlocal_slot(state.top, name))  # an enclosing function's, maybe set by ``nonlocal``
            return value if assigned is NONE else join(value, assigned)
        if found:
            return value
        if name == "None":
            return NONE
        name = identifier(name)
        return Ref(name) if name in _BUILTINS else None

    def attribute(self, node: cst.Attribute) -> Value:
        return self.classes.member(node.value, identifier(node.attr.value), node)

    def subscript(self, node: cst.Subscript) -> Value:
        base = self.value_of(node.value)
        if isinstance(base, Ref) and base.qualname in catalog.GENERIC_TYPES:
            return Alias(node)  # ``Tuple[socket.socket, Address]``: a type, for annotations naming it
        if isinstance(base, Ref) and self.classes.enumeration(base):  # ``Transport["TCP"]``: a member
            return Inst(base.qualname)
        if isinstance(base, Bag) and len(node.slice) == 1:
            entries = self.containers.keywords(base)
            index = node.slice[0].slice
            key = self.containers.key_of(index.value) if isinstance(index, cst.Index) else None
            if entries is not None and key is not None and key in entries:  # ``d["write"]``, ``fds[Kind.DATA]``
                return entries[key] if isinstance(entries[key], (Ref, Sock, Handle, Inst, Tup, Many, Bag, Factory)) else None
            if isinstance(node.slice[0].slice, cst.Index):
                return self.containers.view(base, catalog.BAG_KINDS[base.kind].get("[]"), dotted(node.value))
            return base if base.kind == "sequence" else None
        if isinstance(base, Inst) and len(node.slice) == 1 and isinstance(node.slice[0].slice, cst.Index):
            key = string(node.slice[0].slice.value)  # a TypedDict's entry: its field
            record = self.program.classes.get(base.cls)
            if key is not None and record is not None and key in record.record_fields():
                return self.classes.instance_attribute(base, node, key, dotted(node.value))
            if key is not None and record is None and self.linked.project is not None and self.linked.is_class(base.cls):
                return dict(base.fields).get(key) or self.linked.attribute(base.cls, key, node)  # another module's TypedDict
        if isinstance(base, Tup) and len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.Integer):
                i = int(index.value.value, 0)
                return base.items[i] if i < len(base.items) else None
        if isinstance(base, Many) and len(node.slice) == 1:  # ``socks[0]``, ``socks[1:]``
            if isinstance(node.slice[0].slice, cst.Index):
                return self.containers.element(base, dotted(node.value))
            return base
        return None

    # --- Calls ---------------------------------------------------------------------------

    def call(self, node: cst.Call) -> Value:
        func = self.value_of(node.func)
        if isinstance(func, Factory):
            return func.made
        if isinstance(func, Ref):
            return self.platform.family(func.qualname, node, None, self.result(func.qualname, node, None, None))
        if isinstance(func, Member) and isinstance(func.receiver, Param):
            kind = self.call_results.get(f"{catalog.SOCKET_CLASS}.{func.name}")
            param = func.receiver
            if param.handle:
                return None
            if kind == catalog.HANDLE:
                return Param(param.index, True, element=param.element)
            if kind == catalog.SOCKET:
                return Param(param.index, False, True, param.element)
            return Tup((Param(param.index, False, True, param.element), None)) if kind == catalog.ACCEPT else None
        if isinstance(func, Member) and isinstance(func.receiver, Inst):
            receiver = func.receiver
            method = self.program.method(receiver.cls, func.name)
            if method is not None:
                return self.returned(method, node, 1 if method.takes_receiver else 0, receiver)
            for cls in self.program.library_classes(receiver.cls):
                value = self.result(f"{cls}.{func.name}", node, receiver, func.receiver_name)
                if value is not None:
                    return value
            return None
        if isinstance(func, Member) and isinstance(func.receiver, Many):  # ``socks.pop()``: an element, as a list's
            view = catalog.BAG_KINDS["sequence"].get(func.name)
            if view == "element":
                return self.containers.element(func.receiver, func.receiver_name)
            return func.receiver if view == "sequence" else None
        if isinstance(func, Member) and isinstance(func.receiver, Bag):  # ``d.values()``, ``selector.select()``
            bag = func.receiver
            return self.containers.view(bag, catalog.BAG_KINDS[bag.kind].get(func.name), func.receiver_name)
        if isinstance(func, Member):
            made = self.result(f"{catalog.SOCKET_CLASS}.{func.name}", node, func.receiver, func.receiver_name)
            return self.platform.family(f"{catalog.SOCKET_CLASS}.{func.name}", node, func.receiver, made)
        if isinstance(node.func, cst.Attribute):
            return tables.record_method(self, node, node.func) or self.evident_method(node, node.func)
        return None

    def result(self, qualname: str, node: cst.Call, receiver: Value, receiver_name: Optional[str]) -> Value:
        """What calling ``qualname`` yields, by the catalog (or the module's own program)."""
        if self.platform.is_call(qualname):
            return self.platform.call(qualname, node)
        if qualname == "getattr" and len(node.args) == 2 and string(argument(node, 1)) is not None:
            return self.classes.member(node.args[0].value, string(node.args[1].value) or "", node)  # ``getattr(s, "fileno")``
        if qualname in catalog.ENTER_CALLS:  # ``stack.enter_context(cm)``: what ``with cm as x`` binds
            entered = argument(node, catalog.ENTER_CALLS[qualname])
            return self.classes.entered(entered, qualname.endswith("async_context")) if entered is not None else None
        if qualname in catalog.CASTS:  # ``typing.cast(socket.socket, x)``: the code says it is one
            cast = shapes.shape(argument(node, 0), self.value_of, self.classes.is_socket_class)
            if cast == shapes.SOCKET:
                return Sock(self.state.origin(f"{dotted(node.func) or 'cast'}()", node))
        unbound = qualname.rpartition(".")
        if unbound[0] in catalog.SOCKET_CLASSES and node.args and receiver is None:
            # ``socket.socket.fileno(s)``: the class's method takes nothing but a socket
            given = node.args[0].value
            receiver = self.value_of(given)
            if receiver is None:
                receiver = Sock(self.state.origin(f"{dotted(given) or 'argument'} given to {qualname}()", given))
            if isinstance(receiver, Sock):
                return self.result(f"{catalog.SOCKET_CLASS}.{unbound[2]}", node, receiver, dotted(given))
        tabled = tables.result(self, qualname, node)
        if tabled is not tables.UNTABLED:
            return tabled
        if qualname in self.program.functions:
            info = self.program.functions[qualname]
            return self.returned(info, node, 1 if isinstance(receiver, Inst) and info.takes_receiver else 0)
        if qualname in self.program.classes:
            cls = self.program.classes[qualname]
            init = self.program.method(qualname, "__init__")
            if cls.fields is not None and init is None:
                return Inst(qualname, records.given(cls, node, self.value_of))
            if cls.is_socket:
                return Sock(self.state.origin(f"{cls.name}()", node))
            return Inst(qualname, records.kept(cls, init, node, self.value_of) if init is not None else ())
        kind = self.call_results.get(qualname)
        spelled = f"{receiver_name}.{qualname.rsplit('.', 1)[1]}" if receiver_name else qualname
        if kind is None and self.linked.project is not None:  # a function or class of another module
            found, linked = self.linked.result(qualname, node, receiver, spelled)
            if found:
                return linked
        if kind is None:
            return Inst(qualname) if qualname in catalog.LIBRARY_CLASSES else None
        origin = self.state.origin(f"{spelled}()", node)
        if isinstance(receiver, Sock) and receiver.origin.via:  # ``s.accept()``, ``s.dup()`` of an element
            origin = replace(origin, via=receiver.origin.via)
        if kind == catalog.SOCKET:
            return Sock(origin)
        if kind == catalog.PAIR:
            return Tup((Sock(origin), Sock(origin)))
        if kind == catalog.ACCEPT:
            return Tup((Sock(origin), None))
        if kind == catalog.HANDLE:
            return Handle(receiver, receiver_name) if isinstance(receiver, Sock) else None
        return Inst(kind)

    def factory_of(self, value: Value) -> Optional[Factory]:
        """The module's function ``value`` names, as a factory: when its call gives a socket, a
        handle, or a record or instance holding one whatever it is given."""
        info = self.program.functions.get(value.qualname) if isinstance(value, Ref) else None
        if info is None or info.takes_receiver:
            return None
        summary = self.summarise(info)
        made = summary.yields if summary.generator else summary.returns
        return Factory(made) if not summary.generator and isinstance(made, (Sock, Handle, Tup, Inst)) and is_evidence(made) else None

    def returned(self, info: FuncInfo, node: cst.Call, bound: int = 0, receiver: Optional[Inst] = None) -> Value:
        """What a call of the module's function ``info`` returns (a method's, for the instance
        ``receiver``), cited as that call (what it returns of its own arguments stays theirs:
        ``def wrap(s): return s``). A generator's call returns what it yields, as a container;
        a context manager's, as what ``with`` enters (``@contextmanager``)."""
        summary = self.summarise_as(info, receiver, node) if receiver is not None else self.summarise(info)
        if not summary.generator:
            return self.substituted(summary.returns, info, Invocation.direct(node), bound, node)
        yielded = self.substituted(summary.yields, info, Invocation.direct(node), bound, node)
        if any(self.names(d.decorator, catalog.CONTEXT_MANAGERS) for d in info.node.decorators):
            return yielded
        if isinstance(yielded, (Sock, Handle)) or isinstance(yielded, Tup) and is_evidence(yielded):  # (``yield conn, addr``)
            return Many(yielded, frozenset({id(node)}))
        return None

    def substituted(self, returned: Value, info: FuncInfo, call: Invocation, bound: int, node: cst.Call) -> Value:
        if isinstance(returned, Param) and returned.made:
            made = self.substituted(Param(returned.index, False, element=returned.element), info, call, bound, node)
            return Sock(self.state.origin(f"{info.name}()", node)) if isinstance(made, Sock) else None
        if isinstance(returned, Param):
            positional = info.positional()
            every = positional + [p.name.value for p in info.node.params.kwonly_params]
            name = every[returned.index] if returned.index < len(every) else None
            index = returned.index - bound if returned.index < len(positional) else None
            value = self.value_of(call.argument(index if index is None or index >= 0 else None, name))
            value = self.containers.element(value, None) if returned.element else value  # (of what it was given)
            if not returned.handle:
                return value
            return Handle(value, None) if isinstance(value, Sock) else None
        if isinstance(returned, Tup):
            return Tup(tuple(self.substituted(item, info, call, bound, node) for item in returned.items))
        origin = self.state.origin(f"{info.name}()", node)
        if isinstance(returned, Sock):
            return returned.moved(origin)
        if isinstance(returned, Handle):
            return Handle(returned.sock.moved(origin), None)
        return returned if isinstance(returned, (Inst, Many, Bag, Guard)) else None  # (a dictionary it filled: its entries; a platform test)

    # --- What a call calls, and what it gives the module's functions ------------------------

    def evident_method(self, node: cst.Call, func: cst.Attribute) -> Value:
        """Methods of an untyped receiver whose call is evidence by itself."""
        name = func.attr.value
        receiver = dotted(func.value)
        spelled = f"{receiver}.{name}" if receiver else name
        first = argument(node, 0)
        if name in catalog.EXTRA_INFO_METHODS and first is not None:
            key = self.value_of(first)
            if catalog.EXTRA_INFO_METHODS[name] in (string(first), key.qualname if isinstance(key, Ref) else None):
                return Sock(self.state.origin(f"{spelled}({cst.Module([]).code_for_node(first)})", node))
        if name == catalog.FIXTURE_BY_NAME and string(first) is not None:  # ``request.getfixturevalue("conn")``
            return self.fixture(str(string(first)), node)
        if name in catalog.SOCKET_WRAPPING_METHODS and isinstance(self.value_of(first), Sock):
            return Sock(self.state.origin(f"{spelled}()", node))
        return None

    # --- Classes, annotations, callees -----------------------------------------------------

    def never_returns(self, node: cst.Call) -> bool:
        if isinstance(node.func, cst.Attribute) and node.func.attr.value in catalog.NO_RETURN_METHODS:
            return True
        return self.names(node.func, catalog.NO_RETURN)

    def names(self, node: cst.BaseExpression, qualnames: frozenset[str]) -> bool:
        """Whether ``node`` names one of ``qualnames`` (through imports and aliases)."""
        value = self.value_of(node)
        return isinstance(value, Ref) and value.qualname in qualnames

    def guard(self, node: Optional[cst.BaseExpression]) -> Optional[Guard]:
        value = self.value_of(node)
        return value if isinstance(value, Guard) else None
