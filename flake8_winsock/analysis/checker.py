"""The LibCST visitor that follows values through a module and reports sinks.

One walk over the module: statements run in order in an ``Env``; branches copy it
and merge where they meet; function bodies run after the module body, with the
module's final bindings as their globals; the methods of a class run together, as
often as it takes for what they store on ``self`` to settle (at most ``MAX_ROUNDS``).

``visit_Call`` checks every call against the catalog's sinks. Everything else here
exists to know, at that moment, whether the handle argument is a socket's handle.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Callable, Optional, Sequence, Union

import libcst as cst

from .. import catalog
from .scope import POSIX, Env, identifier, merge
from .values import NONE, Guard, Handle, Inst, Many, Member, Origin, Param, Ref, Sock, Tup, Value, alike, join

MAX_ROUNDS = 4
_BUILTINS = frozenset(dir(builtins))
_SOCKETS = "sockets"  # what an annotation such as ``list[socket.socket]`` promises
_ADDING = (cst.AddAssign, cst.BitOrAssign, cst.BitXorAssign)  # ``c += ...`` and the like put into ``c``

Block = Union[cst.IndentedBlock, cst.SimpleStatementSuite, cst.Module]


@dataclass
class RawFinding:
    """A sink call given a socket handle; positions are resolved later."""

    node: cst.Call
    sink: catalog.Sink
    value: Union[Handle, Sock]  # what was passed: a socket's handle, or the socket itself
    name: Optional[str]  # how the code names the socket
    keyword: Optional[str]  # the keyword it was passed as
    top: int  # the module-level statement that holds it
    via: tuple[Origin, ...] = ()  # the module's own functions it passed through, down to the sink


@dataclass(frozen=True)
class Flow:
    """A parameter of a module function that reaches a sink."""

    index: int  # its position, ``self`` included
    param: str  # its name, for keyword calls
    wants: str  # "handle": the argument is the handle; "socket": its handle is taken inside
    sink: catalog.Sink
    chain: tuple[Origin, ...]  # calls from the function's body down to the sink call


@dataclass
class Summary:
    returns: Value = None
    flows: list[Flow] = field(default_factory=list)


@dataclass
class FuncInfo:
    """A function or method of the module, summarised when a call needs it."""

    node: cst.FunctionDef
    name: str  # as messages show it
    parent: Optional["Env"]  # the enclosing function's scope, None at module level
    owner: Optional["ClassInfo"]
    posix: bool
    top: int
    summary: Optional[Summary] = None
    running: bool = False


@dataclass
class ClassInfo:
    """A class of the module: its methods and what they store on ``self``."""

    key: str  # "<Name>", unique in the module: the qualified name of its instances
    name: str
    methods: list[tuple[cst.FunctionDef, bool]] = field(default_factory=list)  # with: POSIX only?
    declared: dict[str, Value] = field(default_factory=dict)  # class-level annotations
    attrs: dict[str, Value] = field(default_factory=dict)  # facts in force this round
    stored: dict[str, Value] = field(default_factory=dict)  # what this round stored
    is_socket: bool = False  # derives from socket.socket: its instances are sockets


def dotted(node: cst.BaseExpression) -> Optional[str]:
    """``a.b.c`` for a chain of names, else None."""
    if isinstance(node, cst.Name):
        return node.value
    if isinstance(node, cst.Attribute):
        base = dotted(node.value)
        return f"{base}.{node.attr.value}" if base else None
    return None


def _string(node: Optional[cst.BaseExpression]) -> Optional[str]:
    if isinstance(node, cst.SimpleString):
        return node.evaluated_value if isinstance(node.evaluated_value, str) else None
    return None


def argument(call: cst.Call, position: Optional[int], keyword: Optional[str] = None) -> Optional[cst.BaseExpression]:
    """The expression passed at ``position`` (0-based) or as ``keyword``, if it can be told."""
    index = 0
    for arg in call.args:
        if arg.keyword is not None:
            if keyword is not None and arg.keyword.value == keyword:
                return arg.value
            continue
        if arg.star:
            return None  # *args: positions after it cannot be told
        if index == position:
            return arg.value
        index += 1
    return None


class _Visitor(cst.CSTVisitor):
    """LibCST's visitor, with its hooks looked up once per node type, not per node.

    LibCST looks up ``visit_<Node>`` and ``leave_<Node>`` by name at every node, and
    ``visit_<Node>_<field>`` before and after every field of every node; that lookup
    was a quarter of the walk. Subclasses here define no field hooks.
    """

    def on_visit(self, node: cst.CSTNode) -> bool:
        visit = _hook(type(self), "visit_", type(node))
        return visit is None or visit(self, node) is not False

    def on_leave(self, original_node: cst.CSTNode) -> None:
        leave = _hook(type(self), "leave_", type(original_node))
        if leave is not None:
            leave(self, original_node)

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass


@lru_cache(maxsize=None)
def _hook(visitor: type, prefix: str, node: type) -> Optional[Callable]:
    return getattr(visitor, prefix + node.__name__, None)


class Checker(_Visitor):
    def __init__(self, knowledge: catalog.Knowledge = catalog.CATALOG) -> None:
        super().__init__()
        self.call_results, self.sinks = knowledge.call_results, knowledge.sinks
        self.sink_names = frozenset(sink.name for sink in knowledge.sinks.values())
        self.env = Env()
        self.module_env = self.env
        self.findings: list[RawFinding] = []
        self.too_deep: list[int] = []  # module-level statements holding nesting too deep to follow
        self.top = 0  # index of the module-level statement being run (for positions)
        self.queue: list[tuple] = []  # functions and classes to run after the module body
        self.classes: dict[str, ClassInfo] = {}
        self.current_class: Optional[ClassInfo] = None  # the class of the method being run
        self.self_name: Optional[str] = None  # its first parameter
        self.loop_exits: list[list[Env]] = []
        self.class_env: Optional[Env] = None  # the body of the class being defined
        self.in_function = False
        self.functions: dict[str, FuncInfo] = {}
        self.method_names: set[str] = set()
        self.comprehension_scopes: list[Env] = []  # names of the module's methods, for the call filter
        self.module_done = False
        self.env_at_module_level = self.env
        self.current_params: list[cst.Param] = []
        self.summaries: list[tuple[list[Value], list[Flow]]] = []  # returns and flows being collected
        self._scope_names: list[str] = []
        self.spoiled: set[int] = set()  # ``Many.sites`` of containers given something else than their elements

    # --- Driving -------------------------------------------------------------------

    def analyse(self, module: cst.Module) -> None:
        for self.top, statement in enumerate(module.body):
            self.env_at_module_level = self.env
            self.run_block([statement])
            if _imports_posix_module(statement):  # the module cannot be imported on Windows
                self.env.bind(POSIX, True)
        self.module_done = True
        self.module_env = self.env
        self.module_env.dead = False
        while self.queue:
            run, node, parent, owner, self.top, posix = self.queue.pop(0)
            run(node, parent or self.module_env, owner, posix)
        if self.spoiled:  # a container spoiled after (or in a function run after) an element was used
            self.findings = [f for f in self.findings if not _origin(f.value).via & self.spoiled]

    def origin(self, text: str, node: cst.CSTNode) -> Origin:
        return Origin(text, node, self.top)

    def run_block(self, statements: Sequence[cst.CSTNode]) -> None:
        for statement in statements:
            saved = self.env
            try:
                statement.visit(self)
            except RecursionError:
                # Nesting too deep to follow: note it, forget what it bound, go on.
                self.env = saved
                self.too_deep.append(self.top)

    def run_body(self, body: cst.BaseSuite) -> None:
        self.run_block(body.body)

    def branch(self, env: Env, body: Optional[cst.CSTNode]) -> Env:
        """Run ``body`` (a suite, an ``Else``, an ``If``) from a copy of ``env``."""
        self.env = env.copy()
        if isinstance(body, cst.If):
            body.visit(self)
        elif isinstance(body, cst.Else):
            self.run_body(body.body)
        elif body is not None:
            self.run_body(body)
        return self.env

    # --- Values ----------------------------------------------------------------------

    def value_of(self, node: Optional[cst.BaseExpression]) -> Value:
        if node is None:
            return None
        if isinstance(node, cst.Name):
            return self.name_value(node.value)
        if isinstance(node, cst.Attribute):
            return self.attribute_value(node)
        if isinstance(node, cst.Call):
            return self.call_value(node)
        if isinstance(node, cst.Await):
            return self.value_of(node.expression)
        if isinstance(node, cst.NamedExpr):
            return self.value_of(node.value)
        if isinstance(node, cst.Subscript):
            return self.subscript_value(node)
        if isinstance(node, cst.Tuple) and not any(isinstance(e, cst.StarredElement) for e in node.elements):
            return Tup(tuple(self.value_of(e.value) for e in node.elements))
        if isinstance(node, (cst.List, cst.Set, cst.Tuple)):
            return self.literal_value(node)
        if isinstance(node, (cst.ListComp, cst.SetComp, cst.GeneratorExp)):
            return self.comprehension(node, visit=False)
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):  # ``[server] + clients``
            left, right = (self.container(self.value_of(side), node) for side in (node.left, node.right))
            return join(left, right) if left is not None and right is not None else None
        if isinstance(node, cst.IfExp):
            return join(self.value_of(node.body), self.value_of(node.orelse))
        if isinstance(node, cst.BooleanOperation):
            return join(self.value_of(node.left), self.value_of(node.right))
        if isinstance(node, cst.Comparison):
            return self.platform_comparison(node)
        return None

    def name_value(self, name: str) -> Value:
        value, found = self.env.lookup(name)
        if found:
            return value
        if name == "None":
            return NONE
        return Ref(name) if name in _BUILTINS else None

    def attribute_value(self, node: cst.Attribute) -> Value:
        path = dotted(node)
        if path is not None:
            value, found = self.env.lookup(path)
            if found:
                return value
        base = self.value_of(node.value)
        attr = identifier(node.attr.value)
        if isinstance(base, Ref):
            qualname = f"{base.qualname}.{attr}"
            return Ref(catalog.LIBRARY_ATTRIBUTES.get(qualname, qualname))
        if isinstance(base, Inst) and base.cls in self.classes:
            if f"{base.cls}.{attr}" in self.functions and attr not in self.classes[base.cls].attrs:
                return Member(base, dotted(node.value), attr)  # a method of the module's class
            return self.classes[base.cls].attrs.get(attr)
        if isinstance(base, Inst) and f"{base.cls}.{attr}" in catalog.SOCKET_ATTRIBUTES:
            return Sock(self.origin(f"{dotted(node) or attr}", node))
        if isinstance(base, (Inst, Sock, Param)):
            return Member(base, dotted(node.value), attr)
        return None

    def subscript_value(self, node: cst.Subscript) -> Value:
        base = self.value_of(node.value)
        if isinstance(base, Tup) and len(node.slice) == 1:
            index = node.slice[0].slice
            if isinstance(index, cst.Index) and isinstance(index.value, cst.Integer):
                i = int(index.value.value, 0)
                return base.items[i] if i < len(base.items) else None
        if isinstance(base, Many) and len(node.slice) == 1:  # ``socks[0]``, ``socks[1:]``
            return self.element(base, dotted(node.value)) if isinstance(node.slice[0].slice, cst.Index) else base
        return None

    # --- Containers -------------------------------------------------------------------

    def literal_value(self, node: Union[cst.List, cst.Set, cst.Tuple]) -> Value:
        """``[a, b]``, ``{a, b}``, ``[*socks, c]``: a container, if every element is a socket (or a handle)."""
        items: list[Value] = []
        sites = {id(node)}
        for element in node.elements:
            if isinstance(element, cst.StarredElement):
                inner = self.container(self.value_of(element.value), element)
                if inner is None:
                    return None
                items.append(inner.item)
                sites |= inner.sites
            else:
                items.append(self.value_of(element.value))
        item = alike(items)
        return Many(item, frozenset(sites)) if item is not None else None

    def container(self, value: Value, node: cst.CSTNode) -> Optional[Many]:
        """``value`` as a container of sockets (or of handles): a ``Many``, or a tuple of them."""
        if isinstance(value, Many):
            return None if value.sites & self.spoiled else value
        item = alike(value.items) if isinstance(value, Tup) else None
        return Many(item, frozenset({id(node)})) if item is not None else None

    def element(self, value: Value, name: Optional[str]) -> Value:
        """What iterating over ``value`` (a container named ``name``) gives: a socket, a handle, or unknown."""
        if isinstance(value, Many) and not value.sites & self.spoiled:
            item, sites = value.item, value.sites
        elif isinstance(value, Tup):
            item, sites = alike(value.items), frozenset()
        else:
            return None
        if item is None or _origin(item).via & self.spoiled:
            return None
        if isinstance(item, Handle):  # the handle's socket has no name where the element is used
            return Handle(Sock(item.sock.origin.element(None, sites)), None)
        return Sock(item.origin.element(name, sites))

    def put(self, container: Value, added: Sequence[Value]) -> None:
        """``added`` goes into ``container``: a container of sockets given anything else is spoiled."""
        if isinstance(container, Many) and not all(isinstance(value, type(container.item)) for value in added):
            self.spoiled |= container.sites

    def added(self, node: cst.Call, method: cst.Attribute) -> None:
        """``c.append(x)``, ``c.insert(i, x)``, ``c.extend(xs)``: what a method puts into ``c``."""
        container = self.value_of(method.value)
        if not isinstance(container, Many):
            return
        where = catalog.CONTAINER_ADDERS[method.attr.value]
        if any(arg.star or arg.keyword for arg in node.args):
            added: list[Value] = [None]
        elif where == catalog.ELEMENTS:
            added = [self.element(self.value_of(arg.value), None) for arg in node.args]
        else:
            added = [self.value_of(argument(node, where))]
        self.put(container, added)

    def comprehension(self, node: Union[cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp], visit: bool) -> Value:
        """Run a comprehension in its own scope, each target bound to an element of what it iterates.

        Visiting, its calls are checked; otherwise, its value: a container, if every
        element it makes is a socket (or a handle).
        """
        saved = self.env
        self.comprehension_scopes.append(saved)
        self.env = Env(parent=saved)
        try:
            clause: Optional[cst.CompFor] = node.for_in
            while clause is not None:
                if visit:
                    clause.iter.visit(self)
                self.bind(clause.target, self.element(self.value_of(clause.iter), dotted(clause.iter)))
                for condition in clause.ifs:
                    if visit:
                        condition.visit(self)
                    for key, value in self.narrowing(condition.test)[0].items():  # ``if isinstance(x, socket.socket)``
                        self.env.bind(key, value)
                clause = clause.inner_for_in
            if visit:
                for part in (node.key, node.value) if isinstance(node, cst.DictComp) else (node.elt,):
                    part.visit(self)
                return None
            item = self.value_of(node.elt)
        finally:
            self.env = saved
            self.comprehension_scopes.pop()
        return Many(item, frozenset({id(node)})) if isinstance(item, (Sock, Handle)) else None

    def call_value(self, node: cst.Call) -> Value:
        func = self.value_of(node.func)
        if isinstance(func, Ref):
            return self.result(func.qualname, node, None, None)
        if isinstance(func, Member) and isinstance(func.receiver, Param):
            kind = self.call_results.get(f"{catalog.SOCKET_CLASS}.{func.name}")
            return Param(func.receiver.index, True) if kind == catalog.HANDLE and not func.receiver.handle else None
        if isinstance(func, Member):
            cls = catalog.SOCKET_CLASS if isinstance(func.receiver, Sock) else func.receiver.cls
            return self.result(f"{cls}.{func.name}", node, func.receiver, func.receiver_name)
        if isinstance(node.func, cst.Attribute):
            return self.evident_method(node, node.func.attr.value)
        return None

    def result(self, qualname: str, node: cst.Call, receiver: Value, receiver_name: Optional[str]) -> Value:
        """What calling ``qualname`` yields, by the catalog (or the module's classes)."""
        if qualname == "hasattr" or qualname.endswith(".startswith"):
            return self.platform_call(qualname, node)
        if qualname in catalog.PLATFORM_TEST_CALLS:
            return _platform_guard([catalog.PLATFORM_TEST_CALLS[qualname]])
        if qualname in catalog.PASS_THROUGH:
            return self.value_of(argument(node, catalog.PASS_THROUGH[qualname]))
        if qualname in catalog.ELEMENTS_OF:
            return self.container(self.value_of(argument(node, catalog.ELEMENTS_OF[qualname])), node)
        if qualname in catalog.SUBSETS_OF:
            return Tup(tuple(self.container(self.value_of(argument(node, i)), node) for i in catalog.SUBSETS_OF[qualname]))
        if qualname in catalog.LIBRARY_LOADERS:
            library = _string(argument(node, 0))
            known = catalog.LIBRARIES.get(library.lower()) if library else None
            return Ref(known) if known else None
        if qualname in self.functions:
            info = self.functions[qualname]
            returned = self.summarise(info).returns
            origin = self.origin(f"{info.name}()", node)
            if isinstance(returned, Sock):
                return Sock(origin)
            if isinstance(returned, Handle):
                return Handle(Sock(origin), None)
            return returned if isinstance(returned, (Inst, Tup, Many)) else None
        if qualname in self.classes:
            info = self.classes[qualname]
            return Sock(self.origin(f"{info.name}()", node)) if info.is_socket else Inst(qualname)
        kind = self.call_results.get(qualname)
        if kind is None:
            return None
        spelled = f"{receiver_name}.{qualname.rsplit('.', 1)[1]}" if receiver_name else qualname
        origin = self.origin(f"{spelled}()", node)
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

    def evident_method(self, node: cst.Call, name: str) -> Value:
        """Methods of an untyped receiver whose call is evidence by itself."""
        receiver = dotted(node.func.value) if isinstance(node.func, cst.Attribute) else None
        spelled = f"{receiver}.{name}" if receiver else name
        first = argument(node, 0)
        if name in catalog.EXTRA_INFO_METHODS and _string(first) == catalog.EXTRA_INFO_METHODS[name]:
            return Sock(self.origin(f"{spelled}({first.value})", node))
        if name in catalog.SOCKET_WRAPPING_METHODS and isinstance(self.value_of(first), Sock):
            return Sock(self.origin(f"{spelled}()", node))
        return None

    # --- Platform tests ---------------------------------------------------------------

    def probe(self, node: cst.BaseExpression) -> Optional[str]:
        """The Windows prefix of a platform probe (``sys.platform``, ``os.name``, ...)."""
        value = self.value_of(node.func) if isinstance(node, cst.Call) and not node.args else self.value_of(node)
        if not isinstance(value, Ref):
            return None
        return catalog.PLATFORM_PROBES.get(value.qualname + ("()" if isinstance(node, cst.Call) else ""))

    def platform_comparison(self, node: cst.Comparison) -> Value:
        """``sys.platform == "win32"``, ``os.name != "nt"``, ``sys.platform in (...)``."""
        if len(node.comparisons) != 1:
            return None
        operator, other = node.comparisons[0].operator, node.comparisons[0].comparator
        marker = self.probe(node.left)
        if marker is None:
            return None
        literals = [_string(e.value) for e in other.elements] if isinstance(other, cst.Tuple) else [_string(other)]
        if None in literals:
            return None
        guard = _platform_guard([lit.startswith(marker) for lit in literals])
        if isinstance(operator, (cst.NotEqual, cst.NotIn)):
            return guard.negated() if guard else None
        return guard if isinstance(operator, (cst.Equal, cst.In)) else None

    def platform_call(self, qualname: str, node: cst.Call) -> Value:
        """``sys.platform.startswith("win")``, ``hasattr(os, "fork")``."""
        first = _string(argument(node, 0))
        if qualname == "hasattr":
            module, name = self.value_of(argument(node, 0)), _string(argument(node, 1))
            if isinstance(module, Ref) and f"{module.qualname}.{name}" in catalog.POSIX_ONLY:
                return Guard(when_true=True, when_false=None)
            return None
        marker = catalog.PLATFORM_PROBES.get(qualname[: -len(".startswith")])
        return _platform_guard([first.startswith(marker)]) if marker and first is not None else None

    def decorated_posix(self, decorators: Sequence[cst.Decorator]) -> bool:
        """A test skipped unless on POSIX: ``@unittest.skipIf(sys.platform == "win32", ...)``."""
        for decorator in decorators:
            call = decorator.decorator
            if not isinstance(call, cst.Call):
                continue
            skip = self.value_of(call.func)
            guard = self.value_of(argument(call, 0, "condition"))
            if not isinstance(skip, Ref) or not isinstance(guard, Guard):
                continue
            if skip.qualname in catalog.SKIP_UNLESS and guard.when_true is True:
                return True
            if skip.qualname in catalog.SKIP_IF and guard.when_false is True:
                return True
        return False

    def posix_only_here(self) -> bool:
        return self.env.lookup(POSIX)[0] is True

    def is_socket_class(self, node: Optional[cst.BaseExpression]) -> bool:
        value = self.value_of(node)
        if isinstance(value, Ref):
            if value.qualname in catalog.SOCKET_CLASSES:
                return True
            info = self.classes.get(value.qualname)
            return bool(info and info.is_socket)
        return False

    def annotated(self, node: cst.BaseExpression, what: str, at: cst.CSTNode) -> Value:
        """What an annotation of ``what`` (``parameter 's'``, ``'self.sock'``) promises, as a value."""
        shape = self.annotation_shape(node)
        if shape is None:
            return None
        if shape == catalog.SOCKET:
            return Sock(self.origin(f"{what} annotated as a socket", at))
        sock = Sock(self.origin(f"{what} annotated as a {'container' if shape == _SOCKETS else 'tuple'} of sockets", at))
        return Many(sock, frozenset({id(at)})) if shape == _SOCKETS else Tup((sock,) * int(shape))

    def annotation_shape(self, node: Optional[cst.BaseExpression]) -> Union[str, int, None]:
        """``catalog.SOCKET`` for ``socket.socket``, ``Optional[...]``, ``X | None``, ``"socket.socket"``;
        ``_SOCKETS`` for ``list[socket.socket]``, ``tuple[socket.socket, ...]`` and the like;
        n for a tuple of n sockets; None for anything else."""
        if node is None:
            return None
        if isinstance(node, cst.SimpleString):
            text = _string(node)
            try:
                return self.annotation_shape(cst.parse_expression(text)) if text is not None else None
            except Exception:
                return None
        if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.BitOr):
            sides = [node.left, node.right]
            nones = [s for s in sides if isinstance(s, cst.Name) and s.value == "None"]
            return self.annotation_shape(next(s for s in sides if s not in nones)) if len(nones) == 1 else None
        if not isinstance(node, cst.Subscript):
            return catalog.SOCKET if self.is_socket_class(node) else None
        wrapper = self.value_of(node.value)
        qualname = wrapper.qualname if isinstance(wrapper, Ref) else ""
        items = [e.slice.value for e in node.slice if isinstance(e.slice, cst.Index)]
        if qualname in ("typing.Optional", "typing_extensions.Optional"):
            return self.annotation_shape(items[0]) if len(items) == 1 else None
        if qualname in ("typing.Union", "typing_extensions.Union"):
            rest = [i for i in items if not (isinstance(i, cst.Name) and i.value == "None")]
            return self.annotation_shape(rest[0]) if len(rest) == 1 else None
        if qualname in catalog.TUPLE_TYPES and len(items) == 2 and isinstance(items[1], cst.Ellipsis):
            qualname, items = "tuple[...]", items[:1]  # ``tuple[socket.socket, ...]``: a container
        elif qualname not in catalog.SOCKET_CONTAINERS and qualname not in catalog.TUPLE_TYPES:
            return None
        if not items or any(self.annotation_shape(item) != catalog.SOCKET for item in items):
            return None
        if qualname in catalog.TUPLE_TYPES:
            return len(items)
        return _SOCKETS if len(items) == 1 else None

    # --- Binding ----------------------------------------------------------------------

    def bind(self, target: cst.BaseExpression, value: Value) -> None:
        if isinstance(target, cst.Subscript):  # ``c[i] = x`` puts ``x`` into ``c``; ``c[i:j] = xs``, each of ``xs``
            whole = isinstance(target.slice[0].slice, cst.Slice) if len(target.slice) == 1 else False
            self.put(self.value_of(target.value), [self.element(value, None) if whole else value])
        elif isinstance(target, cst.Name):
            self.env.bind(target.value, value)
        elif isinstance(target, cst.Attribute):
            path = dotted(target)
            if path is None:
                return
            self.env.bind(path, value)
            owner = self.current_class
            if owner is not None and not self.summaries and path.count(".") == 1 and path.split(".")[0] == self.self_name:
                attr = identifier(target.attr.value)
                owner.stored[attr] = join(owner.stored[attr], value) if attr in owner.stored else value
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = target.elements
            items = value.items if isinstance(value, Tup) and len(value.items) == len(elements) else None
            each = self.element(value, None) if isinstance(value, Many) else None  # ``a, b = socks``
            for i, element in enumerate(elements):
                if isinstance(element, cst.StarredElement):
                    self.bind(element.value, value if each is not None else None)
                else:
                    self.bind(element.value, items[i] if items else each)
        elif isinstance(target, cst.StarredElement):
            self.bind(target.value, None)

    def bind_import(self, node: Union[cst.Import, cst.ImportFrom]) -> None:
        if isinstance(node, cst.Import):
            for alias in node.names:
                path = dotted(alias.name) or ""
                if alias.asname is not None:
                    self.env.bind(alias.asname.name.value, Ref(path))
                else:
                    root = path.split(".")[0]
                    self.env.bind(root, Ref(root))
            return
        module = dotted(node.module) if node.module is not None and not node.relative else None
        if isinstance(node.names, cst.ImportStar):
            for name, qualname in catalog.star_names(module or "").items():
                self.env.bind(name, Ref(qualname))
            return
        for alias in node.names:
            name = alias.asname.name.value if alias.asname is not None else alias.name.value
            self.env.bind(name, Ref(f"{module}.{alias.name.value}") if module else None)

    # --- Statements ------------------------------------------------------------------

    def visit_Import(self, node: cst.Import) -> bool:
        self.bind_import(node)
        return False

    def visit_ImportFrom(self, node: cst.ImportFrom) -> bool:
        self.bind_import(node)
        return False

    def leave_Assign(self, node: cst.Assign) -> None:
        value = self.value_of(node.value)
        for target in node.targets:
            self.bind(target.target, value)
        self.after_posix_only_call(node.value)

    def leave_Expr(self, node: cst.Expr) -> None:
        self.after_posix_only_call(node.value)

    def after_posix_only_call(self, node: cst.BaseExpression) -> None:
        """``pid = os.fork()``: what follows runs on POSIX only."""
        if isinstance(node, cst.Call):
            func = self.value_of(node.func)
            if isinstance(func, Ref) and func.qualname in catalog.POSIX_ONLY:
                self.env.bind(POSIX, True)

    def leave_AnnAssign(self, node: cst.AnnAssign) -> None:
        value = self.value_of(node.value)
        if not isinstance(value, (Sock, Many)):
            declared = self.annotated(node.annotation.annotation, f"'{dotted(node.target) or 'attribute'}'", node)
            value = value if declared is None else declared
        if node.value is not None or value is not None:
            self.bind(node.target, value)

    def leave_AugAssign(self, node: cst.AugAssign) -> None:
        target = self.value_of(node.target)
        if isinstance(target, Many):  # ``socks += [conn]``: the same container, judged by what goes in
            if isinstance(node.operator, _ADDING):
                self.put(target, [self.element(self.value_of(node.value), None)])
            return
        self.bind(node.target, None)

    def leave_NamedExpr(self, node: cst.NamedExpr) -> None:
        value = self.value_of(node.value)
        self.bind(node.target, value)
        if self.comprehension_scopes:  # it binds in the scope around the comprehension
            inner, self.env = self.env, self.comprehension_scopes[0]
            self.bind(node.target, None)  # per iteration: what it holds after is not known
            self.env = inner

    def leave_Del(self, node: cst.Del) -> None:
        if not isinstance(node.target, cst.Subscript):  # ``del c[i]`` takes out, puts nothing in
            self.bind(node.target, None)

    def visit_Global(self, node: cst.Global) -> bool:
        for item in node.names:
            self.env.bind(item.name.value, None)
        return False

    visit_Nonlocal = visit_Global

    def leave_Return(self, node: cst.Return) -> None:
        if self.summaries:
            self.summaries[-1][0].append(self.value_of(node.value) if node.value is not None else NONE)
        self.env.dead = True

    def leave_Raise(self, node: cst.Raise) -> None:
        self.env.dead = True

    def leave_Break(self, node: cst.Break) -> None:
        if self.loop_exits:
            self.loop_exits[-1].append(self.env.copy())
        self.env.dead = True

    leave_Continue = leave_Break

    def visit_If(self, node: cst.If) -> bool:
        node.test.visit(self)
        when_true, when_false = self.narrowing(node.test)
        before = self.env
        true_env = before.copy()
        for key, value in when_true.items():
            true_env.bind(key, value)
        false_env = before.copy()
        for key, value in when_false.items():
            false_env.bind(key, value)
        self.env = merge([self.branch(true_env, node.body), self.branch(false_env, node.orelse)])
        return False

    def narrowing(self, test: cst.BaseExpression) -> tuple[dict[str, Value], dict[str, Value]]:
        """Facts that hold when ``test`` is true, and when it is false."""
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            when_true, when_false = self.narrowing(test.expression)
            return when_false, when_true
        if isinstance(test, cst.BooleanOperation):
            left, right = self.narrowing(test.left), self.narrowing(test.right)
            if isinstance(test.operator, cst.And):
                return {**left[0], **right[0]}, {}
            return {}, {**left[1], **right[1]}
        guard = self.value_of(test)
        if isinstance(guard, Guard):
            return guard.facts()
        if isinstance(test, cst.Call) and self.value_of(test.func) == Ref("isinstance"):
            subject = dotted(test.args[0].value) if len(test.args) == 2 else None
            if subject is None:
                return {}, {}
            classes = test.args[1].value
            options = [e.value for e in classes.elements] if isinstance(classes, cst.Tuple) else [classes]
            socket_options = [self.is_socket_class(option) for option in options]
            if all(socket_options):
                return {subject: Sock(self.origin("isinstance() check", test))}, {subject: None}
            if not any(socket_options):
                return {}, {}
            return {subject: None}, {subject: None}
        return {}, {}

    def visit_Assert(self, node: cst.Assert) -> bool:
        node.test.visit(self)
        for key, value in self.narrowing(node.test)[0].items():
            self.env.bind(key, value)
        return False

    def visit_While(self, node: cst.While) -> bool:
        node.test.visit(self)
        self.run_loop(node, None, None)
        return False

    def visit_For(self, node: cst.For) -> bool:
        node.iter.visit(self)
        self.run_loop(node, node.target, self.element(self.value_of(node.iter), dotted(node.iter)))
        return False

    def run_loop(self, node: Union[cst.For, cst.While], target: Optional[cst.BaseExpression], item: Value) -> None:
        before = self.env
        self.env = before.copy()
        if target is not None:
            self.bind(target, item)
        self.loop_exits.append([])
        self.run_body(node.body)
        exits = self.loop_exits.pop()
        after = merge([before, self.env, *exits])
        self.env = self.branch(after, node.orelse) if node.orelse is not None else after

    def visit_Try(self, node: Union[cst.Try, cst.TryStar]) -> bool:
        before = self.env
        after_body = self.branch(before, node.body)
        outcomes = [self.branch(after_body, node.orelse) if node.orelse else after_body]
        for handler in node.handlers:
            self.env = merge([before, after_body])
            self.env.dead = False
            if handler.type is not None:
                handler.type.visit(self)
            if handler.name is not None:
                self.bind(handler.name.name, None)
            self.run_body(handler.body)
            outcomes.append(self.env)
        self.env = merge(outcomes)
        if node.finalbody is not None:
            dead = self.env.dead
            self.env.dead = False
            self.run_body(node.finalbody.body)
            self.env.dead = self.env.dead or dead
        return False

    visit_TryStar = visit_Try

    def visit_Match(self, node: cst.Match) -> bool:
        node.subject.visit(self)
        before = self.env
        outcomes = [before]  # no case matched
        for case in node.cases:
            self.env = before.copy()
            for name in _captured(case.pattern):
                self.env.bind(name, None)
            if case.guard is not None:
                case.guard.visit(self)
            self.run_body(case.body)
            outcomes.append(self.env)
        self.env = merge(outcomes)
        return False

    def visit_With(self, node: cst.With) -> bool:
        for item in node.items:
            item.item.visit(self)
            if item.asname is not None:
                entered = self.value_of(item.item)
                self.bind(item.asname.name, entered if isinstance(entered, Sock) else None)
        self.run_body(node.body)
        return False

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        for decorator in node.decorators:
            decorator.visit(self)
        if self.summaries:  # a function inside one being summarised: not followed
            self.env.bind(node.name.value, None)
            return False
        posix = self.posix_only_here() or self.decorated_posix(node.decorators)
        owner = self.current_class if self.current_class is not None and self.env is self.class_env else None
        parent = self.env if self.in_function else None
        if owner is not None:
            key, name = f"{owner.key}.{node.name.value}", f"{owner.name}.{node.name.value}"
            owner.methods.append((node, posix))
            self.method_names.add(node.name.value)
        else:
            key, name = f"<{'.'.join([*self._scope_names, node.name.value])}()>", node.name.value
            self.queue.append((self.run_function, node, parent, None, self.top, posix))
        self.functions[key] = FuncInfo(node, name, parent, owner, posix, self.top)
        self.env.bind(node.name.value, Ref(key))
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        if self.summaries:  # a class inside a function being summarised: not followed
            self.env.bind(node.name.value, None)
            return False
        for decorator in node.decorators:
            decorator.visit(self)
        for base in node.bases:
            base.visit(self)
        self._scope_names.append(node.name.value)
        info = ClassInfo(key=f"<{'.'.join(self._scope_names)}>", name=node.name.value)
        info.is_socket = any(self.is_socket_class(base.value) for base in node.bases)
        for base in node.bases:  # socket attributes inherited from a library class
            known = self.value_of(base.value)
            for attribute in catalog.SOCKET_ATTRIBUTES if isinstance(known, Ref) else ():
                cls, _, attr = attribute.rpartition(".")
                if cls == known.qualname:
                    info.declared[attr] = Sock(self.origin(f"{cls.rsplit('.', 1)[-1]}.{attr}", base))
        self.classes[info.key] = info
        saved = (self.env, self.class_env, self.current_class, self.self_name)
        self.class_env = self.env = Env(parent=self.env)
        self.current_class, self.self_name = info, None
        self.run_body(node.body)
        info.declared.update({k: v for k, v in self.env.scope_vars().items() if isinstance(v, (Sock, Many))})
        self.env, self.class_env, self.current_class, self.self_name = saved
        self._scope_names.pop()
        self.env.bind(node.name.value, Ref(info.key))
        posix = self.posix_only_here() or self.decorated_posix(node.decorators)
        self.queue.append((self.run_class, info, self.env if self.in_function else None, None, self.top, posix))
        return False

    # --- Scopes --------------------------------------------------------------------

    def summarise(self, info: FuncInfo) -> Summary:
        """What a call of the function returns, and which parameters reach a sink."""
        if info.summary is not None:
            return info.summary
        if info.running:
            return Summary()  # recursion: what is known so far is nothing
        info.running = True
        self.summaries.append(([], []))
        saved_top, self.top = self.top, info.top
        parent = info.parent or (self.module_env if self.module_done else self.env_at_module_level)
        try:
            self.run_function(info.node, parent, info.owner, info.posix)
        finally:
            returns, flows = self.summaries.pop()
            self.top, info.running = saved_top, False
        returned: Value = NONE
        for value in returns:
            returned = join(returned, value)
        info.summary = Summary(None if returned is NONE else returned, flows)
        return info.summary

    def run_function(self, node: cst.FunctionDef, parent: Env, owner: Optional[ClassInfo], posix: bool) -> None:
        saved = (self.env, self.current_class, self.self_name, self.loop_exits, self.in_function, self.current_params)
        self.env = Env(parent=parent)
        if posix:
            self.env.bind(POSIX, True)
        self.current_class, self.self_name, self.loop_exits, self.in_function = owner, None, [], True
        is_static = any(dotted(d.decorator) in ("staticmethod", "classmethod") for d in node.decorators)
        params = [*node.params.posonly_params, *node.params.params]
        self.current_params = params
        for i, param in enumerate([*params, *node.params.kwonly_params]):
            name = param.name.value
            if i == 0 and owner is not None and not is_static:
                self.self_name = name
                value: Value = Sock(self.origin(f"{owner.name} instance", param)) if owner.is_socket else Inst(owner.key)
            else:
                value = self.annotated(param.annotation.annotation, f"parameter '{name}'", param) if param.annotation else None
                if value is None and self.summaries:
                    value = Param(i, False)
            self.env.bind(name, value)
        for star in (node.params.star_arg, node.params.star_kwarg):
            if isinstance(star, cst.Param):
                self.env.bind(star.name.value, None)
        self.run_body(node.body)
        self.env, self.current_class, self.self_name, self.loop_exits, self.in_function, self.current_params = saved

    def run_class(self, info: ClassInfo, parent: Env, _owner: None, posix: bool) -> None:
        """Run the methods together until what they store on ``self`` settles."""
        info.attrs = dict(info.declared)
        for _ in range(MAX_ROUNDS):
            mark = (len(self.findings), len(self.queue), len(self.too_deep))
            info.stored = {}
            for method, method_posix in info.methods:
                self.run_function(method, parent, info, posix or method_posix)
            settled = {**info.stored, **info.declared}
            if _evidence(settled) == _evidence(info.attrs):
                return
            del self.findings[mark[0]:], self.queue[mark[1]:], self.too_deep[mark[2]:]
            info.attrs = settled
        for method, method_posix in info.methods:  # not settled: run once more with the last facts
            self.run_function(method, parent, info, posix or method_posix)

    # --- Expressions that open a scope ----------------------------------------------

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        saved = self.env
        self.env = Env(parent=saved)
        for param in [*node.params.posonly_params, *node.params.params, *node.params.kwonly_params]:
            self.env.bind(param.name.value, None)
        for star in (node.params.star_arg, node.params.star_kwarg):
            if isinstance(star, cst.Param):
                self.env.bind(star.name.value, None)
        node.body.visit(self)
        self.env = saved
        return False

    def _comprehension(self, node: Union[cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp]) -> bool:
        self.comprehension(node, visit=True)
        return False

    visit_ListComp = visit_SetComp = visit_GeneratorExp = visit_DictComp = _comprehension

    # --- Sinks -----------------------------------------------------------------------

    def visit_Call(self, node: cst.Call) -> None:
        func = node.func
        if isinstance(func, cst.Attribute) and func.attr.value in catalog.CONTAINER_ADDERS:
            self.added(node, func)
        if isinstance(func, cst.Attribute) and func.attr.value not in self.sink_names and func.attr.value not in self.method_names:
            return
        if not isinstance(func, (cst.Name, cst.Attribute)):
            return
        callee = self.value_of(func)
        sink = self.sink_of(callee)
        if sink is not None:
            if sink.posix_ok and self.posix_only_here():
                return
            passed = [(argument(node, sink.position), None)] if sink.position is not None else []
            passed += [(arg.value, arg.keyword.value) for arg in node.args if arg.keyword and arg.keyword.value in sink.keywords]
            target = self.origin(sink.qualname, node)
            for expression, keyword in passed:
                if self.report(node, sink, expression, keyword, "handle", (target,)):
                    return
            return
        info = self.function_of(callee)
        if info is None:
            return
        shift = 1 if isinstance(callee, Member) and info.owner is not None else 0
        hop = self.origin(f"{info.name}()", node)
        for flow in self.summarise(info).flows:
            if flow.sink.posix_ok and self.posix_only_here():
                continue
            expression = argument(node, flow.index - shift, flow.param)
            if self.report(node, flow.sink, expression, None, flow.wants, (hop, *flow.chain)):
                return

    def report(
        self, node: cst.Call, sink: catalog.Sink, expression, keyword: Optional[str], wants: str, chain: tuple[Origin, ...]
    ) -> bool:
        """A finding, or while summarising a parameter's flow, if ``expression`` is the bug."""
        value = self.value_of(expression)
        if isinstance(value, Param) and self.summaries:
            if wants == "handle" or not value.handle:
                names = [p.name.value for p in self.current_params]
                name = names[value.index] if value.index < len(names) else ""
                self.summaries[-1][1].append(Flow(value.index, name, "socket" if value.handle else wants, sink, chain))
            return False
        if self.summaries:
            return False
        if isinstance(value, Handle) and wants == "handle":
            name = value.name
        elif isinstance(value, Sock) and (sink.takes_socket or wants == "socket"):
            name = dotted(expression)
        else:
            return False
        self.findings.append(RawFinding(node, sink, value, name, keyword, self.top, chain if len(chain) > 1 else ()))
        return True

    def function_of(self, callee: Value) -> Optional[FuncInfo]:
        if isinstance(callee, Ref):
            return self.functions.get(callee.qualname)
        if isinstance(callee, Member) and isinstance(callee.receiver, Inst):
            return self.functions.get(f"{callee.receiver.cls}.{callee.name}")
        return None

    def sink_of(self, func: Value) -> Optional[catalog.Sink]:
        if isinstance(func, Ref):
            return self.sinks.get(func.qualname)
        if isinstance(func, Member) and isinstance(func.receiver, Inst):
            return self.sinks.get(f"{func.receiver.cls}.{func.name}")
        return None


