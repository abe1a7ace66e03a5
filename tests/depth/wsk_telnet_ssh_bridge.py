"""tlsbridge -- accept TLS clients and bridge them to telnet.exe / plink.exe.

A Windows helper for the lab's console servers, which only speak telnet on
the management VLAN.
"""

import argparse
import os
import socket
import ssl
import subprocess
import sys
import threading

import cffi

ffi = cffi.FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    typedef int BOOL;
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
    HANDLE GetStdHandle(DWORD);
    """
)
k32 = ffi.dlopen("kernel32")

STD_OUTPUT_HANDLE = 0xFFFFFFF5  # (DWORD)-11


def make_context(certfile: str, keyfile: str) -> ssl.SSLContext:
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    ctx.minimum_version = ssl.TLSVersion.TLSv1_2
    ctx.load_cert_chain(certfile, keyfile)
    return ctx


def client_command(args) -> list:
    if args.ssh:
        return ["plink.exe", "-ssh", "-batch", "-l", args.user, args.target]
    return ["telnet.exe", args.target, str(args.target_port)]


def bridge_tls(tls: ssl.SSLSocket, args) -> None:
    # plink/telnet read the user's keystrokes directly from the connection
    child = subprocess.Popen(  # error: WSK301
        client_command(args),
        stdin=tls,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
    )
    try:
        for chunk in iter(lambda: child.stdout.read1(4096), b""):
            tls.sendall(chunk)
    finally:
        child.kill()
        tls.close()


def bridge_plain(conn: socket.socket, args) -> None:
    """--insecure: plaintext clients, relayed through pipes."""
    child = subprocess.Popen(client_command(args), stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def upstream() -> None:
        while data := conn.recv(4096):
            child.stdin.write(data)
            child.stdin.flush()
        child.stdin.close()

    threading.Thread(target=upstream, daemon=True).start()
    for chunk in iter(lambda: child.stdout.read1(4096), b""):
        conn.sendall(chunk)
    conn.close()


def monitor(conn: socket.socket) -> None:
    """--monitor: echo what the client types on this console, kernel32 style."""
    h = ffi.cast("HANDLE", conn.fileno())
    console = k32.GetStdHandle(STD_OUTPUT_HANDLE)
    buf = ffi.new("char[]", 4096)
    n = ffi.new("DWORD *")
    while k32.ReadFile(h, buf, 4096, n, ffi.NULL) and n[0]:  # error: WSK101
        k32.WriteFile(console, buf, n[0], n, ffi.NULL)


def send_banner(conn: socket.socket, text: str) -> None:
    data = text.encode("ascii", "replace")
    written = ffi.new("DWORD *")
    k32.WriteFile(ffi.cast("HANDLE", conn.fileno()), data, len(data), written, ffi.NULL)  # error: WSK102


def crt_descriptor(conn: socket.socket) -> int:
    """Some old C helpers want a CRT descriptor; wrap the socket for them."""
    import msvcrt

    return msvcrt.open_osfhandle(conn.fileno(), os.O_RDWR | os.O_BINARY)  # error: WSK204


def serve(args) -> None:
    ctx = make_context(args.cert, args.key) if not args.insecure else None
    with socket.create_server(("", args.port)) as srv:
        while True:
            raw, addr = srv.accept()
            print("client %s:%d" % addr[:2], file=sys.stderr)
            if ctx is None:
                send_banner(raw, "lab console bridge (plaintext)\r\n")
                target, conn = bridge_plain, raw
            else:
                target, conn = bridge_tls, ctx.wrap_socket(raw, server_side=True)
            threading.Thread(target=target, args=(conn, args), daemon=True).start()


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="tlsbridge")
    ap.add_argument("target")
    ap.add_argument("--target-port", type=int, default=23)
    ap.add_argument("--port", type=int, default=9923)
    ap.add_argument("--ssh", action="store_true")
    ap.add_argument("--user", default=os.environ.get("USERNAME", "lab"))
    ap.add_argument("--cert", default="bridge.pem")
    ap.add_argument("--key", default="bridge.key")
    ap.add_argument("--insecure", action="store_true")
    serve(ap.parse_args(argv))
    return 0


if __name__ == "__main__":
    sys.exit(main())
