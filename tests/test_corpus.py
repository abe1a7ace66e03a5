"""The installed standard library, tests included: no finding, no crash."""

from __future__ import annotations

import json
import subprocess
import sys
import sysconfig
from pathlib import Path

from flake8_winsock import check_source
from flake8_winsock.gate import may_contain_finding

STDLIB = Path(sysconfig.get_paths()["stdlib"])


def _worth_flake8(path: Path) -> bool:
    """A standard-library file the plugin does work on (the gate lets it through), or one
    that is odd input: not UTF-8, a coding cookie or BOM, a file Python refuses."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        return True
    odd = raw.startswith(b"\xef\xbb\xbf") or b"coding" in b"".join(raw.splitlines()[:2]) or "bad" in path.name
    return odd or may_contain_finding(text)


def test_standard_library_through_flake8(tmp_path: Path) -> None:
    """As users run it: the installed flake8 over the standard library (tests included)
    reports nothing from the plugin, and nothing in it fails. flake8 is given the files the
    plugin does work on and every odd input (the others the gate turns away in a
    substring test; ``tests/test_slicing.py`` checks the model finds nothing in any file
    the gate lets through). A planted bug in the same run shows that the plugin ran."""
    files = [p for p in sorted(STDLIB.rglob("*.py")) if "site-packages" not in p.parts and _worth_flake8(p)]
    assert len(files) > 100
    planted = tmp_path / "planted.py"
    planted.write_text("import socket, win32file\ns = socket.socket()\nwin32file.WriteFile(s.fileno(), b'')\n")
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=WSK", "--jobs=2", *map(str, files), str(planted)],
        capture_output=True,
        text=True,
        timeout=1800,
    )
    said = result.stdout + result.stderr  # flake8 prints a plugin's failure on stdout
    assert "Traceback" not in said and "failed during execution" not in said, said[-3000:]
    assert result.stdout.splitlines() == [
        f"{planted}:3:1: WSK102 socket handle from 's' (socket.socket() at line 2) passed to win32file.WriteFile; "
        "use s.sendall() or win32file.WSASend()"
    ]
    assert result.returncode == 1


def test_corpus_script_lists_findings_with_their_source_lines(tmp_path: Path) -> None:
    """``scripts/corpus.py`` over a directory: each finding with the line it is on, each
    WSK900, the file count; its exit status does not depend on what it found."""
    (tmp_path / "bug.py").write_text("import socket, win32file\ns = socket.socket()\nwin32file.WriteFile(s.fileno(), b'')\n")
    (tmp_path / "clean.py").write_text("import os\nos.write(1, b'')\n")
    (tmp_path / "refused.py").write_text(  # LibCST's parser fails on the second line
        "import socket, win32file\ns = socket.socket() if 0 else(lambda:())\nwin32file.WriteFile(s.fileno(), b'')\n"
    )
    script = Path(__file__).parent.parent / "scripts" / "corpus.py"
    out = tmp_path / "report.json"
    result = subprocess.run(
        [sys.executable, str(script), "--no-site-packages", "--jobs=1", "--json", str(out), str(tmp_path)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    [report] = json.loads(out.read_text())
    assert report["files"] == 3
    assert [(Path(f["path"]).name, f["line"], f["code"], f["source"]) for f in report["findings"]] == [
        ("bug.py", 3, "WSK102", "win32file.WriteFile(s.fileno(), b'')")
    ]
    assert [(Path(f["path"]).name, f["code"]) for f in report["not_analysed"]] == [("refused.py", "WSK900")]
    assert "bug.py:3:1: WSK102 " in result.stdout and "WSK900 x1: " in result.stdout


def test_twisted_posix_only_test_stays_silent() -> None:
    """Distilled from running scripts/corpus.py over Twisted 26.10
    (twisted/internet/test/test_fdset.py:335): a test that Twisted skips on Windows with
    its own platform probe duplicates socket descriptors; it never runs on Windows."""
    source = (
        "import os, socket\n"
        "from unittest import skipIf\n"
        "from twisted.python.runtime import platform\n"
        "\n"
        "\n"
        "class LostDescriptorTests:\n"
        '    @skipIf(platform.isWindows(), "Cannot duplicate socket filenos on Windows")\n'
        "    def test_lost_descriptor(self):\n"
        "        client, server = socket.socketpair()\n"
        "\n"
        "        def mess_it_up():\n"
        "            os.dup2(server.fileno(), client.fileno())\n"
        "\n"
        "        mess_it_up()\n"
    )
    assert [f.message for f in check_source(source)] == []
