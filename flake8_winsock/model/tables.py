"""What calls the catalog's tables describe give (``catalog.PASS_THROUGH``, ``TUPLES_OF``,
``PARTIALS``, ``REFERENCES``, the record helpers, the ctypes loaders and prototypes), and
the values of lambdas and of a record's own methods.

Each table says what a call of its names gives in terms of the call's arguments; the
evaluator asks here before the module's own program and the project.
"""

from __future__ import annotations

from typing import Callable, Mapping, Optional, Protocol

import libcst as cst

from .. import catalog
from . import records
from .classes import Classes
from .containers import Containers
from .frames import Env
from .program import Program
from .state import State
from .syntax import argument, dotted, string
from .values import Bag, Factory, Handle, Inst, Many, Ref, Sock, Tup, Value, is_evidence, join

UNTABLED: Value = Ref("<untabled>")  # no table names the call: the evaluator goes on


class Evaluates(Protocol):
    state: State
    program: Program
    containers: Containers
    classes: Classes
    call_results: Mapping[str, str]

    def value_of(self, node: Optional[cst.BaseExpression]) -> Value: ...

    def result(self, qualname: str, node: cst.Call, receiver: Value, receiver_name: Optional[str]) -> Value: ...


def result(ev: Evaluates, qualname: str, node: cst.Call) -> Value:
    """What a call of ``qualname`` gives by the catalog's tables (``UNTABLED``: none names it)."""
    value_of: Callable[[Optional[cst.BaseExpression]], Value] = ev.value_of
    if qualname in catalog.METHOD_CALLERS:  # ``operator.methodcaller("fileno")``: a caller of that method
        name = string(argument(node, 0))
        return Ref(f"{qualname}:{name}") if name is not None and name.isidentifier() else None
    called = qualname.partition(":")
    if called[0] in catalog.METHOD_CALLERS and called[2]:  # ``methodcaller("fileno")(sock)``: ``sock.fileno()``
        given = argument(node, 0)
        receiver = value_of(given)
        if not isinstance(receiver, Sock) or given is None:
            return None
        return ev.result(f"{catalog.SOCKET_CLASS}.{called[2]}", node, receiver, dotted(given))
    if qualname in catalog.RECORD_REPLACERS:
        return records.replaced(value_of(argument(node, catalog.RECORD_REPLACERS[qualname])), node, value_of)
    if qualname in catalog.RECORD_FACTORIES:
        return records.record_class(node, ev.program)
    if qualname in catalog.BAG_MAKERS:  # ``dict()``, ``defaultdict(list)``, ``DefaultSelector()``
        made, most = catalog.BAG_MAKERS[qualname]
        if len([arg for arg in node.args if arg.keyword is None]) <= most:
            return ev.containers.made(node, made)
    if qualname in catalog.PASS_THROUGH:
        return value_of(argument(node, catalog.PASS_THROUGH[qualname]))
    if qualname in catalog.ELEMENTS_OF:
        of = value_of(argument(node, catalog.ELEMENTS_OF[qualname]))
        each = ev.containers.element(of, None) if isinstance(of, Bag) else None
        if is_evidence(each) and not isinstance(each, (Sock, Handle)):
            return of  # ``list(d.items())``, ``list(selector.get_map().values())``: iterated alike
        return ev.containers.container(of, node)
    if qualname in catalog.PARTIALS:  # ``partial(socket.create_connection, addr)``: a factory of sockets
        func = value_of(argument(node, 0))
        if isinstance(func, Ref) and ev.call_results.get(func.qualname) == catalog.SOCKET:
            return Factory(Sock(ev.state.origin(f"partial({func.qualname})", node)))
        return None
    if qualname in catalog.REFERENCES:  # ``weakref.ref(sock)``: its call gives the socket back
        referent = value_of(argument(node, catalog.REFERENCES[qualname]))
        return Factory(referent) if is_evidence(referent) else None
    if qualname in catalog.MAPS and isinstance(argument(node, 0), cst.Lambda):  # ``map(lambda s: s.fileno(), socks)``
        ev.containers.give_elements(node, catalog.ELEMENT_CALLBACKS[qualname])
        each = lambda_body(ev, argument(node, 0))  # type: ignore[arg-type]
        return Many(each, frozenset({id(node)})) if isinstance(each, (Sock, Handle)) else None
    if qualname in catalog.CHAINS:  # the elements of every argument
        pieces = [ev.containers.container(value_of(arg.value), node) for arg in node.args if not arg.keyword and not arg.star]
        chained: Value = pieces[0] if pieces else None
        for piece in pieces[1:]:
            chained = join(chained, piece) if chained is not None and piece is not None else None
        return chained
    if qualname in catalog.ELEMENT_OF:
        given = argument(node, catalog.ELEMENT_OF[qualname])
        return ev.containers.element(value_of(given), dotted(given) if given is not None else None)
    if qualname in catalog.TUPLES_OF:
        return ev.containers.tuples_of(node, catalog.TUPLES_OF[qualname] == catalog.COUNTED)
    if qualname in catalog.SUBSETS_OF:
        positions = catalog.SUBSETS_OF[qualname]
        return Tup(tuple(ev.containers.container(value_of(argument(node, i)), node) for i in positions))
    if qualname in catalog.LIBRARY_LOADERS:
        library = string(argument(node, 0))
        known = catalog.LIBRARIES.get(library.lower()) if library else None
        return Ref(known) if known else None
    if qualname in catalog.PROTOTYPE_FACTORIES:
        return Ref(catalog.PROTOTYPE)
    if qualname == catalog.PROTOTYPE:  # ``proto(("WriteFile", kernel32), flags)``: that export
        named = argument(node, 0)
        parts = named.elements if isinstance(named, cst.Tuple) else ()
        export = string(parts[0].value) if len(parts) == 2 else None
        dll = value_of(parts[1].value) if export else None
        return Ref(f"{dll.qualname}.{export}") if isinstance(dll, Ref) and dll.qualname in catalog.LIBRARY_NAMES else None
    return UNTABLED


