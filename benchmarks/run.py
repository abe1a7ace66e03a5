#!/usr/bin/env python3
"""Measure what flake8-winsock costs: flake8 WITH the plugin against the same
flake8 WITHOUT it, interleaved, as a ratio of wall time and of peak memory.

Both sides run ``python -m flake8`` from one cached virtualenv
(benchmarks/.venv) holding the current interpreter's flake8 and libcst
versions but not flake8-winsock.  The "with" side adds the plugin through
flake8's ``[flake8:local-plugins]`` config; otherwise the two command lines
are identical.  Standard library only.  See benchmarks/README.md.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
import tomllib
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
STDLIB = Path(sysconfig.get_paths()["stdlib"])
# The three corpora of the targets (see benchmarks/README.md).
ORDINARY = ["email", "json", "xml", "unittest", "importlib", "tomllib", "collections", "concurrent", "urllib",
            "logging", "http"]
STDLIB_WINDOWS = ["asyncio", "email", "http", "json", "logging", "multiprocessing", "concurrent"]
NETWORK_PINS = HERE / "network.pins"  # pinned wheels of network libraries
NETWORK_FILES = HERE / "network.files"  # their files that pass the gate
CORPORA = ("network", "ordinary", "stdlib-windows", "project")
SELECT = "E,F,W,C90,WSK"
TIME_TARGETS = {"network": 1.25, "ordinary": 1.05, "stdlib-windows": 1.20}  # cold: CPU ratio
WARM_TARGET = 1.03  # the same run again, the cache kept: every corpus
TIME_GOALS = {"network": 1.15, "ordinary": 1.01}
# Always pinned to the versions of the running interpreter (flake8's own deps
# too, so both sides are byte-for-byte the same flake8).
PINNED = ["flake8", "pyflakes", "pycodestyle", "mccabe", "libcst"]

CONFIG_WITHOUT = "[flake8]\n"
CONFIG_WITH = """[flake8]
{cache}

[flake8:local-plugins]
extension =
    WSK = flake8_winsock.plugin:Plugin
paths =
    {path}
"""

# Runs inside the venv with the exact --config of a side: loads flake8's
# plugins the way flake8 does and reports the WSK ones.  (Local plugins are
# deliberately hidden from `flake8 --version`, so that cannot be used.)
PROBE = r"""
import importlib.util, json, sys
from importlib import metadata
from flake8.options.parse_args import parse_args
own = importlib.util.find_spec("flake8_winsock")
plugins, _ = parse_args(sys.argv[1:])
wsk = []
for lp in plugins.all_plugins():
    if lp.entry_name.startswith("WSK"):
        mod = sys.modules.get(lp.plugin.entry_point.module)
        wsk.append({"entry": lp.entry_name, "package": lp.plugin.package,
                    "file": getattr(mod, "__file__", None)})
print(json.dumps({"venv_can_import_plugin": own is not None, "wsk": wsk,
                  "flake8": metadata.version("flake8"),
                  "libcst": metadata.version("libcst")}))
