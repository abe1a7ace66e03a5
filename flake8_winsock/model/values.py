"""Abstract values: what an expression may hold, with the evidence for it.

``None`` stands for "unknown": anything the model has no evidence about. Only
``Sock`` and ``Handle`` are what rules look for; the others exist to resolve names
(``Ref``), methods (``Inst``, ``Member``), unpacking (``Tup``), iteration (``Many``, ``Bag``),
parameters while a function is summarised (``Param``) and platform tests (``Guard``,
``Skip``, ``Forked``).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Iterable, Optional, Union

import libcst as cst

# The key under which a frame records that its code runs on POSIX only (True), on
# Windows (False), or either (missing or None).
POSIX = "<posix>"


@dataclass(frozen=True)
class Origin:
    """Where a socket came from: a description and the node whose line is cited."""

    text: str  # "socket.create_connection()", "listener.accept()", "isinstance() check"
    node: cst.CSTNode
    top: int  # the module-level statement that holds the node (for its line)
    base: Optional["Origin"] = None  # for an element of a container: the elements' own origin
    via: frozenset[int] = frozenset()  # the ``Many.sites`` of the containers it was taken from
    hops: tuple["Origin", ...] = ()  # the calls that gave it to the module's functions, in order

    def element(self, container: Optional[str], sites: frozenset[int]) -> "Origin":
        """This origin for an element taken out of the container ``container`` (if it has a name)."""
        base = self.base or self
        text = f"element of '{container}', {base.text}" if container else self.text
        return Origin(text, base.node, base.top, base, self.via | sites, self.hops)

    def given(self, hop: "Origin") -> "Origin":
        """This origin for the value a call (``hop``) gives a parameter of the module's function."""
        return Origin(self.text, self.node, self.top, self.base, self.via, self.hops + (hop,))


@dataclass(frozen=True)
class Ref:
    """A module, class, function or attribute path: ``win32file.WriteFile``."""

    qualname: str


@dataclass(frozen=True)
class Inst:
    """An instance of a class the catalog or the module knows: ``_overlapped.Overlapped``;
    a record's (``Conn(sock.fileno(), "a")``) with what its fields were given."""

    cls: str
    fields: tuple[tuple[str, "Value"], ...] = ()


@dataclass(frozen=True)
class Sock:
    """A socket object; ``posix`` when its family exists on POSIX only (``AF_UNIX``: no
    Windows CPython has it, so the code that holds one runs on POSIX)."""

    origin: Origin
    posix: bool = False

    def moved(self, origin: Origin) -> "Sock":
        """The same socket, cited as ``origin`` (an element taken out, a value given, returned)."""
        return replace(self, origin=origin)


@dataclass(frozen=True)
class Handle:
    """A socket's handle (``fileno()``/``detach()``), and how the code names the socket."""

    sock: Sock
    name: Optional[str]  # "s", "self.sock"; None when the socket has no name


@dataclass(frozen=True)
class Param:
    """While a function is summarised: its parameter ``index``, that parameter's handle, or
    (``made``) a socket that parameter's methods make (``listener.accept()[0]``, ``s.dup()``);
    with ``element``, of an element of that parameter (``for conn in conns: yield conn.fileno()``)."""

    index: int
    handle: bool
    made: bool = False
    element: bool = False


@dataclass(frozen=True)
class Member:
    """An attribute of a typed value, not yet called: ``ov.ReadFile``, ``s.fileno``."""

    receiver: "Value"
    receiver_name: Optional[str]
    name: str


@dataclass(frozen=True)
class Tup:
    """A tuple whose items are known: ``accept()``, ``socketpair()``, ``a, b``."""

    items: tuple["Value", ...]


@dataclass(frozen=True)
class Many:
    """A container whose every element is ``item``, a ``Sock`` or a ``Handle``.

    ``list[socket.socket]``, ``[a, b]``, ``[s.fileno() for s in socks]``, a result of
    ``select.select()``. ``sites`` identifies the containers it may be (the ``id()`` of
    the nodes that made them): putting anything else into one of them spoils them all,
    aliases included.
    """

    item: Union[Sock, Handle, "Tup"]  # (a tuple: a container of records, ``[("data", s.fileno())]``)
    sites: frozenset[int]


