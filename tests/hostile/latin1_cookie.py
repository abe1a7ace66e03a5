# -*- coding: latin-1 -*-
# Ce module est encodé en latin-1: é, à, ç, ß, ñ, ¤, ½.
import socket, win32file
café = 'déjà vu'
señal = socket.create_connection(('hôte', 80))
win32file.WriteFile(señal.fileno(), 'données'.encode('latin-1'))  # error: WSK102
