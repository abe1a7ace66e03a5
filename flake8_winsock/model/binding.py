"""Binding: what assignments, imports, ``isinstance`` tests and comprehensions put into frames."""

from __future__ import annotations

from typing import Callable, Optional, Union

import libcst as cst

from .. import catalog
from ..vocabulary import identifier
from .evaluate import Evaluator
from .frames import Env
from .state import State
from .syntax import dotted
from .contents import global_slot, nonlocal_slot
from .values import OTHER, Bag, Handle, Many, Ref, Sock, Tup, Value, is_evidence, join

Comprehension = Union[cst.ListComp, cst.SetComp, cst.GeneratorExp, cst.DictComp]
Facts = dict[str, Value]


def _common(a: Facts, b: Facts) -> Facts:
    """The facts that hold whichever of two tests decided: those both say alike."""
    return {key: value for key, value in a.items() if key in b and b[key] == value}


def _absolute(level: int, module: str, package: Optional[str]) -> Optional[str]:
    """The module ``from <level dots><module> import`` names, in a module of ``package``
    (None: a relative import where the package is not known)."""
    if not level:
        return module or None
    if package is None:
        return None
    parts = package.split(".") if package else []
    if level - 1 > len(parts) or level - 1 == len(parts) and not module:
        return None
    return ".".join([*parts[: len(parts) - (level - 1)], *([module] if module else [])]) or None


