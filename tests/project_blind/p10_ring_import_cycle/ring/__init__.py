"""ring: a toy gossip ring used by the cluster integration tests."""
