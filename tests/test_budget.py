"""The budget (``max-module-size``): a module past it gets one WSK900 that says so and what
to set, costs nearly nothing, and the run goes on. The budget is set small here; the
time and memory it bounds are measured in ``benchmarks/scaling.py``, never in a test."""

from __future__ import annotations

import ast
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from conftest import installed, run_flake8
from flake8_winsock import check_source
from flake8_winsock import cli
from flake8_winsock.finding import MAX_MODULE_SIZE
from flake8_winsock.project import for_settings

DEMO = (Path(__file__).parent.parent / "examples" / "demo.py").read_text()
# Dense socket code, as the scaling series makes it: every function a socket and a misuse.
DENSE = "def f{n}():\n    s = socket.socket()\n    x = {n} + 1\n    os.write(s.fileno(), b'data{n}')\n    return x\n\n"


def dense(functions: int) -> str:
    return "import os\nimport socket\n\n" + "".join(DENSE.format(n=n) for n in range(functions))


def test_a_module_past_the_budget_gets_one_wsk900_that_names_the_setting() -> None:
    source = dense(40)
    [finding] = check_source(source, "big.py", max_module_size=len(source) - 1)
    assert (finding.code, finding.line, finding.col) == ("WSK900", 1, 0)
    assert f"{len(source):,} characters" in finding.text and f"budget of {len(source) - 1:,}" in finding.text
    assert "max-module-size" in finding.text


def test_a_module_within_the_budget_is_analysed_whole() -> None:
    source = dense(40)
    found = check_source(source, "big.py", max_module_size=len(source))
    assert [f.code for f in found] == ["WSK201"] * 40


def test_a_module_that_cannot_hold_a_finding_is_silent_however_large() -> None:
    source = "import json\n" + "x = json.dumps([1, 2, 3])\n" * 5_000
    assert check_source(source, "data.py", max_module_size=100) == []


def test_past_the_budget_no_tree_is_built() -> None:
    """The bound is kept before Python's tree, the slice and LibCST: the memory it takes
    is a small part of the module's own text."""
    source = dense(20_000)  # about 2 MB
    tracemalloc.start()
    try:
        found = check_source(source, "big.py", max_module_size=10_000)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [f.code for f in found] == ["WSK900"]
    assert peak < len(source), f"{peak:,} bytes at the peak for a module of {len(source):,} characters"


def test_the_default_budget_takes_a_megabyte_of_dense_code() -> None:
    assert len(dense(9_200)) < MAX_MODULE_SIZE < len(dense(92_000))


def test_a_module_past_the_budget_is_not_summarised_for_its_importers(tmp_path: Path) -> None:
    """What a module past the budget gives is unknown (never evidence), as an unresolved import."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'p'\n")
    package = tmp_path / "pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    net = "import socket\n\n\ndef connect(host):\n    return socket.create_connection((host, 80))\n"
    (package / "net.py").write_text(net + "\n" * 200)
    worker = package / "worker.py"
    worker.write_text("import os\nfrom pkg.net import connect\n\nos.write(connect('h').fileno(), b'')\n")
    within = for_settings(no_cache=True, max_module_size=10_000)
    assert [f.code for f in check_source(worker.read_text(), str(worker), project=within)] == ["WSK201"]
    past = for_settings(no_cache=True, max_module_size=len(net))
    assert check_source(worker.read_text(), str(worker), project=past) == []


def test_flake8_reports_it_and_goes_on_with_the_other_files(tmp_path: Path) -> None:
    (tmp_path / "a_big.py").write_text(dense(30))
    (tmp_path / "b_demo.py").write_text(DEMO)
    result = run_flake8("--winsock-max-module-size=1000", ".", cwd=tmp_path)
    lines = sorted(result.stdout.splitlines())
    assert result.returncode == 1, result.stderr
    assert len(lines) == 2 and lines[0].startswith("./a_big.py:1:1: WSK900 file not analysed for socket handles: the module has")
    assert lines[1].startswith("./b_demo.py:5:1: WSK102 ")


def test_the_command_reads_the_setting_from_pyproject_and_its_switch(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flake8-winsock]\nmax-module-size = 1_000\n")
    (tmp_path / "big.py").write_text(dense(30))
    command = installed("flake8-winsock")
    result = subprocess.run([command, "--no-cache", "big.py"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1 and result.stdout.count("WSK900") == 1 and "budget of 1,000" in result.stdout
    result = subprocess.run(
        [command, "--no-cache", "--max-module-size", "100000", "big.py"], capture_output=True, text=True, cwd=tmp_path
    )
    assert result.returncode == 1 and result.stdout.count("WSK201") == 30 and "WSK900" not in result.stdout


@pytest.mark.parametrize("value", ["0", "-5", "many", "true"])
def test_a_budget_that_is_not_a_number_is_a_configuration_error(value: str, tmp_path: Path, monkeypatch, capsys) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "big.py").write_text(DEMO)
    (tmp_path / "pyproject.toml").write_text(f"[tool.flake8-winsock]\nmax-module-size = {value!r}\n".replace("'", '"'))
    assert cli.main(["--no-cache", "big.py"]) == 2
    assert "max-module-size: expected a number of characters" in capsys.readouterr().err
    result = subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", f"--winsock-max-module-size={value}", "big.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert result.returncode == 2 and "expected a number of characters" in result.stderr


def test_a_large_module_dense_with_misuses_skips_the_pre_pass_and_loses_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    from flake8_winsock import check

    source = dense(2_500)  # past DENSE_SIZE: every function writes to a socket's handle
    ordinary = source.replace("os.write(s.fileno(), ", "print(s, ")  # the same size, no misuse
    assert len(source) >= check.DENSE_SIZE
    in_strings = "import os\n" + "".join(f'TEXT{n} = """os.write(s.fileno(), data)"""\n' for n in range(9_000))
    assert len(in_strings) >= check.DENSE_SIZE
    for text, dense_ in ((source, True), (ordinary, False), (in_strings, False)):  # words in strings do not count
        assert check._dense(text, ast.parse(text), check.catalog.CATALOG) is dense_
    sliced: list[str] = []
    monkeypatch.setattr(check, "slice_module", lambda *args: sliced.append("sliced"))
    found = check_source(source, "dense.py")
    assert sliced == [] and len(found) == 2_500 and {f.code for f in found} == {"WSK201"}
