-- Issue 14: the question compiler's tuning the agent without an LLM answers with, as OptimizeJob promotes it: its
-- thresholds and the synonyms learned from feedback (each with its evidence). Append-only like app.agent_tuning: the
-- newest row is served (the App reads it again every 30 s), older rows are the history.
CREATE TABLE app.compiler_tuning (
  id                bigserial PRIMARY KEY,
  created_at        timestamptz      NOT NULL DEFAULT now(),
  min_score         double precision NOT NULL CHECK (min_score > 0),
  typo_from         integer          NOT NULL CHECK (typo_from >= 3),
  two_typos_from    integer          NOT NULL,
  abbreviation_from integer          NOT NULL,
  max_tables        integer          NOT NULL CHECK (max_tables > 0),
  synonyms          jsonb            NOT NULL DEFAULT '[]'::jsonb,
  promoted_by       text             NOT NULL,
  message           text             NOT NULL,
  score_before      double precision,
  score_after       double precision
);
