"""The flake8 adapter: hands the file's text to the analysis, yields its findings.

It never raises and never prints: whatever goes wrong becomes one WSK900 finding
for this file, and flake8 goes on with the others.
"""

from __future__ import annotations

import argparse
import ast
import os
import sys
from typing import TYPE_CHECKING, Iterator, Optional

from . import __version__
from .check import check_source
from .config import CACHE_DIR, DECORATORS, FACTORIES, KNOWLEDGE, MAX_SIZE, NO_CACHE, NO_PROJECT, PROJECT, ROOTS, SINKS, ConfigError, for_plugin, project_for_plugin
from .finding import MAX_MODULE_SIZE
from .project import Project, for_settings
from .project.cache import FOLDER

if TYPE_CHECKING:
    from flake8.options.manager import OptionManager


class Plugin:
    name = "flake8-winsock"
    version = __version__
    knowledge: dict[str, tuple[str, ...]] = {}  # the project's own, from the options, for every file
    project: Optional[Project] = None  # the project view and its cache, for every file
    max_module_size = MAX_MODULE_SIZE  # the budget

    @classmethod
    def add_options(cls, manager: OptionManager) -> None:
        manager.add_option(
            "--winsock-socket-factories",
            default="",
            parse_from_config=True,  # the raw value: split at commas and line breaks, never at spaces
            metavar="NAMES",
            help="Qualified names of the project's own functions whose call returns a socket "
            "(mylib.net.connect). Also `winsock-socket-factories` in flake8's configuration, "
            "or `socket-factories` in [tool.flake8-winsock] of pyproject.toml.",
        )
        manager.add_option(
            "--winsock-handle-sinks",
            default="",
            parse_from_config=True,
            metavar="SINKS",
            help="The project's own functions that must not receive a socket handle, as "
            "qualified.name[:position[:CODE]] (mylib.win.raw_write:0:WSK102; position 0 and "
            "WSK102 if left out). Also `winsock-handle-sinks` in flake8's configuration, "
            "or `handle-sinks` in [tool.flake8-winsock] of pyproject.toml.",
        )
        manager.add_option(
            "--winsock-posix-only-decorators",
            default="",
            parse_from_config=True,
            metavar="NAMES",
            help="Qualified names of the project's own test decorators that skip a test everywhere "
            "but on POSIX (myproject.testing.posix_only): the C runtime rules stay silent in what they "
            "decorate. Also `winsock-posix-only-decorators` in flake8's configuration, or "
            "`posix-only-decorators` in [tool.flake8-winsock] of pyproject.toml.",
        )
        manager.add_option(
            "--winsock-source-roots",
            default="",
            parse_from_config=True,
            metavar="FOLDERS",
            help="Folders the project's imports resolve from, besides the folder above each "
            "file's top package and the project's root and its src folder. Also "
            "`winsock-source-roots` in flake8's configuration, or `source-roots` in "
            "[tool.flake8-winsock] of pyproject.toml.",
        )
        manager.add_option(
            "--winsock-cache-dir",
            default="",
            parse_from_config=True,
            metavar="FOLDER",
            help=f"Where the cache of summaries and results is kept (default: {FOLDER} in the "
            "current folder). Also `cache-dir` in [tool.flake8-winsock].",
        )
        manager.add_option(
            "--winsock-no-project",
            action="store_true",
            parse_from_config=True,
            help="Analyse every module alone: no summaries of the project's other modules "
            "(cheaper on a cold run, blind across modules). Also `no-project = true` in "
            "[tool.flake8-winsock].",
        )
        manager.add_option(
            "--winsock-max-module-size",
            default="",
            parse_from_config=True,
            metavar="CHARACTERS",
            help=f"The budget: a module larger than this (default {MAX_MODULE_SIZE:,}) is not analysed, "
            "and gets one WSK900 that says so. Also `max-module-size` in [tool.flake8-winsock].",
        )
        manager.add_option(
            "--winsock-no-cache",
            action="store_true",
            parse_from_config=True,
            help="Keep no cache: every run analyses every file. Also `no-cache = true` in "
            "[tool.flake8-winsock].",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        """The project's knowledge: flake8's options, else ``[tool.flake8-winsock]`` of
        the pyproject.toml beside flake8's configuration file (see ``config``)."""
        config_file, isolated = _preliminary(options)
        raw = {key: getattr(options, "winsock_" + key.replace("-", "_"), "") for key in KNOWLEDGE}
        try:
            cls.knowledge = for_plugin(raw, config_file, isolated)
            given = {key: getattr(options, "winsock_" + key.replace("-", "_"), None) for key in PROJECT}
            found = project_for_plugin(given, config_file, isolated)
            knowledge = (cls.knowledge.get(FACTORIES, ()), cls.knowledge.get(SINKS, ()), cls.knowledge.get(DECORATORS, ()))
            cls.max_module_size = found.get(MAX_SIZE, MAX_MODULE_SIZE)
            cls.project = for_settings(
                found.get(ROOTS, ()),
                found.get(CACHE_DIR),
                bool(found.get(NO_CACHE)),
                knowledge,
                bool(found.get(NO_PROJECT)),
                cls.max_module_size,
            )
        except ConfigError as error:  # the configuration is wrong: say so, as flake8 does for its own
            print(f"flake8-winsock: {error}", file=sys.stderr)
            raise SystemExit(2) from None

    def __init__(self, tree: ast.AST, lines: list[str], filename: str) -> None:
        # ``tree`` makes this an AST plugin (flake8 only runs those on files Python
        # can parse); the analysis reads the text, and uses the tree to find the parts
        # of it worth handing to LibCST.
        self.tree = tree if isinstance(tree, ast.Module) else None
        self.lines = lines
        self.filename = filename

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        try:
            findings = check_source(
                "".join(self.lines),
                self.filename,
                python_parsed=True,
                tree=self.tree,
                socket_factories=self.knowledge.get(FACTORIES, ()),
                handle_sinks=self.knowledge.get(SINKS, ()),
                posix_decorators=self.knowledge.get(DECORATORS, ()),
                project=self.project,
                max_module_size=self.max_module_size,
            )
        except BaseException as error:  # noqa: B036 - the lint run must go on
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            findings = []
            yield 1, 0, f"WSK900 file not analysed for socket handles: internal error ({type(error).__name__})", type(self)
        for finding in findings:
            yield finding.line, finding.col, finding.message, type(self)



def _preliminary(options: argparse.Namespace) -> tuple[Optional[str], bool]:
    """flake8's ``--config`` and ``--isolated``.

    flake8 reads them with a preliminary parser, before the plugins' options, and does
    not hand them to plugins; so they are read here as flake8 reads them, from flake8's
    own command line (when flake8 is the program running).
    """
    config_file, isolated = getattr(options, "config", None), bool(getattr(options, "isolated", False))
    program = sys.argv[0] if sys.argv else ""
    if config_file or isolated or not (
        "flake8" in os.path.basename(program) or os.path.basename(os.path.dirname(program)) == "flake8"
    ):
        return config_file, isolated
    try:
        from flake8.main.options import stage1_arg_parser

        args, _ = stage1_arg_parser().parse_known_args(sys.argv[1:])
    except (Exception, SystemExit):  # not flake8's command line after all
        return None, False
    return args.config, bool(args.isolated)
