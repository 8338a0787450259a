#!/usr/bin/env python3
"""k-means: fansql against scikit-learn on the same 100,000 x 1,024 float32 vectors, k = 5, n_init = 1.

The vectors are real-shaped: fansql's local embeddings (embed()) of the generator's fan messages
(`fansql generate`), written once to Parquet; both tools read that file. Times are the clustering
alone (fansql: the statement's own time from `fansql run`, with the vectors already in a memory
table; scikit-learn: KMeans.fit), median of RUNS runs, with 1 and 2 threads (fansql.threads;
OMP_NUM_THREADS via threadpoolctl for scikit-learn).

Usage: python3 benches/kmeans.py [ROWS] [RUNS]   (defaults 100000, 3; needs a release fansql)
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

import numpy as np
import pyarrow.parquet as pq
from sklearn.cluster import KMeans
from threadpoolctl import threadpool_limits

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BIN = os.environ.get("FANSQL_BIN", os.path.join(TARGET, "release", "fansql"))
ROWS = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
RUNS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def fansql(*args):
    return subprocess.run([BIN, *args], check=True, capture_output=True, text=True)


def main():
    with tempfile.TemporaryDirectory() as work:
        messages = os.path.join(work, "messages.parquet")
        vectors = os.path.join(work, "vectors.parquet")
        fansql("generate", "--fans", str(ROWS // 25), "--seed", "3", "--out", messages)
        fansql("--quiet", "--data", messages, "-c",
               "SET fansql.embed.provider = 'local';"
               f"COPY (SELECT embed(fan_message) AS v FROM messages WHERE fan_message IS NOT NULL LIMIT {ROWS}) "
               f"TO '{vectors}' STORED AS PARQUET")
        x = np.stack(pq.read_table(vectors).column("v").to_numpy(zero_copy_only=False)).astype(np.float32)
        print(f"{x.shape[0]} x {x.shape[1]} float32 vectors (local embeddings of generated fan messages)")

        rows = []
        for threads in (1, 2):
            script = os.path.join(work, "kmeans.sql")
            with open(script, "w") as f:
                f.write(f"SET fansql.threads = {threads}; SET fansql.embed.provider = 'local';\n")
                f.write(f"CREATE TABLE t AS SELECT v FROM '{vectors}';\n")
                for _ in range(RUNS):
                    f.write("SELECT sum(c['distance'] * c['distance']) AS inertia FROM (SELECT kmeans(v, 5, 0, 1) OVER () AS c FROM t);\n")
            out = fansql("run", script, "--out", work)
            times = [float(m) for m in re.findall(r"SELECT\s+1 rows\s+([0-9.]+) s", out.stderr)]
            inertia = float(out.stdout.strip().splitlines()[-1])
            rows.append(("fansql", threads, statistics.median(times), inertia))

            fits = []
            with threadpool_limits(limits=threads):
                for seed in range(RUNS):
                    start = time.perf_counter()
                    km = KMeans(5, n_init=1, random_state=seed).fit(x)
                    fits.append((time.perf_counter() - start, km.inertia_))
            rows.append(("scikit-learn 1.9 (lloyd)", threads, statistics.median(t for t, _ in fits), min(i for _, i in fits)))

        print("| tool | threads | median s | inertia |")
        print("| --- | --- | --- | --- |")
        for tool, threads, seconds, inertia in rows:
            print(f"| {tool} | {threads} | {seconds:.3f} | {inertia:.2f} |")


if __name__ == "__main__":
    main()
