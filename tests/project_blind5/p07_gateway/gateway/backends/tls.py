import ssl


def wrap(sock, host: str):
    ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    ctx.load_default_certs()
    return ctx.wrap_socket(sock, server_hostname=host)
