"""The module's own program: its functions and classes, and what is known of them.

Plain data. The functions and classes are registered as the flow meets their
definitions. A function runs (``scopes``) after the module body, with what its
callers in the module give each parameter (``FuncInfo.given``); it is summarised
(what a call of it returns, in terms of its parameters) when a call needs it.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Callable, Deque, Optional, Union

import libcst as cst

from .. import catalog
from .values import Value

if TYPE_CHECKING:
    from .frames import Env


@dataclass(frozen=True)
class ParamSink:
    """A parameter of a function that reaches a sink: as the handle itself (``is_handle``),
    or as a socket whose handle the function takes."""

    index: int
    is_handle: bool
    sink: catalog.Sink  # the sink met (the catalog's, or a function's the call reaches)
    target: str  # the catalog's sink at the end of the way, as messages name it
    node: cst.CSTNode  # the call in the function that leads there
    top: int


@dataclass
class Summary:
    """What a call of a function returns: a value, in which ``Param`` stands for the argument."""

    returns: Value = None
    generator: bool = False  # a call makes a generator (a context manager: ``@contextmanager``)
    yields: Value = None  # what it yields
    sinks: tuple[ParamSink, ...] = ()  # its parameters that reach a sink


@dataclass
class FuncInfo:
    """A function or method of the module, summarised when a call needs it."""

    key: str  # "<f()>", "<C>.m": its qualified name in the module
    node: cst.FunctionDef
    name: str  # as messages show it
    parent: Optional["Env"]  # the enclosing function's frame, None at module level
    owner: Optional["ClassInfo"]
    posix: bool  # runs on POSIX only
    top: int  # the module-level statement that holds it
    summary: Optional[Summary] = None
    running: bool = False
    given: dict[str, Value] = field(default_factory=dict)  # what callers give a parameter (the first evidence)
    socket_overload: bool = False  # a singledispatch function with one registered for sockets: a socket goes there

    @property
    def dispatched(self) -> int:
        """The position of the parameter a singledispatch function dispatches on."""
        return 1 if self.takes_receiver else 0

    @property
    def takes_receiver(self) -> bool:
        """A method called on an object or class gets it first (``self``, ``cls``); a
        ``staticmethod`` does not."""
        return self.owner is not None and not any(
            isinstance(d.decorator, cst.Name) and d.decorator.value == "staticmethod" for d in self.node.decorators
        )

    def positional(self) -> list[str]:
        """The names of its positional parameters."""
        params = self.node.params
        return [p.name.value for p in [*params.posonly_params, *params.params]]


@dataclass
class ClassInfo:
    """A class of the module: its methods and what they store on ``self``."""

    key: str  # "<Name>", unique in the module: the qualified name of its instances
    name: str
    methods: list[FuncInfo] = field(default_factory=list)
    declared: dict[str, Value] = field(default_factory=dict)  # class-level annotations
    attrs: dict[str, Value] = field(default_factory=dict)  # facts in force this round
    stored: dict[str, Value] = field(default_factory=dict)  # what this round stored
    is_socket: bool = False  # derives from socket.socket: its instances are sockets
    posix: bool = False  # its tests run on POSIX only (a mark, or ``skip`` set on Windows)
    readers: set[str] = field(default_factory=set)  # the runs that read its instances' attributes
    bases: list["ClassInfo"] = field(default_factory=list)  # the module's classes it derives from
    library: list[str] = field(default_factory=list)  # the catalog's library classes it derives from
    fields: Optional[list[str]] = None  # a record's annotated fields, in order (None: no record)
    stores: Optional[dict[str, int]] = None  # how many times its methods store each attribute (``records.kept``)

    def record_fields(self) -> list[str]:
        """What a record's constructor takes, in order: its bases' fields, then its own."""
        found: list[str] = []
        for info in reversed(self.lineage()):
            found += [name for name in info.fields or () if name not in found]
        return found if self.fields is not None else []

    def lineage(self) -> list["ClassInfo"]:
        """The class and the module's classes it derives from, in method resolution order
        (depth first, each once)."""
        found: list[ClassInfo] = []
        todo = [self]
        while todo:
            info = todo.pop(0)
            if info not in found:
                found.append(info)
                todo[:0] = info.bases
        return found

    def libraries(self) -> list[str]:
        """The library classes it derives from, directly or through the module's classes."""
        return [cls for info in self.lineage() for cls in info.library]


@dataclass(frozen=True)
class FunctionRun:
    """A function to run after the module body (again, if its callers give it more)."""

    info: FuncInfo
    parent: Optional["Env"]
    top: int
    posix: bool

    @property
    def key(self) -> str:
        return self.info.key


@dataclass(frozen=True)
class ClassRun:
    """A class whose methods run together after the module body, until ``self`` settles."""

    info: ClassInfo
    parent: Optional["Env"]
    top: int
    posix: bool

    @property
    def key(self) -> str:
        return self.info.key


Work = Union[FunctionRun, ClassRun]


@dataclass
class Program:
    """Everything the module defines, keyed by the qualified names its values carry."""

    functions: dict[str, FuncInfo] = field(default_factory=dict)  # "<f()>", "<C>.m"
    classes: dict[str, ClassInfo] = field(default_factory=dict)  # "<C>"
    method_names: set[str] = field(default_factory=set)
    library_attributes: set[str] = field(default_factory=set)  # class-level names of library functions (``_ReadFile = k32.ReadFile``)
    queue: Deque[Work] = field(default_factory=deque)  # what runs after the module body, first in first out
    done: dict[str, Work] = field(default_factory=dict)  # what has run, by key
    again: dict[str, Work] = field(default_factory=dict)  # what has run and must run again, by key
    # A library or project class and the ones it derives from, nearest first (set by the evaluator).
    lineage: Callable[[str], list[str]] = catalog.library_classes

    def function_of(self, qualname: str) -> Optional[FuncInfo]:
        return self.functions.get(qualname)

    def rerun(self, key: str) -> None:
        """What has run and has been given more: it runs again."""
        work = self.done.get(key)
        if work is not None:
            self.again[key] = work

    def method(self, cls: str, name: str) -> Optional[FuncInfo]:
        """The method ``name`` of the module's class ``cls``, its own or inherited."""
        info = self.classes.get(cls)
        for owner in info.lineage() if info is not None else ():
            found = self.functions.get(f"{owner.key}.{name}")
            if found is not None:
                return found
        return None

    def library_classes(self, cls: str) -> list[str]:
        """The library classes an instance of ``cls`` is one of: its own library classes
        and theirs, nearest first (``cls`` a library class or one of the module's)."""
        info = self.classes.get(cls)
        direct = info.libraries() if info is not None else [cls]
        return [found for each in direct for found in self.lineage(each)]
