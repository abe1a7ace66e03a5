"""What the module puts into the containers it fills (``Bag``), slot by slot.

Each put is kept under the run that made it (the module body's, a function's, a class's)
and a run's puts replace what its earlier run put when it ends (``begin``, ``commit``):
a function run again with more given, a class round that did not settle, puts anew. A
slot holds the join of every run's puts (those of a run in progress included). Each
read is remembered with what it saw; if a slot ends up holding otherwise (it was filled
after it was read), the model runs the module again with every slot as it ended
(``again``): that run reads the final contents and puts nothing.
"""

from __future__ import annotations

from typing import Optional

from .values import NONE, Value, is_evidence, join

Key = tuple[int, str]  # a container's site and a slot: "element", "key", "value"
_EMPTY = object()  # nothing was put into the slot


def nonlocal_slot(top: int, name: str) -> Key:
    """Where the functions nested in one module-level statement put what they assign to a
    name they declare ``nonlocal``."""
    return (0, f"nonlocal {top} {name}")


def global_slot(name: str) -> Key:
    """Where the module's functions put what they assign to a module name they declare ``global``."""
    return (0, f"global {name}")


def _kind(value: object) -> object:
    if value is _EMPTY:
        return value
    return type(value) if is_evidence(value) else None  # type: ignore[arg-type]


class Contents:
    def __init__(self, final: Optional[dict[Key, object]] = None) -> None:
        self.committed: dict[Key, dict[str, Value]] = {}
        self.pending: dict[str, dict[Key, Value]] = {}  # the runs in progress
        self.seen: dict[Key, object] = {}
        self.final = final  # the contents a run of the module ended with: read, never changed

    def begin(self, run: str) -> None:
        self.pending[run] = {}

    def commit(self, run: str) -> None:
        puts = self.pending.pop(run, {})
        for runs in self.committed.values():
            runs.pop(run, None)
        for key, value in puts.items():
            self.committed.setdefault(key, {})[run] = value

    def put(self, key: Key, run: str, value: Value) -> None:
        if self.final is not None:
            return
        puts = self.pending.setdefault(run, {})
        puts[key] = join(puts[key], value) if key in puts else value

    def total(self, key: Key) -> object:
        if self.final is not None:
            return self.final.get(key, _EMPTY)
        values = [*self.committed.get(key, {}).values(), *(puts[key] for puts in self.pending.values() if key in puts)]
        if not values:
            return _EMPTY
        found: Value = NONE
        for value in values:
            found = join(found, value)
        return found

    def read(self, key: Key) -> Value:
        """What the slot holds now (NONE: nothing yet)."""
        found = self.total(key)
        self.seen.setdefault(key, found)
        return NONE if found is _EMPTY else found  # type: ignore[return-value]

    def settled(self) -> bool:
        """Whether every slot read holds what it held when first read."""
        return all(_kind(seen) == _kind(self.total(key)) for key, seen in self.seen.items())

    def spoiled(self) -> set[int]:
        """The containers an element was taken out of as evidence, that end up holding other things."""
        return {key[0] for key, seen in self.seen.items() if is_evidence(seen) and not is_evidence(self.total(key))}  # type: ignore[arg-type]

    def again(self) -> "Contents":
        """The contents for another run of the module: every slot as this run ended."""
        return Contents({key: self.total(key) for key in {*self.committed, *self.seen}})
