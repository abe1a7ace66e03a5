"""daemon: the site agent that keeps a control connection to the hub."""
