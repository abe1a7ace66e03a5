"""Hostile inputs through the real flake8: nothing crashes, the planted bugs are found.

Small inputs are kept byte for byte in ``tests/hostile/`` (see its ``.gitattributes``);
each states what flake8 must report as trailing ``# error: CODE`` comments, one per
line, and a WSK1xx finding must sit at the sink call's column. Large inputs (a
60,000-line module, chains of tens of thousands of terms) are generated here.

Time is never measured here: how it grows with the module (and with a chain's depth)
is the scaling series of ``benchmarks/scaling.py``; the budget that bounds it is pinned
in ``test_budget.py``.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Callable

import pytest

from flake8_winsock import check_source
from flake8_winsock.plugin import Plugin
from test_fuzz import flake8_lines

HOSTILE = Path(__file__).parent / "hostile"
HOSTILE_FILES = sorted(p.name for p in HOSTILE.glob("*.py"))
EXPECTED = re.compile(r"#\s*error:\s*((?:WSK|E)\d{3})")
FLAKE8_RESULT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")
SINKS = {"WriteFile", "ReadFile", "DuplicateHandle"}

Reported = dict[str, list[tuple[int, int, str, str]]]  # file name -> (line, col, code, text)


def flake8(folder: Path, *paths: str) -> tuple[subprocess.CompletedProcess[str], Reported]:
    """The installed flake8, as a user runs it, with this plugin's codes and the syntax errors."""
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=WSK,E902,E999", "--jobs=2", *paths],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=900,
    )
    reported: Reported = {}
    for line in result.stdout.splitlines():
        match = FLAKE8_RESULT.match(line)
        assert match, line
        reported.setdefault(Path(match["path"]).name, []).append(
            (int(match["line"]), int(match["col"]), match["code"], match["text"])
        )
    return result, reported


def assert_ran_normally(result: subprocess.CompletedProcess[str], reported: Reported) -> None:
    assert result.returncode == 1, (result.returncode, result.stderr[-3000:])  # 1: it found something
    said = result.stdout + result.stderr  # flake8 prints a plugin's failure on stdout
    assert "Traceback" not in said and "failed during execution" not in said, said[-3000:]
    texts = [text for found in reported.values() for _, _, _, text in found]
    assert not [t for t in texts if "internal error" in t]


def sink_columns(lines: list[str]) -> dict[int, set[int]]:
    """Line -> the 1-based character columns (as flake8 prints them) of sink calls on it."""
    columns: dict[int, set[int]] = {}
    for node in ast.walk(ast.parse("".join(lines))):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name in SINKS:
                text = lines[node.lineno - 1].encode("utf-8")[: node.col_offset].decode("utf-8")
                columns.setdefault(node.lineno, set()).add(len(text) + 1)
    return columns


# --- Committed files ---------------------------------------------------------------

# More than a code and a line: what some findings must say.
MESSAGES = {
    "libcst_typeerror.py": [
        "WSK900 file not analysed for socket handles: LibCST cannot parse the statement at line 5 (TypeError: "
    ],
    "libcst_typeerror_nested.py": ["WSK900 file not analysed for socket handles: LibCST cannot parse the statement at line 19"],
    "latin1_cookie.py": ["WSK102 socket handle from 'señal' (socket.create_connection() at line 5)"],
    "non_ascii_identifiers.py": [
        "WSK102 socket handle from 'сокет' (socket.socket() at line 4)",
        "WSK102 socket handle from '接続' (socket.create_connection() at line 6)",
        "WSK102 socket handle from 'ŝlosilo' (parameter 'ŝlosilo' annotated as a socket at line 11)",
    ],
    "bom_crlf.py": ["WSK102 socket handle from 's' (socket.socket() at line 3)"],
    "mixed_line_endings.py": ["WSK102 socket handle from 's' (socket.socket() at line 3)"],
}


@pytest.fixture(scope="module")
def flake8_on_hostile_files() -> tuple[subprocess.CompletedProcess[str], Reported]:
    """One flake8 run over every committed hostile file."""
    return flake8(HOSTILE, *HOSTILE_FILES)


def test_flake8_runs_normally_over_the_hostile_files(flake8_on_hostile_files) -> None:
    assert_ran_normally(*flake8_on_hostile_files)
    assert len(HOSTILE_FILES) >= 14


