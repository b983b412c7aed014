"""Independent computation of juryreport's scoring methods and jury statistics.

Usage: check_scoring.py DIR...  Each DIR holds editions' exports, each BASE.scores.csv,
BASE.criteria.csv (when there are criteria), BASE.nominees.csv, BASE.jury.csv,
BASE.json (for the method) and BASE.xlsx (for the jury sheets' cached values). Computes
every method's totals and ranks, each juror's figures, each nominee's spread and Kendall's W
with Python's statistics module from the CSV tables alone, and prints JSON:
{"checked": N, "mismatches": [...]}: every figure compared, to 1e-9.
"""
import csv
import glob
import json
import math
import os
import statistics
import sys

import openpyxl

TOLERANCE = 1e-9


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def number(text):
    return None if text in ("", None) else float(text)


def weighted_mean(pairs):
    weight = sum(w for _, w in pairs)
    return sum(v * w for v, w in pairs) / weight if weight else None


def totals(method, scores, weights, nominees):
    """Per nominee id: the method's total, or None."""
    by_nominee = {n: [] for n in nominees}
    for s in scores:
        by_nominee[s["nominee"]].append(s)
    raw = {n: weighted_mean([(s["score"], weights[s["criterion"]]) for s in rows]) for n, rows in by_nominee.items()}
    if method == "mean":
        return raw
    if method == "trimmed":
        result = {}
        for n, rows in by_nominee.items():
            pairs = []
            for criterion in sorted({s["criterion"] for s in rows}):
                values = sorted(s["score"] for s in rows if s["criterion"] == criterion)
                if len(values) >= 5:
                    values = values[1:-1]
                pairs += [(v, weights[criterion]) for v in values]
            result[n] = weighted_mean(pairs)
        return result
    if method == "median":
        result = {}
        for n, rows in by_nominee.items():
            jurors = sorted({s["juror"] for s in rows})
            means = [weighted_mean([(s["score"], weights[s["criterion"]]) for s in rows if s["juror"] == j]) for j in jurors]
            result[n] = statistics.median(means) if means else None
        return result
    if method == "zscore":
        standard = {}
        for j in sorted({s["juror"] for s in scores}):
            values = [s["score"] for s in scores if s["juror"] == j]
            if len(values) >= 3 and statistics.stdev(values) > 0:
                standard[j] = (statistics.mean(values), statistics.stdev(values))
        normal = {}
        for n, rows in by_nominee.items():
            kept = [((s["score"] - standard[s["juror"]][0]) / standard[s["juror"]][1], weights[s["criterion"]]) for s in rows if s["juror"] in standard]
            normal[n] = weighted_mean(kept) if kept and raw[n] is not None else None
        ranked = [n for n in nominees if normal[n] is not None]
        if not ranked:
            return {n: None for n in nominees}
        low, high = min(normal[n] for n in ranked), max(normal[n] for n in ranked)
        raw_low, raw_high = min(raw[n] for n in ranked), max(raw[n] for n in ranked)
        result = {}
        for n in nominees:
            if normal[n] is None:
                result[n] = None
            elif high > low:
                result[n] = raw_low + (normal[n] - low) / (high - low) * (raw_high - raw_low)
            else:
                result[n] = (raw_low + raw_high) / 2
        return result
    raise SystemExit("unknown method " + method)


def competition_ranks(values):
    present = [v for v in values.values() if v is not None]
    return {n: (None if v is None else 1 + sum(1 for o in present if o > v)) for n, v in values.items()}


def kendall_w(scores, weights, nominees):
    jurors = sorted({s["juror"] for s in scores})
    cells = {}
    for s in scores:
        cells.setdefault((s["nominee"], s["juror"]), []).append((s["score"], weights[s["criterion"]]))
    complete = [n for n in nominees if all((n, j) in cells for j in jurors)]
    m, n = len(jurors), len(complete)
    if m < 2 or n < 2:
        return None
    rank_sums = {x: 0.0 for x in complete}
    ties = 0.0
    for j in jurors:
        values = {x: weighted_mean(cells[(x, j)]) for x in complete}
        for x in complete:
            below = sum(1 for y in complete if values[y] < values[x])
            equal = sum(1 for y in complete if values[y] == values[x])
            rank_sums[x] += below + (equal + 1) / 2
        for v in set(values.values()):
            t = sum(1 for x in complete if values[x] == v)
            ties += t ** 3 - t
    mean = sum(rank_sums.values()) / n
    s = sum((r - mean) ** 2 for r in rank_sums.values())
    denominator = m * m * (n ** 3 - n) - m * ties
    return (12 * s / denominator, n) if denominator > 0 else None


def pearson(pairs):
    if len(pairs) < 2:
        return None
    xs, ys = [p[0] for p in pairs], [p[1] for p in pairs]
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    if sxx <= 0 or syy <= 0:
        return None
    return sum((x - mx) * (y - my) for x, y in pairs) / math.sqrt(sxx * syy)


