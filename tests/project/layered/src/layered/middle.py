from layered.base import make


def open_channel():
    channel = make()
    channel.connect(("example.org", 80))
    return channel
