package io.datagent.agent.sql;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.expression.AnalyticExpression;
import net.sf.jsqlparser.expression.DoubleValue;
import net.sf.jsqlparser.expression.Expression;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.expression.LongValue;
import net.sf.jsqlparser.expression.SignedExpression;
import net.sf.jsqlparser.expression.StringValue;
import net.sf.jsqlparser.expression.operators.relational.ExpressionList;
import net.sf.jsqlparser.expression.operators.relational.LikeExpression;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.Statements;
import net.sf.jsqlparser.statement.select.Limit;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.SetOperationList;

/**
 * Lets through only what the agent may run: exactly one SELECT or WITH statement, reading only tables of the
 * allowed schemas (and catalog), calling only Spark built-ins of the allow-list ({@link SparkFunctions}) with bounded
 * arguments, with a LIMIT no larger than the policy's. Every path that runs SQL for the agent (the model's tool call,
 * a question typed as SQL) goes through {@link #check}.
 *
 * <p>It decides on what Spark will resolve, not on spellings:
 * <ol>
 *   <li>{@link SqlLexer} checks the raw text with Spark's lexical rules and refuses everything where Spark and
 *       JSqlParser could read different tokens (backslashes, {@code ${...}}, doubled quotes, double quotes, hints,
 *       nested comments, several statements, control/invisible/non-ASCII characters, confusable names);</li>
 *   <li>JSqlParser's tree is walked completely ({@link SqlTree}); a node type the guard does not know, a table
 *       function ({@code range}, {@code read_files}, {@code IDENTIFIER(...)}, {@code TABLE(...)}),
 *       {@code SELECT ... INTO} or {@code WITH RECURSIVE} refuses the statement;</li>
 *   <li>function names (plain, window, inside lambdas, any clause) are normalised (back-quotes, case, NFKC) and must
 *       be allowed built-ins; qualified names are refused; regular expressions must be short literals without
 *       nested quantifiers; size arguments are bounded;</li>
 *   <li>table names are normalised and rewritten (lower case, no quotes, qualified with the default schema unless
 *       they name a CTE in scope); path tables ({@code csv.`/path`}), internal {@code _}-prefixed tables, other
 *       schemas and catalogs are refused;</li>
 *   <li>the returned SQL is the parser's rendering of the checked tree, and it is checked again: it must pass the
 *       same checks and render identically, so what runs is exactly what was checked.</li>
 * </ol>
 * Reasons are in Spanish, precise enough for a model to correct its query.
 */
public final class SqlGuard {

  /** Data-source names Spark reads files or connections through ({@code csv.`/path`}, {@code delta.`/path`}). */
  static final Set<String> PATH_SOURCES = Set.of("csv", "json", "parquet", "orc", "text", "delta", "avro",
      "binaryfile", "jdbc", "hive", "xml", "image", "libsvm", "kafka", "file", "noop", "console", "socket", "rate",
      "cloudfiles", "dbfs", "s3", "s3a", "abfss", "gs", "hdfs", "http", "https");

  /** Functions whose second argument (and third, for {@code str_to_map}) is a Java regular expression. */
  static final Set<String> REGEX_FUNCTIONS = Set.of("rlike", "regexp", "regexp_like", "regexp_extract",
      "regexp_extract_all", "regexp_replace", "regexp_count", "regexp_instr", "regexp_substr", "split", "str_to_map");

  /** Grouping constructs JSqlParser reads as functions ({@code GROUP BY ROLLUP(a)}); not in Spark's registry. */
  private static final Set<String> GROUPING_FUNCTIONS = Set.of("rollup", "cube");

