"""telemetry: export metrics batches to the collector over TCP or UDP."""
