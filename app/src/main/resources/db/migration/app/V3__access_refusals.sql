-- Actions refused to a user for want of a role (labelling a monitor decision, running triage, repairs...):
-- who asked for what, and when. Kept for the engineers who review access; never read by the App itself.
CREATE TABLE app.access_refusals (
  id          bigserial PRIMARY KEY,
  at          timestamptz NOT NULL DEFAULT now(),
  user_email  text        NOT NULL,
  method      text        NOT NULL,
  path        text        NOT NULL,
  role        text        NOT NULL
);
CREATE INDEX access_refusals_at ON app.access_refusals (at DESC);
