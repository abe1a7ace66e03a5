"""One configuration for both front ends: flake8's file and ``[tool.flake8-winsock]``.

Where settings are read from (both the ``flake8-winsock`` command and the flake8
plugin find them the same way):

- flake8's configuration file, found as flake8 finds it: from the current folder
  upwards (stopping at the home folder), the first ``setup.cfg``, ``tox.ini`` or
  ``.flake8`` that has a ``[flake8]`` (or ``[flake8:local-plugins]``) section;
- ``[tool.flake8-winsock]`` in the nearest ``pyproject.toml``, searched from that
  file's folder (or from the current folder when there is none) upwards.

The project's knowledge (``winsock-socket-factories`` and ``winsock-handle-sinks``
in ``[flake8]``, ``socket-factories`` and ``handle-sinks`` in the pyproject table)
is read by both front ends. Code selection and file exclusion (``select``,
``ignore``, ``extend-select``, ``extend-ignore``, ``per-file-ignores``,
``exclude``, ``extend-exclude``) in ``[flake8]`` are flake8's own, and the command
reads them too; in the pyproject table they are the command's alone (flake8 does
not read pyproject.toml). A key set in both places takes the value in flake8's
file; the command line beats both.

Values are checked as flake8 checks them in ``[flake8]`` (which also configures
other plugins: ``select = E,F,W,WSK`` is fine there), and exactly in the pyproject
table and on the command's command line: a code prefix there must match at least
one of this plugin's codes. Every error names the file, the section and the key.
"""

from __future__ import annotations

import configparser
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Mapping, Optional, Sequence

from flake8 import utils
from flake8.defaults import VALID_CODE_PREFIX
from flake8.style_guide import Decision, DecisionEngine

from . import catalog
from .rules import RULES

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

SECTION = "flake8-winsock"
FLAKE8_FILES = ("setup.cfg", "tox.ini", ".flake8")
PLUGIN_PREFIX = "WSK"  # the flake8 entry point name: selected by default, as flake8 does
# The project's own knowledge; flake8 spells these keys with "winsock-" in front.
FACTORIES, SINKS, DECORATORS = "socket-factories", "handle-sinks", "posix-only-decorators"
KNOWLEDGE = (FACTORIES, SINKS, DECORATORS)
# The project view: where its imports resolve besides the defaults, and the cache.
ROOTS, CACHE_DIR, NO_CACHE, NO_PROJECT = "source-roots", "cache-dir", "no-cache", "no-project"
# The budget: the largest module (in characters) the analysis takes on.
MAX_SIZE = "max-module-size"
PROJECT = (ROOTS, CACHE_DIR, NO_CACHE, NO_PROJECT, MAX_SIZE)

Codes = tuple[str, ...]
PerFile = tuple[tuple[str, Codes], ...]


class ConfigError(Exception):
    """A configuration that cannot be used; the message says what and where."""


@dataclass(frozen=True)
class Settings:
    """Everything the configuration says; None or () where it says nothing.

    Path patterns are normalised as flake8 normalises them: one with a slash
    becomes absolute (relative to the folder it is relative to), others match a
    file's base name.
    """

    select: Optional[Codes] = None
    ignore: Optional[Codes] = None
    extend_select: Codes = ()
    extend_ignore: Codes = ()
    per_file_ignores: PerFile = ()
    exclude: Optional[Codes] = None
    extend_exclude: Codes = ()
    socket_factories: Codes = ()
    source_roots: Codes = ()  # absolute folders
    cache_dir: Optional[str] = None
    no_cache: bool = False
    no_project: bool = False
    max_module_size: Optional[int] = None
    handle_sinks: Codes = ()
    posix_decorators: Codes = ()
    files: tuple[Path, ...] = field(default=(), compare=False)  # the files read


# --- Code prefixes -----------------------------------------------------------------------


def known_prefix(code: str) -> bool:
    """Whether ``code`` is a code prefix that matches one of the rule table's codes."""
    return bool(VALID_CODE_PREFIX.match(code)) and any(rule.startswith(code) for rule in RULES)


def check_codes(codes: Sequence[str], where: str, *, exact: bool) -> Codes:
    """The codes, checked: valid prefixes; with ``exact``, each matching a code of ours."""
    for code in codes:
        if not VALID_CODE_PREFIX.match(code):
            raise ConfigError(f"{where}: {code!r} is not a code or code prefix (like 'WSK' or 'WSK102')")
        if exact and not known_prefix(code):
            raise ConfigError(f"{where}: {code!r} matches no flake8-winsock code (codes: {', '.join(RULES)})")
    return tuple(codes)


