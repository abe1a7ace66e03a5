import logging
import os

_configured = False


def get_logger(name):
    global _configured
    if not _configured:
        level = os.environ.get("PORTFWD_LOG", "WARNING").upper()
        logging.basicConfig(level=getattr(logging, level, logging.WARNING),
                            format="%(asctime)s %(name)s %(levelname)s %(message)s")
        _configured = True
    return logging.getLogger(name)
