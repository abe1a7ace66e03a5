"""What the analysis knows about the APIs, as data.

Everything the checker, the gate, the rule pages and the tests need to know about a
name lives here: which calls must not receive a socket handle (sinks), which calls
produce a socket or a handle (sources), which calls let a handle pass through
unchanged, how ctypes and cffi load kernel32, and what to use instead.
Qualified names are written as the analysis resolves them: ``win32file.WriteFile``,
``_overlapped.Overlapped.ReadFile`` (a method of an instance), ``kernel32.WriteFile``
(a function of kernel32 loaded through ctypes or cffi).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Mapping, Optional, Protocol, Union

# --- What a call yields -------------------------------------------------------------

SOCKET = "socket"  # a socket object
PAIR = "pair"  # a tuple of two sockets: socket.socketpair()
ACCEPT = "accept"  # a (socket, address) tuple: sock.accept()
HANDLE = "handle"  # the socket's handle: sock.fileno(), sock.detach()

# The class every socket value is an instance of, for method look-ups.
SOCKET_CLASS = "socket.socket"

# Classes whose instances are sockets: annotations and isinstance() checks naming them
# are evidence.
SOCKET_CLASSES = frozenset({"socket.socket", "socket.SocketType", "ssl.SSLSocket"})

# Callable -> what calling it yields: SOCKET, PAIR, ACCEPT, HANDLE, or the qualified
# name of the class whose instance it returns (so that methods resolve on it).
CALL_RESULTS: dict[str, str] = {
    "socket.socket": SOCKET,
    "socket.SocketType": SOCKET,
    "socket.create_connection": SOCKET,
    "socket.create_server": SOCKET,
    "socket.fromfd": SOCKET,
    "socket.fromshare": SOCKET,
    "socket.socketpair": PAIR,
    "socket.socket.accept": ACCEPT,
    "socket.socket.dup": SOCKET,
    "socket.socket.fileno": HANDLE,
    "socket.socket.detach": HANDLE,
    "ssl.wrap_socket": SOCKET,
    "ssl.SSLContext.wrap_socket": SOCKET,
    "ssl.SSLContext": "ssl.SSLContext",
    "ssl.create_default_context": "ssl.SSLContext",
    "asyncio.get_running_loop": "asyncio.AbstractEventLoop",
    "asyncio.get_event_loop": "asyncio.AbstractEventLoop",
    "asyncio.new_event_loop": "asyncio.AbstractEventLoop",
    "asyncio.AbstractEventLoop.sock_accept": ACCEPT,
    "curio.open_connection": SOCKET,
    "curio.network.open_connection": SOCKET,
    "_overlapped.Overlapped": "_overlapped.Overlapped",
    "cffi.FFI": "cffi.FFI",
    "concurrent.futures.ThreadPoolExecutor": "concurrent.futures.ThreadPoolExecutor",
    "concurrent.futures.ProcessPoolExecutor": "concurrent.futures.ProcessPoolExecutor",
    "http.client.HTTPConnection": "http.client.HTTPConnection",
    "http.client.HTTPSConnection": "http.client.HTTPSConnection",
    "ftplib.FTP": "ftplib.FTP",
    "ftplib.FTP_TLS": "ftplib.FTP_TLS",
    "smtplib.SMTP": "smtplib.SMTP",
    "smtplib.SMTP_SSL": "smtplib.SMTP_SSL",
    "poplib.POP3": "poplib.POP3",
    "poplib.POP3_SSL": "poplib.POP3_SSL",
    "imaplib.IMAP4": "imaplib.IMAP4",
    "imaplib.IMAP4_SSL": "imaplib.IMAP4_SSL",
    # Libraries
    "eventlet.listen": SOCKET,
    "eventlet.connect": SOCKET,
    "trio.socket.socket": SOCKET,
    "twisted.internet.tcp.Connection.getHandle": SOCKET,
    "twisted.internet.reactor.listenTCP": "twisted.internet.tcp.Port",
    "twisted.internet.reactor.listenUDP": "twisted.internet.udp.Port",
    "twisted.internet.reactor.listenMulticast": "twisted.internet.udp.MulticastPort",
    "twisted.internet.tcp.Port.getHandle": SOCKET,  # (the listening socket)
    "twisted.internet.udp.Port.getHandle": SOCKET,
    "twisted.internet.udp.MulticastPort.getHandle": SOCKET,
    "paramiko.transport.Transport": "paramiko.transport.Transport",
    "telnetlib.Telnet": "telnetlib.Telnet",
    "trio.open_tcp_stream": "trio.SocketStream",
    "websockets.sync.client.connect": "websockets.sync.client.ClientConnection",
    "paramiko.client.SSHClient.get_transport": "paramiko.transport.Transport",
    "tornado.tcpclient.TCPClient.connect": "tornado.iostream.IOStream",
}

# --- Libraries: their classes, what those hold, and what they call -------------------

# Modules that mirror another's API: a green or async socket is a socket.
MODULE_ALIASES = {
    "trio.socket": "socket",
    "gevent.socket": "socket",
    "gevent._socket3": "socket",
    "eventlet.green.socket": "socket",
    "curio.socket": "socket",  # (its sockets wrap the standard library's: the same handle)
    "gevent.ssl": "ssl",
    "eventlet.green.ssl": "ssl",
}

# Library classes, each with the library class it derives from: what is said below of a
# class holds for the classes deriving from it (the module's own classes included).
LIBRARY_BASES = {
    "socketserver.TCPServer": "socketserver.BaseServer",
    "socketserver.UDPServer": "socketserver.BaseServer",  # (derives from TCPServer, but serves datagrams)
    "socketserver.ThreadingUDPServer": "socketserver.UDPServer",
    "socketserver.ForkingUDPServer": "socketserver.UDPServer",
    "socketserver.UnixDatagramServer": "socketserver.UDPServer",
    "socketserver.ThreadingTCPServer": "socketserver.TCPServer",
    "socketserver.ForkingTCPServer": "socketserver.TCPServer",
    "socketserver.UnixStreamServer": "socketserver.TCPServer",
    "socketserver.ThreadingUnixStreamServer": "socketserver.UnixStreamServer",
    "http.server.HTTPServer": "socketserver.TCPServer",
    "http.server.ThreadingHTTPServer": "http.server.HTTPServer",
    "socketserver.StreamRequestHandler": "socketserver.BaseRequestHandler",
    "socketserver.DatagramRequestHandler": "socketserver.BaseRequestHandler",
    "http.server.BaseHTTPRequestHandler": "socketserver.StreamRequestHandler",
    "http.server.SimpleHTTPRequestHandler": "http.server.BaseHTTPRequestHandler",
    "http.server.CGIHTTPRequestHandler": "http.server.SimpleHTTPRequestHandler",
    "xmlrpc.server.SimpleXMLRPCRequestHandler": "http.server.BaseHTTPRequestHandler",
    "xmlrpc.server.SimpleXMLRPCServer": "socketserver.TCPServer",
    "http.client.HTTPSConnection": "http.client.HTTPConnection",
    "ftplib.FTP_TLS": "ftplib.FTP",
    "smtplib.SMTP_SSL": "smtplib.SMTP",
    "smtplib.LMTP": "smtplib.SMTP",
    "poplib.POP3_SSL": "poplib.POP3",
    "imaplib.IMAP4_SSL": "imaplib.IMAP4",
    "tornado.iostream.IOStream": "tornado.iostream.BaseIOStream",
    "tornado.iostream.SSLIOStream": "tornado.iostream.IOStream",
    "twisted.protocols.basic.LineReceiver": "twisted.internet.protocol.Protocol",
    "twisted.protocols.basic.LineOnlyReceiver": "twisted.internet.protocol.Protocol",
    "twisted.protocols.basic.IntNStringReceiver": "twisted.internet.protocol.Protocol",
    "twisted.protocols.basic.Int32StringReceiver": "twisted.protocols.basic.IntNStringReceiver",
    "twisted.protocols.basic.NetstringReceiver": "twisted.internet.protocol.Protocol",
    "trio.SocketStream": "trio.abc.HalfCloseableStream",
    "websockets.sync.client.ClientConnection": "websockets.sync.connection.Connection",
    "websockets.sync.server.ServerConnection": "websockets.sync.connection.Connection",
    "trio.SocketListener": "trio.abc.Listener",
}

# Attributes that hold a socket, on instances of the class and on ``self`` in classes
# deriving from it. A request handler's ``request`` is the connection's socket, or a
# (data, socket) pair for a datagram server: the pair has no ``fileno()`` and no stream
# takes it, so a use a rule reports is a use of the socket.
SOCKET_ATTRIBUTES = frozenset(
    {
        "socketserver.BaseServer.socket",
        "socketserver.BaseRequestHandler.request",
        "socketserver.StreamRequestHandler.connection",
        "http.client.HTTPConnection.sock",
        "ftplib.FTP.sock",
        "smtplib.SMTP.sock",
        "poplib.POP3.sock",
        "imaplib.IMAP4.sock",
        "telnetlib.Telnet.sock",
        "tornado.iostream.IOStream.socket",
        "trio.SocketStream.socket",
        "trio.SocketListener.socket",
        "websockets.sync.connection.Connection.socket",
        "paramiko.transport.Transport.sock",
    }
)

# Library classes whose ``with`` enters the instance itself (``with smtplib.SMTP(host) as smtp``).
ENTERS_ITSELF = frozenset(
    {
        "socketserver.BaseServer", "ftplib.FTP", "smtplib.SMTP", "imaplib.IMAP4", "poplib.POP3", "telnetlib.Telnet",
        "trio.SocketStream", "trio.SocketListener", "contextlib.ExitStack", "contextlib.AsyncExitStack",
        "websockets.sync.connection.Connection", "paramiko.client.SSHClient", "paramiko.transport.Transport",
    }
)  # fmt: skip
# Calls that enter the context manager they are given, and return what ``with`` would bind.
ENTER_CALLS = {"contextlib.ExitStack.enter_context": 0, "contextlib.AsyncExitStack.enter_async_context": 0}
# Enumerations: a class deriving from one has its members as instances (``Kind.TCP``,
# ``Kind["TCP"]``, ``Kind(value)``), whose methods run with ``self`` a member.
ENUM_CLASSES = ("enum.Enum", "enum.IntEnum", "enum.StrEnum", "enum.Flag", "enum.IntFlag", "enum.ReprEnum")
# Other library classes whose instances the analysis follows (for their methods' results).
_PLAIN_CLASSES = ("tornado.tcpclient.TCPClient", "paramiko.client.SSHClient", *ENUM_CLASSES)

# Attributes that hold an instance of a library class: a Twisted protocol's transport
# (whose ``getHandle()`` is the connection's socket).
INSTANCE_ATTRIBUTES = {
    "twisted.internet.protocol.Protocol.transport": "twisted.internet.tcp.Connection",
    "socketserver.BaseRequestHandler.server": "socketserver.BaseServer",
}

# Methods the library calls with values of these kinds, for the classes deriving from it
# that define them: "socket", or the class of an instance given (None: nothing known).
CALLBACK_METHODS: dict[str, tuple[Optional[str], ...]] = {
    "tornado.tcpserver.TCPServer.handle_stream": ("tornado.iostream.IOStream", None),
    "gevent.server.StreamServer.handle": (SOCKET, None),
}

# Calls that call a function they are given with a connection's socket (its position,
# keyword), and what it is given.
CALLBACKS: dict[str, tuple[tuple[Optional[int], Optional[str]], tuple[Optional[str], ...]]] = {
    "gevent.server.StreamServer": ((1, "handle"), (SOCKET, None)),
    "trio.serve_tcp": ((0, "handler"), ("trio.SocketStream",)),
    "websockets.sync.server.serve": ((0, "handler"), ("websockets.sync.server.ServerConnection",)),
}

# Methods of a receiver the analysis cannot type, whose call is evidence by itself:
# method -> what its first argument must be: a string (asyncio's documented
# ``transport.get_extra_info("socket")``) or a qualified name (anyio's
# ``stream.extra(SocketAttribute.raw_socket)``).
EXTRA_INFO_METHODS = {"get_extra_info": "socket", "extra": "anyio.abc.SocketAttribute.raw_socket"}
# Methods that return a socket when handed one (``context.wrap_socket(sock)``).
SOCKET_WRAPPING_METHODS = frozenset({"wrap_socket"})
# The method of pytest's ``request`` fixture that gives a fixture by its name.
FIXTURE_BY_NAME = "getfixturevalue"


# Names a library exports from its package for a class defined in a submodule.
NAME_ALIASES = {
    "paramiko.Transport": "paramiko.transport.Transport",
    "paramiko.SSHClient": "paramiko.client.SSHClient",
}


def canonical(qualname: str) -> str:
    """A qualified name as the catalog spells it (``gevent.socket.socket`` is ``socket.socket``)."""
    for alias, module in MODULE_ALIASES.items():
        if qualname == alias or qualname.startswith(alias + "."):
            return module + qualname[len(alias) :]
    return NAME_ALIASES.get(qualname) or LIBRARY_ATTRIBUTES.get(qualname, qualname)


def library_classes(qualname: str) -> list[str]:
    """A library class and the library classes it derives from, nearest first."""
    found = [qualname]
    while found[-1] in LIBRARY_BASES and len(found) < 12:
        found.append(LIBRARY_BASES[found[-1]])
    return found


def _class_of(member: str) -> str:
    return member.rsplit(".", 1)[0]


# Every library class the catalog says something of: deriving from one is evidence.
LIBRARY_CLASSES = frozenset(
    {*LIBRARY_BASES, *LIBRARY_BASES.values(), *CALLBACKS, *INSTANCE_ATTRIBUTES.values(), *ENTERS_ITSELF, *_PLAIN_CLASSES}
    | {_class_of(q) for q in (*SOCKET_ATTRIBUTES, *INSTANCE_ATTRIBUTES, *CALLBACK_METHODS)}
    | {made for made in CALL_RESULTS.values() if "." in made}  # (``loop: asyncio.AbstractEventLoop``)
)


# Decorators that make a method a property: reading the attribute calls it (as spelled:
# ``@property``, ``@functools.cached_property``, ``@cached_property``).
PROPERTY_DECORATORS = frozenset({"property", "functools.cached_property", "cached_property"})
# Records: classes whose constructor stores its arguments in the fields their class body
# annotates, in order (``Conn(sock.fileno(), "a").fd``): a base or a decorator says so.
RECORD_BASES = frozenset({"typing.NamedTuple", "typing_extensions.NamedTuple", "typing.TypedDict", "typing_extensions.TypedDict"})
# Calls that make a record class from a name and its fields (``namedtuple("Conn", "fd peer")``).
RECORD_FACTORIES = frozenset({"collections.namedtuple", "typing.NamedTuple", "typing_extensions.NamedTuple"})
# Calls that copy a record with some fields given anew (and the position of the record);
# a record's own method that does so.
RECORD_REPLACERS: dict[str, int] = {"dataclasses.replace": 0, "copy.replace": 0, "attr.evolve": 0, "attrs.evolve": 0}
METHOD_CALLERS = frozenset({"operator.methodcaller"})  # a callable that calls the method it names on what it is given
RECORD_REPLACE_METHOD = "_replace"  # ``conn._replace(fd=...)`` of a NamedTuple
RECORD_DECORATORS = frozenset(
    {"dataclasses.dataclass", "attr.s", "attr.attrs", "attr.define", "attr.frozen", "attrs.define", "attrs.frozen", "pydantic.dataclasses.dataclass"}
)
# The words that say a class is a record (its bases', decorators' and factories' last names).
RECORD_WORDS = frozenset(q.rsplit(".", 1)[-1] for q in (*RECORD_BASES, *RECORD_DECORATORS, *RECORD_FACTORIES))

# Calls that take a function without calling it, to copy its name and docstring onto a wrapper.
WRAPS = frozenset({"functools.wraps", "functools.update_wrapper"})

# Decorators that make a generator function a context manager: ``with`` enters what it yields.
# Decorators that make a function a pytest fixture: a test's parameter of its name gets
# what it returns (or, a generator, what it yields).
FIXTURES = frozenset({"pytest.fixture", "pytest_asyncio.fixture"})
CONTEXT_MANAGERS = frozenset({"contextlib.contextmanager", "contextlib.asynccontextmanager"})
# Decorators that make a function dispatch on its first argument's type to the functions
# registered with its ``register`` (``@release.register`` over ``def _(obj: socket.socket)``).
SINGLE_DISPATCH = frozenset({"functools.singledispatch", "functools.singledispatchmethod"})

# --- Calls that call what they are given ------------------------------------------------


@dataclass(frozen=True)
class Dispatch:
    """A call that calls a callable it is given, later or elsewhere, with arguments it is given.

    ``target`` is where the callable is passed (position, keyword); the arguments are
    either every positional argument from ``rest`` on, or a tuple passed at ``args``
    (position, keyword); keyword arguments likewise at ``kwargs``.
    """

    target: tuple[Optional[int], Optional[str]]
    rest: Optional[int] = None
    args: tuple[Optional[int], Optional[str]] = (None, None)
    kwargs: tuple[Optional[int], Optional[str]] = (None, None)


_THREAD = Dispatch(target=(1, "target"), args=(3, "args"), kwargs=(4, "kwargs"))
_SUBMIT = Dispatch(target=(0, "fn"), rest=1)
DISPATCHES: dict[str, Dispatch] = {
    "threading.Thread": _THREAD,
    "multiprocessing.Process": _THREAD,
    "threading.Timer": Dispatch(target=(1, "function"), args=(2, "args"), kwargs=(3, "kwargs")),
    "concurrent.futures.Executor.submit": _SUBMIT,
    "concurrent.futures.ThreadPoolExecutor.submit": _SUBMIT,
    "concurrent.futures.ProcessPoolExecutor.submit": _SUBMIT,
    "asyncio.AbstractEventLoop.run_in_executor": Dispatch(target=(1, None), rest=2),
    "asyncio.AbstractEventLoop.call_soon": Dispatch(target=(0, None), rest=1),
    "asyncio.AbstractEventLoop.call_soon_threadsafe": Dispatch(target=(0, None), rest=1),
    "asyncio.AbstractEventLoop.call_later": Dispatch(target=(1, None), rest=2),
    "asyncio.AbstractEventLoop.call_at": Dispatch(target=(1, None), rest=2),
    "asyncio.to_thread": Dispatch(target=(0, None), rest=1),
    "trio.to_thread.run_sync": Dispatch(target=(0, None), rest=1),
    "anyio.to_thread.run_sync": Dispatch(target=(0, None), rest=1),
    "functools.partial": Dispatch(target=(0, None), rest=1),
    # green threads, task groups, thread pools of the network libraries
    "gevent.spawn": _SUBMIT,
    "gevent.spawn_later": Dispatch(target=(1, None), rest=2),
    "gevent.pool.Group.spawn": _SUBMIT,
    "eventlet.spawn": _SUBMIT,
    "eventlet.spawn_n": _SUBMIT,
    "eventlet.greenpool.GreenPool.spawn_n": _SUBMIT,
    "eventlet.tpool.execute": _SUBMIT,
    "twisted.internet.threads.deferToThread": _SUBMIT,
    "anyio.abc.TaskGroup.start_soon": _SUBMIT,
}
# The same methods on a receiver the analysis cannot type (``self.pool.submit(f, conn)``).
DISPATCH_METHODS: dict[str, Dispatch] = {
    q.rsplit(".", 1)[-1]: d for q, d in DISPATCHES.items() if q.count(".") >= 2 and not q.startswith("trio.")
}
# Calls whose result is a callable to be called later with the arguments given now.
PARTIALS = frozenset({"functools.partial"})

# --- Containers of sockets ------------------------------------------------------------

# Generic types whose every element is a socket when subscripted with a socket class:
# ``list[socket.socket]``, ``typing.Sequence[ssl.SSLSocket]``. Tuples are apart: a
# container only as ``tuple[socket.socket, ...]``, else a tuple of as many sockets.
_ABSTRACT = ("Sequence", "MutableSequence", "Iterable", "Iterator", "Collection", "MutableSet")
SOCKET_CONTAINERS = frozenset(
    {
        "list",
        "set",
        "frozenset",
        "collections.deque",
        "typing.List",
        "typing.Set",
        "typing.FrozenSet",
        "typing.AbstractSet",
        "typing.Deque",
        "collections.abc.Set",
        *(f"typing.{name}" for name in _ABSTRACT),
        *(f"collections.abc.{name}" for name in _ABSTRACT),
    }
)
TUPLE_TYPES = frozenset({"tuple", "typing.Tuple"})
CALLABLE_TYPES = frozenset({"typing.Callable", "collections.abc.Callable"})
QUEUE_TYPES = frozenset(
    {"queue.Queue", "queue.LifoQueue", "queue.SimpleQueue", "asyncio.Queue", "asyncio.LifoQueue", "contextvars.ContextVar"}
)  # (a context variable: one slot, ``set`` and ``get``)
_MAPPINGS = ("Mapping", "MutableMapping")
MAPPING_TYPES = frozenset(
    {
        "dict",
        "typing.Dict",
        "typing.DefaultDict",
        "typing.OrderedDict",
        "collections.defaultdict",
        "collections.OrderedDict",
        *(f"typing.{name}" for name in _MAPPINGS),
        *(f"collections.abc.{name}" for name in _MAPPINGS),
    }
)
# Generic types: a module name bound to one of them subscripted is a type alias.
GENERIC_TYPES = (
    SOCKET_CONTAINERS | TUPLE_TYPES | MAPPING_TYPES | QUEUE_TYPES | CALLABLE_TYPES
    | {"typing.Optional", "typing.Union", "typing_extensions.Optional", "typing_extensions.Union"}
)

# Calls whose result holds elements of their argument at the given position, and nothing
# else: a container of sockets given to them gives one back (``sorted(socks)``).
ELEMENTS_OF: dict[str, int] = {
    "list": 0,
    "tuple": 0,
    "set": 0,
    "frozenset": 0,
    "sorted": 0,
    "reversed": 0,
    "iter": 0,
    "copy.copy": 0,
    "filter": 1,
    "itertools.islice": 0,
    "itertools.cycle": 0,
    "itertools.takewhile": 1,
    "itertools.dropwhile": 1,
    "itertools.filterfalse": 1,
    "heapq.nsmallest": 1,
    "heapq.nlargest": 1,
}
# Calls whose elements are those of every argument: ``itertools.chain(idle, busy)``.
CHAINS = frozenset({"itertools.chain"})
# Calls that give one element of their argument (its position): ``heapq.heappop(heap)``,
# ``next(iter(socks))``.
ELEMENT_OF: dict[str, int] = {"heapq.heappop": 0, "heapq.heapreplace": 0, "heapq.heappushpop": 0, "next": 0}
# Functions that put into the container they are given: name -> (the container's
# position, the element's): ``heapq.heappush(heap, (weight, s))``, ``bisect.insort(xs, x)``.
CONTAINER_FUNCTIONS: dict[str, tuple[int, int]] = {
    "heapq.heappush": (0, 1),
    "heapq.heappushpop": (0, 1),
    "heapq.heapreplace": (0, 1),
    "bisect.insort": (0, 1),
    "bisect.insort_left": (0, 1),
    "bisect.insort_right": (0, 1),
}
# Calls that call a callable they are given with each element of an iterable they are
# given: name -> (the callable's position or keyword, the iterable's position, the
# parameter each element goes to): ``map(lambda s: s.fileno(), socks)``,
# ``functools.reduce(lambda acc, s: ..., socks, 0)``, ``sorted(socks, key=lambda s: ...)``.
ELEMENT_CALLBACKS: dict[str, tuple[Union[int, str], int, int]] = {
    "map": (0, 1, 0),
    "filter": (0, 1, 0),
    "itertools.filterfalse": (0, 1, 0),
    "itertools.takewhile": (0, 1, 0),
    "itertools.dropwhile": (0, 1, 0),
    "functools.reduce": (0, 1, 1),
    "sorted": ("key", 0, 0),
    "min": ("key", 0, 0),
    "max": ("key", 0, 0),
}
# Of those, the calls whose elements are what the callable returns: ``map(f, xs)``.
MAPS = frozenset({"map"})
CONTAINER_FUNCTION_NAMES = frozenset(q.rsplit(".", 1)[1] for q in CONTAINER_FUNCTIONS)
ELEMENT_CALLBACK_NAMES = frozenset(q.rsplit(".", 1)[-1] for q in ELEMENT_CALLBACKS)
# Calls that return a tuple of such subsets, one for each argument position:
# ``readable, writable, failed = select.select(rlist, wlist, xlist)``.
SUBSETS_OF: dict[str, tuple[int, ...]] = {"select.select": (0, 1, 2)}

# Calls that make a reference to their argument: calling it gives the argument back
# (``weakref.ref(sock)()``, ``lambda: sock`` by another name), with the argument's position.
REFERENCES: dict[str, int] = {"weakref.ref": 0, "weakref.WeakMethod": 0}

# Calls whose elements are tuples of their arguments' elements: ``enumerate(xs)`` gives
# (a count, an element of xs), ``zip(xs, ys)`` (an element of xs, one of ys).
COUNTED, ZIPPED = "counted", "zipped"
TUPLES_OF: dict[str, str] = {"enumerate": COUNTED, "zip": ZIPPED, "itertools.zip_longest": ZIPPED}

# Methods that put into a container: name -> the position of the element they add, or
# ELEMENTS when every positional argument is an iterable of elements. A container of
# sockets given anything but sockets this way (or by ``c[i] = x``, ``c += ...``) is
# evidence no more, wherever it is used.
ELEMENTS = "elements"
CONTAINER_ADDERS: dict[str, Union[int, str]] = {
    "append": 0,
    "appendleft": 0,
    "add": 0,
    "insert": 1,
    "extend": ELEMENTS,
    "extendleft": ELEMENTS,
    "update": ELEMENTS,
    "symmetric_difference_update": ELEMENTS,
    "register": 0,  # a selector's
    "put": 0,  # a queue's
    "put_nowait": 0,
    "set": 0,  # a context variable's
}

# Containers the module fills (``Bag``): what they hold is whatever the module puts into
# them, in three slots: a sequence's (or a selector's registered) "element", a mapping's
# "key" and "value". Calls that make an empty one: its kind, and the most positional
# arguments the call may have (``defaultdict(list)``).
_SELECTORS = ("DefaultSelector", "SelectSelector", "PollSelector", "EpollSelector", "KqueueSelector", "DevpollSelector")
BAG_MAKERS = {
    "list": ("sequence", 0),
    "set": ("sequence", 0),
    "collections.deque": ("sequence", 0),
    "contextvars.ContextVar": ("queue", 1),
    "dict": ("mapping", 0),
    "collections.OrderedDict": ("mapping", 0),
    "collections.defaultdict": ("mapping", 1),
    "weakref.WeakValueDictionary": ("mapping", 0),
    "weakref.WeakKeyDictionary": ("mapping", 0),
    "weakref.WeakSet": ("sequence", 0),
    **{f"selectors.{name}": ("selector", 0) for name in _SELECTORS},
    **{name: ("queue", 1) for name in ("queue.Queue", "queue.LifoQueue", "queue.SimpleQueue", "asyncio.Queue")},
}
SELECTOR_DATA = {"register": 2}  # a selector's methods that keep ``data`` (its position) in the key
BagView = Union[str, tuple[Optional[str], Optional[str]], None]  # a slot or a kind, a pair of them
# For each kind: what iterating gives, what ``c[i]`` gives, what its methods return and
# its attributes hold (a slot, another kind, a pair; "fd": the handle of the element).
BAG_KINDS: dict[str, dict[str, BagView]] = {
    "sequence": {"iter": "element", "[]": "element", "pop": "element", "popleft": "element", "copy": "sequence"},
    "queue": {"get": "element", "get_nowait": "element"},
    "mapping": {
        "iter": "key", "[]": "value", "get": "value", "pop": "value", "setdefault": "value", "copy": "mapping",
        "keys": "keys", "values": "values", "items": "items", "popitem": ("key", "value"),
    },  # fmt: skip
    "keys": {"iter": "key"},
    "values": {"iter": "value"},
    "items": {"iter": ("key", "value")},
    # selectors: what is registered is the element; a key's ``fileobj`` is one, its ``fd`` its handle
    "selector": {"select": "selected", "get_map": "key-map", "get_key": "selector-key", "register": "selector-key",
                 "modify": "selector-key", "unregister": "selector-key"},  # fmt: skip
    "selected": {"iter": ("selector-key", None)},
    "key-map": {"iter": "fd", "[]": "selector-key", "get": "selector-key", "values": "selector-keys", "keys": "fds"},
    "selector-keys": {"iter": "selector-key", "[]": "selector-key"},
    "fds": {"iter": "fd"},
    "selector-key": {".fileobj": "element", ".fd": "fd", ".data": "value"},  # (``data=``: its value slot)
}
# Methods that put into a mapping: the positions of the key and the value.
MAPPING_PUTS = {"setdefault": (0, 1)}

# Calls whose result is their argument at the given position, for our purposes: a
# handle wrapped in a ctypes type or cast by cffi is still the socket's handle.
PASS_THROUGH: dict[str, int] = {
    "int": 0,
    "weakref.proxy": 0,  # (a proxy is used as the object itself)
    "operator.index": 0,
    "contextlib.closing": 0,
    "ctypes.c_void_p": 0,
    "ctypes.c_size_t": 0,
    "ctypes.c_ssize_t": 0,
    "ctypes.c_uint64": 0,
    "ctypes.c_ulonglong": 0,
    "ctypes.c_int": 0,
    "ctypes.c_long": 0,
    "ctypes.wintypes.HANDLE": 0,
    "ctypes.wintypes.HFILE": 0,
    "cffi.FFI.cast": 1,
    "typing.cast": 1,
    "functools.update_wrapper": 0,  # the wrapper, given the wrapped function's name and docstring
}
# Casts whose first argument, a type, says what the value is: a socket type makes it one.
CASTS = frozenset({"typing.cast"})

# How code reaches kernel32's exports through ctypes and cffi. A loader called with a
# library name, or one of the attribute paths below, yields the qualified name
# ``kernel32``; its functions are then ``kernel32.ReadFile`` and so on.
LIBRARY_LOADERS = frozenset(
    {
        "ctypes.WinDLL",
        "ctypes.CDLL",
        "ctypes.OleDLL",
        "ctypes.windll.LoadLibrary",
        "ctypes.cdll.LoadLibrary",
        "ctypes.oledll.LoadLibrary",
        "cffi.FFI.dlopen",
    }
)
# ctypes prototypes: a factory's result, called with ``("WriteFile", kernel32)`` (and maybe
# paramflags), is that library's function, as ``kernel32.WriteFile`` is
# (``WINFUNCTYPE(BOOL, HANDLE, ...)(("WriteFile", kernel32), flags)``).
PROTOTYPE_FACTORIES = frozenset({"ctypes.WINFUNCTYPE", "ctypes.CFUNCTYPE", "ctypes.PYFUNCTYPE"})
PROTOTYPE = "ctypes.<prototype>"  # the qualified name of what a factory makes
# The C runtime's DLLs are ``crt``: ``_get_osfhandle`` and ``_open_osfhandle`` are its exports.
_CRT_DLLS = ("msvcrt", "ucrtbase", "msvcr90", "msvcr100", "msvcr110", "msvcr120", "api-ms-win-crt-stdio-l1-1-0")
LIBRARIES = {
    "kernel32": "kernel32",
    "kernel32.dll": "kernel32",
    **{dll: "crt" for dll in _CRT_DLLS},
    **{f"{dll}.dll": "crt" for dll in _CRT_DLLS},
}
LIBRARY_NAMES = frozenset(LIBRARIES.values())  # the qualified names a loader yields
LIBRARY_ATTRIBUTES = {
    "ctypes.windll.kernel32": "kernel32",
    "ctypes.cdll.kernel32": "kernel32",
    "ctypes.oledll.kernel32": "kernel32",
    **{f"ctypes.{loader}.{dll}": "crt" for loader in ("cdll", "windll") for dll in _CRT_DLLS if "-" not in dll},
}
# The words of loading one (``ctypes.WinDLL("kernel32")``, ``windll.kernel32``): a module that
# says one may give another module a library whose functions are sinks.
LIBRARY_WORDS = frozenset(q.rsplit(".", 1)[-1] for q in LIBRARY_LOADERS) | frozenset(
    part for q in LIBRARY_ATTRIBUTES for part in q.split(".")[1:]
)

# --- Sinks --------------------------------------------------------------------------

# What to use instead. ``{sock}`` is the socket's name as the code spells it.
_RECV = "{sock}.recv() or win32file.WSARecv()"
_RECV_WINAPI = "{sock}.recv() or _overlapped.Overlapped.WSARecv()"
_RECV_OVERLAPPED = "Overlapped.WSARecv() or Overlapped.WSARecvInto()"
_RECV_KERNEL32 = "{sock}.recv() or ws2_32.WSARecv()"
_SEND = "{sock}.sendall() or win32file.WSASend()"
_SEND_WINAPI = "{sock}.sendall() or _overlapped.Overlapped.WSASend()"
_SEND_OVERLAPPED = "Overlapped.WSASend()"
_SEND_KERNEL32 = "{sock}.sendall() or ws2_32.WSASend()"
_SHARE = "{sock}.share(pid) and socket.fromshare() in the target process, or {sock}.dup()"
_SHARE_KERNEL32 = "{sock}.share(pid) and socket.fromshare() in the target process, or ws2_32.WSADuplicateSocketW()"
_SHARE_MP = "the socket object itself (multiprocessing pickles it correctly), or {sock}.share(pid) and socket.fromshare()"
_CRT_RECV = "{sock}.recv() or {sock}.recv_into()"
_CRT_SEND = "{sock}.send() or {sock}.sendall()"


@dataclass(frozen=True)
class Sink:
    """A call that must not receive a socket handle."""

    qualname: str  # as the analysis resolves it
    code: str  # the rule it breaks
    position: Optional[int]  # 0-based position of the handle argument, if it has one
    keywords: tuple[str, ...]  # keywords that pass the handle
    use: str  # what to use instead
    takes_socket: bool = False  # the socket object itself is the bug too, not only its handle
    posix_ok: bool = False  # fine on POSIX: silent in code that cannot run on Windows
    takes_handle: bool = True  # a socket's handle is the bug (False: a project function that takes the socket)
    via: str = ""  # for a project's function: the call inside it that is the sink, and where

    @property
    def name(self) -> str:
        """The function's own name, as it must appear in the source text."""
        return self.qualname.rsplit(".", 1)[-1]

    def replacement(self, sock: str) -> str:
        return self.use.format(sock=sock)


