# Python reads identifiers after NFKC normalisation: ｓ (fullwidth) is s, ﬁle is file.
import socket, win32file
ｓ = socket.socket()
win32file.WriteFile(s.fileno(), b'')  # error: WSK102
ﬁle = socket.socket()
win32file.WriteFile(file.fileno(), b'')  # error: WSK102
t = socket.socket()
ｔ = open('log.txt', 'rb')  # rebinds t: a file, not a socket
win32file.WriteFile(t.fileno(), b'')
