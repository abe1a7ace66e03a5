from .listeners import control_socket, make_listener
from .sessions import accept_forever, session

__all__ = ["accept_forever", "control_socket", "make_listener", "session"]