@dataclass(frozen=True)
class Bag:
    """A container the module fills (``[]``, ``{}``, a selector), or a view of one (``d.values()``,
    a selector's keys): it holds what the module puts into it anywhere (``State.contents``),
    and is evidence while all of that is. ``kind`` is a kind of the catalog's ``BAG_KINDS``."""

    sites: frozenset[int]
    kind: str


@dataclass(frozen=True)
class Alias:
    """A type alias: a module name bound to a generic type (``Peers = list[socket.socket]``)."""

    node: cst.BaseExpression


@dataclass(frozen=True)
class Factory:
    """A callable whose call gives ``made``: ``make_client: Callable[[], socket.socket]``."""

    made: "Value"


@dataclass(frozen=True)
class Guard:
    """A platform test: whether the code runs on POSIX only when it is true, and when false.

    ``sys.platform == "win32"`` is ``Guard(when_true=False, when_false=True)``;
    ``hasattr(os, "fork")`` is ``Guard(when_true=True, when_false=None)`` (false says nothing).
    """

    when_true: Optional[bool]
    when_false: Optional[bool]

    def negated(self) -> "Guard":
        return Guard(self.when_false, self.when_true)

    def facts(self) -> tuple[dict[str, "Value"], dict[str, "Value"]]:
        return (
            {POSIX: self.when_true} if self.when_true is not None else {},
            {POSIX: self.when_false} if self.when_false is not None else {},
        )


@dataclass(frozen=True)
class Skip:
    """A test mark or decorator that skips a test: ``posix`` when it runs on POSIX only
    (``unittest.skipIf(sys.platform == "win32", ...)``, ``pytest.mark.skipif(...)``)."""

    posix: bool


@dataclass(frozen=True)
class Forked:
    """What a fork returns (``os.fork()``): the child's process id, 0 in the child."""


class _NoneLiteral:
    """The literal ``None``: it joins with anything without diluting it."""

    def __repr__(self) -> str:
        return "NONE"


NONE = _NoneLiteral()


class _Other:
    """What is known not to be a socket: the other side of an ``isinstance`` test. A path
    that meets a socket's (or its handle's) keeps the evidence: every socket there came
    the other way (``fd = s.fileno() if isinstance(s, socket.socket) else s``)."""

    def __repr__(self) -> str:
        return "OTHER"


OTHER = _Other()

Value = Union[
    Ref, Inst, Sock, Handle, Param, Member, Tup, Many, Bag, Factory, Alias, Guard, Skip, Forked, bool, _NoneLiteral, _Other, None
]
Evidence = Union[Sock, Handle]


def given(value: Value, hop: Origin) -> Value:
    """``value`` as a parameter of the module's function receives it from the call ``hop``:
    evidence keeps its origin and notes the call; anything else is no evidence there."""
    if isinstance(value, Sock):
        return value.moved(value.origin.given(hop))
    if isinstance(value, Handle):  # its socket's name means nothing in the function
        return Handle(value.sock.moved(value.sock.origin.given(hop)), None)
    if isinstance(value, Many):
        item = given(value.item, hop)
        return Many(item, value.sites) if isinstance(item, (Sock, Handle)) or isinstance(item, Tup) and is_evidence(item) else None
    if isinstance(value, Tup):
        return Tup(tuple(given(item, hop) for item in value.items))
    if isinstance(value, (Inst, Bag, Factory)):
        return value
    return None


def is_evidence(value: Value) -> bool:
    """Whether a value may lead to a finding (a socket, a handle, or something holding one)."""
    if isinstance(value, Tup):
        return any(is_evidence(item) for item in value.items)
    return isinstance(value, (Sock, Handle, Many, Inst, Bag, Factory))


