"""The pre-commit hooks, run by the real ``pre-commit`` as a user's config names them.

The hook repository is a temporary git repository holding this working tree's package
files, committed there, so the test does not depend on what is committed here.
pre-commit installs it into a virtualenv of its own, as it does for users.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import installed

ROOT = Path(__file__).parent.parent
PACKAGE_FILES = ["pyproject.toml", "README.md", "LICENSE", ".pre-commit-hooks.yaml"]
BUGGY = (
    "import os\nimport socket\nimport win32file\n\n"
    "s = socket.create_connection(('example.com', 80))\n"
    "win32file.WriteFile(s.fileno(), b'GET')\n"
)
FIXABLE = "import os\nimport socket\n\ns = socket.create_connection(('example.com', 80))\ndata = os.read(s.fileno(), 10)\n"
CLEAN = "import socket\n\ns = socket.create_connection(('example.com', 80))\ns.sendall(b'GET')\n"


def git(*args: str, cwd: Path, env: dict) -> str:
    return subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True, text=True).stdout.strip()


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("PRE_COMMIT", "GIT_"))}
    empty = tmp_path_factory.mktemp("git-config") / "config"
    empty.write_text("")  # no user's git configuration (an empty file: os.devnull need not be one)
    environment.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_GLOBAL=str(empty),
        GIT_CONFIG_NOSYSTEM="1",
    )
    return environment


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory, env: dict) -> tuple[Path, str]:
    """This working tree's package, committed in a git repository of its own: (path, commit)."""
    repo = tmp_path_factory.mktemp("flake8-winsock")
    for name in PACKAGE_FILES:
        shutil.copy(ROOT / name, repo / name)
    shutil.copytree(ROOT / "flake8_winsock", repo / "flake8_winsock", ignore=shutil.ignore_patterns("__pycache__"))
    git("init", "-q", "-b", "main", cwd=repo, env=env)
    git("add", ".", cwd=repo, env=env)
    git("commit", "-q", "-m", "flake8-winsock", cwd=repo, env=env)
    return repo, git("rev-parse", "HEAD", cwd=repo, env=env)


def user_project(tmp_path: Path, hook_repo: tuple[Path, str], env: dict, hook: str, files: dict[str, str]) -> Path:
    repo, commit = hook_repo
    project = tmp_path / "project"
    project.mkdir(parents=True)
    (project / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo}\n    rev: {commit}\n    hooks:\n      - id: {hook}\n"
    )
    for name, text in files.items():
        (project / name).parent.mkdir(parents=True, exist_ok=True)
        (project / name).write_text(text)
    git("init", "-q", "-b", "main", cwd=project, env=env)
    git("add", ".", cwd=project, env=env)
    return project


def pre_commit(project: Path, env: dict) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", "run", "--all-files", "--color=never"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )


def test_lint_hook_fails_on_the_bug_and_passes_on_clean_code(tmp_path: Path, hook_repo, env: dict) -> None:
    buggy = user_project(tmp_path / "a", hook_repo, env, "flake8-winsock", {"app.py": BUGGY})
    result = pre_commit(buggy, env)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "app.py:6:1: WSK102 socket handle from 's'" in result.stdout

    clean = user_project(tmp_path / "b", hook_repo, env, "flake8-winsock", {"app.py": CLEAN})
    result = pre_commit(clean, env)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Passed" in result.stdout


def test_fix_hook_applies_the_safe_fix_then_passes(tmp_path: Path, hook_repo, env: dict) -> None:
    project = user_project(tmp_path, hook_repo, env, "flake8-winsock-fix", {"app.py": FIXABLE})
    first = pre_commit(project, env)
    assert first.returncode == 1, first.stdout + first.stderr  # it changed a file
    assert (project / "app.py").read_text() == FIXABLE.replace("os.read(s.fileno(), 10)", "s.recv(10)")
    second = pre_commit(project, env)
    assert second.returncode == 0, second.stdout + second.stderr


