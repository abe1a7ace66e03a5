"""The eval files, through the real flake8 entry point.

Each file under ``tests/cases/`` states its expected findings as trailing
``# error: WSKnnn`` comments; files without any must stay silent.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EXPECTED, case_files, expected_findings, parse_flake8, run_flake8


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.name)
def test_case_findings_are_exactly_the_expected_ones(path: Path, flake8_on_cases) -> None:
    assert flake8_on_cases.get(path.name, set()) == expected_findings(path)


def test_cases_cover_both_bugs_and_clean_look_alikes() -> None:
    files = case_files()
    assert any(expected_findings(p) for p in files)
    assert any(not expected_findings(p) for p in files)


def _with_noqa(text: str, noqa: str) -> str:
    return "\n".join(
        EXPECTED.sub(lambda m: f"{noqa}  {m.group(0)}".replace("{codes}", m.group(1)), line)
        for line in text.splitlines()
    )


@pytest.mark.parametrize("noqa", ["# noqa", "# noqa: {codes}"])
def test_noqa_on_every_expected_line_silences_every_case(tmp_path: Path, noqa: str) -> None:
    buggy = [p for p in case_files() if expected_findings(p)]
    for path in buggy:
        (tmp_path / path.name).write_text(_with_noqa(path.read_text(encoding="utf-8"), noqa), encoding="utf-8")
    result = run_flake8(str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert parse_flake8(result.stdout) == {}


def test_noqa_for_another_code_does_not_silence(tmp_path: Path) -> None:
    path = next(p for p in case_files() if expected_findings(p))
    (tmp_path / path.name).write_text(_with_noqa(path.read_text(encoding="utf-8"), "# noqa: E501"), encoding="utf-8")
    assert parse_flake8(run_flake8(str(tmp_path)).stdout)[path.name] == expected_findings(path)
