"""Focused behaviour of the analysis, through the public ``check_source``."""

from __future__ import annotations

import textwrap

import pytest

from conftest import EXPECTED
from flake8_winsock import check_source


def findings(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_source(textwrap.dedent(source))]


def test_demo_message_names_origin_sink_and_replacement() -> None:
    [finding] = check_source(
        'import socket\nimport win32file\n\ns = socket.create_connection(("example.com", 80))\n'
        'win32file.WriteFile(s.fileno(), b"GET / HTTP/1.0\\r\\n\\r\\n")\n'
    )
    assert (finding.line, finding.col) == (5, 0)
    assert finding.message == (
        "WSK102 socket handle from 's' (socket.create_connection() at line 4) passed to "
        "win32file.WriteFile; use s.sendall() or win32file.WSASend()"
    )


REPORTED = {
    "alias of the sink": """
        import socket
        from win32file import WriteFile as wf
        s = socket.socket()
        wf(s.fileno(), b"x")  # error: WSK102
        """,
    "module alias": """
        import socket, _winapi as w
        s = socket.socket()
        w.ReadFile(handle=s.fileno(), size=10)  # error: WSK101
        """,
    "star import": """
        from socket import *
        from win32file import *
        s = socket(AF_INET, SOCK_STREAM)
        WriteFile(s.detach(), b"x")  # error: WSK102
        """,
    "handle through a variable and a ctypes wrapper": """
        import ctypes, socket
        from ctypes import wintypes
        k32 = ctypes.WinDLL("kernel32", use_last_error=True)
        s = socket.socket()
        h = wintypes.HANDLE(s.fileno())
        k32.WriteFile(h, b"x", 1, None, None)  # error: WSK102
        """,
    "instance attribute handle set in another method": """
        import socket, win32file
        class Client:
            def send(self, data):
                win32file.WriteFile(self.h, data)  # error: WSK102
            def connect(self):
                self.h = self.sock.fileno()
            def __init__(self):
                self.sock = socket.socket()
        """,
    "instance attribute of an object made in a function": """
        import socket, win32file
        class Conn:
            def __init__(self):
                self.sock = socket.create_connection(("h", 1))
        def main():
            c = Conn()
            win32file.WriteFile(c.sock.fileno(), b"x")  # error: WSK102
        """,
    "walrus": """
        import socket, win32file
        s = socket.socket()
        if (h := s.fileno()) > 0:
            win32file.WriteFile(h, b"x")  # error: WSK102
        """,
    "with-as and closing": """
        import contextlib, socket, win32file
        with contextlib.closing(socket.socket()) as s:
            win32file.ReadFile(s.fileno(), 10)  # error: WSK101
        """,
    "raise unless a socket": """
        import socket, win32file
        def f(x):
            if not isinstance(x, socket.socket):
                raise TypeError(x)
            win32file.WriteFile(x.fileno(), b"")  # error: WSK102
        """,
    "assert isinstance": """
        import socket, win32file
        def f(x):
            assert isinstance(x, socket.socket)
            win32file.WriteFile(x.fileno(), b"")  # error: WSK102
        """,
    "string and union annotations": """
        import socket, ssl, win32file
        def f(a: "socket.socket", b: ssl.SSLSocket | None):
            win32file.WriteFile(a.fileno(), b"")  # error: WSK102
            win32file.WriteFile(b.fileno(), b"")  # error: WSK102
        """,
    "None before a branch that makes a socket": """
        import socket, win32file
        s = None
        try:
            s = socket.create_connection(("h", 1))
        except OSError:
            raise SystemExit(1)
        win32file.WriteFile(s.fileno(), b"")  # error: WSK102
        """,
    "socket subclass": """
        import socket, win32file
        class Tagged(socket.socket):
            def push(self, data):
                win32file.WriteFile(self.fileno(), data)  # error: WSK102
        """,
    "nested call in an argument": """
        import socket, win32file
        s = socket.socket()
        print(win32file.WriteFile(s.fileno(), b""))  # error: WSK102
        """,
    "closure sees the enclosing socket": """
        import socket, win32file
        def outer():
            s = socket.socket()
            def inner():
                win32file.WriteFile(s.fileno(), b"")  # error: WSK102
            return inner
        """,
    "a C runtime call through the module's alias": """
        import os as _os
        import socket
        s = socket.socket()
        _os.read(s.fileno(), 10)  # error: WSK201
        """,
    "a C runtime name from a parenthesised import": """
        from os import (
            dup,
        )
        import socket
        s = socket.socket()
        dup(s.fileno())  # error: WSK202
        """,
    "a C runtime name imported under another name": """
        from os import read as r
        import socket
        s = socket.socket()
        r(s.fileno(), 10)  # error: WSK201
        """,
}




