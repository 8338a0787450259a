#!/usr/bin/env python3
"""How well fansql's local embedder agrees with voyage-3.5 on the real stage texts.

Reads ../shared/seed-data/recorded/voyage_3_5_stage_texts.parquet (302 texts with their real
voyage-3.5 vectors), embeds the same texts with `fansql` (embed() with the local provider), and
compares each method's neighbourhoods with voyage's:
  - knn10: mean overlap of the 10 nearest neighbours (cosine), 0..1;
  - ari_k5: adjusted Rand index between k-means (k=5) on the method and on voyage, mean of 10 seeds;
  - spearman: rank correlation of all pairwise cosine similarities.
Baselines: plain bag of words (word counts) and TF-IDF, both with scikit-learn.
Never prints message text.

Usage: python3 benches/embed_quality.py [FANSQL_BIN]   (needs pyarrow, numpy, scipy, scikit-learn)
"""
import os
import subprocess
import sys
import tempfile

import numpy as np
import pyarrow.parquet as pq
from scipy.stats import spearmanr
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RECORDED = os.path.join(ROOT, "..", "shared", "seed-data", "recorded", "voyage_3_5_stage_texts.parquet")
TARGET = os.environ.get("CARGO_TARGET_DIR", os.path.join(ROOT, "target"))
BIN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(TARGET, "debug", "fansql")


def unit(m):
    m = np.asarray(m, dtype=np.float64)
    n = np.linalg.norm(m, axis=1, keepdims=True)
    n[n == 0] = 1
    return m / n


def knn(m, k=10):
    s = m @ m.T
    np.fill_diagonal(s, -np.inf)
    return np.argsort(-s, axis=1)[:, :k]


def knn_overlap(a, b, k=10):
    na, nb = knn(a, k), knn(b, k)
    return float(np.mean([len(set(x) & set(y)) / k for x, y in zip(na, nb)]))


def ari(a, b, k=5, seeds=10):
    scores = []
    for seed in range(seeds):
        la = KMeans(k, n_init=10, random_state=seed).fit_predict(a)
        lb = KMeans(k, n_init=10, random_state=seed).fit_predict(b)
        scores.append(adjusted_rand_score(la, lb))
    return float(np.mean(scores))


def pairwise_spearman(a, b):
    iu = np.triu_indices(len(a), 1)
    return float(spearmanr((a @ a.T)[iu], (b @ b.T)[iu]).statistic)


def main():
    if not os.path.exists(RECORDED):
        print("skipping: ../shared/seed-data is absent")
        return
    table = pq.read_table(RECORDED)
    texts = table.column("text").to_pylist()
    voyage = unit(np.stack(table.column("embedding").to_numpy(zero_copy_only=False)))
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "local.parquet")
        sql = (
            "SET fansql.embed.provider = 'local';"
            f"COPY (SELECT fan_model_id, stage, embed(text) AS e FROM '{RECORDED}') TO '{out}' STORED AS PARQUET"
        )
        subprocess.run([BIN, "--quiet", "-c", sql], check=True, stdout=subprocess.DEVNULL)
        local_table = pq.read_table(out)
    key = lambda t: list(zip(t.column("fan_model_id").to_pylist(), t.column("stage").to_pylist()))
    order = {k: i for i, k in enumerate(key(local_table))}
    local_rows = local_table.column("e").to_pylist()
    local = unit(np.array([local_rows[order[k]] for k in key(table)]))

    methods = {
        "fansql local (embed, 1024-d)": local,
        "bag of words (word counts)": unit(CountVectorizer().fit_transform(texts).toarray()),
        "TF-IDF (fitted on these texts)": unit(TfidfVectorizer(sublinear_tf=True).fit_transform(texts).toarray()),
    }
    print(f"{len(texts)} real stage texts, compared with voyage-3.5 (1024-d)")
    print("| method | kNN@10 overlap | ARI k-means k=5 (mean of 10 seeds) | Spearman of pairwise cosines |")
    print("| --- | --- | --- | --- |")
    for name, m in methods.items():
        print(f"| {name} | {knn_overlap(m, voyage):.3f} | {ari(m, voyage):.3f} | {pairwise_spearman(m, voyage):.3f} |")


if __name__ == "__main__":
    main()