def split_names(raw: object) -> Codes:
    """A list option's items, split at commas and line breaks only (not at spaces)."""
    if raw is None:
        return ()
    if isinstance(raw, str):
        items = re.split(r"[,\r\n]", raw)
    elif isinstance(raw, (list, tuple)):
        items = [str(item) for item in raw]
    else:
        items = [str(raw)]
    return tuple(item.strip() for item in items if item.strip())


def check_knowledge(found: Mapping[str, Codes], where: Callable[[str], str]) -> None:
    """The project's socket factories, handle sinks and POSIX-only decorators, checked by the catalog."""
    for position, key in enumerate(KNOWLEDGE):
        given: list[Codes] = [(), (), ()]
        given[position] = found.get(key, ())
        try:
            catalog.knowledge(*given)
        except ValueError as error:
            raise ConfigError(f"{where(key)}: {error}") from None


def project_setting(key: str, raw: object, folder: str, where: str) -> Any:
    """``source-roots`` (folders, relative to the configuration's), ``cache-dir`` (a folder),
    ``no-cache`` and ``no-project`` (true or false) and ``max-module-size`` (a number), as
    given in either file or on a command line."""
    if key in (NO_CACHE, NO_PROJECT):
        value = raw if isinstance(raw, bool) else str(raw).strip().lower()
        if value in (True, "true", "1", "yes", "on"):
            return True
        if value in (False, "false", "0", "no", "off", ""):
            return False
        raise ConfigError(f"{where}: expected true or false, got {raw!r}")
    if key == MAX_SIZE:
        text = str(raw).strip().replace("_", "")
        if isinstance(raw, bool) or not text.isdigit() or int(text) < 1:
            raise ConfigError(f"{where}: expected a number of characters (1 or more), got {raw!r}")
        return int(text)
    if key == CACHE_DIR:
        if not isinstance(raw, str) or not raw.strip():
            raise ConfigError(f"{where}: expected a folder, got {raw!r}")
        return os.path.join(folder, os.path.expanduser(raw.strip()))
    return tuple(os.path.join(folder, os.path.expanduser(item)) for item in split_names(raw))


def project_for_plugin(raw: Mapping[str, object], config: Optional[str], isolated: bool) -> dict[str, Any]:
    """The plugin's project settings: flake8's options (relative to the current folder),
    else ``[tool.flake8-winsock]`` of pyproject.toml."""
    _, pyproject = locate(Path.cwd(), Path(config) if config else None, isolated)
    settings = read_pyproject(pyproject) if pyproject else {}
    found: dict[str, Any] = {}
    for key in PROJECT:
        value = raw.get(key)
        if value not in (None, "", False, ()):
            found[key] = project_setting(key, value, os.getcwd(), f"--winsock-{key}")
        elif key in settings:
            found[key] = settings[key]
    return found


def display(path: Path) -> str:
    """A file's name as messages show it: relative to the current folder when inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except (ValueError, OSError):
        return str(path)


# --- Finding the files ------------------------------------------------------------------


def _same_folder(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def find_flake8_config(start: Path) -> Optional[Path]:
    """flake8's configuration file, found as flake8 finds it (``flake8.options.config``)."""
    home = os.path.expanduser("~")
    folder = os.path.abspath(start)
    while True:
        for name in FLAKE8_FILES:
            candidate = os.path.join(folder, name)
            parser = configparser.RawConfigParser()
            try:
                parser.read(candidate, encoding="UTF-8")
            except (UnicodeDecodeError, configparser.Error):
                continue  # flake8 ignores a file it cannot parse
            if "flake8" in parser or "flake8:local-plugins" in parser:
                return Path(candidate)
        parent = os.path.dirname(folder)
        if parent == folder or (home != "~" and _same_folder(parent, home)):
            return None
        folder = parent


def find_pyproject(start: Path) -> Optional[Path]:
    """The nearest pyproject.toml at or above ``start``."""
    start = Path(os.path.abspath(start))
    for folder in [start, *start.parents]:
        candidate = folder / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def locate(cwd: Path, config: Optional[Path] = None, isolated: bool = False) -> tuple[Optional[Path], Optional[Path]]:
    """(flake8's file, pyproject.toml): found from ``cwd``, or beside ``config`` when given."""
    if isolated:
        return None, None
    if config is not None:
        if not config.is_file():
            raise ConfigError(f"{config}: no such file")
        if config.name.endswith(".toml"):
            return None, config
        return config, find_pyproject(config.parent)
    flake8_file = find_flake8_config(cwd)
    return flake8_file, find_pyproject(flake8_file.parent if flake8_file else cwd)


