# Indented with tabs; form feeds between sections and before statements.
import socket, win32file

class Relay:
	def __init__(self, address):
		self.sock = socket.create_connection(address)

	def push(self, data):
		if data:
			win32file.WriteFile(self.sock.fileno(), data)  # error: WSK102

s = socket.socket()
win32file.WriteFile(s.fileno(), b'')  # error: WSK102
def later():
	x = 1
	if x:
		win32file.WriteFile(s.fileno(), b'\t\f')  # error: WSK102
