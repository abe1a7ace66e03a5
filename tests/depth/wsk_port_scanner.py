"""pscan -- a small, dependency-free TCP/UDP port scanner."""

import argparse
import errno
import ipaddress
import os
import select
import socket
import sys
import time

TOP_PORTS = [21, 22, 23, 25, 53, 80, 110, 135, 139, 143, 443, 445,
             993, 995, 1433, 3306, 3389, 5432, 5900, 8080]

SERVICES = {21: "ftp", 22: "ssh", 23: "telnet", 25: "smtp", 53: "domain",
            80: "http", 110: "pop3", 135: "msrpc", 139: "netbios-ssn",
            143: "imap", 443: "https", 445: "microsoft-ds", 3389: "ms-wbt-server"}

# connect_ex() results that mean "still connecting"
_IN_PROGRESS = {0, errno.EINPROGRESS, errno.EWOULDBLOCK, errno.EALREADY,
                getattr(errno, "WSAEWOULDBLOCK", 10035)}


def parse_ports(spec: str) -> list[int]:
    ports: set[int] = set()
    for part in spec.split(","):
        if "-" in part:
            lo, hi = part.split("-", 1)
            ports.update(range(int(lo), int(hi) + 1))
        elif part:
            ports.add(int(part))
    return sorted(p for p in ports if 0 < p < 65536)


def close_all(socks: list[socket.socket]) -> None:
    for s in socks:
        os.close(s.detach())  # error: WSK205


def scan_tcp(host: str, ports: list[int], timeout: float) -> list[int]:
    pending: dict[socket.socket, int] = {}
    for port in ports:
        s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        os.set_blocking(s.fileno(), False)  # error: WSK205
        err = s.connect_ex((host, port))
        if err in _IN_PROGRESS:
            pending[s] = port
        else:
            s.close()
    found = []
    deadline = time.monotonic() + timeout
    try:
        while pending:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            # Windows reports failed connects in the exceptional set
            _, writable, failed = select.select([], list(pending), list(pending), left)
            for s in set(writable) | set(failed):
                port = pending.pop(s)
                if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                    found.append(port)
                s.close()
    finally:
        close_all(list(pending))
    return sorted(found)


def grab_banner(host: str, port: int, timeout: float = 2.0) -> str:
    try:
        s = socket.create_connection((host, port), timeout=timeout)
    except OSError:
        return ""
    with s:
        if port in (80, 8080):
            s.sendall(b"HEAD / HTTP/1.0\r\n\r\n")
        r, _, _ = select.select([s], [], [], timeout)
        if not r:
            return ""
        data = os.read(s.fileno(), 512)  # error: WSK201
    return data.split(b"\r\n", 1)[0].decode("latin-1", "replace")


def probe_udp(host: str, port: int, timeout: float = 1.0) -> str:
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.settimeout(timeout)
        try:
            s.sendto(b"\r\n", (host, port))
            s.recvfrom(1024)
            return "open"
        except socket.timeout:
            return "open|filtered"
        except ConnectionResetError:
            # Windows surfaces ICMP port-unreachable as WSAECONNRESET
            return "closed"


def expand_targets(spec: str) -> list[str]:
    try:
        net = ipaddress.ip_network(spec, strict=False)
    except ValueError:
        return [socket.gethostbyname(spec)]
    return [str(h) for h in net.hosts()] or [str(net.network_address)]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="pscan")
    ap.add_argument("target", help="host name, address or CIDR network")
    ap.add_argument("-p", "--ports", help="e.g. 22,80,8000-8100 (default: top ports)")
    ap.add_argument("-u", "--udp", action="store_true")
    ap.add_argument("-b", "--banners", action="store_true")
    ap.add_argument("-t", "--timeout", type=float, default=1.5)
    args = ap.parse_args(argv)
    ports = parse_ports(args.ports) if args.ports else TOP_PORTS

    for host in expand_targets(args.target):
        if args.udp:
            for port in ports:
                print("%s\t%d/udp\t%s" % (host, port, probe_udp(host, port, args.timeout)))
            continue
        for port in scan_tcp(host, ports, args.timeout):
            line = "%s\t%d/tcp\topen\t%s" % (host, port, SERVICES.get(port, ""))
            if args.banners:
                line += "\t" + grab_banner(host, port, args.timeout)
            print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
