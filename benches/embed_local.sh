#!/usr/bin/env bash
# Benchmark: the offline local embedder (embed() with fansql.embed.provider = 'local') on the
# generator's texts, on one core (one partition) and on all cores. Two kinds of text: single fan
# messages (short, ~40 characters) and stage texts (a fan's messages of one stage joined, as the
# pipeline embeds them). Prints texts per second, the median of RUNS runs, for BENCHMARKS.md.
#
# Usage: benches/embed_local.sh [FANS] [RUNS]   (defaults 2000, 5)
# Needs a release build: cargo build --release
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=benches/common.sh
source benches/common.sh
FANS=${1:-2000}
RUNS=${2:-5}
TARGET=${CARGO_TARGET_DIR:-target}
BIN=${FANSQL_BIN:-$TARGET/release/fansql}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

"$BIN" generate --fans "$FANS" --seed 7 --out "$WORK/messages.parquet" > /dev/null
"$BIN" --quiet --data "$WORK/messages.parquet" -c "
COPY (SELECT fan_message AS text FROM messages WHERE fan_message IS NOT NULL) TO '$WORK/short.parquet' STORED AS PARQUET;
COPY (SELECT string_agg(fan_message, ' ' ORDER BY ts, row_id) AS text
      FROM (SELECT *, stage(ts, purchased) OVER (PARTITION BY fan_id, model_id ORDER BY ts, row_id) AS stage FROM messages)
      WHERE fan_message IS NOT NULL GROUP BY fan_model_id, stage) TO '$WORK/stage.parquet' STORED AS PARQUET" > /dev/null


echo "| texts | count | mean chars | partitions | median s | texts/s | texts/s/core |"
echo "| --- | --- | --- | --- | --- | --- | --- |"
for kind in short stage; do
  stats=$("$BIN" --quiet --format csv -c "SELECT count(*), round(avg(character_length(text))) FROM '$WORK/$kind.parquet'" | tail -1)
  count=${stats%%,*}; chars=${stats##*,}
  for partitions in 1 "$(nproc)"; do
    {
      echo "SET fansql.embed.provider = 'local'; SET datafusion.execution.target_partitions = $partitions;"
      echo "CREATE TABLE t AS SELECT text FROM '$WORK/$kind.parquet';"
      for _ in $(seq "$RUNS"); do echo "SELECT count(embed(text)) FROM t;"; done
    } > "$WORK/bench.sql"
    # `fansql run` prints each statement's time ('... N rows  S s'); the last RUNS are the SELECTs.
    times=$("$BIN" run "$WORK/bench.sql" --out "$WORK" 2>&1 >/dev/null | awk '{print $(NF-1)}' | tail -n "$RUNS")
    # shellcheck disable=SC2086
    m=$(median $times)
    awk -v k="$kind" -v n="$count" -v c="$chars" -v p="$partitions" -v m="$m" \
      'BEGIN {printf "| %s | %d | %d | %d | %.3f | %.0f | %.0f |\n", k, n, c, p, m, n/m, n/m/p}'
  done
done
