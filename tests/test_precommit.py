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
    environment.update(
        PRE_COMMIT_HOME=str(tmp_path_factory.mktemp("pre-commit-home")),
        GIT_AUTHOR_NAME="test",
        GIT_AUTHOR_EMAIL="test@example.invalid",
        GIT_COMMITTER_NAME="test",
        GIT_COMMITTER_EMAIL="test@example.invalid",
        GIT_CONFIG_GLOBAL=os.devnull,
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
