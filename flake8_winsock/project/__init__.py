"""The project view: a module's imports of the project's own modules, and what they give.

``Project`` holds one run's index of the project's modules (``index``), their
summaries (``summary``, made by the model on demand) and the cache (``cache``).
``View`` is one module's view of it, the ``catalog.Project`` the model asks: what a
qualified name of the project is, what a ``conftest.py`` fixture gives, and which of
the module's names may matter (for the gate and the pre-pass, from words only).
Every file a view reads is noted (``deps``) with its content hash: a cached result is
used only while those files are unchanged.
"""

from __future__ import annotations

import ast
import dataclasses
import os
import re
from typing import Any, Optional


from .. import catalog
from ..finding import MAX_MODULE_SIZE
from ..slicing import Slice, export_slice
from ..vocabulary import normalised, vocabulary
from .cache import FOLDER, Cache
from .index import Index, Module, Words, decode, digest, imports_in, own_fixtures, read

MAX_CHAIN = 8  # re-exports followed from module to module
MAX_NESTED = 2  # summaries made while another is being made (an import of an import ...)

_BINDING = re.compile(r"^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(\([^)]*\)|[^\n#;]*)|import[ \t]+([^\n#;]*))", re.MULTILINE)


def for_settings(
    source_roots: tuple[str, ...] = (),
    cache_dir: Optional[str] = None,
    no_cache: bool = False,
    knowledge: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]] = ((), (), ()),
    no_project: bool = False,
    max_module_size: int = MAX_MODULE_SIZE,
) -> "Project":
    """The project of a run: its configured roots, its cache (unless turned off), and the
    knowledge settings, which the cache keys on; with ``no_project``, each module alone. A module
    larger than ``max_module_size`` is not summarised: what it gives is unknown."""
    settings = "\n".join("\0".join(part) for part in (*knowledge, source_roots, ("alone",) if no_project else ()))
    cache = None if no_cache else Cache(cache_dir or FOLDER, settings)
    project = Project(tuple(source_roots), cache, catalog.knowledge(*knowledge))
    project.linked = not no_project
    project.max_module_size = max_module_size
    return project


