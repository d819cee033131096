#!/usr/bin/env python3
"""Puts the SQLite and PostgreSQL runs of one size side by side.

usage: compare.py <sqlite work dir> <postgres work dir> <result.md>
Reads each run's meta.txt, scenarios.tsv, invites.tsv and post-saved.txt (bench/work/<size> and
bench/work/<size>-postgres) and writes one markdown table per kind of figure.
"""
import csv
import os
import sys

sqlite_dir, pg_dir, result_path = sys.argv[1:4]


def read_kv(path):
    out = {}
    for line in open(path, encoding="utf-8"):
        if "=" in line:
            k, v = line.rstrip("\n").split("=", 1)
            out[k] = v.strip("'")
    return out


def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def num(v):
    try:
        return float(v)
    except (TypeError, ValueError):
        return 0.0


runs = []
for d in (sqlite_dir, pg_dir):
    meta = read_kv(os.path.join(d, "meta.txt"))
    scen = {r["id"]: r for r in read_tsv(os.path.join(d, "scenarios.tsv"))}
    base = [num(scen[k]["rps"]) for k in ("1", "1b") if k in scen]
    invites = read_tsv(os.path.join(d, "invites.tsv"))
    seed = open(os.path.join(d, "seed.log"), encoding="utf-8").read().strip().splitlines()[-1]
    runs.append({"meta": meta, "scen": scen, "base": sum(base) / len(base), "invites": invites, "seed": seed})

sq, pg = runs
lines = []
w = lines.append
w(f"# Benchmark results: {sq['meta']['size']}, SQLite and PostgreSQL side by side")
w("")
for name, r in (("SQLite", sq), (f"PostgreSQL {pg['meta'].get('postgres', '')}", pg)):
    m = r["meta"]
    w(f"- {name}: {m['date']}, commit `{m['commit']}`, load average at start {m['load_start']}, at end {m.get('load_end', '?')}; "
      f"seed: `{r['seed']}`")
w(f"- Machine: {sq['meta']['nproc']} cores ({sq['meta']['cpu']}); wrk `-t{sq['meta']['threads']} -c{sq['meta']['connections']} "
  f"-d{sq['meta']['duration']}` after a {sq['meta']['warmup']} warm-up; the two runs ran one after the other on the same machine, "
  "load driver on the same 2 cores. PostgreSQL is the throwaway cluster of scripts/postgres.sh (fsync=off, synchronous_commit=off), "
  "on the same machine, so its server processes share those 2 cores too. The full results: the two "
  f"`{sq['meta']['date'][:10]}-{sq['meta']['size']}[-postgres].md` files.")
w("")
w("## Scenarios")
w("")
w("| # | scenario | SQLite req/s | PostgreSQL req/s | SQLite % of baseline | PostgreSQL % of baseline | SQLite p50 / p99 ms | PostgreSQL p50 / p99 ms | SQLite app CPU ms/req | PostgreSQL app CPU ms/req | load (SQLite / PostgreSQL) | errors (SQLite / PostgreSQL) |")
w("|---|---|---:|---:|---:|---:|---|---|---:|---:|---|---|")
for sid in ["1", "2", "3", "4", "5", "7a", "7b", "1b"]:
    a, b = sq["scen"].get(sid), pg["scen"].get(sid)
    if not a or not b:
        continue
    def err(s):
        return int(num(s["non2xx3xx"]) + num(s["socket_errors"]))
    w(f"| {sid} | {a['name']} | {num(a['rps']):,.0f} | {num(b['rps']):,.0f} | {100 * num(a['rps']) / sq['base']:.1f}% | "
      f"{100 * num(b['rps']) / pg['base']:.1f}% | {a['p50_ms']} / {a['p99_ms']} | {b['p50_ms']} / {b['p99_ms']} | "
      f"{a['cpu_ms_per_req']} | {b['cpu_ms_per_req']} | {a['load']} / {b['load']} | {err(a)} / {err(b)} |")
w("")
w("App CPU ms/req is the app process only: on PostgreSQL the server's own CPU (separate processes) is not in it, on SQLite "
  "the engine runs inside the app and is.")
w("")
w("## Scenario 6: batch invite of 100, outbox to the SMTP sink")
w("")
w("| round | SQLite response ms | PostgreSQL response ms | SQLite emails/s while sending | PostgreSQL emails/s while sending | SQLite end to end s | PostgreSQL end to end s |")
w("|---|---|---|---|---|---|---|")
for a, b in zip(sq["invites"], pg["invites"]):
    w(f"| {a['round']} | {a['response_ms']} | {b['response_ms']} | {a['send_rate']} | {b['send_rate']} | {a['end_to_end_s']} | {b['end_to_end_s']} |")
w("")
saved = [open(os.path.join(d, "post-saved.txt"), encoding="utf-8").read().strip() for d in (sqlite_dir, pg_dir)]
w(f"Rows the 50 post partners hold after scenario 4 (warm-up + measured): SQLite {saved[0]}, PostgreSQL {saved[1]}.")
with open(result_path, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print(result_path)
