package io.datagent.agent.prompt;

import io.datagent.agent.catalog.SchemaCards;
import io.datagent.agent.catalog.TableCatalog;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.agent.catalog.TableInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Builds the system message within a token budget: instructions, then the schema cards of the selected tables
 * while they fit (from a {@link CardSource}: the semantic card, leaner without value examples, or the bare one), then one line per other table while they fit (the model can still call {@code list_tables}).
 */
public final class PromptBuilder {

  public static final int DEFAULT_BUDGET = 4000;

  private final PromptSource systemPrompt;
  private final TableCatalog catalog;
  private final int budget;
  private final CardSource cards;
  private final String addendum;

  public PromptBuilder(PromptSource systemPrompt, TableCatalog catalog, int budget) {
    this(systemPrompt, catalog, budget, CardSource.BARE, "");
  }

  /**
   * @param cards the renderings of each relevant table's card, richest first (the first that fits is used)
   * @param addendum instructions appended to the system prompt's (e.g. for the compiler tool), or empty
   */
  public PromptBuilder(PromptSource systemPrompt, TableCatalog catalog, int budget, CardSource cards, String addendum) {
    this.systemPrompt = systemPrompt;
    this.catalog = catalog;
    this.budget = budget;
    this.cards = cards;
    this.addendum = addendum == null ? "" : addendum.strip();
  }

  /** @param relevant qualified names of the tables the question is about, best first */
  public Prompt build(List<String> relevant) {
    PromptSource.Served served = systemPrompt.current();
    StringBuilder sb = new StringBuilder(served.text().strip());
    if (!addendum.isEmpty()) {
      sb.append("\n\n").append(addendum);
    }
    sb.append("\n\n## Tablas relevantes para esta pregunta\n\n");
    int used = TokenCounter.count(sb.toString());
    List<String> included = new ArrayList<>();
    for (String t : relevant) {
      Optional<TableDescription> d = catalog.describe(t);
      if (d.isEmpty()) {
        continue;
      }
      String card = null;
      int cost = 0;
      for (String variant : cards.cards(d.get())) { // richest first: examples are dropped before the table is
        cost = TokenCounter.count(variant + "\n");
        if (used + cost <= budget * 85 / 100) { // keep room for the other tables' names
          card = variant + "\n";
          break;
        }
      }
      if (card == null) {
        continue;
      }
      sb.append(card);
      used += cost;
      included.add(d.get().table().qualified());
    }
    if (included.isEmpty()) {
      sb.append("(ninguna tabla coincide claramente; use list_tables y describe_table)\n");
    }
    List<TableInfo> others = catalog.listTables().stream().filter(t -> !included.contains(t.qualified())).toList();
    if (!others.isEmpty()) {
      String header = "\n## Otras tablas (use describe_table para ver sus columnas)\n";
      StringBuilder lines = new StringBuilder();
      int cost = TokenCounter.count(header);
      int listed = 0;
      for (TableInfo t : others) {
        String line = "- " + SchemaCards.line(t, 60) + "\n";
        int c = TokenCounter.count(line);
        if (used + cost + c > budget - 20) {
          lines.append("- … y ").append(others.size() - listed).append(" tablas más (use list_tables)\n");
          break;
        }
        lines.append(line);
        cost += c;
        listed++;
      }
      sb.append(header).append(lines);
    }
    String text = sb.toString();
    return new Prompt(text, served.label(), served.version(), List.copyOf(included), TokenCounter.count(text));
  }
}
