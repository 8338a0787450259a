#!/usr/bin/env bash
# Benchmark: embed_voyage against a loopback Voyage-shaped mock that answers each request after
# LATENCY_MS: TEXTS distinct texts at batch 128 and concurrency 8 (79 requests for 10,000), each
# run with an empty cache, then once more fully cached. The time is the query's own (fansql's
# 'rows in S s' line), median of RUNS runs; the ideal is ceil(requests / 8) x latency.
#
# Usage: benches/embed_voyage.sh [TEXTS] [LATENCY_MS] [RUNS]   (defaults 10000, 200, 5)
# Needs release builds: cargo build --release --workspace --examples
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benches/common.sh
source benches/common.sh
TEXTS=${1:-10000}
LATENCY_MS=${2:-200}
RUNS=${3:-5}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${FANSQL_BIN:-$TARGET/release/fansql}
MOCK=${MOCK_BIN:-$TARGET/release/examples/mock_voyage_server}
WORK=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$WORK"' EXIT

start_mock "$MOCK" "$LATENCY_MS"
echo "mock at $URL answering after ${LATENCY_MS} ms; $TEXTS texts"

cat > "$WORK/bench.sql" <<SQL
SET datafusion.execution.target_partitions = 1; SET fansql.embed.concurrency = 8; SET fansql.embed.batch_size = 128;
CREATE TABLE t AS SELECT 'fan-' || lpad(CAST(value AS VARCHAR), 6, '0') || ' says hello there friend' AS text FROM generate_series(1, $TEXTS);
SELECT count(embed_voyage(text)) AS embedded FROM t;
SQL

run() { # $1 = cache dir; prints the query's seconds ('fansql run' times each statement); the spend line goes to $WORK/spend
  VOYAGE_API_KEY=pa-bench VOYAGE_BASE_URL="$URL" FANSQL_CACHE_DIR="$1" "$BIN" run "$WORK/bench.sql" --out "$WORK" > /dev/null 2> "$WORK/err"
  grep '^embed:' "$WORK/err" > "$WORK/spend" || true
  grep "rows" "$WORK/err" | tail -1 | awk '{print $(NF-1)}'
}

cold=(); warm=()
for i in $(seq "$RUNS"); do
  cold+=("$(run "$WORK/cache$i")"); cold_spend=$(cat "$WORK/spend")
  warm+=("$(run "$WORK/cache$i")"); warm_spend=$(cat "$WORK/spend")
done
requests=$(( (TEXTS + 127) / 128 ))
ideal=$(awk -v r="$requests" -v l="$LATENCY_MS" 'BEGIN {printf "%.3f", int((r + 7) / 8) * l / 1000}')
echo "cold: $cold_spend"
echo "warm: $warm_spend"
m=$(median "${cold[@]}")
echo "| run | texts | requests | median s | ideal s | ratio | runs |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
awk -v t="$TEXTS" -v r="$requests" -v m="$m" -v i="$ideal" -v n="$RUNS" 'BEGIN {printf "| uncached | %d | %d | %.3f | %.3f | %.2fx | %d |\n", t, r, m, i, m/i, n}'
echo "| cached rerun | $TEXTS | 0 | $(median "${warm[@]}") | - | - | $RUNS |"
