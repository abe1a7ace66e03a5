"""`python -m agent.cli HOST PORT` - debugging entry point."""
import io
import sys


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    import agent.transport as tcp

    conn = tcp.connect(argv[0], int(argv[1]))
    with io.open(conn.fileno(), "rb", closefd=False) as reader:  # error: WSK203
        for line in reader:
            sys.stdout.write(line.decode("utf-8", "replace"))
    conn.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