# --- Reading [flake8] --------------------------------------------------------------------


def read_flake8(path: Path) -> dict[str, Any]:
    """The keys this project reads from ``[flake8]`` in ``path``, parsed and checked."""
    parser = configparser.RawConfigParser()
    try:
        if not parser.read(path, encoding="UTF-8"):
            raise ConfigError(f"{path}: cannot read it")
    except (UnicodeDecodeError, configparser.Error) as error:
        raise ConfigError(f"{display(path)}: not a valid configuration file ({error})") from None
    if "flake8" not in parser:
        return {}
    folder = str(path.parent.resolve())
    found: dict[str, Any] = {}
    for name, raw in parser["flake8"].items():
        key = name.replace("_", "-")
        where = f"{display(path)}: [flake8] {name}"
        if key in ("select", "ignore", "extend-select", "extend-ignore"):
            # flake8 checks the form of ignored codes only; other plugins' codes are fine here
            codes = tuple(utils.parse_comma_separated_list(raw))
            found[key] = check_codes(codes, where, exact=False) if "ignore" in key else codes
        elif key == "per-file-ignores":
            try:
                mapping = utils.parse_files_to_codes_mapping(raw)
            except Exception as error:  # flake8's ExecutionError: the value is not a mapping
                raise ConfigError(f"{where}: {error}".splitlines()[0]) from None
            # flake8 makes these patterns relative to the current folder, not the file's
            found[key] = tuple((utils.normalize_path(p), tuple(codes)) for p, codes in mapping)
        elif key in ("exclude", "extend-exclude"):
            found[key] = tuple(utils.normalize_paths(utils.parse_comma_separated_list(raw), folder))
        elif key.removeprefix("winsock-") in KNOWLEDGE and key.startswith("winsock-"):
            found[key.removeprefix("winsock-")] = split_names(raw)
        elif key.removeprefix("winsock-") in PROJECT and key.startswith("winsock-"):
            found[key.removeprefix("winsock-")] = project_setting(key.removeprefix("winsock-"), raw, folder, where)
    check_knowledge(found, lambda key: f"{display(path)}: [flake8] winsock-{key}")
    return found


# --- Reading [tool.flake8-winsock] ------------------------------------------------------------


def _strings(value: object, where: str) -> Codes:
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ConfigError(f"{where}: expected a list of strings, got {value!r}")
    return tuple(value)


def _per_file(value: object, where: str, folder: str) -> PerFile:
    if not isinstance(value, dict):
        raise ConfigError(f"{where}: expected a table of patterns and code lists, got {value!r}")
    return tuple(
        (utils.normalize_path(pattern, folder), check_codes(_strings(codes, f"{where} {pattern!r}"), where, exact=True))
        for pattern, codes in value.items()
    )


