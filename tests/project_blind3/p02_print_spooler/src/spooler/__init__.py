"""rawspool: send RAW/PJL jobs to network printers on port 9100 (Windows service)."""
__version__ = "1.3.0"
