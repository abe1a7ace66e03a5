"""posixd: a pre-fork supervisor that passes listening sockets to workers."""
