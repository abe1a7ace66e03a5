"""Every word list and name rule, derived once from the catalog and a project's knowledge.

The gate, the pre-pass (``slicing``) and the model read their words and their name
rules here, so that they cannot disagree on what a sink, a source or a handle is
called: a new catalog entry widens all of them at once.

Words are the last part of a qualified name (``WriteFile`` of ``win32file.WriteFile``):
the part that must show in a module's text for the model to resolve the name.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import catalog


def identifier(name: str) -> str:
    """A name as Python sees it: identifiers are NFKC-normalised (``ｓ`` is ``s``)."""
    return name if name.isascii() else unicodedata.normalize("NFKC", name)


def normalised(text: str) -> str:
    """A module's text with every identifier as Python sees it (only non-ASCII text changes)."""
    return text if text.isascii() else unicodedata.normalize("NFKC", text)


def last(qualname: str) -> str:
    """``WriteFile`` of ``win32file.WriteFile``."""
    return qualname.rsplit(".", 1)[-1]


def words(names: frozenset[str]) -> re.Pattern[str]:
    """A pattern that finds any of ``names`` as a whole word."""
    return re.compile(r"\b(?:%s)\b" % "|".join(sorted(map(re.escape, names))) if names else r"(?!)")


@dataclass(frozen=True, eq=False)
class Vocabulary:
    """The words of one configuration (the catalog and a project's knowledge)."""

    knowledge: catalog.Knowledge
    # Words without which no value is a socket: the calls that make one, the classes
    # whose instances are one or whose attributes hold one, the methods that return one.
    source_words: frozenset[str]
    # The names of the classes whose instances are sockets (``socket``, ``SSLSocket``).
    socket_classes: frozenset[str]
    # Words without which no value is a socket's handle (``fileno``, ``detach``, ...).
    handle_words: frozenset[str]
    # Sink names that name a sink wherever they appear (``WriteFile``), names that do so
    # only through their module (``os.read``: C runtime calls), and builtins (``open``).
    anywhere_sinks: frozenset[str]
    module_sinks: frozenset[str]
    builtin_sinks: frozenset[str]
    # The modules of the C runtime sinks (``os``, ``io``, ``msvcrt``, ``subprocess``, ...).
    sink_modules: frozenset[str]
    # Sink names that take the socket object itself (subprocess streams).
    socket_sinks: frozenset[str]
    # Methods a library calls with a socket, or with what holds one (``handle_stream``).
    callback_methods: frozenset[str]
    # Words of the platform tests the model understands (``platform``, ``fork``, ...).
    platform_words: frozenset[str]
    probe_words: frozenset[str]  # what a platform test reads (``sys.platform``, ``platform.system()``; ``os.name`` with ``os``)
    # Calls whose result may be a reference to what they are given or name: pass-through
    # wrappers (``int(x)``, ``typing.cast(T, x)``) and library loaders (``CDLL("msvcrt")``).
    reference_calls: frozenset[str]
    # Calls whose result may be a socket, a handle, or something that holds one: the
    # catalog's results, wrappers, container calls and evident methods.
    socket_calls: frozenset[str]

    # Attributes a class's instances may get from a class it derives from: the catalog's
    # library classes' (``self.request`` of a stream handler), and the project's.
    class_attributes: frozenset[str]

    @property
    def sink_words(self) -> frozenset[str]:
        return self.anywhere_sinks | self.module_sinks | self.builtin_sinks


def _bag_handle_words() -> set[str]:
    """The container methods whose result may be or hold a socket's handle: a selector's
    ``select()``, ``get_key()``, ``get_map()`` (whose keys' ``fd`` is one). The word is in
    the unit that takes the result, so a later ``key.fd`` needs no word of its own."""

    def gives_handle(view: catalog.BagView, seen: frozenset[str]) -> bool:
        if isinstance(view, tuple):
            return any(gives_handle(part, seen) for part in view)
        if view == "fd":
            return True
        if view is None or view not in catalog.BAG_KINDS or view in seen:
            return False
        return any(gives_handle(inner, seen | {view}) for inner in catalog.BAG_KINDS[view].values())

    made = {kind for kind, _ in catalog.BAG_MAKERS.values()}  # the methods of a container itself
    methods = {(name, view) for kind in made for name, view in catalog.BAG_KINDS[kind].items() if name not in ("iter", "[]")}
    return {name for name, view in methods if gives_handle(view, frozenset())}


def _holding_classes() -> set[str]:
    """The library classes whose instances (or subclasses' ``self``) have an attribute
    that holds a socket, their own or inherited."""
    holders = {q.rsplit(".", 1)[0] for q in catalog.SOCKET_ATTRIBUTES}
    return {cls for cls in catalog.LIBRARY_CLASSES if holders & set(catalog.library_classes(cls))} | holders


