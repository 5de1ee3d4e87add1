-- The supervisory monitor's state, in its own schema of the App's PostgreSQL (Lakebase on Databricks, embedded
-- locally). Flyway history: monitor.flyway_schema_history.

-- Where detection resumes: runs that started before the watermark are finished and processed.
create table monitor.checkpoint (
  source       text primary key,
  watermark_ms bigint not null,
  polled_at    timestamptz not null default now()
);

-- Every finished run the monitor has seen, once per (run, attempt); failed ones also get a decision.
create table monitor.runs (
  run_id           bigint not null,
  attempt          integer not null,
  job_id           bigint,
  job_name         text,
  result_state     text,
  termination_code text,
  state_message    text,
  start_time       timestamptz,
  end_time         timestamptz,
  run_page_url     text,
  failed           boolean not null,
  seen_at          timestamptz not null default now(),
  primary key (run_id, attempt)
);
create index runs_end_time on monitor.runs (end_time desc);

-- One decision per failed (run, attempt): recorded as an intent (PENDING) before acting, ACTING while the action is
-- on its way out, DONE or FAILED after. The unique key is what makes a second action on the same attempt impossible.
create table monitor.decisions (
  id                 bigserial primary key,
  run_id             bigint not null,
  attempt            integer not null,
  job_id             bigint,
  job_name           text,
  task_keys          jsonb not null default '[]',
  run_page_url       text,
  job_url            text,
  category           text not null,
  confidence         double precision not null,
  severity           text not null,
  stage              text not null,
  evidence           jsonb not null,
  explanation        text not null,
  root_cause         text,
  recommendation     text,
  error_excerpt      text,
  failure_text       text,
  action             text not null,
  parameters         jsonb not null default '{}',
  reason             text,
  status             text not null check (status in ('PENDING', 'ACTING', 'DONE', 'FAILED')),
  not_before         timestamptz not null default now(),
  expected_repair_id bigint,
  repair_id          bigint,
  outcome            text,
  outcome_detail     text,
  tries              integer not null default 0,
  resolution         text,
  decided_at         timestamptz not null default now(),
  acted_at           timestamptz,
  completed_at       timestamptz,
  resolved_at        timestamptz,
  label              text check (label in ('RIGHT', 'WRONG')),
  label_category     text,
  label_note         text,
  labelled_by        text,
  labelled_at        timestamptz,
  constraint decisions_run_attempt unique (run_id, attempt)
);
create index decisions_open on monitor.decisions (status, not_before) where status in ('PENDING', 'ACTING');
create index decisions_unresolved on monitor.decisions (action) where resolution is null and status = 'DONE';
create index decisions_decided_at on monitor.decisions (decided_at desc);

-- The agent's quality over a sliding window, one row per measurement (the App's charts).
create table monitor.quality_snapshots (
  id             bigserial primary key,
  taken_at       timestamptz not null default now(),
  window_minutes integer not null,
  samples        integer not null,
  errors         integer not null,
  error_rate     double precision,
  p95_ms         double precision,
  mean_rating    double precision,
  ratings        integer not null
);
create index quality_snapshots_taken_at on monitor.quality_snapshots (taken_at desc);

-- Every intervention on the agent (evaluation/optimization job started, or recorded locally).
create table monitor.interventions (
  id          bigserial primary key,
  started_at  timestamptz not null default now(),
  reasons     jsonb not null,
  figures     jsonb not null,
  action      text not null,
  job_id      bigint,
  run_id      bigint,
  status      text not null,
  detail      text
);
create index interventions_started_at on monitor.interventions (started_at desc);
