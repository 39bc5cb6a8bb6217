#!/usr/bin/env python3
"""Turns scripts/bench.sh's measurements into the results table, growth and goals.

Reads the records (TSV: scale, kind, name, status, rows_in, rows_out, rows_quarantined,
wall_s, ledger_s, peak_rss_kb, user_s, sys_s, note) and the manifests of the generated data,
writes <out>.json and <out>.md, and prints the Markdown.
"""

import argparse
import csv
import json
import os
import sys

# Steps whose ledger rows are not data rows: load-s3 counts files, prepare Sirius tables,
# validation its checks.
# Their rows/s is not shown, and their growth is measured against the scale's CSV rows.
# The plain-PostgreSQL baseline each step is compared with: (baseline key, label).
# Issue 22: load-casrec against psql \copy of the same files; integration, load-to-target and
# validation against the COPY round trip of the rows they handle (the transform's rows).
STEP_BASELINES = {
    "load-casrec": ("copy", "psql \\copy"),
    "integration": ("copy-roundtrip", "COPY round trip"),
    "load-to-target": ("copy-roundtrip", "COPY round trip"),
    "validation": ("copy-roundtrip", "COPY round trip"),
}
# The steps held to GOAL_ROUNDTRIP_RATIO.
ROUNDTRIP_STEPS = ("integration", "load-to-target", "validation")
NON_DATA_STEPS = {"load-s3": "files", "prepare": "Sirius tables", "validation": "checks"}
GOAL_SCALE = 100000
GOAL_PIPELINE_S = 300.0
GOAL_COPY_RATIO = 1.3
GOAL_ROUNDTRIP_RATIO = 5.0
GOAL_RSS_MIB = 4096.0
GROWTH_FLAG = 1.2
GROWTH_MIN_SECONDS = 1.0  # below this, start-up dominates and growth says nothing
FIELDS = ["scale", "kind", "name", "status", "rows_in", "rows_out", "rows_quarantined",
          "wall_s", "ledger_s", "peak_rss_kb", "user_s", "sys_s", "note"]


def num(v, kind=float):
    if v is None or v == "":
        return None
    try:
        return kind(v)
    except ValueError:
        return None


def read_records(path):
    out = []
    with open(path, newline="", encoding="utf-8", errors="replace") as f:
        for row in csv.reader(f, delimiter="\t", quoting=csv.QUOTE_NONE):
            row = (row + [""] * len(FIELDS))[: len(FIELDS)]
            r = dict(zip(FIELDS, row))
            r["scale"] = int(r["scale"])
            for k in ("rows_in", "rows_out", "rows_quarantined"):
                r[k] = num(r[k], int)
            for k in ("wall_s", "ledger_s", "user_s", "sys_s"):
                r[k] = num(r[k])
            kb = num(r.pop("peak_rss_kb"), int)
            r["peak_rss_mib"] = round(kb / 1024, 1) if kb is not None else None
            out.append(r)
    return out


def rate(rows, seconds):
    if rows is None or not seconds:
        return None
    return rows / seconds


def fmt_int(v):
    return "—" if v is None else f"{v:,}"


def fmt_s(v):
    return "—" if v is None else f"{v:.2f}"


def fmt_rate(v):
    return "—" if v is None else f"{v:,.0f}"


def fmt_mib(v):
    return "—" if v is None else f"{v:,.0f}"


