"""winbridge: hand TCP endpoints to helper processes on Windows."""

__version__ = "1.2.0"
