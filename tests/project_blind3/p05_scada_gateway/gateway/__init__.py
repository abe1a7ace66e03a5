"""Modbus/TCP gateway for the plant historian (Windows service)."""
