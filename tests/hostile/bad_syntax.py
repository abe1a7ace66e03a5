import socket, win32file
s = socket.socket()
win32file.WriteFile(s.fileno(), b'')
def broken(:  # error: E999
    pass
