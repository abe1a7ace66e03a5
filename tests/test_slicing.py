"""The pre-pass (``slicing``): what LibCST is given changes no finding.

The law: for every module, the findings through the full path (gate, slice, LibCST,
model) are the findings of the model on the whole file, unless LibCST cannot parse
the whole file (then the slice, which may leave the refused statement out, can only
find more). Proven here on every eval file, every rule's examples, the hostile
inputs, the gated files of the standard library, and programs that plant socket code
at random places of real modules (``support/planting.py``); hypothesmith programs do
the same in ``test_fuzz.py``.
"""

from __future__ import annotations

import ast
import random
import subprocess
import warnings
import sys
import sysconfig
import textwrap
from pathlib import Path
from typing import Optional

import pytest

from conftest import case_files, libcst_refused, through_the_slice, whole_file
from flake8_winsock import check_source
from flake8_winsock.gate import may_contain_finding
from flake8_winsock.rules import RULES
from flake8_winsock.slicing import Slice, slice_module
from flake8_winsock.vocabulary import vocabulary
from support.planting import plant

HERE = Path(__file__).parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])


def sliced(source: str) -> Optional[Slice]:
    return slice_module(source, ast.parse(source), vocabulary())


def codes(findings: list) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in findings]


def assert_same_findings(source: str) -> None:
    tree = ast.parse(source)
    whole = whole_file(source, tree)
    if not libcst_refused(whole):
        assert through_the_slice(source, tree) == whole