@pytest.mark.parametrize("source", REPORTED.values(), ids=REPORTED.keys())
def test_reported(source: str) -> None:
    source = textwrap.dedent(source)
    expected = {
        (number, code) for number, line in enumerate(source.splitlines(), 1) for code in EXPECTED.findall(line)
    }
    assert expected and set(findings(source)) == expected


SILENT = {
    "a name is no evidence": """
        import win32file
        def pump(sock, data):
            win32file.WriteFile(sock.fileno(), data)
        """,
    "rebound to a file": """
        import socket, win32file, msvcrt
        s = socket.socket()
        s = open("x", "rb")
        win32file.ReadFile(msvcrt.get_osfhandle(s.fileno()), 10)
        """,
    "rebound in one branch": """
        import socket, win32file
        h = socket.socket().fileno()
        if flag:
            h = win32file.CreateFile("x", 0, 0, None, 3, 0, None)
        win32file.ReadFile(h, 10)
        """,
    "sink name shadowed by a local function": """
        import socket
        from win32file import WriteFile
        def WriteFile(h, data):
            return len(data)
        s = socket.socket()
        WriteFile(s.fileno(), b"")
        """,
    "else of an isinstance check": """
        import socket, _overlapped
        def recv(conn, n):
            ov = _overlapped.Overlapped(0)
            if isinstance(conn, socket.socket):
                ov.WSARecv(conn.fileno(), n, 0)
            else:
                ov.ReadFile(conn.fileno(), n)
        """,
    "winsock calls": """
        import socket, win32file, _overlapped
        s = socket.socket()
        win32file.WSASend(s, b"", None)
        _overlapped.Overlapped(0).WSARecv(s.fileno(), 10, 0)
        data = s.share(1234)
        t = socket.fromshare(data)
        """,
    "union with another type": """
        import socket, win32file
        from typing import Union
        def f(x: Union[socket.socket, int]):
            win32file.WriteFile(x, b"")
        """,
    "handle of the wrong argument": """
        import socket, win32api
        s = socket.socket()
        win32api.DuplicateHandle(s.fileno(), proc_handle, 0, 0, 0, 2)
        """,
    "socket object itself to multiprocessing": """
        import socket
        from multiprocessing import reduction
        s = socket.socket()
        reduction.send_handle(conn, handle_of_pipe, pid)
        conn.send(s)
        """,
    "kernel32 not loaded, another library": """
        import ctypes, socket
        lib = ctypes.WinDLL("mylib")
        s = socket.socket()
        lib.WriteFile(s.fileno(), b"", 0, None, None)
        """,
    "parameter shadows a module-level socket": """
        import socket, win32file
        s = socket.socket()
        def f(s):
            win32file.WriteFile(s.fileno(), b"")
        """,
}


@pytest.mark.parametrize("source", SILENT.values(), ids=SILENT.keys())
def test_silent(source: str) -> None:
    assert findings(source) == []


def test_files_without_a_sink_skip_libcst(monkeypatch) -> None:
    import libcst

    def refuse(*args, **kwargs):
        raise AssertionError("LibCST ran on a file that cannot hold a finding")

    monkeypatch.setattr(libcst, "parse_module", refuse)
    assert check_source("import socket\ns = socket.socket()\ns.sendall(s.fileno())\n") == []


@pytest.mark.parametrize(
    "call, opens",
    [
        ("os.read(h, 1)", True),
        ("_os.read(h, 1)", True),  # with ``import os as _os``
        ("r(h, 1)", True),  # with ``from os import read as r``
        ("open(h)", True),
        ("f.read(h)", False),  # a method of something else
        ("self.open(h)", False),
        ("reader.read_all(h)", False),
        ("open_file(h)", False),
    ],
)
def test_c_runtime_names_count_only_where_they_name_the_sink(call: str, opens: bool, monkeypatch) -> None:
    """The gate passes every spelling (it reads words); the slice sends LibCST only the real ones."""
    import libcst

    from flake8_winsock.gate import may_contain_finding

    parsed: list[str] = []
    parse = libcst.parse_module
    monkeypatch.setattr(libcst, "parse_module", lambda text, *a, **k: parsed.append(text) or parse(text, *a, **k))
    source = f"import os, os as _os\nfrom io import StringIO as r\nimport socket\nh = socket.socket().fileno()\n{call}\n"
    if call.startswith("r("):
        source = source.replace("from io import StringIO as r", "from os import read as r")
    assert may_contain_finding(source) or not opens
    found = check_source(source)
    assert bool(parsed) is opens and bool(found) is opens


