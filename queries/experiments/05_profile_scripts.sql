-- Readout of Experiment 4, profile-enriched chat scripts: revenue per conversation (revenue_per_conversation); 7-day retention (retained_7d).
-- Prints whether the experiment can be read (14 days, split), then each metric's test.
-- Output: experiments/profile_scripts.csv. Needs 00_readouts.sql first.

INSERT INTO experiment_metrics VALUES
  ('profile_scripts', 'revenue per conversation', 'revenue_per_conversation'),
  ('profile_scripts', '7-day retention', 'retained_7d');

SELECT * FROM experiment_status WHERE experiment = 'profile_scripts';

COPY (SELECT * FROM experiment_readouts WHERE experiment = 'profile_scripts' ORDER BY metric)
TO 'experiments/profile_scripts.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');

SELECT metric, test, n_a, n_b, a, b, difference, round(p_value, 4) AS p_value, ci_low, ci_high, significant
FROM experiment_readouts WHERE experiment = 'profile_scripts' ORDER BY metric;
