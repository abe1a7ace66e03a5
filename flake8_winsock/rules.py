"""One record per rule code.

The rule pages of the docs, ``--explain``, ``--list-rules``, SARIF rule metadata and
the tests' list of codes are all generated from ``RULES``: change the text here.
"""

from __future__ import annotations

import re
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

_BPO_32454 = ("CPython bpo-32454: os.close does not work on socket descriptors on Windows", "https://bugs.python.org/issue32454")
_WHY_CRT = (
    "On Windows `sock.fileno()` returns the SOCKET handle, not a C runtime file descriptor. "
    "Calls that expect a descriptor fail with EBADF or \"[WinError 6] The handle is invalid\", "
    "or, when the number happens to equal a real descriptor, act on an unrelated file. "
    "The same code works on POSIX, which is why it ships: the bug shows only on Windows."
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
    fix_is_safe: bool = False  # --fix applies it; an unsafe fix needs --unsafe-fixes (fix_safety says why)
    # "Use instead" for each API family the rule covers: (family, what to call).
    alternatives: tuple[tuple[str, str], ...] = ()

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
            alternatives=(
                ("socket methods", "`sock.recv(n)`, `sock.recv_into(buffer)`."),
                ("pywin32", "`win32file.WSARecv(sock, buffer, overlapped)` instead of `win32file.ReadFile(handle, ...)`."),
                (
                    "`_winapi`",
                    "`_winapi` has no Winsock call: use the socket's `recv`, or, for overlapped I/O, "
                    "`_overlapped.Overlapped(event).WSARecv(handle, size, flags)`.",
                ),
                (
                    "`_overlapped`",
                    "`Overlapped.WSARecv(handle, size, flags)` instead of `ReadFile`, "
                    "`Overlapped.WSARecvInto(handle, buffer, flags)` instead of `ReadFileInto`.",
                ),
                (
                    "ctypes / cffi",
                    "`ws2_32.WSARecv` (it takes an OVERLAPPED and a completion routine, like `ReadFileEx`) "
                    "or `ws2_32.recv`, loaded from `ws2_32`, not `kernel32`.",
                ),
            ),
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
            alternatives=(
                ("socket methods", "`sock.sendall(data)`, or `sock.send(data)` where a partial write is handled."),
                ("pywin32", "`win32file.WSASend(sock, data, overlapped)` instead of `win32file.WriteFile(handle, ...)`."),
                (
                    "`_winapi`",
                    "`_winapi` has no Winsock call: use the socket's `sendall`, or, for overlapped I/O, "
                    "`_overlapped.Overlapped(event).WSASend(handle, data, flags)`.",
                ),
                ("`_overlapped`", "`Overlapped.WSASend(handle, data, flags)` instead of `WriteFile`."),
                (
                    "ctypes / cffi",
                    "`ws2_32.WSASend` (it takes an OVERLAPPED and a completion routine, like `WriteFileEx`) "
                    "or `ws2_32.send`, loaded from `ws2_32`, not `kernel32`.",
                ),
            ),
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
            alternatives=(
                (
                    "socket methods",
                    "For another process, `data = sock.share(pid)`, and `socket.fromshare(data)` in that "
                    "process; within this process, `sock.dup()`.",
                ),
                (
                    "multiprocessing",
                    "Pass the socket object itself (through a `Connection`, a `Queue` or a `Process` "
                    "argument): multiprocessing pickles it with `resource_sharer.DupSocket`, which uses "
                    "`share()`. Not `duplicate`, `DupHandle`, `send_handle` or `steal_handle` of its `fileno()`.",
                ),
                (
                    "pywin32 / `_winapi`",
                    "Neither exposes WSADuplicateSocket: use `sock.share(pid)` and `socket.fromshare()`.",
                ),
                (
                    "ctypes / cffi",
                    "`ws2_32.WSADuplicateSocketW(s, pid, byref(info))`, and `WSASocketW` with that "
                    "`WSAPROTOCOL_INFOW` in the target process.",
                ),
            ),
        ),
        Rule(
            code="WSK201",
            name="socket-handle-as-descriptor-io",
            summary="socket handle used as a C runtime descriptor for I/O",
            what=(
                "Finds a socket's handle passed to `os.read`, `os.write`, `os.readv`, `os.writev`, "
                "`os.pread` or `os.pwrite`. Not reported in code that runs only on POSIX (platform "
                "guards, POSIX-only test decorators, code after `os.fork()`)."
            ),
            why=_WHY_CRT,
            example=(
                "import os\n"
                "import socket\n"
                "\n"
                "s = socket.create_connection((\"localhost\", 2375))\n"
                "header = os.read(s.fileno(), 8)\n"
            ),
            use_instead=(
                "import os\n"
                "import socket\n"
                "\n"
                "s = socket.create_connection((\"localhost\", 2375))\n"
                "header = s.recv(8)\n"
            ),
            fix_safety=(
                "Safe, where the handle is written `sock.fileno()` (a handle kept in a variable is not fixed): "
                "`os.read(s.fileno(), n)` becomes `s.recv(n)` and `os.write(s.fileno(), d)` becomes `s.send(d)`, "
                "which return the same values (the bytes read; the number of bytes sent). On Windows the original "
                "call cannot work; on POSIX the two differ only where the original was wrong as well: a socket with "
                "a timeout now waits for it instead of raising `BlockingIOError`. A socket from `ssl` wrapping is "
                "not fixed (`recv` would decrypt where `os.read` read the raw records), nor are `os.readv`, "
                "`os.writev`, `os.pread` and `os.pwrite`."
            ),
            fixable=True,
            fix_is_safe=True,
            alternatives=(
                ("`os.read`, `os.readv`, `os.pread`", "`sock.recv(n)`, `sock.recv_into(buffer)`."),
                ("`os.write`, `os.writev`, `os.pwrite`", "`sock.sendall(data)`, or `sock.send(data)` where a partial write is handled."),
            ),
            references=(_SOCKET_HANDLES, _BPO_32454),
        ),
        Rule(
            code="WSK202",
            name="socket-handle-dup",
            summary="socket handle duplicated with os.dup / os.dup2",
            what="Finds a socket's handle passed to `os.dup` or `os.dup2` (outside POSIX-only code).",
            why=_WHY_CRT + " `sock.dup()` duplicates a socket with WSADuplicateSocket, which is what Winsock supports.",
            example="import os\nimport socket\n\ns = socket.socket()\ncopy = os.dup(s.fileno())\n",
            use_instead="import os\nimport socket\n\ns = socket.socket()\ncopy = s.dup()\n",
            fix_safety=(
                "Safe, where the handle is written `sock.fileno()`: `os.dup(s.fileno())` becomes "
                "`s.dup().detach()`, which also returns a new, non-inheritable descriptor of the same socket "
                "(made by WSADuplicateSocket on Windows) and leaves closing it to the caller, as `os.dup` did. "
                "A socket from `ssl` wrapping is not fixed (`SSLSocket.dup()` raises). `os.dup2` has no socket "
                "equivalent and is not fixed."
            ),
            fixable=True,
            fix_is_safe=True,
            alternatives=(
                ("`os.dup`", "`sock.dup()` (WSADuplicateSocket underneath); `sock.dup().detach()` where a bare handle is needed."),
                ("`os.dup2`", "No socket equivalent: redirect through pipes and relay the data to the socket."),
            ),
            references=(_SOCKET_HANDLES, _BPO_32454),
        ),
        Rule(
            code="WSK203",
            name="socket-handle-opened-as-file",
            summary="socket handle opened as a file",
            what="Finds a socket's handle passed to `open`, `io.open` or `os.fdopen` (outside POSIX-only code).",
            why=_WHY_CRT + " `sock.makefile()` gives a file object over the socket that works on every platform.",
            example="import io\nimport socket\n\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nf = io.open(s.fileno(), \"rb\")\n",
            use_instead="import io\nimport socket\n\ns = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)\nf = s.makefile(\"rb\")\n",
            fix_safety=(
                "Unsafe, so made only with `--unsafe-fixes`: `open(s.fileno(), mode)` (and `io.open`, "
                "`os.fdopen`) becomes `s.makefile(mode)`, but closing the file no longer closes the socket: "
                "it stays open until it is closed itself. Only calls `makefile` takes one to one are fixed: "
                "a literal mode of `r` or `w`, with or without `b`, and `encoding`, `errors`, `newline`; not "
                "`buffering`, `closefd` or `opener`."
            ),
            fixable=True,
            alternatives=(
                ("`open`, `io.open`, `os.fdopen`", "`sock.makefile(mode)`; the socket stays open until it is closed too."),
            ),
            references=(_SOCKET_HANDLES,),
        ),
        Rule(
            code="WSK204",
            name="socket-handle-osfhandle",
            summary="socket handle converted with open_osfhandle / get_osfhandle",
            what=(
                "Finds a socket's handle passed to `msvcrt.open_osfhandle`, `msvcrt.get_osfhandle`, "
                "pywin32's `win32file._open_osfhandle` / `_get_osfhandle`, or the C runtime DLL's own "
                "`_open_osfhandle` / `_get_osfhandle` through ctypes or cffi (`ctypes.CDLL(\"msvcrt\")`, "
                "`ucrtbase`)."
            ),
            why=(
                "`open_osfhandle` wraps the socket in a C runtime descriptor whose reads and writes "
                "become ReadFile and WriteFile on the socket, with the cost and the lost error codes "
                "that Microsoft's Socket Handles page describes. `get_osfhandle` expects a descriptor, "
                "and a socket handle is not one: it fails with EBADF or returns an unrelated file's handle."
            ),
            example="import msvcrt\nimport socket\n\ns = socket.socket()\nfd = msvcrt.open_osfhandle(s.fileno(), 0)\n",
            use_instead="import socket\n\ns = socket.socket()\nstream = s.makefile(\"rwb\")\n",
            fix_safety="No automatic fix: what the descriptor is used for decides the replacement.",
            alternatives=(
                ("`msvcrt.open_osfhandle`, `win32file._open_osfhandle`", "Keep the socket object; `sock.makefile()` where a file object is needed."),
                ("`msvcrt.get_osfhandle`, `win32file._get_osfhandle`", "Nothing to convert: `sock.fileno()` already is the handle, for Winsock calls."),
            ),
            references=(_SOCKET_HANDLES,),
        ),
        Rule(
            code="WSK205",
            name="socket-handle-descriptor-call",
            summary="C runtime descriptor call on a socket handle",
            what=(
                "Finds a socket's handle passed to `os.close`, `os.set_inheritable`, `os.get_inheritable`, "
                "`os.set_blocking`, `os.get_blocking`, `os.fstat`, `os.isatty`, `os.lseek`, `os.fsync` "
                "or `os.ftruncate` (outside POSIX-only code)."
            ),
            why=_WHY_CRT + " The socket object has its own `close()`, `set_inheritable()`, `setblocking()`.",
            example="import os\nimport socket\n\nsock = socket.socket()\nos.set_inheritable(sock.fileno(), True)\n",
            use_instead="import socket\n\nsock = socket.socket()\nsock.set_inheritable(True)\n",
            fix_safety=(
                "Safe, where the handle is written `sock.fileno()`: `os.close(s.fileno())` becomes `s.close()`, "
                "`os.set_inheritable(s.fileno(), v)` becomes `s.set_inheritable(v)` and "
                "`os.get_inheritable(s.fileno())` becomes `s.get_inheritable()`. On POSIX the socket methods make "
                "the same calls; on Windows they make the handle calls that work. `s.close()` also marks the "
                "socket closed, so that it does not close the same number again later (by then perhaps another "
                "file); while a `makefile()` file of the socket is open, the descriptor closes when that file "
                "does. The other calls have no one-to-one replacement and are not fixed."
            ),
            fixable=True,
            fix_is_safe=True,
            alternatives=(
                ("`os.close`", "`sock.close()`."),
                ("`os.set_inheritable`, `os.get_inheritable`", "`sock.set_inheritable(flag)`, `sock.get_inheritable()`."),
                ("`os.set_blocking`, `os.get_blocking`", "`sock.setblocking(flag)`, `sock.getblocking()`."),
                ("`os.fstat`, `os.isatty`, `os.lseek`, `os.fsync`, `os.ftruncate`", "Not meaningful on a socket: drop the call."),
            ),
            references=(_SOCKET_HANDLES, _BPO_32454),
        ),
        Rule(
            code="WSK301",
            name="socket-as-subprocess-stream",
            summary="socket given to subprocess as stdin / stdout / stderr",
            what=(
                "Finds a socket, or its handle, given to `subprocess.Popen`, `run`, `call`, "
                "`check_call` or `check_output` as `stdin`, `stdout` or `stderr` (outside POSIX-only code)."
            ),
            why=(
                "On Windows, subprocess turns the stream into a C runtime descriptor with "
                "`msvcrt.get_osfhandle(x.fileno())` and duplicates it with DuplicateHandle: both are "
                "wrong for a socket (see WSK103 and WSK204), and the child cannot use what it gets."
            ),
            example=(
                "import socket\nimport subprocess\n\nconn, _ = socket.create_server((\"\", 9000)).accept()\n"
                "subprocess.run([\"worker\"], stdin=conn, stdout=conn)\n"
            ),
            use_instead=(
                "import socket\nimport subprocess\n\nconn, _ = socket.create_server((\"\", 9000)).accept()\n"
                "proc = subprocess.run([\"worker\"], input=conn.recv(65536), capture_output=True)\n"
                "conn.sendall(proc.stdout)\n"
            ),
            fix_safety="No automatic fix: the data must be relayed through pipes.",
            alternatives=(
                ("pipes", "`stdin=subprocess.PIPE` / `stdout=subprocess.PIPE` (or `input=` and `capture_output=True`), and copy between the pipes and the socket."),
                ("handing the socket over", "Start the child, send it `sock.share(proc.pid)` through a pipe, and call `socket.fromshare(data)` in the child."),
            ),
            references=(_SOCKET_HANDLES,),
        ),
        Rule(
            code="WSK900",
            name="file-not-analysed",
            summary="the file could not be analysed",
            what=(
                "Reported for a file that names an API the rules watch but that the analysis "
                "could not read in full: a statement LibCST's parser refuses though Python "
                "accepts it, nesting too deep to follow, a module larger than the budget "
                "(max-module-size, 2,000,000 characters unless set), or an internal error. The message "
                "says why, and where. A refused or too deeply nested statement costs only "
                "itself: it is left out, the rest of the file is analysed and its findings are "
                "reported, and a refused one is said only if it could matter to a finding (it "
                "may act, or it binds what the rest of the file reads). Other files are not "
                "affected."
            ),
            why=(
                "A silent skip would look like a clean file. The finding says the file was "
                "not checked, so that a reviewer can decide."
            ),
            example="import socket, win32file\ns = socket.socket() if 0 else(lambda:())\nwin32file.WriteFile(s.fileno(), b'')\n",
            use_instead="import socket, win32file\ns = socket.socket() if 0 else (lambda: ())\ns.sendall(b'')\n",
            fix_safety="Not applicable.",
            references=(
                ("LibCST", "https://libcst.readthedocs.io/"),
            ),
        ),
    ]
}