  static final int MAX_PATTERN = 200;
  static final long MAX_PAD = 10_000;
  static final long MAX_ROWS_GENERATED = 10_000;

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
    String clean = SqlLexer.clean(sql);
    if (clean.isEmpty()) {
      throw new SqlRejectedException("empty", "La consulta SQL está vacía.");
    }
    GuardedSql first = checkParsed(clean);
    // What runs must be exactly what was checked: the rendering must pass the same checks and render identically.
    GuardedSql again;
    try {
      if (!SqlLexer.clean(first.sql()).equals(first.sql())) {
        throw new SqlRejectedException("round_trip", "changed by the lexer");
      }
      again = checkParsed(first.sql());
    } catch (SqlRejectedException e) {
      throw new SqlRejectedException("round_trip", "No se pudo verificar la consulta (su forma reescrita no pasa la "
          + "verificación: " + e.getMessage() + "). Escríbala de forma más simple.");
    }
    if (!again.sql().equals(first.sql()) || !again.tables().equals(first.tables()) || again.limit() != first.limit()) {
      throw new SqlRejectedException("round_trip", "No se pudo verificar la consulta (cambia al reescribirla). "
          + "Escríbala de forma más simple.");
    }
    return first;
  }

  /** Parses one comment-free statement, checks it and returns its rewritten rendering. */
  private GuardedSql checkParsed(String clean) throws SqlRejectedException {
    Statement statement = parseOne(clean);
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
      SqlTree.Forbidden f = tree.forbidden.get(0);
      throw new SqlRejectedException(f.code(), "No se permite " + f.what() + " en la consulta.");
    }
    for (Object node : tree.nodes) {
      if (node instanceof Function f) {
        checkFunction(f.getMultipartName(), f.getName(), parameters(f.getParameters()));
      } else if (node instanceof AnalyticExpression a) {
        List<Expression> args = new ArrayList<>();
        for (Expression e : new Expression[] {a.getExpression(), a.getOffset(), a.getDefaultValue()}) {
          if (e != null) {
            args.add(e);
          }
        }
        checkFunction(null, a.getName(), args);
      } else if (node instanceof LikeExpression l) {
        checkLike(l);
      }
    }
    Set<String> read = new LinkedHashSet<>();
    for (Table t : tree.tables) {
      read.add(qualify(t, tree));
    }
    long limit = clampLimit(select);
    return new GuardedSql(select.toString(), List.copyOf(read), limit);
  }

  private static List<Expression> parameters(ExpressionList<?> list) {
    if (list == null) {
      return List.of();
    }
    List<Expression> out = new ArrayList<>();
    list.forEach(out::add);
    return out;
  }

  /** A call must name one of Spark's allowed built-ins (after normalisation) and pass bounded arguments. */
  private static void checkFunction(List<String> multipart, String rawName, List<Expression> args)
      throws SqlRejectedException {
    if (multipart != null && multipart.size() > 1) {
      throw new SqlRejectedException("denied_function", "No se permite la función " + String.join(".", multipart)
          + ": use solo funciones integradas de Spark SQL, sin esquema ni catálogo.");
    }
    String name = SqlNames.normalize(rawName);
    if (name.equals("identifier")) {
      throw new SqlRejectedException("identifier_clause", "No se permite IDENTIFIER(...): escriba los nombres "
          + "directamente.");
    }
    if (GROUPING_FUNCTIONS.contains(name)) {
      return;
    }
    if (!name.equals(rawName.strip().toLowerCase(Locale.ROOT)) && !rawName.strip().startsWith("`")) {
      throw new SqlRejectedException("denied_function", "El nombre de función " + rawName + " no es válido.");
    }
    if (!SparkFunctions.allowed(name)) {
      String why = SparkFunctions.refusal(rawName);
      throw new SqlRejectedException("denied_function", Character.toUpperCase(why.charAt(0)) + why.substring(1)
          + ": use solo funciones integradas de Spark SQL que leen los datos.");
    }
    if (REGEX_FUNCTIONS.contains(name)) {
      checkPattern(name, args.size() > 1 ? args.get(1) : null);
      if (name.equals("str_to_map") && args.size() > 2) {
        checkPattern(name, args.get(2));
      }
    }
    switch (name) {
      case "lpad", "rpad", "left", "right" -> {
        if (args.size() > 1) {
          bounded(name, args.get(1), MAX_PAD);
        }
      }
      case "format_string", "printf" -> {
        if (args.isEmpty() || !(args.get(0) instanceof StringValue fmt)
            || fmt.getValue().matches("(?s).*%[^a-zA-Z%]*[0-9]{4,}.*")) {
          throw new SqlRejectedException("unbounded_argument", "La función " + name + " necesita un formato literal "
              + "con anchos de menos de 4 cifras.");
        }
      }
      case "approx_percentile", "percentile_approx" -> {
        if (args.size() > 2) {
          bounded(name, args.get(2), 100_000);
        }
      }
      case "histogram_numeric" -> {
        if (args.size() > 1) {
          bounded(name, args.get(1), 1_000);
        }
      }
      case "stack", "array_insert" -> {
        if (!args.isEmpty()) {
          bounded(name, args.get(name.equals("stack") ? 0 : 1), MAX_ROWS_GENERATED);
        }
      }
      case "round", "bround", "format_number" -> {
        if (args.size() > 1 && !(name.equals("format_number") && args.get(1) instanceof StringValue)) {
          bounded(name, args.get(1), 38);
        }
      }
      case "approx_count_distinct" -> {
        if (args.size() > 1 && !(args.get(1) instanceof DoubleValue d && d.getValue() >= 0.01 && d.getValue() <= 1)) {
          throw new SqlRejectedException("unbounded_argument", "La precisión de approx_count_distinct debe ser un "
              + "número literal entre 0.01 y 1.");
        }
      }
      case "window" -> {
        if (args.size() > 2) {
          throw new SqlRejectedException("unbounded_argument", "No se permiten ventanas deslizantes en window(); "
              + "use window(columna, 'duración').");
        }
      }
      case "count_min_sketch" -> throw new SqlRejectedException("unbounded_argument",
          "No se permite count_min_sketch (su tamaño depende de los argumentos).");
      default -> { }
    }
  }

  private static void bounded(String function, Expression arg, long max) throws SqlRejectedException {
    Expression e = arg instanceof SignedExpression s && s.getSign() == '-' ? s.getExpression() : arg;
    if (!(e instanceof LongValue v) || v.getValue() < 0 || v.getValue() > max) {
      throw new SqlRejectedException("unbounded_argument", "El argumento de tamaño de " + function
          + " debe ser un número literal entre 0 y " + max + ".");
    }
  }

  private static void checkLike(LikeExpression l) throws SqlRejectedException {
    String keyword = String.valueOf(l.getLikeKeyWord()).toUpperCase(Locale.ROOT);
    if (keyword.contains("RLIKE") || keyword.contains("REGEXP") || keyword.contains("SIMILAR")) {
      checkPattern(keyword.toLowerCase(Locale.ROOT), l.getRightExpression());
    } else if (l.getRightExpression() instanceof StringValue p) {
      long wildcards = p.getValue().chars().filter(c -> c == '%').count();
      if (p.getValue().length() > MAX_PATTERN || wildcards > 6) {
        throw new SqlRejectedException("unsafe_pattern", "El patrón de LIKE es demasiado largo o tiene demasiados %.");
      }
    }
    if (l.getEscape() != null) {
      throw new SqlRejectedException("unsupported_construct", "No se permite ESCAPE en LIKE.");
    }
  }

  /**
   * A regular expression must be a short literal without nested or stacked quantifiers (catastrophic
   * backtracking: {@code (a+)+}, {@code (a|a)*}, {@code a*a*a*...}) and without huge repetition counts.
   */
  static void checkPattern(String function, Expression arg) throws SqlRejectedException {
    if (!(arg instanceof StringValue s)) {
      throw new SqlRejectedException("unsafe_pattern", "La expresión regular de " + function
          + " debe ser un texto literal.");
    }
    String p = s.getValue();
    if (p.length() > MAX_PATTERN) {
      throw new SqlRejectedException("unsafe_pattern", "La expresión regular de " + function
          + " es demasiado larga (máximo " + MAX_PATTERN + " caracteres).");
    }
    java.util.ArrayDeque<boolean[]> groups = new java.util.ArrayDeque<>(); // [has quantifier or alternation]
    boolean lastWasGroupRisky = false;
    int quantifiers = 0;
    boolean inClass = false;
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (inClass) {
        inClass = c != ']';
        continue;
      }
      boolean quantifier = c == '*' || c == '+' || c == '{' || (c == '?' && i > 0 && p.charAt(i - 1) != '(');
      if (quantifier) {
        quantifiers++;
        if (lastWasGroupRisky) {
          throw new SqlRejectedException("unsafe_pattern", "La expresión regular de " + function + " tiene "
              + "cuantificadores anidados (p. ej. (a+)+), que pueden bloquear el motor.");
        }
        if (!groups.isEmpty()) {
          groups.peek()[0] = true;
        }
        if (c == '{') {
          int end = p.indexOf('}', i);
          String body = end < 0 ? "" : p.substring(i + 1, end);
          for (String n : body.split(",")) {
            if (!n.isBlank() && (!n.strip().matches("[0-9]{1,4}") || Integer.parseInt(n.strip()) > 1000)) {
              throw new SqlRejectedException("unsafe_pattern", "La expresión regular de " + function
                  + " repite demasiadas veces (máximo {1000}).");
            }
          }
          i = end < 0 ? i : end;
        }
        lastWasGroupRisky = false;
        continue;
      }
      lastWasGroupRisky = false;
      if (c == '[') {
        inClass = true;
      } else if (c == '(') {
        groups.push(new boolean[] {false});
      } else if (c == '|' && !groups.isEmpty()) {
        groups.peek()[0] = true;
      } else if (c == ')' && !groups.isEmpty()) {
        boolean risky = groups.pop()[0];
        lastWasGroupRisky = risky;
        if (risky && !groups.isEmpty()) {
          groups.peek()[0] = true;
        }
      }
    }
    if (quantifiers > 8) {
      throw new SqlRejectedException("unsafe_pattern", "La expresión regular de " + function
          + " tiene demasiados cuantificadores (máximo 8).");
    }
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

  /** Checks one table read and rewrites it in place (normalised, qualified); returns its qualified name. */
  private String qualify(Table t, SqlTree tree) throws SqlRejectedException {
    List<String> parts = t.getNameParts();
    if (parts == null || parts.isEmpty() || parts.size() > 3 || parts.contains(null) || t.getName() == null) {
      throw new SqlRejectedException("bad_table", "Nombre de tabla no permitido: " + t.getFullyQualifiedName());
    }
    String name = SqlNames.normalize(t.getName());
    String schema = t.getSchemaName() == null ? null : SqlNames.normalize(t.getSchemaName());
    String catalog = t.getCatalogName() == null ? null : SqlNames.normalize(t.getCatalogName());
    if ((schema != null && PATH_SOURCES.contains(schema)) || name.contains("/") || name.contains(":")) {
      throw new SqlRejectedException("path_table", "No se permite leer archivos o rutas (" + t.getFullyQualifiedName()
          + "); consulte solo las tablas " + policy.defaultSchema() + ".<tabla>.");
    }
    for (String part : new String[] {name, schema, catalog}) {
      if (part != null && !SqlNames.plainTablePart(part)) {
        throw new SqlRejectedException("bad_table", "Nombre de tabla no permitido: " + t.getFullyQualifiedName()
            + " (solo letras sin tilde, números y _).");
      }
    }
    if (tree.cteRefs.contains(t)) {
      t.setName(name);
      return name;
    }
    if (name.startsWith("_")) {
      throw new SqlRejectedException("internal_table", "La tabla " + name + " es interna y no se puede consultar.");
    }
    if (schema == null) {
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
    t.setName(name);
    t.setSchemaName(schema);
    if (catalog != null) {
      t.setDatabaseName(catalog);
    }
    return (catalog == null ? "" : catalog + ".") + schema + "." + name;
  }

  private long clampLimit(Select top) {
    long max = policy.maxRows();
    Select select = top;
    if (top instanceof SetOperationList list && list.getLimit() == null && list.getOffset() == null
        && list.getFetch() == null && list.getOrderByElements() == null
        && list.getSelects().get(list.getSelects().size() - 1) instanceof PlainSelect last) {
      // JSqlParser attaches a trailing ORDER BY / LIMIT of a UNION to its last branch; Spark applies them to the
      // whole result. Either way the text ends with that LIMIT, so clamp it there (and re-parsing finds it there).
      select = last;
    }
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
