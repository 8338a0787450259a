#!/usr/bin/env python3
"""UMAP: fansql against umap-learn on the same 10,000 x 1,024 float32 vectors, to 2D.

The vectors are fansql's local embeddings (embed()) of the generator's stage texts (a fan's
messages of one stage joined), written once to Parquet; both tools read that file. Times are the
layout alone, median of RUNS runs: fansql's statement time (`fansql run`, vectors already in a
memory table) with fansql.threads = 1 and 2; umap-learn's `UMAP(random_state=seed).fit_transform`
after a warm-up fit (numba compiled), single-threaded as a random_state makes it, with
NUMBA_NUM_THREADS set to the thread count. Quality: trustworthiness (k = 10, scikit-learn) of
each layout.

Usage: python3 benches/umap.py [ROWS] [RUNS]   (defaults 10000, 3; needs a release fansql)
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3

import numpy as np  # noqa: E402
import pyarrow.parquet as pq  # noqa: E402
from sklearn.manifold import trustworthiness  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BIN = os.environ.get("FANSQL_BIN", os.path.join(TARGET, "release", "fansql"))


def fansql(*args):
    return subprocess.run([BIN, *args], check=True, capture_output=True, text=True)


def umap_learn(vectors, threads):
    """umap-learn in a child process, so NUMBA_NUM_THREADS applies; returns (median s, layout)."""
    code = f"""
import sys, time, statistics, numpy as np, pyarrow.parquet as pq, umap
x = np.stack(pq.read_table({vectors!r}).column('v').to_numpy(zero_copy_only=False)).astype(np.float32)
umap.UMAP(random_state=0).fit_transform(x[:500])  # warm-up: numba compiles
times = []
for seed in range({RUNS}):
    start = time.perf_counter(); y = umap.UMAP(random_state=seed).fit_transform(x); times.append(time.perf_counter() - start)
np.save(sys.argv[1], y)
print(statistics.median(times))
"""
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, "y.npy")
        env = dict(os.environ, NUMBA_NUM_THREADS=str(threads), OMP_NUM_THREADS=str(threads))
        seconds = float(subprocess.run([sys.executable, "-c", code, out], check=True, capture_output=True, text=True, env=env).stdout.split()[-1])
        return seconds, np.load(out)


def main():
    with tempfile.TemporaryDirectory() as work:
        messages = os.path.join(work, "messages.parquet")
        vectors = os.path.join(work, "vectors.parquet")
        layout_file = os.path.join(work, "layout.parquet")
        fansql("generate", "--fans", str(ROWS // 2 + 500), "--seed", "5", "--out", messages)
        fansql("--quiet", "--data", messages, "-c",
               "SET fansql.embed.provider = 'local';"
               "COPY (SELECT embed(text) AS v FROM ("
               "  SELECT string_agg(fan_message, ' ' ORDER BY ts, row_id) AS text FROM ("
               "    SELECT *, stage(ts, purchased) OVER (PARTITION BY fan_id, model_id ORDER BY ts, row_id) AS stage FROM messages)"
               "  WHERE fan_message IS NOT NULL GROUP BY fan_model_id, stage ORDER BY fan_model_id, stage)"
               f" LIMIT {ROWS}) TO '{vectors}' STORED AS PARQUET")
        x = np.stack(pq.read_table(vectors).column("v").to_numpy(zero_copy_only=False)).astype(np.float32)
        print(f"{x.shape[0]} x {x.shape[1]} float32 vectors (local embeddings of generated stage texts)")

        rows = []
        for threads in (1, 2):
            script = os.path.join(work, "umap.sql")
            with open(script, "w") as f:
                f.write(f"SET fansql.threads = {threads};\n")
                f.write(f"CREATE TABLE t AS SELECT row_number() OVER () AS n, v FROM '{vectors}';\n")
                for seed in range(RUNS):
                    f.write(f"CREATE OR REPLACE TABLE layout AS SELECT n, umap(v, 2, 15, 0.1, {seed}) OVER () AS xy FROM t;\n")
                f.write(f"COPY (SELECT xy FROM layout ORDER BY n) TO '{layout_file}' STORED AS PARQUET;\n")
            out = fansql("run", script, "--out", work)
            times = [float(m) for m in re.findall(r"CREATE TABLE layout\s+0 rows\s+([0-9.]+) s", out.stderr)]
            y = np.stack(pq.read_table(layout_file).column("xy").to_numpy(zero_copy_only=False))
            rows.append(("fansql", threads, statistics.median(times), trustworthiness(x, y, n_neighbors=10)))
            seconds, y = umap_learn(vectors, threads)
            rows.append(("umap-learn 0.5", threads, seconds, trustworthiness(x, y, n_neighbors=10)))

        print("| tool | threads | median s | trustworthiness (k=10) |")
        print("| --- | --- | --- | --- |")
        for tool, threads, seconds, trust in rows:
            print(f"| {tool} | {threads} | {seconds:.3f} | {trust:.4f} |")


if __name__ == "__main__":
    main()
