"""Concrete transports. Import the registry rather than the factories."""
