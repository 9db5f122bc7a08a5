#!/usr/bin/env python3
"""report.py — bench/run.sh's results as a table and BENCHMARKS.md.

    report.py RESULTS_DIR BENCHMARKS.md

Reads the files run.sh left in RESULTS_DIR, prints the table, and writes
BENCHMARKS.md: metric, target, measured, ratio (measured / target, or ours /
theirs), how it was measured, and the machine; then bench/fixes.md (the
causes found and fixed, before and after) is appended as it stands.
"""
import glob
import json
import os
import statistics
import sys

RES = sys.argv[1]
OUT = sys.argv[2]
HERE = os.path.dirname(os.path.abspath(__file__))

# The trace action each screen's measured key starts (CME_TRACE names).
ACTION = {
    "my_cases": "queue-next", "open": "open", "attendance": "tab-attendance",
    "timeline": "tab-timeline", "search_name": "search",
    "search_upn": "search", "page": "page-down", "move": "move-down",
}
TITLE = {
    "my_cases": "My cases", "open": "Open a child",
    "attendance": "Attendance tab (full year)", "timeline": "Timeline",
    "search_name": "Search, misspelt surname", "search_upn": "Search, UPN",
    "page": "Page through All children", "move": "Cursor move",
}


def tsv(name):
    d = {}
    try:
        with open(os.path.join(RES, name)) as f:
            for line in f:
                p = line.rstrip("\n").split("\t")
                if len(p) >= 2:
                    d.setdefault(p[0], []).append(p[1])
    except OSError:
        pass
    return d


def jload(name):
    try:
        with open(os.path.join(RES, name)) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None


def pct(xs, p):
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = (len(xs) - 1) * p / 100.0
    lo = int(k)
    hi = min(lo + 1, len(xs) - 1)
    return xs[lo] + (xs[hi] - xs[lo]) * (k - lo)


def fmt(x, unit="", nd=1):
    if x is None or x != x:
        return "n/a"
    if isinstance(x, int) or (nd == 0):
        return "{:,}{}".format(int(round(x)), unit)
    return "{:,.{}f}{}".format(x, nd, unit)


rows = []   # (metric, target, measured, ratio, how, verdict)


def row(metric, target, measured, ratio, how, ok):
    verdict = "met" if ok is True else "MISSED" if ok is False else "report"
    rows.append((metric, target, measured, ratio, how, verdict))


machine = {k: v[0] for k, v in tsv("machine.tsv").items()}
ds = {k: int(v[0]) for k, v in tsv("dataset.tsv").items() if v[0].isdigit()}
seed = {}
try:
    with open(os.path.join(RES, "seed.log")) as f:
        for line in f:
            p = line.split()
            if len(p) == 2 and p[0].endswith("_ms"):
                seed[p[0]] = int(p[1])
except OSError:
    pass

# ---- dataset -----------------------------------------------------------
row("Dataset: build the large LA", "report",
    "{} (+ VACUUM ANALYZE {})".format(fmt(seed.get("seed_ms", 0) / 1000.0,
                                          " s"),
                                      fmt(seed.get("vacuum_ms", 0) / 1000.0,
                                          " s")),
    "", "`cme db seed --large`: {} pupils, {} schools, {} staff, {} open / "
    "{} closed cases, {} alerts, {} marks (at most {} sessions a pupil)"
    .format(fmt(ds.get("children")), fmt(ds.get("schools")),
            fmt(ds.get("staff")), fmt(ds.get("open_cases")),
            fmt(ds.get("closed_cases")), fmt(ds.get("alerts")),
            fmt(ds.get("marks")), fmt(ds.get("sessions_per_pupil_max"))),
    None)

# ---- 1. storage --------------------------------------------------------
ab = ds.get("attendance_bytes")
if ab:
    row("1. Storage: a year of attendance incl. indexes", "≤ 1 GB",
        "{} MB (heap {} MB, indexes {} MB)".format(
            fmt(ab / 2**20, nd=0), fmt(ds["attendance_heap_bytes"] / 2**20,
                                       nd=0),
            fmt(ds["attendance_index_bytes"] / 2**20, nd=0)),
        "{:.2f}".format(ab / 2**30),
        "pg_total_relation_size('cme.attendance') after VACUUM ANALYZE "
        "({} rows; fillfactor 45 leaves room for the daily update)".format(
            fmt(ds.get("attendance_rows"))), ab <= 2**30)

# ---- 2. ingest ---------------------------------------------------------
ing = tsv("ingest.tsv")
if ing.get("import_ms"):
    imp = [int(x) for x in ing["import_ms"]]
    bare = statistics.median([int(x) for x in ing["bare_copy_ms"]])
    n = int(ing["rows"][0])
    first = imp[0]
    row("2. Daily ingest, {} rows".format(fmt(n)), "≤ 10 s",
        "{} (again: {})".format(fmt(first / 1000.0, " s", 2),
                                ", ".join(fmt(x / 1000.0, " s", 2)
                                          for x in imp[1:])),
        "{:.2f}".format(first / 10000.0),
        "wall time of `cme import attendance` (COPY to staging, validation, "
        "merge, rules, audit, in one transaction)", first <= 10000)
    row("2. Ingest vs bare COPY", "≤ 5×", "{} vs {}".format(
        fmt(first / 1000.0, " s", 2), fmt(bare / 1000.0, " s", 2)),
        "{:.1f}×".format(first / bare),
        "psql \\copy of the same file into an unindexed table, median of 3, "
        "same run", first / bare <= 5)

