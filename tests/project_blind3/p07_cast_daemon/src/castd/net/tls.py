import functools
import socket
import ssl

CAST_PORT = 8009
MDNS_GROUP = ("224.0.0.251", 5353)


def open_tls(host, port=CAST_PORT):
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE  # devices use self-signed certificates
    raw = socket.create_connection((host, port), timeout=10)
    return ctx.wrap_socket(raw, server_hostname=host)


@functools.lru_cache(maxsize=1)
def mdns_socket():
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM, socket.IPPROTO_UDP)
    s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL, 255)
    s.connect(MDNS_GROUP)
    return s
