"""tunnel: expose a local program over TCP (a small inetd)."""