def posix_family(value: Value) -> bool:
    """Whether ``value`` is a socket (its handle, a container of them) of a POSIX-only family."""
    if isinstance(value, Many):
        return posix_family(value.item)
    return (value.sock if isinstance(value, Handle) else value).posix if isinstance(value, (Sock, Handle)) else False


def origin_of(value: Evidence) -> Origin:
    """Where a socket, or the socket of a handle, came from."""
    return value.sock.origin if isinstance(value, Handle) else value.origin


def alike(values: Iterable[Value]) -> Optional[Evidence]:
    """What every one of ``values`` is: all sockets, or all handles (the first is kept); else None."""
    items = list(values)
    if items and all(isinstance(v, Sock) for v in items):
        return _family(items[0], items)  # type: ignore[arg-type]
    if items and all(isinstance(v, Handle) for v in items):
        return _family(items[0], items)  # type: ignore[arg-type]
    return None


def records_alike(values: list[Value]) -> Optional["Tup"]:
    """Tuples of one length that are alike where any holds evidence (``("data", h1)``,
    ``("ctrl", h2)``): what each position of all of them is; else None."""
    if not values or not all(isinstance(v, Tup) for v in values):
        return None
    tuples = [v for v in values if isinstance(v, Tup)]
    if len({len(t.items) for t in tuples}) != 1:
        return None
    positions = tuple(alike(t.items[i] for t in tuples) for i in range(len(tuples[0].items)))
    found = Tup(positions)
    return found if is_evidence(found) else None


def _family(kept: Evidence, values: list[Value]) -> Evidence:
    """``kept``, of a POSIX-only family only if all of ``values`` are (the first origin is cited)."""
    posix = all(isinstance(v, (Sock, Handle)) and (v.sock if isinstance(v, Handle) else v).posix for v in values)
    if isinstance(kept, Handle):
        return kept if kept.sock.posix == posix else Handle(replace(kept.sock, posix=posix), kept.name)
    return kept if kept.posix == posix else replace(kept, posix=posix)


def join(a: Value, b: Value) -> Value:
    """The value after two paths meet: kept where both agree, unknown otherwise.

    ``None`` (the literal) gives way to the other side, so ``s = None`` before a
    branch that makes ``s`` a socket does not hide the socket. Two sockets of
    different origins stay a socket (the first origin is cited); two containers of
    sockets stay one, which may be either of them.
    """
    if a is NONE:
        return b
    if b is NONE or a == b:
        return a
    if isinstance(a, Ref) and isinstance(b, Ref) and a.qualname.startswith("<") and a.qualname.split("#")[0] == b.qualname.split("#")[0]:
        return a  # one function defined on two paths (``if sys.platform == "win32": def f ... else: def f``): the first
    if a is OTHER or b is OTHER:
        kept = b if a is OTHER else a
        return kept if isinstance(kept, (Sock, Handle)) else None
    if isinstance(a, Sock) and isinstance(b, Sock):
        return _family(a, [a, b])
    if isinstance(a, Handle) and isinstance(b, Handle):
        return _family(a, [a, b])
    if isinstance(a, Many) and isinstance(b, Many):
        item = alike([a.item, b.item])
        return Many(item, a.sites | b.sites) if item is not None else None
    if isinstance(a, Bag) and isinstance(b, Bag) and a.kind == b.kind:
        return Bag(a.sites | b.sites, a.kind)
    if isinstance(a, Tup) and isinstance(b, Tup) and len(a.items) == len(b.items):
        return Tup(tuple(join(x, y) for x, y in zip(a.items, b.items)))  # ``(conn, addr)`` from two places
    if isinstance(a, Factory) and isinstance(b, Factory):  # two factories: what both calls give
        made = join(a.made, b.made)
        return Factory(made) if is_evidence(made) else None
    if isinstance(a, Inst) and isinstance(b, Inst) and a.cls == b.cls:  # a record from two places: the fields both give
        other = dict(b.fields)
        both = ((name, join(value, other[name])) for name, value in a.fields if name in other)
        return Inst(a.cls, tuple((name, value) for name, value in both if is_evidence(value)))
    return None
