import http.client


def open_http(host: str, port: int = 80) -> http.client.HTTPConnection:
    conn = http.client.HTTPConnection(host, port, timeout=10)
    conn.connect()
    return conn
