"""What LibCST is given: only the statements that can matter, each line with its number.

Each source below has a twin analysis over the whole file (``focus`` switched off):
both must report exactly the same findings, and the findings must be the expected
ones. The sources are built around what a left-out statement could have changed: a
rebinding, a narrowing, a platform guard, a wrapper, an alias, a library object.
"""

from __future__ import annotations

import ast
import sysconfig
import textwrap
from pathlib import Path
from typing import Optional
from unittest import mock

import pytest

from flake8_winsock import check as check_module
from flake8_winsock import check_source
from flake8_winsock.focus import Focused, focus
from flake8_winsock.prefilter import gate, may_contain_finding


def focused(source: str) -> Optional[Focused]:
    return focus(source, ast.parse(source), gate())


def assert_lines_are_the_files(result: Focused, source: str) -> None:
    """Each line LibCST is given is the file's line of that number, or a ``pass``."""
    ast.parse(result.text)
    text_lines, file_lines = result.text.splitlines(), source.splitlines()
    assert result.lines is not None and len(result.lines) == len(text_lines)
    assert result.lines == sorted(set(result.lines))
    for line, number in zip(text_lines, result.lines):
        assert line == file_lines[number - 1] or line.strip() == "pass", (number, line)


def codes(source: str) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_source(source)]


def whole_file_codes(source: str) -> list[tuple[int, str]]:
    with mock.patch.object(check_module, "focus", lambda source, tree, offsets: Focused(source)):
        return codes(source)


UNRELATED = '''
def render(rows):
    out = []
    for row in rows:
        out.append(", ".join(str(cell) for cell in row))
    return "\\n".join(out)


class Report:
    def __init__(self, title):
        self.title = title

    def header(self):
        return self.title.upper()
'''

CASES = {
    "a bug among unrelated code": (
        """
        import socket, win32file
        {unrelated}
        def send(data):
            s = socket.create_connection(("h", 1))
            win32file.WriteFile(s.fileno(), data)  # WSK102
        """,
    ),
    "a global rebound far away to a pipe": (
        """
        import socket, win32file, os
        conn = socket.socket()
        {unrelated}
        conn = os.fdopen(0)

        def send(data):
            win32file.WriteFile(conn.fileno(), data)
        """,
    ),
    "an attribute rebound in another method": (
        """
        import socket, win32file
        {unrelated}
        class Client:
            def __init__(self):
                self.conn = socket.socket()

            def use_pipe(self, pipe):
                self.conn = pipe

            def send(self, data):
                win32file.WriteFile(self.conn.fileno(), data)
        """,
    ),
    "an attribute set in one method, written in another": (
        """
        import socket, win32file
        {unrelated}
        class Client:
            def connect(self):
                self.conn = socket.create_connection(("h", 1))
                self.handle = self.conn.fileno()
            {unrelated_method}
            def send(self, data):
                win32file.WriteFile(self.handle, data)  # WSK102
        """,
    ),
    "a module-level platform guard": (
        """
        import os, socket, sys
        if sys.platform == "win32":
            raise ImportError("POSIX only")
        {unrelated}
        def pump():
            s = socket.socket()
            return os.read(s.fileno(), 10)
        """,
    ),
    "a module-level narrowing": (
        """
        import socket, win32file
        s = make()
        if isinstance(s, socket.socket):
            raise TypeError("a pipe is expected")
        {unrelated}
        def send(data):
            win32file.WriteFile(s.fileno(), data)
        """,
    ),
    "a wrapper and a caller apart": (
        """
        import socket, win32file
        def _raw_write(h, data):
            win32file.WriteFile(h, data)
        {unrelated}
        def _send(h, data):
            _raw_write(h, data)

        def main():
            s = socket.socket()
            _send(s.fileno(), b"x")  # WSK102
        """,
    ),
    "a function returning a socket, used far away": (
        """
        import socket, os
        def connect():
            return socket.create_connection(("h", 1))
        {unrelated}
        def pump():
            c = connect()
            return os.read(c.fileno(), 10)  # WSK201
        """,
    ),
    "a helper returning its argument": (
        """
        import socket, win32file
        def as_handle(value):
            return value
        {unrelated}
        def send(s: socket.socket, data):
            win32file.WriteFile(as_handle(s.fileno()), data)  # not followed: the analysis cannot see through it
        """,
    ),
    "an alias of a sink, and of a library": (
        """
        import ctypes, socket, win32file
        write = win32file.WriteFile
        k32 = ctypes.WinDLL("kernel32")
        {unrelated}
        def send(s: socket.socket, data):
            write(s.fileno(), data)  # WSK102
            k32.ReadFile(s.fileno(), None, 0, None, None)  # WSK101
        """,
    ),
    "a subclass of socket": (
        """
        import socket, win32file
        class Base(socket.socket):
            pass
        {unrelated}
        class Mine(Base):
            def push(self, data):
                win32file.WriteFile(self.fileno(), data)  # WSK102
        """,
    ),
    "a stream request handler": (
        """
        import socketserver, os
        {unrelated}
        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                os.write(self.request.fileno(), b"x")  # WSK201
        """,
    ),
    "an elif chain and a try at module level": (
        """
        import socket, win32file, sys
        try:
            import json
        except ImportError:
            json = None
        if json is None:
            mode = 1
        elif sys.version_info > (3,):
            mode = 2
        else:
            mode = 3
        {unrelated}
        def send(data):
            s = socket.socket()
            win32file.WriteFile(s.fileno(), data)  # WSK102
        """,
    ),
    "statements sharing a line": (
        """
        import socket, win32file
        x = [1,
             2]; s = socket.socket()
        {unrelated}
        win32file.WriteFile(s.fileno(), b"")  # WSK102
        """,
    ),
}


