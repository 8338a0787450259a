#!/usr/bin/env bash
# Benchmark: the pipeline's staging and conversation-features steps on generated logs, fansql
# next to DuckDB running the same SQL on the same Parquet file, timed with /usr/bin/time -v.
# Prints the median wall time and peak memory of RUNS runs each (paste them into BENCHMARKS.md).
#
# Usage: benches/features.sh [FANS] [RUNS]
#   FANS  fans to generate (default 225000, about 10M messages)
#   RUNS  runs per engine (default 3)
# Needs a release build (cargo build --release) and python3 with duckdb (pip install duckdb).
set -euo pipefail
cd "$(dirname "$0")/.."
FANS=${1:-225000}
RUNS=${2:-3}
BIN=${FANSQL_BIN:-${CARGO_TARGET_DIR:-target}/release/fansql}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/fansql-bench}
DATA="$WORK/messages_$FANS.parquet"
mkdir -p "$WORK"

[ -x "$BIN" ] || { echo "no release binary at $BIN: run cargo build --release" >&2; exit 1; }
[ -f "$DATA" ] || "$BIN" generate --fans "$FANS" --seed 1 --out "$DATA" --labels "$WORK/labels_$FANS.parquet"
MESSAGES=$("$BIN" --data "$DATA" -c "SELECT count(*) FROM messages" | tail -1)
echo "data: $DATA ($MESSAGES messages)"

for i in $(seq "$RUNS"); do
  rm -rf "$WORK/fansql_out" "$WORK/duckdb_out"
  /usr/bin/time -v "$BIN" run queries/pipeline/01_staged_conversations.sql queries/pipeline/02_conversation_features.sql \
    --data "$DATA" --out "$WORK/fansql_out" --quiet 2> "$WORK/fansql_$i.time"
  /usr/bin/time -v python3 benches/duckdb_pipeline.py "$DATA" "$WORK/duckdb_out" > /dev/null 2> "$WORK/duckdb_$i.time"
done

python3 - "$WORK" "$RUNS" "$MESSAGES" <<'PY'
import re, statistics, sys
work, runs, messages = sys.argv[1], int(sys.argv[2]), sys.argv[3]
def measure(path):
    text = open(path).read()
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", text).group(1)
    seconds = sum(float(p) * 60 ** i for i, p in enumerate(reversed(clock.split(":"))))
    rss_mib = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, rss_mib
print(f"| engine | messages | median wall (s) | median peak RSS (MiB) | runs |")
print(f"| --- | --- | --- | --- | --- |")
for engine in ("fansql", "duckdb"):
    results = [measure(f"{work}/{engine}_{i}.time") for i in range(1, runs + 1)]
    wall = statistics.median(r[0] for r in results)
    rss = statistics.median(r[1] for r in results)
    print(f"| {engine} | {messages} | {wall:.2f} | {rss:.0f} | {runs} |")
PY
