"""portfwd command line."""
import argparse
import sys

from portfwd import Forwarder, __version__, dial
from portfwd.utils.addr import parse_hostport


def main(argv=None):
    p = argparse.ArgumentParser(prog="portfwd")
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--probe", action="store_true", help="send PING to TARGET and print the reply")
    p.add_argument("--fast-copy", action="store_true", help="Windows: kernel32 upload loop")
    p.add_argument("--timeout", type=float, default=10.0)
    p.add_argument("local", nargs="?")
    p.add_argument("target")
    args = p.parse_args(argv)
    target = parse_hostport(args.target)

    if args.probe:
        conn = dial(*target, timeout=args.timeout)
        with conn:
            if sys.platform == "win32":
                import _winapi

                # Write the probe the way the service's own agent does.
                _winapi.WriteFile(conn.fileno(), b"PING\r\n")  # error: WSK102
            else:
                conn.sendall(b"PING\r\n")
            print(conn.recv(256).decode("utf-8", "replace").strip())
        return 0

    if args.local is None:
        p.error("LOCAL is required unless --probe is given")
    server = Forwarder(parse_hostport(args.local), target, fast_copy=args.fast_copy,
                       connect_timeout=args.timeout)
    print(f"forwarding {server.server_address[0]}:{server.server_address[1]} -> "
          f"{target[0]}:{target[1]}", file=sys.stderr)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
