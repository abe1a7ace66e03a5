"""gateway: protocol bridges for the lab gateway box."""
