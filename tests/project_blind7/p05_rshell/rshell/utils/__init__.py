from .auth import make_token, verify_token
from .quoting import join_command

__all__ = ["join_command", "make_token", "verify_token"]
