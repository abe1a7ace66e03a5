"""Exporter configuration."""

from dataclasses import dataclass


@dataclass(frozen=True)
class ExporterConfig:
    host: str = "127.0.0.1"
    port: int = 4317
    protocol: str = "tcp"
    timeout: float = 5.0

    @classmethod
    def from_env(cls, env):
        return cls(
            host=env.get("TELEMETRY_HOST", cls.host),
            port=int(env.get("TELEMETRY_PORT", cls.port)),
            protocol=env.get("TELEMETRY_PROTOCOL", cls.protocol),
        )
