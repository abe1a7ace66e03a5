"""``flake8-winsock``: the same findings as the flake8 plugin, plus fixes and more formats.

Every file goes through ``check_source``, the function the flake8 plugin calls, so
the findings are the plugin's. Around it: the files to check, ``--select``/``--ignore``,
``per-file-ignores`` and ``# noqa`` decided as flake8 decides them, the settings
both front ends read (``config.py``), fixes made as text edits that keep every other
byte of the file (``edits.py``, ``sourcefile.py``) and the output formats
(``reporters.py``).

Exit status: 0 no finding, 1 findings (with ``--diff``: fixes to make), 2 a usage,
configuration or input error (a file that cannot be read, checked or written), 3 an
internal error. Each error is one line on stderr. An output file (``-o``) is written
whole, and only when the run ends with 0 or 1.
"""

from __future__ import annotations

import argparse
import ast
import errno
import fnmatch
import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import IO, Callable, Iterable, Iterator, Optional, Sequence, Union

from flake8.utils import normalize_paths, parse_comma_separated_list

from . import __version__, config, reporters
from .check import check_source
from .project import Project, for_settings
from .project.cache import FOLDER
from .config import ConfigError, PerFile, Selection, Settings
from .edits import Rewrite, apply, choose, fix_edits, line_starts, unified_diff
from .finding import MAX_MODULE_SIZE, Finding
from .noqa import Noqa
from .reporters import Report
from .rules import RULES
from .sourcefile import SourceFile, WriteError, write_atomically

USAGE_ERROR = 2
INTERNAL_ERROR = 3
MAX_ROUNDS = 10  # fix rounds: a fix that overlapped one already made is made in the next round

# Folders never entered when a folder is searched (named files are still checked).
SKIPPED_DIRS = (
    ".git", ".hg", ".svn", ".bzr", "CVS", "__pycache__", ".tox", ".nox", ".eggs", "*.egg", "*.egg-info",
    ".venv", "venv", ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist", "node_modules",
    "site-packages",
)  # fmt: skip


class UsageError(Exception):
    pass


# --- One file ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """What to do with each file; small and picklable, for the worker processes."""

    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    extend_select: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    per_file_ignores: PerFile = ()
    disable_noqa: bool = False
    mode: str = "report"  # "report", "diff" or "fix"
    unsafe: bool = False
    fix_info: bool = False  # say which findings have a fix (json)
    socket_factories: tuple[str, ...] = ()
    handle_sinks: tuple[str, ...] = ()
    posix_decorators: tuple[str, ...] = ()
    source_roots: tuple[str, ...] = ()
    cache_dir: Optional[str] = None
    no_cache: bool = False
    no_project: bool = False
    max_module_size: int = MAX_MODULE_SIZE


@lru_cache(maxsize=4)
def _project(job: Job) -> Project:
    """The project view and cache of a run, one in each worker process."""
    knowledge = (job.socket_factories, job.handle_sinks, job.posix_decorators)
    return for_settings(job.source_roots, job.cache_dir, job.no_cache, knowledge, job.no_project, job.max_module_size)


@dataclass
class FileResult:
    path: str
    reports: list[Report] = field(default_factory=list)
    diff: bytes = b""
    fixed: int = 0  # fixes written (or, with --diff, that would be)
    output: Optional[bytes] = None  # stdin with --fix: the bytes to print
    error: Optional[str] = None  # not read, not checked or not written: exit 2
    internal: Optional[str] = None  # an internal error: exit 3
    warning: Optional[str] = None  # fixes could not be made; the findings stand


class NotFixed(Exception):
    """The file's fixes cannot be made; the message says why."""


@lru_cache(maxsize=None)
def _selection(job: Job, extra_ignore: tuple[str, ...]) -> Selection:
    return Selection(job.select, job.ignore, job.extend_select, job.extend_ignore + extra_ignore)


