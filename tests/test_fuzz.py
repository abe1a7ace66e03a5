"""Fuzzing: generated programs through the plugin, as flake8 calls it.

Programs come from hypothesmith, grammar-based (``from_grammar``) and node-based
(``from_node``), and from both with some of their names replaced by names the
analysis gives meaning to (``socket``, ``s``, ``WriteFile``, ``fileno``, ...). Each
one is checked through ``check_source`` and through ``Plugin(tree, lines,
filename).run()`` with the lines flake8 would hand it, then all of them as files
through one run of the installed flake8. The properties: no exception escapes, every
result is a well-formed finding placed inside the file, both paths agree, they agree
with an analysis of the whole file (LibCST given every statement, not only those
that can matter: the slicer left out), and no result is an internal-error WSK900. A WSK900 saying LibCST cannot parse code that
Python accepts is allowed (LibCST's limit, reported as designed); it is counted in
the summary line each test prints (``pytest -s``).

Random programs almost never pass the plugin's gate (they would have to name a sink,
``fileno``/``detach`` and a socket source), so each program is also run with a
planted bug around it, which opens the gate and puts the analysis to work on the
generated code:

- ``prefix``: the planted bug, then the program;
- ``suffix``: the program, then the planted bug;
- ``around``: the import and the socket, the program, then the sink call.

In ``prefix`` and ``suffix`` nothing the program does can change the planted
finding (the planted lines bind every name they use, and the program runs after or
before them), so the WSK102 must be reported, at its line, citing its socket. In
``around`` the same holds when the program never names ``s``, ``socket``,
``win32file``, ``WriteFile`` or ``fileno`` and has no star import; otherwise only the
no-internal-error property is checked.

CI runs 60 programs per strategy; ``--fuzz-examples N`` (or the environment
variable ``FLAKE8_WINSOCK_FUZZ_EXAMPLES``) runs more.
"""

from __future__ import annotations

import ast
import io
import os
import re
import subprocess
import sys
import tokenize
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Optional
from unittest import mock

import hypothesmith
import libcst
import pytest
from hypothesis import HealthCheck, currently_in_test_context, event, given, settings
from hypothesis import strategies as st

from flake8_winsock import check as check_module
from flake8_winsock import check_source
from flake8_winsock.slicing import Slice
from flake8_winsock.plugin import Plugin

pytestmark = pytest.mark.filterwarnings("ignore::SyntaxWarning", "ignore::DeprecationWarning")

PLANT_IMPORT = "import socket, win32file\n"
PLANT_SOCKET = "s = socket.socket()\n"
PLANT_SINK = "win32file.WriteFile(s.fileno(), b'')\n"
PLANTED = PLANT_IMPORT + PLANT_SOCKET + PLANT_SINK
PLANTED_NAMES = frozenset({"s", "socket", "win32file", "WriteFile", "fileno", "*"})

# Names the analysis gives meaning to: generated programs get some of their own
# names replaced by these, so that they bind, shadow, wrap and call sockets, handles
# and sinks in every shape the generators know.
VOCABULARY = (
    "s", "sock", "conn", "self", "socket", "win32file", "_winapi", "_overlapped", "Overlapped",
    "WriteFile", "ReadFile", "DuplicateHandle", "fileno", "detach", "accept", "dup",
    "create_connection", "socketpair", "fromshare", "wrap_socket", "get_extra_info",
    "isinstance", "ctypes", "windll", "kernel32", "WinDLL", "c_void_p", "int",
    "os", "write", "read", "dup2", "fdopen", "msvcrt", "open_osfhandle", "subprocess", "Popen",
    "stdin", "sys", "platform", "reduction", "send_handle",
)  # fmt: skip


class _Rename(libcst.CSTTransformer):
    def __init__(self, mapping: dict[str, str]) -> None:
        super().__init__()
        self.mapping = mapping

    def leave_Name(self, original: libcst.Name, updated: libcst.Name) -> libcst.Name:
        return updated.with_changes(value=self.mapping.get(updated.value, updated.value))


