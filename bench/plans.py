#!/usr/bin/env python3
"""Reads the app's EF Core command log (JSON console lines) and prints, per labelled request, the
queries it ran (count, milliseconds) and SQLite's EXPLAIN QUERY PLAN of each SELECT/UPDATE, run by
the sqlite3 CLI on the benchmark database. Unbound @parameters are fine for EXPLAIN QUERY PLAN.

usage: plans.py <sql.log> <db, or - for the queries without plans> <first line of interest> <label>...
Requests after the mark are named by the labels, in order; background work (no request) is ignored.
"""
import json
import re
import subprocess
import sys

log_path, db, mark, labels = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]

requests = {}  # RequestId -> {"path": ..., "commands": [(ms, sql)]}
order = []
with open(log_path, encoding="utf-8", errors="replace") as f:
    for n, line in enumerate(f):
        if n < mark or not line.startswith("{"):
            continue
        try:
            entry = json.loads(line)
        except json.JSONDecodeError:
            continue
        if entry.get("EventId") != 20101:
            continue
        scope = next((s for s in entry.get("Scopes", []) if isinstance(s, dict) and "RequestId" in s), None)
        if scope is None:
            continue
        rid = scope["RequestId"]
        if rid not in requests:
            requests[rid] = {"path": scope.get("RequestPath", "?"), "commands": []}
            order.append(rid)
        state = entry.get("State", {})
        requests[rid]["commands"].append((float(state.get("elapsed", "0") or 0), state.get("commandText", "")))


def plan(sql):
    if db == "-":  # no plans (PostgreSQL): the queries only
        return None
    statement = sql.strip().rstrip(";")
    if ";" in statement or not re.match(r"^(SELECT|UPDATE|DELETE|WITH)\b", statement, re.I):
        return None
    result = subprocess.run(["sqlite3", "-readonly", db, "EXPLAIN QUERY PLAN " + statement],
                            capture_output=True, text=True, check=False)
    return (result.stdout + result.stderr).rstrip()


def aliases(sql):
    return {alias: table for table, alias in re.findall(r'"(\w+)" AS "(\w+)"', sql)} | {
        t: t for t in re.findall(r'FROM "(\w+)"', sql)}


out = ["| request | path | queries | DB ms (sum) | full scans of Preregistrations |", "|---|---|---|---|---|"]
details = []
for i, rid in enumerate(order):
    label = labels[i] if i < len(labels) else f"extra-{i}"
    req = requests[rid]
    scans = 0
    body = []
    for ms, sql in req["commands"]:
        body.append(f"```sql\n-- {ms:.0f} ms\n{sql.strip()}\n```")
        p = plan(sql)
        if p is None:
            continue
        names = aliases(sql)
        flagged = []
        for pl in p.splitlines():
            m = re.search(r"\bSCAN (\w+)", pl)
            if m and "VIRTUAL TABLE" not in pl and names.get(m.group(1), m.group(1)) == "Preregistrations":
                scans += 1
                flagged.append(pl.strip())
        body.append("```\n" + p + "\n```" + ("\n**Full scan of Preregistrations:** " + "; ".join(flagged) if flagged else ""))
    total = sum(ms for ms, _ in req["commands"])
    out.append(f"| {label} | `{req['path']}` | {len(req['commands'])} | {total:.0f} | {scans if scans else 'none'} |")
    details.append(f"#### {label} — `{req['path']}`\n\n" + "\n\n".join(body))

print("\n".join(out))
print()
print("<details><summary>Every query with its plan</summary>\n")
print("\n\n".join(details))
print("\n</details>")
