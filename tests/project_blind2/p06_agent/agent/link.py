"""The one connection to the collector, shared by the whole process."""
from .client import Client

COLLECTOR = ("127.0.0.1", 9100)

link = Client(COLLECTOR, retries=5)