@st.composite
def socket_flavoured(draw: st.DrawFn, programs: st.SearchStrategy[str]) -> str:
    """A generated program with some of its names replaced by the analysis's vocabulary."""
    generated = draw(programs)
    try:
        module = libcst.parse_module(generated)
    except Exception:
        return generated  # LibCST refuses it: the plain program is still worth checking
    names = sorted({node.value for node in _names(module)})
    mapping = {name: draw(st.sampled_from((name, *VOCABULARY))) for name in names}
    return module.visit(_Rename(mapping)).code


def _names(module: libcst.Module) -> list[libcst.Name]:
    found: list[libcst.Name] = []

    class Collect(libcst.CSTVisitor):
        def visit_Name(self, node: libcst.Name) -> None:
            found.append(node)

    module.visit(Collect())
    return found


STRATEGIES = {
    "grammar": hypothesmith.from_grammar(),
    "node": hypothesmith.from_node(),
    # A renamed program Python rejects (``def f(s, s)``) is dropped, like any variant
    # that is not valid Python.
    "socket-flavoured": socket_flavoured(st.one_of(hypothesmith.from_grammar(), hypothesmith.from_node())),
}
DEFAULT_EXAMPLES = 60
RESULT = re.compile(r"^WSK\d{3} \S")
LIBCST_REFUSED = "LibCST cannot parse"


@pytest.fixture(scope="session")
def fuzz_examples(pytestconfig: pytest.Config) -> int:
    option = pytestconfig.getoption("--fuzz-examples")
    if option is None:
        option = int(os.environ.get("FLAKE8_WINSOCK_FUZZ_EXAMPLES", DEFAULT_EXAMPLES))
    return max(1, option)


def fuzz_settings(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
    )


# --- Helpers ------------------------------------------------------------------------


def note(what: str) -> None:
    """A Hypothesis event (``--hypothesis-show-statistics``), when a property is running."""
    if currently_in_test_context():
        event(what)


def flake8_lines(data: bytes) -> list[str]:
    """The lines flake8 hands a plugin for a file holding ``data``.

    As ``flake8.processor.FileProcessor`` reads them: decoded as ``tokenize.open``
    decodes (latin-1 when that fails), universal newlines, a BOM stripped.
    """
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        lines = io.TextIOWrapper(io.BytesIO(data), encoding, line_buffering=True).readlines()
    except (SyntaxError, UnicodeError):
        lines = io.TextIOWrapper(io.BytesIO(data), "latin-1").readlines()
    if lines and lines[0][:1] == "\ufeff":
        lines[0] = lines[0][1:]
    return lines


def names_in(source: str) -> set[str]:
    """Every identifier (and string constant) the program holds, as Python reads it.

    Python normalises identifiers (NFKC), so ``ｓ`` shows here as ``s``. Dotted names
    (``import a.b``) are split; a star import shows as ``*``.
    """
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        for _, value in ast.iter_fields(node):
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    found.update(item.split("."))
    return found


@dataclass
class Variant:
    mode: str
    source: str
    sink_line: Optional[int] = None  # the planted WriteFile call, when planted
    socket_line: Optional[int] = None
    strict: bool = False  # the planted finding must be reported


