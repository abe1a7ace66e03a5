"""tunnel-broker: forwards local TCP ports to a remote relay."""
