import socket, win32file  # error: WSK900
# LibCST's parser raises TypeError (not ParserSyntaxError) on the next line, which
# Python accepts: the file is not analysable, and says so in one WSK900.
x = () if 0 else(lambda:())
s = socket.socket()
win32file.WriteFile(s.fileno(), b'')
