"""The project index: which files are the project's own modules, and what their text names.

A module's name comes from its path: the folders above it that hold an
``__init__.py`` are its packages, and the first folder that does not is its root.
An import resolves against that root, the project's root (the nearest folder above
with a ``pyproject.toml``, ``setup.cfg``, ``setup.py``, ``tox.ini`` or ``.git``) and its
``src`` folder, and the ``source-roots`` of the configuration, in that order. A name
the index cannot resolve to a file stays unknown, and a module whose top package the
catalog speaks of (``socket``, ``os``, ``win32file``), or a module of the standard
library, is never the project's: the catalog's knowledge of it stands.

The words of a module (``Words``) are read from its text alone, like the gate's: they
only over-approximate what the module may export, so that the gate and the pre-pass
of the importing module know which of its names may matter.
"""

from __future__ import annotations

import dataclasses
import hashlib
import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from .. import catalog
from ..vocabulary import Vocabulary, normalised, vocabulary

MAX_TESTS_DEPTH = 3  # folders above a test folder searched for the project's packages
PROJECT_MARKERS = ("pyproject.toml", "setup.cfg", "setup.py", "tox.ini", ".git")

# ``import a.b as c, d`` and ``from .a import (b as c, d)``: over-approximated from the text
# (an import in a string counts too: that only adds words).
_IMPORT = re.compile(
    r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)|import[ \t]+([^\n#;]*))", re.MULTILINE
)
_STORED = re.compile(r"\.\s*(\w+)\s*(?::[^=\n]*)?=(?!=)|\bdef\s+(\w+)")
_ASSIGNED = re.compile(r"^(\w+)[ \t]*(?::[^=\n]*)?=(?!=)|^(\w+(?:[ \t]*,[ \t]*\w+)*)[ \t]*,?[ \t]*=(?!=)|^(\w+)[ \t]*,|\bglobal[ \t]+([\w, \t]+)|^(?:async[ \t]+)?(?:with|for)[^\n]*?\bas[ \t]+(\w+)|^for[ \t]+(\w+)", re.MULTILINE)
_DEFINED = re.compile(r"^(?:async[ \t]+)?def[ \t]+(\w+)|^class[ \t]+(\w+)|^(\w+)[ \t]*(?::[^=\n]*)?=(?!=)", re.MULTILINE)
_BLOCK = re.compile(r"^(?:if|elif|else|try|except|finally)\b[^\n]*:[ \t]*(?:#[^\n]*)?$")
_BLOCK_DEFINED = re.compile(r"^[ \t]+(?:async[ \t]+)?(?:def|class)[ \t]+(\w+)")


def _guarded_definitions(text: str) -> frozenset[str]:
    """The functions and classes a module defines one level inside its top-level ``if``/``try``
    blocks (``if sys.platform == "win32": def to_crt_fd(...)``, ``else: def to_crt_fd(...)``)."""
    found: set[str] = set()
    indent: Optional[str] = None  # the first level of the block open at the top (None: none open)
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[0].isspace():
            indent = "" if _BLOCK.match(line) else None
            continue
        if indent == "":
            indent = line[: len(line) - len(line.lstrip())]
        match = _BLOCK_DEFINED.match(line) if indent and line.startswith(indent) and not line[len(indent)].isspace() else None
        if match:
            found.add(match.group(1))
    return frozenset(found)


_FIXTURE = re.compile(r"@[ \t]*(?:\w+\.)*fixture\b[^\n]*\n(?:[ \t]*@[^\n]*\n)*[ \t]*(?:async[ \t]+)?def[ \t]+(\w+)")
_FIXTURE_NAME = re.compile(r"@[ \t]*(?:\w+\.)*fixture\([^)]*\bname[ \t]*=[ \t]*[\"'](\w+)[\"']")


@lru_cache(maxsize=1)
def catalog_modules() -> frozenset[str]:
    """The top-level modules the catalog speaks of."""
    names = {*catalog.CALL_RESULTS, *catalog.SINKS, *catalog.LIBRARY_CLASSES, *catalog.MODULE_ALIASES, *catalog.MODULE_ALIASES.values()}
    names |= {*catalog.PASS_THROUGH, *catalog.LIBRARY_LOADERS, *catalog.DISPATCHES, *catalog.POSIX_MODULES}
    # The standard library is never the project's either: what matters of it is the
    # catalog's, as typeshed is for a type checker.
    return frozenset(q.split(".")[0] for q in names) | frozenset(sys.stdlib_module_names) | {"pytest", "cffi"}


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def read(path: str) -> Optional[bytes]:
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def decode(data: bytes) -> str:
    return data.decode("utf-8", errors="replace").removeprefix("\ufeff")


def imports_in(text: str) -> list[tuple[int, str, tuple[str, ...]]]:
    """Every import the text may hold: (relative level, module, names imported from it);
    ``import a.b`` gives (0, "a.b", ())."""
    found: list[tuple[int, str, tuple[str, ...]]] = []
    for match in _IMPORT.finditer(text):
        module, names, plain = match.groups()
        if plain is not None:
            for part in plain.split(","):
                name = part.split(" as ")[0].strip()
                if re.fullmatch(r"[\w.]+", name):
                    found.append((0, name, ()))
        elif module is not None:
            level = len(module) - len(module.lstrip("."))
            imported = tuple(p.split(" as ")[0].strip() for p in names.strip("()").replace("\\", " ").split(","))
            found.append((level, module.lstrip("."), tuple(n for n in imported if re.fullmatch(r"\w+|\*", n))))
    return found


@dataclass
class Words:
    """What a module's text (and the modules it imports) may give: a socket, a handle, a sink."""

    sources: bool = False
    handles: bool = False
    sinks: bool = False
    platform: bool = False  # a platform test (``IS_WINDOWS = sys.platform == "win32"``, ``def is_posix()``)
    attributes: frozenset[str] = frozenset()  # attribute and method names it may store or define
    defined: frozenset[str] = frozenset()  # its top-level names (what ``import *`` may bind)
    assigned: frozenset[str] = frozenset()  # the names its module level may assign (not ``def``, ``class``)
    classes: frozenset[str] = frozenset()  # the classes it defines at its top
    fixtures: frozenset[str] = frozenset()  # the fixture functions it defines


def own_fixtures(text: str) -> frozenset[str]:
    """The names of the fixtures a module's text defines (``@pytest.fixture`` functions)."""
    if "fixture" not in text:
        return frozenset()
    return frozenset(_FIXTURE.findall(text)) | frozenset(_FIXTURE_NAME.findall(text))


@dataclass
class Module:
    """One of the project's modules: its file, name and text."""

    path: str
    name: str
    package: str
    data: bytes
    digest: str = ""
    words: Optional[Words] = None
    deps: dict[str, Optional[str]] = field(default_factory=dict)  # files its words were read from

    @property
    def text(self) -> str:
        return decode(self.data)


class Index:
    """The project's modules, found from the paths of the files being checked."""

    def __init__(self, source_roots: Iterable[str] = (), vocab: Optional[Vocabulary] = None) -> None:
        self.vocab = vocab or vocabulary()  # the words a module's own words are read with
        self.source_roots = [os.path.abspath(r) for r in source_roots]
        self.modules: dict[str, Optional[Module]] = {}  # by path
        self.roots: dict[str, tuple[str, str]] = {}  # a folder -> (its root, its package's dotted name)
        self.resolved: dict[tuple[str, str], Optional[str]] = {}  # (root set, module) -> path
        self.project_roots: dict[str, Optional[str]] = {}
        self.checked: dict[str, bool] = {}  # paths whose existence was asked, and the answer
        self.reach: dict[str, set[str]] = {}  # a module -> the modules its words were read from
        self.totals: dict[str, Words] = {}  # a module -> its words and those of what it imports
        self.imports: dict[str, list[str]] = {}  # a module -> the files of the modules it may import

    # --- Names of files, files of names ------------------------------------------------

    def exists(self, path: str) -> bool:
        if path not in self.checked:
            self.checked[path] = os.path.isfile(path)
        return self.checked[path]

    def package_of(self, folder: str) -> tuple[str, str]:
        """The root a folder's modules are named from, and the folder's dotted package name."""
        if folder not in self.roots:
            if self.exists(os.path.join(folder, "__init__.py")) and os.path.dirname(folder) != folder:
                root, above = self.package_of(os.path.dirname(folder))
                name = os.path.basename(folder)
                self.roots[folder] = (root, f"{above}.{name}" if above else name)
            else:
                self.roots[folder] = (folder, "")
        return self.roots[folder]

    def name_of(self, path: str) -> tuple[str, str]:
        """A file's module name and package (``pkg/net.py``: "pkg.net", "pkg")."""
        folder, base = os.path.split(os.path.abspath(path))
        _, package = self.package_of(folder)
        stem = base[:-3] if base.endswith(".py") else base
        if stem == "__init__":
            return package, package
        return (f"{package}.{stem}" if package else stem), package

    def project_root(self, folder: str) -> Optional[str]:
        if folder not in self.project_roots:
            found: Optional[str] = None
            if any(os.path.exists(os.path.join(folder, marker)) for marker in PROJECT_MARKERS):
                found = folder
            elif os.path.dirname(folder) != folder:
                found = self.project_root(os.path.dirname(folder))
            self.project_roots[folder] = found
        return self.project_roots[folder]

    def search_path(self, path: str) -> tuple[str, ...]:
        """Where the imports of a file resolve, in order."""
        folder = os.path.dirname(os.path.abspath(path))
        root, _ = self.package_of(folder)
        places = [root]
        project = self.project_root(folder)
        if root == folder and (self.exists(os.path.join(folder, "conftest.py")) or _test_module(os.path.basename(path))):
            # A test folder outside any package (``tests/``): its tests import the project's
            # packages from the folders above it, as ``python -m pytest`` run there does.
            above = folder
            for _ in range(MAX_TESTS_DEPTH):
                if above == project or os.path.dirname(above) == above:
                    break
                above = os.path.dirname(above)
                places.append(above)
        if project is not None:
            places += [project, os.path.join(project, "src")]
        places += self.source_roots
        return tuple(dict.fromkeys(places))

    def resolve(self, module: str, roots: tuple[str, ...]) -> Optional[str]:
        """The file of a module of the project, or None."""
        if not module or module.split(".")[0] in catalog_modules():
            return None
        key = ("\0".join(roots), module)
        if key not in self.resolved:
            found = None
            parts = module.split(".")
            for root in roots:
                base = os.path.join(root, *parts)
                for candidate in (base + ".py", os.path.join(base, "__init__.py")):
                    if self.exists(candidate):
                        found = candidate
                        break
                if found:
                    break
            self.resolved[key] = found
        return self.resolved[key]

    def absolute(self, level: int, module: str, package: str) -> Optional[str]:
        """The absolute name of ``from <level dots><module> import`` in a module of ``package``."""
        if not level:
            return module
        parts = package.split(".") if package else []
        if level - 1 > len(parts) or (level - 1 == len(parts) and not module and not parts):
            return None
        base = parts[: len(parts) - (level - 1)]
        return ".".join([*base, module] if module else base) or None

    def module(self, path: str) -> Optional[Module]:
        """A module of the project by its file (read once)."""
        if path not in self.modules:
            data = read(path)
            if data is None:
                self.modules[path] = None
            else:
                name, package = self.name_of(path)
                self.modules[path] = Module(path, name, package, data, digest(data))
        return self.modules[path]

    def conftests(self, path: str) -> list[str]:
        """The ``conftest.py`` files whose fixtures a test module sees, nearest first."""
        found = []
        folder = os.path.dirname(os.path.abspath(path))
        top = self.project_root(folder)
        while True:
            candidate = os.path.join(folder, "conftest.py")
            if self.exists(candidate) and os.path.abspath(candidate) != os.path.abspath(path):
                found.append(candidate)
            if folder == top or os.path.dirname(folder) == folder:
                return found
            folder = os.path.dirname(folder)

    # --- Words -------------------------------------------------------------------------

    def imported_modules(self, module: Module) -> list[str]:
        """The files of the project's modules a module may import."""
        if module.path in self.imports:
            return self.imports[module.path]
        roots = self.search_path(module.path)
        found = []
        for level, name, names in imports_in(module.text):
            absolute = self.absolute(level, name, module.package)
            if absolute is None:
                continue
            for candidate in [absolute, *(f"{absolute}.{n}" for n in names if n != "*")]:
                path = self.resolve(candidate, roots)
                if path is not None:
                    found.append(path)
        self.imports[module.path] = found
        return found

    def own_words(self, module: Module) -> Words:
        vocab = self.vocab
        if module.words is None:
            text = normalised(module.text)
            names = set(re.findall(r"\w+", text))
            module.words = Words(
                sources=bool(names & vocab.source_words),
                handles=bool(names & vocab.handle_words),
                sinks=bool(names & vocab.sink_words) or bool(names & catalog.LIBRARY_WORDS),  # (a library it loads: its functions may be sinks)
                platform=bool(names & (vocab.probe_words - {"name"})) or {"name", "os"} <= names,
                attributes=frozenset(a or d for a, d in _STORED.findall(text)),
                defined=frozenset(a or b or c for a, b, c in _DEFINED.findall(text)) | _guarded_definitions(text),
                classes=frozenset(b for _, b, _ in _DEFINED.findall(text) if b),
                fixtures=own_fixtures(text),
                assigned=frozenset(n.strip() for groups in _ASSIGNED.findall(text) for g in groups for n in g.split(",") if n.strip()),
            )
        return module.words

    def words(self, path: str) -> Words:
        """What a module may give: its own words and those of every module of the project it
        imports, however indirectly (import cycles included). Made once a run: the files of
        a run do not change under it."""
        if path in self.totals:
            return self.totals[path]
        first = self.module(path)
        if first is None:
            return Words()
        own = self.own_words(first)
        total = dataclasses.replace(own)
        seen, todo = {path}, list(self.imported_modules(first))
        while todo:
            imported = todo.pop()
            module = self.module(imported) if imported not in seen else None
            seen.add(imported)
            if module is None:
                continue
            inner = self.own_words(module)
            total.sources |= inner.sources
            total.handles |= inner.handles
            total.sinks |= inner.sinks
            total.attributes |= inner.attributes
            todo += self.imported_modules(module)
        self.reach[path] = seen
        self.totals[path] = total
        return total

    def reached(self, path: str) -> set[str]:
        """The modules whose words ``words(path)`` read."""
        return self.reach.get(path, {path})


def _test_module(name: str) -> bool:
    """A file pytest collects or reads: ``test_*.py``, ``*_test.py``, ``conftest.py``."""
    return name == "conftest.py" or name.startswith("test_") and name.endswith(".py") or name.endswith("_test.py")