def build(args):
    records = read_records(args.records)
    scales = sorted({r["scale"] for r in records})
    results = {}
    for scale in scales:
        manifest_path = os.path.join(args.manifests, f"manifest-{scale}.json")
        csv_rows = csv_bytes = None
        if os.path.exists(manifest_path):
            with open(manifest_path, encoding="utf-8") as f:
                m = json.load(f)
            csv_rows = sum(x["rows"] for x in m["files"])
            csv_bytes = sum(x["bytes"] for x in m["files"])
        mine = [r for r in records if r["scale"] == scale]
        base = {r["name"]: r for r in mine if r["kind"] == "baseline"}
        rows = []
        targets = [{"target": r["name"], "source_rows": r["rows_in"], "rows": r["rows_out"],
                    "left_out": r["rows_quarantined"]} for r in mine if r["kind"] == "target"]
        loaded = [{"table": r["name"], "rows": r["rows_out"]} for r in mine if r["kind"] == "loaded"]
        disk = [{"after_step": r["name"], "sirius_db_bytes": r["rows_in"], "migration_db_bytes": r["rows_out"],
                 "free_bytes": r["rows_quarantined"], "largest_schemas": r["note"]}
                for r in mine if r["kind"] == "disk"]
        for r in mine:
            if r["kind"] in ("baseline", "target", "loaded", "disk"):
                continue
            e = {
                "step": "generate (casrec-gen)" if r["kind"] == "generate" else r["name"],
                "kind": r["kind"],
                "status": r["status"],
                "rows_in": r["rows_in"],
                "rows_out": r["rows_out"],
                "rows_quarantined": r["rows_quarantined"],
                "seconds": r["wall_s"],
                "ledger_seconds": r["ledger_s"],
                "user_seconds": r["user_s"],
                "sys_seconds": r["sys_s"],
                "peak_rss_mib": r["peak_rss_mib"],
                "rows_per_second": None,
                "baseline": None,
                "baseline_seconds": None,
                "ratio_to_baseline": None,
                "note": r["note"],
            }
            if r["status"] != "succeeded":
                e["rows_per_second"] = None
            elif r["kind"] == "generate":
                e["rows_per_second"] = rate(r["rows_out"], r["wall_s"])
            elif r["name"] not in NON_DATA_STEPS:
                e["rows_per_second"] = rate(r["rows_in"], r["wall_s"])
            if r["name"] in STEP_BASELINES:
                key, label = STEP_BASELINES[r["name"]]
                b = base.get(key)
                e["baseline"] = label
                if b and b["status"] == "succeeded":
                    e["baseline_seconds"] = b["wall_s"]
                    if r["status"] == "succeeded" and b["wall_s"]:
                        e["ratio_to_baseline"] = r["wall_s"] / b["wall_s"]
            rows.append(e)
        baselines = []
        for name, label, applies in (
            ("copy", "psql \\copy of the CSVs", "load-casrec"),
            ("insert-select", "INSERT … SELECT of the transform rows", "load-to-target"),
            ("copy-roundtrip", "COPY round trip (TO STDOUT → FROM STDIN) of the transform rows",
             "integration, load-to-target, validation"),
        ):
            b = base.get(name)
            if not b:
                continue
            baselines.append({
                "baseline": name,
                "what": label,
                "for_step": applies,
                "status": b["status"],
                "rows_in": b["rows_in"],
                "rows_out": b["rows_out"],
                "seconds": b["wall_s"],
                "rows_per_second": rate(b["rows_out"], b["wall_s"]) if b["status"] == "succeeded" else None,
                "note": b["note"],
            })
        steps = [e for e in rows if e["kind"] == "step"]
        built = [e for e in steps if e["status"] == "succeeded"]
        results[str(scale)] = {
            "clients": scale,
            "csv_rows": csv_rows,
            "csv_bytes": csv_bytes,
            "rows": rows,
            "baselines": baselines,
            "targets": targets,
            "loaded": loaded,
            "disk": disk,
            "pipeline_seconds": sum(e["seconds"] or 0 for e in built),
            "pipeline_steps_timed": [e["step"] for e in built],
            "steps_not_built": [e["step"] for e in steps if e["status"] == "not built"],
            "steps_failed": [e["step"] for e in steps if e["status"] == "failed"],
            "max_step_peak_rss_mib": max((e["peak_rss_mib"] or 0 for e in steps), default=None),
        }

    growth = []
    for a, b in zip(scales, scales[1:]) if len(scales) > 1 else []:
        ra, rb = results[str(a)], results[str(b)]
        for eb in rb["rows"]:
            ea = next((x for x in ra["rows"] if x["step"] == eb["step"]), None)
            if not ea or ea["status"] != "succeeded" or eb["status"] != "succeeded":
                continue
            if eb["kind"] == "generate":
                va, vb, unit = ea["rows_out"], eb["rows_out"], "CSV rows written"
            elif eb["step"] in NON_DATA_STEPS or not ea["rows_in"]:
                va, vb, unit = ra["csv_rows"], rb["csv_rows"], "CSV rows of the scale"
            else:
                va, vb, unit = ea["rows_in"], eb["rows_in"], "rows in"
            if not va or not vb or not ea["seconds"] or not eb["seconds"]:
                continue
            rows_ratio = vb / va
            time_ratio = eb["seconds"] / ea["seconds"]
            g = time_ratio / rows_ratio
            meaningful = eb["seconds"] >= GROWTH_MIN_SECONDS
            growth.append({
                "step": eb["step"], "from_clients": a, "to_clients": b, "volume": unit,
                "rows_ratio": rows_ratio, "time_ratio": time_ratio, "growth": g,
                "worse_than_linear": bool(meaningful and g > GROWTH_FLAG),
                "note": "" if meaningful else f"under {GROWTH_MIN_SECONDS:.0f} s: start-up dominates, not flagged",
            })

    goals = []
    r100 = results.get(str(GOAL_SCALE))
    if r100:
        t = r100["pipeline_seconds"]
        partial = r100["steps_not_built"] + r100["steps_failed"]
        goals.append({
            "goal": f"whole pipeline at {GOAL_SCALE:,} clients under {GOAL_PIPELINE_S / 60:.0f} minutes (generate excluded)",
            "measured": f"{t:.1f} s over {', '.join(r100['pipeline_steps_timed'])}"
                        + (f" ({', '.join(partial)} not timed: not built or failed)" if partial else ""),
            "pass": t < GOAL_PIPELINE_S and not r100["steps_failed"],
        })
    else:
        goals.append({"goal": f"whole pipeline at {GOAL_SCALE:,} clients under 5 minutes",
                      "measured": f"not measured ({GOAL_SCALE} clients not in this run)", "pass": None})
    for scale in scales:
        lc = next((e for e in results[str(scale)]["rows"] if e["step"] == "load-casrec"), None)
        if lc and lc["ratio_to_baseline"] is not None:
            goals.append({
                "goal": f"load-casrec within {GOAL_COPY_RATIO}× of psql \\copy ({scale:,} clients)",
                "measured": f"{lc['ratio_to_baseline']:.2f}× ({lc['seconds']:.2f} s vs {lc['baseline_seconds']:.2f} s)",
                "pass": lc["ratio_to_baseline"] <= GOAL_COPY_RATIO,
            })
        else:
            goals.append({"goal": f"load-casrec within {GOAL_COPY_RATIO}× of psql \\copy ({scale:,} clients)",
                          "measured": "not measured (load-casrec or the baseline did not succeed)", "pass": None})
    for scale in scales:
        for step in ROUNDTRIP_STEPS:
            e = next((e for e in results[str(scale)]["rows"] if e["step"] == step), None)
            goal = f"{step} within {GOAL_ROUNDTRIP_RATIO:.0f}× of the COPY round trip ({scale:,} clients)"
            if e and e["ratio_to_baseline"] is not None:
                goals.append({
                    "goal": goal,
                    "measured": f"{e['ratio_to_baseline']:.2f}× ({e['seconds']:.2f} s vs {e['baseline_seconds']:.2f} s)",
                    "pass": e["ratio_to_baseline"] <= GOAL_ROUNDTRIP_RATIO,
                })
            else:
                goals.append({"goal": goal, "measured": f"not measured ({step} or the baseline did not succeed)",
                              "pass": None})
    if r100:
        steps = [e for e in r100["rows"] if e["kind"] == "step" and e["peak_rss_mib"] is not None]
        top = max(steps, key=lambda e: e["peak_rss_mib"], default=None)
        goals.append({
            "goal": f"peak memory under 4 GiB at {GOAL_SCALE:,} clients (any step's process)",
            "measured": f"{top['peak_rss_mib']:,.0f} MiB ({top['step']})" if top else "not measured",
            "pass": (top["peak_rss_mib"] < GOAL_RSS_MIB) if top else None,
        })
    else:
        goals.append({"goal": f"peak memory under 4 GiB at {GOAL_SCALE:,} clients",
                      "measured": f"not measured ({GOAL_SCALE} clients not in this run)", "pass": None})

    return {
        "date": args.date,
        "commit": args.commit,
        "machine": {
            "cores": args.cores,
            "memory_gib": round(args.mem_kb / 1024 / 1024, 1),
            "cpu": args.cpu,
            "postgres": args.postgres,
        },
        "seed": args.seed,
        "scales": scales,
        "results": results,
        "growth": growth,
        "goals": goals,
    }