def _findings(job: Job, path: str, text: str) -> tuple[list[Finding], Noqa]:
    """The findings of ``text`` that are reported: selected, and not silenced by ``# noqa``.
    Each carries its fix, made by the run that reported it."""
    noqa = Noqa(text)
    if not job.disable_noqa and noqa.file_ignored:
        return [], noqa
    selection = _selection(job, config.per_file_codes(path, job.per_file_ignores))
    findings = [
        f
        for f in check_source(
            text,
            path,
            socket_factories=job.socket_factories,
            handle_sinks=job.handle_sinks,
            posix_decorators=job.posix_decorators,
            project=_project(job) if path != "-" else None,
            max_module_size=job.max_module_size,
        )
        if selection.wants(f.code) and (job.disable_noqa or not noqa.suppresses(f.code, f.line))
    ]
    return findings, noqa


def _fix_label(finding: Finding, noqa: Noqa) -> Optional[str]:
    """"safe" or "unsafe" for a finding whose fix would be made; never on a ``# noqa`` line."""
    if finding.fix is None or noqa.touches(finding.code, finding.line, finding.end_line or finding.line):
        return None
    return "safe" if finding.fix.safe else "unsafe"


def _reports(path: str, text: str, findings: list[Finding], noqa: Noqa) -> list[Report]:
    starts = line_starts(text) if findings else []

    def line_text(number: int) -> str:
        return text[starts[number - 1] : starts[number]].rstrip("\r\n") if 0 < number < len(starts) else ""

    return [Report(path, f, _fix_label(f, noqa), line_text(f.line)) for f in findings]


def _python(text: str) -> None:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError) as error:
        raise NotFixed(f"fixing would not give valid Python ({type(error).__name__}: {error})") from None


def _fix(job: Job, path: str, text: str, findings: list[Finding], noqa: Noqa) -> tuple[Rewrite, int]:
    """The fixes ``job`` wants, made as text edits, in as many rounds as overlapping fixes
    need; and how many were made."""
    rewrite = Rewrite(text)
    made = 0
    for round_ in range(MAX_ROUNDS):
        labels = [(f, _fix_label(f, noqa)) for f in findings]
        wanted = [f for f, label in labels if label == "safe" or (label == "unsafe" and job.unsafe)]
        chosen, left = choose(fix_edits(rewrite.text, wanted))
        if not chosen:
            break
        fixed = apply(rewrite.text, chosen)
        try:
            _python(fixed)
        except NotFixed:
            if round_ == 0:
                raise
            break  # keep the rounds already made, each of them Python
        rewrite.make(chosen)
        made += len(chosen)
        if not left:
            break
        findings, noqa = _findings(job, path, rewrite.text)
    return rewrite, made


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
    source = SourceFile.decode(data)
    findings, noqa = _findings(job, shown, source.text)
    result.reports = _reports(shown, source.text, findings, noqa)
    if job.mode == "fix" and path == "-":
        result.output = data  # the bytes read, unless fixed below
    if job.mode == "report" or result.warning:
        return result
    try:
        rewrite, made = _fix(job, shown, source.text, findings, noqa)
    except NotFixed as error:
        result.warning = f"{shown}: {error}"
        return result
    edits = rewrite.edits()
    if not edits:
        return result
    if job.mode == "diff":
        result.diff = unified_diff(shown, source.text, edits).encode(source.encoding.replace("-sig", ""), "replace")
        result.fixed = made
        return result
    try:
        fixed = source.encode(rewrite.text)
        if path == "-":
            result.output = fixed
        else:
            write_atomically(path, fixed)
    except WriteError as error:
        result.error = f"{shown}: not fixed: {error}"
        return result
    result.fixed = made
    remaining, noqa = _findings(job, shown, rewrite.text)
    result.reports = _reports(shown, rewrite.text, remaining, noqa)
    return result


