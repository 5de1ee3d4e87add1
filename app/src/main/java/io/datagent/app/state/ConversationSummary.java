package io.datagent.app.state;

import java.time.Instant;
import java.util.UUID;

/** One conversation in a user's history list. */
public record ConversationSummary(UUID id, String title, Instant createdAt, Instant updatedAt) {}
