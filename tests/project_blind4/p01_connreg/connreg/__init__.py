"""Named connection factories for the metrics relay."""

__version__ = "0.4.1"
