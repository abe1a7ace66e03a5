"""``flake8-winsock``: the same findings as the flake8 plugin, plus fixes and more formats.

Every file goes through ``check_source``, the function the flake8 plugin calls, so
the findings are the plugin's. Around it: the files to check, ``--select``/``--ignore``
and ``# noqa`` decided as flake8 decides them, fixes (``fixes.py``), the output
formats (``reporters.py``) and ``[tool.flake8-winsock]`` settings (``config.py``).

Exit status: 0 no finding, 1 findings (or, with ``--diff``, fixes to make), 2 a usage,
configuration or input error, with a message on stderr.
"""

from __future__ import annotations

import argparse
import ast
import difflib
import fnmatch
import io
import os
import sys
import time
import tokenize
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import IO, Iterator, Optional, Sequence

from flake8.defaults import VALID_CODE_PREFIX
from flake8.utils import parse_comma_separated_list

from . import __version__, fixes, reporters
from .check import check_source
from .config import Config, ConfigError, Selection, find_pyproject, load
from .finding import Finding
from .noqa import Noqa
from .reporters import Report
from .rules import RULES


USAGE_ERROR = 2
MAX_FIX_ROUNDS = 5

# Folders never entered when a folder is searched (named files are still checked).
SKIPPED_DIRS = (
    ".git", ".hg", ".svn", ".bzr", "CVS", "__pycache__", ".tox", ".nox", ".eggs", "*.egg", "*.egg-info",
    ".venv", "venv", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist", "node_modules",
    "site-packages",
)  # fmt: skip


class UsageError(Exception):
    pass


# --- Reading and writing files ---------------------------------------------------------


@dataclass(frozen=True)
class Source:
    text: str  # newlines normalised to "\n", no BOM: the text flake8 hands its plugins
    encoding: str
    newline: str  # the file's own newline, restored when a fix is written


def decode(data: bytes) -> Source:
    """Bytes to text as flake8 reads them: the coding cookie or BOM, else latin-1."""
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        text = data.decode(encoding)
    except (SyntaxError, UnicodeDecodeError, LookupError):
        encoding, text = "latin-1", data.decode("latin-1")
    text = text.removeprefix("\ufeff")
    newline = "\r\n" if "\r\n" in text else "\r" if "\r" in text else "\n"
    return Source(text.replace("\r\n", "\n").replace("\r", "\n"), encoding, newline)


def encode(source: Source, text: str) -> bytes:
    return text.replace("\n", source.newline).encode(source.encoding)


# --- One file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What to do with each file; small and picklable, for the worker processes."""

    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    disable_noqa: bool = False
    mode: str = "report"  # "report", "diff" or "fix"
    unsafe: bool = False
    fix_info: bool = False  # say which findings have a fix (json)
    check_options: tuple[tuple[str, tuple[str, ...]], ...] = ()


@dataclass
class FileResult:
    path: str
    reports: list[Report] = field(default_factory=list)
    diff: str = ""
    fixed: int = 0
    output: Optional[str] = None  # stdin with --fix: the fixed text, for stdout
    error: Optional[str] = None  # the file could not be read: exit 2
    warning: Optional[str] = None  # fixes could not be made; the findings stand


@lru_cache(maxsize=None)
def _selection(job: Job) -> Selection:
    return Selection(job.select, job.ignore, job.extend_select, job.extend_ignore)


def _analyse(job: Job, path: str, text: str) -> tuple[list[Finding], list[Finding]]:
    """The reported findings of ``text``, and those of them whose fix may be made."""
    noqa = Noqa(text)
    if not job.disable_noqa and noqa.file_ignored:
        return [], []
    selection = _selection(job)
    findings = [
        f
        for f in check_source(text, path, **dict(job.check_options))
        if selection.wants(f.code) and (job.disable_noqa or not noqa.suppresses(f.code, f.line))
    ]
    fixable = [f for f in findings if f.fix is not None and not noqa.touches(f.code, f.line, f.end_line)]
    return findings, fixable


def _labelled(path: str, findings: list[Finding], fixable: list[Finding]) -> list[Report]:
    fix_of = {id(f): ("safe" if f.fix is not None and f.fix.safe else "unsafe") for f in fixable}
    return [Report(path, f, fix_of.get(id(f))) for f in findings]


