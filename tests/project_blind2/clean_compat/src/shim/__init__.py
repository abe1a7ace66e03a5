"""shim: compatibility layer over the vendored transport packages."""
