import msvcrt

import layered.middle as middle
from layered.cycle_a import ping


def expose():
    channel = middle.open_channel()
    return msvcrt.open_osfhandle(channel.fileno(), 0)  # error: WSK204