def _sinks(code: str, use: str, position: Optional[int], keywords: tuple[str, ...], *qualnames: str, **flags: bool) -> list[Sink]:
    return [Sink(q, code, position, keywords, use, **flags) for q in qualnames]  # type: ignore[arg-type]


_CRT = {"posix_ok": True}
_STREAMS = ("stdin", "stdout", "stderr")
SINKS: dict[str, Sink] = {
    sink.qualname: sink
    for sink in [
        # Win32 calls: they exist only on Windows, so no platform guard silences them.
        *_sinks("WSK101", _RECV, 0, (), "win32file.ReadFile"),
        *_sinks("WSK102", _SEND, 0, (), "win32file.WriteFile"),
        *_sinks("WSK103", _SHARE, 1, (), "win32api.DuplicateHandle"),
        *_sinks("WSK101", _RECV_WINAPI, 0, ("handle",), "_winapi.ReadFile"),
        *_sinks("WSK102", _SEND_WINAPI, 0, ("handle",), "_winapi.WriteFile"),
        *_sinks("WSK103", _SHARE, 1, (), "_winapi.DuplicateHandle"),
        *_sinks("WSK101", _RECV_OVERLAPPED, 0, (), "_overlapped.Overlapped.ReadFile", "_overlapped.Overlapped.ReadFileInto"),
        *_sinks("WSK102", _SEND_OVERLAPPED, 0, (), "_overlapped.Overlapped.WriteFile"),
        *_sinks("WSK101", _RECV_KERNEL32, 0, (), "kernel32.ReadFile", "kernel32.ReadFileEx"),
        *_sinks("WSK102", _SEND_KERNEL32, 0, (), "kernel32.WriteFile", "kernel32.WriteFileEx"),
        *_sinks("WSK103", _SHARE_KERNEL32, 1, (), "kernel32.DuplicateHandle"),
        *_sinks("WSK103", _SHARE_MP, 0, ("handle",), "multiprocessing.reduction.duplicate", "multiprocessing.reduction.DupHandle"),
        *_sinks("WSK103", _SHARE_MP, 1, ("handle",), "multiprocessing.reduction.send_handle", "multiprocessing.reduction.steal_handle"),
        # C runtime descriptor calls: a socket handle is not a descriptor on Windows.
        *_sinks("WSK201", _CRT_RECV, 0, ("fd",), "os.read", "os.readv", "os.pread", **_CRT),
        *_sinks("WSK201", _CRT_SEND, 0, ("fd",), "os.write", "os.writev", "os.pwrite", **_CRT),
        *_sinks("WSK202", "{sock}.dup()", 0, ("fd",), "os.dup", **_CRT),
        *_sinks("WSK202", "pipes to redirect, or {sock}.dup() to duplicate", 0, ("fd",), "os.dup2", **_CRT),
        *_sinks("WSK203", "{sock}.makefile()", 0, ("file",), "open", "io.open", **_CRT),
        *_sinks("WSK203", "{sock}.makefile()", 0, ("fd",), "os.fdopen", **_CRT),
        *_sinks(
            "WSK204",
            "the socket object itself, or {sock}.makefile()",
            0,
            ("handle", "fd"),
            "msvcrt.open_osfhandle",
            "msvcrt.get_osfhandle",
            "win32file._open_osfhandle",
            "win32file._get_osfhandle",
            **_CRT,
        ),
        # The C runtime's own exports, through ctypes or cffi: they exist only on Windows.
        *_sinks("WSK204", "the socket object itself, or {sock}.makefile()", 0, (), "crt._open_osfhandle", "crt._get_osfhandle"),
        *_sinks("WSK205", "{sock}.close()", 0, ("fd",), "os.close", **_CRT),
        *_sinks("WSK205", "{sock}.set_inheritable()", 0, ("fd",), "os.set_inheritable", **_CRT),
        *_sinks("WSK205", "{sock}.get_inheritable()", 0, ("fd",), "os.get_inheritable", **_CRT),
        *_sinks("WSK205", "{sock}.setblocking()", 0, ("fd",), "os.set_blocking", **_CRT),
        *_sinks("WSK205", "{sock}.getblocking()", 0, ("fd",), "os.get_blocking", **_CRT),
        *_sinks(
            "WSK205",
            "the socket's own methods (it has no file status, position or size)",
            0,
            ("fd",),
            "os.fstat",
            "os.isatty",
            "os.lseek",
            "os.fsync",
            "os.ftruncate",
            **_CRT,
        ),
        # subprocess turns a stream argument into a C runtime descriptor, then a handle
        # (asyncio's subprocess functions hand theirs to subprocess.Popen).
        *_sinks(
            "WSK301",
            "pipes and a relay thread, or {sock}.share(pid) and socket.fromshare() in the child",
            None,
            _STREAMS,
            "subprocess.Popen",
            "subprocess.run",
            "subprocess.call",
            "subprocess.check_call",
            "subprocess.check_output",
            "asyncio.create_subprocess_exec",
            "asyncio.create_subprocess_shell",
            "asyncio.AbstractEventLoop.subprocess_exec",
            "asyncio.AbstractEventLoop.subprocess_shell",
            takes_socket=True,
            posix_ok=True,
        ),
    ]
}

