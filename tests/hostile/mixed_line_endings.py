# LF, CRLF and CR line endings in one file.
import socket, win32file
s = socket.socket()x = '''onetwo
three
'''
win32file.WriteFile(s.fileno(), b'')  # error: WSK102y = 1
win32file.WriteFile(s.fileno(), b'')  # error: WSK102
