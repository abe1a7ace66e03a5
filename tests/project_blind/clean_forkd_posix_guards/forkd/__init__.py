"""forkd: a pre-forking TCP server that degrades gracefully on Windows."""
