"""The module's own program: its functions and classes, and what is known of them.

Plain data. The functions and classes are registered as the flow meets their
definitions. A function runs (``scopes``) after the module body, with what its
callers in the module give each parameter (``FuncInfo.given``); it is summarised
(what a call of it returns, in terms of its parameters) when a call needs it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Optional, Union

import libcst as cst

from .values import Value

if TYPE_CHECKING:
    from .frames import Env


@dataclass
class Summary:
    """What a call of a function returns: a value, in which ``Param`` stands for the argument."""

    returns: Value = None


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
    queue: list[Work] = field(default_factory=list)  # what runs after the module body
    done: dict[str, Work] = field(default_factory=dict)  # what has run, by key
    again: dict[str, Work] = field(default_factory=dict)  # what has run and must run again, by key

    def function_of(self, qualname: str) -> Optional[FuncInfo]:
        return self.functions.get(qualname)
