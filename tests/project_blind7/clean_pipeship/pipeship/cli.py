"""pipeship command line."""
import argparse
import os
import socket
import sys

from pipeship import PipeSource, TcpShipper, __version__, ship_command
from pipeship.shipper import ship_serial
from pipeship.utils.fdio import drain


def parse_target(text):
    host, _, port = text.rpartition(":")
    return host, int(port)


def main(argv=None):
    p = argparse.ArgumentParser(prog="pipeship")
    p.add_argument("--version", action="version", version=__version__)
    src = p.add_mutually_exclusive_group()
    src.add_argument("--pipe")
    src.add_argument("--serial")
    src.add_argument("--exec", dest="command")
    p.add_argument("--raw", action="store_true", help="ship stdin unchanged")
    p.add_argument("--spool", help="also append records to this file")
    p.add_argument("--inherit-handle", type=int, help="use an inherited socket instead of connecting")
    p.add_argument("target")
    args = p.parse_args(argv)
    host, port = parse_target(args.target)

    if args.inherit_handle is not None:
        conn = socket.socket(fileno=args.inherit_handle)
        conn.sendall(b"hello\n")
        conn.close()
    if "PIPESHIP_SHARED" in os.environ:
        shared = socket.fromshare(bytes.fromhex(os.environ["PIPESHIP_SHARED"]))
        shared.sendall(b"hello\n")
        shared.close()

    # The heartbeat socket is replaced by the spool file below.
    spool = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    spool.sendto(b"heartbeat", (host, port))
    spool.close()
    spool = open(args.spool, "ab") if args.spool else None

    shipper = TcpShipper(host, port)
    try:
        if args.raw:
            with shipper.sock.makefile("wb") as out:
                out.write(sys.stdin.buffer.read())
        elif args.command:
            return ship_command(args.command, shipper)
        elif args.serial:
            ship_serial(args.serial, shipper)
        elif args.pipe:
            source = PipeSource(args.pipe)
            source.wait_for_writer()
            while True:
                record = source.read()
                if not record:
                    break
                shipper.ship(record)
                if spool is not None:
                    spool.write(record)
                    os.fsync(spool.fileno())
        if os.name == "posix":
            shipper.sock.setblocking(False)
            drain(shipper.sock.fileno())
    finally:
        shipper.close()
        if spool is not None:
            spool.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
