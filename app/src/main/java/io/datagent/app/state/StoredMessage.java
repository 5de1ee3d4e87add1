package io.datagent.app.state;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * One turn of a stored conversation.
 *
 * @param payload for an assistant turn, what the page shows again (SQL, result table, sources, mode); else null
 */
public record StoredMessage(long id, String role, String content, UUID traceId, JsonNode payload, Instant createdAt) {}
