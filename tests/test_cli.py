"""The ``flake8-winsock`` command: same findings as the plugin, formats, exit codes, noqa, config."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CASES, installed, parse_flake8, run_flake8
from flake8_winsock import cli, reporters
from flake8_winsock.rules import RULES

DEMO = Path(__file__).parent.parent / "examples" / "demo.py"
BUGGY = (
    "import os\n"
    "import socket\n"
    "import win32file\n"
    "\n"
    "s = socket.create_connection(('example.com', 80))\n"
    "win32file.WriteFile(s.fileno(), b'GET')\n"
    "data = os.read(s.fileno(), 10)\n"
)
CLEAN = "import socket\n\ns = socket.create_connection(('example.com', 80))\ns.sendall(b'GET')\n"


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = cli.main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    """An empty project folder as the current folder, with a pyproject.toml of its own."""
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'demo'\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def codes(out: str) -> list[str]:
    return [line.split(": ", 1)[1].split()[0] for line in out.splitlines()]


# --- Same findings as the flake8 plugin ---------------------------------------------------


def test_text_output_is_flake8s_output_on_every_eval_file(capsys) -> None:
    flake8 = run_flake8(str(CASES))
    code, out, _ = run(capsys, "-j", "2", str(CASES))
    assert sorted(out.splitlines()) == sorted(flake8.stdout.splitlines())
    assert code == 1 and out


def test_sarif_results_are_the_plugins_findings(capsys) -> None:
    expected = {
        (Path(p).name, int(line), int(col), message)
        for p, line, col, message in (row.split(":", 3) for row in run_flake8(str(CASES)).stdout.splitlines())
    }
    _, out, _ = run(capsys, "--format", "sarif", str(CASES))
    results = json.loads(out)["runs"][0]["results"]
    got = {
        (
            Path(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]).name,
            r["locations"][0]["physicalLocation"]["region"]["startLine"],
            r["locations"][0]["physicalLocation"]["region"]["startColumn"],
            f" {r['ruleId']} {r['message']['text']}",  # the message does not repeat the code
        )
        for r in results
    }
    assert got == expected and len(results) == len(expected)


# --- Output formats -------------------------------------------------------------------


def test_sarif_has_what_code_scanning_needs(capsys, project: Path) -> None:
    (project / "src").mkdir()
    (project / "src" / "bug.py").write_text(BUGGY)
    _, out, _ = run(capsys, "--format", "sarif", ".")
    log = json.loads(out)
    assert log["$schema"].endswith("sarif-2.1.0.json") and log["version"] == "2.1.0"
    driver = log["runs"][0]["tool"]["driver"]
    assert driver["name"] == "flake8-winsock" and driver["version"] and driver["informationUri"].startswith("https://")
    assert [r["id"] for r in driver["rules"]] == list(RULES)
    for entry in driver["rules"]:
        rule = RULES[entry["id"]]
        assert entry["name"] == rule.name and entry["helpUri"] == rule.help_uri
        assert entry["shortDescription"]["text"] == rule.summary and entry["fullDescription"]["text"] == rule.what
        assert rule.why in entry["help"]["text"] and rule.why in entry["help"]["markdown"]
    first = log["runs"][0]["results"][0]
    location = first["locations"][0]["physicalLocation"]
    assert first["ruleId"] == "WSK102" and first["message"]["text"].startswith("socket handle from 's'")
    assert driver["rules"][first["ruleIndex"]]["id"] == "WSK102"
    assert location["artifactLocation"]["uri"] == "src/bug.py"
    assert location["region"] == {"startLine": 6, "startColumn": 1, "endLine": 6, "endColumn": 40}


def test_json_is_one_object_per_finding(capsys, project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    code, out, _ = run(capsys, "--format", "json", "bug.py")
    items = json.loads(out)
    assert code == 1
    assert [(i["path"], i["line"], i["column"], i["code"]) for i in items] == [
        ("bug.py", 6, 1, "WSK102"),
        ("bug.py", 7, 8, "WSK201"),
    ]
    assert items[0]["message"].startswith("WSK102 ") and items[0]["fixable"] is False
    assert items[1]["fixable"] is True and items[1]["fix_safety"] == "safe"


def test_json_of_a_clean_run_is_an_empty_array(capsys, project: Path) -> None:
    (project / "ok.py").write_text(CLEAN)
    assert run(capsys, "--format", "json", "ok.py")[:2] == (0, "[]\n")


def test_github_annotations_are_escaped(capsys, project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    _, out, _ = run(capsys, "--format", "github", "./bug.py")
    first = out.splitlines()[0]
    assert first.startswith("::error file=bug.py,line=6,col=1,endLine=6,endColumn=40,title=WSK102::WSK102 socket")
    assert reporters.escape_data("100%\r\nnext") == "100%25%0D%0Anext"
    assert reporters.escape_property("a:b,c%\n") == "a%3Ab%2Cc%25%0A"


# --- Exit codes and paths -----------------------------------------------------------------


def test_exit_codes(capsys, project: Path) -> None:
    (project / "ok.py").write_text(CLEAN)
    (project / "bug.py").write_text(BUGGY)
    assert run(capsys, "ok.py")[:2] == (0, "")
    assert run(capsys, "bug.py")[0] == 1
    code, out, err = run(capsys, "ok.py", "missing.py")
    assert (code, out) == (2, "") and "missing.py" in err
    with pytest.raises(SystemExit) as usage:
        cli.main(["--select", "not-a-code", "ok.py"])
    assert usage.value.code == 2


def test_folders_are_searched_and_tool_folders_skipped(capsys, project: Path) -> None:
    for folder in [".git", "venv", ".tox", "__pycache__", "build", "env-with-cfg", "src/pkg"]:
        (project / folder).mkdir(parents=True)
        (project / folder / "bug.py").write_text(BUGGY)
    (project / "env-with-cfg" / "pyvenv.cfg").write_text("home = /usr\n")
    (project / "src" / "pkg" / "notes.txt").write_text(BUGGY)
    _, out, _ = run(capsys, ".")
    assert {line.split(":")[0] for line in out.splitlines()} == {os.path.join(".", "src", "pkg", "bug.py")}
    _, out, _ = run(capsys, "build/bug.py")  # a file named on the command line is checked
    assert out.startswith("build/bug.py:6:1: WSK102 ")


def test_stdin(capsys, monkeypatch, project: Path) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BUGGY.encode())))
    code, out, _ = run(capsys, "--stdin-display-name", "piped.py", "-")
    assert code == 1 and out.startswith("piped.py:6:1: WSK102 ")


def test_parallel_and_serial_runs_agree(capsys) -> None:
    assert run(capsys, "-j", "1", str(CASES)) == run(capsys, "-j", "2", str(CASES))


def test_progress_shows_only_on_a_terminal_for_a_long_run() -> None:
    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    now = [0.0]
    stream = Terminal()
    progress = cli.Progress(3, stream, clock=lambda: now[0])
    progress.step()  # quick so far: nothing shown
    now[0] = 2.0
    progress.step()
    progress.close()
    assert stream.getvalue() == "\rflake8-winsock: checked 2/3 files\r\x1b[K"
    quiet = cli.Progress(3, io.StringIO(), after=0.0)  # not a terminal
    quiet.step()
    assert not quiet.enabled


# --- Selection and noqa, as flake8 decides them ---------------------------------------------


@pytest.mark.parametrize(
    "options",
    [[], ["--ignore=WSK102"], ["--select=WSK2"], ["--select=WSK", "--ignore=WSK1"], ["--select=WSK102", "--ignore=WSK1"]],
    ids=str,
)
def test_select_and_ignore_decide_as_flake8_does(capsys, project: Path, options: list[str]) -> None:
    (project / "bug.py").write_text(BUGGY)
    flake8 = run_flake8(*options, "bug.py", cwd=project)
    assert codes(run(capsys, *options, "bug.py")[1]) == codes(flake8.stdout)


NOQA_CASES = (
    "import os, socket, win32file\n"
    "s = socket.socket()\n"
    "win32file.WriteFile(s.fileno(), b'')  # noqa\n"
    "win32file.WriteFile(s.fileno(), b'')  # noqa: WSK102\n"
    "win32file.WriteFile(s.fileno(), b'')  # NOQA:WSK1,E501\n"
    "win32file.WriteFile(s.fileno(), b'')  # noqa: E501\n"
    "win32file.WriteFile(\n"
    "    s.fileno(), b''\n"
    ")  # noqa: WSK102\n"
    "os.read(s.fileno(), 1)  # noqa: WSK102\n"
)


def test_noqa_is_honoured_as_flake8_honours_it(capsys, project: Path) -> None:
    (project / "noqa.py").write_text(NOQA_CASES)
    flake8 = parse_flake8(run_flake8("noqa.py", cwd=project).stdout)["noqa.py"]
    _, out, _ = run(capsys, "noqa.py")
    ours = {(int(line.split(":")[1]), codes(line)[0]) for line in out.splitlines()}
    # flake8 reads the comment on the reported line only: the closing line of a call does not count.
    assert ours == flake8 == {(6, "WSK102"), (7, "WSK102"), (10, "WSK201")}
    assert run(capsys, "--disable-noqa", "noqa.py")[1].count("\n") == 6
    (project / "skipped.py").write_text("# flake8: noqa\n" + BUGGY)
    assert run(capsys, "skipped.py")[:2] == (0, "")


# --- Rules -------------------------------------------------------------------------------


def test_explain_prints_the_rule_page(capsys) -> None:
    code, out, _ = run(capsys, "--explain", "WSK103")
    assert code == 0 and "socket.share" in out and RULES["WSK103"].why in out
    with pytest.raises(SystemExit) as unknown:
        cli.main(["--explain", "WSK999"])
    assert unknown.value.code == 2


def test_list_rules_has_one_line_per_code(capsys) -> None:
    code, out, _ = run(capsys, "--list-rules")
    lines = out.splitlines()
    assert code == 0 and [line.split()[0] for line in lines] == list(RULES)
    by_code = {line.split()[0]: line.split() for line in lines}
    assert by_code["WSK102"][1:] == ["socket-handle-to-writefile", "on", "fix:", "none"]
    assert by_code["WSK201"][-1] == "safe" and by_code["WSK203"][-1] == "unsafe"


# --- Configuration ---------------------------------------------------------------------------


def test_pyproject_settings_apply(capsys, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.flake8-winsock]\n"
        'ignore = ["WSK201"]\n'
        'exclude = ["generated", "legacy_*.py"]\n'
        'socket-factories = ["mylib.net.connect"]\n'
        'handle-sinks = ["mylib.win.raw_write:0"]\n'
    )
    for name in ["app.py", "legacy_x.py", "generated/app.py"]:
        (project / name).parent.mkdir(exist_ok=True)
        (project / name).write_text(BUGGY)
    _, out, _ = run(capsys, ".")
    assert out.splitlines() == [f"{os.path.join('.', 'app.py')}:6:1: WSK102 " + out.split(" WSK102 ", 1)[1].splitlines()[0]]
    assert codes(run(capsys, "--ignore=WSK9", "app.py")[1]) == ["WSK102", "WSK201"]  # the command line wins
    assert codes(run(capsys, "--isolated", "app.py")[1]) == ["WSK102", "WSK201"]


def test_pyproject_project_knowledge_applies(capsys, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.flake8-winsock]\n"
        'socket-factories = ["mylib.net.connect"]\n'
        'handle-sinks = ["mylib.win.raw_read:1:WSK101"]\n'
    )
    (project / "app.py").write_text(
        "from mylib.net import connect\nfrom mylib.win import raw_read\n"
        "conn = connect(('h', 1))\nraw_read(64, conn.fileno())\nraw_read(conn.fileno(), 64)\n"
    )
    assert codes(run(capsys, "app.py")[1]) == ["WSK101"]
    assert codes(run(capsys, "--isolated", "app.py")[1]) == []


@pytest.mark.parametrize(
    "setting, complaint",
    [
        ('selekt = ["WSK"]', "unknown key 'selekt'"),
        ('select = "WSK"', "expected a list of strings"),
        ('ignore = ["wsk-102"]', "'wsk-102' is not a code"),
        ('socket-factories = ["my lib.connect"]', "is not a qualified name"),
        ('handle-sinks = ["mylib.raw_write:first"]', "is not a qualified name with an optional handle position"),
        ("select = [", "not valid TOML"),
    ],
)
def test_bad_settings_are_a_clear_error(capsys, project: Path, setting: str, complaint: str) -> None:
    (project / "pyproject.toml").write_text(f"[tool.flake8-winsock]\n{setting}\n")
    (project / "ok.py").write_text(CLEAN)
    code, out, err = run(capsys, "ok.py")
    assert (code, out) == (2, "") and complaint in err and "pyproject.toml" in err


# --- The installed command --------------------------------------------------------------------


def test_installed_command_runs_as_users_run_it(tmp_path: Path) -> None:
    command = installed("flake8-winsock")  # the console script installed with the package
    (tmp_path / "demo.py").write_text(DEMO.read_text())
    result = subprocess.run([command, "demo.py"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 1, result.stderr
    assert result.stdout == run_flake8("demo.py", cwd=tmp_path).stdout


# --- SARIF as GitHub code scanning reads it ---------------------------------------------------------
# GitHub's "SARIF support for code scanning" lists what it reads: $schema, version 2.1.0, runs[].
# tool.driver (name, rules[] with id, shortDescription.text, fullDescription.text of at most 1000
# characters, help.text, defaultConfiguration.level), results[] with ruleId, level, message.text,
# locations[0].physicalLocation (artifactLocation.uri relative to the repository, region with
# startLine/startColumn/endLine/endColumn) and partialFingerprints, of which it uses
# primaryLocationLineHash.

LEVELS = {"none", "note", "warning", "error"}
UNANALYSABLE = "import socket, win32file\ns = socket.socket() if 0 else(lambda:())\nwin32file.WriteFile(s.fileno(), b'')\n"


def check_github_sarif(log: dict) -> list[dict]:
    assert log["$schema"].endswith("sarif-2.1.0.json") and log["version"] == "2.1.0"
    (run_,) = log["runs"]
    driver = run_["tool"]["driver"]
    assert isinstance(driver["name"], str) and driver["rules"]
    for rule in driver["rules"]:
        assert rule["id"] and rule["shortDescription"]["text"] and rule["help"]["text"]
        assert 0 < len(rule["fullDescription"]["text"]) <= 1000
        assert rule["defaultConfiguration"]["level"] in LEVELS
    ids = [rule["id"] for rule in driver["rules"]]
    for result in run_["results"]:
        assert result["ruleId"] in ids and ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in LEVELS
        assert result["message"]["text"] and not result["message"]["text"].startswith(result["ruleId"])
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert "://" not in uri and not uri.startswith(("/", "./")) and "\\" not in uri
        region = location["region"]
        assert all(isinstance(region[k], int) and region[k] >= 1 for k in ("startLine", "startColumn", "endLine", "endColumn"))
        fingerprints = result["partialFingerprints"]
        assert isinstance(fingerprints["primaryLocationLineHash"], str)
        assert all(isinstance(k, str) and isinstance(v, str) for k, v in fingerprints.items())
    return run_["results"]


def sarif_of(capsys, *paths: str) -> list[dict]:
    code, out, _ = run(capsys, "--format", "sarif", *paths)
    assert code == 1
    return check_github_sarif(json.loads(out))


def test_sarif_is_what_github_reads_with_levels(capsys, project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    (project / "odd.py").write_text(UNANALYSABLE)
    results = sarif_of(capsys, "bug.py", "odd.py")
    assert {(r["ruleId"], r["level"]) for r in results} == {("WSK102", "error"), ("WSK201", "error"), ("WSK900", "warning")}
    rules = json.loads(run(capsys, "--format", "sarif", "bug.py")[1])["runs"][0]["tool"]["driver"]["rules"]
    assert {r["id"]: r["defaultConfiguration"]["level"] for r in rules}["WSK900"] == "warning"
    assert all(r["defaultConfiguration"]["level"] == "error" for r in rules if r["id"] != "WSK900")


def test_sarif_fingerprints_follow_the_line_not_its_number(capsys, project: Path) -> None:
    (project / "bug.py").write_text(BUGGY)
    before = {r["ruleId"]: r["partialFingerprints"]["primaryLocationLineHash"] for r in sarif_of(capsys, "bug.py")}
    moved = BUGGY.replace("import win32file\n", "import win32file\n\n\n# moved down\n")
    moved = moved.replace("data = os.read(s.fileno(), 10)\n", "if True:\n    data  =  os.read(s.fileno(), 10)\n")
    (project / "bug.py").write_text(moved)
    after = sarif_of(capsys, "bug.py")
    assert [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after] == [9, 11]
    assert {r["ruleId"]: r["partialFingerprints"]["primaryLocationLineHash"] for r in after} == before
    (project / "other.py").write_text(BUGGY)  # the same line in another file: another alert
    assert {r["partialFingerprints"]["primaryLocationLineHash"] for r in sarif_of(capsys, "other.py")}.isdisjoint(before.values())


def test_identical_lines_get_distinct_fingerprints(capsys, project: Path) -> None:
    (project / "twice.py").write_text(BUGGY + "data = os.read(s.fileno(), 10)\n")
    hashes = [r["partialFingerprints"]["primaryLocationLineHash"] for r in sarif_of(capsys, "twice.py") if r["ruleId"] == "WSK201"]
    assert len(hashes) == 2 and hashes[0].split(":")[0] == hashes[1].split(":")[0]
    assert [h.split(":")[1] for h in hashes] == ["1", "2"]
