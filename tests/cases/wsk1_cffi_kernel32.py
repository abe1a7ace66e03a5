"""cffi bindings used by the metrics shipper on Windows hosts."""
import socket

from cffi import FFI

ffi = FFI()
ffi.cdef("""
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    typedef int BOOL;
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
    HANDLE GetStdHandle(DWORD);
""")
k32 = ffi.dlopen("kernel32")

STD_OUTPUT_HANDLE = 0xFFFFFFF5  # (DWORD)-11


def write_stdout(data: bytes):
    n = ffi.new("DWORD *")
    k32.WriteFile(k32.GetStdHandle(STD_OUTPUT_HANDLE), data, len(data), n, ffi.NULL)


def ship(host, port, payload: bytes):
    conn = socket.create_connection((host, port))
    written = ffi.new("DWORD *")
    k32.WriteFile(ffi.cast("HANDLE", conn.fileno()), payload, len(payload), written, ffi.NULL)  # error: WSK102
    reply = ffi.new("char[]", 64)
    got = ffi.new("DWORD *")
    k32.ReadFile(ffi.cast("HANDLE", conn.fileno()), reply, 64, got, ffi.NULL)  # error: WSK101
    conn.close()
    return ffi.buffer(reply, got[0])[:]


def ship_batch(host, port, lines):
    s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    s.connect((host, port))
    h = ffi.cast("HANDLE", s.fileno())
    written = ffi.new("DWORD *")
    for line in lines:
        k32.WriteFile(h, line, len(line), written, ffi.NULL)  # error: WSK102
    s.close()


def ship_ok(host, port, payload: bytes):
    with socket.create_connection((host, port)) as conn:
        conn.sendall(payload)
        return conn.recv(64)
