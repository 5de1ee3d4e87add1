package io.datagent.agent.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.MultiPartName;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.Select;

/**
 * Lets through only what the agent may run: exactly one SELECT or WITH statement, reading only tables of the
 * allowed schemas (and catalog), calling no function with side effects, with a LIMIT no larger than the policy's.
 *
 * <p>Checked on JSqlParser's syntax tree, never with regular expressions: {@code ;}-chained statements, DML, DDL,
 * {@code SELECT ... INTO}, table functions in FROM, path tables ({@code csv.`/path`}), other schemas or catalogs
 * are refused with a Spanish reason a model can act on. Unqualified tables are qualified with the default schema
 * (common table expressions excepted). The returned SQL is the parser's rendering of the checked tree, so what
 * runs is exactly what was checked.
 */
public final class SqlGuard {

  /** Functions that reach outside the query (files, network, secrets, the JVM, other models). */
  static final Set<String> DENIED_FUNCTIONS = Set.of(
      "reflect", "java_method", "try_reflect", "http_request", "read_files", "read_kafka", "read_kinesis",
      "read_pubsub", "read_pulsar", "read_statestore", "read_state_metadata", "cloud_files_state", "secret",
      "try_secret", "list_secrets", "vector_search", "ai_query", "ai_analyze_sentiment", "ai_classify",
      "ai_extract", "ai_fix_grammar", "ai_gen", "ai_mask", "ai_similarity", "ai_summarize", "ai_translate",
      "ai_forecast", "ai_parse_document", "remote_query", "query_history");

  private static final long PARSE_TIMEOUT_MS = 3_000;

  private final SqlPolicy policy;

  /** Verdicts on statements seen before (the checks depend only on the text and the policy; parsing dominates). */
  private final Cache<String, Object> verdicts = Caffeine.newBuilder().maximumSize(2048).build();

  public SqlGuard(SqlPolicy policy) {
    this.policy = policy;
  }

  public SqlPolicy policy() {
    return policy;
  }

  /** Checks and rewrites {@code sql}; throws with a Spanish reason when it may not run. */
  public GuardedSql check(String sql) throws SqlRejectedException {
    Object known = sql == null ? null : verdicts.getIfPresent(sql);
    if (known instanceof GuardedSql g) {
      return g;
    }
    if (known instanceof SqlRejectedException r) {
      throw new SqlRejectedException(r.code(), r.getMessage());
    }
    try {
      GuardedSql g = verify(sql);
      verdicts.put(sql, g);
      return g;
    } catch (SqlRejectedException e) {
      if (sql != null) {
        verdicts.put(sql, e);
      }
      throw e;
    }
  }

  private GuardedSql verify(String sql) throws SqlRejectedException {
    if (sql == null || sql.isBlank()) {
      throw new SqlRejectedException("empty", "La consulta SQL está vacía.");
    }
    if (sql.length() > policy.maxLength()) {
      throw new SqlRejectedException("too_long", "La consulta SQL es demasiado larga (" + sql.length()
          + " caracteres; máximo " + policy.maxLength() + ").");
    }
    Statement statement = parseOne(sql);
    if (!(statement instanceof Select select)) {
      throw new SqlRejectedException("not_select", "Solo se permiten consultas de lectura (SELECT o WITH); se recibió "
          + kind(statement) + ". No se modifican datos ni tablas.");
    }
    SqlTree tree;
    try {
      tree = SqlTree.of(select);
    } catch (RuntimeException e) {
      throw new SqlRejectedException("unverifiable", "No se pudo verificar la consulta; escríbala de forma más simple.");
    }
    if (!tree.forbidden.isEmpty()) {
      throw new SqlRejectedException("forbidden_construct", "No se permite " + tree.forbidden.get(0) + " en la consulta.");
    }
    for (String f : tree.functions) {
      String last = f.substring(f.lastIndexOf('.') + 1);
      if (f.contains(".") || DENIED_FUNCTIONS.contains(last) || last.startsWith("ai_")) {
        throw new SqlRejectedException("denied_function", "No se permite la función " + f
            + " (accede a recursos fuera de las tablas de datos).");
      }
    }
    Set<String> read = new LinkedHashSet<>();
    for (Table t : tree.tables) {
      read.add(qualify(t, tree));
    }
    long limit = clampLimit(select);
    return new GuardedSql(select.toString(), List.copyOf(read), limit);
  }

