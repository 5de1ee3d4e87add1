package io.datagent.app.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import io.datagent.app.Refusal;
import io.datagent.app.web.Identity;
import io.datagent.app.web.ItemRoutes;
import io.datagent.app.web.RouteRegistrar;
import io.datagent.evaluation.BenchmarkStore;
import io.datagent.evaluation.GroundTruth;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The benchmark items engineers promote from the Chat page ("Añadir al benchmark"), under {@code /api/benchmarks}
 * (engineers only, {@link io.datagent.app.roles.EngineersOnly}):
 * <ul>
 *   <li>{@code POST} {@code {"question", "sql", "kind"?, "ranked"?, "decimals"?}}: runs the SQL through the guard
 *       ({@link GroundTruth}) and stores the item: 201 with {@code status: ok}, or with {@code status: flagged} and the
 *       reason when the SQL is refused or fails (kept, never scored); 400 for a missing question or SQL;</li>
 *   <li>{@code GET}: all of them; {@code DELETE /{id}}: removes one (204, or 404).</li>
 * </ul>
 */
public final class BenchmarkRoutes implements RouteRegistrar {

  public static final String PATH = "/api/benchmarks";

  private final BenchmarkStore store;
  private final GroundTruth truth;
  private final Clock clock;

  public BenchmarkRoutes(BenchmarkStore store, GroundTruth truth, Clock clock) {
    this.store = store;
    this.truth = truth;
    this.clock = clock;
  }

  @Override
  public void register(Javalin app) {
    ItemRoutes.register(app, PATH, () -> store.list().stream().map(BenchmarkRoutes::view).toList(), this::save,
        store::delete, "No existe esa pregunta del banco.");
  }

  private void save(Context ctx) {
    JsonNode body = ItemRoutes.object(ctx);
    String question = body.path("question").asText("").strip();
    String sql = body.path("sql").asText("").strip();
    if (question.isEmpty() || sql.isEmpty()) {
      throw Refusal.invalid("Faltan la pregunta o la SQL que la responde.");
    }
    if (question.length() > 2000 || sql.length() > 20_000) {
      throw Refusal.invalid("La pregunta o la SQL son demasiado largas.");
    }
    String kind = body.path("kind").asText("chat").strip();
    BenchmarkStore.Stored draft = new BenchmarkStore.Stored(id(question), kind.isEmpty() ? "chat" : kind, question, sql,
        body.path("ranked").asBoolean(false), body.path("decimals").asInt(2), null, Identity.of(ctx).email(), clock.instant());
    GroundTruth.Checked checked = truth.check(draft.item());
    BenchmarkStore.Stored saved = store.save(new BenchmarkStore.Stored(draft.id(), draft.kind(), question, sql, draft.ranked(),
        draft.decimals(), checked.problem(), draft.author(), draft.createdAt()));
    ctx.status(201).json(view(saved));
  }

  /** The same question promoted twice is one item: the id is a hash of its folded text. */
  static String id(String question) {
    try {
      byte[] h = MessageDigest.getInstance("SHA-256").digest(question.toLowerCase(java.util.Locale.ROOT).strip()
          .getBytes(StandardCharsets.UTF_8));
      return "chat-" + HexFormat.of().formatHex(h).substring(0, 12);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, Object> view(BenchmarkStore.Stored s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("kind", s.kind());
    m.put("question", s.question());
    m.put("sql", s.sql());
    m.put("ranked", s.ranked());
    m.put("decimals", s.decimals());
    m.put("status", s.problem() == null ? "ok" : "flagged");
    m.put("problem", s.problem());
    m.put("author", s.author());
    m.put("createdAt", s.createdAt().toString());
    return m;
  }
}
