"""One configuration: the command reads flake8's file, the plugin reads pyproject.toml.

Each test runs the real flake8 (with the plugin) and the ``flake8-winsock`` command
on the same folder and compares what they report.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import installed, parse_flake8
from flake8_winsock import config

BUGGY = (
    "import os, socket, win32file\n"
    "s = socket.socket()\n"
    "win32file.WriteFile(s.fileno(), b'')\n"
    "os.fstat(s.fileno())\n"
    "os.read(s.fileno(), 1)\n"
)
PROJECT_CODE = (
    "from mylib.net import connect\n"
    "from mylib.win import raw_read\n"
    "conn = connect(('h', 1))\n"
    "raw_read(64, conn.fileno())\n"
)
KNOWLEDGE_CFG = "winsock-socket-factories = mylib.net.connect\nwinsock-handle-sinks =\n    mylib.win.raw_read:1:WSK101\n"
KNOWLEDGE_TOML = 'socket-factories = ["mylib.net.connect"]\nhandle-sinks = ["mylib.win.raw_read:1:WSK101"]\n'


def flake8(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """The real flake8, with its own configuration (no --select of ours)."""
    return subprocess.run([sys.executable, "-m", "flake8", "--jobs=1", *args], cwd=cwd, capture_output=True, text=True)


def command(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([installed("flake8-winsock"), "-j", "1", *args], cwd=cwd, capture_output=True, text=True)


def wsk(stdout: str) -> set[tuple[str, int, str]]:
    """(path, line, code) of each WSK finding, the path without a leading ./"""
    return {
        (os.path.normpath(path), line, code)
        for path, found in parse_flake8_full(stdout).items()
        for line, code in found
    }


def parse_flake8_full(stdout: str) -> dict[str, set[tuple[int, str]]]:
    found: dict[str, set[tuple[int, str]]] = {}
    for row in stdout.splitlines():
        path, line, _, message = row.split(":", 3)
        code = message.split()[0]
        if code.startswith("WSK"):
            found.setdefault(path, set()).add((int(line), code))
    return found


def tree(root: Path, files: dict[str, str]) -> Path:
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text)
    return root


def same(root: Path, *args: str) -> set[tuple[str, int, str]]:
    """The findings both front ends report on ``root`` (they must agree)."""
    ours, theirs = command(root, *args, "."), flake8(root, *args, ".")
    assert ours.returncode in (0, 1) and theirs.returncode in (0, 1), ours.stderr + theirs.stderr
    assert wsk(ours.stdout) == wsk(theirs.stdout), (ours.stdout, theirs.stdout)
    return wsk(ours.stdout)


# --- The command reads [flake8] ----------------------------------------------------------------


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini", ".flake8"])
def test_the_command_reads_flake8s_file(tmp_path: Path, name: str) -> None:
    tree(tmp_path, {"app.py": BUGGY, "lib/app.py": PROJECT_CODE, name: f"[flake8]\nextend-ignore = WSK205\n{KNOWLEDGE_CFG}"})
    assert same(tmp_path) == {("app.py", 3, "WSK102"), ("app.py", 5, "WSK201"), ("lib/app.py", 4, "WSK101")}


def test_the_first_file_with_a_flake8_section_counts_as_flake8_finds_it(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "setup.cfg": "[metadata]\nname = demo\n",  # no [flake8]: not flake8's file
            "tox.ini": "[flake8]\nextend-ignore = WSK1\n",
            ".flake8": "[flake8]\nextend-ignore = WSK2\n",  # after tox.ini: not read
            "pkg/sub/app.py": BUGGY,
        },
    )
    assert config.find_flake8_config(tmp_path / "pkg" / "sub") == tmp_path / "tox.ini"
    assert same(tmp_path) == {("pkg/sub/app.py", 4, "WSK205"), ("pkg/sub/app.py", 5, "WSK201")}
    found = command(tmp_path / "pkg" / "sub", "app.py")  # found from a subfolder, as flake8 finds it
    assert [row.split()[1] for row in found.stdout.splitlines()] == ["WSK205", "WSK201"]


def test_select_for_other_plugins_is_fine_in_flake8s_file(tmp_path: Path) -> None:
    tree(tmp_path, {"app.py": BUGGY, "setup.cfg": "[flake8]\nselect = E,F,C90,WSK2\n"})
    assert same(tmp_path) == {("app.py", 4, "WSK205"), ("app.py", 5, "WSK201")}
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = E,F\n")  # the plugin is not selected: nothing
    assert same(tmp_path) == set()
    (tmp_path / "setup.cfg").write_text("[flake8]\nselect = E,F,W\n")  # W also selects WSK (the W caveat)
    assert len(same(tmp_path)) == 3


def test_exclude_in_flake8s_file(tmp_path: Path) -> None:
    tree(tmp_path, {"app.py": BUGGY, "gen/app.py": BUGGY, "old_app.py": BUGGY, "setup.cfg": "[flake8]\nexclude = gen\nextend-exclude = old_*.py\n"})
    assert {path for path, _, _ in same(tmp_path)} == {"app.py"}


# --- per-file-ignores --------------------------------------------------------------------------


def test_per_file_ignores_as_flake8_applies_them(tmp_path: Path) -> None:
    files = {name: BUGGY for name in ["app.py", "tests/test_app.py", "tests/unit/test_core.py", "tools/posix.py"]}
    tree(tmp_path, files)
    (tmp_path / "setup.cfg").write_text(
        "[flake8]\n"
        "per-file-ignores =\n"
        "    tests/*: WSK2\n"
        "    tests/unit/*: WSK102\n"  # longer: wins for its files (WSK2 is not added to it)
        "    posix.py, app.py:WSK201 WSK205\n"
    )
    found = same(tmp_path)
    assert found == {
        ("app.py", 3, "WSK102"),
        ("tests/test_app.py", 3, "WSK102"),
        ("tests/unit/test_core.py", 4, "WSK205"),
        ("tests/unit/test_core.py", 5, "WSK201"),
        ("tools/posix.py", 3, "WSK102"),
    }


def test_per_file_ignores_in_pyproject(tmp_path: Path) -> None:
    tree(tmp_path, {"app.py": BUGGY, "tests/test_app.py": BUGGY})
    (tmp_path / "pyproject.toml").write_text(
        '[tool.flake8-winsock]\nextend-ignore = ["WSK205"]\n[tool.flake8-winsock.per-file-ignores]\n"tests/*" = ["WSK1"]\n'
    )
    result = command(tmp_path, ".")
    assert wsk(result.stdout) == {("app.py", 3, "WSK102"), ("app.py", 5, "WSK201"), ("tests/test_app.py", 5, "WSK201")}


def test_a_malformed_per_file_ignores_names_the_file(tmp_path: Path) -> None:
    tree(tmp_path, {"app.py": BUGGY, "setup.cfg": "[flake8]\nper-file-ignores = WSK1: tests/*\n"})
    result = command(tmp_path, ".")
    assert result.returncode == 2 and result.stderr.startswith("flake8-winsock: error: setup.cfg: [flake8] per-file-ignores: ")


# --- Unknown selectors -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args, pyproject, complaint",
    [
        (["--select", "WKS"], "", "argument --select: 'WKS' matches no flake8-winsock code"),
        (["--extend-ignore", "E501"], "", "argument --extend-ignore: 'E501' matches no flake8-winsock code"),
        (["--ignore", "wsk1"], "", "argument --ignore: 'wsk1' is not a code or code prefix"),
        ([], 'select = ["WKS"]', "pyproject.toml: [tool.flake8-winsock] select: 'WKS' matches no flake8-winsock code"),
        ([], 'extend-select = ["E"]', "pyproject.toml: [tool.flake8-winsock] extend-select: 'E' matches no"),
        ([], '[tool.flake8-winsock.per-file-ignores]\n"a.py" = ["WSK9999"]', "per-file-ignores: 'WSK9999' is not a code"),
    ],
)
def test_unknown_selectors_are_errors_in_the_command(tmp_path: Path, args: list[str], pyproject: str, complaint: str) -> None:
    tree(tmp_path, {"app.py": BUGGY, "pyproject.toml": f"[tool.flake8-winsock]\n{pyproject}\n"})
    result = command(tmp_path, *args, ".")
    assert result.returncode == 2 and result.stdout == "" and complaint in result.stderr, result.stderr


def test_prefixes_of_our_codes_are_selectors() -> None:
    assert all(config.known_prefix(code) for code in ["W", "WS", "WSK", "WSK1", "WSK10", "WSK102", "WSK9"])
    assert not any(config.known_prefix(code) for code in ["WKS", "E", "WSK4", "WSK1020", "wsk", ""])


# --- Errors name the option and the file --------------------------------------------------------


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini"])
def test_a_bad_value_in_flake8s_file_is_named_by_both_front_ends(tmp_path: Path, name: str) -> None:
    tree(tmp_path, {"app.py": BUGGY, name: "[flake8]\nwinsock-handle-sinks = not a name!\n"})
    expected = f"{name}: [flake8] winsock-handle-sinks: 'not a name!' is not a qualified name"
    ours, theirs = command(tmp_path, "."), flake8(tmp_path, ".")
    assert ours.returncode == theirs.returncode == 2
    assert ours.stderr.startswith(f"flake8-winsock: error: {expected}")
    assert theirs.stderr.startswith(f"flake8-winsock: {expected}") and "Traceback" not in theirs.stderr


def test_the_plugin_takes_a_value_with_spaces_as_one_name(tmp_path: Path) -> None:
    tree(tmp_path, {"app.py": BUGGY})
    result = flake8(tmp_path, "--winsock-socket-factories=a.b, not a name!", ".")
    assert result.returncode == 2
    assert result.stderr == "flake8-winsock: --winsock-socket-factories: 'not a name!' is not a qualified name (like 'mylib.net.connect')\n"


def test_a_bad_value_in_pyproject_is_named_by_both_front_ends(tmp_path: Path) -> None:
    tree(tmp_path, {"app.py": BUGGY, "pyproject.toml": '[tool.flake8-winsock]\nsocket-factories = ["my lib.connect"]\n'})
    expected = "pyproject.toml: [tool.flake8-winsock] socket-factories: 'my lib.connect' is not a qualified name"
    ours, theirs = command(tmp_path, "."), flake8(tmp_path, ".")
    assert (ours.returncode, theirs.returncode) == (2, 2)
    assert expected in ours.stderr and expected in theirs.stderr


# --- The plugin reads pyproject.toml; which place wins --------------------------------------------


def test_the_plugin_reads_the_project_knowledge_from_pyproject(tmp_path: Path) -> None:
    tree(tmp_path, {"lib/app.py": PROJECT_CODE, "pyproject.toml": f"[tool.flake8-winsock]\n{KNOWLEDGE_TOML}"})
    assert same(tmp_path) == {("lib/app.py", 4, "WSK101")}
    assert parse_flake8(flake8(tmp_path, "--isolated", ".").stdout) == {}  # --isolated: no configuration
    assert command(tmp_path, "--isolated", ".").stdout == ""
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / "pyproject.toml").rename(tmp_path / "elsewhere" / "pyproject.toml")
    (tmp_path / "elsewhere" / "setup.cfg").write_text("[flake8]\n")
    # --config names flake8's file; the pyproject.toml beside it is read, by both front ends
    assert same(tmp_path, "--config", "elsewhere/setup.cfg") == {("lib/app.py", 4, "WSK101")}


def test_beside_flake8s_file_and_flake8s_file_wins(tmp_path: Path) -> None:
    tree(
        tmp_path,
        {
            "sub/lib/app.py": PROJECT_CODE,
            "sub/pyproject.toml": '[tool.flake8-winsock]\nhandle-sinks = ["mylib.win.raw_read:0:WSK101"]\n',
            "pyproject.toml": f"[tool.flake8-winsock]\n{KNOWLEDGE_TOML}",
            "setup.cfg": "[flake8]\nwinsock-handle-sinks = mylib.win.raw_read:1:WSK103\n",
        },
    )
    # flake8's file is setup.cfg at the top; the pyproject.toml beside it gives the factories,
    # setup.cfg's sink beats the pyproject's; sub/pyproject.toml is not read (it is not beside it).
    found = same(tmp_path / "sub")
    assert found == {("lib/app.py", 4, "WSK103")}