# ---- 3. screens --------------------------------------------------------
for s in ("my_cases", "open", "attendance", "timeline", "search_name",
          "search_upn", "page"):
    j = jload("client-screen-%s.json" % s)
    if not j:
        continue
    tr = [t for t in j["trace"] if t["action"] == ACTION[s]]
    if s == "page":
        fetch = [t for t in tr if t["rt"] > 0]
    else:
        fetch = tr
    rts = [t["rt"] for t in tr]
    ms = [t["server_ms"] for t in fetch]
    limit = 30.0 if s.startswith("search") else 20.0
    p99 = pct(ms, 99)
    note = ""
    if s == "page":
        note = " ({} of {} page-downs needed the server; the rest moved " \
               "within rows held)".format(len(fetch), len(tr))
    if s == "open":
        note = " (the Summary comes with the list page: no round trip)"
    row("3. {}: round trips".format(TITLE[s]), "1",
        "max {}, mean {:.2f}".format(max(rts) if rts else "n/a",
                                     statistics.mean(rts) if rts else 0),
        "", "CME_TRACE round_trips of {} `{}` actions{}".format(
            len(tr), ACTION[s], note), (max(rts) if rts else 9) <= 1)
    if ms:
        row("3. {}: server time".format(TITLE[s]),
            "p99 ≤ {:.0f} ms".format(limit),
            "p50 {} / p99 {} ms".format(fmt(pct(ms, 50), nd=1),
                                         fmt(p99, nd=1)),
            "{:.2f}".format(p99 / limit),
            "CME_TRACE server_ms (send to last result, local socket) over "
            "{} runs".format(len(ms)), p99 <= limit)

# ---- 4. client ---------------------------------------------------------
j = jload("client-rss.json")
if j:
    pd = [t for t in j["trace"] if t["action"] == "page-down"]
    fetched = sum(1 for t in pd if t["rt"] > 0)
    kb = j["peak_rss_kb"]
    row("4. Peak RSS paging the whole list ({} rows)".format(
        fmt(ds.get("children"))), "≤ 20 MB",
        "{} MB".format(fmt(kb / 1024.0, nd=1)), "{:.2f}".format(
            kb / 1024.0 / 20),
        "VmHWM of the client after {} page-downs through All children "
        "({} fetches of 100 rows)".format(len(pd), fetched),
        kb <= 20 * 1024)
starts = []
for f in sorted(glob.glob(os.path.join(RES, "client-start-*.json"))):
    j = json.load(open(f))
    starts.append(j["start_ms"])
if starts:
    m = statistics.median(starts)
    row("4. Start to first painted screen", "≤ 150 ms median",
        "median {} ms (max {})".format(fmt(m, nd=0), fmt(max(starts), nd=0)),
        "{:.2f}".format(m / 150.0),
        "exec to the last byte of the first screen (queues, My cases, the "
        "first child's Summary), {} starts, local socket".format(
            len(starts)), m <= 150)

# ---- 5. terminal bytes ---------------------------------------------------
pspg = jload("client-pspg.json")


def label_bytes(j, label):
    return [a["bytes"] for a in j["actions"] if a["label"] == label]


mv = jload("client-screen-move.json")
pg = jload("client-screen-page.json")
for name, j, label, target in (("cursor move", mv, "move", 200),
                               ("page down", pg, "page", 1536)):
    if not j:
        continue
    b = label_bytes(j, label)
    theirs = label_bytes(pspg, label) if pspg else []
    ratio = ""
    if theirs:
        ratio = "{:.2f} of pspg ({} B)".format(
            statistics.mean(b) / statistics.mean(theirs),
            fmt(statistics.mean(theirs), nd=0))
    row("5. Terminal bytes, {} at 80×24".format(name),
        "≤ {} B".format(fmt(target)),
        "mean {} B, p50 {}, max {}".format(fmt(statistics.mean(b), nd=0),
                                           fmt(pct(b, 50), nd=0), max(b)),
        ratio, "bytes the client wrote to its pty per key, {} keys "
        "(detail pane following the cursor)".format(len(b)),
        max(b) <= target if theirs == [] else
        (max(b) <= target and statistics.mean(b) <= statistics.mean(theirs)))
j = jload("client-morning.json")
if j:
    tr = j["trace"]
    row("5. A scripted morning (100 actions)", "report",
        "{} B, {} round trips, {} ms server".format(
            fmt(sum(t["tty_bytes"] for t in tr)), sum(t["rt"] for t in tr),
            fmt(sum(t["server_ms"] for t in tr), nd=0)),
        "", "{} traced actions at 80×24 (start included): caseload, "
        "records and tabs, searches, queues, paging, sorting".format(len(tr)),
        None)

