package io.datagent.app.semantic;

import io.datagent.app.Refusal;
import io.datagent.app.web.RouteRegistrar;
import io.datagent.semantic.Dimension;
import io.datagent.semantic.Measure;
import io.datagent.semantic.SemanticModel;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Datos page's view of a table's semantic model: {@code GET /api/tables/{name}/modelo} (measures with unit and
 * aggregation, dimensions with grains and values, synonyms) and {@code GET /api/tables/{name}/modelo.yaml} (the
 * metric view YAML with its sidecar, as a download).
 */
public final class SemanticRoutes implements RouteRegistrar {

  private final TableSemantics semantics;

  public SemanticRoutes(TableSemantics semantics) {
    this.semantics = semantics;
  }

  /**
   * The routes over the App's ports: models from {@code files}, else derived with the agent's own derivation
   * (guarded profiling SQL over {@code tables}, kept ten minutes).
   */
  public static SemanticRoutes over(io.datagent.app.catalog.DataCatalog data, String servingSchema,
      io.datagent.agent.catalog.TableCatalog tables, io.datagent.agent.sql.SqlExecutor sql,
      io.datagent.agent.AgentConfig config, io.datagent.agent.semantic.SemanticModelSource files) {
    io.datagent.agent.semantic.TableModels derived = new io.datagent.agent.semantic.TableModels(tables,
        new io.datagent.agent.sql.SqlGuard(config.sqlPolicy()), sql, config.sqlTimeout(), files,
        java.time.Duration.ofMinutes(10));
    return new SemanticRoutes(new TableSemantics(data, servingSchema, files, derived::model));
  }

  @Override
  public void register(Javalin app) {
    app.get("/api/tables/{name}/modelo", ctx -> ctx.json(view(found(ctx))));
    app.get("/api/tables/{name}/modelo.yaml", ctx -> {
      TableSemantics.Found f = found(ctx);
      ctx.contentType("application/yaml; charset=utf-8")
          .header("Content-Disposition", "attachment; filename=\"" + ctx.pathParam("name") + ".yaml\"")
          .result(f.yaml());
    });
  }

  private TableSemantics.Found found(Context ctx) {
    String name = ctx.pathParam("name");
    return semantics.model(name)
        .orElseThrow(() -> Refusal.notFound("No hay modelo semántico de la tabla «" + name + "»."));
  }

  static Map<String, Object> view(TableSemantics.Found f) {
    SemanticModel m = f.model();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("source", m.source());
    out.put("comment", m.comment());
    out.put("rowNoun", m.rowNoun());
    out.put("origin", f.fromFile() ? "archivo" : "derivado");
    List<Map<String, Object>> measures = new ArrayList<>();
    for (Measure x : m.measures()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", x.name());
      e.put("displayName", x.displayName());
      e.put("expr", x.expr());
      e.put("aggregation", x.aggregation().spanish());
      e.put("unit", x.unit());
      e.put("comment", x.comment());
      e.put("synonyms", x.synonyms());
      measures.add(e);
    }
    List<Map<String, Object>> dims = new ArrayList<>();
    int indexed = 0;
    for (Dimension d : m.dimensions()) {
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("name", d.name());
      e.put("displayName", d.displayName());
      e.put("kind", kind(d.kind()));
      e.put("grains", d.temporal() ? (d.kind() == Dimension.Kind.DATE ? List.of("día", "mes", "año") : List.of("mes", "año"))
          : List.of());
      e.put("comment", d.comment());
      e.put("synonyms", d.synonyms());
      e.put("values", d.values().size());
      e.put("sampleValues", d.values().subList(0, Math.min(8, d.values().size())));
      e.put("codes", d.codes());
      indexed += d.values().size();
      dims.add(e);
    }
    out.put("measures", measures);
    out.put("dimensions", dims);
    out.put("valueIndexSize", indexed);
    return out;
  }

  private static String kind(Dimension.Kind k) {
    return switch (k) {
      case TEXT -> "texto";
      case DATE -> "fecha";
      case MONTH_TEXT -> "mes";
      case NUMBER -> "número";
    };
  }
}
