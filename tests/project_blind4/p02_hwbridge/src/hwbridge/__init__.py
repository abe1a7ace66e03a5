"""Framed channels to the bench instrument controller."""
from .channel import Channel
from .pipechan import PipeChannel
from .sockchan import SocketChannel

__all__ = ["Channel", "PipeChannel", "SocketChannel"]
