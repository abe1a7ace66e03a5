"""``python -m connreg.follow PATH``: print new lines of PATH as they are appended."""
import sys
import time


def follow(path: str, poll: float = 0.5) -> None:
    with open(path, "r", encoding="utf-8", errors="replace") as f:
        f.seek(0, 2)
        while True:
            line = f.readline()
            if not line:
                time.sleep(poll)
                continue
            sys.stdout.write(line)
            sys.stdout.flush()


if __name__ == "__main__":
    follow(sys.argv[1])
