"""console: a remote maintenance console for lab machines."""