# --- Platform knowledge ---------------------------------------------------------------

# Values that tell which platform runs the code, and the prefix of their Windows value:
# ``sys.platform == "win32"``, ``os.name == "nt"``, ``platform.system() == "Windows"``.
# Names whose value at run time is known: ``if TYPE_CHECKING:`` never runs.
RUNTIME_CONSTANTS = {"typing.TYPE_CHECKING": False, "typing_extensions.TYPE_CHECKING": False}
PLATFORM_PROBES = {"sys.platform": "win", "os.name": "nt", "platform.system()": "Windows"}
# Calls that answer "is this Windows?": name -> True for a Windows test, False for a
# POSIX one (Twisted's ``platform.isWindows()`` is common in test suites).
PLATFORM_TEST_CALLS = {
    "twisted.python.runtime.platform.isWindows": True,
    "twisted.python.runtime.platform.isLinux": False,
    "twisted.python.runtime.platform.isMacOSX": False,
}
# Socket families that no Windows CPython has (``socket.AF_UNIX`` does not exist there): a
# socket of one exists on POSIX only, so the C runtime rules are silent for it (the Win32
# rules are not: a Win32 call on a socket's handle is wrong whatever its family, and
# Winsock itself has ``AF_UNIX``). ``hasattr(socket, "AF_UNIX")`` is a POSIX test.
POSIX_FAMILIES = frozenset(
    {"socket.AF_UNIX", "socket.AF_PACKET", "socket.AF_NETLINK", "socket.AF_CAN", "socket.AF_ALG", "socket.AF_VSOCK", "socket.AF_TIPC"}
)
# Names that exist only on POSIX: ``hasattr(os, "fork")`` is a POSIX test, and code after
# a call of one of them (anywhere in an expression) runs on POSIX only, on that path.
POSIX_ONLY = frozenset(
    {
        "os.fork",
        "os.forkpty",
        "os.setsid",
        "os.getuid",
        "os.geteuid",
        "os.getgid",
        "os.killpg",
        "os.mkfifo",
        "os.openpty",
        "os.pipe2",
        "os.posix_spawn",
        "os.wait3",
        "os.wait4",
        "os.uname",
        "os.setuid",
        "pty.fork",
        *POSIX_FAMILIES,
    }
)
# Calls that make a socket of the family they are given (position, keyword); the sockets a
# socket makes (``accept()``, ``dup()``) are of its family.
SOCKET_FAMILIES: dict[str, tuple[Optional[int], Optional[str]]] = {
    "socket.socket": (0, "family"),
    "socket.socketpair": (0, "family"),
    "socket.fromfd": (1, "family"),
    "socket.create_server": (None, "family"),
}
# Calls that fork, and where in their result the process id is (None: the result itself;
# else the position in a tuple of that size): 0 in the child, so that ``pid == 0`` holds
# only in a fork's child, on POSIX.
FORKS: dict[str, Optional[tuple[int, int]]] = {"os.fork": None, "os.forkpty": (0, 2), "pty.fork": (0, 2)}
# Modules that do not exist on Windows (the standard library's, and libraries that refuse
# Windows): code after an import of one runs on POSIX only, on that path (an import
# under ``try``/``except ImportError`` or ``contextlib.suppress`` leaves the path
# that handles its failure open to Windows).
POSIX_MODULES = frozenset(
    {
        "_posixshmem", "_posixsubprocess", "crypt", "fcntl", "grp", "nis", "ossaudiodev", "posix", "pty", "pwd",
        "resource", "spwd", "syslog", "termios", "tty",
        "uvloop",  # "uvloop does not support Windows": its import fails there
    }
)  # fmt: skip
# Calls that skip a test where the module they import is missing (``pytest.importorskip("fcntl")``).
IMPORT_OR_SKIP = frozenset({"pytest.importorskip"})
# Context managers that swallow what their body raises: the path after one may come from
# any point of the body.
SUPPRESSORS = frozenset({"contextlib.suppress"})
# Test decorators that skip a test (or a class of tests) on a condition.
SKIP_UNLESS = frozenset({"unittest.skipUnless"})
SKIP_IF = frozenset({"unittest.skipIf", "pytest.mark.skipif"})
# Calls that never return (a test skipped or failed, the process ended): what follows one
# is not reached, as after ``raise``. Methods by name, on any receiver (``self.skipTest()``).
NO_RETURN = frozenset({"pytest.skip", "pytest.fail", "pytest.exit", "sys.exit", "os._exit", "os.abort"})
NO_RETURN_METHODS = frozenset({"skipTest"})
# Decorators of libraries' test suites that skip a test everywhere but on POSIX (a
# project adds its own with ``posix-only-decorators``).
POSIX_ONLY_DECORATORS = frozenset(
    {
        "tornado.test.util.skipIfNonUnix",
        "tornado.testing.skipIfNonUnix",
        "gevent.testing.skipOnWindows",
        "gevent.testing.skipping.skipOnWindows",
        "gevent.testing.sysinfo.skipOnWindows",
    }
)
# Names a test module or class gives its skip marks (``pytestmark = pytest.mark.skipif(...)``),
# and the attribute a Twisted test class sets to be skipped (``if isWindows(): skip = "..."``).
MARK_NAMES = frozenset({"pytestmark"})
SKIP_ATTRIBUTE = "skip"