def checked(job: Job, path: str, data: Optional[bytes] = None, display: Optional[str] = None) -> FileResult:
    """``run_file`` that never raises: an internal error costs this file, not the run."""
    try:
        return run_file(job, path, data, display)
    except Exception as error:
        shown = display or path
        return FileResult(shown, internal=f"{shown}: not checked: internal error ({type(error).__name__}: {error})")


# --- Finding the files ---------------------------------------------------------------


def _skipped_dir(path: str, name: str) -> bool:
    if any(fnmatch.fnmatch(name, pattern) for pattern in SKIPPED_DIRS):
        return True
    return os.path.isfile(os.path.join(path, "pyvenv.cfg"))  # a virtualenv, whatever its name


def _bad_link(path: str) -> Optional[str]:
    """Why a symbolic link cannot be followed (a loop, a missing target); None if it can."""
    if not os.path.islink(path):
        return None
    try:
        os.stat(path)
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "skipped: a symbolic link loop"
        if error.errno == errno.ENOENT:
            return "skipped: a broken symbolic link (its target does not exist)"
        return f"skipped: cannot follow the symbolic link ({error.strerror or error})"
    return None


def _excluded_as_named(path: str, excluded: Callable[[str], bool]) -> bool:
    """``--force-exclude``: whether a named path, or a folder it is in, is excluded.

    pre-commit names files (``vendor/lib.py``); ``exclude = vendor`` must cover them.
    Folders above the current folder are not looked at.
    """
    if excluded(path):
        return True
    current = os.path.normpath(path)
    if os.path.isabs(current):
        relative = os.path.relpath(current)
        if relative.startswith(os.pardir):
            return False
        current = relative
    while True:
        current = os.path.dirname(current)
        if current in ("", os.curdir) or current.startswith(os.pardir):
            return False
        if excluded(current):
            return True


@dataclass(frozen=True)
class Found:
    path: str
    problem: Optional[str] = None  # why it is not checked (reported, exit 2)


def discover(paths: Sequence[str], excluded: Callable[[str], bool], force_exclude: bool = False) -> Iterator[Found]:
    """The files to check: named files, and ``*.py`` under named folders.

    Exclude patterns match paths as given, before any link is followed; files and
    folders named on the command line are excluded only with ``force_exclude``.
    """
    for path in paths:
        if path == "-":
            yield Found(path)
        elif force_exclude and _excluded_as_named(path, excluded):
            continue
        elif _bad_link(path):
            yield Found(path, _bad_link(path))
        elif os.path.isdir(path):
            for folder, dirs, files in os.walk(path):
                dirs[:] = sorted(
                    d for d in dirs if not _skipped_dir(os.path.join(folder, d), d) and not excluded(os.path.join(folder, d))
                )
                for name in sorted(files):
                    full = os.path.join(folder, name)
                    if name.endswith(".py") and not excluded(full):
                        yield Found(full, _bad_link(full))
        else:
            yield Found(path)


# --- Progress ---------------------------------------------------------------------------


class Progress:
    """``checked 120/900 files`` on stderr: only on a terminal, and once the run has taken a while."""

    def __init__(self, total: int, stream: IO[str], after: float = 1.0, clock: Callable[[], float] = time.monotonic) -> None:
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
    """A command-line code list: each a prefix of at least one of this plugin's codes."""
    codes = parse_comma_separated_list(value)
    try:
        config.check_codes(codes, "", exact=True)
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix(": ")) from None
    return codes


def _patterns(value: str) -> list[str]:
    """A command-line pattern list, made absolute as flake8 makes them (from the current folder)."""
    return normalize_paths(parse_comma_separated_list(value))


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


