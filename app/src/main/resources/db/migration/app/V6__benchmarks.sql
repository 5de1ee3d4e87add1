-- Benchmark items an engineer promotes from the Chat page (issue 14, item 1): the question with the SQL that answers
-- it. The SQL was run through the guard when the item was saved; an item whose ground truth failed is kept with
-- status 'flagged' and the reason, and evaluations list it without scoring it.
CREATE TABLE app.benchmark_items (
  id          text        PRIMARY KEY,
  kind        text        NOT NULL,
  question    text        NOT NULL,
  sql         text        NOT NULL,
  ranked      boolean     NOT NULL DEFAULT false,
  decimals    integer     NOT NULL DEFAULT 2,
  status      text        NOT NULL CHECK (status IN ('ok', 'flagged')),
  problem     text,
  author      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
