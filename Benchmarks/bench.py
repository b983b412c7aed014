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
import tempfile
import time

tool, reference, work = sys.argv[1], sys.argv[2], sys.argv[3]
quick = "--quick" in sys.argv
runs = 1 if quick else 7
big = 2_000 if quick else 100_000
scored = (200, 5, 3) if quick else (10_000, 20, 3)
here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)
os.makedirs(work, exist_ok=True)


def run_once(command, label, env=None):
    """Wall time (s), peak RSS (MiB) and CPU time (s) of one run of a whole process."""
    # stderr to a file, not a pipe: a run that warns more than a pipe holds (64 KiB) would
    # wait on it for ever while this waits on the run.
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=errors, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        error = errors.read().decode(errors="replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{label} failed: {' '.join(command)}\n{error}")
    return elapsed, usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime


def measure_together(cases):
    """Medians over `runs` runs of each (command, label), the runs taken in turn so that a
    machine that gets busier or quieter meanwhile weighs on every case alike."""
    samples = [[] for _ in cases]
    for _ in range(runs):
        for index, (command, label) in enumerate(cases):
            samples[index].append(run_once(command, label))
    return [
        {"label": label, "time": statistics.median(s[0] for s in runs_), "peak": max(s[1] for s in runs_),
         "cpu": statistics.median(s[2] for s in runs_)}
        for (_, label), runs_ in zip(cases, samples)
    ]


def measure(command, label):
    return measure_together([(command, label)])[0]


def timings(command):
    """The phase times `juryreport export --timings` reports, from one run."""
    result = subprocess.run(command + ["--timings"], capture_output=True, text=True, check=True)
    phases = {}
    for line in result.stderr.splitlines():
        if line.startswith("timing: "):
            _, phase, seconds = line.split()
            phases[phase] = phases.get(phase, 0) + float(seconds)
    return phases


def generate(nominees, jurors, criteria, syntax, scores=True, method=None, compact=False):
    suffix = ("" if scores else "-unscored") + (f"-{method}" if method else "") + ("-compact" if compact else "")
    path = os.path.join(work, f"edition-{nominees}-{jurors}-{criteria}{suffix}.{syntax}")
    if not os.path.exists(path):
        subprocess.run([sys.executable, os.path.join(here, "generate.py"), str(nominees), str(jurors), str(criteria), syntax, path]
                       + ([] if scores else ["--without-scores"]) + (["--method", method] if method else [])
                       + (["--compact"] if compact else []), check=True)
    return path


rows = []
ratios = []
out = os.path.join(work, "out")

# 1. The bundled edition in all four formats against one pandoc Markdown-to-LaTeX conversion.
bundled_command = [tool, "export", "-f", "md,csv,xlsx,tex", "-o", out, "-q"]
run_once(bundled_command, "bundled edition")  # the Markdown pandoc converts
markdown = os.path.join(out, "pro-motor-award-2020.md")
# Without --format: every built-in format (with html and json since the outline redesign).
every_command = [tool, "export", "-o", out, "-q"]
if shutil.which("pandoc"):
    bundled, every, pandoc = measure_together([
        (bundled_command, "bundled edition, 4 formats"),
        (every_command, "bundled edition, every built-in format"),
        (["pandoc", "-f", "commonmark", "-t", "latex", "-s", markdown, "-o", os.path.join(work, "pandoc.tex")], "pandoc md -> latex, same report"),
    ])
    rows += [bundled, every, pandoc]
    ratios.append(("1. bundled 4 formats / pandoc", bundled["time"] / pandoc["time"], 0.5))
    ratios.append(("1. bundled, every format / pandoc (#27: 0.3)", every["time"] / pandoc["time"], 0.3))
else:
    rows.append(measure(bundled_command, "bundled edition, 4 formats"))
    rows.append(measure(every_command, "bundled edition, every built-in format"))

# 2. 100,000 nominees from JSON to XLSX against the C reference.
big_json = generate(big, 0, 0, "json")
xlsx, c_ref = measure_together([
    ([tool, "export", big_json, "-f", "xlsx", "-o", out, "-q"], f"{big:,} nominees JSON -> XLSX"),
    ([reference, str(big), os.path.join(work, "reference.xlsx")], f"C reference, the same {big * 8 + big * 2 * 4 + big * 7:,} cells"),
])
rows += [xlsx, c_ref]
ratios.append(("2. XLSX / C reference (time, #27: 1.2)", xlsx["time"] / c_ref["time"], 1.2))
ratios.append(("2. XLSX peak memory, 100,000 nominees (MiB, #27)", xlsx["peak"], 160))
xlsx_phases = timings([tool, "export", big_json, "-f", "xlsx", "-o", out, "-q"])