"""


def die(msg: str) -> None:
    sys.exit(f"benchmarks/run.py: ERROR: {msg}")


# ---------------------------------------------------------------- venv
def requirements() -> list[str]:
    names = list(PINNED)
    try:
        deps = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["dependencies"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        deps = []
    specs = {}
    for dep in deps:
        name = re.match(r"[A-Za-z0-9._-]+", dep).group(0).lower()
        if name not in names:
            names.append(name)
            specs[name] = dep
    reqs = []
    for name in names:
        try:
            reqs.append(f"{name}=={metadata.version(name)}")
        except metadata.PackageNotFoundError:
            if name in ("flake8", "libcst"):
                die(f"{name} is not installed in {sys.executable}")
            reqs.append(specs.get(name, name))
    return reqs


def ensure_venv(venv: Path) -> Path:
    py = venv / "bin" / "python"
    reqs = requirements()
    stamp = venv / "bench-requirements.txt"
    want = "\n".join([sys.version, *reqs]) + "\n"
    if py.exists() and stamp.exists() and stamp.read_text() == want:
        return py
    print(f"preparing {venv} with: {' '.join(reqs)}", flush=True)
    if not py.exists():
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
    subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", *reqs],
                   check=True)
    stamp.write_text(want)
    return py


# ---------------------------------------------------------------- corpora
def py_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    return sorted(p for p in path.rglob("*.py")
                  if "site-packages" not in p.parts and "__pycache__" not in p.parts)


def stdlib_files() -> list[Path]:
    return py_files(STDLIB)


def network_files(cache: Path) -> list[Path]:
    """The gated files of the pinned network wheels, downloaded once into ``cache``."""
    wanted = [line.strip() for line in NETWORK_FILES.read_text().splitlines() if line.strip()]
    src = cache / "src"
    if not all((src / name).is_file() for name in wanted):
        wheels = cache / "wheels"
        wheels.mkdir(parents=True, exist_ok=True)
        print(f"downloading the pinned network wheels into {wheels}", flush=True)
        subprocess.run([sys.executable, "-m", "pip", "download", "-q", "--no-deps", "--only-binary=:all:",
                        "-r", str(NETWORK_PINS), "-d", str(wheels)], check=True)
        for wheel in sorted(wheels.glob("*.whl")):
            subprocess.run([sys.executable, "-m", "zipfile", "-e", str(wheel), str(src)], check=True)
    missing = [name for name in wanted if not (src / name).is_file()]
    if missing:
        die(f"network corpus: not in the pinned wheels: {missing[:5]}")
    return [src / name for name in wanted]


def corpora(args) -> dict[str, list[Path]]:
    chosen = args.corpus or ([] if args.paths else list(CORPORA))
    out = {}
    if "network" in chosen:
        out["network"] = network_files(args.cache)
    if "ordinary" in chosen:
        out["ordinary"] = [STDLIB / name for name in ORDINARY]
    if "stdlib-windows" in chosen:
        out["stdlib-windows"] = [STDLIB / name for name in STDLIB_WINDOWS]
    if "project" in chosen:  # the whole trees of the pinned wheels: packages importing each other
        network_files(args.cache)
        src = args.cache / "src"
        out["project"] = sorted(d for d in src.iterdir() if d.is_dir() and not d.name.endswith((".dist-info", ".data")))
    if args.paths:
        missing = [p for p in args.paths if not Path(p).exists()]
        if missing:
            die(f"--paths: not found: {missing}")
        out["paths"] = [Path(p).resolve() for p in args.paths]
    return out


# ---------------------------------------------------------------- running
def child_env(venv: Path) -> dict:
    """Bytecode is cached (under the venv, so nothing is written into the
    repo): otherwise the plugin would be recompiled on every run."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(venv / "pycache")
    return env


def run_measured(cmd: list[str], cwd: str, out: Path, err: Path, env: dict) -> dict:
    """Run cmd; wall time, exit code, and rusage of it AND its reaped
    descendants (flake8's worker processes) via os.wait4."""
    with open(out, "wb") as fo, open(err, "wb") as fe:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=fo, stderr=fe, stdin=subprocess.DEVNULL,
                                env=env)
        _, status, ru = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    return {"wall": wall, "rc": proc.returncode, "maxrss_kib": ru.ru_maxrss,
            "cpu": ru.ru_utime + ru.ru_stime}


