"""rshell-lite: run commands remotely over TCP."""
from .client import open_session
from .session import Endpoint, Session, endpoint_of

__all__ = ["Endpoint", "Session", "endpoint_of", "open_session", "__version__"]
__version__ = "0.4.0"
