"""ipc: pipe- and FIFO-based plumbing between the supervisor and its workers."""

from .channels import create_connection, open_pair

__all__ = ["create_connection", "open_pair"]
