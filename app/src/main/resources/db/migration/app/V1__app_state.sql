-- The App's own state (schema app). app.traces and app.feedback have a FIXED shape: the monitor reads them.

CREATE TABLE app.conversations (
  id          uuid PRIMARY KEY,
  user_email  text        NOT NULL,
  title       text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  updated_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversations_by_user ON app.conversations (user_email, updated_at DESC);

-- One row per question asked: what the agent did and what it cost.
CREATE TABLE app.traces (
  id                uuid PRIMARY KEY,
  created_at        timestamptz NOT NULL DEFAULT now(),
  user_email        text,
  conversation_id   uuid,
  question          text,
  answer            text,
  mode              text,
  sql               jsonb,
  tool_calls        jsonb,
  sources           jsonb,
  latency_ms        integer,
  prompt_tokens     integer,
  completion_tokens integer,
  error             text
);
CREATE INDEX traces_by_time ON app.traces (created_at DESC);
CREATE INDEX traces_by_user ON app.traces (user_email, created_at DESC);

-- Thumbs up = 5, thumbs down = 1; one rating per user and trace (a second click replaces the first).
CREATE TABLE app.feedback (
  id          bigserial PRIMARY KEY,
  trace_id    uuid        NOT NULL REFERENCES app.traces (id),
  user_email  text,
  rating      smallint    NOT NULL CHECK (rating BETWEEN 1 AND 5),
  comment     text,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX feedback_one_per_user ON app.feedback (trace_id, user_email);

-- The turns of a conversation; an assistant turn keeps what the page shows again (SQL, table, sources).
CREATE TABLE app.messages (
  id               bigserial PRIMARY KEY,
  conversation_id  uuid        NOT NULL REFERENCES app.conversations (id) ON DELETE CASCADE,
  role             text        NOT NULL CHECK (role IN ('user', 'assistant')),
  content          text        NOT NULL,
  trace_id         uuid        REFERENCES app.traces (id),
  payload          jsonb,
  created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_by_conversation ON app.messages (conversation_id, id);

-- Files uploaded from the Datos page and the ingestion run that loads each one.
CREATE TABLE app.uploads (
  id                uuid PRIMARY KEY,
  user_email        text        NOT NULL,
  file_name         text        NOT NULL,
  dataset           text,
  volume_path       text,
  size_bytes        bigint,
  status            text        NOT NULL,
  progress          text,
  run_ref           text,
  rows_loaded       bigint,
  rows_quarantined  bigint,
  outcomes          jsonb,
  message           text,
  created_at        timestamptz NOT NULL DEFAULT now(),
  started_at        timestamptz,
  ended_at          timestamptz
);
CREATE INDEX uploads_by_user ON app.uploads (user_email, created_at DESC);
CREATE INDEX uploads_active ON app.uploads (status) WHERE status IN ('QUEUED', 'RUNNING');