# Calls that are right for a socket handle. Never sinks (a test keeps them out of SINKS).
SAFE_CALLS = (
    "win32file.WSASend",
    "win32file.WSARecv",
    "win32file.AcceptEx",
    "win32file.ConnectEx",
    "win32file.TransmitFile",
    "win32file.CreateIoCompletionPort",
    "win32file.GetOverlappedResult",
    "win32file.WSAEventSelect",
    "win32file.CancelIo",
    "_overlapped.Overlapped.WSARecv",
    "_overlapped.Overlapped.WSARecvInto",
    "_overlapped.Overlapped.WSASend",
    "_overlapped.Overlapped.AcceptEx",
    "_overlapped.Overlapped.ConnectEx",
    "_overlapped.CreateIoCompletionPort",
    "os.set_handle_inheritable",
    "os.get_handle_inheritable",
    "select.select",
    "socket.socket",
    "socket.fromfd",
    "socket.fromshare",
)

# Modules whose star import binds the catalog's names of that module.
def star_names(module: str) -> dict[str, str]:
    """``from module import *``: the catalog names it binds, name -> qualified name."""
    known = {*CALL_RESULTS, *SINKS, *PASS_THROUGH, *LIBRARY_LOADERS, *SOCKET_CLASSES}
    known |= {*SOCKET_CONTAINERS, *TUPLE_TYPES, *SUBSETS_OF}
    prefix = module + "."
    return {q[len(prefix):]: q for q in known if q.startswith(prefix) and "." not in q[len(prefix):]}


