"""Child process: adopt the shared socket from stdin."""

import sys

from netsvc.helpers import adopt, send_all


def main():
    conn = adopt(sys.stdin.buffer.read())
    send_all(conn, b"served by child\r\n")
    conn.close()


if __name__ == "__main__":
    main()
