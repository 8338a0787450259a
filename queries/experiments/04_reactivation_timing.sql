-- Readout of Experiment 5, reactivation timing (Romantics): response rate (responded); revenue after inactivity (revenue).
-- Prints whether the experiment can be read (14 days, split), then each metric's test.
-- Output: experiments/reactivation_timing.csv. Needs 00_readouts.sql first.

INSERT INTO experiment_metrics VALUES
  ('reactivation_timing', 'response rate', 'responded'),
  ('reactivation_timing', 'revenue after inactivity', 'revenue');

SELECT * FROM experiment_status WHERE experiment = 'reactivation_timing';

COPY (SELECT * FROM experiment_readouts WHERE experiment = 'reactivation_timing' ORDER BY metric)
TO 'experiments/reactivation_timing.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');

SELECT metric, test, n_a, n_b, a, b, difference, round(p_value, 4) AS p_value, ci_low, ci_high, significant
FROM experiment_readouts WHERE experiment = 'reactivation_timing' ORDER BY metric;
