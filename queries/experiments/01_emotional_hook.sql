-- Readout of Experiment 1, emotional-hook first message (Ghosts and Drifters): response within the first 3 messages (responded_within_3); conversion to stage 2 (first_purchase).
-- Prints whether the experiment can be read (14 days, split), then each metric's test.
-- Output: experiments/emotional_hook.csv. Needs 00_readouts.sql first.

INSERT INTO experiment_metrics VALUES
  ('emotional_hook', 'response within the first 3 messages', 'responded_within_3'),
  ('emotional_hook', 'conversion to stage 2', 'first_purchase');

SELECT * FROM experiment_status WHERE experiment = 'emotional_hook';

COPY (SELECT * FROM experiment_readouts WHERE experiment = 'emotional_hook' ORDER BY metric)
TO 'experiments/emotional_hook.csv' STORED AS CSV OPTIONS ('format.has_header' 'true');

SELECT metric, test, n_a, n_b, a, b, difference, round(p_value, 4) AS p_value, ci_low, ci_high, significant
FROM experiment_readouts WHERE experiment = 'emotional_hook' ORDER BY metric;
