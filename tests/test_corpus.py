"""The installed standard library, tests included: no finding, no crash."""

from __future__ import annotations

import sysconfig
import tokenize
from pathlib import Path

from flake8_winsock import check_source


def stdlib_files() -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(p for p in root.rglob("*.py") if "site-packages" not in p.parts)


def test_standard_library_gives_no_finding() -> None:
    files = stdlib_files()
    assert len(files) > 1000
    reported = {}
    for path in files:
        try:
            with tokenize.open(path) as handle:
                source = handle.read()
        except (SyntaxError, UnicodeDecodeError):
            continue  # test data that is not Python; flake8 would say E902
        findings = check_source(source, str(path))
        if findings:
            reported[str(path)] = [f.message for f in findings]
    assert reported == {}
