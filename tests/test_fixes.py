"""Fixes: what each one rewrites, what is never touched, and that fixing twice changes nothing."""

from __future__ import annotations

import ast
import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from conftest import case_files
from flake8_winsock import catalog, check_source, cli
from flake8_winsock.fixes import BUILDERS
from flake8_winsock.rules import RULES

HEAD = "import io\nimport os\nimport socket\n\ns = socket.create_connection(('example.com', 80))\n"


def fix(tmp_path: Path, body: str, *options: str) -> str:
    """``body`` after HEAD, as ``flake8-winsock --fix`` leaves it."""
    path = tmp_path / "mod.py"
    path.write_text(HEAD + body)
    cli.main(["--fix", *options, str(path)])
    return path.read_text()[len(HEAD):]


@pytest.mark.parametrize(
    "before, after",
    [
        ("data = os.read(s.fileno(), 1024)\n", "data = s.recv(1024)\n"),
        ("sent = os.write(s.fileno(), b'x')\n", "sent = s.send(b'x')\n"),
        ("fd = os.dup(s.fileno())\n", "fd = s.dup().detach()\n"),
        ("os.close(s.fileno())\n", "s.close()\n"),
        ("os.set_inheritable(s.fileno(), True)\n", "s.set_inheritable(True)\n"),
        ("flag = os.get_inheritable(s.fileno())\n", "flag = s.get_inheritable()\n"),
        ("class C:\n    def __init__(self):\n        self.sock = socket.socket()\n\n    def r(self):\n"
         "        return os.read(self.sock.fileno(), 4)\n",
         "class C:\n    def __init__(self):\n        self.sock = socket.socket()\n\n    def r(self):\n"
         "        return self.sock.recv(4)\n"),
    ],
)  # fmt: skip
def test_safe_fixes(tmp_path: Path, before: str, after: str) -> None:
    assert fix(tmp_path, before) == after


@pytest.mark.parametrize(
    "before, after",
    [
        ("f = open(s.fileno(), 'rb')\n", "f = s.makefile('rb')\n"),
        ("f = io.open(s.fileno())\n", "f = s.makefile()\n"),
        ("f = os.fdopen(s.fileno(), 'wb', buffering=0)\n", "f = s.makefile('wb', buffering=0)\n"),
        ("f = open(s.fileno(), mode='r', encoding='utf-8', closefd=False)\n", "f = s.makefile(mode='r', encoding='utf-8')\n"),
    ],
)
def test_unsafe_fixes_need_their_flag(tmp_path: Path, before: str, after: str) -> None:
    assert fix(tmp_path, before) == before
    assert fix(tmp_path, before, "--unsafe-fixes") == after


@pytest.mark.parametrize(
    "body, found",
    [
        ("h = s.fileno()\ndata = os.read(h, 10)\n", ["WSK201"]),  # the socket is not at hand at the call
        ("import ssl\nt = ssl.create_default_context().wrap_socket(s)\ndata = os.read(t.fileno(), 10)\n", ["WSK201"]),
        ("data = os.read(s.fileno(), 10)  # noqa\n", ["WSK201"]),
        ("data = os.read(s.fileno(), 10)  # noqa: WSK201\n", ["WSK201"]),
        ("os.write(\n    s.fileno(),\n    b'x',\n)  # noqa: WSK2\n", ["WSK201"]),  # a noqa on any line of the call
        ("data = os.read(s.fileno(),  # the socket\n    10)\n", ["WSK201"]),  # the comment would go
        ("f = open(s.fileno(), 'a')\n", ["WSK203"]),  # makefile() has no append mode
        ("f = open(s.fileno(), 'rb', buffering=4096)\n", ["WSK203"]),
        ("import sys\nif sys.platform != 'win32':\n    data = os.read(s.fileno(), 10)\n", []),  # POSIX only
        ("def raw_read(fd, n):\n    return os.read(fd, n)\n\n\ndata = raw_read(s.fileno(), 10)\n", ["WSK201"]),  # a wrapper
    ],
)
def test_never_touched(tmp_path: Path, body: str, found: list[str]) -> None:
    assert [f.code for f in check_source(HEAD + body)] == found
    assert fix(tmp_path, body, "--unsafe-fixes") == body


def test_a_noqa_for_another_code_does_not_stop_the_fix(tmp_path: Path) -> None:
    assert fix(tmp_path, "data = os.read(s.fileno(), 10)  # noqa: E501\n") == "data = s.recv(10)  # noqa: E501\n"


