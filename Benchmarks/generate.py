"""Writes a deterministic edition of any size, for benchmarks.

Usage: generate.py NOMINEES JURORS CRITERIA yaml|json OUT [--without-scores] [--method METHOD]
                   [--year YEAR] [--slug SLUG] [--compact]
Scores = NOMINEES x JURORS x CRITERIA (none when JURORS is 0, or with --without-scores: the
same edition, award and jury before its judging round). --method names the scoring method.
--compact: each nominee an id, a name, a place and one key figure (about 100 bytes), so that
a million of them stay under juryreport's limit of 128 MiB for an edition file.
"""
import json
import sys

nominees, jurors, criteria, syntax, out = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
edition = {
    "format": "jury-report/1",
    # A slug of its own per size: several generated editions exported in one call must not
    # write the same files (juryreport refuses that).
    "award": {"name": "Benchmark Award", "slug": f"benchmark-{nominees}-{jurors}-{criteria}", "organizer": "Benchmark Foundation"},
    "edition": {"year": 2025, "number": 1, "period": "2024-2025", "language": "en", "date": "2025-06-30"},
    "sections": [{"heading": "About", "body": "A generated edition for *benchmarks*."}],
    "criteria": [{"id": f"c{c}", "name": f"Criterion {c}", "weight": 1 + c % 3} for c in range(criteria)],
    "nominees": [
        {
            "id": f"n{i}", "name": f"Nominee {i}", "lead": f"College {i % 97}", "location": f"City {i % 31}",
            "sector": ["Care", "Tech", "Logistics", "Energy"][i % 4], "partners": [f"Partner {i % 13}", f"Partner {i % 7}"],
            "summary": f"Project {i} works with {i % 50} companies on shared training.",
            "facts": [{"label": "Students", "value": i % 300}, {"label": "Companies", "value": i % 50}],
            "body": f"Nominee {i} built a programme with local *companies*.\n\nIt reached {i % 300} students.",
        }
        for i in range(nominees)
    ],
    "verdict": {"winner": "n0", "rationale": "The strongest programme."},
    "jury": [{"id": f"j{j}", "name": f"Juror {j}", "chair": j == 0} for j in range(max(jurors, 1))],
}
if not criteria:
    del edition["criteria"]
if "--compact" in sys.argv:
    edition["award"]["slug"] += "-compact"
    edition["nominees"] = [
        {"id": f"n{i}", "name": f"Nominee {i}", "location": f"City {i % 31}", "facts": [{"label": "Students", "value": i % 300}]}
        for i in range(nominees)
    ]
if "--year" in sys.argv:
    edition["edition"]["year"] = int(sys.argv[sys.argv.index("--year") + 1])
    edition["edition"]["date"] = f"{edition['edition']['year']}-06-30"
    edition["edition"]["period"] = f"{edition['edition']['year'] - 1}-{edition['edition']['year']}"
if "--slug" in sys.argv:
    edition["award"]["slug"] = sys.argv[sys.argv.index("--slug") + 1]
if "--method" in sys.argv:
    edition["scoring"] = {"method": sys.argv[sys.argv.index("--method") + 1]}
if jurors and "--without-scores" not in sys.argv:
    scores = []
    for i in range(nominees):
        for j in range(jurors):
            if criteria:
                for c in range(criteria):
                    scores.append({"juror": f"j{j}", "nominee": f"n{i}", "criterion": f"c{c}", "score": 1 + (i * 7 + j * 3 + c) % 10})
            else:
                scores.append({"juror": f"j{j}", "nominee": f"n{i}", "score": 1 + (i * 7 + j * 3) % 10})
    edition["scores"] = scores

with open(out, "w", encoding="utf-8") as handle:
    if syntax == "json":
        json.dump(edition, handle, ensure_ascii=False)
    else:
        # Flow-style YAML lines: JSON strings are YAML double-quoted strings.
        def value(v):
            return json.dumps(v, ensure_ascii=False)
        handle.write("format: jury-report/1\n")
        for key in ["award", "edition", "verdict", "scoring"]:
            if key not in edition:
                continue
            handle.write(f"{key}: {value(edition[key])}\n")
        for key in ["sections", "criteria", "nominees", "jury", "scores"]:
            if key in edition:
                handle.write(f"{key}:\n")
                for item in edition[key]:
                    handle.write(f"  - {value(item)}\n")