# --- What a project adds ----------------------------------------------------------------

_QUALNAME = re.compile(r"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*\Z", re.ASCII)
DEFAULT_PROJECT_SINK_CODE = "WSK102"


# What a module of the project exports, as its summary says it (plain data: see ``project``).
Export = Mapping[str, Any]


class Project(Protocol):
    """The project around the module being analysed: what its imports resolve to.

    The model asks only for names the catalog does not know, and only when a value
    needs them; an answer of None is an unknown, never evidence.
    """

    package: str  # the module's package, for its relative imports ("" when it has none)
    names: frozenset[str]  # the module's names that its project imports bind

    def lookup(self, qualname: str) -> Optional[tuple[str, Export]]:
        """What a qualified name of the project is: ("function" | "class" | "value" |
        "redirect", its summary), or None."""
        ...

    def value(self, qualname: str) -> Optional[tuple[str, Export]]:
        """What a bare name of the project holds when it is no function, class or module:
        ("redirect", the catalog's name it is) or ("value", a module-level socket)."""
        ...

    def is_class(self, qualname: str) -> bool:
        """Whether a qualified name is a class of the project."""
        ...

    def fixture(self, name: str) -> Optional[Export]:
        """What the nearest ``conftest.py`` fixture of that name gives, if it gives a socket."""
        ...

    def words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        """The module's names that may give a socket, a handle, or reach a sink (for the gate
        and the pre-pass: an over-approximation from the words of the modules they name)."""
        ...

    def attribute_words(self) -> frozenset[str]:
        """The attribute names the project's classes the module names may give their instances."""
        ...


