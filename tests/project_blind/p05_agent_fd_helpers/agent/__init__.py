"""agent: the endpoint agent that reports to the fleet server."""
