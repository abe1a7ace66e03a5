"""wiretap: capture and replay TCP byte streams."""
__version__ = "1.0.0"
