-- The prompt registry's PostgreSQL side (locally and on Lakebase) and what the App records about prompts whichever
-- side holds them: the alias changes (audit) and the evaluation scores per version.

-- Immutable versions, numbered per prompt from 1; the same text (sha256) is registered once.
CREATE TABLE app.prompt_versions (
  name        text        NOT NULL,
  version     integer     NOT NULL,
  content     text        NOT NULL,
  sha256      text        NOT NULL,
  author      text        NOT NULL,
  message     text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, version),
  CONSTRAINT prompt_versions_one_per_content UNIQUE (name, sha256)
);

-- Movable names (production, candidate) for versions of a prompt.
CREATE TABLE app.prompt_aliases (
  name        text        NOT NULL,
  alias       text        NOT NULL,
  version     integer     NOT NULL,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (name, alias),
  FOREIGN KEY (name, version) REFERENCES app.prompt_versions (name, version)
);

-- Every alias change (seed, promotion, rollback): who, when, from which version to which. Never updated.
CREATE TABLE app.prompt_alias_changes (
  id            bigserial   PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  name          text        NOT NULL,
  alias         text        NOT NULL,
  from_version  integer,
  to_version    integer     NOT NULL,
  changed_by    text        NOT NULL,
  kind          text        NOT NULL CHECK (kind IN ('seed', 'promote', 'rollback'))
);
CREATE INDEX prompt_alias_changes_by_alias ON app.prompt_alias_changes (name, alias, id DESC);

-- Evaluation scores per version (written by the evaluation job; a version not evaluated has none).
CREATE TABLE app.prompt_scores (
  name          text             NOT NULL,
  version       integer          NOT NULL,
  score         double precision NOT NULL,
  evaluated_at  timestamptz      NOT NULL DEFAULT now(),
  run_ref       text,
  PRIMARY KEY (name, version, evaluated_at)
);

-- Which registry version answered each question (null: no model answered, or the instructions came from a file).
ALTER TABLE app.traces ADD COLUMN prompt_version integer;

-- record_exchange (V2) gains the prompt version; same body otherwise.
DROP FUNCTION app.record_exchange(uuid, text, text, integer, uuid, timestamptz, text, text, text, jsonb, jsonb, jsonb,
  integer, integer, integer, text, jsonb);
CREATE FUNCTION app.record_exchange(
    p_conversation uuid, p_user text, p_title text, p_max_per_user integer,
    p_trace uuid, p_created_at timestamptz, p_question text, p_answer text, p_mode text,
    p_sql jsonb, p_tool_calls jsonb, p_sources jsonb, p_latency_ms integer, p_prompt_tokens integer,
    p_completion_tokens integer, p_error text, p_payload jsonb, p_prompt_version integer)
  RETURNS boolean
  LANGUAGE plpgsql
AS $$
DECLARE
  inserted boolean;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(hashtext('datagent.conversations:' || p_user));
  INSERT INTO app.conversations (id, user_email, title, updated_at)
    VALUES (p_conversation, p_user, p_title, clock_timestamp())
    ON CONFLICT (id) DO UPDATE SET updated_at = EXCLUDED.updated_at
    RETURNING (xmax = 0) INTO inserted;
  INSERT INTO app.traces (id, created_at, user_email, conversation_id, question, answer, mode, sql, tool_calls, sources,
      latency_ms, prompt_tokens, completion_tokens, error, prompt_version)
    VALUES (p_trace, p_created_at, p_user, p_conversation, p_question, p_answer, p_mode, p_sql, p_tool_calls, p_sources,
      p_latency_ms, p_prompt_tokens, p_completion_tokens, p_error, p_prompt_version);
  INSERT INTO app.messages (conversation_id, role, content, trace_id, payload)
    VALUES (p_conversation, 'user', p_question, NULL, NULL),
           (p_conversation, 'assistant', coalesce(p_answer, ''), p_trace, p_payload);
  IF inserted THEN
    DELETE FROM app.conversations
     WHERE user_email = p_user AND id <> p_conversation
       AND id NOT IN (SELECT id FROM app.conversations WHERE user_email = p_user
                       ORDER BY updated_at DESC LIMIT p_max_per_user);
  END IF;
  RETURN inserted;
END
$$;
