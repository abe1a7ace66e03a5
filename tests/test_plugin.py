"""The flake8 wiring, run as users run it: the installed ``flake8`` in a subprocess."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import parse_flake8, run_flake8
from flake8_winsock import plugin

DEMO = Path(__file__).parent.parent / "examples" / "demo.py"


def test_flake8_version_lists_the_plugin() -> None:
    out = subprocess.run([sys.executable, "-m", "flake8", "--version"], capture_output=True, text=True).stdout
    assert "flake8-winsock" in out.replace("\n", " ")


def test_demo_reported_at_the_sink_call(tmp_path: Path) -> None:
    (tmp_path / "demo.py").write_text(DEMO.read_text())
    result = run_flake8("demo.py", cwd=tmp_path)
    assert result.returncode == 1
    assert result.stdout.startswith("demo.py:5:1: WSK102 socket handle from 's' (socket.create_connection() at line 4)")


def test_one_unanalysable_file_does_not_stop_the_others(tmp_path: Path) -> None:
    (tmp_path / "a_bad.py").write_text(
        "import socket, win32file\ns = socket.socket() if 0 else(lambda:())\nwin32file.WriteFile(s.fileno(), b'')\n"
    )
    (tmp_path / "b_demo.py").write_text(DEMO.read_text())
    (tmp_path / "c_syntax.py").write_text("import socket, win32file\nwin32file.WriteFile(\n")
    result = run_flake8("--select=WSK,E999", ".", cwd=tmp_path)
    lines = sorted(result.stdout.splitlines())
    assert lines[0].startswith("./a_bad.py:2:1: WSK900 file not analysed for socket handles: LibCST cannot parse the statement at line 2")
    assert lines[1].startswith("./b_demo.py:5:1: WSK102 ")
    assert lines[2].startswith("./c_syntax.py:") and " E999 " in lines[2]
    assert len(lines) == 3, result.stdout


def test_run_never_raises(monkeypatch) -> None:
    def explode(*args, **kwargs):
        raise MemoryError("no more")

    monkeypatch.setattr(plugin, "check_source", explode)
    source = DEMO.read_text()
    results = list(plugin.Plugin(ast.parse(source), source.splitlines(True), "demo.py").run())
    assert [r[2].split()[0] for r in results] == ["WSK900"]


@pytest.mark.parametrize("encoding_case", ["latin-1 cookie", "bom crlf"])
def test_odd_encodings_are_read_as_flake8_reads_them(tmp_path: Path, encoding_case: str) -> None:
    body = "import socket, win32file\ns = socket.socket()\nname = 'caf\u00e9'\nwin32file.WriteFile(s.fileno(), b'')\n"
    if encoding_case == "latin-1 cookie":
        data = ("# -*- coding: latin-1 -*-\n" + body).encode("latin-1")
        line = 5
    else:
        data = b"\xef\xbb\xbf" + body.replace("\n", "\r\n").encode("utf-8")
        line = 4
    (tmp_path / "mod.py").write_bytes(data)
    result = run_flake8("mod.py", cwd=tmp_path)
    assert result.stdout.startswith(f"mod.py:{line}:1: WSK102 "), result.stdout + result.stderr


# --- A project's own socket factories and handle sinks ------------------------------------

PROJECT_CODE = '''\
import win32file
from mylib.net import connect
from mylib.win import raw_read, raw_write
import mylib.win

conn = connect(("cache", 9400))
raw_write(conn.fileno(), b"PUT")  # error: WSK102
raw_read(64, conn.fileno())  # error: WSK101
mylib.win.raw_write(conn.fileno(), b"")  # error: WSK102
'''
PROJECT_LOOK_ALIKES = '''\
import os
import socket
import win32file
from mylib.net import connect
from mylib.win import raw_read, raw_write, raw_send
from otherlib.net import connect as other_connect


def send(h, data):  # a wrapper of the right call: no sink
    win32file.WSASend(h, data, None, 0)


def pipe_end():  # a helper that returns a pipe
    return os.pipe()[0]


conn = connect(("cache", 9400))
raw_read(conn.fileno(), 64)  # the handle is read from position 1, not 0
raw_send(conn.fileno(), b"")  # not configured
send(conn.fileno(), b"")
raw_write(other_connect(("x", 1)).fileno(), b"")  # not a configured factory
raw_write(pipe_end(), b"")
s = socket.socket()
raw_write(0, s.fileno())  # not at the handle's position
'''
PROJECT_CONFIG = """\
[flake8]
winsock-socket-factories = mylib.net.connect
winsock-handle-sinks =
    mylib.win.raw_write,
    mylib.win.raw_read:1:WSK101
"""


def expected_in(text: str) -> set[tuple[int, str]]:
    return {(n, line.split("# error: ")[1].strip()) for n, line in enumerate(text.splitlines(), 1) if "# error: " in line}


@pytest.mark.parametrize("config_file", [".flake8", "setup.cfg", "tox.ini"])
def test_project_factories_and_sinks_from_flake8_configuration(tmp_path: Path, config_file: str) -> None:
    (tmp_path / config_file).write_text(PROJECT_CONFIG)
    (tmp_path / "app.py").write_text(PROJECT_CODE)
    (tmp_path / "look_alikes.py").write_text(PROJECT_LOOK_ALIKES)
    result = run_flake8(".", cwd=tmp_path)
    found = parse_flake8(result.stdout)
    assert found == {"app.py": expected_in(PROJECT_CODE)}, result.stdout + result.stderr
    assert "passed to mylib.win.raw_read; use conn.recv()" in result.stdout


def test_project_factories_and_sinks_from_the_command_line(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(PROJECT_CODE)
    result = run_flake8(
        "--winsock-socket-factories=mylib.net.connect",
        "--winsock-handle-sinks=mylib.win.raw_write:0,mylib.win.raw_read:1:WSK101",
        "app.py",
        cwd=tmp_path,
    )
    assert parse_flake8(result.stdout) == {"app.py": expected_in(PROJECT_CODE)}, result.stdout + result.stderr
    assert parse_flake8(run_flake8("app.py", cwd=tmp_path).stdout) == {}  # not known without them


@pytest.mark.parametrize(
    "option, complaint",
    [
        ("--winsock-handle-sinks=mylib.win.raw_write:first", "is not a qualified name with an optional handle position"),
        ("--winsock-handle-sinks=mylib.win.raw_write:0:WSK999", "rules: WSK101"),
        ("--winsock-socket-factories=my-lib.connect", "is not a qualified name"),
    ],
)
def test_a_malformed_project_option_is_a_clear_error(tmp_path: Path, option: str, complaint: str) -> None:
    (tmp_path / "app.py").write_text(PROJECT_CODE)
    result = run_flake8(option, "app.py", cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == "" and complaint in result.stderr, result.stderr
    assert "Traceback" not in result.stderr