class _Captures(_Visitor):
    def __init__(self) -> None:
        super().__init__()
        self.names: list[str] = []

    def visit_MatchAs(self, node: cst.MatchAs) -> None:
        if node.name is not None:
            self.names.append(node.name.value)

    def visit_MatchStar(self, node: cst.MatchStar) -> None:
        if node.name is not None:
            self.names.append(node.name.value)

    def visit_MatchMapping(self, node: cst.MatchMapping) -> None:
        if node.rest is not None:
            self.names.append(node.rest.value)


def _captured(pattern: cst.MatchPattern) -> list[str]:
    """The names a ``case`` pattern binds."""
    captures = _Captures()
    pattern.visit(captures)
    return captures.names


def _imports_posix_module(statement: cst.CSTNode) -> bool:
    """``import pty``, ``from termios import ...``: a module that does not exist on Windows."""
    for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
        if isinstance(small, cst.Import):
            names = [dotted(alias.name) for alias in small.names]
        elif isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
            names = [dotted(small.module)]
        else:
            continue
        if any(name and name.split(".")[0] in catalog.POSIX_MODULES for name in names):
            return True
    return False


def _platform_guard(windows: list[bool]) -> Optional[Guard]:
    """The guard for "the platform is one of these", given which of them are Windows."""
    if all(windows):
        return Guard(when_true=False, when_false=True)
    if not any(windows):
        return Guard(when_true=True, when_false=None)
    return None


def _evidence(attrs: dict[str, Value]) -> dict[str, type]:
    """What of a class's attribute facts can lead to a finding, for comparing rounds."""
    return {k: type(v) for k, v in attrs.items() if isinstance(v, (Sock, Handle, Tup, Many))}


def _origin(value: Union[Sock, Handle]) -> Origin:
    return value.sock.origin if isinstance(value, Handle) else value.origin
