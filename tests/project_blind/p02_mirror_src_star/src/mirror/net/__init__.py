"""Network access for the mirror client (plain TCP and TLS)."""

from .dial import *  # noqa: F401,F403  (re-export the public dialers)