def build(template: str) -> str:
    method = textwrap.indent(textwrap.dedent(UNRELATED.split("class Report:")[1]), "    ").strip("\n")
    source = textwrap.dedent(template).replace("{unrelated}", UNRELATED).replace("{unrelated_method}", method.strip())
    return source.lstrip("\n")


def expected(source: str) -> list[tuple[int, str]]:
    return [(n, line.split("# ")[1].strip()) for n, line in enumerate(source.splitlines(), 1) if "# WSK" in line]


@pytest.mark.parametrize("name", sorted(CASES))
def test_left_out_statements_change_no_finding(name: str) -> None:
    source = build(CASES[name][0])
    assert codes(source) == whole_file_codes(source) == expected(source)


@pytest.mark.parametrize("name", sorted(CASES))
def test_focused_text_parses_and_keeps_the_files_line_numbers(name: str) -> None:
    source = build(CASES[name][0])
    assert_lines_are_the_files(focused(source), source)


def test_unrelated_code_is_left_out() -> None:
    source = build(CASES["a bug among unrelated code"][0])
    result = focused(source)
    assert "def render" not in result.text and "class Report" not in result.text
    assert "def send" in result.text and "WriteFile(s.fileno(), data)" in result.text
    at = result.text.splitlines().index("def send(data):")
    assert result.line(at + 1) == source.splitlines().index("def send(data):") + 1


def test_a_file_where_no_statement_can_hold_a_finding_skips_libcst(monkeypatch) -> None:
    import libcst

    def refuse(*args, **kwargs):
        raise AssertionError("LibCST ran on a file where no statement can hold a finding")

    monkeypatch.setattr(libcst, "parse_module", refuse)
    # It names a socket source, a handle and a sink, but no statement holds both.
    source = build(
        """
        import os, socket
        {unrelated}
        def name():
            return socket.gethostname(), socket.socket
        def copy(fd):
            return os.read(fd.fileno(), 10)
        """
    )
    assert focused(source) is None
    assert check_source(source) == []


def test_libcst_is_given_only_the_focused_text(monkeypatch) -> None:
    import libcst

    given: list[str] = []
    parse = libcst.parse_module

    def recording(text, *args, **kwargs):
        given.append(text)
        return parse(text, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", recording)
    source = build(CASES["a bug among unrelated code"][0])
    assert [code for _, code in codes(source)] == ["WSK102"]
    assert len(given) == 1 and "render" not in given[0]


def test_an_emptied_class_body_gets_a_pass() -> None:
    source = build(
        """
        import socket, win32file
        class Holder:
            def unrelated(self):
                return 1
        conn = Holder()
        conn.sock = socket.socket()
        win32file.WriteFile(conn.sock.fileno(), b"")  # WSK102
        """
    )
    assert_lines_are_the_files(focused(source), source)
    assert codes(source) == whole_file_codes(source) == expected(source)


def test_carriage_returns_alone_keep_their_lines() -> None:
    source = "#\r0\nimport socket, win32file\ns = socket.socket()\nwin32file.WriteFile(s.fileno(), b'')\n"
    assert codes(source) == whole_file_codes(source) == [(5, "WSK102")]


STDLIB = Path(sysconfig.get_paths()["stdlib"])


def test_standard_library_files_keep_their_line_numbers() -> None:
    checked = 0
    for path in sorted(STDLIB.glob("**/*.py")):
        if "site-packages" in path.parts:
            continue
        source = path.read_text(encoding="utf-8", errors="replace")
        if not may_contain_finding(source):
            continue
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        result = focus(source, tree, gate())
        if result is None:  # no statement can hold a finding
            continue
        if result.lines is not None:
            assert_lines_are_the_files(result, source)
        checked += 1
    assert checked > 20