def run_file(job: Job, path: str, data: Optional[bytes] = None, display: Optional[str] = None) -> FileResult:
    """Check one file (``data`` given for stdin), and fix it as ``job`` says."""
    shown = display or path
    result = FileResult(shown)
    try:
        if data is None:
            data = Path(path).read_bytes()
    except OSError as error:
        result.error = f"{shown}: cannot read it ({error.strerror or error})"
        return result
    source = decode(data)
    findings, fixable = _analyse(job, shown, source.text)
    result.reports = _labelled(shown, findings, fixable)
    chosen = [f for f in fixable if f.fix is not None and (f.fix.safe or job.unsafe)]
    if job.mode == "report" or not chosen:
        if job.mode == "fix" and path == "-":
            result.output = source.text
        return result
    fixed, count = source.text, 0
    for _ in range(MAX_FIX_ROUNDS):  # a fixed call inside another fixed call takes a second round
        fixed, left_out = fixes.apply(fixed, chosen)
        count += len(chosen) - left_out
        if not left_out:
            break
        chosen = [f for f in _analyse(replace(job, mode="report"), shown, fixed)[1] if f.fix and (f.fix.safe or job.unsafe)]
    try:
        ast.parse(fixed)
    except (SyntaxError, ValueError) as error:
        result.warning = f"{shown}: fixing would not give valid Python ({type(error).__name__}: {error})"
        return result
    result.fixed = count
    if job.mode == "diff":
        result.diff = "".join(difflib.unified_diff(source.text.splitlines(True), fixed.splitlines(True), shown, shown))
        return result
    if path == "-":
        result.output = fixed
    else:
        try:
            Path(path).write_bytes(encode(source, fixed))
        except OSError as error:
            result.error = f"{shown}: cannot write the fixes ({error.strerror or error})"
            return result
    remaining, fixable = _analyse(replace(job, mode="report"), shown, fixed)
    result.reports = _labelled(shown, remaining, fixable)
    return result


def checked(job: Job, path: str, data: Optional[bytes] = None, display: Optional[str] = None) -> FileResult:
    """``run_file`` that never raises: a failure costs this file, not the run."""
    try:
        return run_file(job, path, data, display)
    except Exception as error:
        shown = display or path
        return FileResult(shown, error=f"{shown}: not checked: internal error ({type(error).__name__}: {error})")


# --- Finding the files ---------------------------------------------------------------


class Excluder:
    """flake8's ``exclude``: a pattern matches the base name, or the path when it has a slash."""

    def __init__(self, patterns: Sequence[tuple[str, Path]]) -> None:
        self.patterns = [(p, str((root / p).resolve()) if "/" in p else None) for p, root in patterns]

    def __call__(self, path: str) -> bool:
        name, full = os.path.basename(path.rstrip("/")), str(Path(path).resolve())
        return any(fnmatch.fnmatch(name, p) or (whole and fnmatch.fnmatch(full, whole)) for p, whole in self.patterns)


def _skipped_dir(path: str, name: str) -> bool:
    if any(fnmatch.fnmatch(name, pattern) for pattern in SKIPPED_DIRS):
        return True
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))  # a virtualenv, whatever its name


def discover(paths: Sequence[str], excluded: Excluder) -> Iterator[str]:
    """The files to check: named files (unless excluded) and ``*.py`` under named folders."""
    for path in paths:
        if path == "-":
            yield path
        elif excluded(path):
            continue
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not _skipped_dir(os.path.join(folder, d), d) and not excluded(os.path.join(folder, d))
                )
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if name.endswith(".py") and not excluded(full):
                        yield full
        else:
            yield path


# --- Progress ---------------------------------------------------------------------------


