import socket
import win32file

s = socket.create_connection(("example.com", 80))
win32file.WriteFile(s.fileno(), b"GET / HTTP/1.0\r\n\r\n")
