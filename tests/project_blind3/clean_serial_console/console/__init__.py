"""serial-console: attach a maintenance console to COM ports and named pipes."""
from .io.factories import FACTORIES, Port

__all__ = ["FACTORIES", "Port"]
