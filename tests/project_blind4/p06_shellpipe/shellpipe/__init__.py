"""shellpipe: remote command execution for the ops console."""
