import socket, win32file  # error: WSK900
# LibCST's parser raises TypeError (not ParserSyntaxError) on the next line, which
# Python accepts. It binds the socket the sink reads, so that line matters: the
# file is not analysable, and says so in one WSK900.
s = socket.socket() if 0 else(lambda:())
win32file.WriteFile(s.fileno(), b'')