@pytest.mark.parametrize("name", HOSTILE_FILES)
def test_hostile_file(name: str, flake8_on_hostile_files) -> None:
    """flake8 reports exactly the file's ``# error:`` comments, at the sink's column."""
    _, reported = flake8_on_hostile_files
    lines = flake8_lines((HOSTILE / name).read_bytes())
    expected = {(n, m.group(1)) for n, text in enumerate(lines, start=1) for m in EXPECTED.finditer(text)}
    assert expected, "a hostile file states what flake8 must report"
    found = reported.get(name, [])
    assert sorted((line, code) for line, _, code, _ in found) == sorted(expected), found
    columns = sink_columns(lines) if not any(code.startswith("E9") for _, code in expected) else {}
    for line, col, code, text in found:
        if code.startswith("WSK1"):
            assert col in columns.get(line, set()), f"{code} at {line}:{col}, the sink call is at {columns.get(line)}"
    for message in MESSAGES.get(name, []):
        assert any(f"{code} {text}".startswith(message) for _, _, code, text in found), (message, found)


@pytest.mark.parametrize(
    "name, reason",
    [
        ("nul_bytes.py", "Python cannot parse it (SyntaxError: source code string cannot contain null bytes)"),
        ("bad_syntax.py", "Python cannot parse it (SyntaxError"),
    ],
)
def test_check_source_reports_text_python_rejects(name: str, reason: str) -> None:
    """The API (not flake8, which never runs the plugin on these) says why, once."""
    source = "".join(flake8_lines((HOSTILE / name).read_bytes()))
    [finding] = check_source(source, name)
    assert finding.code == "WSK900"
    assert reason in finding.text


# --- Rebinding that Python does and a name-based reading misses ----------------------

REBOUND = {
    "match capture": """
        s = socket.socket()
        match open("log.txt", "rb"):
            case s:
                pass
        """,
    "match as-pattern": """
        s = socket.socket()
        match open("log.txt", "rb"):
            case _ as s:
                pass
        """,
    "match sequence pattern": """
        s = socket.socket()
        match [open("log.txt", "rb")]:
            case [s]:
                pass
            case _:
                raise SystemExit
        """,
    "walrus in a comprehension binds in the enclosing scope": """
        s = socket.socket()
        files = [s := open(name, "rb") for name in ("a", "b")]
        """,
    "NFKC-equal spelling": """
        s = socket.socket()
        \uff53 = open("log.txt", "rb")
        """,
}


@pytest.mark.parametrize("case", sorted(REBOUND))
def test_name_rebound_to_a_file_is_not_reported(case: str) -> None:
    """After these, ``s`` holds a file (or may): its handle is no socket's."""
    source = "import socket, win32file\n" + textwrap.dedent(REBOUND[case]) + "win32file.WriteFile(s.fileno(), b'')\n"
    compile(source, case, "exec")
    assert [f.message for f in check_source(source)] == []


# --- Generated large files ----------------------------------------------------------

HEAD = "import socket, win32file\ns = socket.socket()\n"
SINK = "win32file.WriteFile(s.fileno(), b'')\n"


def chain_file(expression: str) -> tuple[str, list[tuple[int, str]], int]:
    """The planted bug after one long statement: (source, expected, the long statement's line).

    The statement tests the socket's type, so it can matter and LibCST must take it.
    """
    return HEAD + f"assert isinstance(s, socket.socket) or ({expression})\n" + SINK, [(4, "WSK102")], 3


def terms(separator: str, count: int, term: str = "a") -> str:
    return separator.join([term] * count)


SECTION = '''\
# --- section {i} ---
WSA_FLAG_{i}_OVERLAPPED = 0x{i:04x}
WSA_FLAG_{i}_NO_INHERIT = WSA_FLAG_{i}_OVERLAPPED << 1
ERROR_{i}_IO_PENDING = 997 + {i}
ERROR_{i}_NAMES = {{ERROR_{i}_IO_PENDING: "ERROR_IO_PENDING"}}
DEFAULT_{i}_SIZE = 4096


def read_chunks_{i}(stream, size=DEFAULT_{i}_SIZE):
    """Yield chunks of ``size`` bytes."""
    while True:
        chunk = stream.read(size)
        if not chunk:
            break
        yield chunk


class Channel{i}:
    def __init__(self, path):
        self.path = path
        self.stream = None

    def open(self):
        self.stream = open(self.path, "rb")
        return self.stream.fileno()


if WSA_FLAG_{i}_OVERLAPPED & 1:
    MODE_{i} = "overlapped"
else:
    MODE_{i} = "blocking"
'''
MIDDLE = '''\
class Tunnel:
    def __init__(self, address):
        self.sock = socket.create_connection(address)

    def push(self, data):
        win32file.WriteFile(self.sock.fileno(), data)
'''


def big_module(size: int) -> tuple[str, list[tuple[int, str]]]:
    """A module of ``size`` lines, like generated Windows bindings: constants, helpers,
    classes, module-level branches; planted bugs at its start, middle and end."""
    parts = [HEAD, SINK]
    expected = [(3, "WSK102")]
    count = 3
    section = SECTION.count("\n")
    i = 0
    while count + section + MIDDLE.count("\n") + 1 <= size:
        if i == 900:
            parts.append(MIDDLE)
            expected.append((count + 6, "WSK102"))
            count += MIDDLE.count("\n")
        parts.append(SECTION.format(i=i))
        count += section
        i += 1
    padding = size - count - 1
    parts.append("\n" * padding + SINK)
    expected.append((size, "WSK102"))
    source = "".join(parts)
    assert source.count("\n") == size
    return source, expected


