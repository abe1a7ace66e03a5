"""pool: connection management for the inventory service client."""
