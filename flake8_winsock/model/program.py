"""The module's own program: its functions and classes, and what is known of them.

Plain data. The functions and classes are registered as the flow meets their
definitions; a function is run (``scopes``) after the module body, and summarised
(what a call returns, which parameters reach what) when a call needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Union

import libcst as cst

from .values import Origin, Value

if TYPE_CHECKING:
    from .. import catalog
    from .frames import Env


@dataclass(frozen=True)
class Flow:
    """A parameter of a module function that reaches a sink."""

    index: int  # its position, ``self`` included
    param: str  # its name, for keyword calls
    wants: str  # "handle": the argument is the handle; "socket": its handle is taken inside
    sink: "catalog.Sink"
    chain: tuple[Origin, ...]  # calls from the function's body down to the sink call


@dataclass
class Summary:
    """What a call of a function returns, and which of its parameters reach a sink."""

    returns: Value = None
    flows: list[Flow] = field(default_factory=list)


@dataclass
class FuncInfo:
    """A function or method of the module, summarised when a call needs it."""

    node: cst.FunctionDef
    name: str  # as messages show it
    parent: Optional["Env"]  # the enclosing function's frame, None at module level
    owner: Optional["ClassInfo"]
    posix: bool  # runs on POSIX only
    top: int  # the module-level statement that holds it
    summary: Optional[Summary] = None
    running: bool = False


@dataclass
class ClassInfo:
    """A class of the module: its methods and what they store on ``self``."""

    key: str  # "<Name>", unique in the module: the qualified name of its instances
    name: str
    methods: list[tuple[cst.FunctionDef, bool]] = field(default_factory=list)  # with: POSIX only?
    declared: dict[str, Value] = field(default_factory=dict)  # class-level annotations
    attrs: dict[str, Value] = field(default_factory=dict)  # facts in force this round
    stored: dict[str, Value] = field(default_factory=dict)  # what this round stored
    is_socket: bool = False  # derives from socket.socket: its instances are sockets


@dataclass(frozen=True)
class FunctionRun:
    """A function to run after the module body: its findings are the ones outside any call."""

    node: cst.FunctionDef
    parent: Optional["Env"]
    top: int
    posix: bool


@dataclass(frozen=True)
class ClassRun:
    """A class whose methods run together after the module body, until ``self`` settles."""

    info: ClassInfo
    parent: Optional["Env"]
    top: int
    posix: bool


Work = Union[FunctionRun, ClassRun]


@dataclass
class Program:
    """Everything the module defines, keyed by the qualified names its values carry."""

    functions: dict[str, FuncInfo] = field(default_factory=dict)  # "<f()>", "<C>.m"
    classes: dict[str, ClassInfo] = field(default_factory=dict)  # "<C>"
    method_names: set[str] = field(default_factory=set)
    queue: list[Work] = field(default_factory=list)  # what runs after the module body

    def function_of(self, qualname: str) -> Optional[FuncInfo]:
        return self.functions.get(qualname)
