from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Job:
    name: str
    argv: tuple[str, ...]
    env: dict[str, str] = dataclasses.field(default_factory=dict)
    timeout: float | None = None

    def describe(self) -> str:
        return f"{self.name}: {' '.join(self.argv)}"