def test_a_statement_libcst_refuses_costs_itself_and_says_so_where_it_matters() -> None:
    # LibCST 1.9 raises TypeError on this statement, which Python accepts; it binds ``s``.
    source = "import socket, win32file\ns = socket.socket() if 0 else(lambda:())\nwin32file.WriteFile(s.fileno(), b'')\n"
    [finding] = check_source(source)
    assert (finding.line, finding.code) == (2, "WSK900")
    assert "LibCST cannot parse the statement at line 2 (TypeError: " in finding.message
    assert "the rest of the file was analysed" in finding.message


def test_a_statement_libcst_refuses_costs_only_itself() -> None:
    # The refused statement is kept by the slice (``x`` is a word of ``b"x"``), but nothing
    # reads what it binds: the misuse after it is reported, and no WSK900.
    source = "x = () if 0 else(lambda:())\nimport socket, win32file\ns = socket.socket()\nwin32file.WriteFile(s.fileno(), b\"x\")\n"
    assert [(f.line, f.code) for f in check_source(source)] == [(4, "WSK102")]


def test_a_statement_libcst_refuses_in_a_function_costs_only_that_statement() -> None:
    source = (
        "import socket, win32file\n"
        "def send(data):\n"
        "    s = socket.socket()\n"
        "    hook = socket.socket() if 0 else(lambda:())\n"
        "    win32file.WriteFile(s.fileno(), data)\n"
        "    win32file.WriteFile(hook.fileno(), data)\n"
    )
    assert [(f.line, f.code) for f in check_source(source)] == [(4, "WSK900"), (5, "WSK102")]


def test_a_statement_libcst_refuses_costs_nothing_when_it_cannot_matter() -> None:
    # ``x`` holds no socket: the statement is left out before LibCST parses.
    source = "import socket, win32file\nx = () if 0 else(lambda:())\nwin32file.WriteFile(socket.socket().fileno(), b'')\n"
    assert [(f.line, f.code) for f in check_source(source)] == [(3, "WSK102")]


def test_deep_nesting_costs_one_statement_not_the_file() -> None:
    # Python accepts a 30,000-term ``and`` chain; LibCST nests it 30,000 deep, which
    # overflows the main thread's C stack in its parser and Python's frame limit in
    # any visitor.
    chain = " and ".join(["s"] * 30_000)
    source = (
        "import socket, win32file\n"
        "s = socket.socket()\n"
        f"s = {chain}\n"
        "win32file.WriteFile(s.fileno(), b'')\n"
    )
    codes = [(f.line, f.code) for f in check_source(source)]
    assert codes == [(3, "WSK900"), (4, "WSK102")]


def test_text_python_rejects_is_one_wsk900() -> None:
    source = "import socket, win32file\nwin32file.WriteFile(socket.socket().fileno(), b''\n"
    [finding] = check_source(source)
    assert finding.code == "WSK900" and "Python cannot parse" in finding.message


def test_nesting_of_150_levels_is_analysed_whole() -> None:
    source = (
        "import socket, win32file\n"
        "s = socket.socket()\n"
        f"x = {'[' * 150}s.fileno(){']' * 150}\n"
        "win32file.WriteFile(s.fileno(), b'')\n"
    )
    assert [(f.line, f.code) for f in check_source(source)] == [(4, "WSK102")]


def test_internal_error_becomes_wsk900(monkeypatch) -> None:
    from flake8_winsock import model

    def broken(self, module, listener=None):
        raise KeyError("boom")

    monkeypatch.setattr(model.Model, "run", broken)
    [finding] = check_source("import socket, win32file\nwin32file.WriteFile(socket.socket().fileno(), b'')\n")
    assert finding.code == "WSK900" and "KeyError" in finding.message


