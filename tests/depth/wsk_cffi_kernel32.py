"""cffi shim for zero-copy transfers in the backup agent (Windows).

The agent streams snapshot blocks to the vault over TLS. The shim reaches
kernel32 directly; blocks from local volumes go through ReadFile.
"""
import logging
import socket
import ssl

import cffi

log = logging.getLogger("backup.kernel32")

ffi = cffi.FFI()
ffi.cdef(
    """
    typedef void *HANDLE;
    typedef unsigned long DWORD;
    typedef int BOOL;
    BOOL ReadFile(HANDLE, void *, DWORD, DWORD *, void *);
    BOOL WriteFile(HANDLE, const void *, DWORD, DWORD *, void *);
    BOOL DuplicateHandle(HANDLE, HANDLE, HANDLE, HANDLE *, DWORD, BOOL, DWORD);
    HANDLE GetCurrentProcess(void);
    DWORD GetLastError(void);
    """
)
k32 = ffi.dlopen("kernel32")

DUPLICATE_SAME_ACCESS = 0x2


def read_volume_block(volume_handle, size):
    """``volume_handle`` comes from CreateFileW on \\\\.\\PhysicalDriveN."""
    buf = ffi.new("char[]", size)
    got = ffi.new("DWORD *")
    if not k32.ReadFile(ffi.cast("HANDLE", volume_handle), buf, size, got, ffi.NULL):
        raise OSError(k32.GetLastError(), "ReadFile failed")
    return ffi.buffer(buf, got[0])[:]


class VaultLink:
    def __init__(self, host, port=8443, cafile=None):
        ctx = ssl.create_default_context(cafile=cafile)
        raw = socket.create_connection((host, port))
        self.tls = ctx.wrap_socket(raw, server_hostname=host)
        self.plain_probe = socket.create_connection((host, port + 1))

    def send_block(self, block):
        # TLS records must go through the SSL object.
        self.tls.sendall(block)

    def send_block_fast(self, block):
        sent = ffi.new("DWORD *")
        ok = k32.WriteFile(ffi.cast("HANDLE", self.plain_probe.fileno()), block, len(block), sent, ffi.NULL)  # error: WSK102
        if not ok:
            raise OSError(k32.GetLastError(), "WriteFile failed")
        return sent[0]

    def read_status(self):
        buf = ffi.new("char[]", 128)
        got = ffi.new("DWORD *")
        k32.ReadFile(ffi.cast("HANDLE", self.tls.fileno()), buf, 128, got, ffi.NULL)  # error: WSK101
        return ffi.buffer(buf, got[0])[:]

    def handle_for(self, process_handle):
        out = ffi.new("HANDLE *")
        me = k32.GetCurrentProcess()
        k32.DuplicateHandle(me, ffi.cast("HANDLE", self.plain_probe.fileno()), process_handle, out, 0, 0, DUPLICATE_SAME_ACCESS)  # error: WSK103
        return out[0]

    def close(self):
        self.tls.close()
        self.plain_probe.close()


def backup(volume_handle, host, blocks):
    link = VaultLink(host)
    try:
        for i in range(blocks):
            link.send_block(read_volume_block(volume_handle, 1 << 20))
            if i % 64 == 0:
                log.info("status: %r", link.read_status())
    finally:
        link.close()