def record_method(ev: Evaluates, node: cst.Call, func: cst.Attribute) -> Value:
    """A record's own methods: ``spec.get("sock")`` of a TypedDict, its field (as
    ``spec["sock"]``); ``peer._replace(retries=n)`` of a NamedTuple, a copy."""
    if func.attr.value not in ("get", catalog.RECORD_REPLACE_METHOD):
        return None
    record = ev.value_of(func.value)
    info = ev.program.classes.get(record.cls) if isinstance(record, Inst) else None
    if not isinstance(record, Inst) or info is None or info.fields is None:
        return None
    if func.attr.value == catalog.RECORD_REPLACE_METHOD:
        return records.replaced(record, node, ev.value_of)
    key = string(argument(node, 0))
    return ev.classes.instance_attribute(record, node, key, dotted(func.value)) if key in info.record_fields() else None


def lambda_value(ev: Evaluates, node: cst.Lambda) -> Value:
    """A lambda whose body gives a socket (or a handle) whatever it is given:
    ``lambda host, port: socket.create_connection((host, port))``, a factory."""
    made = lambda_body(ev, node)
    return Factory(made) if isinstance(made, (Sock, Handle)) else None


def lambda_body(ev: Evaluates, node: cst.Lambda) -> Value:
    """What a lambda's body gives, its parameters bound to what a call gives them
    (``State.lambda_given``) or unknown."""
    params = node.params
    given = ev.state.lambda_given.get(id(node), {})
    saved = ev.state.env
    ev.state.env = Env(parent=saved)
    try:
        for i, param in enumerate([*params.posonly_params, *params.params, *params.kwonly_params]):
            ev.state.env.bind(param.name.value, given.get(i))
        return ev.value_of(node.body)
    finally:
        ev.state.env = saved
