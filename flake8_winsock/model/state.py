"""The model's state while it runs: the frame in force, and where in the program it is."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import libcst as cst

from .contents import Contents
from .frames import Env
from .program import ClassInfo, ParamSink
from .values import POSIX, Origin, Value


@dataclass
class Summarising:
    """A function being summarised: what it returns, in terms of its parameters, and which
    of its parameters reach a sink."""

    returns: list[Value] = field(default_factory=list)
    yields: list[Value] = field(default_factory=list)  # a generator: what it yields
    sinks: list[ParamSink] = field(default_factory=list)


@dataclass
class Judging(Summarising):
    """One of the module's decorators, run to see what it does with the function it decorates
    (``watched``): the functions it defines, by the key their name holds (their node, the
    frame they close over, and whether they are defined on POSIX only), and, for each call
    of the decorated function or each call it is handed to, whether it runs on POSIX only."""

    watched: Value = None
    defined: dict[str, tuple[cst.FunctionDef, Env, bool]] = field(default_factory=dict)
    calls: list[bool] = field(default_factory=list)


@dataclass
class State:
    env: Env = field(default_factory=Env)
    module_env: Optional[Env] = None  # the module's frame once its body has run
    env_at_module_level: Optional[Env] = None  # the module's frame at the statement being run
    top: int = 0  # index of the module-level statement being run (for positions)
    current_class: Optional[ClassInfo] = None  # the class of the method being run
    self_name: Optional[str] = None  # that method's first parameter
    in_class_body: bool = False  # running a class body's own statements (at any depth of its blocks)
    in_function: bool = False
    loop_exits: list[list[Env]] = field(default_factory=list)
    comprehension_scopes: list[Env] = field(default_factory=list)
    scope_names: list[str] = field(default_factory=list)  # classes and functions around the definition
    summaries: list[Summarising] = field(default_factory=list)
    run: str = ""  # the key of the function or class being run after the module body ("": the module)
    # What a rule reported, by run: a run's own list, the runs in the order they last ran
    # (taking back a run's reports is one deletion, whatever the module's size).
    reports: dict[str, list[object]] = field(default_factory=dict)
    too_deep: list[int] = field(default_factory=list)  # module-level statements nested too deeply
    spoiled: set[int] = field(default_factory=set)  # ``Many.sites`` given something else than their elements
    declared: set[int] = field(default_factory=set)  # container sites an annotation made: an unknown put in keeps them
    contents: Contents = field(default_factory=Contents)  # what the module puts into the containers it fills
    global_names: set[str] = field(default_factory=set)  # ``global`` names of the function being run
    nonlocal_names: set[str] = field(default_factory=set)  # its ``nonlocal`` names
    lambda_given: dict[int, dict[int, Value]] = field(default_factory=dict)  # a lambda's parameters a call gives elements to
    keywords: dict[int, Optional[dict[str, Value]]] = field(default_factory=dict)  # a mapping's entries by string key

    def origin(self, text: str, node: cst.CSTNode) -> Origin:
        return Origin(text, node, self.top)

    def posix_only_here(self) -> bool:
        return self.env.lookup(POSIX)[0] is True

    def summarising(self) -> Optional[Summarising]:
        return self.summaries[-1] if self.summaries else None

    def module_frame(self) -> Env:
        """The frame a module-level function sees as its globals at this point."""
        if self.module_env is not None:
            return self.module_env
        return self.env_at_module_level or self.env
