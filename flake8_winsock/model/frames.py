"""Frames: what each name holds at a point of the program, and how paths meet."""

from __future__ import annotations

from typing import Optional

from ..vocabulary import identifier
from .values import POSIX, Value, join

# A branch does not copy its scope's bindings: it is a layer over them holding what the
# branch binds, so that a branch and a merge cost what the branch changed, not the size
# of the scope. Past this many layers, a scope is flattened into one.
MAX_LAYERS = 8


class Env:
    """Bindings of one scope at one point of the flow.

    Keys are names (``s``) and attribute paths (``self.sock``). A key bound to
    ``None`` is known to hold something unknown; a missing key is looked up below:
    in the layers of the same scope, then in the enclosing scopes. ``dead`` marks a
    path that has returned, raised or jumped.
    """

    __slots__ = ("vars", "parent", "dead", "roots", "layer", "carried")

    def __init__(self, parent: Optional["Env"] = None, bindings: Optional[dict[str, Value]] = None):
        self.vars: dict[str, Value] = bindings if bindings is not None else {}
        self.parent = parent
        self.dead = False
        self.roots: set[str] = set()  # names some attribute-path key starts with
        self.layer = 0  # 0: the bottom of its scope; n: n layers over it
        self.carried: frozenset[str] = frozenset()  # keys of the layers flattened into this bottom

    def lookup(self, key: str) -> tuple[Value, bool]:
        key = identifier(key)
        env: Optional[Env] = self
        while env is not None:
            if key in env.vars:
                return env.vars[key], True
            env = env.parent
        return None, False

    def bound_below(self, key: str, outer: "Env") -> bool:
        """Whether ``key`` is bound in this frame's scopes before reaching ``outer``."""
        key = identifier(key)
        env: Optional[Env] = self
        while env is not None and env is not outer:
            if key in env.vars:
                return True
            env = env.parent
        return False

    def bind(self, key: str, value: Value) -> None:
        key = identifier(key)
        if "." in key:
            self.roots.add(key.split(".", 1)[0])
        elif key in self.roots:
            # Rebinding a name forgets what was known of its attributes.
            prefix = key + "."
            for stale in [k for k in self.scope_vars() if k.startswith(prefix)]:
                self.vars[stale] = None
            self.roots.discard(key)
        self.vars[key] = value

    def scope_vars(self) -> dict[str, Value]:
        """Every binding of this scope, its layers flattened."""
        layers = []
        env: Optional[Env] = self
        while env is not None:
            layers.append(env.vars)
            if env.layer == 0:
                break
            env = env.parent
        merged: dict[str, Value] = {}
        for bindings in reversed(layers):
            merged.update(bindings)
        return merged

    def bottom(self) -> "Env":
        env = self
        while env.layer:
            env = env.parent  # type: ignore[assignment]
        return env

    def copy(self) -> "Env":
        """A branch from this point: a new layer over it."""
        base = self
        if self.layer >= MAX_LAYERS:
            base = Env(self.bottom().parent, self.scope_vars())
            base.roots = set(self.roots)
            base.carried = frozenset(self.changed_keys())
        env = Env(base)
        env.layer = base.layer + 1
        env.roots = set(self.roots)
        env.dead = self.dead
        return env

    def changed_keys(self, since: Optional["Env"] = None) -> set[str]:
        """Keys bound in this scope's layers above ``since`` (a superset of what changed)."""
        keys: set[str] = set()
        env: Optional[Env] = self
        while env is not None and env is not since and env.layer:
            keys.update(env.vars)
            env = env.parent
        if env is not None and env is not since:
            keys |= env.carried
        return keys

    def layers(self) -> list["Env"]:
        chain, env = [], self
        while True:
            chain.append(env)
            if not env.layer:
                return chain
            env = env.parent  # type: ignore[assignment]


def merge(envs: list[Env]) -> Env:
    """The environment where several paths of the same scope meet.

    Dead paths do not reach the meeting point; if all are dead, so is the result.
    A key bound on one path only is joined with what the others see below it.
    """
    live = [e for e in envs if not e.dead]
    if not live:
        env = envs[0].copy() if envs else Env()
        env.dead = True
        return env
    result = live[0].copy()
    if len(live) == 1:
        return result
    # Only what changed above the layer all paths share can differ between them.
    shared = live[0].layers()
    for env in live[1:]:
        mine = {id(layer) for layer in env.layers()}
        shared = [layer for layer in shared if id(layer) in mine]
    since = shared[0] if shared else None
    keys: set[str] = set()
    for env in live:
        keys |= env.changed_keys(since)
        result.roots |= env.roots
    for key in keys:
        value: Value = None
        seen_any = False
        for env in live:
            seen, found = env.lookup(key)
            if not found and key != POSIX:
                continue  # unbound on that path: it cannot be used there
            # (no platform fact on a path: either platform, there)
            value = join(value, seen) if seen_any else seen
            seen_any = True
        if seen_any:
            result.vars[key] = value
    return result