CLASS_ATTRIBUTES = frozenset(q.rsplit(".", 1)[-1] for q in (*catalog.SOCKET_ATTRIBUTES, *catalog.INSTANCE_ATTRIBUTES))


@lru_cache(maxsize=32)
def vocabulary(knowledge: catalog.Knowledge = catalog.CATALOG) -> Vocabulary:
    sinks = list(knowledge.sinks.values())
    results = knowledge.call_results
    makes_socket = (catalog.SOCKET, catalog.PAIR, catalog.ACCEPT)
    sources = (
        {last(q) for q in catalog.SOCKET_CLASSES}
        # a socket's own methods (``dup``, ``accept``) need a socket first
        | {last(q) for q, kind in results.items() if kind in makes_socket and not q.startswith(catalog.SOCKET_CLASS + ".")}
        | {last(q) for q in _holding_classes()}  # the library classes whose attributes hold one
        | {last(q) for q in catalog.CALLBACKS}  # the servers that call a function with one
        | {last(key) if "." in key else method for method, key in catalog.EXTRA_INFO_METHODS.items()}
        | set(catalog.SOCKET_WRAPPING_METHODS)
    )
    handles = {last(q) for q, kind in results.items() if kind == catalog.HANDLE} | _bag_handle_words()
    # The module's own fixtures, and the names its imports of the project bind that may give
    # a socket or a handle, or reach a sink (``project``): words as good as the catalog's.
    sources |= knowledge.fixtures
    linked_sources, linked_handles, linked_sinks = knowledge.project.words() if knowledge.project else ((), (), ())
    sources |= set(linked_sources)
    handles |= set(linked_handles)
    runtime = [s for s in sinks if s.posix_ok]
    return Vocabulary(
        knowledge=knowledge,
        source_words=frozenset(sources),
        socket_classes=frozenset(last(q) for q in catalog.SOCKET_CLASSES) | frozenset(linked_sources),  # (a project's class may be one)
        handle_words=frozenset(handles),
        anywhere_sinks=frozenset(s.name for s in sinks if not s.posix_ok) | frozenset(linked_sinks),
        module_sinks=frozenset(s.name for s in runtime if "." in s.qualname),
        builtin_sinks=frozenset(s.name for s in runtime if "." not in s.qualname),
        sink_modules=frozenset(s.qualname.rsplit(".", 1)[0].split(".")[0] for s in runtime if "." in s.qualname),
        socket_sinks=frozenset(s.name for s in sinks if s.takes_socket),
        callback_methods=frozenset(last(q) for q in catalog.CALLBACK_METHODS),
        probe_words=frozenset(
            {re.findall(r"\w+", probe)[-1] for probe in catalog.PLATFORM_PROBES} | {last(q) for q in catalog.PLATFORM_TEST_CALLS}
        ),
        platform_words=frozenset(
            {re.findall(r"\w+", probe)[-1] for probe in catalog.PLATFORM_PROBES}
            | {last(q) for q in catalog.PLATFORM_TEST_CALLS}
            | {last(q) for q in (*catalog.POSIX_ONLY, *catalog.IMPORT_OR_SKIP)}
            | set(catalog.POSIX_MODULES)
            | {last(q) for q in (*catalog.SKIP_IF, *catalog.SKIP_UNLESS, *knowledge.posix_decorators)}
            | set(catalog.MARK_NAMES)
            | {catalog.SKIP_ATTRIBUTE, "hasattr"}
        ),
        reference_calls=frozenset({last(q) for q in (*catalog.PASS_THROUGH, *catalog.LIBRARY_LOADERS, *catalog.PROTOTYPE_FACTORIES)}),
        socket_calls=frozenset(
            {last(q) for q in (*results, *catalog.PASS_THROUGH, *catalog.ELEMENTS_OF, *catalog.SUBSETS_OF, *catalog.CASTS, *catalog.ENTER_CALLS)}
            | {last(q) for q in (*catalog.REFERENCES, *catalog.TUPLES_OF, *catalog.PARTIALS, *catalog.CHAINS, *catalog.ELEMENT_OF)}
            | {catalog.FIXTURE_BY_NAME}
            | {last(q) for q in catalog.METHOD_CALLERS}  # (``methodcaller("fileno")``: a maker of handles)
            | {last(q) for q in catalog.BAG_MAKERS}
            | {name for views in catalog.BAG_KINDS.values() for name in views if name.isidentifier()}  # ``d.get(k)``
            | set(catalog.EXTRA_INFO_METHODS)
            | set(catalog.SOCKET_WRAPPING_METHODS)
            | set(linked_sources)
            | (knowledge.project.attribute_words() if knowledge.project else frozenset())  # ``net.connect()``
        ),
        class_attributes=CLASS_ATTRIBUTES | (knowledge.project.attribute_words() if knowledge.project else frozenset()),
    )
