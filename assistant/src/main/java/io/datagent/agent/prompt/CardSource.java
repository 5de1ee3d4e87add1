package io.datagent.agent.prompt;

import io.datagent.agent.catalog.SchemaCards;
import io.datagent.agent.catalog.SemanticCards;
import io.datagent.agent.catalog.TableDescription;
import io.datagent.semantic.SemanticModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where the {@link PromptBuilder} gets a table's schema card: one or more renderings, richest first; the builder
 * takes the first that fits its budget.
 */
@FunctionalInterface
public interface CardSource {

  /** The bare column card of {@link SchemaCards}. */
  CardSource BARE = d -> List.of(SchemaCards.card(d));

  /** The renderings of {@code d}'s card, richest first; never empty. */
  List<String> cards(TableDescription d);

  /**
   * Cards from each table's semantic model ({@link SemanticCards}), with the bare card as the last, leanest
   * rendering; when the model cannot be built (missing, or its profiling fails), only the bare card.
   */
  static CardSource semantic(Function<String, Optional<SemanticModel>> models) {
    return d -> {
      Optional<SemanticModel> m;
      try {
        m = models.apply(d.table().qualified());
      } catch (RuntimeException e) {
        m = Optional.empty(); // a table without a model still gets its columns
      }
      if (m.isEmpty()) {
        return BARE.cards(d);
      }
      List<String> out = new ArrayList<>(SemanticCards.cards(d, m.get()));
      out.add(SchemaCards.card(d));
      return out;
    };
  }
}
