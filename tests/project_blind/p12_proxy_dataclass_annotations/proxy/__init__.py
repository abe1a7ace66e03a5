"""proxy: a line-oriented TCP proxy for the ticketing system."""
