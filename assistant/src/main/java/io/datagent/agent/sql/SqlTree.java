package io.datagent.agent.sql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.select.AllTableColumns;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.select.TableFunction;
import net.sf.jsqlparser.statement.select.WithItem;

/**
 * Everything in a parsed statement that the guard must see, found by walking every field of the syntax tree.
 *
 * <p>Why reflection and not JSqlParser's {@code TablesNamesFinder}: the finder skips some clauses (ORDER BY, GROUP
 * BY, window specs), so a sub-query hidden there would escape the schema check. Walking all fields of the
 * parser's node objects misses nothing the deparser will print. Column qualifiers ({@code t.col}, {@code t.*})
 * are aliases, not table reads (their other parts, e.g. subscripts, are walked). Only node types the guard knows
 * ({@link #KNOWN_NODES}) may appear: an unknown one (a new parser feature, a dialect construct) refuses the statement.
 */
final class SqlTree {

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  /** The JSqlParser node types the guard understands; any other node in a statement refuses it. */
  static final Set<String> KNOWN_NODES = Set.of(
      "expression.Alias", "expression.Alias$AliasColumn", "expression.AnalyticExpression", "expression.ArrayConstructor",
      "expression.ArrayExpression", "expression.CaseExpression", "expression.CastExpression",
      "expression.DateTimeLiteralExpression", "expression.DoubleValue", "expression.ExtractExpression",
      "expression.Function", "expression.IntervalExpression", "expression.LambdaExpression", "expression.LongValue",
      "expression.NotExpression", "expression.NullValue", "expression.OrderByClause", "expression.PartitionByClause",
      "expression.SignedExpression", "expression.StringValue", "expression.TimeKeyExpression",
      "expression.WhenClause", "expression.WindowDefinition", "expression.WindowElement", "expression.WindowOffset",
      "expression.WindowRange", "expression.BooleanValue", "expression.HexValue", "expression.TrimFunction",
      "expression.operators.arithmetic.Addition", "expression.operators.arithmetic.Subtraction",
      "expression.operators.arithmetic.Multiplication", "expression.operators.arithmetic.Division",
      "expression.operators.arithmetic.IntegerDivision", "expression.operators.arithmetic.Modulo",
      "expression.operators.arithmetic.Concat", "expression.operators.arithmetic.BitwiseAnd",
      "expression.operators.arithmetic.BitwiseOr", "expression.operators.arithmetic.BitwiseXor",
      "expression.operators.conditional.AndExpression", "expression.operators.conditional.OrExpression",
      "expression.operators.relational.EqualsTo", "expression.operators.relational.NotEqualsTo",
      "expression.operators.relational.GreaterThan", "expression.operators.relational.GreaterThanEquals",
      "expression.operators.relational.MinorThan", "expression.operators.relational.MinorThanEquals",
      "expression.operators.relational.Between", "expression.operators.relational.InExpression",
      "expression.operators.relational.IsNullExpression", "expression.operators.relational.IsBooleanExpression",
      "expression.operators.relational.IsDistinctExpression", "expression.operators.relational.LikeExpression",
      "expression.operators.relational.ExistsExpression", "expression.operators.relational.ExpressionList",
      "expression.operators.relational.ParenthesedExpressionList", "expression.operators.relational.CosineSimilarity",
      "schema.Column", "schema.Table", "statement.create.table.ColDataType",
      "statement.select.AllColumns", "statement.select.AllTableColumns", "statement.select.Distinct",
      "statement.select.ExceptOp", "statement.select.IntersectOp", "statement.select.UnionOp",
      "statement.select.SetOperationList", "statement.select.GroupByElement", "statement.select.Join",
      "statement.select.Limit", "statement.select.Offset", "statement.select.OrderByElement",
      "statement.select.ParenthesedSelect", "statement.select.PlainSelect", "statement.select.SelectItem",
      "statement.select.WithItem", "statement.select.LateralView", "statement.select.ParenthesedFromItem",
      "statement.select.Pivot", "statement.select.UnPivot", "statement.select.Fetch", "statement.select.TableFunction");

  final List<Table> tables = new ArrayList<>();
  final Set<String> cteNames = new TreeSet<>();
  /** Unqualified table references that name a common table expression visible where they stand. */
  final Set<Table> cteRefs = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
  /** CTE names in scope while walking (Spark: a WITH item sees the items before it, the body sees all). */
  private final java.util.ArrayDeque<String> visible = new java.util.ArrayDeque<>();
  /** Every node found, in walk order (functions, window functions, LIKE/RLIKE, lateral views ...). */
  final List<Object> nodes = new ArrayList<>();
  final List<Forbidden> forbidden = new ArrayList<>();

  /** A construct the guard refuses wherever it appears. */
  record Forbidden(String code, String what) {}

