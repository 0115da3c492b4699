#!/usr/bin/env python3
"""Reads the BENCHLINEs of a bench/run and prints the table and the RESULT line; writes
results.md and chart.svg next to them (and into docs/ when publishing)."""
import datetime
import os
import platform
import shutil
import subprocess
import sys

lines_file, cards, clients, seed_s, out, publish = sys.argv[1:7]
rows = []
for line in open(lines_file):
    fields = dict(part.split("=", 1) for part in line.split()[1:])
    rows.append(fields)

pgbench = float(next(r["tps"] for r in rows if r.get("kind") == "pgbench"))
pgbench_verify = float(next(r["tps"] for r in rows if r.get("kind") == "pgbench_verify"))
pgbench_minimal = float(next(r["tps"] for r in rows if r.get("kind") == "pgbench_minimal"))
jdks = []
for r in rows:
    if "jdk" in r and r["jdk"] not in jdks:
        jdks.append(r["jdk"])


def phase(jdk, kind):
    return next((r for r in rows if r.get("jdk") == jdk and r.get("kind") == kind), None)


table = ["| JDK | start-up (s) | peak RSS (MiB) | call | requests/s | p50 (ms) | p90 (ms) | p99 (ms) | non-2xx |",
         "|---|---|---|---|---|---|---|---|---|"]
names = {"ss": "social-security activation", "fin": "financial activation", "verify": "PIN verification",
         "read": "card read"}
for jdk in jdks:
    rss = phase(jdk, "rss")["rss_mib"]
    label = jdk + (" (virtual threads)" if int(jdk) >= 21 else "")
    for kind in ("ss", "fin", "verify", "read"):
        r = phase(jdk, kind)
        table.append(f"| {label} | {r['startup_s']} | {rss} | {names[kind]} | {float(r['rps']):.0f} | {r['p50_ms']} | "
                     f"{r['p90_ms']} | {r['p99_ms']} | {r['non2xx']} |")
# The feed's runs, in the order they ran (on, off, off, on); each side is the mean of its runs.
feed_runs = [r for r in rows if r.get("jdk") == jdks[0] and r.get("kind") in ("ss_feed_on", "ss_feed_off")]
for n, r in enumerate(feed_runs, 1):
    table.append(f"| {jdks[0]}, event feed {r['kind'][len('ss_feed_'):]} (fresh start, run {n}) | | | "
                 f"social-security activation | {float(r['rps']):.0f} | {r['p50_ms']} | {r['p90_ms']} | "
                 f"{r['p99_ms']} | {r['non2xx']} |")


def mean_rate(kind):
    rates = [float(r["rps"]) for r in feed_runs if r["kind"] == kind]
    return sum(rates) / len(rates) if rates else None


feed_on, feed_off = mean_rate("ss_feed_on"), mean_rate("ss_feed_off")
for kind, call in (("ss_two", "social-security activation"), ("verify_two", "PIN verification")):
    two = phase(jdks[0], kind)
    if two:
        table.append(f"| {jdks[0]}, two instances behind HAProxy | | | {call} | {float(two['rps']):.0f} | "
                     f"{two['p50_ms']} | {two['p90_ms']} | {two['p99_ms']} | {two['non2xx']} |")
table.append(f"| pgbench ceiling | | | the activation's SQL | {pgbench:.0f} | | | | |")
table.append(f"| pgbench ceiling | | | an activation's least SQL | {pgbench_minimal:.0f} | | | | |")
table.append(f"| pgbench ceiling | | | a verification's least SQL | {pgbench_verify:.0f} | | | | |")

primary = phase(jdks[0], "ss")
activations = float(primary["rps"])
result = (f"RESULT activations_per_s={activations:.0f} p50_ms={float(primary['p50_ms']):.1f} "
          f"p99_ms={float(primary['p99_ms']):.1f} pgbench_tps={pgbench:.0f} ratio={activations / pgbench:.2f} "
          f"minimal_sql_tps={pgbench_minimal:.0f} minimal_ratio={activations / pgbench_minimal:.2f}")
if feed_on and feed_off:
    result += f" feed_on_per_s={feed_on:.0f} feed_off_per_s={feed_off:.0f} feed_cost={1 - feed_on / feed_off:.2f}"
two = phase(jdks[0], "ss_two")
if two:
    result += f" two_instances_per_s={float(two['rps']):.0f} two_instances_p99_ms={float(two['p99_ms']):.1f}"
verify = phase(jdks[0], "verify")
verifications = float(verify["rps"])
result_verify = (f"RESULT verifications_per_s={verifications:.0f} p50_ms={float(verify['p50_ms']):.1f} "
                 f"p99_ms={float(verify['p99_ms']):.1f} pgbench_tps={pgbench_verify:.0f} "
                 f"ratio={verifications / pgbench_verify:.2f}")

cpu = subprocess.run(["sh", "-c", "grep -m1 'model name' /proc/cpuinfo | cut -d: -f2"], capture_output=True,
                     text=True).stdout.strip()
header = (f"{datetime.date.today()}, {os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}; "
          f"{int(cards):,} cards seeded in {float(seed_s):.1f} s; {clients} clients; service, PostgreSQL and wrk on "
          f"the same machine.")
markdown = header + "\n\n" + "\n".join(table) + "\n\n```\n" + result + "\n" + result_verify + "\n```\n"

# A bar chart of throughput against the ceiling.
bars = [(f"JDK {jdk} {names[k]}", float(phase(jdk, k)["rps"])) for jdk in jdks for k in ("ss", "fin")]
bars.append(("pgbench: the same SQL", pgbench))
width, bar_h, gap, left = 760, 26, 10, 250
top = max(v for _, v in bars) * 1.1
svg = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{60 + len(bars) * (bar_h + gap)}" '
       'font-family="sans-serif" font-size="13">',
       f'<text x="10" y="22" font-size="15" font-weight="bold">Activations per second, {int(cards):,} cards, '
       f'{clients} clients</text>']
for i, (label, value) in enumerate(bars):
    y = 40 + i * (bar_h + gap)
    w = (width - left - 80) * value / top
    colour = "#9aa5b1" if label.startswith("pgbench") else "#2f6fb0"
    svg.append(f'<text x="10" y="{y + 18}">{label}</text>')
    svg.append(f'<rect x="{left}" y="{y}" width="{w:.0f}" height="{bar_h}" fill="{colour}"/>')
    svg.append(f'<text x="{left + w + 6:.0f}" y="{y + 18}">{value:.0f}/s</text>')
svg.append("</svg>")

open(os.path.join(out, "results.md"), "w").write(markdown)
open(os.path.join(out, "chart.svg"), "w").write("\n".join(svg) + "\n")
if publish == "1":
    suffix = f"{int(cards) // 1000}k" if int(cards) < 1_000_000 else f"{int(cards) // 1_000_000}m"
    os.makedirs("docs", exist_ok=True)
    shutil.copy(os.path.join(out, "chart.svg"), f"docs/performance-{suffix}.svg")
    shutil.copy(os.path.join(out, "results.md"), f"docs/performance-{suffix}.md")

print()
print("\n".join(table))
print()
print(result)
print(result_verify)