class Progress:
    """``checked 120/900 files`` on stderr: only on a terminal, and once the run has taken a while."""

    def __init__(self, total: int, stream: IO[str], after: float = 1.0, clock=time.monotonic) -> None:
        self.total, self.stream, self.clock = total, stream, clock
        self.enabled = total > 1 and stream.isatty()
        self.start = clock()
        self.after = after
        self.done = 0
        self.last = -1.0
        self.shown = False

    def step(self) -> None:
        self.done += 1
        if not self.enabled:
            return
        now = self.clock()
        if now - self.start < self.after or now - self.last < 0.1:
            return
        self.last, self.shown = now, True
        self.stream.write(f"\rflake8-winsock: checked {self.done}/{self.total} files")
        self.stream.flush()

    def close(self) -> None:
        if self.shown:
            self.stream.write("\r\x1b[K")
            self.stream.flush()


# --- The command ------------------------------------------------------------------------


def _codes(value: str) -> list[str]:
    codes = parse_comma_separated_list(value)
    for code in codes:
        if not VALID_CODE_PREFIX.match(code):
            raise argparse.ArgumentTypeError(f"{code!r} is not a code or code prefix (like 'WSK' or 'WSK102')")
    return codes


def _jobs(value: str) -> int:
    if value == "auto":
        return os.cpu_count() or 1
    try:
        jobs = int(value)
    except ValueError:
        jobs = 0
    if jobs < 1:
        raise argparse.ArgumentTypeError(f"expected 'auto' or a positive number, got {value!r}")
    return jobs


def _rule_code(value: str) -> str:
    code = value.strip().upper()
    if code not in RULES:
        raise argparse.ArgumentTypeError(f"unknown rule {value!r} (known: {', '.join(RULES)})")
    return code


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="flake8-winsock",
        description="Find Windows socket handles handed to non-Winsock APIs: the flake8-winsock "
        "plugin's findings, with fixes and text, JSON, SARIF and GitHub output.",
        epilog="Exit status: 0 no finding, 1 findings, 2 usage, configuration or input error.",
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files and folders to check ('-' for stdin; default: .)")
    p.add_argument("--format", choices=sorted(reporters.FORMATS), default="text", help="output format (default: text)")
    p.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE instead of stdout")
    p.add_argument("--select", type=_codes, metavar="CODES", help="report only codes with these prefixes")
    p.add_argument("--ignore", type=_codes, metavar="CODES", help="do not report codes with these prefixes")
    p.add_argument("--extend-select", type=_codes, default=[], metavar="CODES", help="add to the selected codes")
    p.add_argument("--extend-ignore", type=_codes, default=[], metavar="CODES", help="add to the ignored codes")
    p.add_argument("--exclude", type=parse_comma_separated_list, metavar="PATTERNS", help="glob patterns of paths to skip")
    p.add_argument(
        "--extend-exclude", type=parse_comma_separated_list, default=[], metavar="PATTERNS", help="more patterns to skip"
    )
    p.add_argument("--disable-noqa", action="store_true", help="report findings on '# noqa' lines too")
    p.add_argument("-j", "--jobs", type=_jobs, default="auto", metavar="N", help="files checked in parallel (default: auto)")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    p.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what remains")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply the unsafe fixes")
    p.add_argument("--explain", type=_rule_code, metavar="CODE", help="print a rule's documentation")
    p.add_argument("--list-rules", action="store_true", help="print one line per rule: code, name, default, fix")
    p.add_argument("--config", type=Path, metavar="PYPROJECT", help="read [tool.flake8-winsock] from this file")
    p.add_argument("--isolated", action="store_true", help="read no configuration file")
    p.add_argument("--stdin-display-name", default="stdin", metavar="NAME", help="the name shown for '-'")
    p.add_argument("--version", action="version", version=f"flake8-winsock {__version__}")
    return p


def _config(args: argparse.Namespace) -> Config:
    if args.isolated:
        return Config()
    if args.config is not None:
        if not args.config.is_file():
            raise ConfigError(f"{args.config}: no such file")
        return load(args.config)
    return load(find_pyproject(Path.cwd()))


def _check_options(config: Config) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The project's own knowledge, for ``check_source``."""
    return (("socket_factories", config.socket_factories), ("handle_sinks", config.handle_sinks))


