package io.datagent.agent.semantic;

import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableInfo;
import io.datagent.agent.search.TableSelector;
import java.util.List;

/**
 * The best compiled reading of one question over several tables, shared by the no-LLM agent and the LLM's compiler
 * tool: the highest share of the question explained; on a tie a complete plan over an unclear one, then the larger
 * table.
 */
final class PlanChoice {

  /** Most tables a question is compiled against. */
  static final int MAX_TABLES = 8;

  private Compilation best;
  private long bestRows = -1;

  /** Considers {@code c}, compiled over a table of {@code rows} rows. */
  void offer(Compilation c, long rows) {
    boolean tie = best != null && Math.abs(c.score() - best.score()) < 1e-9;
    if (c.score() > 0 && (best == null || c.score() > best.score() + 1e-9 || tie && c.ok() && !best.ok()
        || tie && c.ok() == best.ok() && rows > bestRows)) {
      best = c;
      bestRows = rows;
    }
  }

  /** The best reading offered, or null when none explained anything. */
  Compilation best() {
    return best;
  }

  /** The visible tables to compile against: all of them, or the {@link #MAX_TABLES} the question names best. */
  static List<String> candidates(TableCatalog catalog, String question) {
    List<String> all = catalog.listTables().stream().filter(t -> TableCatalog.visible(t.name())).map(TableInfo::qualified).toList();
    if (all.size() <= MAX_TABLES) {
      return all;
    }
    List<String> ranked = new TableSelector(catalog).select(question, List.of(), MAX_TABLES);
    return ranked.isEmpty() ? all.subList(0, MAX_TABLES) : ranked;
  }
}
