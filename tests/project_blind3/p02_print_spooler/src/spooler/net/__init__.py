"""Network side of the spooler: dialling and sessions."""
