"""meshnet: a peer relay for lab machines."""
