"""relay: fan a journal of records out to upstream peers."""