def _job(args: argparse.Namespace, config: Config) -> Job:
    select = args.select if args.select is not None else config.select
    ignore = args.ignore if args.ignore is not None else config.ignore
    return Job(
        select=tuple(select) if select is not None else None,
        ignore=tuple(ignore) if ignore is not None else None,
        extend_select=tuple(args.extend_select),
        extend_ignore=tuple(args.extend_ignore),
        disable_noqa=args.disable_noqa,
        mode="diff" if args.diff else "fix" if args.fix else "report",
        unsafe=args.unsafe_fixes,
        fix_info=args.format == "json",
        check_options=_check_options(config),
    )


def _excluder(args: argparse.Namespace, config: Config) -> Excluder:
    cwd = Path.cwd()
    if args.exclude is not None:
        patterns = [(p, cwd) for p in args.exclude]
    else:
        patterns = [(p, config.root) for p in config.exclude]
    return Excluder(patterns + [(p, cwd) for p in args.extend_exclude])


def _run(job: Job, files: list[str], jobs: int, stdin_name: str) -> list[FileResult]:
    progress = Progress(len(files), sys.stderr)
    results: dict[int, FileResult] = {}
    on_disk = [(i, f) for i, f in enumerate(files) if f != "-"]
    try:
        for i, f in enumerate(files):
            if f == "-":
                results[i] = checked(job, "-", sys.stdin.buffer.read(), stdin_name)
                progress.step()
        if jobs > 1 and len(on_disk) > 1:
            with ProcessPoolExecutor(max_workers=min(jobs, len(on_disk))) as pool:
                futures = {pool.submit(checked, job, f): i for i, f in on_disk}
                for future in as_completed(futures):
                    i = futures[future]
                    try:
                        results[i] = future.result()
                    except Exception as error:  # a worker died (BrokenProcessPool)
                        results[i] = FileResult(files[i], error=f"{files[i]}: not checked: {type(error).__name__}")
                    progress.step()
        else:
            for i, f in on_disk:
                results[i] = checked(job, f)
                progress.step()
    finally:
        progress.close()
    return [results[i] for i in range(len(files))]


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = parser().parse_args(argv)
    if args.list_rules:
        sys.stdout.write(reporters.list_rules())
        return 0
    if args.explain:
        sys.stdout.write(reporters.explain(args.explain))
        return 0
    try:
        if args.unsafe_fixes and not (args.fix or args.diff):
            raise UsageError("--unsafe-fixes applies with --fix or --diff")
        if args.fix and args.diff:
            raise UsageError("--fix and --diff exclude each other")
        config = _config(args)
        paths = args.paths or ["."]
        missing = [p for p in paths if p != "-" and not os.path.exists(p)]
        if missing:
            raise UsageError(f"no such file or folder: {', '.join(missing)}")
        if paths.count("-") > 1:
            raise UsageError("'-' (stdin) can be given once")
        job = _job(args, config)
        files = list(discover(paths, _excluder(args, config)))
    except (UsageError, ConfigError) as error:
        print(f"flake8-winsock: error: {error}", file=sys.stderr)
        return USAGE_ERROR

    results = _run(job, files, args.jobs, args.stdin_display_name)
    for result in results:
        for message in (result.warning, result.error):
            if message:
                print(f"flake8-winsock: {message}", file=sys.stderr)
    reports = [report for result in results for report in result.reports]
    failed = any(result.error for result in results)

    if job.mode == "diff":
        diff = "".join(result.diff for result in results)
        _write(args.output_file, diff)
        return USAGE_ERROR if failed else 1 if diff else 0
    stdin_fixed = [result.output for result in results if result.output is not None]
    if stdin_fixed:  # --fix on stdin: the fixed text is the output; findings go to stderr
        sys.stdout.write(stdin_fixed[0])
        if reports:
            sys.stderr.write(reporters.FORMATS[args.format](reports))
    else:
        _write(args.output_file, reporters.FORMATS[args.format](reports) if reports or args.format != "text" else "")
    if job.mode == "fix":
        fixed = sum(result.fixed for result in results)
        if fixed:
            files_fixed = sum(1 for result in results if result.fixed)
            print(f"flake8-winsock: fixed {fixed} finding(s) in {files_fixed} file(s)", file=sys.stderr)
    return USAGE_ERROR if failed else 1 if reports else 0


def _write(output_file: Optional[str], text: str) -> None:
    if output_file:
        Path(output_file).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)


if __name__ == "__main__":
    sys.exit(main())
