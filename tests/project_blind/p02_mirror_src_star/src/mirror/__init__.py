"""mirror: keep a local copy of an upstream package index."""

__version__ = "1.2.0"
