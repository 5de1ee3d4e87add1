package io.datagent.agent;

import io.datagent.agent.catalog.ColumnInfo;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.sql.SqlExecutionException;
import io.datagent.agent.sql.SqlExecutor;
import io.datagent.retrieval.Hit;
import io.datagent.retrieval.Retriever;
import io.datagent.retrieval.SearchRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Stand-ins for the backends the agent loop is not tested on here (the Spark and Databricks sides have their own
 * tests): a catalog of given tables, a retriever over given hits, and an executor that answers by a function and
 * records what ran.
 */
public final class Fixtures {

  private Fixtures() {}

  public static final TableDescription POTENCIA = new TableDescription(
      new TableInfo("serving", "potenciainstalada", "Datos cargados desde PotenciaInstalada.csv"),
      List.of(new ColumnInfo("periodo", "DATE", "PERIODO", List.of("2016-05-01")),
          new ColumnInfo("central", "STRING", "CENTRAL", List.of("ABRO", "ACAJ")),
          new ColumnInfo("tecnologia", "STRING", "TECNOLOGIA", List.of("Motor Diesel")),
          new ColumnInfo("potencia_instalada_mw", "DECIMAL(38,3)", "POTENCIA INSTALADA [MW]", List.of("25.000")),
          new ColumnInfo("_source_file", "STRING", null, List.of()),
          new ColumnInfo("_source_row", "BIGINT", null, List.of())));

  public static TableCatalog catalog(TableDescription... tables) {
    return new TableCatalog() {
      @Override
      public List<TableInfo> listTables() {
        return java.util.Arrays.stream(tables).map(TableDescription::table).toList();
      }

      @Override
      public Optional<TableDescription> describe(String table) {
        String q = table.contains(".") ? table : "serving." + table;
        return java.util.Arrays.stream(tables).filter(t -> t.table().qualified().equalsIgnoreCase(q)).findFirst();
      }
    };
  }

  public static Retriever retriever(Hit... hits) {
    return (SearchRequest r) -> List.of(hits).subList(0, Math.min(r.k(), hits.length));
  }

  public static Hit row(String table, String file, long row, String text) {
    return new Hit(table + ":" + row, "row", table, file, row, text, 1.0);
  }

  public static QueryResult abroRow() {
    return new QueryResult(List.of("periodo", "central", "potencia_instalada_mw", "_source_file", "_source_row"),
        List.of("DATE", "STRING", "DECIMAL(38,3)", "STRING", "BIGINT"),
        List.of(List.of("2016-05-01", "ABRO", new java.math.BigDecimal("25.000"), "PotenciaInstalada.csv", 2L)), false);
  }

  /** Answers each statement with {@code answer} (which may throw) and records every statement it was given. */
  public static final class RecordingExecutor implements SqlExecutor {

    public interface Answer {
      QueryResult apply(String sql) throws SqlExecutionException;
    }

    public final List<String> executed = new ArrayList<>();
    public final List<String> tokens = new ArrayList<>();
    private final Answer answer;

    public RecordingExecutor(Answer answer) {
      this.answer = answer;
    }

    public static RecordingExecutor always(QueryResult r) {
      return new RecordingExecutor(sql -> r);
    }

    public static RecordingExecutor by(Function<String, QueryResult> f) {
      return new RecordingExecutor(f::apply);
    }

    /**
     * The statements other than the semantic model's profiling (one count of distinct values per table, one value
     * index query per low-cardinality text column), which an agent runs once per table and caches.
     */
    public synchronized List<String> answering() {
      return executed.stream().filter(s -> !profiling(s)).toList();
    }

    /** The user tokens {@link #answering()}'s statements ran with. */
    public synchronized List<String> answeringTokens() {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < executed.size(); i++) {
        if (!profiling(executed.get(i))) {
          out.add(tokens.get(i));
        }
      }
      return out;
    }

    static boolean profiling(String sql) {
      String s = sql.replace(" ", "").toLowerCase(java.util.Locale.ROOT);
      return s.startsWith("selectcount(*)asn,count(distinct") || s.matches("selecttrim\\(.*\\)asv,count\\(\\*\\)asnfrom.*");
    }

    @Override
    public synchronized QueryResult execute(String sql, int maxRows, Duration timeout, String userToken) throws SqlExecutionException {
      executed.add(sql);
      tokens.add(userToken);
      return answer.apply(sql);
    }
  }
}
