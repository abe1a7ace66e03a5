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

from dataclasses import dataclass

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
    "_overlapped.Overlapped": "_overlapped.Overlapped",
    "cffi.FFI": "cffi.FFI",
}

# Methods of a receiver the analysis cannot type, whose call is evidence by itself.
# asyncio's documented way to reach a transport's socket: method -> the string its
# first argument must be (``transport.get_extra_info("socket")``).
EXTRA_INFO_METHODS = {"get_extra_info": "socket"}
# Methods that return a socket when handed one (``context.wrap_socket(sock)``).
SOCKET_WRAPPING_METHODS = frozenset({"wrap_socket"})

# Calls whose result is their argument at the given position, for our purposes: a
# handle wrapped in a ctypes type or cast by cffi is still the socket's handle.
PASS_THROUGH: dict[str, int] = {
    "int": 0,
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
}

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
LIBRARIES = {"kernel32": "kernel32", "kernel32.dll": "kernel32"}
LIBRARY_ATTRIBUTES = {
    "ctypes.windll.kernel32": "kernel32",
    "ctypes.cdll.kernel32": "kernel32",
    "ctypes.oledll.kernel32": "kernel32",
}

# --- Sinks --------------------------------------------------------------------------

# The Winsock call to use instead, by rule and API family. ``{sock}`` is the socket's
# name as the code spells it.
REPLACEMENTS: dict[tuple[str, str], str] = {
    ("WSK101", "pywin32"): "{sock}.recv() or win32file.WSARecv()",
    ("WSK101", "_winapi"): "{sock}.recv() or _overlapped.Overlapped.WSARecv()",
    ("WSK101", "_overlapped"): "Overlapped.WSARecv() or Overlapped.WSARecvInto()",
    ("WSK101", "kernel32"): "{sock}.recv() or ws2_32.WSARecv()",
    ("WSK102", "pywin32"): "{sock}.sendall() or win32file.WSASend()",
    ("WSK102", "_winapi"): "{sock}.sendall() or _overlapped.Overlapped.WSASend()",
    ("WSK102", "_overlapped"): "Overlapped.WSASend()",
    ("WSK102", "kernel32"): "{sock}.sendall() or ws2_32.WSASend()",
    ("WSK103", "pywin32"): "{sock}.share(pid) and socket.fromshare() in the target process, or {sock}.dup()",
    ("WSK103", "_winapi"): "{sock}.share(pid) and socket.fromshare() in the target process, or {sock}.dup()",
    ("WSK103", "kernel32"): "{sock}.share(pid) and socket.fromshare() in the target process, or ws2_32.WSADuplicateSocketW()",
    ("WSK103", "multiprocessing"): "pass the socket object itself to multiprocessing, or {sock}.share(pid) and socket.fromshare()",
}


@dataclass(frozen=True)
class Sink:
    """A call that must not receive a socket handle."""

    qualname: str  # as the analysis resolves it
    code: str  # the rule it breaks
    position: int  # 0-based position of the handle argument
    keyword: str | None  # its keyword, where the call accepts one
    family: str  # API family: selects the replacement text

    @property
    def name(self) -> str:
        """The function's own name, as it must appear in the source text."""
        return self.qualname.rsplit(".", 1)[-1]

    def replacement(self, sock: str) -> str:
        return REPLACEMENTS[self.code, self.family].format(sock=sock)


def _sinks(family: str, code: str, position: int, keyword: str | None, *qualnames: str) -> list[Sink]:
    return [Sink(q, code, position, keyword, family) for q in qualnames]


SINKS: dict[str, Sink] = {
    sink.qualname: sink
    for sink in [
        *_sinks("pywin32", "WSK101", 0, None, "win32file.ReadFile"),
        *_sinks("pywin32", "WSK102", 0, None, "win32file.WriteFile"),
        *_sinks("pywin32", "WSK103", 1, None, "win32api.DuplicateHandle"),
        *_sinks("_winapi", "WSK101", 0, "handle", "_winapi.ReadFile"),
        *_sinks("_winapi", "WSK102", 0, "handle", "_winapi.WriteFile"),
        *_sinks("_winapi", "WSK103", 1, None, "_winapi.DuplicateHandle"),
        *_sinks("_overlapped", "WSK101", 0, None, "_overlapped.Overlapped.ReadFile", "_overlapped.Overlapped.ReadFileInto"),
        *_sinks("_overlapped", "WSK102", 0, None, "_overlapped.Overlapped.WriteFile"),
        *_sinks("kernel32", "WSK101", 0, None, "kernel32.ReadFile", "kernel32.ReadFileEx"),
        *_sinks("kernel32", "WSK102", 0, None, "kernel32.WriteFile", "kernel32.WriteFileEx"),
        *_sinks("kernel32", "WSK103", 1, None, "kernel32.DuplicateHandle"),
        *_sinks("multiprocessing", "WSK103", 0, "handle", "multiprocessing.reduction.duplicate", "multiprocessing.reduction.DupHandle"),
        *_sinks("multiprocessing", "WSK103", 1, "handle", "multiprocessing.reduction.send_handle", "multiprocessing.reduction.steal_handle"),
    ]
}

# Calls that are right for a socket handle. Never sinks; the docs and tests read them.
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
    prefix = module + "."
    return {q[len(prefix):]: q for q in known if q.startswith(prefix) and "." not in q[len(prefix):]}
