"""A tiny plugin registry: connection factories register under a scheme name.

    @connection_factory("tcp")
    def open_tcp(host, port): ...

    conn = lookup("tcp")(host, port)
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

_FACTORIES: dict[str, Callable[..., Any]] = {}


class UnknownScheme(LookupError):
    """Raised by lookup() for a scheme nobody registered."""


def connection_factory(scheme: str):
    """Register the decorated callable as the factory for ``scheme``."""

    def decorate(func):
        if scheme in _FACTORIES:
            raise ValueError(f"scheme {scheme!r} registered twice")
        _FACTORIES[scheme] = func
        return func

    return decorate


def lookup(scheme: str):
    try:
        return _FACTORIES[scheme]
    except KeyError:
        raise UnknownScheme(scheme) from None


def schemes() -> list[str]:
    return sorted(_FACTORIES)