class Project:
    def __init__(self, source_roots: tuple[str, ...] = (), cache: Optional[Cache] = None, knowledge: catalog.Knowledge = catalog.CATALOG) -> None:
        self.index = Index(source_roots, vocabulary(knowledge))
        self.cache, self.knowledge = cache, knowledge
        self.exported: dict[tuple[str, str], tuple[Optional[tuple[str, Any]], dict[str, Optional[str]]]] = {}
        self.summarisers: dict[str, Any] = {}  # a module's ``summary.Summariser``, once made
        self.views: dict[str, View] = {}
        self.making: list[str] = []  # summaries being made, innermost last
        self.asking: list[tuple[str, str]] = []  # the exports being made (module, key), innermost last
        # What met a question asked too deep (``MAX_NESTED``) while it was made, and the depth it
        # was made at: asked again from nearer the top, it is made again (never from the cache).
        self.partial: dict[tuple[str, str], int] = {}
        self.partial_summarisers: dict[str, int] = {}
        self.digests: dict[str, Optional[str]] = {}
        self.textual: dict[str, dict[str, str]] = {}  # a module -> what its imports bind, by its text
        self.starred: dict[str, list[str]] = {}  # a module -> the modules it star-imports
        self.bound_names: dict[str, frozenset[str]] = {}
        self.slices: dict[str, Optional[Slice]] = {}
        self.words: dict[str, frozenset[str]] = {}  # a module -> the words of its export slice
        self.linked = True  # False: every module is analysed alone (the cache still works)
        self.prefilter = True  # summarise as empty what the pre-pass says can give nothing
        self.max_module_size = MAX_MODULE_SIZE  # a larger module is not summarised (unknown)

    def imports_of(self, path: str) -> dict[str, str]:
        """The names a module's imports bind (read from its text), and their qualified names."""
        if path not in self.textual:
            module = self.index.module(path)
            found = _bindings(module.text, module.package, self.index) if module is not None else []
            self.textual[path] = {local: qualname for local, qualname in found if not local.startswith("*")}
            self.starred[path] = [qualname for local, qualname in found if local.startswith("*")]
        return self.textual[path]

    def bound(self, path: str, roots: tuple[str, ...]) -> frozenset[str]:
        """The names a module's text may bind at its top: what it defines and assigns, what its
        imports bind, and what its star imports may (a package's name that hides a submodule)."""
        if path not in self.bound_names:
            module = self.index.module(path)
            names: set[str] = set()
            if module is not None:
                own = self.index.own_words(module)
                names |= own.defined | own.assigned | set(self.imports_of(path))
                for star in self.starred.get(path, []):
                    target = self.index.resolve(star, roots)
                    inner = self.index.module(target) if target is not None else None
                    if inner is not None:
                        names |= self.index.own_words(inner).defined
            self.bound_names[path] = frozenset(names)
        return self.bound_names[path]

    def view(self, path: str, text: str) -> Optional["View"]:
        """The view of the module at ``path`` (its text as given), or None if it imports
        nothing of the project and no ``conftest.py`` fixture can reach it."""
        if not self.linked:
            return None
        view = View(self, os.path.abspath(path), text)
        return view if view.bindings or view.conftests else None

    def current(self, path: str) -> Optional[str]:
        """A file's content hash now (None: no such file), once a run."""
        if path not in self.digests:
            data = read(path)
            self.digests[path] = digest(data) if data is not None else None
        return self.digests[path]

    def unchanged(self, deps: dict[str, Optional[str]]) -> bool:
        return all(self.current(path) == known for path, known in deps.items())

    def export(self, path: str, key: str) -> tuple[Optional[tuple[str, Any]], dict[str, Optional[str]]]:
        """What the name ``key`` of a module of the project is (see ``summary.Summariser``),
        and the files that answer was made from. ("cycle", {}) inside an import cycle."""
        depth = len(self.making)
        if (path, key) in self.exported and depth >= self.partial.get((path, key), 0):
            return self.exported[(path, key)]
        module = self.index.module(path)
        if path in self.making:
            return ("cycle", {}), {}  # an import cycle: what it gives is not known yet
        if depth >= MAX_NESTED:  # too deep: unknown, and what asks is made without it
            for outer, asked in enumerate(self.asking):
                self.partial[asked] = outer
                self.partial_summarisers[asked[0]] = min(outer, self.partial_summarisers.get(asked[0], outer))
            return None, {}
        if module is None or self.too_large(module):
            return None, {}  # past the budget: unknown
        words = self.index.words(path)
        found: tuple[Optional[tuple[str, Any]], dict[str, Optional[str]]]
        if not (words.sources or words.sinks or words.handles or words.platform and self.index.own_words(module).platform):
            found = None, {path: module.digest}  # its words say it can give nothing (a platform flag is something)
        else:
            found = self.cached(path, module.digest, key) or self.made(path, key)
        self.exported[(path, key)] = found
        return found

    def too_large(self, module: Module) -> bool:
        """Past the budget (characters; a module has at least as many bytes)."""
        return len(module.data) > self.max_module_size and len(module.text) > self.max_module_size

    def cached(self, path: str, content: str, key: str) -> Optional[tuple[Optional[tuple[str, Any]], dict[str, Optional[str]]]]:
        if self.cache is None:
            return None
        entry = self.cache.load(self.cache.key("export", path, content, key))
        answer = entry.get("answer") if entry is not None else None
        if entry is None or not (answer is None or isinstance(answer, list) and len(answer) == 2) or not self.unchanged(entry["deps"]):
            return None
        return (str(answer[0]), answer[1]) if answer else None, entry["deps"]

    def made(self, path: str, key: str) -> tuple[Optional[tuple[str, Any]], dict[str, Optional[str]]]:
        from ..deep import run_deep

        module = self.index.module(path)
        assert module is not None
        text = self.export_text(path)
        named = key == "imports" or key.startswith("fixture:") or self.slice_words(path).issuperset(key.partition("@")[0].split("."))
        if text is None or not named:
            # The pre-pass says it can give nothing, or nothing by that name (a class's member,
            # too, is one the summary reads from what it is given): no LibCST.
            return None, {**View(self, path, module.text).deps, path: module.digest}
        depth = len(self.making)
        if depth < self.partial_summarisers.get(path, depth):  # made deeper, without some answers
            del self.partial_summarisers[path]
            self.summarisers.pop(path, None)
        self.partial.pop((path, key), None)
        self.making.append(path)
        self.asking.append((path, key))
        try:
            summariser = self.summariser(path, text)
            answer = run_deep(lambda: summariser.export(key)) if summariser is not None else None
        except Exception:  # a module the model cannot summarise gives nothing
            answer = None
        finally:
            self.making.pop()
            self.asking.pop()
        view = self.views.get(path)
        deps = {**(view.used if view is not None else {}), path: module.digest}
        if self.cache is not None and (path, key) not in self.partial:
            self.cache.store(self.cache.key("export", path, module.digest, key), {"answer": list(answer) if answer else None, "deps": deps})
        return answer, deps

    def slice_words(self, path: str) -> frozenset[str]:
        """The words of a module's export slice: a name its summary can give is one of them
        (a name only a star import binds is another module's, and that module answers)."""
        if path not in self.words:
            text = self.export_text(path)
            self.words[path] = frozenset(re.findall(r"\w+", normalised(text.text))) if text is not None else frozenset()
        return self.words[path]

    def summariser(self, path: str, text: Slice) -> Any:
        """The module parsed and its statements run, once a run (None: it cannot be)."""
        from ..deep import run_deep
        from .summary import Summariser  # LibCST: only once a summary is needed

        if path not in self.summarisers:
            module = self.index.module(path)
            assert module is not None
            view = self.views[path] = View(self, path, module.text)
            knowledge = dataclasses.replace(self.knowledge, project=view)
            label = os.path.relpath(path, self.index.search_path(path)[0]).replace(os.sep, "/")
            try:
                self.summarisers[path] = run_deep(lambda: Summariser(text, module.text, module.name, label, knowledge))
            except Exception:
                self.summarisers[path] = None
        return self.summarisers[path]

    def export_text(self, path: str) -> Optional[Slice]:
        """What of a module its summary is made from: the pre-pass's slice of what it may
        give (the whole text with ``prefilter`` off), None if nothing. Checked never to
        change a finding (``tests/test_project.py``)."""
        if path not in self.slices:
            module = self.index.module(path)
            assert module is not None
            if not self.prefilter:
                self.slices[path] = Slice(module.text)
                return self.slices[path]
            view = View(self, path, module.text)
            knowledge = dataclasses.replace(self.knowledge, project=view, fixtures=own_fixtures(module.text))
            try:
                tree = ast.parse(module.text)
                self.slices[path] = export_slice(module.text, tree, vocabulary(knowledge))
            except (SyntaxError, ValueError, MemoryError, RecursionError):
                self.slices[path] = Slice(module.text)
        return self.slices[path]