class Check:
    def __init__(self):
        self.checked = 0
        self.mismatches = []

    def same(self, where, expected, actual):
        self.checked += 1
        if expected is None or actual is None:
            ok = expected is None and actual in (None, "")
        else:
            ok = abs(float(expected) - float(actual)) <= TOLERANCE * max(1.0, abs(float(expected)))
        if not ok:
            self.mismatches.append(f"{where}: expected {expected!r}, found {actual!r}")


def check(directory, base, result):
    path = lambda suffix: os.path.join(directory, base + suffix)
    method = json.load(open(path(".json"), encoding="utf-8"))["scoring"]["method"]
    criteria = read_csv(path(".criteria.csv")) if os.path.exists(path(".criteria.csv")) else []
    weights = {c["id"]: float(c["weight"]) for c in criteria}
    weights[""] = 1.0
    scores = [
        {"juror": r["juror"], "nominee": r["nominee"], "criterion": r.get("criterion", ""), "score": float(r["score"])}
        for r in read_csv(path(".scores.csv"))
    ]
    nominee_rows = read_csv(path(".nominees.csv"))
    nominees = [r["id"] for r in nominee_rows]
    jury = read_csv(path(".jury.csv"))

    expected = totals(method, scores, weights, nominees)
    ranks = competition_ranks(expected)
    raw = totals("mean", scores, weights, nominees)
    for row in nominee_rows:
        n = row["id"]
        result.same(f"{base} {method} total of {n}", expected[n], number(row["total"]))
        result.same(f"{base} {method} rank of {n}", ranks[n], number(row["rank"]))
        if "raw_total" in row:
            result.same(f"{base} raw total of {n}", raw[n] if expected[n] is not None else None, number(row["raw_total"]))

    # The jury sheets' cached values, against figures from the scores table.
    book = openpyxl.load_workbook(path(".xlsx"), data_only=True)
    sheets = book.sheetnames
    work = book[sheets[sheets.index("Ranking") + 1]]
    rows = list(work.iter_rows(values_only=True))
    w = kendall_w(scores, weights, nominees)
    text = rows[0][0]
    if w is None:
        result.same(f"{base} agreement said unknown", 1, 1 if "not known" in text else 0)
        result.same(f"{base} W", None, rows[1][1])
    else:
        result.same(f"{base} W", w[0], rows[1][1])
        result.same(f"{base} agreement as said", round(w[0], 2), float(text.split(": ")[1].split(" ")[0]))
        result.same(f"{base} agreement's nominees", w[1], float(text.split(" over the ")[1].split(" ")[0]))
    everything = [s["score"] for s in scores]
    cell_scores = {}
    for s in scores:
        cell_scores.setdefault((s["nominee"], s["criterion"]), []).append(s)
    for index, member in enumerate(jury):
        row = rows[3 + index]
        own = [s for s in scores if s["juror"] == member["id"]]
        values = [s["score"] for s in own]
        result.same(f"{base} {member['id']} count", len(values), row[1])
        result.same(f"{base} {member['id']} mean", statistics.mean(values) if values else None, row[2])
        result.same(f"{base} {member['id']} spread", statistics.stdev(values) if len(values) >= 2 else None, row[3])
        result.same(f"{base} {member['id']} lowest", min(values) if values else None, row[4])
        result.same(f"{base} {member['id']} highest", max(values) if values else None, row[5])
        result.same(f"{base} {member['id']} leniency", statistics.mean(values) - statistics.mean(everything) if values else None, row[6])
        pairs = []
        for s in own:
            others = [o["score"] for o in cell_scores[(s["nominee"], s["criterion"])] if o["juror"] != member["id"]]
            if others:
                pairs.append((s["score"], statistics.mean(others)))
        result.same(f"{base} {member['id']} correlation", pearson(pairs), row[7])
    differences = list(book[sheets[sheets.index("Ranking") + 2]].iter_rows(values_only=True))[1:]
    numbers = {r["number"]: r["id"] for r in nominee_rows}
    spreads = []
    for row in differences:
        n = numbers[str(row[0])]
        values = [s["score"] for s in scores if s["nominee"] == n]
        spread = statistics.stdev(values) if len(values) >= 2 else None
        spreads.append(-1 if spread is None else spread)
        result.same(f"{base} {n} count", len(values), row[2])
        result.same(f"{base} {n} spread", spread, row[3])
    result.same(f"{base} differences sorted widest first", 1, 1 if spreads == sorted(spreads, reverse=True) else 0)
    result.same(f"{base} differences list every scored nominee", len({s["nominee"] for s in scores}), len(differences))


result = Check()
for directory in sys.argv[1:]:
    for found in sorted(glob.glob(os.path.join(directory, "*.nominees.csv"))):
        check(directory, os.path.basename(found)[: -len(".nominees.csv")], result)
print(json.dumps({"checked": result.checked, "mismatches": result.mismatches}))