def variants(generated: str) -> list[Variant]:
    """The program alone and with the planted bug around it (those Python accepts)."""
    body = generated if generated.endswith(("\n", "\r")) else generated + "\n"
    built = [
        Variant("plain", generated),
        Variant("prefix", PLANTED + generated, strict=True),
        Variant("suffix", body + PLANTED, strict=True),
        Variant("around", PLANT_IMPORT + PLANT_SOCKET + body + PLANT_SINK),
    ]
    kept = []
    for variant in built:
        try:
            statements = ast.parse(variant.source).body
        except (SyntaxError, ValueError):
            # e.g. a ``from __future__`` import that must come first, or a trailing
            # backslash that joins the program's last line to the planted one
            note(f"{variant.mode}: not valid Python once composed")
            continue
        if variant.mode == "prefix":
            variant.socket_line, variant.sink_line = statements[1].lineno, statements[2].lineno
        elif variant.mode == "suffix":
            variant.socket_line, variant.sink_line = statements[-2].lineno, statements[-1].lineno
        elif variant.mode == "around":
            variant.socket_line, variant.sink_line = statements[1].lineno, statements[-1].lineno
            variant.strict = not (names_in(generated) & PLANTED_NAMES)
            if not variant.strict:
                note("around: program names a planted name; planted finding not required")
        kept.append(variant)
    return kept


def planted_prefix(variant: Variant) -> str:
    return (
        f"WSK102 socket handle from 's' (socket.socket() at line {variant.socket_line}) "
        "passed to win32file.WriteFile;"
    )


def results_of(source: str) -> tuple[list[tuple[int, int, str]], Optional[list[tuple[int, int, str]]], list[str]]:
    """What ``check_source`` and the flake8 plugin report, and the lines flake8 reads."""
    direct = [(f.line, f.col, f.message) for f in check_source(source, "fuzz.py")]
    lines = flake8_lines(source.encode("utf-8"))
    try:
        tree = ast.parse("".join(lines))
    except (SyntaxError, ValueError):
        note("flake8 would report E999 and not run the plugin")
        return direct, None, lines
    through_plugin = [(line, col, message) for line, col, message, _ in Plugin(tree, lines, "fuzz.py").run()]
    return direct, through_plugin, lines


def whole_file(source: str) -> list[tuple[int, int, str]]:
    """What ``check_source`` reports when LibCST is given every statement of the file."""
    with mock.patch.object(check_module, "slice_module", lambda text, tree, vocabulary: Slice(text)):
        return [(f.line, f.col, f.message) for f in check_source(source, "fuzz.py")]


TALLY: Counter[str] = Counter()


def check_variant(variant: Variant, strategy: str) -> bool:
    """Check the properties on one program; True if the planted finding was required and found."""
    direct, through_plugin, lines = results_of(variant.source)
    TALLY[f"{strategy} {variant.mode} programs"] += 1
    for results in (direct, through_plugin or []):
        for line, col, message in results:
            assert "internal error" not in message, (message, variant.source)
            assert RESULT.match(message), (message, variant.source)
            assert 1 <= line <= max(len(lines), 1), ((line, col, message), variant.source)
            width = len(lines[line - 1].rstrip("\r\n")) if lines else 0
            assert 0 <= col <= width, ((line, col, message), variant.source)
    if through_plugin is not None:
        assert sorted(through_plugin) == sorted(direct), variant.source
    refused = [m for _, _, m in direct if m.startswith("WSK900") and LIBCST_REFUSED in m]
    if refused:
        TALLY[f"{strategy} {variant.mode} LibCST refused"] += 1
        note(f"{variant.mode}: WSK900 LibCST cannot parse code Python accepts")
    for _, _, message in direct:
        if message.startswith("WSK900") and not refused:
            note(f"{variant.mode}: WSK900 {message.split(': ', 1)[-1][:40]}")
    whole = whole_file(variant.source)
    if not any(m.startswith("WSK900") for _, _, m in direct + whole):
        # Leaving out what cannot matter changes nothing that is found.
        assert sorted(direct) == sorted(whole), variant.source
        TALLY[f"{strategy} {variant.mode} same as whole file"] += 1
    if variant.strict and not refused:
        planted = [
            (line, col, m)
            for line, col, m in direct
            if (line, col) == (variant.sink_line, 0) and m.startswith(planted_prefix(variant))
        ]
        assert planted, (f"planted WSK102 at line {variant.sink_line} not reported", direct, variant.source)
        TALLY[f"{strategy} {variant.mode} planted found"] += 1
        return True
    return False


