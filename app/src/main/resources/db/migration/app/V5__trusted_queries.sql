-- Trusted queries (issue 12, item 3): SQL an engineer verified, with named parameters (:region) and the question
-- patterns it answers ("potencia instalada en {region}"). Matched before the question compiler.
CREATE TABLE app.trusted_queries (
  id          text        PRIMARY KEY,
  table_name  text        NOT NULL,
  title       text        NOT NULL,
  patterns    jsonb       NOT NULL,   -- ["potencia instalada en {region}", ...]
  sql         text        NOT NULL,   -- parameters written :name
  params      jsonb       NOT NULL,   -- {"region": "TEXT", ...} in display order (jsonb keeps no order: see param_order)
  param_order jsonb       NOT NULL,   -- ["region", ...]
  author      text        NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX trusted_queries_by_table ON app.trusted_queries (table_name);
