"""One record per rule code.

The rule pages of the docs, ``--explain``, ``--list-rules``, SARIF rule metadata and
the tests' list of codes are all generated from ``RULES``: change the text here.
"""

from __future__ import annotations

from dataclasses import dataclass, field

DOCS_URL = "https://flake8-winsock.readthedocs.io/en/latest/rules/{code}.html"

_SOCKET_HANDLES = (
    "Microsoft, Socket Handles",
    "https://learn.microsoft.com/en-us/windows/win32/winsock/socket-handles-2",
)
_WHY_IFS = (
    "On Windows a socket handle looks like any other HANDLE, but it belongs to a Winsock "
    "provider. Only providers whose sockets are Installable File System (IFS) handles "
    "(`XP1_IFS_HANDLES`) serve ReadFile and WriteFile directly; with any other provider "
    "the call makes the provider and the file system interact, with a significant "
    "performance penalty. Errors come back as file-system codes that are not always "
    "mapped to Winsock error codes, so a reset connection or a timeout is reported as "
    "something else, or as \"The handle is invalid\". Microsoft recommends that socket "
    "handles be used only with Winsock functions."
)


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    summary: str  # one line: what the finding says
    what: str  # "What it does"
    why: str  # "Why is this bad?"
    example: str  # code the analysis reports
    use_instead: str  # code it does not report
    fix_safety: str
    references: tuple[tuple[str, str], ...] = field(default=(_SOCKET_HANDLES,))
    default: bool = True  # on unless the user selects it
    fixable: bool = False

    @property
    def help_uri(self) -> str:
        return DOCS_URL.format(code=self.code)


RULES: dict[str, Rule] = {
    rule.code: rule
    for rule in [
        Rule(
            code="WSK101",
            name="socket-handle-to-readfile",
            summary="socket handle passed to ReadFile / ReadFileEx",
            what=(
                "Finds a socket's handle (`sock.fileno()`, `sock.detach()`, or a variable "
                "holding one) passed to ReadFile or ReadFileEx: pywin32's "
                "`win32file.ReadFile`, `_winapi.ReadFile`, `_overlapped.Overlapped.ReadFile` "
                "and `ReadFileInto`, and kernel32's `ReadFile`/`ReadFileEx` through ctypes or cffi."
            ),
            why=_WHY_IFS,
            example=(
                "import socket\n"
                "import win32file\n"
                "\n"
                "s = socket.create_connection((\"example.com\", 80))\n"
                "rc, data = win32file.ReadFile(s.fileno(), 4096)\n"
            ),
            use_instead=(
                "import socket\n"
                "import win32file\n"
                "\n"
                "s = socket.create_connection((\"example.com\", 80))\n"
                "data = s.recv(4096)\n"
                "# overlapped I/O: win32file.WSARecv(s, buf, overlapped)\n"
                "# _overlapped: Overlapped(0).WSARecv(s.fileno(), 4096, 0)\n"
                "# ctypes: ws2_32.WSARecv / ws2_32.recv\n"
            ),
            fix_safety="No automatic fix: the replacement depends on how the result and the overlapped structure are used.",
        ),
        Rule(
            code="WSK102",
            name="socket-handle-to-writefile",
            summary="socket handle passed to WriteFile / WriteFileEx",
            what=(
                "Finds a socket's handle passed to WriteFile or WriteFileEx: pywin32's "
                "`win32file.WriteFile`, `_winapi.WriteFile`, `_overlapped.Overlapped.WriteFile`, "
                "and kernel32's `WriteFile`/`WriteFileEx` through ctypes or cffi."
            ),
            why=_WHY_IFS,
            example=(
                "import socket\n"
                "import win32file\n"
                "\n"
                "s = socket.create_connection((\"example.com\", 80))\n"
                "win32file.WriteFile(s.fileno(), b\"GET / HTTP/1.0\\r\\n\\r\\n\")\n"
            ),
            use_instead=(
                "import socket\n"
                "import win32file\n"
                "\n"
                "s = socket.create_connection((\"example.com\", 80))\n"
                "s.sendall(b\"GET / HTTP/1.0\\r\\n\\r\\n\")\n"
                "# overlapped I/O: win32file.WSASend(s, data, overlapped)\n"
                "# _overlapped: Overlapped(0).WSASend(s.fileno(), data, 0)\n"
                "# ctypes: ws2_32.WSASend / ws2_32.send\n"
            ),
            fix_safety="No automatic fix: WriteFile's return value and overlapped use differ from send().",
        ),
        Rule(
            code="WSK103",
            name="socket-handle-to-duplicatehandle",
            summary="socket handle passed to DuplicateHandle",
            what=(
                "Finds a socket's handle passed to DuplicateHandle (`win32api.DuplicateHandle`, "
                "`_winapi.DuplicateHandle`, kernel32's through ctypes or cffi) or to the "
                "`multiprocessing.reduction` helpers that call it: `duplicate`, `DupHandle`, "
                "`send_handle`, `steal_handle`."
            ),
            why=(
                "A socket handle should not be used with DuplicateHandle. With layered service "
                "providers installed the duplication fails, and there is no way for the "
                "destination process to import the socket handle: the copy is not a socket "
                "there. Winsock's WSADuplicateSocket is the call made for this, and Python "
                "exposes it as `socket.share(pid)` with `socket.fromshare(data)` in the target "
                "process; `sock.dup()` duplicates within the process, and multiprocessing "
                "pickles a socket object through `resource_sharer` correctly."
            ),
            example=(
                "import socket\n"
                "from multiprocessing.reduction import send_handle\n"
                "\n"
                "def hand_over(conn, listener: socket.socket, pid: int) -> None:\n"
                "    client, _ = listener.accept()\n"
                "    send_handle(conn, client.fileno(), pid)\n"
            ),
            use_instead=(
                "import socket\n"
                "\n"
                "def hand_over(conn, listener: socket.socket, pid: int) -> None:\n"
                "    client, _ = listener.accept()\n"
                "    conn.send(client.share(pid))  # the child calls socket.fromshare(data)\n"
            ),
            fix_safety="No automatic fix: the receiving process must change too.",
        ),
        Rule(
            code="WSK900",
            name="file-not-analysed",
            summary="the file could not be analysed",
            what=(
                "Reported once for a file that names an API the rules watch but that the "
                "analysis could not read: a LibCST parser error on code that Python accepts, "
                "an internal error, or nesting too deep to follow. The message says why. "
                "Other files are not affected, and where only part of a file was too deeply "
                "nested, the findings in the rest of it are still reported."
            ),
            why=(
                "A silent skip would look like a clean file. The finding says the file was "
                "not checked, so that a reviewer can decide."
            ),
            example="x = () if 0 else(lambda:())\nimport socket, win32file\nwin32file.WriteFile(socket.socket().fileno(), b'')\n",
            use_instead="x = () if 0 else (lambda: ())\nimport socket, win32file\nsocket.socket().sendall(b'')\n",
            fix_safety="Not applicable.",
            references=(
                ("LibCST", "https://libcst.readthedocs.io/"),
            ),
        ),
    ]
}
