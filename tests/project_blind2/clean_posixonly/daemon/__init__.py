"""daemon: a pre-forking line server.  The descriptor tricks live in POSIX-only code."""
