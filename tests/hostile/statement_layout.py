# Several statements on a line, one statement over several lines, decorators,
# one-line suites: the finding is placed at the call.
import socket, win32file; s = socket.socket(); win32file.WriteFile(s.fileno(), b'')  # error: WSK102
if s: x = 1; win32file.WriteFile(s.fileno(), b'')  # error: WSK102
doc = '''
win32file.WriteFile(s.fileno(), b'') is only text here
'''
value = \
    1 + \
    2
win32file.WriteFile(  # error: WSK102
    s.fileno(),
    b'',
)
@decorator
@decorator(
    1,
)
def handler(conn: socket.socket): win32file.WriteFile(conn.fileno(), b'')  # error: WSK102
class Box: sock: socket.socket; data = 1
while s: win32file.WriteFile(s.fileno(), b''); break  # error: WSK102
