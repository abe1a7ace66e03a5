"""Shared helpers: the eval files and their expected findings, flake8 runs."""

from __future__ import annotations

import ast
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Optional
from unittest import mock

import pytest

from flake8_winsock import check as check_module
from flake8_winsock import check_source
from flake8_winsock.finding import Finding
from flake8_winsock.slicing import Slice

CASES = Path(__file__).parent / "cases"
EXPECTED = re.compile(r"#\s*error:\s*(WSK\d{3}(?:\s*,\s*WSK\d{3})*)")
FLAKE8_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>WSK\d{3}) ")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-examples",
        type=int,
        default=None,
        help="generated programs per fuzz strategy (default 60, or $FLAKE8_WINSOCK_FUZZ_EXAMPLES)",
    )


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.py"))


def expected_findings(path: Path) -> set[tuple[int, str]]:
    """(line, code) for every ``# error: WSKnnn`` comment in an eval file."""
    found = set()
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        match = EXPECTED.search(line)
        if match:
            found.update((number, code.strip()) for code in match.group(1).split(","))
    return found


def run_flake8(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """The installed flake8, as a user runs it, selecting only this plugin's codes."""
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--select=WSK", "--jobs=2", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=600,
    )


def installed(script: str) -> str:
    """The console script installed with the Python running the tests (its venv need not be
    on PATH), else the one on PATH."""
    beside = Path(sys.executable).parent / (script + (".exe" if os.name == "nt" else ""))
    found = str(beside) if beside.is_file() else shutil.which(script)
    assert found, f"{script} is installed with the package"
    return found


def parse_flake8(stdout: str) -> dict[str, set[tuple[int, str]]]:
    by_file: dict[str, set[tuple[int, str]]] = {}
    for line in stdout.splitlines():
        match = FLAKE8_LINE.match(line)
        if match:
            by_file.setdefault(Path(match["path"]).name, set()).add((int(match["line"]), match["code"]))
    return by_file


@pytest.fixture(scope="session")
def flake8_on_cases() -> dict[str, set[tuple[int, str]]]:
    """One flake8 run over every eval file, findings by file name."""
    result = run_flake8(str(CASES))
    assert result.returncode in (0, 1), result.stderr
    return parse_flake8(result.stdout)


def through_the_slice(source: str, tree: Optional[ast.Module] = None) -> list[Finding]:
    """What the full path reports, as flake8 calls it: gate, slice, LibCST, model."""
    return check_source(source, "mod.py", python_parsed=True, tree=tree or ast.parse(source))


def whole_file(source: str, tree: Optional[ast.Module] = None) -> list[Finding]:
    """What the model reports when LibCST is given the whole file (the slicer left out)."""
    with mock.patch.object(check_module, "slice_module", lambda text, parsed, vocabulary: Slice(text)):
        return check_source(source, "mod.py", python_parsed=True, tree=tree or ast.parse(source))


def libcst_refused(findings: list[Finding]) -> bool:
    """LibCST could not parse the whole file; the slice may then find more (what it parsed)."""
    return any(f.code == "WSK900" and "LibCST" in f.text for f in findings)