class Sides:
    """The two flake8 command lines, identical but for --config."""

    def __init__(self, py: Path, plugin_path: Path, jobs: int, tmp: Path):
        self.py, self.tmp, self.plugin_path = py, tmp, plugin_path
        self.env = child_env(py.parent.parent)
        (tmp / "without.cfg").write_text(CONFIG_WITHOUT)
        # "with": a cold run every time (no cache); "warm": the cache kept from the run before.
        (tmp / "with.cfg").write_text(CONFIG_WITH.format(path=plugin_path, cache="winsock-no-cache = true"))
        (tmp / "warm.cfg").write_text(CONFIG_WITH.format(path=plugin_path, cache=f"winsock-cache-dir = {tmp / 'cache'}"))
        self.common = [f"--select={SELECT}", f"--jobs={jobs}", "--exit-zero"]

    def argv(self, side: str) -> list[str]:
        return ["--config", str(self.tmp / f"{side}.cfg"), *self.common]

    def verify(self) -> dict:
        info = {}
        for side in ("without", "with", "warm"):
            r = subprocess.run([str(self.py), "-c", PROBE, *self.argv(side)], cwd=self.tmp,
                               capture_output=True, text=True, env=self.env)
            if r.returncode:
                die(f"the '{side}' side cannot load its flake8 plugins:\n{r.stderr}")
            info[side] = json.loads(r.stdout)
        if info["without"]["venv_can_import_plugin"]:
            die("flake8_winsock is importable inside the venv itself; "
                f"remove it from {self.py.parent.parent}")
        if info["without"]["wsk"]:
            die(f"the 'without' side loads a WSK plugin: {info['without']['wsk']}")
        wsk = info["with"]["wsk"]
        root = str(self.plugin_path) + os.sep
        if len(wsk) != 1 or not (wsk[0]["file"] or "").startswith(root):
            die(f"the 'with' side does not load WSK from {self.plugin_path}: {wsk}")
        return info

    def run(self, side: str, files: list[Path], tag: str) -> dict:
        cmd = [str(self.py), "-m", "flake8", *self.argv(side), *map(str, files)]
        out, err = self.tmp / f"{tag}-{side}.out", self.tmp / f"{tag}-{side}.err"
        res = run_measured(cmd, str(self.tmp), out, err, self.env)
        if res["rc"] != 0:
            tail = err.read_text(errors="replace")[-3000:]
            die(f"flake8 ({side} plugin) exited {res['rc']}:\n{tail}")
        return res


def busy_seconds() -> float:
    """CPU seconds the whole machine spent busy (incl. steal) since boot."""
    try:
        v = [int(x) for x in open("/proc/stat").readline().split()[1:9]]
    except OSError:
        return 0.0
    return (sum(v) - v[3] - v[4]) / os.sysconf("SC_CLK_TCK")


def findings(path: Path) -> tuple[list[str], int]:
    lines = path.read_text(errors="replace").splitlines()
    others = sorted(line for line in lines if not re.search(r":\d+:\d+: WSK", line))
    return others, len(lines) - len(others)


def bench_corpus(sides: Sides, name: str, files: list[Path], rounds: int) -> dict:
    n_py = sum(len(py_files(p)) for p in files)
    print(f"[{name}] {n_py} files: warm-up + {rounds} interleaved rounds", flush=True)
    # Warm-up (not timed): fills the OS cache and the plugin's cache, and checks the outputs.
    shutil.rmtree(sides.tmp / "cache", ignore_errors=True)
    for side in ("without", "with", "warm"):
        sides.run(side, files, name)
    base, _ = findings(sides.tmp / f"{name}-without.out")
    other, n_wsk = findings(sides.tmp / f"{name}-with.out")
    warm_out = sorted((sides.tmp / f"{name}-warm.out").read_text(errors="replace").splitlines())
    same = base == other
    if not same:
        print(f"  WARNING: non-WSK findings differ between sides ({len(base)} vs {len(other)})")
    if warm_out != sorted((sides.tmp / f"{name}-with.out").read_text(errors="replace").splitlines()):
        print("  WARNING: the warm run's findings differ from the cold run's")
    runs: dict[str, list[dict]] = {"without": [], "with": [], "warm": []}
    busy0, own0, t0 = busy_seconds(), time.process_time(), time.perf_counter()
    for _ in range(rounds):
        for side in ("without", "with", "warm"):
            runs[side].append(sides.run(side, files, name))
    ours = sum(r["cpu"] for side in runs.values() for r in side) + time.process_time() - own0
    other_load = max(0.0, busy_seconds() - busy0 - ours) / (time.perf_counter() - t0)

    def med(side, key):
        return statistics.median(r[key] for r in runs[side])

    wall = {s: med(s, "wall") for s in runs}
    rss = {s: med(s, "maxrss_kib") / 1024 for s in runs}
    cpu = {s: med(s, "cpu") for s in runs}
    paired = [w["wall"] / o["wall"] for o, w in zip(runs["without"], runs["with"])]
    return {
        "files": n_py, "wsk_findings": n_wsk, "other_findings": len(base),
        "other_findings_identical": same,
        "wall_s": wall, "time_ratio": wall["with"] / wall["without"],
        "paired_ratio_min": min(paired), "paired_ratio_max": max(paired),
        "cpu_s": cpu, "cpu_ratio": cpu["with"] / cpu["without"],
        "warm_time_ratio": wall["warm"] / wall["without"], "warm_cpu_ratio": cpu["warm"] / cpu["without"],
        "maxrss_mib": rss, "mem_ratio": rss["with"] / rss["without"],
        "other_load_cores": other_load,
        "time_target": TIME_TARGETS.get(name),
        "mem_target": None,  # no target: reported as measured
        "runs": runs,
    }


