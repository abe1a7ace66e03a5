"""Environments: what each name holds at a point of the program, and how paths meet."""

from __future__ import annotations

from typing import Optional

from .values import Value, join

# The key under which an environment records that its code runs on POSIX only
# (True), on Windows (False), or either (missing or None).
POSIX = "<posix>"


class Env:
    """Bindings of one scope at one point of the flow.

    Keys are names (``s``) and attribute paths (``self.sock``). A key bound to
    ``None`` is known to hold something unknown; a missing key is looked up in the
    enclosing scopes. ``dead`` marks a path that has returned, raised or jumped.
    """

    __slots__ = ("vars", "parent", "dead")

    def __init__(self, parent: Optional["Env"] = None, bindings: Optional[dict[str, Value]] = None):
        self.vars: dict[str, Value] = bindings if bindings is not None else {}
        self.parent = parent
        self.dead = False

    def lookup(self, key: str) -> tuple[Value, bool]:
        env: Optional[Env] = self
        while env is not None:
            if key in env.vars:
                return env.vars[key], True
            env = env.parent
        return None, False

    def bind(self, key: str, value: Value) -> None:
        if "." not in key:
            # Rebinding a name forgets what was known of its attributes.
            prefix = key + "."
            for stale in [k for k in self.vars if k.startswith(prefix)]:
                del self.vars[stale]
        self.vars[key] = value

    def copy(self) -> "Env":
        env = Env(self.parent, dict(self.vars))
        env.dead = self.dead
        return env


def merge(envs: list[Env]) -> Env:
    """The environment where several paths of the same scope meet.

    Dead paths do not reach the meeting point; if all are dead, so is the result.
    A key bound on one path only is joined with what the others see outside.
    """
    live = [e for e in envs if not e.dead]
    if not live:
        env = envs[0].copy() if envs else Env()
        env.dead = True
        return env
    first = live[0]
    if len(live) == 1:
        return first.copy()
    result = Env(first.parent)
    keys: dict[str, None] = {}
    for env in live:
        keys.update(dict.fromkeys(env.vars))
    for key in keys:
        for env in live:
            seen, found = env.lookup(key)
            if not found:
                continue  # unbound on that path: it cannot be used there
            result.vars[key] = join(result.vars[key], seen) if key in result.vars else seen
    return result
