"""netutil: small networking helpers shared by the beacon agents."""
from .net import connect as dial
from .frames import *  # noqa: F401,F403

__all__ = ["dial", "send_frame", "FrameError"]
