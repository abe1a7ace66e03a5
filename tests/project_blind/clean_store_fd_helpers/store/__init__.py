"""store: an append-only journal with a replication hook."""
