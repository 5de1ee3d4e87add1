package io.datagent.app.semantic;

import io.datagent.agent.semantic.SemanticModelSource;
import io.datagent.app.catalog.DataCatalog;
import io.datagent.semantic.MetricViewYaml;
import io.datagent.semantic.SemanticModel;
import java.util.Optional;
import java.util.function.Function;

/**
 * The semantic model of a listed serving table, for the Datos page: the YAML the ingestion kept
 * ({@code _semantica/modelos/<table>.yaml}, through a {@link SemanticModelSource}) when there is one, else derived
 * now by {@code derive} (the agent's own derivation from the catalog and SQL).
 *
 * <p>NOTE: only names the {@link DataCatalog} lists reach the source or the derivation.
 */
public final class TableSemantics {

  /** A model and where it came from. */
  public record Found(SemanticModel model, String yaml, boolean fromFile) {}

  private final DataCatalog catalog;
  private final String servingSchema;
  private final SemanticModelSource files;
  private final Function<String, Optional<SemanticModel>> derive;

  /**
   * @param derive the model of {@code schema.table} derived without a file (e.g. {@code TableModels::model})
   */
  public TableSemantics(DataCatalog catalog, String servingSchema, SemanticModelSource files,
      Function<String, Optional<SemanticModel>> derive) {
    this.catalog = catalog;
    this.servingSchema = servingSchema;
    this.files = files == null ? SemanticModelSource.NONE : files;
    this.derive = derive;
  }

  /** The model of a listed table; empty when the table is not listed or has no model. */
  public Optional<Found> model(String table) {
    if (catalog.table(table).isEmpty()) {
      return Optional.empty();
    }
    String qualified = servingSchema + "." + table;
    Optional<String> text = files.yaml(qualified);
    if (text.isPresent()) {
      try {
        return Optional.of(new Found(MetricViewYaml.readBundle(text.get()), text.get(), true));
      } catch (IllegalArgumentException e) {
        // a damaged file must not take the page away: derive it instead
      }
    }
    return derive.apply(qualified).map(m -> new Found(m, MetricViewYaml.writeBundle(m), false));
  }
}