# 3. YAML against JSON validation (and the memory the decoded edition takes).
big_yaml = generate(big, 0, 0, "yaml")
validate_json, validate_yaml = measure_together([
    ([tool, "validate", big_json], f"{big:,} nominees JSON validate"),
    ([tool, "validate", big_yaml], f"{big:,} nominees YAML validate"),
])
rows += [validate_json, validate_yaml]
ratios.append(("2. XLSX peak memory over validate's (MiB)", xlsx["peak"] - validate_json["peak"], None))
ratios.append(("3. YAML / JSON validate (time, #27: 1.6)", validate_yaml["time"] / validate_json["time"], 1.6))
ratios.append(("3. YAML / JSON validate (memory)", validate_yaml["peak"] / validate_json["peak"], None))

# 4. 600,000 scores: standings and the four formats; half as many, to show the work is linear.
n, j, c = scored
scored_json = generate(n, j, c, "json")
half_json = generate(n // 2, j, c, "json")
scored_run, half_run = measure_together([
    ([tool, "export", scored_json, "-f", "md,csv,xlsx,tex", "-o", out, "-q"], f"{n:,} x {j} x {c} = {n*j*c:,} scores, 4 formats"),
    ([tool, "export", half_json, "-f", "md,csv,xlsx,tex", "-o", out, "-q"], f"{n // 2:,} x {j} x {c} = {n // 2 * j * c:,} scores, 4 formats"),
])
rows += [scored_run, half_run]
ratios.append(("4. time for twice the scores (linear: about 2)", scored_run["time"] / half_run["time"], None))
phases = timings([tool, "export", scored_json, "-f", "md,csv,xlsx,tex", "-o", out, "-q"])

# 5. Two editions in one call: does it use both cores?
both = measure([tool, "export", scored_json, big_json, "-f", "md,csv", "-o", out, "-q"], "2 editions x 2 formats in one call")
rows.append(both)
ratios.append(("5. CPU time / wall time, 2 editions", both["cpu"] / both["time"], None))
if not quick:
    ratios.append(("5. 2 editions x 2 formats in one call (s, #27)", both["time"], 5.2))
# The outline of the 100,000 nominees, made once for the formats that render it (#27: < 0.1 s).
outline_phases = timings([tool, "export", big_json, "-f", "md", "-o", out, "-q"])
ratios.append((f"5. the outline of {big:,} nominees (s, #27)", outline_phases.get("outline", 0), 0.1))

# The peak memory of ten times the nominees, to CSV and XLSX, against that of the 100,000
# (#27: at most 5 x). Compact nominees (about 100 bytes each), so that the million stay
# under the edition file's limit of 128 MiB. One run each: the peak, not the time, is the figure.
compact_json = generate(big, 0, 0, "json", compact=True)
huge_json = generate(big * 10, 0, 0, "json", compact=True)
saved_runs, runs = runs, 1
big_both, huge_both = measure_together([
    ([tool, "export", compact_json, "-f", "csv,xlsx", "-o", out, "-q"], f"{big:,} compact nominees JSON -> CSV and XLSX (1 run)"),
    ([tool, "export", huge_json, "-f", "csv,xlsx", "-o", out, "-q"], f"{big * 10:,} compact nominees JSON -> CSV and XLSX (1 run)"),
])
runs = saved_runs
rows += [big_both, huge_both]
ratios.append(("2. peak memory, 10 x the nominees / 1 x (CSV and XLSX, #27)", huge_both["peak"] / big_both["peak"], 5.0))

# 6. The judging round: collecting filled score forms (made prefilled from a scored edition,
# collected for the same edition before its scores are in).
form_nominees, form_jurors, form_criteria = (100, 10, 5) if quick else (500, 50, 5)
forms_dir = os.path.join(work, "forms")
shutil.rmtree(forms_dir, ignore_errors=True)
subprocess.run([tool, "forms", generate(form_nominees, form_jurors, form_criteria, "json"), "-o", forms_dir], check=True,
               stderr=subprocess.DEVNULL)
# The workbooks only: the folder also holds the manifest of what the export wrote.
forms = sorted(os.path.join(forms_dir, name) for name in os.listdir(forms_dir) if name.endswith(".xlsx"))
unscored = generate(form_nominees, form_jurors, form_criteria, "json", scores=False)
# To standard output: each of the runs collects anew (a table on disk would be added to).
collect = measure([tool, "collect", unscored] + forms + ["-o", "-"],
                  f"collect {len(forms)} forms of {form_nominees} nominees x {form_criteria} criteria")
rows.append(collect)
ratios.append(("6. collect: scores per second (thousands)", len(forms) * form_nominees * form_criteria / collect["time"] / 1000, None))

# 7. The bundled edition's PDF with engine=auto (it stays on pdflatex, one run unless the log
# asks for another) against pandoc making a PDF of the same report's Markdown with pdflatex.
if shutil.which("pandoc") and shutil.which("pdflatex"):
    pdf_out = os.path.join(work, "pdf")
    pdf_ours, pdf_pandoc = measure_together([
        ([tool, "export", "-f", "latex", "--option", "pdf=true", "-o", pdf_out, "-q"], "bundled edition, PDF (engine=auto)"),
        (["pandoc", "-f", "commonmark", "-s", markdown, "--pdf-engine=pdflatex", "-o", os.path.join(work, "pandoc.pdf")],
         "pandoc md -> PDF with pdflatex, same report"),
    ])
    rows += [pdf_ours, pdf_pandoc]
    # The same with the format not yet made (an empty cache folder): the first build of a
    # user, or the first after TeX Live or the preamble changed.
    with tempfile.TemporaryDirectory() as cache:
        cold = run_once([tool, "export", "-f", "latex", "--option", "pdf=true", "-o", pdf_out, "-q"], "cold PDF",
                        env=dict(os.environ, XDG_CACHE_HOME=cache))
    rows.append({"label": "bundled edition, PDF, the format not yet cached (1 run)", "time": cold[0], "peak": cold[1], "cpu": cold[2]})
    ratios.append(("7. bundled PDF (engine=auto) / pandoc pdflatex (#27: 0.4)", pdf_ours["time"] / pdf_pandoc["time"], 0.4))

# 8. The bundled edition as a Word document against pandoc writing a docx of the same
# report's Markdown (#25: at most half its time).
if shutil.which("pandoc"):
    docx_ours, docx_pandoc = measure_together([
        ([tool, "export", "-f", "docx", "-o", os.path.join(work, "docx"), "-q"], "bundled edition, docx"),
        (["pandoc", "-f", "commonmark", "-t", "docx", markdown, "-o", os.path.join(work, "pandoc.docx")], "pandoc md -> docx, same report"),
    ])
    rows += [docx_ours, docx_pandoc]
    ratios.append(("8. bundled docx / pandoc -t docx", docx_ours["time"] / docx_pandoc["time"], 0.5))

# 9. Fair standings (#29): the 600,000 scores with scoring zscore in every built-in format
# against the same edition with the default mean (target: at most 1.2 x).
zscore_json = generate(n, j, c, "json", method="zscore")
mean_all, zscore_all = measure_together([
    ([tool, "export", scored_json, "-o", out, "-q"], f"{n*j*c:,} scores, every built-in format, mean"),
    ([tool, "export", zscore_json, "-o", out, "-q"], f"{n*j*c:,} scores, every built-in format, zscore"),
])
rows += [mean_all, zscore_all]
ratios.append(("9. zscore / mean, every built-in format", zscore_all["time"] / mean_all["time"], 1.2))

# 10. The award's archive (#26): 50 editions of one award, 20 nominees each, in every text
# format and the workbook, against the same editions each of an award of its own (no
# archive). Target: at most 2 x.
archive_dir = os.path.join(work, "archive")
alone_dir = os.path.join(work, "alone")
for folder, same in [(archive_dir, True), (alone_dir, False)]:
    if not os.path.isdir(folder):
        os.makedirs(folder)
        for year in range(1976, 2026):
            slug = "benchmark-archive" if same else f"benchmark-archive-{year}"
            subprocess.run([sys.executable, os.path.join(here, "generate.py"), "20", "5", "3", "json",
                            os.path.join(folder, f"{year}.json"), "--year", str(year), "--slug", slug], check=True)
archive_formats = "md,csv,html,json,latex,xlsx"
with_archive, without_archive = measure_together([
    ([tool, "export", archive_dir, "-f", archive_formats, "-o", os.path.join(work, "archive-out"), "-q"],
     "50 editions of one award, text formats and xlsx, with the archive"),
    ([tool, "export", alone_dir, "-f", archive_formats, "-o", os.path.join(work, "alone-out"), "-q"],
     "the same 50 editions, each its own award (no archive)"),
])
rows += [with_archive, without_archive]
ratios.append(("10. 50 editions with the archive / without", with_archive["time"] / without_archive["time"], 2.0))

print(f"\n{'case':58} {'median s':>9} {'CPU s':>9} {'peak MiB':>9}")
for row in rows:
    print(f"{row['label']:58} {row['time']:9.3f} {row['cpu']:9.3f} {row['peak']:9.1f}")
print(f"\nphases of the {big:,}-nominee XLSX export (s): " + ", ".join(f"{k} {v:.3f}" for k, v in xlsx_phases.items()))
print(f"phases of the {n*j*c:,}-score export (s): " + ", ".join(f"{k} {v:.3f}" for k, v in phases.items()))
print(f"\n{'ratio':58} {'value':>9} {'target':>9}")
for name, value, target in ratios:
    mark = "" if target is None else ("  met" if value <= target else "  NOT met")
    print(f"{name:58} {value:9.2f} {('<= ' + str(target)) if target else '':>9}{mark}")
if quick:
    print("\n(quick mode: one run on small sizes; the ratios are not measurements)")
