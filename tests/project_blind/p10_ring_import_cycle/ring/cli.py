"""``python -m ring.cli SEED``: join the ring through a seed node."""

import os
import sys

from ring.node import dial_retry


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    host, _, port = argv[0].partition(":")
    s = dial_retry((host, int(port or 7000)))
    os.set_inheritable(s.fileno(), False)  # error: WSK205
    s.sendall(b"JOIN\n")
    print(s.recv(128).decode(errors="replace"))
    s.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
