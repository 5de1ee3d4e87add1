package io.datagent.agent.semantic;

import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.search.TableSelector;
import java.util.List;

/**
 * The best compiled reading of one question over several tables, shared by the no-LLM agent and the LLM's compiler
 * tool: the highest share of the question explained; on a tie a complete plan over an unclear one, then the model
 * whose names cover more of the question, then the larger table (row count known). Two complete plans still equal
 * after that, over tables of unknown or equal size, are not chosen silently: the answer asks which table, offering
 * both readings.
 */
final class PlanChoice {

  /** Most tables a question is compiled against. */
  static final int MAX_TABLES = CompilerThresholds.DEFAULT.maxTables();

  private Compilation best;
  private long bestRows = -1;
  private Compilation rival;

  /** Considers {@code c}, compiled over a table of {@code rows} rows (-1 when unknown). */
  void offer(Compilation c, long rows) {
    if (c.score() <= 0) {
      return;
    }
    int cmp = best == null ? 1 : compare(c, rows);
    if (cmp > 0) {
      best = c;
      bestRows = rows;
      rival = null;
    } else if (cmp == 0 && c.ok() && best.ok() && !SqlBuilder.sql(c.plan()).equals(SqlBuilder.sql(best.plan()))) {
      rival = c;
    }
  }

  /** >0 when {@code c} reads the question better than the best so far, 0 when nothing tells them apart. */
  private int compare(Compilation c, long rows) {
    if (Math.abs(c.score() - best.score()) >= 1e-9) {
      return c.score() > best.score() ? 1 : -1;
    }
    if (c.ok() != best.ok()) {
      return c.ok() ? 1 : -1;
    }
    if (Math.abs(c.coverage() - best.coverage()) >= 1e-9) {
      return c.coverage() > best.coverage() ? 1 : -1;
    }
    if (rows >= 0 && bestRows >= 0 && rows != bestRows) {
      return rows > bestRows ? 1 : -1;
    }
    return 0;
  }

  /** The best reading offered, a question about which table when two read it equally, or null when none explained anything. */
  Compilation best() {
    if (rival == null) {
      return best;
    }
    List<String> readings = List.of(Describe.understood(best.plan()).replaceFirst("^Entendí: ", "").replaceFirst("\\.$", ""),
        Describe.understood(rival.plan()).replaceFirst("^Entendí: ", "").replaceFirst("\\.$", ""));
    return Compilation.unclear("La pregunta se puede responder con dos tablas, " + best.plan().model().source() + " y "
        + rival.plan().model().source() + ", y no sé cuál quiere.", readings, best.score());
  }

  /** The visible tables to compile against: all of them, or the {@link #MAX_TABLES} the question names best. */
  static List<String> candidates(TableCatalog catalog, String question) {
    return candidates(catalog, question, MAX_TABLES);
  }

  /** As {@link #candidates(TableCatalog, String)} with at most {@code max} tables ({@link CompilerThresholds#maxTables}). */
  static List<String> candidates(TableCatalog catalog, String question, int max) {
    List<String> all = catalog.listTables().stream().filter(t -> TableCatalog.visible(t.name())).map(TableInfo::qualified).toList();
    if (all.size() <= max) {
      return all;
    }
    List<String> ranked = new TableSelector(catalog).select(question, List.of(), max);
    return ranked.isEmpty() ? all.subList(0, max) : ranked;
  }
}