EPILOG = (
    "Exit status: 0 no finding, 1 findings, 2 usage, configuration or input error, 3 internal error. "
    "Settings are read from flake8's configuration file ([flake8] in setup.cfg, tox.ini or .flake8) "
    "and from [tool.flake8-winsock] in pyproject.toml."
)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="flake8-winsock",
        description="Find Windows socket handles handed to non-Winsock APIs: the flake8-winsock "
        "plugin's findings, with fixes and text, JSON, SARIF and GitHub output.",
        epilog=EPILOG,
    )
    p.add_argument("paths", nargs="*", metavar="PATH", help="files and folders to check ('-' for stdin; default: .)")
    p.add_argument("--format", choices=sorted(reporters.FORMATS), default="text", help="output format (default: text)")
    p.add_argument(
        "-o", "--output-file", metavar="FILE", help="write the report to FILE, whole, and only if the run succeeds (exit 0 or 1)"
    )
    p.add_argument("--select", type=_codes, metavar="CODES", help="report only codes with these prefixes")
    p.add_argument("--ignore", type=_codes, metavar="CODES", help="do not report codes with these prefixes")
    p.add_argument("--extend-select", type=_codes, metavar="CODES", help="add to the selected codes")
    p.add_argument("--extend-ignore", type=_codes, metavar="CODES", help="add to the ignored codes")
    p.add_argument("--exclude", type=_patterns, metavar="PATTERNS", help="glob patterns of paths to skip")
    p.add_argument("--extend-exclude", type=_patterns, metavar="PATTERNS", help="more patterns to skip")
    p.add_argument(
        "--force-exclude", action="store_true", help="apply the exclude patterns to paths named on the command line too"
    )
    p.add_argument("--disable-noqa", action="store_true", help="report findings on '# noqa' lines too")
    p.add_argument("-j", "--jobs", type=_jobs, default="auto", metavar="N", help="files checked in parallel (default: auto)")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    p.add_argument("--fix", action="store_true", help="apply the safe fixes, then report what remains")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff, also apply the unsafe fixes")
    p.add_argument("--exit-zero", action="store_true", help="exit 0 when there are findings (errors still exit 2 or 3)")
    p.add_argument(
        "--exit-non-zero-on-fix", action="store_true", help="with --fix, exit 1 when a file was fixed, even if nothing remains"
    )
    p.add_argument("--explain", type=_rule_code, metavar="CODE", help="print a rule's documentation")
    p.add_argument("--list-rules", action="store_true", help="print one line per rule: code, name, default, fix")
    p.add_argument(
        "--config",
        type=Path,
        metavar="FILE",
        help="read the settings from FILE (a pyproject.toml, or a flake8 file: setup.cfg, tox.ini, .flake8) "
        "instead of the files found from the current folder",
    )
    p.add_argument("--isolated", action="store_true", help="read no configuration file")
    p.add_argument("--no-project", action="store_true", help="analyse every module alone (also no-project = true)")
    p.add_argument("--no-cache", action="store_true", help="keep no cache: analyse every file (also no-cache = true)")
    p.add_argument("--cache-dir", metavar="FOLDER", help=f"where the cache is kept (default: {FOLDER}; also cache-dir)")
    p.add_argument(
        "--max-module-size",
        type=_size,
        metavar="CHARACTERS",
        help=f"the budget: a larger module is not analysed, one WSK900 says so (default {MAX_MODULE_SIZE:,}; "
        "also max-module-size)",
    )
    p.add_argument("--stdin-display-name", default="stdin", metavar="NAME", help="the name shown for '-'")
    p.add_argument("--version", action="version", version=f"flake8-winsock {__version__}")
    return p


def _settings(args: argparse.Namespace) -> Settings:
    flake8_file, pyproject = config.locate(Path.cwd(), args.config, args.isolated)
    return config.load(flake8_file, pyproject)


