"""pipeserver: spools probe output through named pipes and plain descriptors."""