# ---- 6. latency --------------------------------------------------------
for s in ("my_cases", "open", "attendance", "timeline", "search_name",
          "search_upn", "page"):
    j = jload("client-latency-%s.json" % s)
    if not j:
        continue
    ms = [a["ms"] for a in j["actions"] if a["label"] == s]
    tr = [t for t in j["trace"] if t["action"] == ACTION[s]]
    if not ms:
        continue
    row("6. 100 ms RTT: {}".format(TITLE[s]), "≤ 150 ms",
        "p50 {} / max {} ms".format(fmt(pct(ms, 50), nd=0),
                                    fmt(max(ms), nd=0)),
        "{:.2f}".format(max(ms) / 150.0),
        "key to the last byte painted, through a userspace 100 ms proxy, "
        "{} runs (round trips max {})".format(
            len(ms), max([t["rt"] for t in tr] or [0])), max(ms) <= 150)

# ---- 7. many users ---------------------------------------------------------
for name, label, think in (("load.tsv", "100 caseworkers, 1 s think",
                            True),
                           ("load-flat.tsv", "100 caseworkers, flat out",
                            False)):
    try:
        lines = [l.rstrip("\n").split("\t") for l in
                 open(os.path.join(RES, name))]
    except OSError:
        continue
    lines = [l for l in lines if len(l) == 3]
    logins = [float(l[1]) for l in lines if l[0] == "login"]
    lines = [l for l in lines if l[0] != "login"]
    ms = [float(l[1]) for l in lines if int(l[2]) > 0]
    secs = 20.0
    ramp = 0.0
    try:
        ramp = float(open(os.path.join(RES, "load-ramp.txt")).read())
    except (OSError, ValueError):
        pass
    if think:
        try:
            secs = float(open(os.path.join(RES, "load-secs.txt")).read())
        except (OSError, ValueError):
            pass
    per = {}
    for l in lines:
        if int(l[2]) > 0:
            per.setdefault(l[0], []).append(float(l[1]))
    detail = "; ".join("{} p99 {}".format(k, fmt(pct(v, 99), nd=0))
                       for k, v in sorted(per.items()))
    if logins:
        detail += ("; apart from the screens, logging in (connection and "
                   "start batch) p50 {} / p99 {} ms".format(
                       fmt(pct(logins, 50), nd=0), fmt(pct(logins, 99), nd=0)))
    p99 = pct(ms, 99)
    row("7. {}".format(label), "p99 ≤ 50 ms" if think else "report",
        "p50 {} / p99 {} ms; {} screens/s".format(
            fmt(pct(ms, 50), nd=1), fmt(p99, nd=1),
            fmt(len(lines) / secs, nd=0)),
        "{:.2f}".format(p99 / 50.0) if think else "",
        "headless clients (the real model/ and db/ code, bench/"
        "caseworker.c), one process each, logging in over the first {:.0f} s, "
        "then {:.0f} s all together; screens that went to the server: "
        "{}".format(ramp, secs, detail), (p99 <= 50) if think else None)

# ---- output --------------------------------------------------------------
head = ("metric", "target", "measured", "ratio", "verdict")
w = [max(len(str(r[i])) for r in rows + [head + ("",)]) for i in (0, 1, 2)]
print("%-*s  %-*s  %-*s  %-10s %s" % (w[0], head[0], w[1], head[1], w[2],
                                        head[2], "ratio", "verdict"))
for r in rows:
    print("%-*s  %-*s  %-*s  %-10s %s" % (w[0], r[0], w[1], r[1], w[2], r[2],
                                          r[3], r[5]))

md = []
md.append("# Benchmarks\n")
md.append("Produced by `make bench{}` ({} data); do not edit by hand: "
          "`bench/run.sh` rewrites this file (the section on fixes comes from "
          "`bench/fixes.md`).\n".format(
              "" if machine.get("mode") == "full" else "-quick",
              "the full" if machine.get("mode") == "full" else
              "a tenth of the"))
md.append("## Machine\n")
for k in ("cpu", "nproc", "memory", "os", "kernel", "postgresql",
          "settings", "git", "date", "duration_s"):
    if k in machine:
        md.append("- **{}**: {}".format(k, machine[k]))
md.append("")
md.append("## Results\n")
md.append("| metric | target | measured | ratio | how measured | verdict |")
md.append("|---|---|---|---|---|---|")
for r in rows:
    md.append("| {} | {} | {} | {} | {} | {} |".format(
        r[0], r[1], r[2], r[3], r[4].replace("|", "\\|"), r[5]))
md.append("")
try:
    md.append(open(os.path.join(HERE, "fixes.md")).read())
except OSError:
    pass
with open(OUT, "w") as f:
    f.write("\n".join(md).rstrip() + "\n")
print("wrote", OUT)
