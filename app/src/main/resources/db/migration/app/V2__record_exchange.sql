-- Recording one question and its answer in a single round trip: the conversation's clock (inserted with its first
-- exchange), the trace, both turns and the user's bound on conversations, in the caller's transaction.
-- Under the user's advisory lock, so pruning and re-inserting never deadlock across that user's requests.
-- History and traces are acknowledged before their WAL reaches disk: a crash can lose the last fraction of a second
-- of them, never leave them inconsistent.
CREATE FUNCTION app.record_exchange(
    p_conversation uuid, p_user text, p_title text, p_max_per_user integer,
    p_trace uuid, p_created_at timestamptz, p_question text, p_answer text, p_mode text,
    p_sql jsonb, p_tool_calls jsonb, p_sources jsonb, p_latency_ms integer, p_prompt_tokens integer,
    p_completion_tokens integer, p_error text, p_payload jsonb)
  RETURNS boolean
  LANGUAGE plpgsql
AS $$
DECLARE
  inserted boolean;
BEGIN
  PERFORM set_config('synchronous_commit', 'off', true);
  PERFORM pg_advisory_xact_lock(hashtext('datagent.conversations:' || p_user));
  -- clock_timestamp(): under the user's lock, the exchange recorded last is the most recent. A conversation pruned
  -- meanwhile (the same user asking in many tabs) comes back.
  INSERT INTO app.conversations (id, user_email, title, updated_at)
    VALUES (p_conversation, p_user, p_title, clock_timestamp())
    ON CONFLICT (id) DO UPDATE SET updated_at = EXCLUDED.updated_at
    RETURNING (xmax = 0) INTO inserted;
  INSERT INTO app.traces (id, created_at, user_email, conversation_id, question, answer, mode, sql, tool_calls, sources,
      latency_ms, prompt_tokens, completion_tokens, error)
    VALUES (p_trace, p_created_at, p_user, p_conversation, p_question, p_answer, p_mode, p_sql, p_tool_calls, p_sources,
      p_latency_ms, p_prompt_tokens, p_completion_tokens, p_error);
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
