#!/usr/bin/env python3
"""The scaling series: how time and peak memory grow with the module.

Generated modules of 0.1, 1 and 10 MB, two kinds: *dense* (every function makes a
socket and writes to its handle: one finding per function) and *ordinary* (plain
code that imports socket, with one misuse at the very end). Each module is run
through plain flake8, flake8 with the plugin (the same flake8, ``run.py``'s two
sides) and the ``flake8-winsock`` command, one file, one process, no cache; wall
time, CPU (user + system) and peak RSS of each.

The budget (``max-module-size``, default 2,000,000 characters) bounds what the
analysis takes on: a module past it gets one WSK900. ``--budget N`` runs the series
with another budget (``--budget 20000000`` analyses the 10 MB modules whole: minutes
and gigabytes). Time per megabyte from one size to the next says whether the cost
grows linearly. Standard library only; see benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import run as bench  # noqa: E402 - the two flake8 sides, the venv, the measuring

SIZES = (100_000, 1_000_000, 10_000_000)  # characters, about

DENSE = "def f{n}():\n    s = socket.socket()\n    x = {n} + 1\n    os.write(s.fileno(), b'data{n}')\n    return x\n\n"
ORDINARY = '''\
class Record{n}:
    """A record of the {n}th kind."""

    def __init__(self, name, size={n}):
        self.name = name
        self.size = size

    def render(self, width=80):
        text = "%s: %d" % (self.name, self.size)
        return text.ljust(width)[:width]


def parse_{n}(line, sep=","):
    fields = [part.strip() for part in line.split(sep)]
    return {{key: value for key, value in zip(("a", "b", "c"), fields)}}


'''
MISUSE = "conn = socket.create_connection(('example.com', 80))\nos.write(conn.fileno(), b'GET')\n"


def module(kind: str, size: int) -> tuple[str, int]:
    """A module of about ``size`` characters, and the findings it holds."""
    head = "import os\nimport socket\n\n"
    block = DENSE if kind == "dense" else ORDINARY
    count = max(1, (size - len(head)) // len(block.format(n=10_000)))
    body = "".join(block.format(n=n) for n in range(count))
    if kind == "dense":
        return head + body, count
    return head + body + MISUSE, 1


def measure(cmd: list[str], cwd: Path, env: dict) -> dict:
    out, err = cwd / "out", cwd / "err"
    res = bench.run_measured(cmd, str(cwd), out, err, env)
    lines = out.read_text(errors="replace").splitlines()
    res["findings"] = sum(" WSK" in line and " WSK900 " not in line for line in lines)
    res["wsk900"] = sum(" WSK900 " in line for line in lines)
    res["stderr"] = err.read_text(errors="replace")[-500:]
    return res


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--budget", type=int, help="max-module-size for the runs (default: the plugin's)")
    ap.add_argument("--sizes", type=int, nargs="+", default=list(SIZES), help="module sizes, characters")
    ap.add_argument("--json", type=Path, help="write all numbers to this file")
    ap.add_argument("--venv", type=Path, default=HERE / ".venv", help=argparse.SUPPRESS)
    args = ap.parse_args()
    py = bench.ensure_venv(args.venv)
    command = shutil.which("flake8-winsock")
    rows = []
    with tempfile.TemporaryDirectory(prefix="wsk-scaling-") as tmp:
        folder = Path(tmp)
        sides = bench.Sides(py, bench.REPO, 1, folder)
        sides.verify()
        budget = [f"--winsock-max-module-size={args.budget}"] if args.budget else []
        for kind in ("dense", "ordinary"):
            for size in args.sizes:
                source, expected = module(kind, size)
                path = folder / f"{kind}_{size}.py"
                path.write_text(source)
                runs = {}
                for side in ("without", "with"):
                    extra = budget if side == "with" else []
                    runs[side] = measure([str(py), "-m", "flake8", *sides.argv(side), *extra, str(path)], folder, sides.env)
                if command:
                    options = ["--no-cache", *([f"--max-module-size={args.budget}"] if args.budget else [])]
                    runs["command"] = measure([command, *options, str(path)], folder, sides.env)
                rows.append({"kind": kind, "chars": len(source), "expected": expected, **runs})
                print(f"{kind:<9}{len(source) / 1e6:>6.2f} MB  " + "  ".join(
                    f"{side}: {r['wall']:.2f} s {r['cpu']:.2f} cpu {r['maxrss_kib'] / 1024:.0f} MiB "
                    f"{r['findings']}+{r['wsk900']}" for side, r in runs.items()), flush=True)
    print()
    print(f"budget: {args.budget or 'default'}; findings shown as WSK1xx/2xx/3xx + WSK900; "
          "time per MB is wall time over the module's size")
    print(f"{'module':<18}{'findings':>9}{'plain s':>9}{'MiB':>6}{'plugin s':>10}{'MiB':>6}"
          f"{'found':>8}{'command s':>11}{'MiB':>6}{'found':>8}{'s/MB':>7}")
    for row in rows:
        name = f"{row['kind']} {row['chars'] / 1e6:.1f} MB"
        w, p, c = row["without"], row["with"], row.get("command")
        line = (f"{name:<18}{row['expected']:>9}{w['wall']:>9.2f}{w['maxrss_kib'] / 1024:>6.0f}"
                f"{p['wall']:>10.2f}{p['maxrss_kib'] / 1024:>6.0f}{p['findings']:>6}+{p['wsk900']}")
        if c:
            line += (f"{c['wall']:>11.2f}{c['maxrss_kib'] / 1024:>6.0f}{c['findings']:>6}+{c['wsk900']}"
                     f"{c['wall'] / (row['chars'] / 1e6):>7.2f}")
        print(line)
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
