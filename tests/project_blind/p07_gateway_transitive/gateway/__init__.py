"""gateway: a small TCP front end that either serves or tunnels connections."""