GUARDED = {
    "platform test kept in a variable": """
        import os, socket, sys
        _mswindows = sys.platform == "win32"
        s = socket.socket()
        if not _mswindows:
            os.set_inheritable(s.fileno(), True)
        """,
    "class of tests skipped on Windows": """
        import os, socket, sys, unittest
        @unittest.skipIf(sys.platform == "win32", "POSIX only")
        class T(unittest.TestCase):
            def test_dup(self):
                s = socket.socket()
                os.dup(s.fileno())
        """,
    "after fork": """
        import os, socket
        s = socket.socket()
        pid = os.fork()
        os.dup2(s.fileno(), 0)
        """,
    "early raise on Windows inside a function": """
        import os, socket, sys
        def f(s: socket.socket):
            if sys.platform.startswith("win"):
                raise OSError("unsupported")
            return os.read(s.fileno(), 10)
        """,
    "hasattr probe": """
        import os, socket
        def f(s: socket.socket):
            if hasattr(os, "fork"):
                os.close(s.fileno())
        """,
    "an and statement": """
        import os, socket, sys
        def f(s: socket.socket):
            not sys.platform.startswith("win") and os.fstat(s.fileno())
        """,
    "an or statement on a flag": """
        import os, socket, sys
        WINDOWS = sys.platform == "win32"
        def f(s: socket.socket):
            WINDOWS or os.set_blocking(s.fileno(), False)
        """,
    "a flag made of flags": """
        import os, socket, sys
        WINDOWS = sys.platform == "win32"
        POSIX = not WINDOWS and hasattr(os, "fork")
        def f(s: socket.socket):
            if POSIX:
                os.set_blocking(s.fileno(), False)
        """,
    "a skip in an and statement": """
        import os, pytest, socket, sys
        def test_close(s: socket.socket):
            sys.platform == "win32" and pytest.skip("POSIX only")
            os.close(s.fileno())
        """,
    "a conditional expression": """
        import os, socket, sys
        def f(s: socket.socket):
            return s.recv(1) if sys.platform == "win32" else os.read(s.fileno(), 1)
        """,
}


@pytest.mark.parametrize("source", GUARDED.values(), ids=GUARDED.keys())
def test_posix_only_code_is_silent_for_c_runtime_rules(source: str) -> None:
    assert findings(source) == []
    # The same code without its guard is reported: the guard is what silences it.
    unguarded = source.replace('sys.platform == "win32"', "False").replace("pid = os.fork()", "pid = 0")
    unguarded = unguarded.replace('sys.platform.startswith("win")', "False").replace('hasattr(os, "fork")', "True")
    assert findings(unguarded) != []


def test_win32_rules_ignore_platform_guards() -> None:
    assert findings(
        """
        import socket, sys, win32file
        s = socket.socket()
        if sys.platform != "win32":
            win32file.WriteFile(s.fileno(), b"")
        """
    ) == [(5, "WSK102")]


def test_windows_branch_of_a_guard_is_reported() -> None:
    assert findings(
        """
        import os, socket, sys
        s = socket.socket()
        if sys.platform == "win32":
            os.close(s.fileno())
        else:
            os.close(s.fileno())
        """
    ) == [(5, "WSK205")]


def test_subprocess_message_names_the_stream() -> None:
    [finding] = check_source(
        "import socket, subprocess\nc, _ = socket.socket().accept()\nsubprocess.Popen(['x'], stdout=c)\n"
    )
    assert finding.message == (
        "WSK301 socket from 'c' (socket.socket.accept() at line 2) passed to subprocess.Popen as stdout; "
        "use pipes and a relay thread, or c.share(pid) and socket.fromshare() in the child"
    )


def test_a_finding_through_the_modules_functions_names_the_way() -> None:
    [finding] = check_source(
        textwrap.dedent(
            """\
            import socket, win32file

            def connect(addr):
                return socket.create_connection(addr)

            def _raw_write(h, data):
                win32file.WriteFile(h, data)

            def _send(s, data):
                _raw_write(s.fileno(), data)

            def main():
                conn = connect(("h", 1))
                _send(conn, b"x")
            """
        )
    )
    # Reported at the sink, where a socket's handle arrives; the message names the way it came.
    assert (finding.line, finding.code) == (7, "WSK102")
    assert finding.message == (
        "WSK102 socket handle from connect() at line 13, through _send() at line 14 and _raw_write() at line 10, "
        "passed to win32file.WriteFile; use sock.sendall() or win32file.WSASend()"
    )


