"""The flake8 wiring, run as users run it: the installed ``flake8`` in a subprocess."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import run_flake8
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
    assert lines[0].startswith("./a_bad.py:1:1: WSK900 file not analysed for socket handles: LibCST")
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
