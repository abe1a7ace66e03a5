"""A release users can pin: the sdist and the wheel build, and the wheel, installed
into a fresh virtual environment, runs the README's example.

It needs ``build`` (the test extra) and a package index with hatchling, flake8 and
LibCST (PyPI, or the one pip is configured with): the build backend and the wheel's
dependencies are installed as a user's pip installs them.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tarfile
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
README_LINE = (
    "examples/demo.py:5:1: WSK102 socket handle from 's' (socket.create_connection() at line 4) "
    "passed to win32file.WriteFile; use s.sendall() or win32file.WSASend()\n"
)


def run(*args: str | Path, cwd: Path = ROOT, timeout: int = 900) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(a) for a in args], cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build", reason="the test extra installs build")
    out = tmp_path_factory.mktemp("dist")
    result = run(sys.executable, "-m", "build", "--outdir", out, ROOT)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return out


def test_the_sdist_and_the_wheel_hold_what_a_release_needs(dist: Path) -> None:
    import flake8_winsock

    (sdist,) = dist.glob("flake8_winsock-*.tar.gz")
    (wheel,) = dist.glob("flake8_winsock-*-py3-none-any.whl")
    assert sdist.name == f"flake8_winsock-{flake8_winsock.__version__}.tar.gz"
    with tarfile.open(sdist) as archive:
        names = {name.split("/", 1)[1] for name in archive.getnames() if "/" in name}
    assert {"pyproject.toml", "README.md", "LICENSE", "CHANGELOG.md", "examples/demo.py", "flake8_winsock/cli.py"} <= names
    with zipfile.ZipFile(wheel) as archive:
        metadata = archive.read(f"flake8_winsock-{flake8_winsock.__version__}.dist-info/METADATA").decode()
        entry_points = archive.read(f"flake8_winsock-{flake8_winsock.__version__}.dist-info/entry_points.txt").decode()
        assert "flake8_winsock/py.typed" in archive.namelist()
    for url in ("Homepage", "Documentation", "Source", "Issues", "Changelog"):
        assert f"Project-URL: {url}, https://" in metadata
    for version in ("3.10", "3.11", "3.12", "3.13", "3.14"):
        assert f"Classifier: Programming Language :: Python :: {version}" in metadata
    assert "WSK = flake8_winsock.plugin:Plugin" in entry_points and "flake8-winsock = flake8_winsock.cli:main" in entry_points


def test_the_wheel_in_a_fresh_venv_runs_the_readme_example(dist: Path, tmp_path: Path) -> None:
    (wheel,) = dist.glob("flake8_winsock-*.whl")
    venv = tmp_path / "venv"
    assert run(sys.executable, "-m", "venv", venv).returncode == 0
    scripts = venv / ("Scripts" if os.name == "nt" else "bin")
    python = scripts / ("python.exe" if os.name == "nt" else "python")
    install = run(python, "-m", "pip", "install", "--disable-pip-version-check", "-q", wheel)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]

    result = run(scripts / "flake8", "--select=WSK", "examples/demo.py")  # the README's first command
    assert (result.returncode, result.stdout) == (1, README_LINE), result.stderr
    command = run(scripts / "flake8-winsock", "examples/demo.py")
    assert (command.returncode, command.stdout) == (1, README_LINE), command.stderr
    version = run(scripts / "flake8", "--version")
    assert "flake8-winsock" in version.stdout