SUMMARIES = {
    # A socket (or its handle) given to the module's own function is reported at the sink
    # it reaches there, once, whichever caller gave it.
    "factory and wrapper methods through self": """
        import socket, win32file
        class Client:
            def _open(self):
                return socket.socket()
            def _write(self, h, data):
                win32file.WriteFile(h, data)  # error: WSK102
            def run(self):
                s = self._open()
                self._write(s.fileno(), b"")
                self._write(data=b"", h=s.fileno())
        """,
    "C runtime wrapper": """
        import os, socket
        def read_exactly(fd, n):
            return os.read(fd, n)  # error: WSK201
        def main():
            s = socket.create_connection(("h", 1))
            read_exactly(s.fileno(), 4)
        """,
    "recursion terminates": """
        import socket, win32file
        def loop(h, n):
            if n:
                return loop(h, n - 1)
            win32file.WriteFile(h, b"")  # error: WSK102
        def main():
            loop(socket.socket().fileno(), 3)
        """,
    "keyword-only parameter": """
        import socket, subprocess
        def spawn(cmd, *, conn):
            return subprocess.Popen(cmd, stdin=conn)  # error: WSK301
        def serve(listener: socket.socket):
            client, _ = listener.accept()
            spawn(["cat"], conn=client)
        """,
    "a helper returning its argument": """
        import os, socket
        def same(x):
            return x
        def main():
            s = same(socket.socket())
            os.close(s.fileno())  # error: WSK205
            f = same(open("log"))
            os.close(f.fileno())
        """,
}


@pytest.mark.parametrize("source", SUMMARIES.values(), ids=SUMMARIES.keys())
def test_module_functions_are_followed(source: str) -> None:
    test_reported(source)


SUMMARY_LOOK_ALIKES = {
    "helper returns a pipe": """
        import socket, win32file, win32pipe
        def open_pipe(name):
            return win32pipe.CreateNamedPipe(name, 3, 0, 1, 65536, 65536, 0, None)
        def main():
            sock = open_pipe(r"\\\\.\\pipe\\x")
            win32file.WriteFile(sock, b"")
        """,
    "wrapper calls WSASend": """
        import socket, win32file
        def send(s, data, ov):
            return win32file.WSASend(s, data, ov)
        def main():
            s = socket.socket()
            send(s, b"", None)
        """,
    "wrapper given a file's handle": """
        import socket, msvcrt, win32file
        def write(h, data):
            win32file.WriteFile(h, data)
        def main():
            f = open("log", "ab")
            write(msvcrt.get_osfhandle(f.fileno()), b"")
        """,
    "wrapper guarded by a platform test": """
        import os, socket, sys
        def close_fd(fd):
            if sys.platform != "win32":
                os.close(fd)
        def main():
            close_fd(socket.socket().fileno())
        """,
}


@pytest.mark.parametrize("source", SUMMARY_LOOK_ALIKES.values(), ids=SUMMARY_LOOK_ALIKES.keys())
def test_module_function_look_alikes_are_silent(source: str) -> None:
    assert findings(source) == []


LIBRARY = {
    "stream request handler": """
        import os, socketserver
        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                os.write(self.connection.fileno(), b"hi")  # error: WSK201
                os.read(self.request.fileno(), 10)  # error: WSK201
        """,
    "http connection's socket": """
        import http.client, os
        def probe():
            c = http.client.HTTPConnection("example.com")
            c.connect()
            os.set_blocking(c.sock.fileno(), False)  # error: WSK205
        """,
}


@pytest.mark.parametrize("source", LIBRARY.values(), ids=LIBRARY.keys())
def test_library_sockets(source: str) -> None:
    test_reported(source)


def test_base_request_handler_request_is_not_a_socket() -> None:
    assert findings(
        """
        import os, socketserver
        class Udp(socketserver.BaseRequestHandler):
            def handle(self):
                data, sock = self.request
                os.write(sock.fileno(), data)
        """
    ) == []


def test_winsock_calls_the_catalog_recommends_are_never_sinks() -> None:
    from flake8_winsock.catalog import SAFE_CALLS, SINKS

    assert SAFE_CALLS and set(SAFE_CALLS).isdisjoint(SINKS)
