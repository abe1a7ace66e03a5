"""hub: talks to lab instruments through vendor SDKs."""