SPLIT = r"""
import ast, gc, json, sys, threading, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
def main():
    from flake8_winsock.gate import may_contain_finding
    from flake8_winsock.slicing import slice_module
    from flake8_winsock.vocabulary import vocabulary
    vocab = vocabulary()
    out = dict(files=0, gated=0, to_libcst=0, lines=0, kept=0, gate=0.0, ast_parse=0.0, slice=0.0,
               parse=0.0, model=0.0, whole_parse=0.0, whole_model=0.0)
    texts = []
    for name in sys.argv[2:]:
        try:
            texts.append(Path(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError):
            pass
    for text in texts:  # as flake8 does: one file at a time
        out["files"] += 1
        t = time.perf_counter(); gated = may_contain_finding(text); out["gate"] += time.perf_counter() - t
        if not gated:
            continue
        t = time.perf_counter(); tree = ast.parse(text); out["ast_parse"] += time.perf_counter() - t
        out["gated"] += 1; out["lines"] += text.count("\n")
        gc.disable()  # as check.py slices: with the collector paused
        t = time.perf_counter(); sliced = slice_module(text, tree, vocab); out["slice"] += time.perf_counter() - t
        gc.enable()
        if sliced is not None:
            out["to_libcst"] += 1; out["kept"] += sliced.text.count("\n")
            texts_to_parse = [("parse", "model", sliced.text)]
        else:
            texts_to_parse = []
        texts_to_parse.append(("whole_parse", "whole_model", text))
        for parse_key, model_key, source in texts_to_parse:
            t = time.perf_counter(); import libcst; out.setdefault("import", time.perf_counter() - t)
            from flake8_winsock.analysis import run_rules
            gc.disable()
            try:
                t = time.perf_counter(); module = libcst.parse_module(source); out[parse_key] += time.perf_counter() - t
                t = time.perf_counter(); run_rules(module); out[model_key] += time.perf_counter() - t
            except Exception:
                pass
            finally:
                gc.enable()
    print(json.dumps(out))
threading.stack_size(512 * 1024 * 1024); sys.setrecursionlimit(20000)
thread = threading.Thread(target=main); thread.start(); thread.join()
"""


def split(files: list[Path], plugin_path: Path) -> dict:
    """Where the plugin's time goes on a corpus, in one fresh process (the LibCST import
    counted once, as a flake8 worker pays it): gate, slice (against Python's own
    ``ast.parse`` of the same files), LibCST's parse and the model on what the slice
    keeps, and what parsing and analysing whole gated files would cost instead."""
    names = [str(p) for f in files for p in py_files(f)]
    r = subprocess.run([sys.executable, "-c", SPLIT, str(plugin_path), *names], capture_output=True, text=True)
    if r.returncode:
        die(f"split: {r.stderr[-2000:]}")
    return json.loads(r.stdout)


def import_floor(py: Path, rounds: int) -> dict:
    """What importing LibCST costs a flake8 process (each worker that analyses a file pays it)."""
    def timed(code: str) -> float:
        runs = []
        for _ in range(rounds):
            t0 = time.perf_counter()
            subprocess.run([str(py), "-c", code], check=True)
            runs.append(time.perf_counter() - t0)
        return statistics.median(runs)

    base = timed("import flake8.main.cli")
    return {"import_s": max(0.0, timed("import flake8.main.cli, libcst") - base)}


