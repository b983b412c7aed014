"""Runs juryreport's benchmarks and prints medians, peak memory and the ratios the targets
are stated in. Called by scripts/bench.sh; `--quick` runs each case once on small sizes
(a smoke test that the benchmark works, not a measurement).

Usage: bench.py JURYREPORT REFERENCE WORKDIR [--quick]
"""
import os
import shutil
import statistics
import subprocess
import sys
import time

tool, reference, work = sys.argv[1], sys.argv[2], sys.argv[3]
quick = "--quick" in sys.argv
runs = 1 if quick else 5
big = 2_000 if quick else 100_000
scored = (200, 5, 3) if quick else (10_000, 20, 3)
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
os.makedirs(work, exist_ok=True)


def measure(command, label):
    """Median wall time (s) and peak RSS (MiB) over `runs` runs of a whole process."""
    times, peaks, cpu = [], [], []
    for _ in range(runs):
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        error = process.stderr.read().decode()
        if os.waitstatus_to_exitcode(status) != 0:
            sys.exit(f"{label} failed: {' '.join(command)}\n{error}")
        times.append(elapsed)
        peaks.append(usage.ru_maxrss / 1024)
        cpu.append(usage.ru_utime + usage.ru_stime)
    return {"label": label, "time": statistics.median(times), "peak": max(peaks), "cpu": statistics.median(cpu)}


def timings(command):
    """The phase times `juryreport export --timings` reports, from one run."""
    result = subprocess.run(command + ["--timings"], capture_output=True, text=True, check=True)
    phases = {}
    for line in result.stderr.splitlines():
        if line.startswith("timing: "):
            _, phase, seconds = line.split()
            phases[phase] = phases.get(phase, 0) + float(seconds)
    return phases


def generate(nominees, jurors, criteria, syntax):
    path = os.path.join(work, f"edition-{nominees}-{jurors}-{criteria}.{syntax}")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(nominees), str(jurors), str(criteria), syntax, path], check=True)
    return path


rows = []
ratios = []
out = os.path.join(work, "out")

# 1. The bundled edition in all four formats against one pandoc Markdown-to-LaTeX conversion.
bundled = measure([tool, "export", "-f", "md,csv,xlsx,tex", "-o", out, "-q"], "bundled edition, 4 formats")
rows.append(bundled)
markdown = os.path.join(out, "pro-motor-award-2020.md")
if shutil.which("pandoc"):
    pandoc = measure(["pandoc", "-f", "commonmark", "-t", "latex", "-s", markdown, "-o", os.path.join(work, "pandoc.tex")], "pandoc md -> latex, same report")
    rows.append(pandoc)
    ratios.append(("1. bundled 4 formats / pandoc", bundled["time"] / pandoc["time"], 0.5))

# 2. 100,000 nominees from JSON to XLSX against the C reference.
big_json = generate(big, 0, 0, "json")
xlsx = measure([tool, "export", big_json, "-f", "xlsx", "-o", out, "-q"], f"{big:,} nominees JSON -> XLSX")
c_ref = measure([reference, str(big), os.path.join(work, "reference.xlsx")], f"C libxlsxwriter reference, {big:,} rows x 8")
validate_json = measure([tool, "validate", big_json], f"{big:,} nominees JSON validate")
rows += [xlsx, c_ref, validate_json]
ratios.append(("2. XLSX / C reference (time)", xlsx["time"] / c_ref["time"], 1.3))
ratios.append(("2. XLSX peak memory over validate's (MiB)", xlsx["peak"] - validate_json["peak"], None))

# 3. YAML against JSON validation.
big_yaml = generate(big, 0, 0, "yaml")
validate_yaml = measure([tool, "validate", big_yaml], f"{big:,} nominees YAML validate")
rows.append(validate_yaml)
ratios.append(("3. YAML / JSON validate (time)", validate_yaml["time"] / validate_json["time"], 3.0))
ratios.append(("3. YAML / JSON validate (memory)", validate_yaml["peak"] / validate_json["peak"], None))

# 4. 600,000 scores: standings and the four formats.
n, j, c = scored
scored_json = generate(n, j, c, "json")
scored_run = measure([tool, "export", scored_json, "-f", "md,csv,xlsx,tex", "-o", out, "-q"], f"{n:,} x {j} x {c} = {n*j*c:,} scores, 4 formats")
rows.append(scored_run)
phases = timings([tool, "export", scored_json, "-f", "md,csv,xlsx,tex", "-o", out, "-q"])

# 5. Two editions in one call: does it use both cores?
both = measure([tool, "export", scored_json, big_json, "-f", "md,csv", "-o", out, "-q"], "2 editions x 2 formats in one call")
rows.append(both)
ratios.append(("5. CPU time / wall time, 2 editions", both["cpu"] / both["time"], None))

print(f"\n{'case':58} {'median s':>9} {'peak MiB':>9}")
for row in rows:
    print(f"{row['label']:58} {row['time']:9.3f} {row['peak']:9.1f}")
print(f"\nphases of the {n*j*c:,}-score export (s): " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items()))
print(f"\n{'ratio':58} {'value':>9} {'target':>9}")
for name, value, target in ratios:
    mark = "" if target is None else ("  met" if value <= target else "  NOT met")
    print(f"{name:58} {value:9.2f} {('<= ' + str(target)) if target else '':>9}{mark}")
if quick:
    print("\n(quick mode: one run on small sizes; the ratios are not measurements)")
