from __future__ import annotations

import dataclasses
import tomllib
from pathlib import Path


@dataclasses.dataclass(frozen=True)
class RelayConfig:
    host: str
    port: int
    command: tuple[str, ...]
    timeout: float = 10.0
    log_path: Path | None = None


def load(path: Path) -> RelayConfig:
    with path.open("rb") as fh:
        raw = tomllib.load(fh)
    section = raw.get("relay", {})
    return RelayConfig(
        host=section.get("host", "127.0.0.1"),
        port=int(section.get("port", 7400)),
        command=tuple(section.get("command", ["cat"])),
        timeout=float(section.get("timeout", 10.0)),
        log_path=Path(section["log"]) if "log" in section else None,
    )
