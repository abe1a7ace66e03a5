"""Programs that plant socket code at random places of a real module.

Each program is a real module with a few snippets inserted before random statements
(at any depth), with names taken from the module itself, so that the snippets meet
its scopes, attributes, loops, guards and functions. The snippets cover what the
model follows: sources, handles, sinks, kills, aliases, containers, narrowing,
platform guards, wrappers, factories, attributes, globals, the walrus.
"""

from __future__ import annotations

import ast
import random
import re

IMPORTS = "import functools, os, socket, subprocess, sys, threading, unittest, win32file, pytest\n"

# {x}, {y}: names; {a}: an attribute; {f}: a function; {h}: a handle; {l}: a list.
SNIPPETS = [
    "{x} = socket.socket()",
    "{x} = socket.create_connection(('h', 1))",
    "{x}, _ = {y}.accept()",
    "{x} = open('f')",
    "{x} = None",
    "os.write({x}.fileno(), b'')",
    "win32file.WriteFile({x}.fileno(), b'')",
    "subprocess.Popen(['x'], stdin={x})",
    "{h} = {x}.fileno()",
    "os.read({h}, 1)",
    "os.close({h})",
    "{l} = [{x}, {y}]",
    "{l}.append({x})",
    "{l}.append(1)",
    "for {y} in {l}: os.close({y}.fileno())",
    "if not isinstance({x}, socket.socket): raise TypeError",
    "if isinstance({x}, socket.socket): os.dup({x}.fileno())",
    "if sys.platform == 'win32': raise ImportError",
    "if sys.platform != 'win32': os.dup({x}.fileno())",
    "{f} = os.write",
    "{f}({x}.fileno(), b'')",
    "{f}({x})",
    "global {x}",
    "self.{a} = socket.socket()",
    "self.{a} = {x}",
    "os.close(self.{a}.fileno())",
    "os.write({x}.{a}.fileno(), b'')",
    "{x}.{a} = socket.socket()",
    "def {f}(h): os.close(h)",
    "def {f}(s): return s.fileno()",
    "def {f}(): return socket.socket()",
    "return {x}",
    "return socket.socket()",
    "del {x}",
    "if ({h} := {x}.fileno()): os.read({h}, 1)",
    "with socket.socket() as {x}: pass",
    "try: {x} = socket.socket()\nexcept OSError: {x} = None",
    "pid = os.fork()",
    "{x} = {y}",
    "{x} = {y}.{a}",
    "{x}: socket.socket = {y}",
    "def {f}(s: socket.socket): os.write(s.fileno(), b'')",
    "pytestmark = pytest.mark.skipif(sys.platform == 'win32', reason='x')",
    "{f} = unittest.skipIf(sys.platform == 'win32', 'x')",
    "@{f}\ndef {y}(s: socket.socket): os.dup(s.fileno())",
    "if sys.platform.startswith('linux') or sys.platform == 'darwin': os.dup2({x}.fileno(), 0)",
    "if sys.platform.startswith(('linux', 'darwin')): os.dup({x}.fileno())",
    "match sys.platform:\n    case 'linux' | 'darwin': os.close({x}.fileno())\n    case _: pass",
    "if sys.platform == 'win32': skip = 'x'",
    "threading.Thread(target={f}, args=({x},)).start()",
    "{f} = functools.partial(os.write, {x}.fileno())",
    "{h} = {x}.fileno() if isinstance({x}, socket.socket) else {x}",
]
_WORD = re.compile(r"[^\W\d]\w*")
_LINES = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+\Z")
_POOL = ["s", "conn", "sock", "h", "fd", "sockets", "write", "helper", "self", "data", "client"]


def plant(source: str, rng: random.Random, count: int) -> str:
    """``source`` with ``count`` snippets planted; a program Python accepts (or ``source`` itself)."""
    tree = ast.parse(source)
    statements = [s for s in ast.walk(tree) if isinstance(s, ast.stmt)]
    if not statements:
        return IMPORTS + source
    names = sorted(set(_WORD.findall(source)) - {"import", "from", "def", "class", "return", "pass"})[:400] or ["x"]
    lines = _LINES.findall(source)
    program = source
    for _ in range(count * 3):
        if count <= 0:
            break
        target = rng.choice(statements)
        first = getattr(target, "decorator_list", None)
        line = (first[0].lineno if first else target.lineno) - 1
        text = lines[line]
        indent = text[: len(text) - len(text.lstrip())]
        if len(indent) != target.col_offset and not first:  # ``if x: y``: not at the start of its line
            continue
        snippet = rng.choice(SNIPPETS)

        def name(_: object) -> str:
            return rng.choice(names) if rng.random() < 0.6 else rng.choice(_POOL)

        filled = re.sub(r"\{[xyafhl]\}", name, snippet)
        planted = [indent + part + "\n" for part in filled.split("\n")]
        candidate = lines[:line] + planted + lines[line:]
        try:
            ast.parse(IMPORTS + "".join(candidate))
        except (SyntaxError, ValueError):
            continue
        lines = candidate
        program = "".join(lines)
        statements = [s for s in ast.walk(ast.parse(program)) if isinstance(s, ast.stmt)]
        count -= 1
    return _with_imports(program)


def _with_imports(program: str) -> str:
    """The imports after any ``from __future__`` import (which must come first)."""
    lines = _LINES.findall(program)
    tree = ast.parse(program)
    after = 0
    for statement in tree.body:
        if isinstance(statement, ast.ImportFrom) and statement.module == "__future__":
            after = statement.end_lineno or statement.lineno
        elif isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant) and not after:
            after = statement.end_lineno or statement.lineno  # the docstring
        else:
            break
    return "".join(lines[:after]) + IMPORTS + "".join(lines[after:])