@dataclass(frozen=True, eq=False)  # one object per configuration (``knowledge`` caches them)
class Knowledge:
    """What the analysis knows: the catalog, and what a project adds to it."""

    call_results: Mapping[str, str]
    sinks: Mapping[str, Sink]
    posix_decorators: frozenset[str] = POSIX_ONLY_DECORATORS
    project: Optional[Project] = None  # the project view of the module being analysed
    fixtures: frozenset[str] = frozenset()  # the names of the module's own pytest fixtures


CATALOG = Knowledge(CALL_RESULTS, SINKS)


def socket_factory(spec: str) -> str:
    """``mylib.net.connect``: a qualified name whose call returns a socket."""
    if not _QUALNAME.match(spec):
        raise ValueError(f"{spec!r} is not a qualified name (like 'mylib.net.connect')")
    return spec


def posix_decorator(spec: str) -> str:
    """``myproject.testing.posix_only``: a decorator that skips a test everywhere but on POSIX."""
    if not _QUALNAME.match(spec):
        raise ValueError(f"{spec!r} is not a qualified name (like 'myproject.testing.posix_only')")
    return spec


def project_sink(spec: str) -> Sink:
    """``mylib.win.raw_write:0:WSK102``: a project's function that must not receive a
    socket handle, the handle's position (0 if left out), and the rule of the call it
    wraps (WSK102, WriteFile's, if left out)."""
    qualname, _, rest = spec.partition(":")
    position, _, code = rest.partition(":")
    codes: dict[str, Sink] = {}
    for sink in SINKS.values():
        codes.setdefault(sink.code, sink)  # the first of each rule: the pywin32 call
    if not _QUALNAME.match(qualname) or not (position or "0").isdigit() or (code and code not in codes):
        raise ValueError(
            f"{spec!r} is not a qualified name with an optional handle position and rule "
            f"(like 'mylib.win.raw_write:0:WSK102'; rules: {', '.join(sorted(codes))})"
        )
    like = codes[code or DEFAULT_PROJECT_SINK_CODE]
    return Sink(qualname, like.code, int(position or 0), (), like.use, like.takes_socket, like.posix_ok)


@lru_cache(maxsize=32)
def knowledge(
    socket_factories: tuple[str, ...] = (), handle_sinks: tuple[str, ...] = (), posix_decorators: tuple[str, ...] = ()
) -> Knowledge:
    """The catalog with a project's socket factories, handle sinks and POSIX-only test
    decorators (ValueError if one is malformed)."""
    if not socket_factories and not handle_sinks and not posix_decorators:
        return CATALOG
    results = {**CALL_RESULTS, **{socket_factory(spec): SOCKET for spec in socket_factories}}
    sinks = {**SINKS, **{sink.qualname: sink for sink in map(project_sink, handle_sinks)}}
    decorators = POSIX_ONLY_DECORATORS | {posix_decorator(spec) for spec in posix_decorators}
    return Knowledge(results, sinks, decorators)
