from .clients import ReplayClient, TelemetryClient

__all__ = ["TelemetryClient", "ReplayClient"]
