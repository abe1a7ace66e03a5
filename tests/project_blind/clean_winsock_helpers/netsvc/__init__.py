"""netsvc: a Windows-friendly TCP service skeleton."""
