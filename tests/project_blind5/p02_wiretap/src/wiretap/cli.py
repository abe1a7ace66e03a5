"""wiretap-dump: connect and copy the stream to stdout."""
import argparse
import msvcrt
import os
import sys

import wiretap.transport.tcp as tcp
from wiretap.transport import BaseTransport


def dump(host: str, port: int) -> None:
    t = tcp.TcpTransport.connect(host, port)
    with os.fdopen(t.fileno(), "rb") as fh:  # error: WSK203
        sys.stdout.buffer.write(fh.read())


def crt_descriptor(host: str, port: int) -> int:
    base = BaseTransport((host, port))
    return msvcrt.open_osfhandle(base.handle, os.O_RDONLY)  # error: WSK204


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="wiretap-dump")
    parser.add_argument("host")
    parser.add_argument("port", type=int)
    args = parser.parse_args(argv)
    dump(args.host, args.port)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
