"""lanscan: banner grabbing and a tiny discovery responder."""