def test_comments_and_layout_are_kept(tmp_path: Path) -> None:
    before = "os.write(  # send the greeting\n    s.fileno(),\n    b'hello',  # the greeting\n)\n"
    assert fix(tmp_path, before) == "s.send(  # send the greeting\n    b'hello',  # the greeting\n)\n"


def test_nested_fixes_both_apply(tmp_path: Path) -> None:
    before = "t = socket.socket()\nos.write(t.fileno(), os.read(s.fileno(), 10))\n"
    assert fix(tmp_path, before) == "t = socket.socket()\nt.send(s.recv(10))\n"


def test_fixing_the_eval_files_leaves_python_with_fewer_findings_and_a_second_fix_changes_nothing(tmp_path: Path) -> None:
    for path in case_files():
        shutil.copy(path, tmp_path / path.name)
    before = {p.name: check_source(p.read_text()) for p in tmp_path.glob("*.py")}
    cli.main(["--fix", "--unsafe-fixes", str(tmp_path)])
    first = {p.name: p.read_bytes() for p in tmp_path.glob("*.py")}
    after = {name: check_source(text.decode()) for name, text in first.items()}
    for text in first.values():
        ast.parse(text)
    assert sum(map(len, after.values())) < sum(map(len, before.values()))
    assert all(len(after[name]) <= len(before[name]) for name in before)
    assert cli.main(["--fix", "--unsafe-fixes", str(tmp_path)]) in (0, 1)
    assert {p.name: p.read_bytes() for p in tmp_path.glob("*.py")} == first


def test_diff_prints_and_changes_nothing(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mod.py"
    path.write_text(HEAD + "data = os.read(s.fileno(), 1024)\n")
    assert cli.main(["--diff", str(path)]) == 1
    out = capsys.readouterr().out
    assert f"--- {path}\n+++ {path}\n" in out
    assert "-data = os.read(s.fileno(), 1024)\n+data = s.recv(1024)\n" in out
    assert path.read_text().endswith("os.read(s.fileno(), 1024)\n")
    path.write_text(HEAD)
    assert cli.main(["--diff", str(path)]) == 0 and capsys.readouterr().out == ""


def test_fix_exit_status_and_remaining_findings(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mod.py"
    path.write_text(HEAD + "os.close(s.fileno())\n")
    assert cli.main(["--fix", str(path)]) == 0  # all fixed
    path.write_text(HEAD + "os.close(s.fileno())\nos.fstat(s.fileno())\n")
    assert cli.main(["--fix", str(path)]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[-1].startswith(f"{path}:7:1: WSK205 ") and "os.fstat" in out


def test_encoding_newlines_and_bom_are_kept(tmp_path: Path) -> None:
    path = tmp_path / "mod.py"
    text = "# -*- coding: latin-1 -*-\n" + HEAD + "name = 'caf\u00e9'\nos.close(s.fileno())\n"
    path.write_bytes(b"\xef\xbb\xbf" + text.replace("# -*- coding: latin-1 -*-\n", "").replace("\n", "\r\n").encode())
    cli.main(["--fix", str(path)])
    assert path.read_bytes().startswith(b"\xef\xbb\xbf") and path.read_bytes().endswith(b"\r\ns.close()\r\n")
    path.write_bytes(text.encode("latin-1"))
    cli.main(["--fix", str(path)])
    assert path.read_bytes() == text.replace("os.close(s.fileno())", "s.close()").encode("latin-1")


def test_fix_on_stdin_prints_the_fixed_text(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO((HEAD + "os.close(s.fileno())\n").encode())))
    assert cli.main(["--fix", "-"]) == 0
    assert capsys.readouterr().out == HEAD + "s.close()\n"


def test_json_says_which_findings_a_fix_exists_for(tmp_path: Path, capsys) -> None:
    path = tmp_path / "mod.py"
    path.write_text(HEAD + "os.close(s.fileno())\nf = open(s.fileno())\nos.fstat(s.fileno())\n")
    cli.main(["--format", "json", str(path)])
    items = json.loads(capsys.readouterr().out)
    assert [(i["code"], i["fixable"], i["fix_safety"]) for i in items] == [
        ("WSK205", True, "safe"),
        ("WSK203", True, "unsafe"),
        ("WSK205", False, None),
    ]


def test_the_rule_table_and_the_fixes_agree() -> None:
    fixed_codes = {catalog.SINKS[qualname].code for qualname in BUILDERS}
    assert fixed_codes == {code for code, rule in RULES.items() if rule.fixable}
    for code in fixed_codes:
        assert RULES[code].fix_safety.startswith("Safe" if RULES[code].fix_is_safe else "Unsafe")