def markdown(rep):
    m = rep["machine"]
    out = [
        f"# Benchmark {rep['date']}",
        "",
        f"- commit: `{rep['commit']}`",
        f"- machine: {m['cores']} cores, {m['memory_gib']} GiB, {m['cpu']}; PostgreSQL {m['postgres']}",
        f"- scales: {', '.join(f'{s:,}' for s in rep['scales'])} clients, seed {rep['seed']}",
        "",
    ]
    for key, r in rep["results"].items():
        out += [
            f"## {int(key):,} clients ({fmt_int(r['csv_rows'])} CSV rows, "
            f"{(r['csv_bytes'] or 0) / 1e6:,.0f} MB)",
            "",
            "| step | status | rows in | rows out | seconds | rows/s | peak RSS (MiB) | vs baseline |",
            "|---|---|---:|---:|---:|---:|---:|---|",
        ]
        for e in r["rows"]:
            unit = NON_DATA_STEPS.get(e["step"])
            rin = fmt_int(e["rows_in"]) + (f" {unit}" if unit and e["rows_in"] is not None else "")
            rout = fmt_int(e["rows_out"]) + (f" {unit}" if unit and e["rows_out"] is not None else "")
            if e["ratio_to_baseline"] is not None:
                vs = f"{e['ratio_to_baseline']:.2f}× {e['baseline']} ({e['baseline_seconds']:.2f} s)"
            elif e["step"] == "load-to-target":
                bl = {b["baseline"]: b for b in r["baselines"]}
                parts = [f"{name}: {bl[k]['seconds']:.2f} s" for k, name in
                         (("insert-select", "INSERT … SELECT"), ("copy-roundtrip", "COPY round trip"))
                         if k in bl and bl[k]["seconds"] is not None]
                vs = ("baselines " + ", ".join(parts)) if parts else "—"
            else:
                vs = "—"
            secs = fmt_s(e["seconds"]) if e["status"] in ("succeeded", "failed") else "—"
            rss = fmt_mib(e["peak_rss_mib"]) if e["status"] in ("succeeded", "failed") else "—"
            out.append(f"| {e['step']} | {e['status']} | {rin} | {rout} | {secs} | "
                       f"{fmt_rate(e['rows_per_second'])} | {rss} | {vs} |")
        for b in r["baselines"]:
            secs = fmt_s(b["seconds"]) if b["status"] == "succeeded" else "—"
            out.append(f"| *baseline: {b['what']}* | {b['status']} | {fmt_int(b['rows_in'])} | "
                       f"{fmt_int(b['rows_out'])} | {secs} | {fmt_rate(b['rows_per_second'])} | — | "
                       f"for {b['for_step']} |")
        out += [
            "",
            f"Pipeline (built steps, `migrate step` wall time each): **{r['pipeline_seconds']:.1f} s**; "
            f"not built: {', '.join(r['steps_not_built']) or 'none'}"
            + (f"; failed: {', '.join(r['steps_failed'])}" if r["steps_failed"] else "") + ".",
            "",
        ]
        if r.get("targets"):
            out += ["Rows per target (the transform's count: source rows it answers for, rows made, rows left "
                    "out by a rule or quarantined):", "",
                    "| target → Sirius table | source rows | rows | left out |", "|---|---:|---:|---:|"]
            out += [f"| {t['target']} | {fmt_int(t['source_rows'])} | {fmt_int(t['rows'])} | {fmt_int(t['left_out'])} |"
                    for t in r["targets"]]
            out.append("")
        if r.get("loaded"):
            out += ["Rows loaded into Sirius per table (the ledger):", "", "| table | rows |", "|---|---:|"]
            out += [f"| {t['table']} | {fmt_int(t['rows'])} |" for t in r["loaded"]]
            out.append("")
        if r.get("disk"):
            gb = lambda v: "—" if v is None else f"{v / 1e9:,.1f}"  # noqa: E731
            out += ["Disk after each step (PostgreSQL's databases, and what is left on its disk):", "",
                    "| after | migration db (GB) | Sirius db (GB) | free (GB) | largest schemas |",
                    "|---|---:|---:|---:|---|"]
            out += [f"| {d['after_step']} | {gb(d['migration_db_bytes'])} | {gb(d['sirius_db_bytes'])} | "
                    f"{gb(d['free_bytes'])} | {d['largest_schemas'] or '—'} |" for d in r["disk"]]
            out.append("")
        notes = [e for e in r["rows"] if e["status"] in ("failed",) and e["note"]]
        for e in notes:
            out.append(f"- {e['step']} failed: {e['note']}")
        if notes:
            out.append("")
    if rep["growth"]:
        out += [
            "## Growth (time ratio ÷ rows ratio; 1.0 is linear, > 1.2 is flagged)",
            "",
            "| step | clients | volume | rows × | time × | growth | |",
            "|---|---|---|---:|---:|---:|---|",
        ]
        for g in rep["growth"]:
            flag = "**worse than linear**" if g["worse_than_linear"] else g["note"]
            out.append(f"| {g['step']} | {g['from_clients']:,} → {g['to_clients']:,} | {g['volume']} | "
                       f"{g['rows_ratio']:.2f} | {g['time_ratio']:.2f} | {g['growth']:.2f} | {flag} |")
        out.append("")
    out += ["## Goals (measured, not asserted)", "", "| goal | measured | result |", "|---|---|---|"]
    for g in rep["goals"]:
        res = "n/a" if g["pass"] is None else ("**pass**" if g["pass"] else "**FAIL**")
        out.append(f"| {g['goal']} | {g['measured']} | {res} |")
    out.append("")
    return "\n".join(out)


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--records", required=True)
    p.add_argument("--manifests", required=True)
    p.add_argument("--out", required=True, help="path without extension")
    p.add_argument("--date", required=True)
    p.add_argument("--commit", required=True)
    p.add_argument("--cores", type=int, required=True)
    p.add_argument("--mem-kb", type=int, required=True)
    p.add_argument("--cpu", required=True)
    p.add_argument("--postgres", default="unknown")
    p.add_argument("--seed", required=True)
    args = p.parse_args()
    rep = build(args)
    md = markdown(rep)
    with open(args.out + ".json", "w", encoding="utf-8") as f:
        json.dump(rep, f, indent=2, ensure_ascii=False)
        f.write("\n")
    with open(args.out + ".md", "w", encoding="utf-8") as f:
        f.write(md)
    sys.stdout.write(md)


if __name__ == "__main__":
    main()
