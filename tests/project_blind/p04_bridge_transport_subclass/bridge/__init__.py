"""bridge: connect legacy field-device software to the TCP gateway."""

__version__ = "2.0.1"
