"""com2tcp -- share a serial port over TCP (raw, one client at a time).

A Windows-only cousin of ser2net that uses the Win32 comm API directly, so
it needs nothing but pywin32.
"""

import argparse
import socket
import sys
import threading

import _overlapped
import _winapi
import pywintypes
import win32con
import win32file


def open_port(name: str, baud: int):
    handle = win32file.CreateFile(
        "\\\\.\\" + name,
        win32con.GENERIC_READ | win32con.GENERIC_WRITE,
        0,
        None,
        win32con.OPEN_EXISTING,
        0,
        None,
    )
    dcb = win32file.GetCommState(handle)
    dcb.BaudRate = baud
    dcb.ByteSize = 8
    dcb.Parity = win32file.NOPARITY
    dcb.StopBits = win32file.ONESTOPBIT
    win32file.SetCommState(handle, dcb)
    # return at once with whatever arrived; wait at most 50 ms
    win32file.SetCommTimeouts(handle, (0xFFFFFFFF, 0, 50, 0, 1000))
    return handle


class Bridge:
    def __init__(self, port_handle, client: socket.socket, local_echo: bool = False) -> None:
        self.port = port_handle
        self.client = client
        self.local_echo = local_echo
        self.alive = threading.Event()
        self.alive.set()

    def serial_to_net(self) -> None:
        while self.alive.is_set():
            try:
                hr, data = win32file.ReadFile(self.port, 4096)
            except pywintypes.error:
                break
            if data:
                self.client.sendall(data)
        self.alive.clear()

    def net_to_serial(self) -> None:
        handle = self.client.fileno()
        while self.alive.is_set():
            data, err = _winapi.ReadFile(handle=handle, size=4096)  # error: WSK101
            if not data:
                break
            win32file.WriteFile(self.port, data)
            if self.local_echo:
                _winapi.WriteFile(handle, data)  # error: WSK102
        self.alive.clear()

    def net_to_serial_overlapped(self) -> None:
        """Experimental: overlapped reads, so stop() can cancel them."""
        buf = bytearray(4096)
        while self.alive.is_set():
            ov = _overlapped.Overlapped(0)
            ov.ReadFileInto(self.client.fileno(), buf)  # error: WSK101
            n = ov.getresult(True)
            if not n:
                break
            win32file.WriteFile(self.port, bytes(buf[:n]))
        self.alive.clear()

    def net_to_serial_wsa(self) -> None:
        """The same loop through WSARecvInto (what the docs recommend)."""
        buf = bytearray(4096)
        while self.alive.is_set():
            ov = _overlapped.Overlapped(0)
            ov.WSARecvInto(self.client.fileno(), buf, 0)
            n = ov.getresult(True)
            if not n:
                break
            win32file.WriteFile(self.port, bytes(buf[:n]))
        self.alive.clear()

    def stop(self) -> None:
        self.alive.clear()
        win32file.CancelIo(self.client.fileno())


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description="share a COM port over TCP")
    ap.add_argument("port", help="COM port, e.g. COM3")
    ap.add_argument("-b", "--baud", type=int, default=115200)
    ap.add_argument("-P", "--tcp-port", type=int, default=7000)
    ap.add_argument("--echo", action="store_true", help="echo received bytes back to the client")
    ap.add_argument("--reader", choices=["sync", "overlapped", "wsa"], default="sync")
    args = ap.parse_args(argv)

    com = open_port(args.port, args.baud)
    srv = socket.create_server(("", args.tcp_port))
    try:
        while True:
            client, addr = srv.accept()
            print("client %s:%d" % addr[:2], file=sys.stderr)
            bridge = Bridge(com, client, args.echo)
            reader = {
                "sync": bridge.net_to_serial,
                "overlapped": bridge.net_to_serial_overlapped,
                "wsa": bridge.net_to_serial_wsa,
            }[args.reader]
            t = threading.Thread(target=reader, daemon=True)
            t.start()
            bridge.serial_to_net()
            bridge.stop()
            t.join(1)
            client.close()
    except KeyboardInterrupt:
        return 0
    finally:
        srv.close()
        win32file.CloseHandle(com)


if __name__ == "__main__":
    sys.exit(main())
