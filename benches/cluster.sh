#!/usr/bin/env bash
# Benchmark: the pipeline's staging and conversation-features steps on generated logs, run by
# fansql locally and on a Ballista cluster of this machine (fansql-scheduler and EXECUTORS
# fansql-executor processes of one core each), timed with /usr/bin/time -v. Prints the median
# wall time of RUNS runs each (paste it into BENCHMARKS.md). Peak memory is the client's only
# on the cluster, so it is not compared.
#
# Usage: benches/cluster.sh [FANS] [RUNS] [EXECUTORS]
#   FANS       fans to generate (default 225000, about 10M messages; the file is shared with
#              benches/features.sh)
#   RUNS       runs per mode (default 3)
#   EXECUTORS  executor processes (default 2)
# Needs a release build (cargo build --release).
set -euo pipefail
cd "$(dirname "$0")/.."
FANS=${1:-225000}
RUNS=${2:-3}
EXECUTORS=${3:-2}
BIN_DIR=${FANSQL_BIN_DIR:-${CARGO_TARGET_DIR:-target}/release}
WORK=${BENCH_DIR:-${TMPDIR:-/tmp}/fansql-bench}
DATA="$WORK/messages_$FANS.parquet"
PORT=${SCHEDULER_PORT:-50050}
mkdir -p "$WORK"

for bin in fansql fansql-scheduler fansql-executor; do
  [ -x "$BIN_DIR/$bin" ] || { echo "no release binary at $BIN_DIR/$bin: run cargo build --release" >&2; exit 1; }
done
[ -f "$DATA" ] || "$BIN_DIR/fansql" generate --fans "$FANS" --seed 1 --out "$DATA" --labels "$WORK/labels_$FANS.parquet"
MESSAGES=$("$BIN_DIR/fansql" --data "$DATA" -c "SELECT count(*) FROM messages" | tail -1)
echo "data: $DATA ($MESSAGES messages)"

PIDS=()
trap 'kill "${PIDS[@]}" 2>/dev/null || true' EXIT
"$BIN_DIR/fansql-scheduler" --bind-port "$PORT" > "$WORK/scheduler.log" 2>&1 &
PIDS+=($!)
for i in $(seq "$EXECUTORS"); do
  base=$((PORT + 10 * i))
  "$BIN_DIR/fansql-executor" --scheduler-port "$PORT" --bind-port $((base + 1)) --bind-grpc-port $((base + 2)) \
    --bind-health-port $((base + 3)) --vcores 1 > "$WORK/executor_$i.log" 2>&1 &
  PIDS+=($!)
done
sleep 3

STEPS=(queries/pipeline/01_staged_conversations.sql queries/pipeline/02_conversation_features.sql)
for i in $(seq "$RUNS"); do
  rm -rf "$WORK/local_out" "$WORK/cluster_out"
  /usr/bin/time -v "$BIN_DIR/fansql" run "${STEPS[@]}" --data "$DATA" --out "$WORK/local_out" --quiet 2> "$WORK/local_$i.time"
  /usr/bin/time -v "$BIN_DIR/fansql" run "${STEPS[@]}" --data "$DATA" --out "$WORK/cluster_out" --quiet \
    --cluster "df://localhost:$PORT" --cluster-tables "$WORK/cluster_tables" 2> "$WORK/cluster_$i.time"
done
# Both modes must agree before their times mean anything.
for mode in local cluster; do
  "$BIN_DIR/fansql" --format csv -c "SELECT count(*), sum(revenue), sum(message_count) FROM '$WORK/${mode}_out/conversation_features.parquet'" | tail -1 > "$WORK/${mode}_check"
done
cmp -s "$WORK/local_check" "$WORK/cluster_check" || { echo "local and cluster outputs differ" >&2; exit 1; }

python3 - "$WORK" "$RUNS" "$MESSAGES" "$EXECUTORS" <<'PY'
import re, statistics, sys
work, runs, messages, executors = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
def seconds(path):
    clock = re.search(r"Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (\S+)", open(path).read()).group(1)
    return sum(float(p) * 60 ** i for i, p in enumerate(reversed(clock.split(":"))))
print("| mode | messages | median wall (s) | runs |")
print("| --- | --- | --- | --- |")
for mode, name in (("local", "local (one process, 2 cores)"), ("cluster", f"cluster ({executors} executors x 1 core)")):
    wall = statistics.median(seconds(f"{work}/{mode}_{i}.time") for i in range(1, runs + 1))
    print(f"| {name} | {messages} | {wall:.2f} | {runs} |")
PY
