"""Instrument plugins, loaded by name at run time."""

import importlib
import os
import subprocess

from .drivers.serial import connect as serial_connect


def load(name):
    return importlib.import_module(f"hub_plugins.{name}")


def open_plugin_channel(name):
    plugin = load(name)
    s = plugin.connect()
    return os.dup(s.fileno())


def serial_console(device):
    port = serial_connect(device)
    return subprocess.Popen(["minicom", "-D", device], stdin=port, stdout=port)