def rule_markdown(rule: Rule) -> str:
    """One rule's documentation as Markdown, in ruff's sections.

    The single text behind the docs page ``rules/CODE.html`` (written by
    ``docs/_ext/rule_pages.py``), ``flake8-winsock --explain CODE`` and SARIF's
    ``help.markdown``. Plain CommonMark, which MyST and GitHub both render.
    """

    def fence(code: str) -> str:
        ticks = "`" * max(3, 1 + max((len(run) for run in re.findall("`+", code)), default=0))
        return f"{ticks}python\n{code.rstrip()}\n{ticks}"

    state = "on by default" if rule.default else "off by default (enable it with `extend-select`)"
    fix = "no automatic fix"
    if rule.fixable:
        fix = "a safe fix (`--fix`)" if rule.fix_is_safe else "an unsafe fix (`--fix --unsafe-fixes`)"
    parts = [
        f"# {rule.code}: {rule.name}",
        f"{rule.summary[:1].upper()}{rule.summary[1:]}. Code `{rule.code}`, {state}, {fix}.",
        "## What it does",
        rule.what,
        "## Why is this bad?",
        rule.why,
        "## Example",
        fence(rule.example),
        "## Use instead",
        fence(rule.use_instead),
    ]
    if rule.alternatives:
        parts.append("Alternatives:")
        parts.append("\n".join(f"- **{family}**: {text}" for family, text in rule.alternatives))
    parts += ["## Fix safety", rule.fix_safety]
    if rule.references:
        parts += ["## References", "\n".join(f"- [{title}]({url})" for title, url in rule.references)]
    return "\n\n".join(parts) + "\n"