class Binder:
    def __init__(self, state: State, evaluator: Evaluator) -> None:
        self.state, self.evaluator = state, evaluator
        self.project = evaluator.linked.project
        self.containers = evaluator.containers
        evaluator.comprehend = lambda node: self.comprehension(node, None)  # type: ignore[arg-type]
        evaluator.choose = self.if_expression

    def bind(self, target: cst.BaseExpression, value: Value) -> None:
        state, containers = self.state, self.containers
        if isinstance(target, cst.Subscript):  # ``c[i] = x`` puts ``x`` into ``c``; ``c[i:j] = xs``, each of ``xs``
            whole = isinstance(target.slice[0].slice, cst.Slice) if len(target.slice) == 1 else False
            bag = self.evaluator.value_of(target.value)
            if isinstance(bag, Bag):
                index = target.slice[0].slice if len(target.slice) == 1 else None
                containers.stored(bag, index.value if isinstance(index, cst.Index) and not whole else None, value)
                return
            added = containers.element(value, None) if whole else value
            containers.put(self.evaluator.value_of(target.value), [added])
        elif isinstance(target, cst.Name):
            state.env.bind(target.value, value)
            if target.value in state.global_names:  # ``global x; x = ...``: one of the module's values
                state.contents.put(global_slot(target.value), state.run, value)
            if target.value in state.nonlocal_names:  # ``nonlocal x; x = ...``: the enclosing function's
                state.contents.put(nonlocal_slot(state.top, target.value), state.run, value)
        elif isinstance(target, cst.Attribute):
            path = dotted(target)
            if path is None:
                return
            state.env.bind(path, value)
            owner = state.current_class
            if owner is not None and not state.summaries and path.count(".") == 1:
                if path.split(".")[0] == state.self_name:
                    attr = identifier(target.attr.value)
                    owner.stored[attr] = join(owner.stored[attr], value) if attr in owner.stored else value
        elif isinstance(target, (cst.Tuple, cst.List)):
            elements = target.elements
            items = value.items if isinstance(value, Tup) and len(value.items) == len(elements) else None
            each = containers.element(value, None) if isinstance(value, Many) else None  # ``a, b = socks``
            for i, element in enumerate(elements):
                if isinstance(element, cst.StarredElement):
                    self.bind(element.value, value if each is not None else None)
                else:
                    self.bind(element.value, items[i] if items else each)
        elif isinstance(target, cst.StarredElement):
            self.bind(target.value, None)

    def declare(self, target: cst.BaseExpression, declared: Value) -> None:
        """``self.idle: list[socket.socket] = []`` in a method: what the class's instances hold
        there, as a class-level annotation says it (what other methods store cannot undo it)."""
        owner, path = self.state.current_class, dotted(target)
        if owner is None or self.state.summaries or path is None or not is_evidence(declared):
            return
        head, _, attr = path.partition(".")
        if head == self.state.self_name and attr and "." not in attr:
            owner.declared.setdefault(identifier(attr), declared)

    def bind_import(self, node: Union[cst.Import, cst.ImportFrom]) -> None:
        env = self.state.env
        if isinstance(node, cst.Import):
            for alias in node.names:
                path = dotted(alias.name) or ""
                if alias.asname is not None:
                    env.bind(alias.asname.name.value, Ref(catalog.canonical(path)))  # type: ignore[union-attr]
                else:
                    root = path.split(".")[0]
                    env.bind(root, Ref(root))
            return
        module = dotted(node.module) if node.module is not None else ""
        module = _absolute(len(node.relative), module or "", self.project.package if self.project else None)
        if isinstance(node.names, cst.ImportStar):
            for name, qualname in catalog.star_names(module or "").items():
                env.bind(name, Ref(qualname))
            found = self.evaluator.linked.lookup("*" + module) if module and self.project else None
            for name in found[1].get("names", ()) if found is not None and found[0] == "module" else ():
                env.bind(name, Ref(f"{module}.{name}"))  # the project's module: the names it defines
            return
        for alias in node.names:
            imported = dotted(alias.name) or ""
            local = alias.asname.name if alias.asname is not None else None
            name = local.value if isinstance(local, cst.Name) else imported
            env.bind(name, Ref(catalog.canonical(f"{module}.{imported}")) if module else None)

    def narrowing(self, test: cst.BaseExpression) -> tuple[Facts, Facts]:
        """Facts that hold when ``test`` is true, and when it is false."""
        test = self.evaluator.platform.decided(test)
        if isinstance(test, cst.UnaryOperation) and isinstance(test.operator, cst.Not):
            when_true, when_false = self.narrowing(test.expression)
            return when_false, when_true
        if isinstance(test, cst.BooleanOperation):
            left, right = self.narrowing(test.left), self.narrowing(test.right)
            if isinstance(test.operator, cst.And):  # true: both hold; false: what either way holds
                return {**left[0], **right[0]}, _common(left[1], right[1])
            return _common(left[0], right[0]), {**left[1], **right[1]}
        guard = self.evaluator.guard(test)
        if guard is not None:
            return guard.facts()
        if isinstance(test, cst.Call) and self.evaluator.value_of(test.func) == Ref("isinstance"):
            subject = dotted(test.args[0].value) if len(test.args) == 2 else None
            if subject is None:
                return {}, {}
            classes = test.args[1].value
            options = [e.value for e in classes.elements] if isinstance(classes, cst.Tuple) else [classes]
            socket_options = [self.evaluator.classes.is_socket_class(option) for option in options]
            if all(socket_options):
                return {subject: Sock(self.state.origin("isinstance() check", test))}, {subject: OTHER}
            if not any(socket_options):
                return {}, {}
            return {subject: None}, {subject: None}
        return {}, {}

    def if_expression(self, node: cst.IfExp) -> Value:
        """``a if test else b``: each side evaluated with what the test says when it holds, or not."""
        state, saved = self.state, self.state.env
        sides: list[Value] = []
        for facts, side in zip(self.narrowing(node.test), (node.body, node.orelse)):
            state.env = Env(parent=saved)
            for key, value in facts.items():
                state.env.bind(key, value)
            try:
                sides.append(self.evaluator.value_of(side))
            finally:
                state.env = saved
        return join(sides[0], sides[1])

    def comprehension(self, node: Comprehension, walk: Optional[Callable[[cst.CSTNode], None]]) -> Value:
        """Run a comprehension in its own frame, each target bound to an element of what it iterates.

        With ``walk``, its parts are walked (their calls checked); otherwise, its value:
        a container, if every element it makes is a socket (or a handle).
        """
        state = self.state
        saved = state.env
        state.comprehension_scopes.append(saved)
        state.env = Env(parent=saved)
        try:
            clause: Optional[cst.CompFor] = node.for_in
            while clause is not None:
                if walk is not None:
                    walk(clause.iter)
                self.bind(clause.target, self.containers.iterated(clause.iter))
                for condition in clause.ifs:
                    if walk is not None:
                        walk(condition)
                    for key, value in self.narrowing(condition.test)[0].items():  # ``if isinstance(x, socket.socket)``
                        state.env.bind(key, value)
                clause = clause.inner_for_in
            if walk is not None:
                for part in (node.key, node.value) if isinstance(node, cst.DictComp) else (node.elt,):
                    walk(part)
                return None
            keyed = self.evaluator.value_of(node.key) if isinstance(node, cst.DictComp) else None
            item = self.evaluator.value_of(node.value if isinstance(node, cst.DictComp) else node.elt)
        finally:
            state.env = saved
            state.comprehension_scopes.pop()
        if isinstance(node, cst.DictComp):  # ``{c.fileno(): c for c in conns}``: keys and values
            if not (is_evidence(keyed) or is_evidence(item)):
                return None
            table = Bag(frozenset({id(node)}), "mapping")
            state.keywords[id(node)] = None  # (its keys cannot be told)
            self.containers.fill(table, "key", keyed)
            self.containers.fill(table, "value", item)
            return table
        if isinstance(item, (Sock, Handle)):
            return Many(item, frozenset({id(node)}))
        if not is_evidence(item):
            return None
        made = Bag(frozenset({id(node)}), "sequence")  # ``[(c, a) for c, a in subs]``: records holding sockets
        self.containers.fill(made, "element", item)
        return made