def read_pyproject(path: Path) -> dict[str, Any]:
    """The settings in ``[tool.flake8-winsock]`` of ``path``, parsed and checked."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        raise ConfigError(f"{display(path)}: cannot read it ({error})") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{display(path)}: not valid TOML ({error})") from None
    section = data.get("tool", {}).get(SECTION)
    if section is None:
        return {}
    if not isinstance(section, dict):
        raise ConfigError(f"{display(path)}: [tool.{SECTION}] must be a table")
    folder = str(path.parent.resolve())
    readers: Mapping[str, Callable[[object, str], object]] = {
        "select": lambda v, w: check_codes(_strings(v, w), w, exact=True),
        "ignore": lambda v, w: check_codes(_strings(v, w), w, exact=True),
        "extend-select": lambda v, w: check_codes(_strings(v, w), w, exact=True),
        "extend-ignore": lambda v, w: check_codes(_strings(v, w), w, exact=True),
        "per-file-ignores": lambda v, w: _per_file(v, w, folder),
        "exclude": lambda v, w: tuple(utils.normalize_paths(list(_strings(v, w)), folder)),
        "extend-exclude": lambda v, w: tuple(utils.normalize_paths(list(_strings(v, w)), folder)),
        FACTORIES: _strings,
        SINKS: _strings,
        DECORATORS: _strings,
        ROOTS: lambda v, w: project_setting(ROOTS, list(_strings(v, w)), folder, w),
        CACHE_DIR: lambda v, w: project_setting(CACHE_DIR, v, folder, w),
        NO_CACHE: lambda v, w: project_setting(NO_CACHE, v, folder, w),
        NO_PROJECT: lambda v, w: project_setting(NO_PROJECT, v, folder, w),
        MAX_SIZE: lambda v, w: project_setting(MAX_SIZE, v, folder, w),
    }
    found: dict[str, Any] = {}
    for key, value in section.items():
        if key not in readers:
            raise ConfigError(
                f"{display(path)}: unknown key {key!r} in [tool.{SECTION}] (known keys: {', '.join(sorted(readers))})"
            )
        found[key] = readers[key](value, f"{display(path)}: [tool.{SECTION}] {key}")
    check_knowledge(found, lambda key: f"{display(path)}: [tool.{SECTION}] {key}")
    return found


# --- Both ----------------------------------------------------------------------------------


def load(flake8_file: Optional[Path], pyproject: Optional[Path]) -> Settings:
    """The settings of both files; for a key set in both, flake8's file wins."""
    from_pyproject = read_pyproject(pyproject) if pyproject else {}
    from_flake8 = read_flake8(flake8_file) if flake8_file else {}
    merged = {**from_pyproject, **from_flake8}
    return Settings(
        select=merged.get("select"),
        ignore=merged.get("ignore"),
        extend_select=merged.get("extend-select", ()),
        extend_ignore=merged.get("extend-ignore", ()),
        per_file_ignores=merged.get("per-file-ignores", ()),
        exclude=merged.get("exclude"),
        extend_exclude=merged.get("extend-exclude", ()),
        socket_factories=merged.get(FACTORIES, ()),
        handle_sinks=merged.get(SINKS, ()),
        posix_decorators=merged.get(DECORATORS, ()),
        source_roots=merged.get(ROOTS, ()),
        cache_dir=merged.get(CACHE_DIR),
        no_cache=bool(merged.get(NO_CACHE, False)),
        no_project=bool(merged.get(NO_PROJECT, False)),
        max_module_size=merged.get(MAX_SIZE),
        files=tuple(path for path in (flake8_file, pyproject) if path is not None),
    )


def for_plugin(raw: Mapping[str, object], config: Optional[str], isolated: bool) -> dict[str, Codes]:
    """The plugin's knowledge (``KNOWLEDGE`` keys): flake8's options, else pyproject.toml.

    flake8 hands over the raw option values (from its command line or ``[flake8]``);
    an error names the file when the value is the file's, else the option.
    """
    flake8_file, pyproject = locate(Path.cwd(), Path(config) if config else None, isolated)
    in_file: dict[str, str] = {}
    if flake8_file is not None:
        parser = configparser.RawConfigParser()
        try:
            parser.read(flake8_file, encoding="UTF-8")
        except (UnicodeDecodeError, configparser.Error):
            pass
        if "flake8" in parser:
            in_file = {name.replace("_", "-"): value for name, value in parser["flake8"].items()}
    given = {key: split_names(raw.get(key)) for key in KNOWLEDGE}

    def where(key: str) -> str:
        name = "winsock-" + key
        if flake8_file is not None and name in in_file and split_names(in_file[name]) == given[key]:
            return f"{display(flake8_file)}: [flake8] {name}"
        return f"--{name}"

    check_knowledge(given, where)
    settings = read_pyproject(pyproject) if pyproject else {}
    return {key: given[key] or settings.get(key, ()) for key in KNOWLEDGE}


# --- Which codes are reported --------------------------------------------------------------


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
        import argparse

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


def matches(path: str, patterns: Sequence[str]) -> bool:
    """flake8's ``matches_filename``: a pattern matches the base name, or the absolute
    path (made absolute, never resolved: a symbolic link is matched as it is named)."""
    import fnmatch

    name = os.path.basename(path.rstrip("/" + (os.path.altsep or "")))
    if name not in (".", "..") and any(fnmatch.fnmatch(name, p) for p in patterns):
        return True
    full = os.path.abspath(path)
    return any(fnmatch.fnmatch(full, p) for p in patterns)


def per_file_codes(path: str, per_file_ignores: PerFile) -> Codes:
    """The codes ``per-file-ignores`` adds for ``path``: flake8 takes the longest
    pattern that matches (one pattern's codes, not a union)."""
    best: Optional[tuple[str, Codes]] = None
    for pattern, codes in per_file_ignores:
        if matches(path, [pattern]) and (best is None or len(pattern) > len(best[0])):
            best = (pattern, codes)
    return best[1] if best else ()
