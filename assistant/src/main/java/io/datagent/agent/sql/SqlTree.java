package io.datagent.agent.sql;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import net.sf.jsqlparser.expression.Function;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.MultiPartName;
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
 * are aliases, not table reads, and are not descended into.
 */
final class SqlTree {

  private static final Map<Class<?>, List<Field>> FIELDS = new ConcurrentHashMap<>();

  final List<Table> tables = new ArrayList<>();
  final Set<String> cteNames = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
  final List<String> functions = new ArrayList<>();
  final List<String> forbidden = new ArrayList<>();

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
    if (!pkg.startsWith("net.sf.jsqlparser") || pkg.startsWith("net.sf.jsqlparser.parser")) {
      return; // parser tokens and nodes, JDK values
    }
    if (node instanceof Column || node instanceof AllTableColumns) {
      return;
    }
    if (node instanceof Table t) {
      tables.add(t);
    } else if (node instanceof WithItem<?> w && w.getAlias() != null) {
      cteNames.add(MultiPartName.unquote(w.getAlias().getName()));
    } else if (node instanceof Function f) {
      List<String> parts = f.getMultipartName();
      String name = parts != null && !parts.contains(null) ? String.join(".", parts) : String.valueOf(f.getName());
      functions.add(name.toLowerCase(Locale.ROOT));
    } else if (node instanceof TableFunction) {
      forbidden.add("funciones de tabla en FROM");
    } else if (node instanceof PlainSelect ps && ps.getIntoTables() != null && !ps.getIntoTables().isEmpty()) {
      forbidden.add("SELECT ... INTO");
    }
    if (node instanceof Select s && s.getForMode() != null) {
      forbidden.add("SELECT ... FOR " + s.getForMode());
    }
    for (Field f : fields(node.getClass())) {
      try {
        walk(f.get(node), seen);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("cannot read " + f, e);
      }
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
