"""The command's settings: ``[tool.flake8-winsock]`` in pyproject.toml, and code selection.

Keys (all optional, lists of strings)::

    [tool.flake8-winsock]
    select = ["WSK"]                       # code prefixes, as flake8's --select
    ignore = ["WSK9"]                      # code prefixes, as flake8's --ignore
    exclude = ["generated/*", "legacy.py"] # glob patterns, as flake8's --exclude
    socket-factories = ["mylib.net.connect"]          # calls that return a socket
    handle-sinks = ["mylib.win.raw_write:0:WSK102"]   # qualified name[:position[:rule]]

An unknown key or a value of the wrong shape is a ``ConfigError`` (the command exits 2).
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Optional, Sequence

from flake8.defaults import VALID_CODE_PREFIX
from flake8.style_guide import Decision, DecisionEngine

from .catalog import project_sink, socket_factory
from .rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SECTION = "flake8-winsock"
PLUGIN_PREFIX = "WSK"  # the flake8 entry point name: selected by default, as flake8 does


class ConfigError(Exception):
    """A configuration the command cannot use; the message says what and where."""


@dataclass(frozen=True)
class Config:
    select: Optional[tuple[str, ...]] = None
    ignore: Optional[tuple[str, ...]] = None
    exclude: tuple[str, ...] = ()
    socket_factories: tuple[str, ...] = ()
    handle_sinks: tuple[str, ...] = ()
    path: Optional[Path] = None  # the file it came from
    root: Path = field(default_factory=Path.cwd)  # exclude patterns are relative to it


def _codes(value: object, where: str) -> tuple[str, ...]:
    items = _strings(value, where)
    for item in items:
        if not VALID_CODE_PREFIX.match(item):
            raise ConfigError(f"{where}: {item!r} is not a code or code prefix (like 'WSK' or 'WSK102')")
    return items


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _names(value: object, where: str, check: Callable[[str], object]) -> tuple[str, ...]:
    items = _strings(value, where)
    for item in items:
        try:
            check(item)
        except ValueError as error:
            raise ConfigError(f"{where}: {error}") from None
    return items


_KEYS = {
    "select": lambda v, w: ("select", _codes(v, w)),
    "ignore": lambda v, w: ("ignore", _codes(v, w)),
    "exclude": lambda v, w: ("exclude", _strings(v, w)),
    "socket-factories": lambda v, w: ("socket_factories", _names(v, w, socket_factory)),
    "handle-sinks": lambda v, w: ("handle_sinks", _names(v, w, project_sink)),
}


def find_pyproject(start: Path) -> Optional[Path]:
    """The nearest pyproject.toml at or above ``start``."""
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load(path: Optional[Path]) -> Config:
    """The settings in ``path`` (a pyproject.toml); defaults when it or the section is absent."""
    if path is None:
        return Config()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{path}: cannot read it ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML ({error})") from None
    section = data.get("tool", {}).get(SECTION)
    root = path.parent.resolve()
    if section is None:
        return Config(path=path, root=root)
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.{SECTION}] must be a table")
    values = {}
    for key, value in section.items():
        if key not in _KEYS:
            known = ", ".join(sorted(_KEYS))
            raise ConfigError(f"{path}: unknown key {key!r} in [tool.{SECTION}] (known keys: {known})")
        name, parsed = _KEYS[key](value, f"{path}: [tool.{SECTION}] {key}")
        values[name] = parsed
    return Config(path=path, root=root, **values)


class Selection:
    """Which codes are reported: flake8's own decision (prefixes, longest match wins).

    As in flake8, the plugin's prefix is selected by default and rules that are off by
    default are in the default ignore list, so ``--select=WSK`` turns them on.
    """

    def __init__(
        self,
        select: Optional[Sequence[str]] = None,
        ignore: Optional[Sequence[str]] = None,
        extend_select: Sequence[str] = (),
        extend_ignore: Sequence[str] = (),
    ) -> None:
        options = argparse.Namespace(
            select=list(select) if select is not None else None,
            ignore=list(ignore) if ignore is not None else None,
            extend_select=list(extend_select),
            extend_ignore=list(extend_ignore),
            extended_default_select=[PLUGIN_PREFIX],
            extended_default_ignore=[code for code, rule in RULES.items() if not rule.default],
        )
        self._engine = DecisionEngine(options)

    def wants(self, code: str) -> bool:
        return self._engine.decision_for(code) is Decision.Selected
