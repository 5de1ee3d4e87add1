-- Issue 14: the retrieval tuning the agent without an LLM searches with, as OptimizeJob promotes it (the LLM agent's
-- equivalent is the prompt registry's production alias). Append-only: the newest row is served, older rows are the
-- history (who promoted what, with which held-out scores).
CREATE TABLE app.agent_tuning (
  id             bigserial PRIMARY KEY,
  created_at     timestamptz NOT NULL DEFAULT now(),
  candidates     integer          NOT NULL CHECK (candidates > 0),
  rrf_k          integer          NOT NULL CHECK (rrf_k > 0),
  lexical_weight double precision NOT NULL CHECK (lexical_weight >= 0),
  vector_weight  double precision NOT NULL CHECK (vector_weight >= 0),
  card_weight    double precision NOT NULL CHECK (card_weight >= 0),
  promoted_by    text             NOT NULL,
  message        text             NOT NULL,
  score_before   double precision,
  score_after    double precision
);
