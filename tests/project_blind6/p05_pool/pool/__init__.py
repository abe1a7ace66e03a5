"""pool: accept connections on one thread, serve them on others."""
