"""Metrics agent: probes run locally and their output is shipped to the collector."""