# --- One configuration: flake8, the command and both hooks report the same -----------------------

PARITY_FILES = {
    "app.py": (
        "import os, socket, win32file\n"
        "from mylib.net import connect\n"
        "from mylib.win import raw_read\n\n"
        "s = socket.socket()\n"
        "win32file.WriteFile(s.fileno(), b'')\n"
        "data = os.read(s.fileno(), 10)\n"
        "os.fstat(s.fileno())\n"
        "conn = connect(('cache', 9400))\n"
        "raw_read(64, conn.fileno())\n"
        "os.close(conn.fileno())  # noqa: WSK205\n"
    ),
    "tests/test_app.py": "import os, socket\n\ns = socket.socket()\nos.close(s.fileno())\nos.dup(s.fileno())\n",
    "gen/api.py": BUGGY,
}
CONFIGURATIONS = {
    "setup.cfg": (
        "[flake8]\n"
        "select = E,F,W,C90,WSK\n"
        "extend-ignore = E,F,W1,W2,W3,W5,W6,WSK204\n"
        "per-file-ignores =\n"
        "    tests/*: WSK205\n"
        "exclude = gen\n"
        "winsock-socket-factories = mylib.net.connect\n"
        "winsock-handle-sinks = mylib.win.raw_read:1:WSK101\n"
    ),
    "pyproject.toml": (
        "[project]\nname = 'demo'\n\n"
        "[tool.flake8-winsock]\n"
        'socket-factories = ["mylib.net.connect"]\n'
        'handle-sinks = ["mylib.win.raw_read:1:WSK101"]\n'
    ),
}


def found_in(output: str) -> set[tuple[str, int, str]]:
    """(path, line, code) of each WSK finding printed, as flake8 and the hooks print them."""
    found = set()
    for row in output.splitlines():
        parts = row.split(":", 3)
        if len(parts) == 4 and parts[1].isdigit() and parts[3].split()[:1] and parts[3].split()[0].startswith("WSK"):
            found.add((os.path.normpath(parts[0]), int(parts[1]), parts[3].split()[0]))
    return found


def flake8_findings(project: Path) -> set[tuple[str, int, str]]:
    result = subprocess.run([sys.executable, "-m", "flake8", "."], cwd=project, capture_output=True, text=True)
    assert result.returncode in (0, 1), result.stderr
    return found_in(result.stdout)


@pytest.mark.parametrize("configuration", sorted(CONFIGURATIONS))
def test_flake8_the_command_and_both_hooks_agree(tmp_path: Path, hook_repo, env: dict, configuration: str) -> None:
    files = {**PARITY_FILES, configuration: CONFIGURATIONS[configuration]}
    lint = user_project(tmp_path / "lint", hook_repo, env, "flake8-winsock", files)
    expected = flake8_findings(lint)
    assert ("app.py", 6, "WSK102") in expected and ("app.py", 10, "WSK101") in expected  # the project's knowledge
    command = subprocess.run([installed("flake8-winsock"), "."], cwd=lint, capture_output=True, text=True)
    assert found_in(command.stdout) == expected, command.stdout + command.stderr
    hook = pre_commit(lint, env)
    assert hook.returncode == 1 and found_in(hook.stdout) == expected, hook.stdout + hook.stderr

    fix = user_project(tmp_path / "fix", hook_repo, env, "flake8-winsock-fix", files)
    hook = pre_commit(fix, env)
    assert hook.returncode == 1, hook.stdout + hook.stderr  # it fixed files
    assert "s.recv(10)" in (fix / "app.py").read_text() and "os.close(conn.fileno())  # noqa" in (fix / "app.py").read_text()
    assert found_in(hook.stdout) == flake8_findings(fix), hook.stdout  # what it reports is what remains
    again = pre_commit(fix, env)
    assert again.returncode == (1 if flake8_findings(fix) else 0) and not again.stdout.count("files were modified")