GENERATED: dict[str, Callable[[], tuple[str, list[tuple[int, str]], int]]] = {
    # ast keeps these flat; LibCST nests them, one level per term
    "and_chain_20000.py": lambda: chain_file(terms(" and ", 20_000)),
    "or_chain_20000.py": lambda: chain_file(terms(" or ", 20_000)),
    "comparison_chain_20000.py": lambda: chain_file(terms(" < ", 20_000)),
    "string_concatenation_2900.py": lambda: chain_file("(" + terms(" ", 2_900, "'a'") + ")"),
    "long_line_literals.py": lambda: chain_file("(" + terms(", ", 20_000, "{1: [2, (3,)]}") + ")"),
    "module_60000_lines.py": lambda: (*big_module(60_000), 0),
}
# Python accepts this; LibCST's parser gives up (at about 3,000 strings): the statement
# costs itself (one WSK900 that says so, placed at it), and the planted bug is found.
REFUSED = {"string_concatenation_20000.py": lambda: chain_file("(" + terms(" ", 20_000, "'a'") + ")")}


@pytest.fixture(scope="module")
def flake8_on_generated_files(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("hostile-generated")
    expected = {}
    for name, make in {**GENERATED, **REFUSED}.items():
        source, findings, long_line = make()
        compile(source, name, "exec")  # Python accepts it, so flake8 runs the plugin
        (folder / name).write_text(source, encoding="utf-8")
        expected[name] = (findings, long_line, source.splitlines())
    result, reported = flake8(folder, ".")
    return result, reported, expected


def test_flake8_runs_normally_over_the_generated_files(flake8_on_generated_files) -> None:
    result, reported, _ = flake8_on_generated_files
    assert_ran_normally(result, reported)


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_generated_file_keeps_its_planted_bugs(name: str, flake8_on_generated_files) -> None:
    """The planted bugs are found; a statement too deep to follow may cost itself, only."""
    _, reported, expected = flake8_on_generated_files
    findings, long_line, _ = expected[name]
    found = reported.get(name, [])
    assert [(line, code) for line, col, code, _ in found if code != "WSK900"] == findings, found
    for line, col, code, text in found:
        if code == "WSK900":
            assert line == long_line and "nested too deeply" in text, (line, text)


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_statement_libcst_refuses_costs_itself(name: str, flake8_on_generated_files) -> None:
    _, reported, expected = flake8_on_generated_files
    findings, long_line, lines = expected[name]
    found = reported.get(name, [])
    [(line, col, code, text)] = [f for f in found if f[2] == "WSK900"]
    assert line == long_line and "LibCST cannot parse the statement at line" in text, (line, text)
    assert 1 <= col <= len(lines[line - 1]) + 1, f"placed at {line}:{col}, outside the line"
    assert [(line, code) for line, _, code, _ in found if code != "WSK900"] == findings, found


# --- Deep expression chains ----------------------------------------------------------

CHAINS: dict[str, Callable[[int], str]] = {
    "a + a + ...": lambda n: terms(" + ", n),
    "a ** a ** ...": lambda n: terms(" ** ", n),
    "a.b.b...": lambda n: "a" + ".b" * n,
    "a()()...": lambda n: "a" + "()" * n,
    "a[0][0]...": lambda n: "a" + "[0]" * n,
    "not not ... a": lambda n: "not " * n + "a",
    "- - ... a": lambda n: "-" * n + "a",
}


@pytest.mark.parametrize("kind", list(CHAINS))
def test_deep_expression_chain_costs_its_statement_only(kind: str) -> None:
    """Chains nested one level per term, as deep as Python accepts (2,900), through the
    plugin in process (pyflakes, in the same flake8 run, overflows on these): the chain's
    statement is left out with one WSK900 at it, and the planted bug after it is found.
    (How the time grows with the chain is measured in ``benchmarks/scaling.py``.)"""
    source, expected, long_line = chain_file(CHAINS[kind](2_900))
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 20_000))  # Python's own parser, under pytest's deep stack
    try:
        tree = ast.parse(source)
    finally:
        sys.setrecursionlimit(limit)
    results = list(Plugin(tree, source.splitlines(True), "chain.py").run())
    codes = [(line, message.split()[0]) for line, _, message, _ in results]
    assert [c for c in codes if c[1] != "WSK900"] == expected, codes
    assert all(line == long_line for line, code in codes if code == "WSK900"), codes
