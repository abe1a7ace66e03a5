# UTF-8 with a byte order mark and CRLF line endings.
import socket, win32file
s = socket.socket()
text = '''a string
over lines'''
win32file.WriteFile(s.fileno(), b'')  # error: WSK102
