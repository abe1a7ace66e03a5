"""netkit: small building blocks for the fleet beacon agent."""