def _job(args: argparse.Namespace, settings: Settings) -> Job:
    def given(name: str, default: Optional[Sequence[str]]) -> Optional[tuple[str, ...]]:
        value = getattr(args, name)
        chosen = value if value is not None else default
        return tuple(chosen) if chosen is not None else None

    return Job(
        select=given("select", settings.select),
        ignore=given("ignore", settings.ignore),
        extend_select=given("extend_select", settings.extend_select) or (),
        extend_ignore=given("extend_ignore", settings.extend_ignore) or (),
        per_file_ignores=settings.per_file_ignores,
        disable_noqa=args.disable_noqa,
        mode="diff" if args.diff else "fix" if args.fix else "report",
        unsafe=args.unsafe_fixes,
        fix_info=args.format == "json",
        socket_factories=settings.socket_factories,
        handle_sinks=settings.handle_sinks,
        posix_decorators=settings.posix_decorators,
        source_roots=settings.source_roots,
        cache_dir=os.path.abspath(args.cache_dir) if args.cache_dir else settings.cache_dir,
        no_cache=args.no_cache or settings.no_cache,
        no_project=args.no_project or settings.no_project,
        max_module_size=args.max_module_size or settings.max_module_size or MAX_MODULE_SIZE,
    )


def _size(text: str) -> int:
    try:
        return int(config.project_setting(config.MAX_SIZE, text, "", "--max-module-size"))
    except ConfigError as error:
        raise argparse.ArgumentTypeError(str(error).removeprefix("--max-module-size: ")) from None


def _excluder(args: argparse.Namespace, settings: Settings) -> Callable[[str], bool]:
    exclude = args.exclude if args.exclude is not None else settings.exclude or ()
    extend = args.extend_exclude if args.extend_exclude is not None else settings.extend_exclude
    patterns = [*exclude, *extend]
    return lambda path: config.matches(path, patterns)


def _check_output_file(name: Optional[str]) -> None:
    """A report can be written to ``name``: its folder exists, and it is not a folder."""
    if name is None:
        return
    folder = os.path.dirname(os.path.abspath(name))
    if not os.path.isdir(folder):
        raise UsageError(f"--output-file: no such folder: {os.path.dirname(name) or folder}")
    if os.path.isdir(name):
        raise UsageError(f"--output-file: {name} is a folder")


def _once(found: Iterable[Found], by_target: bool) -> list[Found]:
    """Each file once, however often it is named or found; with ``by_target`` (fixing),
    a link and the file it points to count as one file, so no file is written twice."""
    seen: set[str] = set()
    kept = []
    for item in found:
        if item.path != "-" and not item.problem:
            key = os.path.realpath(item.path) if by_target else os.path.abspath(item.path)
            if os.path.normcase(key) in seen:
                continue
            seen.add(os.path.normcase(key))
        kept.append(item)
    return kept


def _run(job: Job, found: list[Found], jobs: int, stdin_name: str, stdin_excluded: bool) -> list[FileResult]:
    progress = Progress(len(found), sys.stderr)
    results: dict[int, FileResult] = {}
    on_disk = []
    for i, item in enumerate(found):
        if item.problem:
            results[i] = FileResult(item.path, error=f"{item.path}: {item.problem}")
        elif item.path == "-":
            data = sys.stdin.buffer.read()
            if stdin_excluded:  # excluded: nothing to report; --fix gives the text back as it came
                results[i] = FileResult(stdin_name, output=data if job.mode == "fix" else None)
            else:
                results[i] = checked(job, "-", data, stdin_name)
            progress.step()
        else:
            on_disk.append((i, item.path))
    try:
        if jobs > 1 and len(on_disk) > 1:
            with ProcessPoolExecutor(max_workers=min(jobs, len(on_disk))) as pool:
                futures = {pool.submit(checked, job, f): i for i, f in on_disk}
                for future in as_completed(futures):
                    i = futures[future]
                    try:
                        results[i] = future.result()
                    except Exception as error:  # a worker died (BrokenProcessPool)
                        path = found[i].path
                        results[i] = FileResult(path, internal=f"{path}: not checked: {type(error).__name__}")
                    progress.step()
        else:
            for i, f in on_disk:
                results[i] = checked(job, f)
                progress.step()
    finally:
        progress.close()
    return [results[i] for i in range(len(found))]


