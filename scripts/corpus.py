#!/usr/bin/env python3
"""Run flake8-winsock over a corpus and list what it reports, with counts and timing.

    python scripts/corpus.py                     # every installed site-packages directory
    python scripts/corpus.py DIR [DIR ...]       # ... and these directories (or files)
    python scripts/corpus.py --no-site-packages DIR
    python scripts/corpus.py --in-process DIR    # check_source per file: also the slowest files
    python scripts/corpus.py --json out.json DIR

By default each directory goes through the installed flake8 as users run it
(``python -m flake8 --isolated --select=WSK``), so flake8 decides which files are
Python and how they are read. With ``--in-process`` the files (``*.py``) are read as
flake8 reads them and handed to ``flake8_winsock.check_source`` one by one, which
also times each file. Every finding is printed with its source line, so that it can
be judged; WSK900s are grouped by reason. Exit status: 0, whatever was found (this
is a survey, not a gate); 2 if flake8 itself failed.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import site
import subprocess
import sys
import sysconfig
import time
import tokenize
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

RESULT = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<code>WSK\d{3}) (?P<text>.*)$")


@dataclass
class Report:
    root: str
    files: int = 0
    analysed: int = -1  # files past the gate (in process only)
    seconds: float = 0.0
    findings: list[dict] = field(default_factory=list)
    not_analysed: list[dict] = field(default_factory=list)  # WSK900
    slowest: list[tuple[float, str]] = field(default_factory=list)
    plugin_failures: list[str] = field(default_factory=list)  # other flake8 plugins that failed on a file
    flake8_errors: str = ""


def site_packages() -> list[Path]:
    """Every site-packages directory of this interpreter (system, user, virtualenv)."""
    found = []
    candidates = [*site.getsitepackages(), site.getusersitepackages(), sysconfig.get_paths()["purelib"]]
    for entry in candidates:
        path = Path(entry)
        if path.is_dir() and path.resolve() not in {p.resolve() for p in found}:
            found.append(path)
    return found


def python_files(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*.py") if p.is_file())


def read_as_flake8(path: Path) -> str:
    """The text flake8 hands a plugin: decoded by the coding cookie, else latin-1."""
    try:
        with tokenize.open(path) as handle:
            lines = handle.readlines()
    except (SyntaxError, UnicodeError):
        with open(path, encoding="latin-1") as handle:
            lines = handle.readlines()
    if lines and lines[0][:1] == "\ufeff":
        lines[0] = lines[0][1:]
    return "".join(lines)


def source_line(path: str, line: int) -> str:
    try:
        return read_as_flake8(Path(path)).splitlines()[line - 1].strip()
    except (OSError, IndexError):
        return ""


def record(report: Report, path: str, line: int, col: int, code: str, text: str) -> None:
    entry = {"path": path, "line": line, "col": col, "code": code, "text": text, "source": source_line(path, line)}
    (report.not_analysed if code == "WSK900" else report.findings).append(entry)


PLUGIN_FAILED = re.compile(r'^(?P<path>.+?): "(?P<plugin>[^"]+)" failed during execution due to (?P<error>.*)$')
BATCH_FILES = 400  # files per flake8 run: a plugin's failure aborts the run it is in


def batches(root: Path) -> list[list[Path]]:
    """The root's top-level entries in groups of about BATCH_FILES files."""
    if root.is_file():
        return [[root]]
    groups: list[list[Path]] = [[]]
    count = 0
    for entry in sorted(root.iterdir()):
        if entry.name == "__pycache__" or entry.name.endswith((".dist-info", ".egg-info")):
            continue
        size = len(python_files(entry)) if entry.is_dir() else int(entry.suffix == ".py")
        if not size:
            continue
        if count and count + size > BATCH_FILES:
            groups.append([])
            count = 0
        groups[-1].append(entry)
        count += size
    return [g for g in groups if g]


