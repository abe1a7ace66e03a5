"""Session bookkeeping for the Windows control-channel service."""
