"""proxyhub: a tiny fan-out proxy that keeps its peers in a registry."""