def through_flake8(root: Path, jobs: int) -> Report:
    """flake8 over the root, a batch at a time. When another plugin fails on a file
    (pyflakes overflows on some generated code), flake8 stops the whole run: the batch
    is run again without that file, and the file is checked in process instead."""
    report = Report(str(root), files=len(python_files(root)))
    start = time.perf_counter()
    for batch in batches(root):
        excluded: list[str] = []
        while True:
            command = [sys.executable, "-m", "flake8", "--isolated", "--select=WSK", f"--jobs={jobs}", "--exit-zero"]
            if excluded:
                command.append("--extend-exclude=" + ",".join(excluded))
            result = subprocess.run([*command, *map(str, batch)], capture_output=True, text=True)
            failed = [m for m in map(PLUGIN_FAILED.match, result.stdout.splitlines()) if m]
            if failed and failed[0]["path"] not in excluded:
                path = failed[0]["path"]
                excluded.append(path)
                report.plugin_failures.append(f"{path}: {failed[0]['plugin']} failed ({failed[0]['error']})")
                alone = in_process(Path(path))
                for f in alone.findings + alone.not_analysed:
                    record(report, f["path"], f["line"], f["col"], f["code"], f["text"] + " [in process]")
                continue
            break
        other = []
        for output in result.stdout.splitlines():
            match = RESULT.match(output)
            if match:
                record(report, match["path"], int(match["line"]), int(match["col"]) - 1, match["code"], match["text"])
            else:
                other.append(output)
        said = result.stdout + result.stderr
        if result.returncode != 0 or "Traceback" in said or "failed during execution" in said:
            said = "\n".join([*other, result.stderr.strip()]).strip()
            report.flake8_errors += f"flake8 exited with {result.returncode}" + (f": {said}\n" if said else "\n")
    report.seconds = time.perf_counter() - start
    return report


def in_process(root: Path) -> Report:
    from flake8_winsock import check_source
    from flake8_winsock.gate import may_contain_finding

    report = Report(str(root), analysed=0)
    times = []
    start = time.perf_counter()
    for path in python_files(root):
        report.files += 1
        try:
            source = read_as_flake8(path)
        except OSError:
            continue
        report.analysed += may_contain_finding(source)
        began = time.perf_counter()
        findings = check_source(source, str(path))
        times.append((time.perf_counter() - began, str(path)))
        for f in findings:
            record(report, str(path), f.line, f.col, f.code, f.text)
    report.seconds = time.perf_counter() - start
    report.slowest = sorted(times, reverse=True)[:10]
    return report


def show(report: Report) -> None:
    rate = report.files / report.seconds if report.seconds else 0.0
    gate = f", {report.analysed} past the gate" if report.analysed >= 0 else ""
    print(f"== {report.root}: {report.files} .py files{gate} in {report.seconds:.1f}s ({rate:.0f} files/s)")
    codes = Counter(f["code"] for f in report.findings)
    print(f"   findings: {len(report.findings)} {dict(sorted(codes.items()))}; WSK900: {len(report.not_analysed)}")
    for f in report.findings:
        print(f"   {f['path']}:{f['line']}:{f['col'] + 1}: {f['code']} {f['text']}")
        print(f"       | {f['source']}")
    reasons = Counter(re.sub(r"\d+", "N", f["text"].split(": ", 1)[-1])[:90] for f in report.not_analysed)
    for reason, count in reasons.most_common():
        print(f"   WSK900 x{count}: {reason}")
    for f in report.not_analysed:
        print(f"   {f['path']}:{f['line']}:{f['col'] + 1}: WSK900 {f['text'][:160]}")
    for failure in report.plugin_failures:
        print(f"   another plugin failed, file checked in process: {failure}")
    for seconds, path in report.slowest:
        print(f"   slow: {seconds:.2f}s {path}")
    if report.flake8_errors:
        print(f"   flake8 FAILED: {report.flake8_errors[-2000:]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, help="directories or files to run over as well")
    parser.add_argument("--no-site-packages", action="store_true", help="only the paths given")
    parser.add_argument("--in-process", action="store_true", help="check_source per file instead of flake8")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="flake8 --jobs (default: all CPUs)")
    parser.add_argument("--json", type=Path, help="write every report here")
    options = parser.parse_args(argv)
    roots = ([] if options.no_site_packages else site_packages()) + list(options.paths)
    if not roots:
        parser.error("nothing to run over")
    reports = []
    for root in roots:
        report = in_process(root) if options.in_process else through_flake8(root, options.jobs)
        show(report)
        reports.append(report)
    total_files = sum(r.files for r in reports)
    total_seconds = sum(r.seconds for r in reports)
    findings = sum(len(r.findings) for r in reports)
    not_analysed = sum(len(r.not_analysed) for r in reports)
    print(f"== total: {total_files} files, {findings} findings, {not_analysed} WSK900, {total_seconds:.1f}s")
    if options.json:
        options.json.write_text(json.dumps([asdict(r) for r in reports], indent=2, ensure_ascii=False))
    return 2 if any(r.flake8_errors for r in reports) else 0


if __name__ == "__main__":
    sys.exit(main())
