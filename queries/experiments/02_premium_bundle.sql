-- Readout of Experiment 2, premium bundle (Whales): revenue per fan (revenue); repeat purchase rate (repeat_purchase).
-- Prints whether the experiment can be read (14 days, split), then each metric's test.
-- Output: experiments/premium_bundle.csv. Needs 00_readouts.sql first.

INSERT INTO experiment_metrics VALUES
  ('premium_bundle', 'revenue per fan', 'revenue'),
  ('premium_bundle', 'repeat purchase rate', 'repeat_purchase');

SELECT * FROM experiment_status WHERE experiment = 'premium_bundle';

COPY (SELECT * FROM experiment_readouts WHERE experiment = 'premium_bundle' ORDER BY metric)
TO 'experiments/premium_bundle.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');

SELECT metric, test, n_a, n_b, a, b, difference, round(p_value, 4) AS p_value, ci_low, ci_high, significant
FROM experiment_readouts WHERE experiment = 'premium_bundle' ORDER BY metric;
