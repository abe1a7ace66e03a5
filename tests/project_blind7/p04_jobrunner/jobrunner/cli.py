"""jobrunner command line."""
import argparse
import sys

from jobrunner import Pool, __version__


def main(argv=None):
    p = argparse.ArgumentParser(prog="jobrunner")
    p.add_argument("--version", action="version", version=__version__)
    p.add_argument("--workers", type=int, default=4)
    p.add_argument("--port", type=int, default=7070)
    p.add_argument("--inetd", nargs=argparse.REMAINDER,
                   help="run CMD once per connection with the connection on stdin")
    args = p.parse_args(argv)
    pool = Pool(args.workers, ("0.0.0.0", args.port))
    try:
        if args.inetd:
            while True:
                pool.run_inetd(args.inetd)
        pool.start()
        while True:
            for worker in list(pool._workers):
                pool.hand_off(worker)
    except KeyboardInterrupt:
        return 0
    finally:
        pool.close()


if __name__ == "__main__":
    sys.exit(main())