class View:
    """One module's view of the project (the ``catalog.Project`` its model asks)."""

    def __init__(self, project: Project, path: str, text: str) -> None:
        self.project, self.index, self.path = project, project.index, path
        self.name, self.package = self.index.name_of(path)
        self.roots = self.index.search_path(path)
        self.deps: dict[str, Optional[str]] = {}  # every file the view read (its words too)
        self.used: dict[str, Optional[str]] = {}  # the files of the summaries the model read, and of resolutions
        self.bindings: dict[str, tuple[str, str]] = {}  # local name -> (qualified name, module file)
        for local, qualname in _bindings(text, self.package, self.index):
            found: Optional[tuple[str, list[str]]]
            if local.startswith("*") or "." in local or local == qualname:  # imports a module itself
                exact = self.index.resolve(qualname, self.roots)
                found = (exact, []) if exact is not None else None
                if exact is not None:
                    self.note(exact)
            else:
                found = self.module_of(qualname)
            if found is not None:
                self.bindings[local] = (qualname, found[0])
        self.conftests = [c for c in self.index.conftests(path) if self.note(c)] if "def " in text else []
        self.names = frozenset(self.bindings)
        self.cached_words: Optional[tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]] = None

    def note(self, path: str, used: bool = True) -> bool:
        module = self.index.module(path)
        self.deps[path] = module.digest if module is not None else None
        if used:
            self.used[path] = self.deps[path]
        return module is not None

    def module_of(self, qualname: str) -> Optional[tuple[str, list[str]]]:
        """The file of the longest prefix of ``qualname`` that is a module of the project, and
        the rest of the name."""
        parts = qualname.split(".")
        for cut in range(len(parts), 0, -1):
            path = self.index.resolve(".".join(parts[:cut]), self.roots)
            if path is not None:
                break
        else:
            return None
        for shorter in range(1, cut if cut == len(parts) else 1):  # ``pkg.dial``: the package's name hides its submodule
            package = self.index.resolve(".".join(parts[:shorter]), self.roots)
            if package is not None and package.endswith("__init__.py") and parts[shorter] in self.project.bound(package, self.roots):
                path, cut = package, shorter
                break
        self.note(path)
        return path, parts[cut:]

    # --- What the model asks ----------------------------------------------------------

    def lookup(self, qualname: str) -> Optional[tuple[str, catalog.Export]]:
        if qualname.startswith("*"):  # ``from module import *``: the module itself, and its names
            exact = self.index.resolve(qualname[1:], self.roots)
            if exact is None:
                return None
            self.note(exact)
            return "module", {"names": sorted(self.project.bound(exact, self.roots))}
        forced: Optional[tuple[str, list[str]]] = None  # a name of a module's file, named by its summary
        for _ in range(MAX_CHAIN):
            found = forced or self.module_of(qualname)
            forced = None
            if found is None:
                return None
            path, rest = found
            if not rest:
                return "module", {"names": sorted(self.index.words(path).defined)}
            head, key = rest[0], ".".join(rest)
            own = self.index.own_words(self.index.module(path))  # type: ignore[arg-type]
            imported = self.project.imports_of(path).get(head)
            if imported is not None and head not in own.defined and head not in own.assigned:
                target = ".".join([imported, *rest[1:]])  # a re-export, read from the text: follow it
                if self.module_of(target) is None:
                    return "redirect", {"to": target}
                qualname = target
                continue
            if head not in own.defined and head not in own.assigned:  # a name a star import may bind
                imports = self.answer(path, "imports")
                if imports is None or imports[0] != "imports" or head not in imports[1]:
                    return imports if imports is not None and imports[0] == "cycle" else None
                module, _, name = str(imports[1][head]).rpartition(".")
                whole = self.index.resolve(str(imports[1][head]), self.roots)
                exact = self.index.resolve(module, self.roots) if module and whole is None else None
                if exact is not None:  # ``from .dial import *``: the names of dial.py, not of the package
                    self.note(exact)
                    forced = (exact, [name, *rest[1:]])
                    continue
                target = ".".join([str(imports[1][head]), *rest[1:]])
                if self.module_of(target) is None:
                    return "redirect", {"to": target}
                qualname = target
                continue
            return self.answer(path, key)
        return None

    def is_class(self, qualname: str) -> bool:
        """Whether a qualified name is a class of the project, read from the texts (its bases
        and what its instances hold are asked for when needed)."""
        for _ in range(MAX_CHAIN):
            found = self.module_of(qualname)
            if found is None or len(found[1]) != 1:
                return False
            path, (head,) = found
            own = self.index.own_words(self.index.module(path))  # type: ignore[arg-type]
            if head in own.classes:
                return True
            imported = self.project.imports_of(path).get(head)
            if imported is None or head in own.defined or head in own.assigned:
                return False
            qualname = imported
        return False

    def answer(self, path: str, key: str) -> Optional[tuple[str, Any]]:
        answer, deps = self.project.export(path, key)
        self.deps.update(deps)
        self.used.update(deps)
        return answer

    def value(self, qualname: str) -> Optional[tuple[str, catalog.Export]]:
        """What a bare name of the project holds, if not a function, class or module: the
        catalog's name another module imported ("redirect"), or a module-level socket
        ("value"). Only a name that module's text may assign at module level asks for its
        summary: a name's mere use costs no parse."""
        for _ in range(MAX_CHAIN):
            found = self.module_of(qualname)
            if found is None or not found[1]:
                return None
            path, rest = found
            own = self.index.own_words(self.index.module(path))  # type: ignore[arg-type]
            head = rest[0]
            if head in own.assigned or head in own.defined:
                if len(rest) > 1 or head not in own.assigned:
                    return None
                known = self.lookup(qualname)
                return known if known is not None and known[0] in ("value", "redirect") else None
            imported = self.project.imports_of(path).get(head)
            if imported is None:
                return None
            target = ".".join([imported, *rest[1:]])
            if self.module_of(target) is None:
                return "redirect", {"to": target}
            qualname = target
        return None

    def fixture(self, name: str) -> Optional[catalog.Export]:
        for conftest in self.conftests:
            if name in self.index.words(conftest).fixtures:  # the nearest fixture of that name
                found = self.answer(conftest, f"fixture:{name}")
                return found[1] if found is not None and found[0] == "fixture" else None
        return None

    def words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
        sources, handles, sinks, _ = self.all_words()
        return sources, handles, sinks

    def attribute_words(self) -> frozenset[str]:
        return self.all_words()[3]

    def all_words(self) -> tuple[frozenset[str], frozenset[str], frozenset[str], frozenset[str]]:
        """The module's names (and the names they lead to) that may give a socket, a handle,
        reach a sink; and the attribute names the project's classes may give."""
        if self.cached_words is None:
            sources: set[str] = set()
            handles: set[str] = set()
            sinks: set[str] = set()
            attributes: set[str] = set()
            for local, (qualname, path) in self.bindings.items():
                words = self.words_of(path)
                module = local.startswith("*") or self.index.name_of(path)[0] == qualname  # names a module itself
                named = ({local} | set(words.defined)) if module else {local}  # (``net.connect``, ``import *``)
                if local.startswith("*"):  # (``from .transports import *``: what its imports bind too)
                    named |= self.project.bound(path, self.roots)
                if words.sources:
                    sources |= named
                    handles |= named
                    attributes |= words.attributes
                if words.sinks:
                    sinks |= named
                    handles |= named
                if words.handles:  # ``def raw(s): return s.fileno()``: its result may be a handle
                    handles |= named
            for conftest in self.conftests:
                words = self.words_of(conftest)
                if words.sources or words.handles:  # (a fixture may give another's socket, or its handle)
                    sources |= words.fixtures
                    handles |= words.fixtures
            self.cached_words = (frozenset(sources), frozenset(handles), frozenset(sinks), frozenset(attributes))
        return self.cached_words

    def words_of(self, path: str) -> Words:
        words = self.index.words(path)
        for seen in self.index.reached(path):
            self.note(seen, used=False)
        return words


def _bindings(text: str, package: str, index: Index) -> list[tuple[str, str]]:
    """The names the text's imports bind, and the qualified names they bind them to."""
    found = []
    for match in _BINDING.finditer(text):
        module, names, plain = match.groups()
        if plain is not None:
            for part in plain.split(","):
                name, _, local = part.partition(" as ")
                name = name.strip()
                if re.fullmatch(r"[\w.]+", name):  # ``import a.b`` binds ``a``; its words are a.b's
                    found.append((local.strip() or name.split(".")[0], name))
            continue
        level = len(module) - len(module.lstrip("."))
        absolute = index.absolute(level, module.lstrip("."), package)
        if absolute is None:
            continue
        for part in names.strip("()").replace("\\", " ").split(","):
            name, _, local = part.partition(" as ")
            name, local = name.strip(), local.strip()
            if name == "*":
                found.append(("*" + absolute, absolute))
            elif re.fullmatch(r"\w+", name):
                found.append((local or name, f"{absolute}.{name}"))
    return [b for b in found if re.fullmatch(r"\*?[\w.]+", b[0])]


__all__ = ["Cache", "Project", "View", "decode", "imports_in", "own_fixtures"]