  static SqlTree of(Object statement) {
    SqlTree tree = new SqlTree();
    tree.walk(statement, new IdentityHashMap<>());
    return tree;
  }

  private void walk(Object node, IdentityHashMap<Object, Boolean> seen) {
    if (node == null || node instanceof String || node instanceof Number || node instanceof Enum<?>
        || node instanceof Boolean || node instanceof Character || seen.put(node, Boolean.TRUE) != null) {
      return;
    }
    if (node instanceof Collection<?> c) {
      c.forEach(e -> walk(e, seen));
      return;
    }
    if (node instanceof Map<?, ?> m) {
      m.keySet().forEach(e -> walk(e, seen));
      m.values().forEach(e -> walk(e, seen));
      return;
    }
    if (node instanceof Object[] a) {
      for (Object e : a) {
        walk(e, seen);
      }
      return;
    }
    String pkg = node.getClass().getPackageName();
    if (pkg.startsWith("net.sf.jsqlparser.parser")) {
      return; // parser tokens
    }
    if (!pkg.startsWith("net.sf.jsqlparser")) {
      forbidden.add(new Forbidden("unsupported_construct", "un elemento no reconocido (" + node.getClass().getSimpleName() + ")"));
      return;
    }
    String type = node.getClass().getName().substring("net.sf.jsqlparser.".length());
    if (!KNOWN_NODES.contains(type)) {
      forbidden.add(new Forbidden("unsupported_construct", "la construcción " + node.getClass().getSimpleName()));
      return;
    }
    nodes.add(node);
    if (node instanceof Table t) {
      tables.add(t);
      if (t.getSchemaName() == null && t.getName() != null && visible.contains(SqlNames.normalize(t.getName()))) {
        cteRefs.add(t);
      }
    } else if (node instanceof WithItem<?> w) {
      if (w.isRecursive()) {
        forbidden.add(new Forbidden("recursive_cte", "WITH RECURSIVE"));
      }
      if (w.getAlias() != null) {
        cteNames.add(SqlNames.normalize(w.getAlias().getName()));
      }
    } else if (node instanceof TableFunction tf) {
      String name = tf.getFunction() == null ? "" : SqlNames.normalize(tf.getFunction().getName());
      forbidden.add(name.equals("identifier")
          ? new Forbidden("identifier_clause", "IDENTIFIER(...): escriba el nombre de la tabla directamente")
          : new Forbidden("table_function", "funciones de tabla en FROM (" + name + ")"));
    } else if (node instanceof PlainSelect ps) {
      if (ps.getIntoTables() != null && !ps.getIntoTables().isEmpty()) {
        forbidden.add(new Forbidden("select_into", "SELECT ... INTO"));
      }
      if (ps.getOracleHint() != null || ps.getTop() != null || ps.getFirst() != null || ps.getSkip() != null
          || ps.getOracleHierarchical() != null || ps.getKsqlWindow() != null || ps.getQualify() != null
          || ps.getWindowDefinitions() != null && !ps.getWindowDefinitions().isEmpty()) {
        forbidden.add(new Forbidden("unsupported_construct", "esta cláusula (hints, TOP, QUALIFY, WINDOW, CONNECT BY)"));
      }
    }
    if (node instanceof Select s && (s.getForMode() != null || s.getIsolation() != null)) {
      forbidden.add(new Forbidden("unsupported_construct", "SELECT ... FOR " + s.getForMode()));
    }
    int pushed = 0;
    if (node instanceof Select s && s.getWithItemsList() != null) {
      for (WithItem<?> w : s.getWithItemsList()) {
        walk(w, seen); // its body sees only the items before it (and outer ones), not itself
        if (w.getAlias() != null) {
          visible.push(SqlNames.normalize(w.getAlias().getName()));
          pushed++;
        }
      }
    }
    boolean column = node instanceof Column || node instanceof AllTableColumns;
    for (Field f : fields(node.getClass())) {
      if (column && f.getType() == Table.class) {
        continue; // a column's qualifier is an alias or a FROM item, not a table read
      }
      try {
        walk(f.get(node), seen);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + f, e);
      }
    }
    for (int i = 0; i < pushed; i++) {
      visible.pop();
    }
  }

  private static List<Field> fields(Class<?> type) {
    return FIELDS.computeIfAbsent(type, t -> {
      List<Field> out = new ArrayList<>();
      for (Class<?> c = t; c != null && c != Object.class; c = c.getSuperclass()) {
        for (Field f : c.getDeclaredFields()) {
          if (!Modifier.isStatic(f.getModifiers()) && !f.getType().isPrimitive()) {
            f.setAccessible(true);
            out.add(f);
          }
        }
      }
      return out;
    });
  }
}
