"""Remote maintenance agent: runs approved commands for the ops console."""
