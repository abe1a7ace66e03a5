"""prefork: a pre-forking TCP server for Linux and the BSDs."""
