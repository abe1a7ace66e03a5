import socket, win32file
# LibCST's parser raises TypeError (not ParserSyntaxError) on the next line, which
# Python accepts. It binds the socket the sink reads, so that line matters: it is left
# out, the rest of the file is analysed, and one WSK900 says so, at that line.
s = socket.socket() if 0 else(lambda:())  # error: WSK900
win32file.WriteFile(s.fileno(), b'')
