"""Line-oriented telemetry ingest server."""

__version__ = "0.9.0"
