-- Readout of Experiment 3, Drifter conversion nudge: first purchase rate (first_purchase); return visit rate (returned).
-- Prints whether the experiment can be read (14 days, split), then each metric's test.
-- Output: experiments/drifter_nudge.csv. Needs 00_readouts.sql first.

INSERT INTO experiment_metrics VALUES
  ('drifter_nudge', 'first purchase rate', 'first_purchase'),
  ('drifter_nudge', 'return visit rate', 'returned');

SELECT * FROM experiment_status WHERE experiment = 'drifter_nudge';

COPY (SELECT * FROM experiment_readouts WHERE experiment = 'drifter_nudge' ORDER BY metric)
TO 'experiments/drifter_nudge.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');

SELECT metric, test, n_a, n_b, a, b, difference, round(p_value, 4) AS p_value, ci_low, ci_high, significant
FROM experiment_readouts WHERE experiment = 'drifter_nudge' ORDER BY metric;