def _say(message: str) -> None:
    print(f"flake8-winsock: {message}", file=sys.stderr)


def _write_stdout(data: Union[str, bytes]) -> None:
    if isinstance(data, str):
        sys.stdout.write(data)
        return
    sys.stdout.flush()
    sys.stdout.buffer.write(data)  # a module's own bytes, or a diff of them
    sys.stdout.buffer.flush()


def _emit(output_file: Optional[str], data: Union[str, bytes], succeeded: bool) -> None:
    """The report (or diff): to stdout, or to the output file, whole, if the run succeeded."""
    if output_file is None:
        _write_stdout(data)
    elif succeeded:
        try:
            write_atomically(output_file, data.encode("utf-8") if isinstance(data, str) else data, new_file=True)
        except WriteError as error:
            raise UsageError(f"--output-file: cannot write {output_file} ({error})") from None
    else:
        _say(f"no report written to {output_file}: the run failed")


def _main(argv: Optional[Sequence[str]]) -> int:
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
        if args.exit_non_zero_on_fix and not args.fix:
            raise UsageError("--exit-non-zero-on-fix applies with --fix")
        _check_output_file(args.output_file)
        settings = _settings(args)
        paths = args.paths or ["."]
        missing = [p for p in paths if p != "-" and not os.path.lexists(p)]
        if missing:
            raise UsageError(f"no such file or folder: {', '.join(missing)}")
        if paths.count("-") > 1:
            raise UsageError("'-' (stdin) can be given once")
        job = _job(args, settings)
        excluded = _excluder(args, settings)
        found = _once(discover(paths, excluded, args.force_exclude), by_target=job.mode == "fix")
    except (UsageError, ConfigError) as error:
        _say(f"error: {error}")
        return USAGE_ERROR

    stdin_excluded = args.force_exclude and args.stdin_display_name != "stdin" and excluded(args.stdin_display_name)
    results = _run(job, found, args.jobs, args.stdin_display_name, stdin_excluded)
    for result in results:
        for message in (result.warning, result.error, result.internal):
            if message:
                _say(message)
    reports = [report for result in results for report in result.reports]
    fixed = sum(result.fixed for result in results)
    if any(result.internal for result in results):
        status = INTERNAL_ERROR
    elif any(result.error for result in results):
        status = USAGE_ERROR
    elif job.mode == "diff":
        status = 1 if fixed else 0
    else:
        status = 1 if reports or (args.exit_non_zero_on_fix and fixed) else 0
    succeeded = status in (0, 1)

    try:
        if job.mode == "diff":
            _emit(args.output_file, b"".join(result.diff for result in results), succeeded)
        else:
            report = reporters.FORMATS[args.format](reports) if reports or args.format != "text" else ""
            stdin_output = [result.output for result in results if result.output is not None]
            if stdin_output:  # --fix on stdin: the (fixed) module is the output; the report goes aside
                _write_stdout(stdin_output[0])
                if args.output_file is not None:
                    _emit(args.output_file, report, succeeded)
                elif reports:
                    sys.stderr.write(report)
            else:
                _emit(args.output_file, report, succeeded)
    except UsageError as error:
        _say(f"error: {error}")
        return USAGE_ERROR
    if job.mode == "fix" and fixed:
        files_fixed = sum(1 for result in results if result.fixed)
        _say(f"fixed {fixed} finding(s) in {files_fixed} file(s)")
    return 0 if status == 1 and args.exit_zero else status


def main(argv: Optional[Sequence[str]] = None) -> int:
    """The command: its exit status (see the module's docstring). Never a traceback."""
    try:
        return _main(argv)
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except Exception as error:
        _say(f"internal error: {type(error).__name__}: {error}")
        return INTERNAL_ERROR


if __name__ == "__main__":
    sys.exit(main())