def assert_lines_are_the_files(result: Slice, source: str) -> None:
    """Each line LibCST is given is the file's line of that number, or a ``pass``."""
    ast.parse(result.text)
    text_lines, file_lines = result.text.splitlines(), source.splitlines()
    assert result.lines is not None and len(result.lines) == len(text_lines)
    assert result.lines == sorted(set(result.lines))
    for line, number in zip(text_lines, result.lines):
        assert line == file_lines[number - 1] or line.strip() == "pass", (number, line)


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
            win32file.WriteFile(h, data)  # WSK102
        {unrelated}
        def _send(h, data):
            _raw_write(h, data)

        def main():
            s = socket.socket()
            _send(s.fileno(), b"x")
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
            win32file.WriteFile(as_handle(s.fileno()), data)  # WSK102
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
    "the module's own decorator, whose wrapper refuses Windows": (
        """
        import os, socket
        {unrelated}
        def posix_only(func):
            def wrapper(*args):
                if os.name == "nt":
                    raise OSError("POSIX only")
                func(*args)
            return wrapper

        @posix_only
        def redirect(conn: socket.socket):
            os.dup2(conn.fileno(), 0)

        def traced(func):
            def wrapper(*args):
                print(func.__name__)
                func(*args)
            return wrapper

        @traced
        def close(conn: socket.socket):
            os.close(conn.fileno())  # WSK205
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
    assert codes(through_the_slice(source)) == codes(whole_file(source)) == expected(source)


@pytest.mark.parametrize("name", sorted(CASES))
def test_sliced_text_parses_and_keeps_the_files_line_numbers(name: str) -> None:
    source = build(CASES[name][0])
    result = sliced(source)
    if result is not None and result.lines is not None:
        assert_lines_are_the_files(result, source)


def test_unrelated_code_is_left_out() -> None:
    source = build(CASES["a bug among unrelated code"][0])
    result = sliced(source)
    assert result is not None and result.lines is not None
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
    assert sliced(source) is None
    assert check_source(source) == []


@pytest.mark.parametrize(
    "call",
    ["f.read(h, 1)", "self.open(h)", "reader.read_all(h)", "open_file(h)", "h.close()", "os.path.join(h)"],
)
def test_calls_that_cannot_reach_a_sink_skip_libcst(call: str, monkeypatch) -> None:
    import libcst

    monkeypatch.setattr(libcst, "parse_module", lambda *a, **k: pytest.fail("LibCST ran"))
    source = f"import os, socket\nh = socket.socket().fileno()\n{call}\n"
    assert sliced(source) is None and check_source(source) == []


@pytest.mark.parametrize(
    "source, code",
    [
        # The sink reached through a module alias made by assignment: words alone would miss it.
        ("import os, socket\nm = os\ns = socket.socket()\nm.read(s.fileno(), 1)\n", "WSK201"),
        ("import os as _os, socket\ns = socket.socket()\n_os.read(s.fileno(), 1)\n", "WSK201"),
        ("from os import read as r\nimport socket\ns = socket.socket()\nr(s.fileno(), 1)\n", "WSK201"),
        ("import socket, win32file\nw = win32file.WriteFile\nw(socket.socket().fileno(), b'')\n", "WSK102"),
        # ``socket`` as an attribute is no module (the issue's ``self.socket``).
        (
            "import os, socket\nclass C:\n    def __init__(self):\n"
            "        self.socket = socket.create_connection(('h', 1))\n"
            "    def send(self, data):\n        os.write(self.socket.fileno(), data)\n",
            "WSK201",
        ),
    ],
)
def test_sinks_and_sources_in_any_spelling_are_kept(source: str, code: str) -> None:
    assert [c for _, c in codes(through_the_slice(source))] == [c for _, c in codes(whole_file(source))] == [code]


def test_libcst_is_given_only_the_sliced_text(monkeypatch) -> None:
    import libcst

    given: list[str] = []
    parse = libcst.parse_module

    def recording(text, *args, **kwargs):
        given.append(text)
        return parse(text, *args, **kwargs)

    monkeypatch.setattr(libcst, "parse_module", recording)
    source = build(CASES["a bug among unrelated code"][0])
    assert [code for _, code in codes(check_source(source))] == ["WSK102"]
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
    result = sliced(source)
    assert result is not None
    if result.lines is not None:
        assert_lines_are_the_files(result, source)
    assert codes(check_source(source)) == codes(whole_file(source)) == expected(source)


def test_carriage_returns_alone_keep_their_lines() -> None:
    source = "#\r0\nimport socket, win32file\ns = socket.socket()\nwin32file.WriteFile(s.fileno(), b'')\n"
    assert codes(check_source(source)) == codes(whole_file(source)) == [(5, "WSK102")]


def test_a_class_level_block_before_the_methods_keeps_them_methods() -> None:
    # The model once took the methods after a class-level ``if`` for plain functions.
    source = textwrap.dedent(
        """\
        import socket, win32file
        class Client:
            def __init__(self):
                self.sock = socket.socket()
            if True:
                flag = 1
            def send(self, data):
                win32file.WriteFile(self.sock.fileno(), data)  # WSK102
        """
    )
    assert codes(through_the_slice(source)) == codes(whole_file(source)) == expected(source)


def test_an_unconditional_jump_before_a_platform_guard_is_kept() -> None:
    # A path that ended before the guard meets no merge: the guard then sets nothing.
    source = textwrap.dedent(
        """\
        import os, socket, sys
        def pump(s: socket.socket):
            raise NotImplementedError
            if sys.platform == "win32":
                raise ImportError
            os.write(s.fileno(), b"")
        """
    )
    assert codes(through_the_slice(source)) == codes(whole_file(source))


# --- The law, on everything the project has --------------------------------------------


def _modules() -> list[Path]:
    return sorted([*case_files(), *(HERE / "hostile").glob("*.py"), *(HERE / "depth").glob("*.py")])


@pytest.mark.parametrize("path", _modules(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_eval_and_hostile_files_give_the_whole_files_findings(path: Path) -> None:
    try:
        source = path.read_text(encoding="utf-8")
        ast.parse(source)
    except (SyntaxError, ValueError, UnicodeDecodeError):
        return  # Python refuses it: flake8 reports E999 and never runs the plugin
    assert_same_findings(source)


@pytest.mark.parametrize("code", sorted(RULES))
def test_rule_examples_give_the_whole_files_findings(code: str) -> None:
    for source in (RULES[code].example, RULES[code].use_instead):
        if source:
            assert_same_findings(source)


STDLIB_SHARDS = 8  # so that the suite's workers share the standard library


@pytest.mark.parametrize("shard", range(STDLIB_SHARDS))
def test_gated_standard_library_files_give_the_whole_files_findings(shard: int) -> None:
    """Every standard-library file the gate lets through: the slice gives the whole file's
    findings, and there are none (the library, its tests included, holds no misuse the
    model can see; a file the gate turns away cannot hold one)."""
    checked = 0
    found: dict[str, list[str]] = {}
    every = [path for path in sorted(STDLIB.glob("**/*.py")) if "site-packages" not in path.parts]
    for path in every[shard::STDLIB_SHARDS]:
        try:
            source = path.read_text(encoding="utf-8")
            if not may_contain_finding(source):
                continue
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # invalid escape sequences in old test files
                tree = ast.parse(source)
        except (SyntaxError, ValueError, UnicodeDecodeError):
            continue
        result = slice_module(source, tree, vocabulary())
        if result is not None and result.lines is not None:
            assert_lines_are_the_files(result, source)
        whole = whole_file(source, tree)
        if not libcst_refused(whole):
            assert through_the_slice(source, tree) == whole, path
        if any(f.code != "WSK900" for f in whole):
            found[str(path)] = [f.message for f in whole]
        checked += 1
    assert checked > 40 // STDLIB_SHARDS
    assert found == {}


PLANTING_SOURCES = sorted([*case_files(), *(HERE / "depth").glob("*.py")]) + [
    STDLIB / name for name in ("socketserver.py", "asyncio/selector_events.py", "multiprocessing/connection.py")
]


@pytest.mark.parametrize("seed", range(120))
def test_planted_socket_code_gives_the_whole_files_findings(seed: int) -> None:
    rng = random.Random(seed)
    path = rng.choice(PLANTING_SOURCES)
    program = plant(path.read_text(encoding="utf-8"), rng, rng.randint(2, 8))
    assert_same_findings(program)


def test_the_installed_flake8_reports_a_socket_kept_in_self_socket(tmp_path: Path) -> None:
    (tmp_path / "client.py").write_text(
        textwrap.dedent(
            """\
            import os
            import socket
            import win32file


            class Client:
                def __init__(self, host, port):
                    self.socket = socket.create_connection((host, port))

                def send(self, data):
                    os.write(self.socket.fileno(), data)
                    win32file.WriteFile(self.socket.fileno(), data)
            """
        )
    )
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--select=WSK", str(tmp_path / "client.py")], capture_output=True, text=True
    )
    assert [line.split(": ")[1].split()[0] for line in result.stdout.splitlines()] == ["WSK201", "WSK102"]


@pytest.mark.parametrize("path", case_files()[:40], ids=lambda p: p.name)
def test_a_long_units_uses_read_in_one_pass_are_those_read_word_by_word(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_winsock.slicing import index

    text = path.read_text(encoding="utf-8")
    tree = ast.parse(text)
    units = index.Units(text, tree, vocabulary())
    one_by_one = {(i, w): units.uses(u, w) for i, u in enumerate(units.all) for w in units.words(u)}
    monkeypatch.setattr(index, "LONG_UNIT", 0)  # every unit read in one pass
    again = index.Units(text, tree, vocabulary())
    in_one_pass = {(i, w): again.uses(u, w) for i, u in enumerate(again.all) for w in again.words(u)}
    assert in_one_pass == one_by_one
