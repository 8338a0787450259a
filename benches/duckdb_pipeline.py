"""DuckDB running the same staging and conversation-features work as fansql's saved queries.

Staging is written out by hand (fansql uses its own window functions there); the features step
is fansql's own 02_conversation_features.sql with the few dialect differences rewritten, so both
engines compute the same thing. Usage: duckdb_pipeline.py MESSAGES.parquet OUT_DIR
"""
import pathlib
import re
import sys

import duckdb

messages, out = sys.argv[1], pathlib.Path(sys.argv[2])
out.mkdir(parents=True, exist_ok=True)
root = pathlib.Path(__file__).resolve().parent.parent
con = duckdb.connect()

con.execute(f"""
CREATE VIEW messages AS SELECT
  CAST(row_id AS BIGINT) AS row_id, fan_id, model_name AS model_id,
  CASE WHEN trim(chatter_name) = '' THEN NULL ELSE chatter_name END AS chatter_id,
  fan_id || '_' || model_name AS fan_model_id, datetime AS ts,
  CASE WHEN trim(fan_message) = '' THEN NULL ELSE fan_message END AS fan_message,
  CASE WHEN trim(chatter_message) = '' THEN NULL ELSE chatter_message END AS chatter_message,
  coalesce(price, 0.0) AS price, coalesce(purchased, false) AS purchased,
  coalesce(tips, 0.0) AS tips, coalesce(revenue, 0.0) AS revenue
FROM read_parquet('{messages}')
""")
con.execute("""
CREATE VIEW staged_messages AS
WITH marked AS (
  SELECT m.*,
    CASE WHEN lag(ts) OVER w IS NULL OR ts - lag(ts) OVER w > INTERVAL 4 HOUR THEN 1 ELSE 0 END AS starts,
    min(CASE WHEN purchased THEN ts END) OVER p AS first_purchase,
    max(CASE WHEN purchased THEN ts END) OVER p AS last_purchase
  FROM messages m
  WINDOW w AS (PARTITION BY fan_id, model_id ORDER BY ts, row_id), p AS (PARTITION BY fan_id, model_id)
)
SELECT * EXCLUDE (starts, first_purchase, last_purchase),
  fan_model_id || '_C' || CAST(sum(starts) OVER (PARTITION BY fan_id, model_id ORDER BY ts, row_id ROWS UNBOUNDED PRECEDING) AS VARCHAR)
    AS conversation_id,
  CASE WHEN first_purchase IS NULL OR ts <= first_purchase THEN 'stage_1'
       WHEN ts <= last_purchase THEN 'stage_2' ELSE 'stage_3' END AS stage,
  row_number() OVER w AS pair_message_number,
  lead(CASE WHEN fan_message IS NOT NULL THEN ts END) OVER w AS next_fan_message_ts,
  count(chatter_message) OVER (PARTITION BY fan_id, model_id ORDER BY ts, row_id ROWS UNBOUNDED PRECEDING)
    AS pair_chatter_so_far
FROM marked
WINDOW w AS (PARTITION BY fan_id, model_id ORDER BY ts, row_id)
""")
staged = out / "staged_conversations.parquet"
con.execute(f"COPY (SELECT * FROM staged_messages) TO '{staged}' (FORMAT parquet)")
con.execute(f"CREATE VIEW staged_conversations AS SELECT * FROM read_parquet('{staged}')")

features = (root / "queries/pipeline/02_conversation_features.sql").read_text()
features = re.sub(r"--[^\n]*", "", features)
# fansql's COPY targets and its external table over the features file, in DuckDB's words
features = re.sub(
    r"\) TO '([^']+)' STORED AS (\w+)(\s+OPTIONS \([^)]*\))?",
    lambda m: f") TO '{out / m.group(1)}' (FORMAT {m.group(2).lower()})",
    features,
)
features = re.sub(
    r"CREATE OR REPLACE EXTERNAL TABLE (\w+)\s+STORED AS PARQUET LOCATION '([^']+)'\s+WITH ORDER \([^)]*\)",
    lambda m: f"CREATE OR REPLACE VIEW {m.group(1)} AS SELECT * FROM read_parquet('{out / m.group(2)}')",
    features,
)
for statement in filter(str.strip, features.split(";")):
    con.execute(statement)
print(con.execute("SELECT count(*) FROM conversation_features").fetchall()[0][0], "conversations")