def bench_cli(venv: Path) -> dict | None:
    exe = shutil.which("flake8-winsock")
    if not exe:
        print("[cli] skipped: `flake8-winsock` is not on PATH")
        return None
    files = stdlib_files()
    print(f"[cli] {exe} over {len(files)} stdlib files, once", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        res = run_measured([exe, *map(str, files)], tmp, Path(tmp, "out"), Path(tmp, "err"),
                           child_env(venv))
        err = Path(tmp, "err").read_text(errors="replace")[-2000:]
    res.update(exe=exe, files=len(files), files_per_s=len(files) / res["wall"], stderr_tail=err)
    if res["rc"] not in (0, 1):
        print(f"  WARNING: flake8-winsock exited {res['rc']}:\n{err}")
    return res


# ---------------------------------------------------------------- report
def machine(probe: dict, jobs: int) -> dict:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    commit = subprocess.run(["git", "-C", str(REPO), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or None
    return {"cpu": cpu, "cores": os.cpu_count(), "python": platform.python_version(),
            "flake8": probe["flake8"], "libcst": probe["libcst"], "jobs": jobs,
            "platform": platform.platform(), "commit": commit}


def verdict(value: float, target: float | None, missed: list, label: str) -> str:
    if target is None:
        return "-"
    if value <= target:
        return f"<={target:g} ok"
    missed.append(f"{label} {value:.3f} > {target:g}")
    return f"<={target:g} MISSED"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", "--rounds", type=int, default=5, help="interleaved rounds (default 5)")
    ap.add_argument("--jobs", type=int, default=2, help="flake8 --jobs on both sides (default 2)")
    ap.add_argument("--corpus", action="append", choices=list(CORPORA),
                    help="corpus to run (repeatable; default all three, or none with --paths)")
    ap.add_argument("--cache", type=Path, default=HERE / ".corpus", help="where the network wheels go")
    ap.add_argument("--paths", nargs="+", help="benchmark these files/directories instead")
    ap.add_argument("--cli", action="store_true", help="also time the flake8-winsock command")
    ap.add_argument("--json", type=Path, help="write all numbers to this file")
    ap.add_argument("--check", action="store_true", help="exit 1 if a target is missed")
    ap.add_argument("--venv", type=Path, default=HERE / ".venv", help=argparse.SUPPRESS)
    ap.add_argument("--plugin-path", type=Path, default=REPO,
                    help="directory holding the flake8_winsock package (default: repo root)")
    args = ap.parse_args()
    plugin_path = args.plugin_path.resolve()
    if not (plugin_path / "flake8_winsock" / "plugin.py").is_file():
        die(f"{plugin_path}/flake8_winsock/plugin.py does not exist")

    py = ensure_venv(args.venv)
    chosen = corpora(args)
    with tempfile.TemporaryDirectory(prefix="wsk-bench-") as tmp:
        sides = Sides(py, plugin_path, args.jobs, Path(tmp))
        probe = sides.verify()
        mach = machine(probe["with"], args.jobs)
        print(f"verified: 'with' loads {probe['with']['wsk'][0]['file']}; "
              "'without' has no WSK plugin")
        results = {name: bench_corpus(sides, name, files, args.rounds)
                   for name, files in chosen.items()}
    splits = {name: split(files, plugin_path) for name, files in chosen.items()}
    for name, r in results.items():
        splits[name]["without_cpu"] = r["cpu_s"]["without"]
    imports = import_floor(sides.py, max(args.rounds, 5))
    cli = bench_cli(args.venv) if args.cli else None

    missed: list[str] = []
    print()
    print(f"flake8-winsock benchmark: flake8 with vs without the plugin, {args.rounds} "
          f"interleaved rounds, --jobs={args.jobs}, --select={SELECT}")
    print(f"machine: {mach['cpu']}, {mach['cores']} cores; Python {mach['python']}, "
          f"flake8 {mach['flake8']}, libcst {mach['libcst']}, commit {mach['commit']}")
    print()
    print(f"{'corpus':<15}{'files':>6}{'without s':>10}{'cold s':>8}{'warm s':>8}{'cold wall':>10}"
          f"{'cold cpu':>9}  {'target':<15}{'warm wall':>10}{'warm cpu':>9}  {'target':<15}{'other load':>10}")
    for name, r in results.items():
        v = verdict(r["cpu_ratio"], r["time_target"], missed, f"{name} cold cpu")
        w = verdict(r["warm_cpu_ratio"], WARM_TARGET, missed, f"{name} warm cpu")
        print(f"{name:<15}{r['files']:>6}{r['wall_s']['without']:>10.3f}{r['wall_s']['with']:>8.3f}"
              f"{r['wall_s']['warm']:>8.3f}{r['time_ratio']:>10.3f}{r['cpu_ratio']:>9.3f}  {v:<15}"
              f"{r['warm_time_ratio']:>10.3f}{r['warm_cpu_ratio']:>9.3f}  {w:<15}{r['other_load_cores']:>10.2f}")
    print()
    print(f"{'corpus':<14}{'RSS w/o MiB':>12}{'RSS with MiB':>13}{'ratio':>8}  {'target':<15}"
          f"{'WSK findings':>13}")
    for name, r in results.items():
        v = verdict(r["mem_ratio"], r["mem_target"], missed, f"{name} memory")
        print(f"{name:<14}{r['maxrss_mib']['without']:>12.1f}{r['maxrss_mib']['with']:>13.1f}"
              f"{r['mem_ratio']:>8.3f}  {v:<15}{r['wsk_findings']:>13}")
    print("(time: median wall; (pairs): range of per-round with/without ratios; "
          "RSS: median over runs of the peak RSS of the largest flake8 process, workers included)")
    print("(cpu ratio: user+sys of flake8 and its workers; other load: cores used by other "
          "processes while timing)")
    busy = max(r["other_load_cores"] for r in results.values())
    if busy > 0.2:
        print(f"WARNING: other processes used up to {busy:.2f} cores while timing: wall-time "
              "ratios are noisy; rerun on an idle machine (the cpu ratio is steadier)")
    print()
    print("Where the time goes (one process, files one at a time; seconds of CPU):")
    print(f"{'corpus':<15}{'gated':>6}{'LibCST':>7}{'kept':>7}{'gate':>7}{'ast.parse':>10}{'slice':>7}"
          f"{'import':>7}{'parse':>7}{'model':>7}{'| whole':>8}{'model':>7}{'flake8':>8}")
    for name, sp in splits.items():
        kept = sp["kept"] / sp["lines"] if sp["lines"] else 0.0
        print(f"{name:<15}{sp['gated']:>6}{sp['to_libcst']:>7}{kept:>7.1%}{sp['gate']:>7.3f}{sp['ast_parse']:>10.3f}"
              f"{sp['slice']:>7.3f}{sp.get('import', 0.0):>7.3f}{sp['parse']:>7.3f}{sp['model']:>7.3f}"
              f"{sp['whole_parse']:>8.3f}{sp['whole_model']:>7.3f}{sp['without_cpu']:>8.2f}")
    print("(LibCST: gated files the slice sends to LibCST; kept: their share of the gated files' lines;"
          " slice: the pre-pass, collector paused as in the plugin, against ast.parse of the same files"
          " (collector running, as flake8 parses); import: LibCST's, once;"
          " whole: parse and model had every gated file been parsed whole; flake8: CPU of plain flake8)")
    print(f"LibCST import: {imports['import_s']:.3f} s in each flake8 process that analyses a file")
    if cli:
        print()
        print(f"CLI: flake8-winsock over {cli['files']} stdlib files: {cli['wall']:.2f} s, "
              f"{cli['files_per_s']:.0f} files/s, peak RSS {cli['maxrss_kib'] / 1024:.1f} MiB, "
              f"exit {cli['rc']}")
    print()
    print("MISSED: " + "; ".join(missed) if missed else "all targets met")

    if args.json:
        args.json.write_text(json.dumps(
            {"machine": mach, "rounds": args.rounds, "select": SELECT, "corpora": results,
             "split": splits, "import_floor": imports, "cli": cli, "missed": missed}, indent=2) + "\n")
    return 1 if (missed and args.check) else 0


if __name__ == "__main__":
    sys.exit(main())
