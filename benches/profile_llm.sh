#!/usr/bin/env bash
# Benchmark: profile_llm for FANS fans against a loopback OpenAI-compatible mock that answers
# each request after LATENCY_MS, at concurrency 8 and batch 20; then the same query again, fully
# cached. Prints the median wall time of RUNS runs of each (paste them into BENCHMARKS.md).
#
# Usage: benches/profile_llm.sh [FANS] [LATENCY_MS] [RUNS]   (defaults 1000, 200, 5)
# Needs release builds: cargo build --release && cargo build --release -p fansql-udfs --example mock_openai_server
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benches/common.sh
source benches/common.sh
FANS=${1:-1000}
LATENCY_MS=${2:-200}
RUNS=${3:-5}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${FANSQL_BIN:-$TARGET/release/fansql}
MOCK=${MOCK_BIN:-$TARGET/release/examples/mock_openai_server}
WORK=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$WORK"' EXIT

start_mock "$MOCK" "$LATENCY_MS"
echo "mock at $URL answering after ${LATENCY_MS} ms; $FANS fans"

SQL="SET datafusion.execution.target_partitions = 1; SET fansql.llm.concurrency = 8; SET fansql.llm.batch_size = 20;
CREATE TABLE t AS SELECT 'fan-' || lpad(CAST(value AS VARCHAR), 6, '0') || ' says hello there friend' AS text FROM generate_series(1, $FANS);
SELECT count(profile_llm(text)) AS profiled FROM t"

run() { # $1 = cache dir; prints wall seconds, and the spend line on stderr
  local start end
  start=$(date +%s.%N)
  OPENAI_API_KEY=sk-bench OPENAI_BASE_URL="$URL" FANSQL_CACHE_DIR="$1" "$BIN" -c "$SQL" > /dev/null 2> "$WORK/spend"
  end=$(date +%s.%N)
  awk "BEGIN {printf \"%.3f\\n\", $end - $start}"
}

cold=(); warm=()
for i in $(seq "$RUNS"); do
  cold+=("$(run "$WORK/cache$i")"); cold_spend=$(cat "$WORK/spend")
  warm+=("$(run "$WORK/cache$i")"); warm_spend=$(cat "$WORK/spend")
done
echo "cold: $cold_spend"
echo "warm: $warm_spend"
echo "| run | fans | median wall (s) | runs |"
echo "| --- | --- | --- | --- |"
echo "| uncached | $FANS | $(median "${cold[@]}") | $RUNS |"
echo "| cached rerun | $FANS | $(median "${warm[@]}") | $RUNS |"
