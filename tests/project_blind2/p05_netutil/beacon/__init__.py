"""beacon: the field agent."""
