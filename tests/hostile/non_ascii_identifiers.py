# Identifiers in Cyrillic, Greek, CJK, with combining marks; astral characters in
# strings before the call on the same line.
import socket, win32file
сокет = socket.socket()
δεδομένα = b'\x00'
接続 = socket.create_connection(('例え.jp', 80))
naïve = 1
win32file.WriteFile(сокет.fileno(), δεδομένα)  # error: WSK102
emoji = '🙂🙂'; win32file.WriteFile(接続.fileno(), '𝔘𝔫𝔦𝔠𝔬𝔡𝔢'.encode())  # error: WSK102
class Ĉambro:
    def __init__(self, ŝlosilo: socket.socket):
        win32file.WriteFile(ŝlosilo.fileno(), b'')  # error: WSK102
