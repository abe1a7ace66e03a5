"""Exit codes that cannot lie, output files written whole or not at all, bad links.

0 no finding, 1 findings, 2 usage, configuration or input error, 3 internal error;
every error one line on stderr, never a traceback. ``-o`` is created only when the
run ends with 0 or 1.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import installed
from flake8_winsock import cli, reporters

BUGGY = "import socket, win32file\ns = socket.socket()\nwin32file.WriteFile(s.fileno(), b'')\n"
FIXABLE = "import os, socket\ns = socket.socket()\nos.close(s.fileno())\n"
CLEAN = "import socket\ns = socket.socket()\ns.sendall(b'')\n"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = cli.main(["-j", "1", *args])
    out, err = capsys.readouterr()
    return code, out, err


def command(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """The installed command, as CI runs it."""
    return subprocess.run([installed("flake8-winsock"), *args], cwd=cwd, capture_output=True, text=True, timeout=300)


def test_zero_one_two(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "ok.py").write_text(CLEAN)
    (project / "bug.py").write_text(BUGGY)
    assert run(capsys, "ok.py")[0] == 0
    assert run(capsys, "bug.py")[0] == 1
    assert run(capsys, "--exit-zero", "bug.py")[0] == 0
    code, out, err = run(capsys, "--exit-zero", "bug.py", "missing.py")
    assert (code, out) == (2, "") and err == "flake8-winsock: error: no such file or folder: missing.py\n"


def test_an_internal_error_is_three_and_one_line(capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (project / "bug.py").write_text(BUGGY)
    (project / "ok.py").write_text(CLEAN)

    def explode(*args: object, **kwargs: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "check_source", explode)  # one file's check fails
    code, _, err = run(capsys, "--exit-zero", "-o", "out.txt", "bug.py")
    assert code == 3 and err.splitlines()[0] == "flake8-winsock: bug.py: not checked: internal error (RuntimeError: boom)"
    assert not (project / "out.txt").exists()
    monkeypatch.undo()
    monkeypatch.chdir(project)
    monkeypatch.setitem(reporters.FORMATS, "text", explode)  # the run itself fails
    code, out, err = run(capsys, "bug.py")
    assert (code, out, err) == (3, "", "flake8-winsock: internal error: RuntimeError: boom\n")


def test_no_traceback_from_the_installed_command(project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    result = command("--config", "no-such.toml", "bug.py", cwd=project)
    assert result.returncode == 2 and result.stderr == "flake8-winsock: error: no-such.toml: no such file\n"


# --- Output files --------------------------------------------------------------------------


def test_output_file_in_a_missing_folder_is_a_usage_error_before_any_work(
    capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "bug.py").write_text(FIXABLE)
    monkeypatch.setattr(cli, "check_source", lambda *a, **k: pytest.fail("checked a file"))
    code, out, err = run(capsys, "--fix", "-o", "reports/out.sarif", "bug.py")
    assert (code, out) == (2, "") and err == "flake8-winsock: error: --output-file: no such folder: reports\n"
    assert (project / "bug.py").read_text() == FIXABLE  # nothing was fixed either
    assert run(capsys, "-o", ".", "bug.py")[0] == 2  # a folder is no output file


@pytest.mark.parametrize("failure", ["input error", "internal error"])
def test_a_failed_run_neither_creates_nor_truncates_the_output_file(
    capsys: pytest.CaptureFixture[str], project: Path, monkeypatch: pytest.MonkeyPatch, failure: str
) -> None:
    (project / "bug.py").write_text(BUGGY)
    (project / "gone.py").symlink_to("missing.py")
    if failure == "internal error":
        monkeypatch.setattr(cli, "check_source", lambda *a, **k: 1 / 0)
        paths = ["bug.py"]
    else:
        paths = ["bug.py", "gone.py"]
    code, _, err = run(capsys, "--format", "sarif", "-o", "new.sarif", *paths)
    assert code == (3 if failure == "internal error" else 2)
    assert not (project / "new.sarif").exists() and "no report written to new.sarif" in err
    (project / "old.sarif").write_text("the last good report")
    run(capsys, "--format", "sarif", "-o", "old.sarif", *paths)
    assert (project / "old.sarif").read_text() == "the last good report"


def test_the_output_file_is_written_whole_on_success(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    (project / "old.txt").write_text("x" * 10_000)
    assert run(capsys, "-o", "old.txt", "bug.py")[:2] == (1, "")
    assert (project / "old.txt").read_text().startswith("bug.py:3:1: WSK102 ")
    assert sorted(p.name for p in project.iterdir()) == ["bug.py", "old.txt", "pyproject.toml"]  # no temporary left
    (project / "ok.py").write_text(CLEAN)
    assert run(capsys, "--format", "json", "-o", "ok.json", "ok.py")[0] == 0
    assert (project / "ok.json").read_text() == "[]\n"


# --- Symbolic links ---------------------------------------------------------------------------


def test_link_loops_and_dangling_links_are_one_line_each_and_skipped(project: Path) -> None:
    # mkdir d; ln -s a.py d/b.py; ln -s b.py d/a.py: Path.resolve() raised RuntimeError on 3.10-3.12
    (project / "d").mkdir()
    (project / "d" / "b.py").symlink_to("a.py")
    (project / "d" / "a.py").symlink_to("b.py")
    (project / "d" / "gone.py").symlink_to("missing.py")
    (project / "d" / "real.py").write_text(BUGGY)
    result = command("d", cwd=project)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"flake8-winsock: {os.path.join('d', 'a.py')}: skipped: a symbolic link loop",
        f"flake8-winsock: {os.path.join('d', 'b.py')}: skipped: a symbolic link loop",
        f"flake8-winsock: {os.path.join('d', 'gone.py')}: skipped: a broken symbolic link (its target does not exist)",
    ]
    assert result.stdout.startswith(f"{os.path.join('d', 'real.py')}:3:1: WSK102 ")  # the others are checked
    named = command("d/a.py", cwd=project)
    assert named.returncode == 2 and named.stderr == "flake8-winsock: d/a.py: skipped: a symbolic link loop\n"


def test_exclude_patterns_match_links_as_named(project: Path) -> None:
    (project / "d").mkdir()
    (project / "d" / "b.py").symlink_to("a.py")
    (project / "d" / "a.py").symlink_to("b.py")
    (project / "d" / "gone.py").symlink_to("missing.py")
    (project / "d" / "real.py").write_text(BUGGY)
    result = command("--extend-exclude", "d/a.py,b.py,gone*", "d", cwd=project)
    assert (result.returncode, result.stderr) == (1, "")
    forced = command("--force-exclude", "--extend-exclude", "d/a.py", "d/a.py", cwd=project)
    assert (forced.returncode, forced.stdout, forced.stderr) == (0, "", "")


# --- Switches ---------------------------------------------------------------------------------


def test_force_exclude_applies_excludes_to_named_files(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.flake8-winsock]\nexclude = ["generated_*.py", "vendor/"]\n')
    (project / "generated_api.py").write_text(BUGGY)
    (project / "vendor").mkdir()
    (project / "vendor" / "lib.py").write_text(BUGGY)
    assert run(capsys, "generated_api.py")[0] == 1  # named: checked, as ruff and black do
    assert run(capsys, "--force-exclude", "generated_api.py", "vendor/lib.py")[:2] == (0, "")
    assert run(capsys, ".")[:2] == (0, "")  # found under a folder: excluded either way


def test_exit_non_zero_on_fix(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "mod.py").write_text(FIXABLE)
    code, out, err = run(capsys, "--fix", "--exit-non-zero-on-fix", "mod.py")
    assert (code, out) == (1, "") and err == "flake8-winsock: fixed 1 finding(s) in 1 file(s)\n"
    assert run(capsys, "--fix", "--exit-non-zero-on-fix", "mod.py")[0] == 0  # nothing left to fix
    assert run(capsys, "--exit-non-zero-on-fix", "mod.py")[0] == 2  # only with --fix


def test_fix_into_an_output_file_reports_what_remains(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "mod.py").write_text(FIXABLE + "os.fstat(s.fileno())\n")
    assert run(capsys, "--fix", "-o", "left.txt", "mod.py")[0] == 1
    assert (project / "left.txt").read_text().startswith("mod.py:4:1: WSK205 ") and "os.fstat" in (project / "left.txt").read_text()


def test_python_m_runs_the_command(project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    result = subprocess.run([sys.executable, "-m", "flake8_winsock", "bug.py"], cwd=project, capture_output=True, text=True)
    assert result.returncode == 1 and result.stdout.startswith("bug.py:3:1: WSK102 ")


def test_a_file_named_twice_is_checked_and_fixed_once(capsys: pytest.CaptureFixture[str], project: Path) -> None:
    (project / "mod.py").write_text(FIXABLE)
    (project / "link.py").symlink_to("mod.py")
    code, out, err = run(capsys, "mod.py", "./mod.py", str(project / "mod.py"))
    assert code == 1 and out.count("WSK205") == 1
    code, _, err = run(capsys, "--fix", "mod.py", "link.py", ".")
    assert code == 0 and err == "flake8-winsock: fixed 1 finding(s) in 1 file(s)\n"
    assert (project / "mod.py").read_text().endswith("\ns.close()\n") and (project / "link.py").is_symlink()
