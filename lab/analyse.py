"""Figures for docs/lab.md from a lab run's CSVs (reading only; every number comes from the run's exact output)."""
import csv, statistics, sys
out = sys.argv[1]
rows = list(csv.DictReader(open(f"{out}/intervals.csv")))
nodes = {}
for r in csv.DictReader(open(f"{out}/nodes.csv")):
    nodes.setdefault(int(r["month"]), []).append(r)
def nym(x): return float(x) / 1e6
for m in (0, 11, 59):
    if m not in nodes: continue
    ns = nodes[m]; K = int(rows[m]["rewarded"])
    rew = sorted((nym(n["reward"]) for n in ns), reverse=True)
    rep = sorted((float(n["reputation"]) for n in ns), reverse=True)
    low = [nym(n["reward"]) for n in ns if float(n["reputation"]) < 0.1]
    ros = sorted(12 * float(n["delegates_return"]) for n in ns if n["delegates_return"])
    print(f"month {m+1}: max reward {rew[0]:.0f}, K/2-th {rew[K//2-1]:.0f}, K-th (median) {rew[K-1]:.0f}, "
          f"K-th reputation {rep[K-1]:.3f}, reputation<0.1: {len(low)} nodes, max reward {max(low) if low else 0:.1f}, "
          f"mean {statistics.mean(low) if low else 0:.2f}; delegate ROS median {statistics.median(ros):.4f} max {ros[-1]:.4f}")
    print(f"   distributed/available {float(rows[m]['distributed'])/float(rows[m]['available']):.3f}, emission {nym(rows[m]['emission']):.0f}, fees→mixnet {nym(rows[m]['fees_to_mixnet']):.0f}")
for y in range(len(rows) // 12):
    worst = min(float(n["operator_profit"]) / 1e6 for m in range(12 * y, 12 * y + 12) for n in nodes[m])
    print(f"year {y+1}: worst annualised operator profit (12 x worst month) {12 * worst:.0f} NYM")
cross = [int(r["month"]) + 1 for r in rows if float(r["fees_to_mixnet"]) > float(r["emission"])]
print("first month fees to mixnet > emission:", cross[0] if cross else None)
grow = [int(r["month"]) + 1 for r in rows if int(r["width"]) > int(rows[0]["width"])]
print("first month W grows:", grow[0] if grow else None, " last K:", rows[-1]["rewarded"])
