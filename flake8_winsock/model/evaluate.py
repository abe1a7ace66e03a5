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
from .containers import Containers
from .platform import Platform
from .program import ClassInfo, FuncInfo, Program, Summary
from .state import State
from .syntax import Invocation, argument, dotted, string
from .values import NONE, Bag, Guard, Handle, Inst, Many, Member, Origin, Param, Ref, Sock, Tup, Value, is_evidence, join

_BUILTINS = frozenset(dir(builtins))
_DISPATCH_KEYWORDS = frozenset({"executor"})  # keywords a dispatching call keeps for itself


_PROPERTIES = frozenset({"property", "functools.cached_property"})


def _is_property(info: FuncInfo) -> bool:
    return any(dotted(d.decorator) in _PROPERTIES or dotted(d.decorator) == "cached_property" for d in info.node.decorators)


def _positional_names(info: FuncInfo) -> list[str]:
    params = info.node.params
    return [p.name.value for p in [*params.posonly_params, *params.params]]


class Evaluator:
    def __init__(self, state: State, program: Program, knowledge: catalog.Knowledge) -> None:
        self.state, self.program = state, program
        self.call_results, self.sinks = knowledge.call_results, knowledge.sinks
        self.platform = Platform(self.value_of, knowledge.posix_decorators)
        self.containers = Containers(state, self.value_of)
        # Set by the runner: a function's summary, what a call gives a function; a comprehension's value.
        self.summarise: Callable[[FuncInfo], Summary] = lambda info: Summary()
        self.give: Callable[[FuncInfo, dict[str, Value], Optional[Origin]], None] = lambda info, values, hop: None
        self.comprehend: Callable[[cst.BaseExpression], Value] = lambda node: None
        self.choose: Callable[[cst.IfExp], Value] = lambda node: None

    def value_of(self, node: Optional[cst.BaseExpression]) -> Value:
        if node is None:
            return None
        if isinstance(node, cst.Name):
            return self.name(node.value)
        if isinstance(node, cst.Attribute):
            return self.attribute(node)
        if isinstance(node, cst.Call):
            return self.call(node)
        if isinstance(node, cst.Await):
            return self.value_of(node.expression)
        if isinstance(node, cst.NamedExpr):
            return self.value_of(node.value)
        if isinstance(node, cst.Subscript):
            return self.subscript(node)
        if isinstance(node, cst.Tuple) and not any(isinstance(e, cst.StarredElement) for e in node.elements):
            return Tup(tuple(self.value_of(e.value) for e in node.elements))
        if isinstance(node, (cst.List, cst.Set, cst.Tuple)):
            return self.containers.literal(node)
        if isinstance(node, cst.Dict):
            return self.containers.mapping(node)
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            return self.comprehend(node)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):  # ``[server] + clients``
            left, right = (self.containers.container(self.value_of(side), node) for side in (node.left, node.right))
            return join(left, right) if left is not None and right is not None else None
        if isinstance(node, cst.IfExp):
            return self.choose(node)
        if isinstance(node, cst.BooleanOperation):
            return join(self.value_of(node.left), self.value_of(node.right))
        if isinstance(node, cst.Comparison):
            return self.platform.comparison(node)
        return None

    def name(self, name: str) -> Value:
        value, found = self.state.env.lookup(name)
        if found:
            return value
        if name == "None":
            return NONE
        name = identifier(name)
        return Ref(name) if name in _BUILTINS else None

    def attribute(self, node: cst.Attribute) -> Value:
        return self.member(node.value, identifier(node.attr.value), node)

    def member(self, of: cst.BaseExpression, attr: str, node: cst.BaseExpression) -> Value:
        """The attribute ``attr`` of ``of``: ``of.attr``, or ``getattr(of, "attr")`` (``node``)."""
        receiver = dotted(of)
        path = f"{receiver}.{attr}" if receiver is not None else None
        if path is not None:
            value, found = self.state.env.lookup(path)
            if found:
                return value
        base = self.value_of(of)
        if isinstance(base, Ref) and base.qualname in self.program.classes:  # ``cls.sock``, ``Pool.shared``
            return self.instance_attribute(Inst(base.qualname), node, attr, receiver)
        if isinstance(base, Ref):
            return Ref(catalog.canonical(f"{base.qualname}.{attr}"))
        if isinstance(base, Inst):
            return self.instance_attribute(base, node, attr, receiver)
        if isinstance(base, Bag) and f".{attr}" in catalog.BAG_KINDS[base.kind]:  # a selector key's ``fileobj``
            return self.containers.view(base, catalog.BAG_KINDS[base.kind][f".{attr}"], None)
        if isinstance(base, (Sock, Param, Bag)):
            return Member(base, receiver, attr)
        return None

    def instance_attribute(self, base: Inst, node: cst.BaseExpression, attr: str, receiver: Optional[str]) -> Value:
        """An attribute of an instance: what the module's class (or one it derives from)
        stores there, its method or property, or what the library class says it holds."""
        program = self.program
        info = program.classes.get(base.cls)
        for owner in info.lineage() if info is not None else ():
            owner.readers.add(self.state.run)
            if attr in owner.attrs:
                return owner.attrs[attr]
            method = program.functions.get(f"{owner.key}.{attr}")
            if method is not None:
                if _is_property(method):
                    return self.read_result(method, node, f"{receiver}.{attr}" if receiver else method.name)
                return Member(base, receiver, attr)
        libraries = program.library_classes(base.cls)
        for cls in libraries:
            if f"{cls}.{attr}" in catalog.SOCKET_ATTRIBUTES:
                return Sock(self.state.origin(f"{cls.rsplit('.', 1)[-1]}.{attr}", node))
            if f"{cls}.{attr}" in catalog.INSTANCE_ATTRIBUTES:
                return Inst(catalog.INSTANCE_ATTRIBUTES[f"{cls}.{attr}"])
        return Member(base, receiver, attr) if info is None or libraries else None

    def read_result(self, method: FuncInfo, node: cst.BaseExpression, text: str) -> Value:
        """What a method the language calls returns (a property's getter, ``__enter__``),
        cited as ``text`` at ``node``."""
        returned = self.summarise(method).returns
        origin = self.state.origin(text, node)
        if isinstance(returned, Sock):
            return Sock(origin)
        if isinstance(returned, Handle):
            return Handle(Sock(origin), None)
        return returned if isinstance(returned, (Inst, Many)) else None

    def subscript(self, node: cst.Subscript) -> Value:
        base = self.value_of(node.value)
        if isinstance(base, Bag) and len(node.slice) == 1:
            if isinstance(node.slice[0].slice, cst.Index):
                return self.containers.view(base, catalog.BAG_KINDS[base.kind].get("[]"), dotted(node.value))
            return base if base.kind == "sequence" else None
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
        if isinstance(func, Ref):
            return self.result(func.qualname, node, None, None)
        if isinstance(func, Member) and isinstance(func.receiver, Param):
            kind = self.call_results.get(f"{catalog.SOCKET_CLASS}.{func.name}")
            param = func.receiver
            if param.handle:
                return None
            if kind == catalog.HANDLE:
                return Param(param.index, True)
            if kind == catalog.SOCKET:
                return Param(param.index, False, True)
            return Tup((Param(param.index, False, True), None)) if kind == catalog.ACCEPT else None
        if isinstance(func, Member) and isinstance(func.receiver, Inst):
            receiver = func.receiver
            method = self.program.method(receiver.cls, func.name)
            if method is not None:
                return self.returned(method, node, 1)
            for cls in self.program.library_classes(receiver.cls):
                value = self.result(f"{cls}.{func.name}", node, receiver, func.receiver_name)
                if value is not None:
                    return value
            return None
        if isinstance(func, Member) and isinstance(func.receiver, Bag):  # ``d.values()``, ``selector.select()``
            bag = func.receiver
            return self.containers.view(bag, catalog.BAG_KINDS[bag.kind].get(func.name), func.receiver_name)
        if isinstance(func, Member):
            return self.result(f"{catalog.SOCKET_CLASS}.{func.name}", node, func.receiver, func.receiver_name)
        if isinstance(node.func, cst.Attribute):
            return self.evident_method(node, node.func)
        return None

    def result(self, qualname: str, node: cst.Call, receiver: Value, receiver_name: Optional[str]) -> Value:
        """What calling ``qualname`` yields, by the catalog (or the module's own program)."""
        if self.platform.is_call(qualname):
            return self.platform.call(qualname, node)
        if qualname == "getattr" and len(node.args) == 2 and string(argument(node, 1)) is not None:
            return self.member(node.args[0].value, string(node.args[1].value) or "", node)  # ``getattr(s, "fileno")``
        if qualname in catalog.ENTER_CALLS:  # ``stack.enter_context(cm)``: what ``with cm as x`` binds
            entered = argument(node, catalog.ENTER_CALLS[qualname])
            return self.entered(entered, qualname.endswith("async_context")) if entered is not None else None
        if qualname in catalog.CASTS:  # ``typing.cast(socket.socket, x)``: the code says it is one
            cast = shapes.shape(argument(node, 0), self.value_of, self.is_socket_class)
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
        if qualname in catalog.BAG_MAKERS:  # ``dict()``, ``defaultdict(list)``, ``DefaultSelector()``
            made, most = catalog.BAG_MAKERS[qualname]
            if len([arg for arg in node.args if arg.keyword is None]) <= most:
                return self.containers.made(node, made)
        if qualname in catalog.PASS_THROUGH:
            return self.value_of(argument(node, catalog.PASS_THROUGH[qualname]))
        if qualname in catalog.ELEMENTS_OF:
            of = self.value_of(argument(node, catalog.ELEMENTS_OF[qualname]))
            if isinstance(of, Bag) and isinstance(self.containers.element(of, None), Bag):
                return of  # ``list(selector.get_map().values())``: views, iterated alike
            return self.containers.container(of, node)
        if qualname in catalog.SUBSETS_OF:
            positions = catalog.SUBSETS_OF[qualname]
            return Tup(tuple(self.containers.container(self.value_of(argument(node, i)), node) for i in positions))
        if qualname in catalog.LIBRARY_LOADERS:
            library = string(argument(node, 0))
            known = catalog.LIBRARIES.get(library.lower()) if library else None
            return Ref(known) if known else None
        if qualname in self.program.functions:
            info = self.program.functions[qualname]
            return self.returned(info, node, 1 if isinstance(receiver, Inst) and info.owner is not None else 0)
        if qualname in self.program.classes:
            cls = self.program.classes[qualname]
            return Sock(self.state.origin(f"{cls.name}()", node)) if cls.is_socket else Inst(qualname)
        kind = self.call_results.get(qualname)
        if kind is None:
            return Inst(qualname) if qualname in catalog.LIBRARY_CLASSES else None
        spelled = f"{receiver_name}.{qualname.rsplit('.', 1)[1]}" if receiver_name else qualname
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

    def returned(self, info: FuncInfo, node: cst.Call, bound: int = 0) -> Value:
        """What a call of the module's function ``info`` returns, cited as that call (what it
        returns of its own arguments stays theirs: ``def wrap(s): return s``). A generator's
        call returns what it yields, as a container; a context manager's, as what ``with``
        enters (``@contextmanager``)."""
        summary = self.summarise(info)
        if not summary.generator:
            return self.substituted(summary.returns, info, Invocation.direct(node), bound, node)
        yielded = self.substituted(summary.yields, info, Invocation.direct(node), bound, node)
        if any(self.names(d.decorator, catalog.CONTEXT_MANAGERS) for d in info.node.decorators):
            return yielded
        return Many(yielded, frozenset({id(node)})) if isinstance(yielded, (Sock, Handle)) else None

    def entered(self, node: cst.BaseExpression, asynchronous: bool) -> Value:
        """What ``with node as x`` binds: a socket itself, what a context manager function
        yields, what the ``__enter__`` of the module's class returns."""
        value = self.value_of(node)
        if isinstance(value, Inst):
            method = self.program.method(value.cls, "__aenter__" if asynchronous else "__enter__")
            if method is not None:
                return self.read_result(method, node, f"{method.name}()")
            if any(cls in catalog.ENTERS_ITSELF for cls in self.program.library_classes(value.cls)):
                return value
            return None
        return value if isinstance(value, Sock) else None

    def substituted(self, returned: Value, info: FuncInfo, call: Invocation, bound: int, node: cst.Call) -> Value:
        if isinstance(returned, Param) and returned.made:
            made = self.substituted(Param(returned.index, False), info, call, bound, node)
            return Sock(self.state.origin(f"{info.name}()", node)) if isinstance(made, Sock) else None
        if isinstance(returned, Param):
            positional = _positional_names(info)
            every = positional + [p.name.value for p in info.node.params.kwonly_params]
            name = every[returned.index] if returned.index < len(every) else None
            index = returned.index - bound if returned.index < len(positional) else None
            value = self.value_of(call.argument(index if index is None or index >= 0 else None, name))
            if not returned.handle:
                return value
            return Handle(value, None) if isinstance(value, Sock) else None
        if isinstance(returned, Tup):
            return Tup(tuple(self.substituted(item, info, call, bound, node) for item in returned.items))
        origin = self.state.origin(f"{info.name}()", node)
        if isinstance(returned, Sock):
            return Sock(origin)
        if isinstance(returned, Handle):
            return Handle(Sock(origin), None)
        return returned if isinstance(returned, (Inst, Many)) else None

    # --- What a call calls, and what it gives the module's functions ------------------------

    def invocations(self, node: cst.Call) -> list[Invocation]:
        """The call itself, and what it calls with what, if it is given a callable to call
        (``Thread(target=f, args=(s,))``, ``pool.submit(f, s)``, ``functools.partial(f, s)``)."""
        call = Invocation.direct(node)
        found = [call]
        dispatch = self.dispatch(node)
        if dispatch is not None:
            target = call.argument(*dispatch.target)
            if target is not None:
                args = call.args[dispatch.rest :] if dispatch.rest is not None else []
                packed = call.argument(*dispatch.args)
                if isinstance(packed, (cst.Tuple, cst.List)):
                    args = [e.value for e in packed.elements if not isinstance(e, cst.StarredElement)]
                keywords = {k: v for k, v in call.keywords.items() if dispatch.rest is not None and k not in _DISPATCH_KEYWORDS}
                packed_keywords = call.argument(*dispatch.kwargs)
                if isinstance(packed_keywords, cst.Dict):
                    for element in packed_keywords.elements:
                        key = string(element.key) if isinstance(element, cst.DictElement) else None
                        if key is not None and isinstance(element, cst.DictElement):
                            keywords[key] = element.value
                found.append(Invocation(node, target, args, keywords))
        return found

    def dispatch(self, node: cst.Call) -> Optional[catalog.Dispatch]:
        func = self.value_of(node.func)
        if isinstance(func, Ref):
            return catalog.DISPATCHES.get(func.qualname)
        if isinstance(func, Member) and isinstance(func.receiver, Inst):
            found = catalog.DISPATCHES.get(f"{func.receiver.cls}.{func.name}")
            if found is not None:
                return found
        if isinstance(node.func, cst.Attribute) and not isinstance(func, Member):  # an untyped receiver
            return catalog.DISPATCH_METHODS.get(node.func.attr.value)
        return None

    def called(self, node: cst.Call) -> None:
        """A call met in the flow: what it gives the module's functions it calls."""
        for call in self.invocations(node):
            callee = self.value_of(call.func)
            info, bound = self.function_of(callee), 0
            if info is None and isinstance(callee, Ref) and callee.qualname in self.program.classes:
                info, bound = self.program.functions.get(f"{callee.qualname}.__init__"), 1  # ``C(s)``
            elif isinstance(callee, Member) and info is not None and info.owner is not None:
                bound = 1  # ``obj.method(s)``: ``self`` is the object
            if info is not None:
                self.give(info, self.arguments_of(info, call, bound), self.state.origin(f"{info.name}()", node))
            if isinstance(callee, Ref) and not self.state.summaries:
                self.serves(callee.qualname, call)

    def serves(self, server: str, call: Invocation) -> None:
        """A library server made with a function it calls with each connection's socket
        (``StreamServer(address, handle)``): the function's parameters get what it gives."""
        for cls in self.program.library_classes(server):
            if cls in catalog.CALLBACKS:
                (position, keyword), kinds = catalog.CALLBACKS[cls]
                target = self.value_of(call.argument(position, keyword))
                info = self.function_of(target)
                if info is not None:
                    names = _positional_names(info)[1 if isinstance(target, Member) and info.owner is not None else 0 :]
                    origin = self.state.origin(f"{cls.rsplit('.', 1)[-1]}() connection", call.node)
                    self.give(info, {n: self.made(kind, origin) for n, kind in zip(names, kinds) if kind}, None)
                return

    def library_calls(self, cls: ClassInfo) -> None:
        """The methods a library calls, of a class deriving from its class: their parameters
        get what the library gives them (``handle_stream(self, stream, address)``)."""
        for method in cls.methods:
            for library in self.program.library_classes(cls.key):
                kinds = catalog.CALLBACK_METHODS.get(f"{library}.{method.node.name.value}")
                if kinds is not None:
                    origin = self.state.origin(f"{library.rsplit('.', 1)[-1]}.{method.node.name.value}() argument", method.node)
                    names = _positional_names(method)[1:]
                    for name, kind in zip(names, kinds):
                        value = self.made(kind, origin)
                        if value is not None and not is_evidence(method.given.get(name)):
                            method.given[name] = value
                    break

    def made(self, kind: Optional[str], origin: Origin) -> Value:
        """A value of a kind the catalog names: a socket, or an instance of a class."""
        if kind is None:
            return None
        return Sock(origin) if kind == catalog.SOCKET else Inst(kind)

    def arguments_of(self, info: FuncInfo, call: Invocation, bound: int) -> dict[str, Value]:
        """What a call gives each parameter of ``info``, by position (after the ``bound``
        ones the receiver takes) or by keyword; extra positions go to ``*args``."""
        names = _positional_names(info)[bound:]
        params = info.node.params
        values: dict[str, Value] = {}
        extra: list[Value] = []
        for index, expression in enumerate(call.args):
            if index < len(names):
                values[names[index]] = self.value_of(expression)
            else:
                extra.append(self.value_of(expression))
        if extra and isinstance(params.star_arg, cst.Param) and not call.starred:  # ``*args``: the rest, a tuple
            values[params.star_arg.name.value] = Tup(tuple(extra))
        for keyword, expression in call.keywords.items():
            values[keyword] = self.value_of(expression)
        return values

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
        if name in catalog.SOCKET_WRAPPING_METHODS and isinstance(self.value_of(first), Sock):
            return Sock(self.state.origin(f"{spelled}()", node))
        return None

    # --- Classes, annotations, callees -----------------------------------------------------

    def is_socket_class(self, node: Optional[cst.BaseExpression]) -> bool:
        value = self.value_of(node)
        if isinstance(value, Ref):
            if value.qualname in catalog.SOCKET_CLASSES:
                return True
            info = self.program.classes.get(value.qualname)
            return bool(info and info.is_socket)
        return False

    def annotated(self, node: cst.BaseExpression, what: str, at: cst.CSTNode) -> Value:
        """What an annotation of ``what`` (``parameter 's'``, ``'self.sock'``) promises, as a value."""
        found = shapes.shape(node, self.value_of, self.is_socket_class)
        if found is None:
            return self.instance_of(node) or self.holding(node, what, at)
        if found == shapes.SOCKET:
            return Sock(self.state.origin(f"{what} annotated as a socket", at))
        kind = "container" if found == shapes.SOCKETS else "tuple"
        sock = Sock(self.state.origin(f"{what} annotated as a {kind} of sockets", at))
        return Many(sock, frozenset({id(at)})) if found == shapes.SOCKETS else Tup((sock,) * int(found))

    def instance_of(self, node: cst.BaseExpression) -> Optional[Inst]:
        """An annotation naming a class of the module's or the catalog's: its instances."""
        known = self.value_of(node)
        if isinstance(known, Ref) and (known.qualname in self.program.classes or known.qualname in catalog.LIBRARY_CLASSES):
            return Inst(known.qualname)
        return None

    def holding(self, node: cst.BaseExpression, what: str, at: cst.CSTNode) -> Optional[Bag]:
        """A container annotation whose elements (or a mapping's keys or values) are sockets or
        instances of known classes: ``dict[int, socket.socket]``, ``list[Listener]``."""
        if not isinstance(node, cst.Subscript):
            return None
        wrapper = self.value_of(node.value)
        items = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
        qualname = wrapper.qualname if isinstance(wrapper, Ref) else ""
        slots: tuple[str, ...]
        if qualname in catalog.MAPPING_TYPES and len(items) == 2:
            bag, slots = Bag(frozenset({id(at)}), "mapping"), ("key", "value")
        elif qualname in catalog.SOCKET_CONTAINERS and len(items) == 1:
            bag, slots = Bag(frozenset({id(at)}), "sequence"), ("element",)
        else:
            return None
        held: list[Value] = []
        for item in items:
            socket = shapes.shape(item, self.value_of, self.is_socket_class) == shapes.SOCKET
            held.append(Sock(self.state.origin(f"{what} annotated as holding sockets", at)) if socket else self.instance_of(item))
        if not any(is_evidence(value) for value in held):
            return None
        for slot, value in zip(slots, held):
            self.containers.fill(bag, slot, value)
        return bag

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

    def function_of(self, callee: Value) -> Optional[FuncInfo]:
        if isinstance(callee, Ref):
            return self.program.functions.get(callee.qualname)
        if isinstance(callee, Member) and isinstance(callee.receiver, Inst):
            return self.program.method(callee.receiver.cls, callee.name)
        return None

    def sink_of(self, callee: Value) -> Optional[catalog.Sink]:
        if isinstance(callee, Ref):
            return self.sinks.get(callee.qualname)
        if isinstance(callee, Member) and isinstance(callee.receiver, Inst):
            return self.sinks.get(f"{callee.receiver.cls}.{callee.name}")
        return None