# --- The properties ----------------------------------------------------------------


FLAKE8_RESULT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<text>.*)$")


@pytest.mark.parametrize("strategy", sorted(STRATEGIES))
def test_generated_programs_never_give_an_internal_error(strategy: str, fuzz_examples: int, tmp_path: Path) -> None:
    """Each generated program, alone and around a planted bug, through the plugin in
    process (shrinking to the smallest failing program), then all of them as files
    through one run of the installed flake8."""
    TALLY.clear()
    programs: list[str] = []

    @fuzz_settings(fuzz_examples)
    @given(STRATEGIES[strategy])
    def prop(generated: str) -> None:
        programs.append(generated)
        for variant in variants(generated):
            check_variant(variant, strategy)

    prop()
    summary = ", ".join(f"{key}: {count}" for key, count in sorted(TALLY.items()))
    print(f"\n[fuzz {strategy}] {summary}")
    # The planted bug was checked on most programs, not only on a few degenerate ones.
    assert TALLY[f"{strategy} prefix planted found"] >= fuzz_examples // 2
    through_flake8(programs, tmp_path)


def through_flake8(programs: list[str], folder: Path) -> None:
    """The programs and their variants as files, through one run of the installed flake8."""
    expected: dict[str, Variant] = {}
    for index, generated in enumerate(dict.fromkeys(programs)):
        for variant in variants(generated):
            name = f"p{index:04d}_{variant.mode}.py"
            (folder / name).write_bytes(variant.source.encode("utf-8"))
            expected[name] = variant
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=WSK,E902,E999", "--jobs=2", "."],
        capture_output=True,
        text=True,
        cwd=folder,
        timeout=900,
    )
    assert result.returncode in (0, 1), result.stderr[-3000:]
    said = result.stdout + result.stderr  # flake8 prints a plugin's failure on stdout
    assert "Traceback" not in said and "failed during execution" not in said, said[-3000:]
    reported: dict[str, list[tuple[int, int, str, str]]] = {}
    for line in result.stdout.splitlines():
        match = FLAKE8_RESULT.match(line)
        assert match, line
        reported.setdefault(Path(match["path"]).name, []).append(
            (int(match["line"]), int(match["col"]), match["code"], match["text"])
        )
    assert not [r for rs in reported.values() for r in rs if "internal error" in r[3]]
    missing = []
    for name, variant in expected.items():
        found = reported.get(name, [])
        excused = any(code in ("E902", "E999") or LIBCST_REFUSED in text for _, _, code, text in found)
        if variant.strict and not excused:
            # flake8 counts lines in the text it read (universal newlines)
            statements = ast.parse("".join(flake8_lines(variant.source.encode("utf-8")))).body
            sink_line = statements[2].lineno if variant.mode == "prefix" else statements[-1].lineno
            if (sink_line, 1, "WSK102") not in {(line, col, code) for line, col, code, _ in found}:
                missing.append((name, found, variant.source))
    assert not missing, missing[:3]


def test_planted_bug_survives_unusual_but_valid_surroundings(tmp_path: Path) -> None:
    """Fixed examples of what the generators produce, kept so a regression shows at once."""
    programs = [
        "",
        "#",
        "pass",
        "\r\n\t\r\n",
        "\x0c\nif x:\n\tpass\r\n",
        "if x:\n    pass\n# trailing comment without newline",
        "x = 1;",
        "def f():\n    global s\n    s = 1\n",
        "raise SystemExit\n",
        "while 1:\n    break\nelse:\n    pass\n",
        "class C:\n    s = 1\n",
        "(lambda: (yield))\n",
        "#\x85\u2028 comment with line-break-like characters\n",
    ]
    found: Counter[str] = Counter()
    for generated in programs:
        for variant in variants(generated):
            found[variant.mode] += check_variant(variant, "fixed")
    assert found == {"plain": 0, "prefix": 13, "suffix": 13, "around": 11}
    through_flake8(programs, tmp_path)