  private Statement parseOne(String sql) throws SqlRejectedException {
    Statements statements;
    try {
      statements = CCJSqlParserUtil.parseStatements(sql, p -> p.withTimeOut(PARSE_TIMEOUT_MS));
    } catch (JSQLParserException e) {
      throw new SqlRejectedException("parse_error", "No se pudo analizar la consulta SQL: " + firstLine(e)
          + ". Escriba una única consulta SELECT válida.");
    }
    List<Statement> list = statements == null ? List.of() : new ArrayList<>(statements);
    if (list.isEmpty()) {
      throw new SqlRejectedException("empty", "La consulta SQL está vacía.");
    }
    if (list.size() > 1) {
      throw new SqlRejectedException("multiple_statements", "Se permite una sola sentencia; se recibieron "
          + list.size() + " separadas por ';'.");
    }
    return list.get(0);
  }

  /** Checks one table read and qualifies it in place when it has no schema; returns its qualified name. */
  private String qualify(Table t, SqlTree tree) throws SqlRejectedException {
    List<String> parts = t.getNameParts();
    String name = MultiPartName.unquote(t.getName());
    String schema = t.getSchemaName() == null ? null : MultiPartName.unquote(t.getSchemaName()).toLowerCase(Locale.ROOT);
    String catalog = t.getCatalogName() == null ? null : MultiPartName.unquote(t.getCatalogName()).toLowerCase(Locale.ROOT);
    if (parts != null && parts.size() > 3) {
      throw new SqlRejectedException("bad_table", "Nombre de tabla no permitido: " + t.getFullyQualifiedName());
    }
    if (schema == null) {
      if (tree.cteNames.contains(name)) {
        return name;
      }
      t.setSchemaName(policy.defaultSchema());
      schema = policy.defaultSchema();
    }
    if (!policy.allowedSchemas().contains(schema)) {
      throw new SqlRejectedException("schema_not_allowed", "La tabla " + t.getFullyQualifiedName()
          + " no está en un esquema permitido (" + String.join(", ", policy.allowedSchemas().stream().sorted().toList())
          + "). Use las tablas " + policy.defaultSchema() + ".<tabla>.");
    }
    if (catalog != null && !catalog.equals(policy.catalog())) {
      throw new SqlRejectedException("catalog_not_allowed", "El catálogo " + catalog + " no está permitido"
          + (policy.catalog() == null ? "; escriba esquema.tabla sin catálogo." : "; use " + policy.catalog() + "."));
    }
    return (catalog == null ? "" : catalog + ".") + schema + "." + name.toLowerCase(Locale.ROOT);
  }

  private long clampLimit(Select select) {
    long max = policy.maxRows();
    Limit limit = select.getLimit();
    if (select.getFetch() != null) {
      select.setFetch(null); // FETCH FIRST n ROWS: replaced by the LIMIT below (Spark SQL has no FETCH)
    }
    if (limit != null && limit.getRowCount() instanceof LongValue v && v.getValue() >= 0 && v.getValue() <= max
        && !limit.isLimitAll() && !limit.isLimitNull()) {
      return v.getValue();
    }
    if (limit == null) {
      limit = new Limit();
      select.setLimit(limit);
    }
    limit.setRowCount(new LongValue(max));
    return max;
  }

  private static String kind(Statement s) {
    String simple = s.getClass().getSimpleName().toUpperCase(Locale.ROOT);
    return switch (simple) {
      case "CREATETABLE", "CREATEVIEW", "CREATEINDEX" -> "CREATE";
      case "ALTER", "ALTERVIEW" -> "ALTER";
      case "UNSUPPORTEDSTATEMENT" -> "una sentencia no reconocida";
      default -> simple;
    };
  }

  private static String firstLine(Exception e) {
    Throwable t = e.getCause() != null ? e.getCause() : e;
    String m = t.getMessage() == null ? t.toString() : t.getMessage();
    m = m.strip();
    int nl = m.indexOf('\n');
    m = nl > 0 ? m.substring(0, nl) : m;
    return m.length() > 200 ? m.substring(0, 200) + "…" : m;
  }
}
