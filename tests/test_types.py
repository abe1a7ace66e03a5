"""The command and the plugin's front end are clean under ``mypy --strict``.

The files and settings are in ``[tool.mypy]`` of pyproject.toml. mypy and flake8's
stubs are not test dependencies: this test is skipped without them, and CI's
``types`` job installs them (``pip install mypy types-flake8``).
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _stubs_installed() -> bool:
    return any((Path(folder) / "flake8-stubs").is_dir() for folder in sys.path if folder)


@pytest.mark.skipif(
    importlib.util.find_spec("mypy") is None or not _stubs_installed(),
    reason="mypy and types-flake8 are not installed",
)
def test_mypy_strict() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
