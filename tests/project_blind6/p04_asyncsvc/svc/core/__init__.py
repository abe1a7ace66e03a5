"""Core building blocks; nothing here starts I/O at import time."""
