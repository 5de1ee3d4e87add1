-- Issue 14: the optimisation an intervention started reports its held-out scores before and after, and an
-- intervention is made at most once per supervision window (the key also derives the run-now idempotency token), so
-- a restarted App does not start a second optimisation for the same window.
alter table monitor.interventions
  add column window_key   text,
  add column score_before double precision,
  add column score_after  double precision;
create unique index interventions_one_per_window on monitor.interventions (window_key);
