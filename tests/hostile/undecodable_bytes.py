# Not UTF-8 and no coding cookie: ÿώ€ Γ(
import socket, win32file
s = socket.socket()
raw = 'ιθÿ'
win32file.WriteFile(s.fileno(), b'')  # error: WSK102
