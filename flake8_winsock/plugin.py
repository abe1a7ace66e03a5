"""The flake8 adapter: hands the file's text to the analysis, yields its findings.

It never raises and never prints: whatever goes wrong becomes one WSK900 finding
for this file, and flake8 goes on with the others.
"""

from __future__ import annotations

import argparse
import ast
import sys
from typing import TYPE_CHECKING, Iterable, Iterator, Union

from . import __version__
from .catalog import knowledge
from .check import check_source

if TYPE_CHECKING:
    from flake8.options.manager import OptionManager


class Plugin:
    name = "flake8-winsock"
    version = __version__
    socket_factories: tuple[str, ...] = ()  # from the options, for every file
    handle_sinks: tuple[str, ...] = ()

    @classmethod
    def add_options(cls, manager: OptionManager) -> None:
        manager.add_option(
            "--winsock-socket-factories",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            metavar="NAMES",
            help="Qualified names of the project's own functions whose call returns a socket "
            "(mylib.net.connect). Also `winsock-socket-factories` in flake8's configuration.",
        )
        manager.add_option(
            "--winsock-handle-sinks",
            default="",
            parse_from_config=True,
            comma_separated_list=True,
            metavar="SINKS",
            help="The project's own functions that must not receive a socket handle, as "
            "qualified.name[:position[:CODE]] (mylib.win.raw_write:0:WSK102; position 0 and "
            "WSK102 if left out). Also `winsock-handle-sinks` in flake8's configuration.",
        )

    @classmethod
    def parse_options(cls, options: argparse.Namespace) -> None:
        factories = _listed(getattr(options, "winsock_socket_factories", ()))
        sinks = _listed(getattr(options, "winsock_handle_sinks", ()))
        try:
            knowledge(factories, sinks)
        except ValueError as error:  # the configuration is wrong: say so, as flake8 does for its own
            print(f"flake8-winsock: {error}", file=sys.stderr)
            raise SystemExit(2) from None
        cls.socket_factories, cls.handle_sinks = factories, sinks

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
                socket_factories=self.socket_factories,
                handle_sinks=self.handle_sinks,
            )
        except BaseException as error:  # noqa: B036 - the lint run must go on
            if isinstance(error, (KeyboardInterrupt, SystemExit)):
                raise
            findings = []
            yield 1, 0, f"WSK900 file not analysed for socket handles: internal error ({type(error).__name__})", type(self)
        for finding in findings:
            yield finding.line, finding.col, finding.message, type(self)


def _listed(value: Union[str, Iterable[str], None]) -> tuple[str, ...]:
    """An option's names: flake8 splits a comma-separated list; a bare string is split here."""
    items = value.split(",") if isinstance(value, str) else (value or ())
    return tuple(item.strip() for item in items if item.strip())
