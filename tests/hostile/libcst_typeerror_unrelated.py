x = () if 0 else(lambda:())
# LibCST 1.9 refuses the line above with a TypeError; Python accepts it. Nothing
# else reads what it binds, so it costs only itself: no WSK900, and the misuse
# below is reported.
import socket
import win32file

s = socket.socket()
win32file.WriteFile(s.fileno(), b"x")  # error: WSK102
